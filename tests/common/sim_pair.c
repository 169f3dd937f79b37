/* Helpers for the driver tests over a back-to-back pair of device models. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cdk_cycles.h"
#include "cdk_eal.h"
#include "cdk_ethdev.h"
#include "cdk_mbuf.h"
#include "cdk_sim_bus.h"
#include "sim_pair.h"
#include "test_util.h"

struct cdk_sim_dev *simpair_model_of(uint16_t port)
{
	char name[CDK_ETH_NAME_MAX_LEN];

	assert_int_equal(cdk_eth_dev_get_name_by_port(port, name), 0);
	return cdk_sim_bus_model(name);
}

uint64_t simpair_xstat(uint16_t port, const char *name)
{
	struct cdk_eth_xstat xs[256];
	uint64_t id;
	int n = cdk_eth_xstats_get(port, xs, CDK_DIM(xs));

	assert_true(n > 0);
	assert_int_equal(cdk_eth_xstats_get_id_by_name(port, name, &id), 0);
	return xs[id].value;
}

struct cdk_mbuf *simpair_make_frame(struct cdk_mempool *mp, uint16_t src,
				    uint16_t dst, uint32_t len, uint32_t seq)
{
	struct cdk_mbuf *m = cdk_pktmbuf_alloc(mp);
	struct cdk_ether_addr a;
	uint8_t *p;

	assert_non_null(m);
	p = (uint8_t *)cdk_pktmbuf_append(m, (uint16_t)len);
	assert_non_null(p);
	cdk_eth_macaddr_get(dst, &a);
	memcpy(p, a.addr_bytes, 6);
	cdk_eth_macaddr_get(src, &a);
	memcpy(p + 6, a.addr_bytes, 6);
	p[12] = 0x88;
	p[13] = 0xb5; /* local experimental ethertype: RSS leaves it on queue 0 */
	memcpy(p + 14, &seq, 4);
	for (uint32_t i = 18; i < len; i++)
		p[i] = (uint8_t)(seq * 7 + i);
	return m;
}

int simpair_frame_ok(const struct cdk_mbuf *m, uint32_t len, uint32_t seq)
{
	static uint8_t buf[16384];
	const uint8_t *p = cdk_pktmbuf_read(m, 0, m->pkt_len, buf);

	if (m->pkt_len != len || p == NULL || memcmp(p + 14, &seq, 4) != 0)
		return 0;
	for (uint32_t i = 18; i < len; i++)
		if (p[i] != (uint8_t)(seq * 7 + i))
			return 0;
	return 1;
}

unsigned simpair_send_recv(const struct simpair *sp, uint16_t tx_port,
			   uint16_t rx_port, struct cdk_mbuf **pkts, unsigned n,
			   struct cdk_mbuf **got, uint16_t *qof, unsigned want)
{
	unsigned sent = 0, rcvd = 0;
	uint64_t deadline = cdk_get_tsc_cycles() + 10 * cdk_get_tsc_hz();

	while ((sent < n || rcvd < want) && cdk_get_tsc_cycles() < deadline) {
		if (sent < n && sent - rcvd < SIMPAIR_WINDOW)
			sent += cdk_eth_tx_burst(tx_port, 0, pkts + sent,
						 (uint16_t)CDK_MIN(n - sent,
								   SIMPAIR_WINDOW - (sent - rcvd)));
		if (rcvd < want)
			rcvd += sp->poll(rx_port, got + rcvd, qof ? qof + rcvd : NULL,
					 want - rcvd);
	}
	assert_int_equal(sent, n);
	return rcvd;
}

unsigned simpair_send_paced(const struct simpair *sp, uint16_t tx_port,
			    uint16_t rx_port, struct cdk_mbuf **pkts, unsigned n,
			    struct cdk_mbuf **got, unsigned max)
{
	unsigned sent = 0, rcvd = 0;
	uint64_t deadline = cdk_get_tsc_cycles() + 10 * cdk_get_tsc_hz();

	while (sent < n && cdk_get_tsc_cycles() < deadline) {
		sent += cdk_eth_tx_burst(tx_port, 0, pkts + sent,
					 (uint16_t)CDK_MIN(n - sent,
							   (unsigned)SIMPAIR_WINDOW));
		cdk_sim_quiesce(simpair_model_of(tx_port), 1000);
		cdk_sim_quiesce(simpair_model_of(rx_port), 1000);
		rcvd += sp->collect(rx_port, got + rcvd, max - rcvd);
	}
	assert_int_equal(sent, n);
	return rcvd;
}

