/* The logger: levels, types, patterns, stream. */
#include <errno.h>
#include <string.h>

#include "cdk_log.h"
#include "test_util.h"

static int teardown(void **state)
{
	(void)state;
	cdk_log_reset();
	return 0;
}

static void test_levels_filter(void **state)
{
	const char *m;

	(void)state;
	cdk_log_set_level(CDK_LOGTYPE_EAL, CDK_LOG_WARNING);
	test_log_begin();
	cdk_log(CDK_LOG_INFO, CDK_LOGTYPE_EAL, "hidden %d", 1);
	cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_EAL, "shown %d", 2);
	CDK_LOG(WARNING, EAL, "also shown");
	m = test_log_end();
	assert_null(strstr(m, "hidden"));
	assert_non_null(strstr(m, "eal: shown 2\n"));
	assert_non_null(strstr(m, "also shown"));
	/* the global ceiling applies over the type's level */
	cdk_log_set_level(CDK_LOGTYPE_EAL, CDK_LOG_DEBUG);
	cdk_log_set_global_level(CDK_LOG_ERR);
	assert_false(cdk_log_can_log(CDK_LOGTYPE_EAL, CDK_LOG_WARNING));
	assert_true(cdk_log_can_log(CDK_LOGTYPE_EAL, CDK_LOG_ERR));
}

static void test_register_and_patterns(void **state)
{
	int a, b;

	(void)state;
	a = cdk_log_register("pmd.net.e1000");
	b = cdk_log_register("pmd.net.igb");
	assert_true(a >= CDK_LOGTYPE_FIRST_DYNAMIC);
	assert_int_equal(cdk_log_register("pmd.net.e1000"), a); /* same id again */
	assert_int_equal(cdk_log_set_level_pattern("pmd.net.*", CDK_LOG_DEBUG), 2);
	assert_int_equal(cdk_log_get_level(a), CDK_LOG_DEBUG);
	assert_int_equal(cdk_log_get_level(b), CDK_LOG_DEBUG);
	assert_string_equal(cdk_log_type_name(b), "pmd.net.igb");
	assert_int_equal(cdk_log_register(""), -EINVAL);
	assert_int_equal(cdk_log_set_level(a, 99), -EINVAL);
	assert_int_equal(cdk_log_set_level(100000, CDK_LOG_ERR), -EINVAL);
}

static void test_parse_level(void **state)
{
	(void)state;
	assert_int_equal(cdk_log_parse_level("debug"), CDK_LOG_DEBUG);
	assert_int_equal(cdk_log_parse_level("ERR"), CDK_LOG_ERR);
	assert_int_equal(cdk_log_parse_level("warning"), CDK_LOG_WARNING);
	assert_int_equal(cdk_log_parse_level("4"), CDK_LOG_ERR);
	assert_int_equal(cdk_log_parse_level("0"), -EINVAL);
	assert_int_equal(cdk_log_parse_level("9"), -EINVAL);
	assert_int_equal(cdk_log_parse_level("4x"), -EINVAL);
	assert_int_equal(cdk_log_parse_level(""), -EINVAL);
	assert_int_equal(cdk_log_parse_level(NULL), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_levels_filter, teardown),
		cmocka_unit_test_teardown(test_register_and_patterns, teardown),
		cmocka_unit_test_teardown(test_parse_level, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
