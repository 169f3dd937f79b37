/* The named-object registry under rings and mempools. */
#include <errno.h>
#include <string.h>

#include "eal/registry.h"
#include "test_util.h"

struct obj {
	char name[16];
};

static const char *obj_name(const void *o)
{
	return ((const struct obj *)o)->name;
}

static void count_one(void *o, void *n)
{
	(void)o;
	(*(int *)n)++;
}

static void test_add_find_remove_reset(void **state)
{
	static struct cdk_registry r = CDK_REGISTRY_INIT(obj_name);
	struct obj a = { "a" }, b = { "b" };
	int n = 0;

	(void)state;
	errno = 0;
	assert_null(cdk_registry_lookup(&r, "a"));
	assert_int_equal(errno, ENOENT);
	assert_null(cdk_registry_lookup(&r, NULL));
	assert_int_equal(errno, EINVAL);
	cdk_registry_lock(&r);
	assert_int_equal(cdk_registry_add_locked(&r, &a), 0);
	assert_int_equal(cdk_registry_add_locked(&r, &b), 0);
	assert_ptr_equal(cdk_registry_find_locked(&r, "b"), &b);
	cdk_registry_unlock(&r);
	assert_ptr_equal(cdk_registry_lookup(&r, "a"), &a);
	cdk_registry_walk(&r, count_one, &n);
	assert_int_equal(n, 2);
	cdk_registry_remove(&r, &a);
	cdk_registry_remove(&r, &a); /* not there any more: nothing happens */
	assert_null(cdk_registry_lookup(&r, "a"));
	assert_ptr_equal(cdk_registry_lookup(&r, "b"), &b);
	cdk_registry_reset(&r);
	assert_null(cdk_registry_lookup(&r, "b"));
	n = 0;
	cdk_registry_walk(&r, count_one, &n);
	assert_int_equal(n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_find_remove_reset),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
