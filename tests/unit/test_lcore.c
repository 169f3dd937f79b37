/* lcores: pinned workers, remote launch and wait, iteration. */
#include <errno.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include "cdk_eal.h"
#include "test_util.h"

static int setup(void **state)
{
	(void)state;
	return test_eal_init("-l", "0-1", NULL) > 0 ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	return cdk_eal_cleanup();
}

struct job {
	unsigned lcore;
	int cpu;
	volatile int go;
	int ret;
};

static int record(void *arg)
{
	struct job *j = arg;

	j->lcore = cdk_lcore_id();
	j->cpu = sched_getcpu();
	return j->ret;
}

static int spin_until_go(void *arg)
{
	struct job *j = arg;

	while (!__atomic_load_n(&j->go, __ATOMIC_ACQUIRE))
		cdk_pause();
	return 7;
}

static void test_ids_and_iteration(void **state)
{
	unsigned i, n = 0, workers = 0;

	(void)state;
	assert_int_equal(cdk_lcore_count(), 2);
	assert_int_equal(cdk_get_main_lcore(), 0);
	assert_int_equal(cdk_lcore_id(), 0);
	assert_true(cdk_lcore_is_enabled(1));
	assert_false(cdk_lcore_is_enabled(2));
	assert_false(cdk_lcore_is_enabled(100000));
	CDK_LCORE_FOREACH(i)
		n++;
	CDK_LCORE_FOREACH_WORKER(i) {
		assert_int_equal(i, 1);
		workers++;
	}
	assert_int_equal(n, 2);
	assert_int_equal(workers, 1);
	assert_int_equal(cdk_get_next_lcore(1, 0, 1), 0);
	assert_int_equal(cdk_get_next_lcore(1, 0, 0), CDK_MAX_LCORE);
	assert_int_equal(cdk_lcore_to_cpu_id(1), 1);
	assert_int_equal(cdk_lcore_to_socket_id(1), 0);
	assert_int_equal(cdk_socket_id(), 0);
	assert_true(cdk_socket_count() >= 1);
}

static void test_remote_launch_runs_on_pinned_worker(void **state)
{
	struct job j = { .ret = 42 };

	(void)state;
	assert_int_equal(cdk_eal_remote_launch(record, &j, 1), 0);
	assert_int_equal(cdk_eal_wait_lcore(1), 42);
	assert_int_equal(j.lcore, 1);
	assert_int_equal(j.cpu, 1);
	assert_int_equal(cdk_eal_get_lcore_state(1), CDK_LCORE_WAIT);
	/* waiting on an idle worker returns at once */
	assert_int_equal(cdk_eal_wait_lcore(1), 0);
}

static void test_busy_worker_refuses_launch(void **state)
{
	struct job j = { 0 };

	(void)state;
	assert_int_equal(cdk_eal_remote_launch(spin_until_go, &j, 1), 0);
	assert_int_equal(cdk_eal_get_lcore_state(1), CDK_LCORE_RUNNING);
	assert_int_equal(cdk_eal_remote_launch(record, &j, 1), -EBUSY);
	assert_int_equal(cdk_eal_mp_remote_launch(record, &j, CDK_SKIP_MAIN), -EBUSY);
	__atomic_store_n(&j.go, 1, __ATOMIC_RELEASE);
	assert_int_equal(cdk_eal_wait_lcore(1), 7);
}

static void test_bad_launch_targets(void **state)
{
	struct job j = { 0 };

	(void)state;
	assert_int_equal(cdk_eal_remote_launch(record, &j, 0), -EINVAL); /* main */
	assert_int_equal(cdk_eal_remote_launch(record, &j, 5), -EINVAL);
	assert_int_equal(cdk_eal_remote_launch(NULL, &j, 1), -EINVAL);
}

static int count_calls(void *arg)
{
	__atomic_fetch_add((int *)arg, 1, __ATOMIC_RELAXED);
	return 0;
}

static void test_mp_launch_all_and_main(void **state)
{
	int calls = 0;

	(void)state;
	assert_int_equal(cdk_eal_mp_remote_launch(count_calls, &calls, CDK_CALL_MAIN), 0);
	cdk_eal_mp_wait_lcore();
	assert_int_equal(calls, 2);
	assert_int_equal(cdk_eal_mp_remote_launch(count_calls, &calls, CDK_SKIP_MAIN), 0);
	cdk_eal_mp_wait_lcore();
	assert_int_equal(calls, 3);
}

static void test_non_eal_thread_has_no_lcore(void **state)
{
	(void)state;
	assert_int_equal(cdk_eal_cleanup(), 0);
	assert_int_equal(cdk_lcore_id(), CDK_LCORE_ID_ANY);
	assert_true(test_eal_init("--lcores", "3@1,0", "--main-lcore", "3", NULL) > 0);
	assert_int_equal(cdk_lcore_id(), 3);
	assert_int_equal(cdk_lcore_to_cpu_id(3), 1);
	assert_int_equal(sched_getcpu(), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_ids_and_iteration),
		T(test_remote_launch_runs_on_pinned_worker),
		T(test_busy_worker_refuses_launch),
		T(test_bad_launch_targets),
		T(test_mp_launch_all_and_main),
		T(test_non_eal_thread_has_no_lcore),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
