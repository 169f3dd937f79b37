/*
 * The e1000 and igb data paths alone: their rx and tx bursts against a fake
 * device, with no model thread and no register traps, so that what is
 * measured is the driver's own work per packet.
 *
 *   bench_driver_path [EAL args] [-- --iters N --rounds R --burst B
 *                                    --driver e1000|igb|igb_l2|all]
 *
 * Each driver gets an rx and a tx queue built as its control path builds
 * them (pmd/e1000/e1000_queue.h, pmd/igb/igb_queue.h): a descriptor ring
 * minted over ordinary memory, a doorbell that is a plain 4-byte word, the
 * mempool's DMA capability as rx pool and as the only tx pool. One
 * iteration plays the device and the forwarding lcore:
 *   1. the "device" writes back B rx descriptors (DD, EOP, 64 bytes) from
 *      the driver's rx_tail, as a NIC would after receiving B frames;
 *   2. rx burst of B (timed);
 *   3. tx burst of what it returned (timed);
 *   4. the "device" sets DD on every tx descriptor posted (TDH caught up).
 * igb runs twice: as "igb", reporting what the write-back says (packet
 * type, RSS hash and flag), and as "igb_l2", with packet types turned off
 * and RSS off, as a forwarding application sets it (DPDK's l2fwd calls
 * rte_eth_dev_set_ptypes(port, RTE_PTYPE_UNKNOWN, ...)): the same work as
 * e1000, which reports neither.
 * Figures: medians over the rounds of cycles per packet (rdtsc around each
 * burst, the iteration's cycles divided by its packets), one line each:
 *   driver_<drv>_rx_cycles_per_pkt, driver_<drv>_tx_cycles_per_pkt,
 *   driver_<drv>_fwd_cycles_per_pkt (rx + tx).
 * With --scale S: igb queue scaling where no device model takes a share of
 * the lcores' time: igb queue pairs, each its own fake device, forwarded
 * for S seconds by one lcore (one pair) and then by two (a pair each, each
 * lcore also playing its queue's device, as a NIC's queues work
 * independently), the two pairs with a mempool each and then sharing one
 * (with a cache per lcore). Prints
 *   driver_igb_1lcore_pps, driver_igb_2lcores_pps (a pool each),
 *   driver_igb_2lcores_shared_pool_pps, driver_igb_queue_scale,
 *   driver_igb_queue_scale_shared_pool,
 * and driver_scale_control: the same two against one for an arithmetic loop
 * that shares nothing and fills a core, the most this machine's two CPUs
 * give such work.
 * Under valgrind --tool=callgrind the inclusive Ir of <drv>_recv_pkts and
 * <drv>_xmit_pkts divided by driver_<drv>_pkts is the driver's instructions
 * per packet (tests/bench/callgrind-driver-path.sh does that).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdk_cap_authority.h"
#include "cdk_cycles.h"
#include "cdk_eal.h"
#include "cdk_mbuf.h"
#include "pmd/e1000/e1000_queue.h"
#include "pmd/e1000/e1000_regs.h"
#include "pmd/igb/igb_queue.h"
#include "pmd/igb/igb_regs.h"

#define NB_DESC 512
#define MAX_BURST 128
#define MAX_ROUNDS 1001
#define FRAME_LEN 64
#define BUF_LEN 2048

struct opts {
	unsigned iters, rounds, burst;
	double scale; /* seconds per scaling run, 0: no scaling runs */
	char driver[16];
};

/* The fake device's side of one driver. */
struct fake {
	const char *name;
	void *rxq, *txq;
	uint16_t (*rx)(void *, struct cdk_mbuf **, uint16_t);
	uint16_t (*tx)(void *, struct cdk_mbuf **, uint16_t);
	uint64_t *rx_ring, *tx_ring; /* 2 quadwords per descriptor */
	uint16_t *rx_tail, *tx_tail, *rdt;
	uint64_t rx_wb; /* the upper quadword of a done rx descriptor */
	uint64_t rx_lo; /* igb's lower one; 0: left alone (e1000's address) */
	uint16_t tx_done; /* tx descriptors up to here have DD */
	volatile uint32_t rx_db, tx_db; /* the doorbells: plain memory */
	uint64_t pkts;
} __cdk_cache_aligned; /* one per lcore in the scaling runs: no false sharing */

