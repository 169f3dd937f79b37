/*
 * Mempool micro-benchmarks, cycles per object for a get plus a put (DPDK
 * mempool_perf_autotest's work: bulks of 32 from a pool with 512-object
 * caches), with and without caches, on one lcore and on two at once.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cdk_cycles.h"
#include "cdk_eal.h"
#include "cdk_lcore.h"
#include "cdk_mempool.h"

#define N_OBJS 16383
#define OBJS_PER_RUN (1u << 25)

struct job {
	struct cdk_mempool *mp;
	unsigned bulk;
	volatile int *start;
	double cpo;
};

static int get_put_loop(void *arg)
{
	struct job *j = arg;
	/* In locals, as in dpdk_mempool.c: the pool's stores could alias *j and
	 * force reloads. bulk is read through a volatile so that it stays a
	 * run-time value on both sides, whatever gets inlined. */
	struct cdk_mempool *mp = j->mp;
	const unsigned bulk = *(const volatile unsigned *)&j->bulk;
	void *objs[32];
	unsigned iters = OBJS_PER_RUN / bulk, i;
	uint64_t t0;

	while (j->start && !*j->start)
		cdk_pause();
	t0 = cdk_rdtsc_precise();
	for (i = 0; i < iters; i++) {
		if (cdk_unlikely(cdk_mempool_get_bulk(mp, objs, bulk)))
			return -1;
		cdk_mempool_put_bulk(mp, objs, bulk);
	}
	j->cpo = (double)(cdk_rdtsc_precise() - t0) / ((double)iters * bulk);
	return 0;
}

static double one_core(struct cdk_mempool *mp, unsigned bulk)
{
	struct job j = { .mp = mp, .bulk = bulk };

	return get_put_loop(&j) == 0 ? j.cpo : -1;
}

/* Both lcores at once; the figure is the mean of the two. */
static double two_cores(struct cdk_mempool *mp, unsigned bulk)
{
	volatile int start = 0;
	struct job w = { .mp = mp, .bulk = bulk, .start = &start };
	struct job m = { .mp = mp, .bulk = bulk, .start = &start };

	if (cdk_eal_remote_launch(get_put_loop, &w, 1) != 0)
		return -1;
	start = 1;
	if (get_put_loop(&m) != 0 || cdk_eal_wait_lcore(1) != 0)
		return -1;
	return (m.cpo + w.cpo) / 2;
}

int main(int argc, char **argv)
{
	char *eal_argv[] = { argv[0], "--no-huge", "-m", "256", "--no-pci",
			     "-l", "0-1", "--log-level=warning", NULL };
	struct cdk_mempool *cached, *nocache;

	(void)argc;
	if (cdk_eal_init(8, eal_argv) < 0) {
		fprintf(stderr, "bench_mempool: EAL init failed\n");
		return 1;
	}
	/* DPDK's test objects: 2048 bytes. */
	cached = cdk_mempool_create("bench_c", N_OBJS, 2048, 512, 0, NULL,
				    NULL, CDK_SOCKET_ID_ANY, 0);
	nocache = cdk_mempool_create("bench_n", N_OBJS, 2048, 0, 0, NULL,
				     NULL, CDK_SOCKET_ID_ANY, 0);
	if (cached == NULL || nocache == NULL) {
		fprintf(stderr, "bench_mempool: pool creation failed\n");
		return 1;
	}
	printf("mempool_cache512_bulk32 %.2f cycles/obj\n", one_core(cached, 32));
	printf("mempool_cache512_bulk8 %.2f cycles/obj\n", one_core(cached, 8));
	printf("mempool_cache512_bulk1 %.2f cycles/obj\n", one_core(cached, 1));
	printf("mempool_nocache_bulk32 %.2f cycles/obj\n", one_core(nocache, 32));
	if (cdk_lcore_is_enabled(1)) {
		printf("mempool_cache512_bulk32_2cores %.2f cycles/obj\n",
		       two_cores(cached, 32));
		printf("mempool_nocache_bulk32_2cores %.2f cycles/obj\n",
		       two_cores(nocache, 32));
	}
	fflush(stdout);
	cdk_mempool_free(cached);
	cdk_mempool_free(nocache);
	cdk_eal_cleanup();
	return 0;
}
