/* Device arguments: accepted forms and clear errors. */
#include <errno.h>
#include <string.h>

#include "cdk_pmd.h"
#include "test_util.h"

static const char *const keys[] = { "size", "copy", "name", NULL };

static void test_parse_ok(void **state)
{
	struct cdk_kvargs kv;
	unsigned long v;
	int b;

	(void)state;
	assert_int_equal(cdk_kvargs_parse(&kv, "net_x0", "size=128,copy=1,name=a=b", keys), 0);
	assert_int_equal(kv.count, 3);
	assert_string_equal(cdk_kvargs_get(&kv, "name"), "a=b");
	assert_int_equal(cdk_kvargs_get_uint(&kv, "net_x0", "size", 1, 9600, &v), 0);
	assert_int_equal(v, 128);
	assert_int_equal(cdk_kvargs_get_bool(&kv, "net_x0", "copy", &b), 0);
	assert_int_equal(b, 1);
	assert_null(cdk_kvargs_get(&kv, "other"));
	assert_int_equal(cdk_kvargs_get_uint(&kv, "net_x0", "other", 0, 1, &v), -ENOENT);
	assert_int_equal(cdk_kvargs_parse(&kv, "net_x0", "", keys), 0);
	assert_int_equal(kv.count, 0);
	assert_int_equal(cdk_kvargs_parse(&kv, "net_x0", NULL, keys), 0);
	assert_int_equal(cdk_kvargs_parse(&kv, "net_x0", "size=0x40,size=3", keys), 0);
	assert_int_equal(cdk_kvargs_count(&kv, "size"), 2);
	assert_int_equal(cdk_kvargs_get_uint(&kv, "net_x0", "size", 1, 100, &v), 0);
	assert_int_equal(v, 64);
}

#define BAD(args, needle)                                                     \
	do {                                                                  \
		struct cdk_kvargs kv_;                                        \
		test_log_begin();                                             \
		assert_int_equal(cdk_kvargs_parse(&kv_, "net_x0", args, keys), -EINVAL); \
		const char *m_ = test_log_end();                              \
		if (!strstr(m_, needle) || !strstr(m_, "net_x0"))             \
			fail_msg("'%s' lacks '%s'", m_, needle);              \
		assert_int_equal(kv_.count, 0);                               \
	} while (0)

static void test_parse_errors(void **state)
{
	(void)state;
	BAD("bogus=1", "unknown device argument 'bogus'");
	BAD("size", "not key=value");
	BAD("=3", "empty or too long key");
	BAD("size=1,,copy=0", "empty device argument");
	BAD("size=1,", "trailing ','");
	BAD("size=1,size=1,size=1,size=1,size=1,size=1,size=1,size=1,size=1,size=1,"
	    "size=1,size=1,size=1,size=1,size=1,size=1,size=1", "more than 16");
}

static void test_value_errors(void **state)
{
	struct cdk_kvargs kv;
	unsigned long v;
	int b;
	const char *m;

	(void)state;
	assert_int_equal(cdk_kvargs_parse(&kv, "net_x0", "size=12x,copy=maybe,name=-1", keys), 0);
	test_log_begin();
	assert_int_equal(cdk_kvargs_get_uint(&kv, "net_x0", "size", 1, 100, &v), -EINVAL);
	assert_int_equal(cdk_kvargs_get_bool(&kv, "net_x0", "copy", &b), -EINVAL);
	assert_int_equal(cdk_kvargs_get_uint(&kv, "net_x0", "name", 0, 100, &v), -EINVAL);
	m = test_log_end();
	assert_non_null(strstr(m, "size=12x"));
	assert_non_null(strstr(m, "copy=maybe"));
	assert_int_equal(cdk_kvargs_parse(&kv, "net_x0", "size=101", keys), 0);
	test_log_begin();
	assert_int_equal(cdk_kvargs_get_uint(&kv, "net_x0", "size", 1, 100, &v), -EINVAL);
	assert_non_null(strstr(test_log_end(), "[1, 100]"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_ok),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_value_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
