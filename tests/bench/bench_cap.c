/*
 * Cost of a checked 32-bit store against an unchecked one, and of the other
 * accessors. Prints "name value unit" lines; medians of several rounds.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cdk_cap_authority.h"
#include "cdk_cycles.h"
#include "cdk_eal.h"

#define N 4096u /* stores per round, to a 16 KiB region (stays in L1) */
#define ROUNDS 2001
#define REPS 31

static uint32_t region[N] __attribute__((aligned(64)));

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, n, sizeof(*v), cmp);
	return v[n / 2];
}

/* The loops are not inlined into each other so each is measured alone. */
static __attribute__((noinline)) void raw_stores(volatile uint32_t *p)
{
	for (uint32_t i = 0; i < N; i++)
		p[i] = i;
}

static __attribute__((noinline)) int checked_stores(const cdk_cap_t *c)
{
	int rc = 0;

	for (uint32_t i = 0; i < N; i++)
		rc |= cdk_cap_write32(c, (uint64_t)i * 4, i);
	return rc;
}

static __attribute__((noinline)) uint32_t checked_loads(const cdk_cap_t *c)
{
	uint32_t sum = 0, v;

	for (uint32_t i = 0; i < N; i++) {
		cdk_cap_read32(c, (uint64_t)i * 4, &v);
		sum += v;
	}
	return sum;
}

static __attribute__((noinline)) uint32_t raw_loads(const volatile uint32_t *p)
{
	uint32_t sum = 0;

	for (uint32_t i = 0; i < N; i++)
		sum += p[i];
	return sum;
}

static __attribute__((noinline)) uint64_t checked_iova(const cdk_cap_t *c)
{
	uint64_t sum = 0, iova;

	for (uint32_t i = 0; i < N; i++) {
		cdk_cap_iova(c, (uint64_t)i * 4, 4, &iova);
		sum += iova;
	}
	return sum;
}

#define MEASURE(out, expr)                                                \
	do {                                                              \
		double r_[REPS];                                          \
		for (int k_ = 0; k_ < REPS; k_++) {                       \
			uint64_t t0_ = cdk_rdtsc_precise();               \
			for (int j_ = 0; j_ < ROUNDS / REPS; j_++)        \
				sink += (uint64_t)(expr);                 \
			r_[k_] = (double)(cdk_rdtsc_precise() - t0_) /    \
				 ((double)(ROUNDS / REPS) * N);           \
		}                                                         \
		out = median(r_, REPS);                                   \
	} while (0)

int main(int argc, char **argv)
{
	volatile uint64_t sink = 0;
	double raw_st, chk_st, raw_ld, chk_ld, iova;
	cdk_cap_t cap;
	int rc = cdk_eal_init(argc, argv);

	if (rc < 0)
		return 1;
	if (cdk_cap_mint((uintptr_t)region, sizeof(region), (uintptr_t)region,
			 CDK_CAP_PERM_LOAD | CDK_CAP_PERM_STORE | CDK_CAP_PERM_DMA,
			 "bench", "region", &cap) < 0)
		return 1;
	MEASURE(raw_st, (raw_stores(region), 0));
	MEASURE(chk_st, checked_stores(&cap));
	MEASURE(raw_ld, raw_loads(region));
	MEASURE(chk_ld, checked_loads(&cap));
	MEASURE(iova, checked_iova(&cap));
	printf("cap_store32_unchecked %.2f cycles\n", raw_st);
	printf("cap_store32_checked %.2f cycles\n", chk_st);
	printf("cap_store32_overhead %.2f cycles\n", chk_st - raw_st);
	printf("cap_load32_unchecked %.2f cycles\n", raw_ld);
	printf("cap_load32_checked %.2f cycles\n", chk_ld);
	printf("cap_iova_checked %.2f cycles\n", iova);
	printf("cap_checks_compiled_in %d bool\n", CDK_CAP_CHECKS);
	cdk_eal_cleanup();
	return sink == 42; /* keep the results alive */
}
