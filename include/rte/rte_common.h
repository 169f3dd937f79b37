/* DPDK's rte_common.h: attributes, arithmetic and alignment helpers. */
#ifndef _RTE_COMMON_H_
#define _RTE_COMMON_H_

#include <stddef.h>
#include <stdint.h>
#include <limits.h>

#include <rte_config.h>
#include "cdk_common.h"

_Static_assert(RTE_CACHE_LINE_SIZE == CDK_CACHE_LINE_SIZE,
	       "RTE_CACHE_LINE_SIZE differs from capdk's");
_Static_assert(RTE_MAX_LCORE == CDK_MAX_LCORE,
	       "RTE_MAX_LCORE differs from capdk's");
_Static_assert(RTE_MAX_NUMA_NODES == CDK_MAX_NUMA_NODES,
	       "RTE_MAX_NUMA_NODES differs from capdk's");

/*
 * Marks what capdk does not provide: any call that survives optimisation
 * fails the build with a message naming the function.
 */
#if defined(__clang__)
#define __rte_capdk_unsupported(name) \
	__attribute__((unavailable(name ": not supported by capdk (see doc/porting.md)")))
#else
#define __rte_capdk_unsupported(name) \
	__attribute__((error(name ": not supported by capdk (see doc/porting.md)")))
#endif

#define __rte_unused __attribute__((__unused__))
#define __rte_used __attribute__((used))
#define __rte_noreturn __attribute__((noreturn))
#define __rte_weak __attribute__((__weak__))
#define __rte_packed __attribute__((__packed__))
#define __rte_aligned(a) __attribute__((__aligned__(a)))
#define __rte_cache_aligned __rte_aligned(RTE_CACHE_LINE_SIZE)
#define __rte_cache_min_aligned __rte_aligned(RTE_CACHE_LINE_MIN_SIZE)
#define __rte_always_inline inline __attribute__((always_inline))
#define __rte_noinline __attribute__((noinline))
#define __rte_hot __attribute__((hot))
#define __rte_cold __attribute__((cold))
#define __rte_pure __attribute__((pure))
#define __rte_deprecated __attribute__((__deprecated__))
#define __rte_deprecated_msg(msg) __attribute__((__deprecated__(msg)))
#define __rte_experimental
#define __rte_internal
#define __rte_format_printf(fmt, args) \
	__attribute__((format(printf, fmt, args)))
#define __rte_may_alias __attribute__((__may_alias__))
#define __rte_warn_unused_result __attribute__((warn_unused_result))
#define __rte_restrict __restrict

#define RTE_SET_USED(x) (void)(x)
#define RTE_PRIORITY_LOG 101
#define RTE_PRIORITY_BUS 110
#define RTE_PRIORITY_CLASS 120
#define RTE_PRIORITY_LAST 65535
#define RTE_PRIO(prio) RTE_PRIORITY_##prio
#define RTE_INIT_PRIO(func, prio) \
	static void __attribute__((constructor(RTE_PRIO(prio)), used)) func(void)
#define RTE_INIT(func) RTE_INIT_PRIO(func, LAST)
#define RTE_FINI_PRIO(func, prio) \
	static void __attribute__((destructor(RTE_PRIO(prio)), used)) func(void)
#define RTE_FINI(func) RTE_FINI_PRIO(func, LAST)

#define RTE_CACHE_LINE_MASK (RTE_CACHE_LINE_SIZE - 1)
#define RTE_CACHE_LINE_ROUNDUP(size) \
	(RTE_CACHE_LINE_SIZE * (((size) + RTE_CACHE_LINE_SIZE - 1) / RTE_CACHE_LINE_SIZE))
#define RTE_CACHE_LINE_MIN_SIZE 64

#define RTE_BIT32(nr) (UINT32_C(1) << (nr))
#define RTE_BIT64(nr) (UINT64_C(1) << (nr))
#define RTE_GENMASK32(high, low) \
	(((~UINT32_C(0)) << (low)) & (~UINT32_C(0) >> (31u - (high))))
#define RTE_GENMASK64(high, low) \
	(((~UINT64_C(0)) << (low)) & (~UINT64_C(0) >> (63u - (high))))

#define RTE_MIN(a, b) __extension__({ __typeof__(a) _a = (a); \
	__typeof__(b) _b = (b); _a < _b ? _a : _b; })
#define RTE_MAX(a, b) __extension__({ __typeof__(a) _a = (a); \
	__typeof__(b) _b = (b); _a > _b ? _a : _b; })