static int mint_ring(const char *label, void **mem, cdk_cap_t *cap)
{
	size_t len = (size_t)NB_DESC * 16;

	if (posix_memalign(mem, 4096, len) != 0)
		return -ENOMEM;
	memset(*mem, 0, len);
	return cdk_cap_mint((uintptr_t)*mem, len, (uintptr_t)*mem,
			    CDK_CAP_PERM_LOAD | CDK_CAP_PERM_STORE | CDK_CAP_PERM_DMA,
			    "bench", label, cap);
}

static int mint_db(const char *label, volatile uint32_t *w, cdk_cap_t *cap)
{
	return cdk_cap_mint((uintptr_t)w, 4, 0, CDK_CAP_PERM_STORE, "bench",
			    label, cap);
}

static int setup_e1000(struct fake *f, struct cdk_mempool *mp)
{
	struct e1000_rx_queue *rq = aligned_alloc(64, sizeof(*rq));
	struct e1000_tx_queue *tq = aligned_alloc(64, sizeof(*tq));
	void *rmem, *tmem;

	if (rq == NULL || tq == NULL)
		return -ENOMEM;
	memset(rq, 0, sizeof(*rq));
	memset(tq, 0, sizeof(*tq));
	if (mint_ring("e1000 rx ring", &rmem, &rq->ring) < 0 ||
	    mint_ring("e1000 tx ring", &tmem, &tq->ring) < 0 ||
	    mint_db("e1000 RDT", &f->rx_db, &rq->doorbell) < 0 ||
	    mint_db("e1000 TDT", &f->tx_db, &tq->doorbell) < 0)
		return -EFAULT;
	rq->pool = *cdk_mempool_dma_cap(mp);
	rq->sw_ring = calloc(NB_DESC, sizeof(*rq->sw_ring));
	rq->mp = mp;
	rq->nb_desc = NB_DESC;
	rq->free_thresh = 32;
	rq->max_segs = 1;
	rq->buf_len = BUF_LEN;
	e1000_rx_queue_reset(rq);
	if (rq->sw_ring == NULL || e1000_rx_ring_fill(rq) < 0)
		return -ENOMEM;
	tq->sw_ring = calloc(NB_DESC, sizeof(*tq->sw_ring));
	if (tq->sw_ring == NULL)
		return -ENOMEM;
	tq->nb_desc = NB_DESC;
	tq->rs_thresh = 32;
	tq->free_thresh = 32;
	tq->n_pools = 1;
	tq->pools[0] = *cdk_mempool_dma_cap(mp);
	e1000_tx_queue_reset(tq);
	f->name = "e1000";
	f->rxq = rq;
	f->txq = tq;
	f->rx = e1000_recv_pkts;
	f->tx = e1000_xmit_pkts;
	f->rx_ring = rmem;
	f->tx_ring = tmem;
	f->rx_tail = &rq->rx_tail;
	f->tx_tail = &tq->tx_tail;
	f->rdt = &rq->rdt;
	/* length, then status DD|EOP in bits 32-39 */
	f->rx_wb = FRAME_LEN |
		   (uint64_t)(E1000_RXD_STAT_DD | E1000_RXD_STAT_EOP) << 32;
	return 0;
}

/* The port's packet type table with every layer on, as at probe. */
static uint32_t igb_ptypes_all[IGB_PTYPES];

/* info: packet types and RSS on (the driver's default with RSS), or both
 * off (igb_l2). */
