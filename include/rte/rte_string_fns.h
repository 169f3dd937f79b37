/* DPDK's string helpers. */
#ifndef _RTE_STRING_FNS_H_
#define _RTE_STRING_FNS_H_

#include <stddef.h>
#include <string.h>
#include <sys/types.h>

#include <rte_common.h>
#include <rte_errno.h>

/*
 * Split string at each delim into at most maxtokens tokens (the delimiters
 * become NULs); returns the number of tokens, or -1 with rte_errno EINVAL.
 */
static inline int rte_strsplit(char *string, int stringlen, char **tokens,
			       int maxtokens, char delim)
{
	int i, tok = 0, tokstart = 1;

	if (string == NULL || tokens == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	for (i = 0; i < stringlen; i++) {
		if (string[i] == '\0' || tok >= maxtokens)
			break;
		if (tokstart) {
			tokstart = 0;
			tokens[tok++] = &string[i];
		}
		if (string[i] == delim) {
			string[i] = '\0';
			tokstart = 1;
		}
	}
	return tok;
}

/* Copy with truncation; returns strlen(src) (BSD strlcpy). */
static inline size_t rte_strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size != 0) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

/* Append with truncation; returns the length it tried to create. */
static inline size_t rte_strlcat(char *dst, const char *src, size_t size)
{
	size_t l = strnlen(dst, size);

	if (l < size)
		return l + rte_strlcpy(&dst[l], src, size - l);
	return l + strlen(src);
}

/* Copy with truncation; the length copied, or -E2BIG if truncated. */
static inline ssize_t rte_strscpy(char *dst, const char *src, size_t dsize)
{
	size_t len = strnlen(src, dsize);

	if (dsize == 0)
		return -E2BIG;
	if (len == dsize) {
		memcpy(dst, src, dsize - 1);
		dst[dsize - 1] = '\0';
		rte_errno = E2BIG;
		return -E2BIG;
	}
	memcpy(dst, src, len + 1);
	return (ssize_t)len;
}

static inline const char *rte_str_skip_leading_spaces(const char *src)
{
	while (*src == ' ' || (*src >= '\t' && *src <= '\r'))
		src++;
	return src;
}

#ifndef strlcpy
#define strlcpy(dst, src, size) rte_strlcpy(dst, src, size)
#endif
#ifndef strlcat
#define strlcat(dst, src, size) rte_strlcat(dst, src, size)
#endif

#endif
