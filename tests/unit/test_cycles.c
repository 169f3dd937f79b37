/* TSC calibration and delays, against the monotonic clock. */
#include <time.h>

#include "cdk_cycles.h"
#include "test_util.h"

static uint64_t now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000ull + t.tv_nsec;
}

static void test_frequency_is_plausible_and_stable(void **state)
{
	uint64_t a = cdk_get_tsc_hz(), b = cdk_tsc_calibrate();

	(void)state;
	assert_true(a >= 100000000ull && a <= 10000000000ull);
	/* two calibrations agree within 2 % */
	assert_true(a > b ? a - b < a / 50 : b - a < a / 50);
	assert_true(cdk_rdtsc() < cdk_rdtsc_precise());
}

static void test_delay_waits_at_least(void **state)
{
	uint64_t t0 = now_ns();

	(void)state;
	cdk_delay_us(2000);
	/* never shorter than asked (a busy machine can make it longer) */
	assert_true(now_ns() - t0 >= 1900000ull);
	t0 = now_ns();
	cdk_delay_ms(3);
	assert_true(now_ns() - t0 >= 2900000ull);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_frequency_is_plausible_and_stable),
		cmocka_unit_test(test_delay_waits_at_least),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
