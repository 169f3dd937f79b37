/*
 * net_e1000_em against the device models: two 82540EM cabled back to back
 * (sim0 <-> sim1) and two 82574L (sim2 <-> sim3), through the sim bus.
 * Frames byte-exact both ways, bursts, wrap-around, full rings, statistics,
 * stop/start, filters, the capability slices, and a hostile device.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdk_cap.h"
#include "cdk_cycles.h"
#include "cdk_eal.h"
#include "cdk_ethdev.h"
#include "cdk_mbuf.h"
#include "cdk_pmd.h"
#include "cdk_sim_bus.h"
#include "pmd/e1000/e1000_queue.h"
#include "pmd/e1000/e1000_regs.h"
#include "sim_pair.h"
#include "test_util.h"

#define NB_MBUF 8191
#define RXD 256
#define TXD 256
#define MAX_FRAME SIMPAIR_MAX_FRAME

static struct cdk_mempool *mp;
static uint16_t p0, p1, p2, p3; /* sim0..sim3 */
static uint16_t all[4];
/* Stop every port: every mbuf a ring held must be back in the pool. */
static void stop_all_check_pool(void)
{
	for (int i = 0; i < 4; i++)
		assert_int_equal(cdk_eth_dev_stop(all[i]), 0);
	assert_int_equal(cdk_mempool_in_use_count(mp), 0);
	for (int i = 0; i < 4; i++)
		assert_int_equal(cdk_eth_dev_start(all[i]), 0);
}
static uint32_t rng = 12345;

static uint32_t rnd(void)
{
	rng = rng * 1103515245u + 12345u;
	return rng >> 8;
}

/* Receive what arrives within ms milliseconds. */
static unsigned drain(uint16_t port, struct cdk_mbuf **got, unsigned max,
		      unsigned ms)
{
	unsigned rcvd = 0;
	uint64_t end = cdk_get_tsc_cycles() + cdk_get_tsc_hz() / 1000 * ms;

	while (rcvd < max && cdk_get_tsc_cycles() < end)
		rcvd += cdk_eth_rx_burst(port, 0, got + rcvd,
					 (uint16_t)CDK_MIN(max - rcvd, 64u));
	return rcvd;
}

/* One rx burst from the port's only queue. */
static unsigned poll_rx(uint16_t port, struct cdk_mbuf **got, uint16_t *qof,
			unsigned max)
{
	(void)qof;
	return cdk_eth_rx_burst(port, 0, got, (uint16_t)CDK_MIN(max, 64u));
}

/* Bursts until the queue is empty or max frames are in. */
static unsigned collect(uint16_t port, struct cdk_mbuf **got, unsigned max)
{
	unsigned rcvd = 0;

	while (rcvd < max) {
		uint16_t k = cdk_eth_rx_burst(port, 0, got + rcvd,
					      (uint16_t)CDK_MIN(max - rcvd, 64u));
		if (k == 0)
			break;
		rcvd += k;
	}
	return rcvd;
}

static struct simpair sp = { NULL, poll_rx, drain, collect, rnd };

static struct cdk_mbuf *frame(uint16_t src, uint16_t dst, uint32_t len,
			      uint32_t seq)
{
	return simpair_make_frame(mp, src, dst, len, seq);
}

static int port_start(uint16_t port)
{
	struct cdk_eth_conf conf = { 0 };
	int rc = cdk_eth_dev_configure(port, 1, 1, &conf);

	if (rc == 0)
		rc = cdk_eth_rx_queue_setup(port, 0, RXD, 0, NULL, mp);
	if (rc == 0)
		rc = cdk_eth_tx_queue_setup(port, 0, TXD, 0, NULL);
	if (rc == 0)
		rc = cdk_eth_dev_start(port);
	return rc;
}

