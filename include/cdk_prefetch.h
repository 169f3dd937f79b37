/* Prefetch hints (to all cache levels, or non-temporal). */
#ifndef CDK_PREFETCH_H
#define CDK_PREFETCH_H

static inline void cdk_prefetch0(const volatile void *p)
{
	__builtin_prefetch((const void *)p, 0, 3);
}

static inline void cdk_prefetch1(const volatile void *p)
{
	__builtin_prefetch((const void *)p, 0, 2);
}

static inline void cdk_prefetch2(const volatile void *p)
{
	__builtin_prefetch((const void *)p, 0, 1);
}

static inline void cdk_prefetch_non_temporal(const volatile void *p)
{
	__builtin_prefetch((const void *)p, 0, 0);
}

#endif
