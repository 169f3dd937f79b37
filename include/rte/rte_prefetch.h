/* DPDK's prefetch hints. */
#ifndef _RTE_PREFETCH_H_
#define _RTE_PREFETCH_H_

#include <rte_common.h>
#include "cdk_prefetch.h"

static inline void rte_prefetch0(const volatile void *p) { cdk_prefetch0(p); }
static inline void rte_prefetch1(const volatile void *p) { cdk_prefetch1(p); }
static inline void rte_prefetch2(const volatile void *p) { cdk_prefetch2(p); }
static inline void rte_prefetch_non_temporal(const volatile void *p)
{
	cdk_prefetch_non_temporal(p);
}
static inline void rte_prefetch0_write(const void *p)
{
	__builtin_prefetch(p, 1, 3);
}
static inline void rte_prefetch1_write(const void *p)
{
	__builtin_prefetch(p, 1, 2);
}
static inline void rte_prefetch2_write(const void *p)
{
	__builtin_prefetch(p, 1, 1);
}

#endif