static int group_setup(void **state)
{
	static const char *names[] = { "sim0", "sim1", "sim2", "sim3" };
	uint16_t *ports[] = { &p0, &p1, &p2, &p3 };

	if (test_eal_init("--vdev", "sim0,model=82540em",
			  "--vdev", "sim1,model=82540em,peer=sim0",
			  "--vdev", "sim2,model=82574l",
			  "--vdev", "sim3,model=82574l,peer=sim2", NULL) < 0)
		return -1;
	mp = cdk_pktmbuf_pool_create("e1000_test", NB_MBUF, 256, 0,
				     CDK_MBUF_DEFAULT_BUF_SIZE, 0);
	if (mp == NULL)
		return -1;
	sp.mp = mp;
	for (int i = 0; i < 4; i++)
		if (cdk_eth_dev_get_port_by_name(names[i], ports[i]) < 0)
			return -1;
	/* QEMU 7.2 keeps RFCTL.EXTEN across reset: the driver must clear it. */
	cdk_sim_reg_write(simpair_model_of(p2), 0x5008, 1u << 15);
	for (int i = 0; i < 4; i++)
		if (port_start(*ports[i]) < 0)
			return -1;
	all[0] = p0, all[1] = p1, all[2] = p2, all[3] = p3;
	return 0;
}

static int group_teardown(void **state)
{
	cdk_eal_cleanup();
	return 0;
}

static void test_link_and_mac(void **state)
{
	uint16_t ports[] = { p0, p1, p2, p3 };
	struct cdk_eth_dev_info info;

	for (unsigned i = 0; i < CDK_DIM(ports); i++) {
		struct cdk_eth_link l;
		struct cdk_ether_addr a;

		assert_int_equal(cdk_eth_link_get(ports[i], &l), 0);
		assert_int_equal(l.link_status, CDK_ETH_LINK_UP);
		assert_int_equal(l.link_speed, CDK_ETH_SPEED_NUM_1G);
		assert_int_equal(l.link_duplex, CDK_ETH_LINK_FULL_DUPLEX);
		/* The sim bus gives simN the address 02:00:00:00:00:0N. */
		cdk_eth_macaddr_get(ports[i], &a);
		assert_int_equal(a.addr_bytes[0], 0x02);
		assert_int_equal(a.addr_bytes[5], i);
	}
	assert_int_equal(cdk_eth_dev_info_get(p0, &info), 0);
	assert_string_equal(info.driver_name, "net_e1000_em");
	assert_int_equal(info.rx_desc_lim.nb_align, 8);
	assert_int_equal(info.rx_desc_lim.nb_min, 32);
	assert_int_equal(info.rx_desc_lim.nb_max, 4096);
	/* 82574L: the EXTEN bit set behind the driver's back is gone. */
	assert_int_equal(cdk_sim_reg_peek(simpair_model_of(p2), 0x5008) & (1u << 15), 0);
}

static void test_sizes_both_ways(void **state)
{
	uint32_t sizes[64];
	unsigned n = CDK_DIM(sizes);

	simpair_mixed_sizes(&sp, sizes, n);
	simpair_exchange(&sp, p0, p1, sizes, n, 1000);
	simpair_exchange(&sp, p1, p0, sizes, n, 2000);
	simpair_exchange(&sp, p2, p3, sizes, n, 3000);
	simpair_exchange(&sp, p3, p2, sizes, n, 4000);
	stop_all_check_pool();
}

/* Thousands of frames through 256-descriptor rings: many wraps. */
static void test_wrap_around(void **state)
{
	enum { N = 6000 };
	uint32_t *sizes = malloc(N * sizeof(*sizes));

	for (unsigned i = 0; i < N; i++)
		sizes[i] = 60 + rnd() % (MAX_FRAME - 59);
	simpair_exchange(&sp, p0, p1, sizes, N, 10000);
	simpair_exchange(&sp, p3, p2, sizes, N, 20000);
	free(sizes);
	stop_all_check_pool();
}

/* A burst larger than the ring: tx takes what fits, then the rest. */
static void test_burst_larger_than_ring(void **state)
{
	enum { N = 1000 };
	struct cdk_mbuf *tx[N], *rx[N];
	uint16_t first;
	unsigned got;

	for (unsigned i = 0; i < N; i++)
		tx[i] = simpair_make_frame(mp, p0, p1, 64, i);
	first = cdk_eth_tx_burst(p0, 0, tx, N);
	assert_true(first > 0 && first < TXD);
	/* 64-byte frames: a ring's worth fits the receiver's packet buffer. */
	got = drain(p1, rx, first, 2000);
	assert_int_equal(got, first);
	got += simpair_send_recv(&sp, p0, p1, tx + first, N - first, rx + first,
				 NULL, N - first);
	assert_int_equal(got, N);
	for (unsigned i = 0; i < N; i++)
		assert_true(simpair_frame_ok(rx[i], 64, i));
	cdk_pktmbuf_free_bulk(rx, N);
}

