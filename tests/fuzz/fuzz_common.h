/* What the fuzz targets share: splitting an input into strings, and the
 * filter that keeps an input from leaving the process's sandbox (files it
 * would write, options that exit or abort by design). */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdk_eal.h"
#include "cdk_log.h"

#define FUZZ_MAX_ARGS 24
#define FUZZ_MAX_ARG_LEN 256

/* Options whose effect is outside the library's contract: -h/--help exit
 * the process, abort on fault is the point of --cap-fault=abort, memory
 * sizes would only exercise the allocator, and paths would read or write
 * files named by the input. */
static inline int fuzz_arg_unsafe(const char *a)
{
	static const char *const bad[] = { "pcap", "trace", "iface", "file-prefix",
					   "huge-dir", "cap-fault", "socket-mem",
					   "--help", "/" };

	if (a[0] == '-' && a[1] == 'h')
		return 1;
	if (a[0] == '-' && a[1] == 'm')
		return 1;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (strstr(a, bad[i]) != NULL)
			return 1;
	return 0;
}

/* Split data at NUL, newline or space into at most max strings of buf. */
static inline int fuzz_split(const uint8_t *data, size_t size, char *buf, size_t bufsz,
		      char **argv, int max)
{
	int n = 0;
	size_t j = 0, start = 0;

	for (size_t i = 0; i <= size && j + 1 < bufsz; i++) {
		char c = i < size ? (char)data[i] : '\0';

		if (c == '\0' || c == '\n' || c == ' ') {
			buf[j++] = '\0';
			if (j - 1 > start && n < max && j - 1 - start < FUZZ_MAX_ARG_LEN)
				argv[n++] = buf + start;
			start = j;
		} else {
			buf[j++] = c;
		}
	}
	return n;
}

/* Logs of garbage input are expected: keep them out of the output. */
static inline void fuzz_quiet(void)
{
	static FILE *null_f;

	if (null_f == NULL)
		null_f = fopen("/dev/null", "w");
	cdk_log_set_stream(null_f);
}

#endif
