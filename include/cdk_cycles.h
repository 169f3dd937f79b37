/* Time: the TSC, its calibrated frequency, and busy-wait delays. */
#ifndef CDK_CYCLES_H
#define CDK_CYCLES_H

#include <stdint.h>

static inline uint64_t cdk_rdtsc(void)
{
#if defined(__x86_64__) || defined(__i386__)
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
#else
#error "cdk_rdtsc: no cycle counter for this architecture"
#endif
}

/* Ordered read: no earlier instruction is still in flight. */
static inline uint64_t cdk_rdtsc_precise(void)
{
	__asm__ volatile("lfence" ::: "memory");
	return cdk_rdtsc();
}

static inline uint64_t cdk_get_tsc_cycles(void)
{
	return cdk_rdtsc();
}

/* TSC ticks per second, calibrated once (lazily if the EAL has not run). */
uint64_t cdk_get_tsc_hz(void);
/* Calibrate against CLOCK_MONOTONIC_RAW; returns the frequency. */
uint64_t cdk_tsc_calibrate(void);

void cdk_delay_us(unsigned us);
void cdk_delay_ms(unsigned ms);

#endif