static int setup_igb(struct fake *f, struct cdk_mempool *mp, int info)
{
	struct igb_rx_queue *rq = aligned_alloc(64, sizeof(*rq));
	struct igb_tx_queue *tq = aligned_alloc(64, sizeof(*tq));
	void *rmem, *tmem;

	if (rq == NULL || tq == NULL)
		return -ENOMEM;
	memset(rq, 0, sizeof(*rq));
	memset(tq, 0, sizeof(*tq));
	if (mint_ring("igb rx ring", &rmem, &rq->ring) < 0 ||
	    mint_ring("igb tx ring", &tmem, &tq->ring) < 0 ||
	    mint_db("igb RDT", &f->rx_db, &rq->doorbell) < 0 ||
	    mint_db("igb TDT", &f->tx_db, &tq->doorbell) < 0)
		return -EFAULT;
	rq->pool = *cdk_mempool_dma_cap(mp);
	rq->sw_ring = calloc(NB_DESC, sizeof(*rq->sw_ring));
	rq->mp = mp;
	rq->nb_desc = NB_DESC;
	rq->free_thresh = 32;
	rq->max_segs = 1;
	rq->buf_len = BUF_LEN;
	igb_rx_queue_reset(rq);
	if (rq->sw_ring == NULL || igb_rx_ring_fill(rq) < 0)
		return -ENOMEM;
	tq->sw_ring = calloc(NB_DESC, sizeof(*tq->sw_ring));
	if (tq->sw_ring == NULL)
		return -ENOMEM;
	tq->nb_desc = NB_DESC;
	tq->rs_thresh = 32;
	tq->free_thresh = 32;
	tq->n_pools = 1;
	tq->pools[0] = *cdk_mempool_dma_cap(mp);
	igb_tx_queue_reset(tq);
	if (info) {
		igb_ptypes_fill(igb_ptypes_all, CDK_PTYPE_ALL_MASK);
		rq->ptypes = igb_ptypes_all;
		rq->ol_flags = CDK_MBUF_F_RX_RSS_HASH;
	}
	f->name = info ? "igb" : "igb_l2";
	f->rxq = rq;
	f->txq = tq;
	f->rx = igb_recv_pkts;
	f->tx = igb_xmit_pkts;
	f->rx_ring = rmem;
	f->tx_ring = tmem;
	f->rx_tail = &rq->rx_tail;
	f->tx_tail = &tq->tx_tail;
	f->rdt = &rq->rdt;
	/* staterr DD|EOP, length in bits 32-47; below, an IPv4/UDP frame
	 * hashed over its addresses (RSS type 2, 82576 DS 7.1.5.2) */
	f->rx_wb = (uint64_t)(IGB_RXD_STAT_DD | IGB_RXD_STAT_EOP) |
		   (uint64_t)FRAME_LEN << 32;
	f->rx_lo = 0x5a5a5a5aull << 32 |
		   (uint64_t)(IGB_RXD_PKT_IPV4 | IGB_RXD_PKT_UDP) << 4 | 2;
	return 0;
}

/* The device received up to n frames: write back the descriptors it owns
 * from rx_tail on (never the one the driver holds back). */
static void dev_rx(struct fake *f, unsigned n)
{
	uint16_t i = *f->rx_tail;

	for (unsigned k = 0; k < n && i != *f->rdt; k++) {
		if (f->rx_lo != 0)
			f->rx_ring[2 * i] = f->rx_lo;
		__atomic_store_n(&f->rx_ring[2 * i + 1], f->rx_wb, __ATOMIC_RELEASE);
		i = (uint16_t)(i + 1 == NB_DESC ? 0 : i + 1);
	}
}