/* One doorbell write per tx burst (the model counts register writes). */
static void test_one_doorbell_per_burst(void **state)
{
	simpair_check_one_doorbell_per_burst(&sp, p0, p1);
}

/* Nobody polls: the ring fills, then the packet buffer, then the NIC
 * misses frames (MPC -> imissed). Everything sent is received or missed. */
/* The receiver's pool runs dry: frames wait, counted, then arrive. */
static void test_rx_pool_empty(void **state)
{
	simpair_check_rx_pool_empty(&sp, p0, p1);
}

static void test_rx_full_missed(void **state)
{
	uint64_t imissed = simpair_check_rx_full_missed(&sp, p0, p1, 1000);

	assert_int_equal(simpair_xstat(p1, "rx_missed_packets"), imissed);
}

static void test_stats_and_xstats(void **state)
{
	simpair_check_stats_and_xstats(&sp, p0, p1);
}

static void test_stop_start(void **state)
{
	uint32_t sizes[100];

	for (unsigned i = 0; i < CDK_DIM(sizes); i++)
		sizes[i] = 60 + rnd() % (MAX_FRAME - 59);
	for (int round = 0; round < 3; round++) {
		stop_all_check_pool();
		assert_int_equal(cdk_mempool_in_use_count(mp), 4 * RXD);
		simpair_exchange(&sp, p0, p1, sizes, CDK_DIM(sizes), 100 * round);
		simpair_exchange(&sp, p1, p0, sizes, CDK_DIM(sizes), 100 * round);
	}
}

/* tx thresholds: an RS batch must fit in what is in flight when cleaning
 * starts; a bad pair is refused, naming it, and the queue set up again
 * with the defaults carries traffic. */
static void test_tx_thresholds(void **state)
{
	struct cdk_eth_txconf rs_over_free = { .tx_rs_thresh = 64, .tx_free_thresh = 32 };
	struct cdk_eth_txconf sum_over_ring = { .tx_rs_thresh = 32, .tx_free_thresh = 224 };
	struct cdk_eth_txconf ok = { .tx_rs_thresh = 16, .tx_free_thresh = 64 };
	const uint32_t sizes[] = { 60, 700, 1514, 61 };

	assert_int_equal(cdk_eth_dev_stop(p0), 0);
	assert_int_equal(cdk_eth_tx_queue_setup(p0, 0, TXD, 0, &rs_over_free), -EINVAL);
	assert_int_equal(cdk_eth_tx_queue_setup(p0, 0, TXD, 0, &sum_over_ring), -EINVAL);
	assert_int_equal(cdk_eth_tx_queue_setup(p0, 0, TXD, 0, &ok), 0);
	assert_int_equal(((struct e1000_tx_queue *)cdk_eth_dev_get(p0)->tx_queues[0])->rs_thresh, 16);
	assert_int_equal(cdk_eth_tx_queue_setup(p0, 0, TXD, 0, NULL), 0);
	assert_int_equal(((struct e1000_tx_queue *)cdk_eth_dev_get(p0)->tx_queues[0])->rs_thresh, 32);
	assert_int_equal(cdk_eth_dev_start(p0), 0);
	simpair_exchange(&sp, p0, p1, sizes, CDK_DIM(sizes), 900);
}

/*
 * The 8254x has one queue per direction and no per-queue enable: stopping
 * rx queue 0 turns the receiver off (RCTL.EN), its ring gives every mbuf
 * back and its doorbell goes stale; starting it turns it back on.
 */
