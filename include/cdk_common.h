/* Small shared definitions: branch hints, alignment, cache lines. */
#ifndef CDK_COMMON_H
#define CDK_COMMON_H

#include <stddef.h>
#include <stdint.h>

#define CDK_CACHE_LINE_SIZE 64
#define __cdk_cache_aligned __attribute__((aligned(CDK_CACHE_LINE_SIZE)))
#define __cdk_unused __attribute__((unused))
#define __cdk_noinline __attribute__((noinline))
#define __cdk_cold __attribute__((cold))
#define __cdk_always_inline inline __attribute__((always_inline))

#define cdk_likely(x) __builtin_expect(!!(x), 1)
#define cdk_unlikely(x) __builtin_expect(!!(x), 0)

#define CDK_MIN(a, b) ((a) < (b) ? (a) : (b))
#define CDK_MAX(a, b) ((a) > (b) ? (a) : (b))
#define CDK_DIM(a) (sizeof(a) / sizeof((a)[0]))

#define CDK_ALIGN_CEIL(v, a) (((v) + ((a) - 1)) & ~((__typeof__(v))(a) - 1))
#define CDK_ALIGN_FLOOR(v, a) ((v) & ~((__typeof__(v))(a) - 1))
#define CDK_IS_POWER_OF_2(n) ((n) && !(((n) - 1) & (n)))

#define CDK_STR_(x) #x
#define CDK_STR(x) CDK_STR_(x)

#define CDK_MAX_LCORE 128
#define CDK_MAX_NUMA_NODES 8

static inline void cdk_pause(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#endif
}

static inline void cdk_compiler_barrier(void)
{
	__asm__ volatile("" ::: "memory");
}

/* Round up to the next power of two (0 stays 0; values above 2^31 give 0). */
static inline uint32_t cdk_align32pow2(uint32_t x)
{
	if (x <= 1)
		return x;
	return x > (1u << 31) ? 0 : 1u << (32 - __builtin_clz(x - 1));
}

#endif