void simpair_exchange(const struct simpair *sp, uint16_t a, uint16_t b,
		      const uint32_t *sizes, unsigned n, uint32_t seq0)
{
	struct cdk_mbuf **tx = calloc(n, sizeof(*tx)), **rx = calloc(n, sizeof(*rx));
	unsigned got;

	for (unsigned i = 0; i < n; i++)
		tx[i] = simpair_make_frame(sp->mp, a, b, sizes[i], seq0 + i);
	got = simpair_send_recv(sp, a, b, tx, n, rx, NULL, n);
	assert_int_equal(got, n);
	for (unsigned i = 0; i < n; i++) {
		if (!simpair_frame_ok(rx[i], sizes[i], seq0 + i))
			fail_msg("frame %u (%u bytes) differs", i, sizes[i]);
		assert_int_equal(rx[i]->port, b);
	}
	cdk_pktmbuf_free_bulk(rx, got);
	free(tx);
	free(rx);
}

void simpair_mixed_sizes(const struct simpair *sp, uint32_t *sizes, unsigned n)
{
	static const uint32_t fixed[] = { 255, 256, 511, 512, 1023, 1024, 1500, 1514 };
	unsigned k = 0;

	assert_true(n >= 11 + 3 + CDK_DIM(fixed));
	for (uint32_t s = 60; s <= 70; s++)
		sizes[k++] = s;
	for (uint32_t s = 127; s <= 129; s++)
		sizes[k++] = s;
	for (unsigned i = 0; i < CDK_DIM(fixed); i++)
		sizes[k++] = fixed[i];
	while (k < n)
		sizes[k++] = 60 + sp->rnd() % (SIMPAIR_MAX_FRAME - 59);
}

/* One doorbell write per tx burst (the model counts register writes). */
void simpair_check_one_doorbell_per_burst(const struct simpair *sp, uint16_t a,
					  uint16_t b)
{
	struct cdk_sim_dev *m0 = simpair_model_of(a);
	struct cdk_mbuf *tx[32], *rx[32];
	struct cdk_sim_stats s0, s1;

	for (unsigned i = 0; i < 32; i++)
		tx[i] = simpair_make_frame(sp->mp, a, b, 100, i);
	cdk_sim_stats_get(m0, &s0);
	assert_int_equal(cdk_eth_tx_burst(a, 0, tx, 32), 32);
	cdk_sim_stats_get(m0, &s1);
	assert_int_equal(s1.reg_writes - s0.reg_writes, 1);
	assert_int_equal(sp->drain(b, rx, 32, 2000), 32);
	cdk_pktmbuf_free_bulk(rx, 32);
}

void simpair_check_stats_and_xstats(const struct simpair *sp, uint16_t a,
				    uint16_t b)
{
	enum { N = 500 };
	uint32_t sizes[N];
	uint64_t bytes = 0;
	struct cdk_eth_stats s0, s1;

	cdk_eth_stats_reset(a);
	cdk_eth_stats_reset(b);
	for (unsigned i = 0; i < N; i++) {
		sizes[i] = 60 + sp->rnd() % (SIMPAIR_MAX_FRAME - 59);
		bytes += sizes[i];
	}
	simpair_exchange(sp, a, b, sizes, N, 0);
	assert_int_equal(cdk_eth_stats_get(a, &s0), 0);
	assert_int_equal(cdk_eth_stats_get(b, &s1), 0);
	assert_int_equal(s0.opackets, N);
	assert_int_equal(s0.obytes, bytes);
	assert_int_equal(s0.q_opackets[0], N);
	assert_int_equal(s1.ipackets, N);
	assert_int_equal(s1.ibytes, bytes);
	assert_int_equal(s1.q_ipackets[0], N);
	assert_int_equal(s1.ierrors + s1.imissed + s0.oerrors, 0);
	/* Hardware counters by name; the octet counters include the FCS. */
	assert_int_equal(simpair_xstat(a, "tx_hw_good_packets"), N);
	assert_int_equal(simpair_xstat(a, "tx_hw_good_bytes"), bytes + 4 * N);
	assert_int_equal(simpair_xstat(b, "rx_hw_good_packets"), N);
	assert_int_equal(simpair_xstat(b, "rx_hw_good_bytes"), bytes + 4 * N);
	assert_int_equal(simpair_xstat(b, "rx_good_packets"), N);
	/* Clear-on-read registers are accumulated, not lost: read again. */
	assert_int_equal(simpair_xstat(b, "rx_hw_good_packets"), N);
	cdk_eth_xstats_reset(b);
	assert_int_equal(simpair_xstat(b, "rx_hw_good_packets"), 0);
	assert_int_equal(simpair_xstat(b, "rx_good_packets"), 0);
}

