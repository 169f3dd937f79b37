/*
 * The work of bench_mempool.c (cached bulk get+put, cycles per object), on
 * DPDK 22.11's own mempool, for a side-by-side figure. Built and run by
 * compare-mempool.sh against Debian's libdpdk; not part of capdk.
 */
#include <stdio.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_lcore.h>
#include <rte_mempool.h>

#define N_OBJS 16383
#define OBJS_PER_RUN (1u << 25)

/* bulk is read once through a volatile: a run-time value, as in
 * bench_mempool.c's loop (and in drivers). Inlined here with a constant, it
 * would let the compiler specialise the copies on this side only. */
static double get_put(struct rte_mempool *mp, unsigned bulk_arg)
{
	volatile unsigned bulk_v = bulk_arg;
	const unsigned bulk = bulk_v;
	void *objs[32];
	unsigned iters = OBJS_PER_RUN / bulk;
	uint64_t t0 = rte_rdtsc_precise();

	for (unsigned i = 0; i < iters; i++) {
		if (rte_mempool_get_bulk(mp, objs, bulk) != 0)
			return -1;
		rte_mempool_put_bulk(mp, objs, bulk);
	}
	return (double)(rte_rdtsc_precise() - t0) / ((double)iters * bulk);
}

int main(int argc, char **argv)
{
	struct rte_mempool *cached, *nocache;

	if (rte_eal_init(argc, argv) < 0)
		return 1;
	cached = rte_mempool_create("dpdk_c", N_OBJS, 2048, 512, 0, NULL, NULL, NULL,
				    NULL, SOCKET_ID_ANY, 0);
	nocache = rte_mempool_create("dpdk_n", N_OBJS, 2048, 0, 0, NULL, NULL, NULL,
				     NULL, SOCKET_ID_ANY, 0);
	if (cached == NULL || nocache == NULL)
		return 1;
	printf("dpdk_mempool_cache512_bulk32 %.2f cycles/obj\n", get_put(cached, 32));
	printf("dpdk_mempool_cache512_bulk8 %.2f cycles/obj\n", get_put(cached, 8));
	printf("dpdk_mempool_cache512_bulk1 %.2f cycles/obj\n", get_put(cached, 1));
	printf("dpdk_mempool_nocache_bulk32 %.2f cycles/obj\n", get_put(nocache, 32));
	rte_eal_cleanup();
	return 0;
}