/* The device sent everything up to the tail: DD on each descriptor. */
static void dev_tx(struct fake *f)
{
	uint16_t end = *f->tx_tail;

	for (uint16_t i = f->tx_done; i != end; i = (uint16_t)(i + 1 == NB_DESC ? 0 : i + 1))
		f->tx_ring[2 * i + 1] |= GBE_TXD_WB_DD;
	f->tx_done = end;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v, unsigned n)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static int run(struct fake *f, const struct opts *o)
{
	static double rx_cpp[MAX_ROUNDS], tx_cpp[MAX_ROUNDS], fwd_cpp[MAX_ROUNDS];
	struct cdk_mbuf *pkts[MAX_BURST];

	/* Warm up: a few laps of the rings. */
	for (unsigned i = 0; i < 4 * NB_DESC / o->burst + 16; i++) {
		uint16_t nb_rx, nb_tx;

		dev_rx(f, o->burst);
		nb_rx = f->rx(f->rxq, pkts, (uint16_t)o->burst);
		nb_tx = f->tx(f->txq, pkts, nb_rx);
		for (uint16_t k = nb_tx; k < nb_rx; k++)
			cdk_pktmbuf_free(pkts[k]);
		dev_tx(f);
	}
	for (unsigned r = 0; r < o->rounds; r++) {
		uint64_t crx = 0, ctx = 0, n = 0;

		for (unsigned i = 0; i < o->iters; i++) {
			uint64_t t0, t1, t2;
			uint16_t nb_rx, nb_tx;

			dev_rx(f, o->burst);
			t0 = cdk_rdtsc();
			nb_rx = f->rx(f->rxq, pkts, (uint16_t)o->burst);
			t1 = cdk_rdtsc();
			nb_tx = f->tx(f->txq, pkts, nb_rx);
			t2 = cdk_rdtsc();
			if (nb_rx != o->burst || nb_tx != nb_rx) {
				fprintf(stderr, "%s: rx %u tx %u of %u\n", f->name,
					nb_rx, nb_tx, o->burst);
				return -1;
			}
			crx += t1 - t0;
			ctx += t2 - t1;
			n += nb_rx;
			dev_tx(f);
		}
		f->pkts += n;
		rx_cpp[r] = (double)crx / (double)n;
		tx_cpp[r] = (double)ctx / (double)n;
		fwd_cpp[r] = (double)(crx + ctx) / (double)n;
	}
	printf("driver_%s_rx_cycles_per_pkt %.1f cycles\n", f->name,
	       median(rx_cpp, o->rounds));
	printf("driver_%s_tx_cycles_per_pkt %.1f cycles\n", f->name,
	       median(tx_cpp, o->rounds));
	printf("driver_%s_fwd_cycles_per_pkt %.1f cycles\n", f->name,
	       median(fwd_cpp, o->rounds));
	printf("driver_%s_pkts %llu pkts\n", f->name,
	       (unsigned long long)f->pkts);
	return 0;
}

/* ---- queue scaling ---- */

/* The stop flag the worker polls, on a line nothing else writes. */
struct flag {
	volatile int v;
} __cdk_cache_aligned;

struct lap {
	struct fake *f;
	unsigned burst;
	volatile int *stop;
	uint64_t pkts;
	int err;
} __cdk_cache_aligned;

/* One burst forwarded on a fake queue pair: 0, or -1 if it lost packets. */
static int lap_once(struct lap *l)
{
	struct cdk_mbuf *pkts[MAX_BURST];
	uint16_t nb_rx, nb_tx;

	dev_rx(l->f, l->burst);
	nb_rx = l->f->rx(l->f->rxq, pkts, (uint16_t)l->burst);
	nb_tx = l->f->tx(l->f->txq, pkts, nb_rx);
	l->pkts += nb_tx;
	dev_tx(l->f);
	if (cdk_likely(nb_rx == l->burst && nb_tx == nb_rx))
		return 0;
	for (uint16_t k = nb_tx; k < nb_rx; k++)
		cdk_pktmbuf_free(pkts[k]);
	l->err = 1;
	return -1;
}

static int lap_loop(void *arg)
{
	struct lap *l = arg;

	while (!*l->stop)
		if (lap_once(l) < 0)
			return -1;
	return 0;
}

/* Packets per second of pair a on the main lcore and, if b, pair b on
 * the next; -1 on error. */
static double scale_run(struct fake *a, struct fake *b, const struct opts *o)
{
	const unsigned nl = b != NULL ? 2 : 1;
	struct flag stop = { 0 };
	struct lap laps[2] = { { a, o->burst, &stop.v, 0, 0 },
			       { b, o->burst, &stop.v, 0, 0 } };
	unsigned worker = cdk_get_next_lcore(-1, 1, 0);
	uint64_t t0 = cdk_rdtsc(), span;

	if (nl > 1 && cdk_eal_remote_launch(lap_loop, &laps[1], worker) < 0)
		return -1;
	span = (uint64_t)(o->scale * (double)cdk_get_tsc_hz());
	/* the main lcore forwards pair 0 and keeps time */
	while (lap_once(&laps[0]) == 0 && cdk_rdtsc() - t0 < span)
		;
	stop.v = 1;
	cdk_eal_mp_wait_lcore();
	return laps[0].err || laps[1].err ? -1
	       : (double)(laps[0].pkts + laps[1].pkts) * (double)cdk_get_tsc_hz() /
			 (double)(cdk_rdtsc() - t0);
}

