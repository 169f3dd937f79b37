#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdk_eal.h"
#include "cdk_log.h"
#include "test_util.h"

static FILE *cap_f;
static char *cap_buf;
static size_t cap_len;

void test_log_begin(void)
{
	free(cap_buf);
	cap_buf = NULL;
	cap_f = open_memstream(&cap_buf, &cap_len);
	cdk_log_set_stream(cap_f);
}

const char *test_log_end(void)
{
	cdk_log_set_stream(NULL);
	if (cap_f)
		fclose(cap_f);
	cap_f = NULL;
	return cap_buf ? cap_buf : "";
}

int test_count(const char *h, const char *n)
{
	int c = 0;

	for (const char *p = strstr(h, n); p; p = strstr(p + 1, n))
		c++;
	return c;
}

int test_eal_init(const char *first_extra, ...)
{
	char *argv[64] = { "test", "--no-huge", "-m", "64", "--no-pci",
			   "--log-level=warning" };
	int argc = 6;
	va_list ap;

	va_start(ap, first_extra);
	for (const char *a = first_extra; a && argc < 63; a = va_arg(ap, const char *))
		argv[argc++] = (char *)a;
	va_end(ap);
	argv[argc] = NULL;
	return cdk_eal_init(argc, argv);
}