/* A unicast frame for someone else gets through only when promiscuous. */
void simpair_check_promiscuous(const struct simpair *sp, uint16_t a, uint16_t b)
{
	struct cdk_sim_dev *m1 = simpair_model_of(b);
	struct cdk_mbuf *m, *rx[4];
	struct cdk_sim_stats s0, s1;
	static const uint8_t other[6] = { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 };

	for (int promisc = 0; promisc <= 2; promisc++) {
		if (promisc == 1)
			assert_int_equal(cdk_eth_promiscuous_enable(b), 0);
		if (promisc == 2)
			assert_int_equal(cdk_eth_promiscuous_disable(b), 0);
		m = simpair_make_frame(sp->mp, a, b, 200, 77);
		memcpy(cdk_pktmbuf_mtod(m, uint8_t *), other, 6);
		cdk_sim_stats_get(m1, &s0);
		assert_int_equal(cdk_eth_tx_burst(a, 0, &m, 1), 1);
		cdk_sim_quiesce(simpair_model_of(a), 1000);
		if (promisc == 1) {
			assert_int_equal(sp->drain(b, rx, 1, 1000), 1);
			assert_memory_equal(cdk_pktmbuf_mtod(rx[0], uint8_t *), other, 6);
			cdk_pktmbuf_free(rx[0]);
		} else {
			assert_int_equal(sp->drain(b, rx, 1, 100), 0);
			cdk_sim_stats_get(m1, &s1);
			assert_int_equal(s1.rx_filtered - s0.rx_filtered, 1);
		}
	}
}

void simpair_check_jumbo_chain(const struct simpair *sp, uint16_t a, uint16_t b)
{
	enum { LEN = 9000, SEG = 2000 };
	struct cdk_mbuf *head = NULL, *rx[2];
	static uint8_t frame[LEN], buf[LEN];
	struct cdk_ether_addr ea;

	assert_int_equal(cdk_eth_dev_set_mtu(a, 9000), 0);
	assert_int_equal(cdk_eth_dev_set_mtu(b, 9000), 0);
	cdk_eth_macaddr_get(b, &ea);
	memcpy(frame, ea.addr_bytes, 6);
	for (unsigned i = 6; i < LEN; i++)
		frame[i] = (uint8_t)(i * 13);
	for (unsigned off = 0; off < LEN; off += SEG) {
		struct cdk_mbuf *m = cdk_pktmbuf_alloc(sp->mp);
		uint16_t n = (uint16_t)CDK_MIN((unsigned)SEG, LEN - off);

		memcpy(cdk_pktmbuf_append(m, n), frame + off, n);
		if (head == NULL)
			head = m;
		else
			assert_int_equal(cdk_pktmbuf_chain(head, m), 0);
	}
	assert_int_equal(head->nb_segs, 5);
	assert_int_equal(cdk_eth_tx_burst(a, 0, &head, 1), 1);
	assert_int_equal(sp->drain(b, rx, 1, 2000), 1);
	assert_int_equal(rx[0]->pkt_len, LEN);
	assert_int_equal(rx[0]->nb_segs, (LEN + 2047) / 2048);
	assert_memory_equal(cdk_pktmbuf_read(rx[0], 0, LEN, buf), frame, LEN);
	cdk_pktmbuf_free(rx[0]);
}

void simpair_check_hostile_ghost_dd(const struct simpair *sp, uint16_t a,
				    uint16_t b)
{
	enum { N = 400 };
	struct cdk_sim_dev *m1 = simpair_model_of(b);
	struct cdk_mbuf *tx[N], *rx[N + 64];
	unsigned got, matched = 0;

	cdk_eth_stats_reset(b);
	cdk_sim_set_hostile(m1, CDK_SIM_HOSTILE_GHOST_DD);
	for (unsigned i = 0; i < N; i++)
		tx[i] = simpair_make_frame(sp->mp, a, b, 60 + i, i);
	got = simpair_send_paced(sp, a, b, tx, N, rx, N + 64);
	got += sp->drain(b, rx + got, N + 64 - got, 200);
	cdk_sim_set_hostile(m1, 0);
	for (unsigned i = 0; i < got && matched < N; i++)
		if (simpair_frame_ok(rx[i], 60 + matched, matched))
			matched++;
	assert_int_equal(matched, N);
	assert_true(simpair_xstat(b, "rx_ghost_dd_drops") > 0);
	cdk_pktmbuf_free_bulk(rx, got);
}

void simpair_check_stale_doorbell(const struct simpair *sp, uint16_t a,
				  uint16_t b, cdk_cap_t kept, cdk_cap_t kept_ring,
				  uint32_t rdt)
{
	uint32_t sizes[4] = { 60, 600, 1200, 1514 };

	assert_int_equal(cdk_cap_write32(&kept, 0, rdt), 0);
	assert_int_equal(cdk_eth_dev_stop(b), 0);
	assert_int_equal(cdk_cap_write32(&kept, 0, 0), -ESTALE);
	assert_null(cdk_cap_ptr(&kept_ring, 0, 16, CDK_CAP_PERM_LOAD));
	assert_int_equal(cdk_eth_dev_start(b), 0);
	assert_int_equal(cdk_cap_write32(&kept, 0, 0), -ESTALE);
	simpair_exchange(sp, a, b, sizes, 4, 0);
}