static void test_queue_stop_start(void **state)
{
	struct cdk_eth_dev *dev = cdk_eth_dev_get(p1);
	struct e1000_rx_queue *rq = dev->rx_queues[0];
	cdk_cap_t kept = rq->doorbell;
	struct cdk_mbuf *m = simpair_make_frame(mp, p0, p1, 200, 7), *got[2];
	const uint32_t sizes[] = { 60, 600, 1514 };
	unsigned in_use = cdk_mempool_in_use_count(mp);

	assert_int_equal(cdk_eth_dev_rx_queue_stop(p1, 0), 0);
	assert_int_equal(cdk_sim_reg_peek(simpair_model_of(p1), E1000_RCTL) & E1000_RCTL_EN, 0);
	assert_int_equal(cdk_mempool_in_use_count(mp), in_use - RXD);
	assert_int_equal(cdk_cap_write32(&kept, 0, 0), -ESTALE);
	assert_int_equal(cdk_eth_tx_burst(p0, 0, &m, 1), 1);
	assert_int_equal(drain(p1, got, 1, 20), 0);
	assert_int_equal(cdk_eth_dev_rx_queue_start(p1, 0), 0);
	simpair_exchange(&sp, p0, p1, sizes, CDK_DIM(sizes), 900);
	assert_int_equal(cdk_eth_dev_tx_queue_stop(p0, 0), 0);
	assert_int_equal(cdk_eth_tx_burst(p0, 0, got, 1), 0);
	assert_int_equal(cdk_eth_dev_tx_queue_start(p0, 0), 0);
	simpair_exchange(&sp, p0, p1, sizes, CDK_DIM(sizes), 910);
	stop_all_check_pool();
}

/* A unicast frame for someone else gets through only when promiscuous. */
static void test_promiscuous(void **state)
{
	simpair_check_promiscuous(&sp, p0, p1);
}

static void test_jumbo_chains(void **state)
{
	simpair_check_jumbo_chain(&sp, p0, p1);
	assert_int_equal(cdk_eth_dev_set_mtu(p0, 1500), 0);
	assert_int_equal(cdk_eth_dev_set_mtu(p1, 1500), 0);
}

/* --cap-report's view of a port: exactly the manifest's slices. */
static void test_cap_report(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_true(cdk_eth_dev_cap_report(p0, f) > 0);
	fclose(f);
	assert_non_null(strstr(buf, "[0x2818, +4) W    RDT"));
	assert_non_null(strstr(buf, "[0x2810, +4) R    RDH"));
	assert_non_null(strstr(buf, "[0x3818, +4) W    TDT"));
	assert_non_null(strstr(buf, "[0x3810, +4) R    TDH"));
	assert_int_equal(test_count(buf, "mmio"), 4);
	assert_int_equal(test_count(buf, "descriptor ring"), 2);
	free(buf);
}

/* Nothing the data path holds reaches 0x2800-0x2817 (ring base, length,
 * head) or any other register: the doorbell is 4 bytes, write only. */
static void test_doorbell_slice_bounds(void **state)
{
	struct cdk_eth_dev *dev = cdk_eth_dev_get(p0);
	struct e1000_rx_queue *rq = dev->rx_queues[0];
	struct e1000_tx_queue *tq = dev->tx_queues[0];
	struct cdk_cap_stats a, b;
	uint32_t v;

	cdk_cap_stats_get(&a);
	assert_int_equal(cdk_cap_write32(&rq->doorbell, (uint64_t)-8, 0), -EFAULT);
	assert_int_equal(cdk_cap_write32(&rq->doorbell, (uint64_t)-0x18, 0), -EFAULT);
	assert_int_equal(cdk_cap_write32(&rq->doorbell, 4, 0), -EFAULT);
	assert_int_equal(cdk_cap_read32(&rq->doorbell, 0, &v), -EACCES);
	assert_int_equal(cdk_cap_write32(&rq->head, 0, 0), -EACCES);
	assert_int_equal(cdk_cap_write32(&tq->doorbell, (uint64_t)-8, 0), -EFAULT);
	assert_null(cdk_cap_ptr(&rq->ring, (uint64_t)RXD * 16, 16, CDK_CAP_PERM_LOAD));
	cdk_cap_stats_get(&b);
	assert_int_equal(b.faults - a.faults, 7);
	assert_int_equal(rq->doorbell.len, 4);
	/* The control registers were not touched: traffic still flows. */
	uint32_t sizes[4] = { 60, 600, 1200, 1514 };
	simpair_exchange(&sp, p0, p1, sizes, 4, 0);
}

/* A copy of the doorbell kept across stop is stale. */
static void test_stale_doorbell(void **state)
{
	struct cdk_eth_dev *dev = cdk_eth_dev_get(p1);
	struct e1000_rx_queue *rq = dev->rx_queues[0];

	simpair_check_stale_doorbell(&sp, p0, p1, rq->doorbell, rq->ring, rq->rdt);
}

