/* TSC frequency calibration and busy-wait delays. */
#include <time.h>

#include "cdk_common.h"
#include "cdk_cycles.h"
#include "eal_private.h"

static uint64_t tsc_hz;

static uint64_t ns_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC_RAW, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* Count TSC ticks over 20 ms of the monotonic clock; keep the fastest of
 * three, since preemption only ever makes a measurement longer. */
uint64_t cdk_tsc_calibrate(void)
{
	uint64_t best = 0;

	for (int i = 0; i < 3; i++) {
		struct timespec d = { 0, 20 * 1000 * 1000 };
		uint64_t t0 = ns_now(), c0 = cdk_rdtsc_precise();
		nanosleep(&d, NULL);
		uint64_t c1 = cdk_rdtsc_precise(), t1 = ns_now();
		uint64_t hz = (c1 - c0) * 1000000000ull / (t1 - t0);

		if (hz > best)
			best = hz;
	}
	/* Round to 1 MHz, as the nominal frequency is. */
	best = (best + 500000) / 1000000 * 1000000;
	__atomic_store_n(&tsc_hz, best, __ATOMIC_RELEASE);
	return best;
}

void cdk_eal_timer_init(void)
{
	if (__atomic_load_n(&tsc_hz, __ATOMIC_ACQUIRE) == 0)
		cdk_tsc_calibrate();
}

uint64_t cdk_get_tsc_hz(void)
{
	uint64_t hz = __atomic_load_n(&tsc_hz, __ATOMIC_ACQUIRE);

	return hz ? hz : cdk_tsc_calibrate();
}

void cdk_delay_us(unsigned us)
{
	uint64_t end = cdk_rdtsc() + cdk_get_tsc_hz() / 1000000 * us;

	while (cdk_rdtsc() < end)
		cdk_pause();
}

void cdk_delay_ms(unsigned ms)
{
	cdk_delay_us(ms * 1000u);
}