/* The control: what two lcores do against one on this machine for an
 * arithmetic loop that shares nothing and keeps a core's units busy (six
 * independent chains), as a burst does. Two virtual CPUs that are not two
 * whole cores give it well under 2x; that is the ceiling. */
struct spin {
	volatile int *stop;
	uint64_t iters, acc;
} __cdk_cache_aligned;

#define XORSHIFT(x) ((x) ^= (x) << 13, (x) ^= (x) >> 7, (x) ^= (x) << 17)

static uint64_t spin_block(uint64_t x)
{
	uint64_t a = x, b = x + 1, c = x + 2, d = x + 3, e = x + 4, f = x + 5;

	for (int i = 0; i < 1024; i++) {
		XORSHIFT(a);
		XORSHIFT(b);
		XORSHIFT(c);
		XORSHIFT(d);
		XORSHIFT(e);
		XORSHIFT(f);
	}
	return a ^ b ^ c ^ d ^ e ^ f;
}

static int spin_loop(void *arg)
{
	struct spin *sp = arg;
	uint64_t x = 88172645463325252ull;

	while (!*sp->stop) {
		x = spin_block(x);
		sp->iters++;
	}
	sp->acc = x;
	return 0;
}

/* Blocks per second over nl lcores, as scale_run counts packets. */
static double spin_run(unsigned nl, const struct opts *o)
{
	struct flag stop = { 0 };
	struct spin sp[2] = { { &stop.v, 0, 0 }, { &stop.v, 0, 0 } };
	unsigned worker = cdk_get_next_lcore(-1, 1, 0);
	uint64_t t0, span = (uint64_t)(o->scale * (double)cdk_get_tsc_hz());
	uint64_t x = 88172645463325252ull;

	if (nl > 1 && cdk_eal_remote_launch(spin_loop, &sp[1], worker) < 0)
		return -1;
	t0 = cdk_rdtsc();
	while (cdk_rdtsc() - t0 < span) {
		x = spin_block(x);
		sp[0].iters++;
	}
	sp[0].acc = x;
	stop.v = 1;
	cdk_eal_mp_wait_lcore();
	return (double)(sp[0].iters + sp[1].iters) * (double)cdk_get_tsc_hz() /
	       (double)(cdk_rdtsc() - t0);
}

/* One lcore against two, alternating, o->rounds times (at most 9);
 * medians. */
static int scale(struct cdk_mempool *mp, const struct opts *o)
{
	struct fake pairs[3];
	double one[9], shared[9], own[9], c1[9], c2[9];
	unsigned rounds = o->rounds < 9 ? o->rounds : 9;
	struct cdk_mempool *mp2;

	memset(pairs, 0, sizeof(pairs));
	if (cdk_lcore_count() < 2) {
		fprintf(stderr, "bench_driver_path: --scale needs two lcores (-l 0-1)\n");
		return -1;
	}
	/* pairs 0 and 1 share a pool; pair 2 has its own */
	mp2 = cdk_pktmbuf_pool_create("bench_dp_own", 4095, 256, 0,
				      CDK_PKTMBUF_HEADROOM + BUF_LEN, 0);
	if (mp2 == NULL || setup_igb(&pairs[0], mp, 1) < 0 ||
	    setup_igb(&pairs[1], mp, 1) < 0 || setup_igb(&pairs[2], mp2, 1) < 0)
		return -1;
	for (unsigned r = 0; r < rounds; r++) {
		one[r] = scale_run(&pairs[0], NULL, o);
		shared[r] = scale_run(&pairs[0], &pairs[1], o);
		own[r] = scale_run(&pairs[0], &pairs[2], o);
		c1[r] = spin_run(1, o);
		c2[r] = spin_run(2, o);
		if (one[r] <= 0 || shared[r] <= 0 || own[r] <= 0) {
			fprintf(stderr, "bench_driver_path: scaling run lost packets\n");
			return -1;
		}
		printf("# scale round %u: 1 lcore %.0f pps; 2 lcores %.0f pps with a pool "
		       "each, %.0f sharing one; control %.2f x\n", r, one[r], own[r],
		       shared[r], c2[r] / c1[r]);
	}
	printf("driver_igb_1lcore_pps %.0f pps\n", median(one, rounds));
	printf("driver_igb_2lcores_pps %.0f pps\n", median(own, rounds));
	printf("driver_igb_2lcores_shared_pool_pps %.0f pps\n", median(shared, rounds));
	printf("driver_igb_queue_scale %.2f x\n", median(own, rounds) / median(one, rounds));
	printf("driver_igb_queue_scale_shared_pool %.2f x\n",
	       median(shared, rounds) / median(one, rounds));
	printf("driver_scale_control %.2f x\n", median(c2, rounds) / median(c1, rounds));
	return 0;
}