/* An mbuf outside every pool the tx queue was granted is refused before
 * its address reaches the device. */
static void test_tx_ungranted_refused(void **state)
{
	struct cdk_mempool *late = cdk_pktmbuf_pool_create("e1000_late", 63, 0, 0,
							   CDK_MBUF_DEFAULT_BUF_SIZE, 0);
	struct cdk_sim_stats a, b;
	struct cdk_mbuf *m, *fake, *rx[2];
	uint8_t *fake_buf;
	uint32_t sizes[2] = { 60, 1514 };

	assert_non_null(late);
	cdk_sim_stats_get(simpair_model_of(p0), &a);
	m = cdk_pktmbuf_alloc(late);
	fake = simpair_make_frame(mp, p0, p1, 100, 1);
	memcpy(cdk_pktmbuf_append(m, 100), cdk_pktmbuf_mtod(fake, void *), 100);
	cdk_pktmbuf_free(fake);
	assert_int_equal(cdk_eth_tx_burst(p0, 0, &m, 1), 0);
	assert_int_equal(simpair_xstat(p0, "tx_refused_not_granted"), 1);
	/* A hand-made mbuf over malloc'd memory. */
	fake = aligned_alloc(64, sizeof(*fake));
	fake_buf = malloc(2048);
	memset(fake, 0, sizeof(*fake));
	memset(fake_buf, 0xab, 2048);
	fake->buf_addr = fake_buf;
	fake->buf_iova = (uint64_t)(uintptr_t)fake_buf;
	fake->data_off = 0;
	fake->data_len = 100;
	fake->pkt_len = 100;
	fake->nb_segs = 1;
	fake->refcnt = 1;
	assert_int_equal(cdk_eth_tx_burst(p0, 0, &fake, 1), 0);
	assert_int_equal(simpair_xstat(p0, "tx_refused_not_granted"), 2);
	cdk_sim_quiesce(simpair_model_of(p0), 1000);
	cdk_sim_stats_get(simpair_model_of(p0), &b);
	assert_int_equal(b.tx_frames, a.tx_frames);
	assert_int_equal(b.dma_faults, 0);
	assert_int_equal(drain(p1, rx, 2, 100), 0);
	simpair_exchange(&sp, p0, p1, sizes, 2, 0); /* the queue still works */
	/* A restart grants the pools that exist now: the late one too. */
	assert_int_equal(cdk_eth_dev_stop(p0), 0);
	assert_int_equal(cdk_eth_dev_start(p0), 0);
	assert_int_equal(cdk_eth_tx_burst(p0, 0, &m, 1), 1);
	assert_int_equal(drain(p1, rx, 1, 1000), 1);
	cdk_pktmbuf_free(rx[0]);
	/* One burst from both pools, back and forth: each packet's address
	 * comes from the pool that holds it. */
	{
		struct cdk_mbuf *mix[4], *got[4];

		for (int i = 0; i < 4; i++) {
			struct cdk_mbuf *f = simpair_make_frame(mp, p0, p1, 100, (uint32_t)i);

			mix[i] = i % 2 ? cdk_pktmbuf_alloc(late) : f;
			if (i % 2) {
				memcpy(cdk_pktmbuf_append(mix[i], 100),
				       cdk_pktmbuf_mtod(f, void *), 100);
				cdk_pktmbuf_free(f);
			}
		}
		assert_int_equal(cdk_eth_tx_burst(p0, 0, mix, 4), 4);
		assert_int_equal(drain(p1, got, 4, 1000), 4);
		for (int i = 0; i < 4; i++) {
			assert_true(simpair_frame_ok(got[i], 100, (uint32_t)i));
			cdk_pktmbuf_free(got[i]);
		}
	}
	assert_int_equal(simpair_xstat(p0, "tx_refused_not_granted"), 2);
	free(fake_buf);
	free(fake);
}