#define RTE_DIM(a) (sizeof(a) / sizeof((a)[0]))
#define RTE_STR(x) CDK_STR(x)
#define RTE_FMT(fmt, ...) fmt "%.0s", __VA_ARGS__ ""
#define RTE_BUILD_BUG_ON(condition) ((void)sizeof(char[1 - 2 * !!(condition)]))

#define RTE_PTR_ADD(ptr, x) ((void *)((uintptr_t)(ptr) + (x)))
#define RTE_PTR_SUB(ptr, x) ((void *)((uintptr_t)(ptr) - (x)))
#define RTE_PTR_DIFF(p1, p2) ((uintptr_t)(p1) - (uintptr_t)(p2))
#define RTE_PTR_ALIGN_FLOOR(ptr, align) \
	((__typeof__(ptr))CDK_ALIGN_FLOOR((uintptr_t)(ptr), (uintptr_t)(align)))
#define RTE_PTR_ALIGN_CEIL(ptr, align) \
	((__typeof__(ptr))CDK_ALIGN_CEIL((uintptr_t)(ptr), (uintptr_t)(align)))
#define RTE_PTR_ALIGN(ptr, align) RTE_PTR_ALIGN_CEIL(ptr, align)
#define RTE_ALIGN_FLOOR(val, align) CDK_ALIGN_FLOOR(val, align)
#define RTE_ALIGN_CEIL(val, align) CDK_ALIGN_CEIL(val, align)
#define RTE_ALIGN(val, align) RTE_ALIGN_CEIL(val, align)
#define RTE_ALIGN_MUL_CEIL(v, mul) \
	((((v) + (__typeof__(v))(mul) - 1) / ((__typeof__(v))(mul))) * (__typeof__(v))(mul))
#define RTE_ALIGN_MUL_FLOOR(v, mul) \
	(((v) / ((__typeof__(v))(mul))) * (__typeof__(v))(mul))
#define RTE_IS_POWER_OF_2(n) CDK_IS_POWER_OF_2(n)

#ifndef offsetof
#define offsetof(TYPE, MEMBER) __builtin_offsetof(TYPE, MEMBER)
#endif
#ifndef container_of
#define container_of(ptr, type, member) \
	((type *)(void *)((char *)(ptr) - offsetof(type, member)))
#endif

typedef uint64_t rte_iova_t;
typedef uint64_t phys_addr_t;
#define RTE_BAD_IOVA ((rte_iova_t)-1)
#define RTE_BAD_PHYS_ADDR ((phys_addr_t)-1)

static inline int rte_is_aligned(const void *ptr, unsigned align)
{
	return ((uintptr_t)ptr & (align - 1)) == 0;
}

static inline int rte_is_power_of_2(uint32_t n)
{
	return n && !(n & (n - 1));
}

static inline uint32_t rte_align32pow2(uint32_t x)
{
	return cdk_align32pow2(x);
}

static inline uint32_t rte_align32prevpow2(uint32_t x)
{
	return x ? UINT32_C(1) << (31 - __builtin_clz(x)) : 0;
}

static inline uint64_t rte_align64pow2(uint64_t v)
{
	if (v <= 1)
		return v;
	return v > (UINT64_C(1) << 63) ? 0 : UINT64_C(1) << (64 - __builtin_clzll(v - 1));
}

static inline uint64_t rte_align64prevpow2(uint64_t v)
{
	return v ? UINT64_C(1) << (63 - __builtin_clzll(v)) : 0;
}

static inline uint32_t rte_bsf32(uint32_t v)
{
	return (uint32_t)__builtin_ctz(v);
}

static inline uint32_t rte_bsf64(uint64_t v)
{
	return (uint32_t)__builtin_ctzll(v);
}

static inline uint32_t rte_fls_u32(uint32_t x)
{
	return x == 0 ? 0 : 32 - (uint32_t)__builtin_clz(x);
}

static inline uint32_t rte_fls_u64(uint64_t x)
{
	return x == 0 ? 0 : 64 - (uint32_t)__builtin_clzll(x);
}

static inline uint32_t rte_log2_u32(uint32_t v)
{
	return v == 0 ? 0 : rte_bsf32(rte_align32pow2(v));
}

static inline uint32_t rte_log2_u64(uint64_t v)
{
	return v == 0 ? 0 : rte_bsf64(rte_align64pow2(v));
}

static inline uint32_t rte_combine32ms1b(uint32_t x)
{
	x |= x >> 1;
	x |= x >> 2;
	x |= x >> 4;
	x |= x >> 8;
	x |= x >> 16;
	return x;
}

static inline uint64_t rte_combine64ms1b(uint64_t v)
{
	v |= v >> 1;
	v |= v >> 2;
	v |= v >> 4;
	v |= v >> 8;
	v |= v >> 16;
	v |= v >> 32;
	return v;
}

#endif
