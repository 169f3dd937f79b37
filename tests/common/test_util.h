/* Shared helpers for the cmocka tests. */
#ifndef CDK_TEST_UTIL_H
#define CDK_TEST_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

/* Capture everything logged until test_log_end(); returns the text. */
void test_log_begin(void);
const char *test_log_end(void);
/* Number of times needle occurs in haystack. */
int test_count(const char *haystack, const char *needle);

/* cdk_eal_init with the usual test arguments plus extra (NULL-terminated). */
int test_eal_init(const char *first_extra, ...);

/* Skip the current test and say why on a line the runner shows. */
#define TEST_SKIP(why)                                                  \
	do {                                                            \
		fprintf(stdout, "SKIP: %s: %s\n", __func__, why);       \
		skip();                                                 \
	} while (0)

#endif