/* Hostile device: a write-back longer than the buffer is dropped. */
static void test_hostile_bad_len(void **state)
{
	uint32_t sizes[8] = { 60, 100, 200, 400, 800, 1000, 1400, 1514 };

	simpair_check_hostile_drops_all(&sp, p0, p1, CDK_SIM_HOSTILE_BAD_LEN, 200, 0,
					frame);
	assert_int_equal(simpair_xstat(p1, "rx_bad_length_drops"), 200);
	simpair_exchange(&sp, p0, p1, sizes, 8, 0);
	stop_all_check_pool();
}

/* Random status bits and error flags: dropped and counted, never trusted. */
static void test_hostile_flip_status(void **state)
{
	struct cdk_mbuf *rx[1];

	simpair_check_hostile_drops_all(&sp, p0, p1, CDK_SIM_HOSTILE_FLIP_STATUS, 300,
					1, frame);
	assert_true(simpair_xstat(p1, "rx_bad_status_drops") > 0);
	/* A lying EOP may have left a frame open: one more frame closes it. */
	uint32_t one[1] = { 64 };
	struct cdk_mbuf *f = simpair_make_frame(mp, p0, p1, 64, 0);
	assert_int_equal(cdk_eth_tx_burst(p0, 0, &f, 1), 1);
	cdk_pktmbuf_free_bulk(rx, drain(p1, rx, 1, 200));
	simpair_exchange(&sp, p0, p1, one, 1, 5);
	stop_all_check_pool();
}

/* DD on the tail descriptor, which the device never owned: not a frame. */
static void test_hostile_ghost_dd(void **state)
{
	simpair_check_hostile_ghost_dd(&sp, p0, p1);
	stop_all_check_pool();
}

/* Everything at once, both directions: no crash, no access outside the
 * buffers (ASan), every mbuf back, and the device never DMAs outside. */
static void test_hostile_all(void **state)
{
	enum { N = 2000 };
	struct cdk_mbuf **tx = calloc(N, sizeof(*tx)), **rx = calloc(N * 2, sizeof(*rx));
	struct cdk_sim_stats s;
	unsigned got = 0;

	cdk_sim_set_hostile(simpair_model_of(p1), CDK_SIM_HOSTILE_ALL);
	for (unsigned i = 0; i < N; i++)
		tx[i] = simpair_make_frame(mp, p0, p1, 60 + rnd() % 1455, i);
	got = simpair_send_paced(&sp, p0, p1, tx, N, rx, 2 * N);
	got += drain(p1, rx + got, 2 * N - got, 300);
	cdk_sim_set_hostile(simpair_model_of(p1), 0);
	for (unsigned i = 0; i < got; i++) {
		assert_true(rx[i]->pkt_len <= 16128);
		assert_int_equal(cdk_mbuf_check(rx[i], 1, NULL), 0);
	}
	cdk_pktmbuf_free_bulk(rx, got);
	cdk_sim_stats_get(simpair_model_of(p1), &s);
	assert_int_equal(s.dma_faults, 0);
	assert_true(s.hostile_events > 0);
	/* A restart puts the device and the queue back in order. */
	stop_all_check_pool();
	uint32_t sizes[3] = { 60, 700, 1514 };
	simpair_exchange(&sp, p0, p1, sizes, 3, 0);
	free(tx);
	free(rx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_link_and_mac),
		cmocka_unit_test(test_sizes_both_ways),
		cmocka_unit_test(test_wrap_around),
		cmocka_unit_test(test_burst_larger_than_ring),
		cmocka_unit_test(test_one_doorbell_per_burst),
		cmocka_unit_test(test_rx_full_missed),
		cmocka_unit_test(test_rx_pool_empty),
		cmocka_unit_test(test_stats_and_xstats),
		cmocka_unit_test(test_stop_start),
		cmocka_unit_test(test_tx_thresholds),
		cmocka_unit_test(test_queue_stop_start),
		cmocka_unit_test(test_promiscuous),
		cmocka_unit_test(test_jumbo_chains),
		cmocka_unit_test(test_cap_report),
		cmocka_unit_test(test_doorbell_slice_bounds),
		cmocka_unit_test(test_stale_doorbell),
		cmocka_unit_test(test_tx_ungranted_refused),
		cmocka_unit_test(test_hostile_bad_len),
		cmocka_unit_test(test_hostile_flip_status),
		cmocka_unit_test(test_hostile_ghost_dd),
		cmocka_unit_test(test_hostile_all),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
