/* DPDK's time API: the TSC and delays. */
#ifndef _RTE_CYCLES_H_
#define _RTE_CYCLES_H_

#include <stdint.h>
#include <time.h>

#include <rte_common.h>
#include "cdk_cycles.h"

#define MS_PER_S 1000
#define US_PER_S 1000000
#define NS_PER_S 1000000000

enum timer_source {
	EAL_TIMER_TSC = 0,
	EAL_TIMER_HPET
};

static inline uint64_t rte_rdtsc(void) { return cdk_rdtsc(); }
static inline uint64_t rte_rdtsc_precise(void) { return cdk_rdtsc_precise(); }
static inline uint64_t rte_get_tsc_cycles(void) { return cdk_get_tsc_cycles(); }
static inline uint64_t rte_get_tsc_hz(void) { return cdk_get_tsc_hz(); }
static inline uint64_t rte_get_timer_cycles(void) { return cdk_get_tsc_cycles(); }
static inline uint64_t rte_get_timer_hz(void) { return cdk_get_tsc_hz(); }
static inline void rte_delay_us(unsigned us) { cdk_delay_us(us); }
static inline void rte_delay_us_block(unsigned us) { cdk_delay_us(us); }
static inline void rte_delay_ms(unsigned ms) { cdk_delay_ms(ms); }

static inline void rte_delay_us_sleep(unsigned us)
{
	struct timespec ts = { .tv_sec = us / US_PER_S,
			       .tv_nsec = (long)(us % US_PER_S) * 1000 };

	while (nanosleep(&ts, &ts) != 0)
		;
}

void rte_delay_us_callback_register(void (*userfunc)(unsigned))
	__rte_capdk_unsupported("rte_delay_us_callback_register");

#endif