/* Every object mp has left into held (room for all of them). */
static void take_all(struct cdk_mempool *mp, void **held, unsigned *n)
{
	while (*n < mp->size && cdk_mempool_get(mp, &held[*n]) == 0)
		(*n)++;
	assert_int_equal(cdk_mempool_avail_count(mp), 0);
}

void simpair_check_rx_pool_empty(const struct simpair *sp, uint16_t a,
				 uint16_t b)
{
	enum { N = 8 };
	struct cdk_mbuf *tx[N], *rx[N];
	void **held = calloc(sp->mp->size, sizeof(*held));
	unsigned n_held = 0, got, blocked;
	struct cdk_eth_stats st;

	assert_non_null(held);
	for (unsigned i = 0; i < N; i++)
		tx[i] = simpair_make_frame(sp->mp, a, b, 100 + 50 * i, 7000 + i);
	assert_int_equal(cdk_eth_stats_reset(b), 0);
	take_all(sp->mp, held, &n_held);
	assert_int_equal(cdk_eth_tx_burst(a, 0, tx, N), N);
	/* a's tx cleaning may have given mbufs of earlier frames back */
	take_all(sp->mp, held, &n_held);
	/* nothing can be refilled: nothing is handed up, and it is counted */
	blocked = sp->drain(b, rx, N, 200);
	assert_int_equal(cdk_eth_stats_get(b, &st), 0);
	cdk_mempool_put_bulk(sp->mp, held, n_held);
	free(held);
	assert_int_equal(blocked, 0);
	assert_true(st.rx_nombuf > 0);
	assert_int_equal(st.ipackets, 0);
	got = sp->drain(b, rx, N, 2000);
	assert_int_equal(got, N);
	for (unsigned i = 0; i < got; i++) {
		uint32_t seq = 7000 + (rx[i]->pkt_len - 100) / 50;

		assert_true(simpair_frame_ok(rx[i], rx[i]->pkt_len, seq));
	}
	cdk_pktmbuf_free_bulk(rx, got);
}

uint64_t simpair_check_rx_full_missed(const struct simpair *sp, uint16_t a,
				      uint16_t b, unsigned drain_ms)
{
	enum { N = 3000 };
	struct cdk_mbuf **tx = calloc(N, sizeof(*tx)), **rx = calloc(N, sizeof(*rx));
	struct cdk_eth_stats st;
	unsigned sent = 0, got;
	uint64_t deadline = cdk_get_tsc_cycles() + 5 * cdk_get_tsc_hz();

	cdk_eth_stats_reset(b);
	for (unsigned i = 0; i < N; i++)
		tx[i] = simpair_make_frame(sp->mp, a, b, 1000, i);
	while (sent < N && cdk_get_tsc_cycles() < deadline)
		sent += cdk_eth_tx_burst(a, 0, tx + sent, (uint16_t)(N - sent));
	assert_int_equal(sent, N);
	assert_int_equal(cdk_sim_quiesce(simpair_model_of(a), 2000), 0);
	cdk_sim_quiesce(simpair_model_of(b), 2000);
	got = sp->drain(b, rx, N, drain_ms);
	assert_int_equal(cdk_eth_stats_get(b, &st), 0);
	assert_true(st.imissed > 0);
	assert_true(got < N);
	assert_int_equal(got + st.imissed, N);
	assert_int_equal(st.ipackets, got);
	cdk_pktmbuf_free_bulk(rx, got);
	free(tx);
	free(rx);
	return st.imissed;
}

void simpair_check_hostile_drops_all(const struct simpair *sp, uint16_t a,
				     uint16_t b, uint32_t hostile, unsigned n,
				     int random_len, simpair_make_fn make)
{
	struct cdk_sim_dev *m1 = simpair_model_of(b);
	struct cdk_mbuf **tx = calloc(n, sizeof(*tx)), **rx = calloc(n, sizeof(*rx));
	unsigned got;

	cdk_eth_stats_reset(b);
	cdk_sim_set_hostile(m1, hostile);
	for (unsigned i = 0; i < n; i++)
		tx[i] = make(a, b, random_len ? 60 + sp->rnd() % 1455 : 60 + i, i);
	got = simpair_send_paced(sp, a, b, tx, n, rx, n);
	got += sp->drain(b, rx + got, n - got, 200);
	cdk_sim_set_hostile(m1, 0);
	assert_int_equal(got, 0);
	free(tx);
	free(rx);
}
