/* MAC address formatting, parsing and random generation. */
#include <errno.h>
#include <stdio.h>
#include <sys/random.h>

#include "cdk_cycles.h"
#include "cdk_net.h"

void cdk_eth_random_addr(uint8_t *addr)
{
	uint64_t r;

	/* Fall back on the TSC: uniqueness, not secrecy, is what matters. */
	if (getrandom(&r, sizeof(r), GRND_NONBLOCK) != (ssize_t)sizeof(r))
		r = cdk_rdtsc() * 0x9e3779b97f4a7c15ull;
	memcpy(addr, &r, CDK_ETHER_ADDR_LEN);
	addr[0] &= (uint8_t)~CDK_ETHER_GROUP_ADDR;
	addr[0] |= CDK_ETHER_LOCAL_ADMIN_ADDR;
}

void cdk_ether_format_addr(char *buf, uint16_t size,
			   const struct cdk_ether_addr *a)
{
	snprintf(buf, size, CDK_ETHER_ADDR_PRT_FMT, CDK_ETHER_ADDR_BYTES(a));
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* n hex digits at s into *v; 0 or -1. */
static int hexn(const char *s, int n, unsigned *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		int d = hexval(s[i]);

		if (d < 0)
			return -1;
		*v = *v << 4 | (unsigned)d;
	}
	return 0;
}

/* Six byte groups "XX" separated by sep. */
static int parse_bytes(const char *s, char sep, uint8_t out[6])
{
	unsigned v;

	for (int i = 0; i < 6; i++, s += 3) {
		if (hexn(s, 2, &v) || (i < 5 && s[2] != sep) ||
		    (i == 5 && s[2] != '\0'))
			return -1;
		out[i] = (uint8_t)v;
	}
	return 0;
}

/* Three word groups "XXXX:XXXX:XXXX" (Cisco style). */
static int parse_words(const char *s, uint8_t out[6])
{
	unsigned v;

	for (int i = 0; i < 3; i++, s += 5) {
		if (hexn(s, 4, &v) || (i < 2 && s[4] != ':') ||
		    (i == 2 && s[4] != '\0'))
			return -1;
		out[2 * i] = (uint8_t)(v >> 8);
		out[2 * i + 1] = (uint8_t)v;
	}
	return 0;
}

int cdk_ether_unformat_addr(const char *s, struct cdk_ether_addr *a)
{
	uint8_t b[CDK_ETHER_ADDR_LEN];
	size_t len;
	int rc = -1;

	if (s == NULL || a == NULL)
		return -EINVAL;
	len = strnlen(s, 18);
	if (len == 17)
		rc = parse_bytes(s, s[2] == '-' ? '-' : ':', b);
	else if (len == 14)
		rc = parse_words(s, b);
	if (rc)
		return -EINVAL;
	memcpy(a->addr_bytes, b, sizeof(b));
	return 0;
}