static int wants(const struct opts *o, const char *drv)
{
	return !strcmp(o->driver, "all") || !strcmp(o->driver, drv);
}

static int parse(int argc, char **argv, struct opts *o)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(a, "--"))
			continue;
		if (v == NULL)
			return -1;
		if (!strcmp(a, "--iters"))
			o->iters = (unsigned)atoi(v);
		else if (!strcmp(a, "--rounds"))
			o->rounds = (unsigned)atoi(v);
		else if (!strcmp(a, "--burst"))
			o->burst = (unsigned)atoi(v);
		else if (!strcmp(a, "--scale"))
			o->scale = atof(v);
		else if (!strcmp(a, "--driver"))
			snprintf(o->driver, sizeof(o->driver), "%s", v);
		else
			return -1;
		i++;
	}
	if (o->scale < 0 || o->scale > 60)
		return -1;
	if (strcmp(o->driver, "all") && strcmp(o->driver, "e1000") &&
	    strcmp(o->driver, "igb") && strcmp(o->driver, "igb_l2"))
		return -1;
	if (o->iters == 0 || o->rounds == 0 || o->rounds > MAX_ROUNDS ||
	    o->burst == 0 || o->burst > MAX_BURST || o->burst > 256)
		return -1;
	return 0;
}

int main(int argc, char **argv)
{
	struct opts o = { .iters = 1000, .rounds = 51, .burst = 32, .driver = "all" };
	struct cdk_mempool *mp;
	struct fake *f;
	int n = cdk_eal_init(argc, argv), rc = 0;

	if (n < 0) {
		fprintf(stderr, "bench_driver_path: EAL init failed\n");
		return 1;
	}
	if (parse(argc - n, argv + n, &o) < 0) {
		fprintf(stderr, "usage: bench_driver_path [EAL args] -- [--iters N] "
				"[--rounds R] [--burst B] [--driver e1000|igb|igb_l2|all] "
				"[--scale SECONDS]\n");
		return 2;
	}
	mp = cdk_pktmbuf_pool_create("bench_dp", 8191, 256, 0,
				     CDK_PKTMBUF_HEADROOM + BUF_LEN, 0);
	f = aligned_alloc(64, 3 * sizeof(*f));
	if (f != NULL)
		memset(f, 0, 3 * sizeof(*f));
	if (mp == NULL || f == NULL) {
		fprintf(stderr, "bench_driver_path: no mempool\n");
		return 1;
	}
	if (wants(&o, "e1000") && (setup_e1000(&f[0], mp) < 0 || run(&f[0], &o) < 0))
		rc = 1;
	if (wants(&o, "igb") && (setup_igb(&f[1], mp, 1) < 0 || run(&f[1], &o) < 0))
		rc = 1;
	if (wants(&o, "igb_l2") && (setup_igb(&f[2], mp, 0) < 0 || run(&f[2], &o) < 0))
		rc = 1;
	if (rc == 0 && o.scale > 0 && scale(mp, &o) < 0)
		rc = 1;
	cdk_eal_cleanup();
	return rc;
}
