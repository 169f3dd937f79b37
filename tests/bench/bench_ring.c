/*
 * Ring micro-benchmarks, cycles per object (DPDK ring_perf_autotest's
 * figures): an enqueue plus a dequeue of each object, bulk and burst of 8
 * and 32, SP/SC and MP/MC, on one lcore and across two (the producer on
 * lcore 1, the consumer on the main lcore; the figure is the sum of both
 * sides' cycles per object, as DPDK reports it).
 */
#include <stdio.h>
#include <stdlib.h>

#include "cdk_cycles.h"
#include "cdk_eal.h"
#include "cdk_lcore.h"
#include "cdk_ring.h"

#define RING_SIZE 4096
#define ONE_CORE_OBJS (1u << 25)
#define TWO_CORE_OBJS (1u << 24)

typedef unsigned (*enq_fn)(struct cdk_ring *, void *const *, unsigned,
			   unsigned *);
typedef unsigned (*deq_fn)(struct cdk_ring *, void **, unsigned, unsigned *);

struct variant {
	const char *name;
	enq_fn enq;
	deq_fn deq;
	unsigned flags;
};

/* Wrappers so that each variant is its own inlined loop. */
#define LOOP(fn_enq, fn_deq)                                                \
	static double loop_##fn_enq(struct cdk_ring *r, unsigned n)         \
	{                                                                   \
		void *objs[32] = { 0 };                                     \
		unsigned iters = ONE_CORE_OBJS / n, i;                      \
		uint64_t t0 = cdk_rdtsc_precise();                          \
		for (i = 0; i < iters; i++) {                               \
			fn_enq(r, objs, n, NULL);                           \
			fn_deq(r, objs, n, NULL);                           \
		}                                                           \
		return (double)(cdk_rdtsc_precise() - t0) / (iters * n);    \
	}

LOOP(cdk_ring_sp_enqueue_bulk, cdk_ring_sc_dequeue_bulk)
LOOP(cdk_ring_mp_enqueue_bulk, cdk_ring_mc_dequeue_bulk)
LOOP(cdk_ring_sp_enqueue_burst, cdk_ring_sc_dequeue_burst)
LOOP(cdk_ring_mp_enqueue_burst, cdk_ring_mc_dequeue_burst)

static double one_core_single(struct cdk_ring *r)
{
	void *obj = NULL;
	unsigned iters = ONE_CORE_OBJS, i;
	uint64_t t0 = cdk_rdtsc_precise();

	for (i = 0; i < iters; i++) {
		cdk_ring_sp_enqueue(r, obj);
		cdk_ring_sc_dequeue(r, &obj);
	}
	return (double)(cdk_rdtsc_precise() - t0) / iters;
}

struct pair {
	struct cdk_ring *r;
	unsigned n, mp;
	volatile int start;
	double prod_cpo;
};

/* Producer side on lcore 1: enqueue TWO_CORE_OBJS objects, spin when full. */
static int producer(void *arg)
{
	struct pair *p = arg;
	void *objs[32] = { 0 };
	unsigned left = TWO_CORE_OBJS;
	uint64_t t0;

	while (!p->start)
		cdk_pause();
	t0 = cdk_rdtsc_precise();
	while (left) {
		unsigned k = p->mp ? cdk_ring_mp_enqueue_bulk(p->r, objs, p->n, NULL)
				   : cdk_ring_sp_enqueue_bulk(p->r, objs, p->n, NULL);
		if (k == 0)
			cdk_pause();
		left -= k;
	}
	p->prod_cpo = (double)(cdk_rdtsc_precise() - t0) / TWO_CORE_OBJS;
	return 0;
}

static double two_cores(struct cdk_ring *r, unsigned n, unsigned mp)
{
	struct pair p = { .r = r, .n = n, .mp = mp };
	void *objs[32];
	unsigned left = TWO_CORE_OBJS;
	uint64_t t0;

	if (cdk_eal_remote_launch(producer, &p, 1) != 0)
		return -1;
	p.start = 1;
	t0 = cdk_rdtsc_precise();
	while (left) {
		unsigned k = mp ? cdk_ring_mc_dequeue_bulk(r, objs, n, NULL)
				: cdk_ring_sc_dequeue_bulk(r, objs, n, NULL);
		if (k == 0)
			cdk_pause();
		left -= k;
	}
	double cons_cpo = (double)(cdk_rdtsc_precise() - t0) / TWO_CORE_OBJS;

	cdk_eal_wait_lcore(1);
	return cons_cpo + p.prod_cpo;
}

int main(int argc, char **argv)
{
	char *eal_argv[] = { argv[0], "--no-huge", "-m", "256", "--no-pci",
			     "-l", "0-1", "--log-level=warning", NULL };
	struct cdk_ring *r;
	unsigned sizes[] = { 8, 32 };

	(void)argc;
	if (cdk_eal_init(8, eal_argv) < 0) {
		fprintf(stderr, "bench_ring: EAL init failed\n");
		return 1;
	}
	r = cdk_ring_create("bench", RING_SIZE, CDK_SOCKET_ID_ANY, 0);
	if (r == NULL)
		return 1;

	printf("ring_single_sp_sc %.2f cycles/obj\n", one_core_single(r));
	for (unsigned s = 0; s < 2; s++) {
		unsigned n = sizes[s];

		printf("ring_spsc_bulk%u %.2f cycles/obj\n", n,
		       loop_cdk_ring_sp_enqueue_bulk(r, n));
		printf("ring_mpmc_bulk%u %.2f cycles/obj\n", n,
		       loop_cdk_ring_mp_enqueue_bulk(r, n));
		printf("ring_spsc_burst%u %.2f cycles/obj\n", n,
		       loop_cdk_ring_sp_enqueue_burst(r, n));
		printf("ring_mpmc_burst%u %.2f cycles/obj\n", n,
		       loop_cdk_ring_mp_enqueue_burst(r, n));
	}
	if (cdk_lcore_is_enabled(1)) {
		for (unsigned s = 0; s < 2; s++) {
			unsigned n = sizes[s];

			printf("ring_spsc_bulk%u_2cores %.2f cycles/obj\n", n,
			       two_cores(r, n, 0));
			printf("ring_mpmc_bulk%u_2cores %.2f cycles/obj\n", n,
			       two_cores(r, n, 1));
		}
	}
	fflush(stdout);
	cdk_ring_free(r);
	cdk_eal_cleanup();
	return 0;
}
