/*
 * net_e1000_igb against the 82576 model: two of them cabled back to back
 * (sim0 <-> sim1) through the sim bus, four rx and four tx queues each with
 * RSS on. Frames byte-exact both ways, jumbo chains, wrap-around, RSS
 * (each flow on the queue the Toeplitz hash and RETA say, checked against
 * a hash computed here), RETA and key updates, per-queue statistics, VLAN
 * strip, checksum offload descriptors, stop/start, promiscuous mode, the
 * capability slices (no queue reaches another's registers) and a hostile
 * device.
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
#include "pmd/igb/igb_queue.h"
#include "sim_pair.h"
#include "test_util.h"

#define NB_MBUF 8191
#define NQ 4
#define RXD 256
#define TXD 256
#define MAX_FRAME SIMPAIR_MAX_FRAME
#define RSS_HF (CDK_ETH_RSS_IPV4 | CDK_ETH_RSS_NONFRAG_IPV4_TCP | \
		CDK_ETH_RSS_NONFRAG_IPV4_UDP)

static struct cdk_mempool *mp;
static uint16_t p0, p1; /* sim0, sim1 */
static unsigned baseline; /* mbufs in use with both ports started */
static uint32_t rng = 4242;

static uint32_t rnd(void)
{
	rng = rng * 1103515245u + 12345u;
	return rng >> 8;
}

static int port_configure(uint16_t port, uint64_t rx_offloads)
{
	struct cdk_eth_conf conf = { 0 };

	conf.rxmode.mq_mode = CDK_ETH_MQ_RX_RSS;
	conf.rxmode.offloads = rx_offloads;
	conf.rx_adv_conf.rss_conf.rss_hf = RSS_HF;
	return cdk_eth_dev_configure(port, NQ, NQ, &conf);
}

static int port_start(uint16_t port)
{
	int rc = port_configure(port, 0);

	for (uint16_t q = 0; q < NQ && rc == 0; q++) {
		rc = cdk_eth_rx_queue_setup(port, q, RXD, 0, NULL, mp);
		if (rc == 0)
			rc = cdk_eth_tx_queue_setup(port, q, TXD, 0, NULL);
	}
	return rc == 0 ? cdk_eth_dev_start(port) : rc;
}

/* ---- frames ---- */

static uint16_t csum16(const uint8_t *p, size_t n, uint32_t sum)
{
	for (size_t i = 0; i + 1 < n; i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (n & 1)
		sum += (uint32_t)p[n - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

/* Flow f: IPv4 10.0.x.y -> 192.168.1.z, TCP or UDP ports from f. */
struct flow {
	uint8_t src[4], dst[4];
	uint16_t sport, dport;
	uint8_t proto;
};

static struct flow flow_of(uint32_t f)
{
	struct flow fl = { { 10, 0, (uint8_t)(f >> 8), (uint8_t)f },
			   { 192, 168, 1, (uint8_t)(f % 7 + 1) },
			   (uint16_t)(1000 + f * 3), (uint16_t)(80 + f % 13),
			   (uint8_t)(f & 1 ? 17 : 6) };
	return fl;
}

/* 14 + 20 + 20 (TCP) or 8 (UDP) bytes of headers, then f as payload. */
static struct cdk_mbuf *make_flow_frame(uint16_t src, uint16_t dst, uint32_t f,
					uint32_t len)
{
	struct cdk_mbuf *m = simpair_make_frame(mp, src, dst, len, f);
	uint8_t *p = cdk_pktmbuf_mtod(m, uint8_t *), *ip = p + 14, *l4 = ip + 20;
	struct flow fl = flow_of(f);
	uint16_t tot = (uint16_t)(len - 14);

	p[12] = 0x08, p[13] = 0x00;
	memset(ip, 0, 20);
	ip[0] = 0x45, ip[2] = (uint8_t)(tot >> 8), ip[3] = (uint8_t)tot;
	ip[8] = 64, ip[9] = fl.proto;
	memcpy(ip + 12, fl.src, 4);
	memcpy(ip + 16, fl.dst, 4);
	uint16_t c = csum16(ip, 20, 0);
	ip[10] = (uint8_t)(c >> 8), ip[11] = (uint8_t)c;
	memset(l4, 0, fl.proto == 6 ? 20 : 8);
	l4[0] = (uint8_t)(fl.sport >> 8), l4[1] = (uint8_t)fl.sport;
	l4[2] = (uint8_t)(fl.dport >> 8), l4[3] = (uint8_t)fl.dport;
	if (fl.proto == 6)
		l4[12] = 5 << 4;
	else
		l4[4] = (uint8_t)((tot - 20) >> 8), l4[5] = (uint8_t)(tot - 20);
	memcpy(l4 + (fl.proto == 6 ? 20 : 8), &f, 4);
	return m;
}

/* make_flow_frame in the argument order simpair_make_fn has. */
static struct cdk_mbuf *flow_frame(uint16_t src, uint16_t dst, uint32_t len,
				   uint32_t seq)
{
	return make_flow_frame(src, dst, seq, len);
}

static uint32_t flow_id(const struct cdk_mbuf *m)
{
	const uint8_t *p = cdk_pktmbuf_mtod(m, const uint8_t *);
	uint32_t f;

	memcpy(&f, p + 34 + (p[23] == 6 ? 20 : 8), 4);
	return f;
}

/* The Toeplitz hash the device must report for flow f under key. */
static uint32_t flow_hash(const uint8_t key[40], uint32_t f)
{
	struct flow fl = flow_of(f);
	uint8_t in[12];

	memcpy(in, fl.src, 4);
	memcpy(in + 4, fl.dst, 4);
	in[8] = (uint8_t)(fl.sport >> 8), in[9] = (uint8_t)fl.sport;
	in[10] = (uint8_t)(fl.dport >> 8), in[11] = (uint8_t)fl.dport;
	return cdk_sim_toeplitz(key, in, sizeof(in));
}

/* ---- moving frames ---- */

/* Receive from every queue of port what arrives within ms; qof[i] is the
 * queue frame i came from. */
static unsigned drain_q(uint16_t port, struct cdk_mbuf **got, uint16_t *qof,
			unsigned max, unsigned ms)
{
	unsigned rcvd = 0;
	uint64_t end = cdk_get_tsc_cycles() + cdk_get_tsc_hz() / 1000 * ms;

	do {
		for (uint16_t q = 0; q < NQ && rcvd < max; q++) {
			uint16_t k = cdk_eth_rx_burst(port, q, got + rcvd,
						      (uint16_t)CDK_MIN(max - rcvd, 32u));

			for (uint16_t i = 0; qof && i < k; i++)
				qof[rcvd + i] = q;
			rcvd += k;
		}
	} while (rcvd < max && cdk_get_tsc_cycles() < end);
	return rcvd;
}

static unsigned drain(uint16_t port, struct cdk_mbuf **got, unsigned max,
		      unsigned ms)
{
	return drain_q(port, got, NULL, max, ms);
}

/* One pass over every rx queue of port. */
static unsigned poll_rx(uint16_t port, struct cdk_mbuf **got, uint16_t *qof,
			unsigned max)
{
	return drain_q(port, got, qof, max, 0);
}

/* What port holds once the models are quiet. */
static unsigned collect(uint16_t port, struct cdk_mbuf **got, unsigned max)
{
	return drain(port, got, max, 1);
}

static struct simpair sp = { NULL, poll_rx, drain, collect, rnd };

static int group_setup(void **state)
{
	if (test_eal_init("--vdev", "sim0,model=82576",
			  "--vdev", "sim1,model=82576,peer=sim0", NULL) < 0)
		return -1;
	mp = cdk_pktmbuf_pool_create("igb_test", NB_MBUF, 256, 0,
				     CDK_MBUF_DEFAULT_BUF_SIZE, 0);
	if (mp == NULL || cdk_eth_dev_get_port_by_name("sim0", &p0) < 0 ||
	    cdk_eth_dev_get_port_by_name("sim1", &p1) < 0)
		return -1;
	sp.mp = mp;
	if (port_start(p0) < 0 || port_start(p1) < 0)
		return -1;
	baseline = cdk_mempool_in_use_count(mp);
	return 0;
}

static int group_teardown(void **state)
{
	cdk_eal_cleanup();
	return 0;
}

/* Mbufs the ports hold: their rx rings (baseline) and what the tx rings
 * still keep until the device is done with those descriptors. */
static unsigned held(void)
{
	uint16_t ports[] = { p0, p1 };
	unsigned n = baseline;

	for (unsigned i = 0; i < CDK_DIM(ports); i++) {
		struct cdk_eth_dev *dev = cdk_eth_dev_get(ports[i]);

		for (uint16_t q = 0; dev->started && q < NQ; q++) {
			struct igb_tx_queue *t = dev->tx_queues[q];

			for (uint16_t k = 0; k < t->nb_desc; k++)
				n += t->sw_ring[k].mbuf != NULL &&
				     t->sw_ring[k].mbuf->pool == mp;
		}
	}
	return n;
}

static void reta_get(uint16_t port, uint16_t reta[128])
{
	struct cdk_eth_rss_reta_entry64 r[2] = { { ~0ull, { 0 } }, { ~0ull, { 0 } } };

	assert_int_equal(cdk_eth_dev_rss_reta_query(port, r, 128), 0);
	for (unsigned i = 0; i < 128; i++)
		reta[i] = r[i / 64].reta[i % 64];
}

static void key_get(uint16_t port, uint8_t key[40])
{
	struct cdk_eth_rss_conf c = { key, 40, 0 };

	assert_int_equal(cdk_eth_dev_rss_hash_conf_get(port, &c), 0);
	assert_int_equal(c.rss_hf, RSS_HF);
}

/* ---- tests ---- */

static void test_link_and_info(void **state)
{
	uint16_t ports[] = { p0, p1 };
	struct cdk_eth_dev_info info;

	for (unsigned i = 0; i < CDK_DIM(ports); i++) {
		struct cdk_eth_link l;
		struct cdk_ether_addr a;

		assert_int_equal(cdk_eth_link_get(ports[i], &l), 0);
		assert_int_equal(l.link_status, CDK_ETH_LINK_UP);
		assert_int_equal(l.link_speed, CDK_ETH_SPEED_NUM_1G);
		assert_int_equal(l.link_duplex, CDK_ETH_LINK_FULL_DUPLEX);
		cdk_eth_macaddr_get(ports[i], &a); /* from RAL0/RAH0 */
		assert_int_equal(a.addr_bytes[0], 0x02);
		assert_int_equal(a.addr_bytes[5], i);
	}
	assert_int_equal(cdk_eth_dev_info_get(p0, &info), 0);
	assert_string_equal(info.driver_name, "net_e1000_igb");
	assert_int_equal(info.max_rx_queues, 8);
	assert_int_equal(info.max_tx_queues, 8);
	assert_int_equal(info.reta_size, 128);
	assert_int_equal(info.hash_key_size, 40);
	assert_int_equal(info.flow_type_rss_offloads, RSS_HF);
	assert_int_equal(info.rx_desc_lim.nb_align, 8);
	assert_int_equal(info.rx_desc_lim.nb_min, 32);
	assert_int_equal(info.rx_desc_lim.nb_max, 4096);
	assert_true(info.tx_offload_capa & CDK_ETH_TX_OFFLOAD_UDP_CKSUM);
	/* 82576 DS 8.10.2: advanced one-buffer descriptors, 2 KB buffers. */
	for (unsigned q = 0; q < NQ; q++) {
		uint32_t srrctl = cdk_sim_reg_peek(simpair_model_of(p1), 0xc00c + 0x40 * q);

		assert_int_equal(srrctl & 0x7f, 2);
		assert_int_equal((srrctl >> 25) & 7, 1);
		assert_true(cdk_sim_reg_peek(simpair_model_of(p1), 0xc028 + 0x40 * q) &
			    (1u << 25));
	}
	/* The queues the port does not use are off, queue 0's reset value too. */
	assert_false(cdk_sim_reg_peek(simpair_model_of(p1), 0xc028 + 0x40 * NQ) & (1u << 25));
	/* A configuration the port does not support is refused. */
	{
		struct cdk_eth_conf bad = { 0 };

		assert_int_equal(cdk_eth_dev_stop(p1), 0);
		bad.rxmode.mq_mode = CDK_ETH_MQ_RX_RSS;
		bad.rx_adv_conf.rss_conf.rss_hf = 1ull << 40;
		assert_int_equal(cdk_eth_dev_configure(p1, NQ, NQ, &bad), -EINVAL);
		assert_int_equal(cdk_eth_dev_configure(p1, 9, 1, &bad), -EINVAL);
		assert_int_equal(port_configure(p1, 0), 0);
		assert_int_equal(cdk_eth_dev_start(p1), 0);
	}
}

static void test_sizes_both_ways(void **state)
{
	uint32_t sizes[64];
	unsigned n = CDK_DIM(sizes);

	simpair_mixed_sizes(&sp, sizes, n);
	simpair_exchange(&sp, p0, p1, sizes, n, 1000);
	simpair_exchange(&sp, p1, p0, sizes, n, 2000);
	assert_int_equal(cdk_mempool_in_use_count(mp), held());
}

/* Thousands of frames through 256-descriptor rings: many wraps. */
static void test_wrap_around(void **state)
{
	enum { N = 5000 };
	uint32_t *sizes = malloc(N * sizeof(*sizes));

	for (unsigned i = 0; i < N; i++)
		sizes[i] = 60 + rnd() % (MAX_FRAME - 59);
	simpair_exchange(&sp, p0, p1, sizes, N, 10000);
	simpair_exchange(&sp, p1, p0, sizes, N, 20000);
	free(sizes);
	assert_int_equal(cdk_mempool_in_use_count(mp), held());
}

/* One doorbell write per tx burst (the model counts register writes). */
static void test_one_doorbell_per_burst(void **state)
{
	simpair_check_one_doorbell_per_burst(&sp, p0, p1);
}

static void test_jumbo_chains(void **state)
{
	simpair_check_jumbo_chain(&sp, p0, p1);
	/* 82576 DS 8.10.11: RLPML holds the largest frame, LPE lets it in. */
	assert_int_equal(cdk_sim_reg_peek(simpair_model_of(p1), 0x5004), 9000 + 22);
	assert_true(cdk_sim_reg_peek(simpair_model_of(p1), 0x100) & (1u << 5));
	assert_int_equal(cdk_eth_dev_set_mtu(p0, 1500), 0);
	assert_int_equal(cdk_eth_dev_set_mtu(p1, 1500), 0);
	assert_false(cdk_sim_reg_peek(simpair_model_of(p1), 0x100) & (1u << 5));
}

/* Many TCP and UDP flows: each lands on the queue RETA gives its Toeplitz
 * hash, with that hash in the mbuf, and every queue gets some. */
static void check_rss(unsigned nflows, uint32_t f0, const uint8_t key[40],
		      const uint16_t reta[128], unsigned per_q[NQ])
{
	struct cdk_mbuf **tx = calloc(nflows, sizeof(*tx));
	struct cdk_mbuf **rx = calloc(nflows, sizeof(*rx));
	uint16_t *qof = calloc(nflows, sizeof(*qof));
	unsigned got;

	for (unsigned i = 0; i < nflows; i++)
		tx[i] = make_flow_frame(p0, p1, f0 + i, 100 + i % 200);
	got = simpair_send_recv(&sp, p0, p1, tx, nflows, rx, qof, nflows);
	assert_int_equal(got, nflows);
	memset(per_q, 0, sizeof(unsigned) * NQ);
	for (unsigned i = 0; i < got; i++) {
		uint32_t f = flow_id(rx[i]), h = flow_hash(key, f);
		uint32_t l4 = flow_of(f).proto == 6 ? CDK_PTYPE_L4_TCP : CDK_PTYPE_L4_UDP;

		assert_true(f >= f0 && f < f0 + nflows);
		assert_true(rx[i]->ol_flags & CDK_MBUF_F_RX_RSS_HASH);
		assert_int_equal(rx[i]->hash.rss, h);
		assert_int_equal(qof[i], reta[h & 127]);
		assert_int_equal(rx[i]->packet_type & CDK_PTYPE_L3_MASK,
				 CDK_PTYPE_L3_IPV4);
		assert_int_equal(rx[i]->packet_type & CDK_PTYPE_L4_MASK, l4);
		assert_int_equal(rx[i]->pkt_len, 100 + (f - f0) % 200);
		per_q[qof[i]]++;
	}
	cdk_pktmbuf_free_bulk(rx, got);
	free(tx);
	free(rx);
	free(qof);
}

static void test_rss_spread(void **state)
{
	enum { NFLOWS = 512 };
	uint8_t key[40];
	uint16_t reta[128];
	unsigned per_q[NQ];
	struct cdk_eth_stats st;

	key_get(p1, key);
	reta_get(p1, reta);
	for (unsigned i = 0; i < 128; i++)
		assert_int_equal(reta[i], i % NQ); /* the default spread */
	cdk_eth_stats_reset(p1);
	check_rss(NFLOWS, 0, key, reta, per_q);
	/* per-queue statistics agree with what each queue handed over */
	assert_int_equal(cdk_eth_stats_get(p1, &st), 0);
	assert_int_equal(st.ipackets, NFLOWS);
	for (unsigned q = 0; q < NQ; q++) {
		assert_true(per_q[q] > NFLOWS / NQ / 2);
		assert_int_equal(st.q_ipackets[q], per_q[q]);
	}
}

/* Moving one RETA entry moves exactly the flows that hash to it. */
static void test_reta_update_moves_flow(void **state)
{
	uint8_t key[40];
	uint16_t reta[128], again[128];
	unsigned per_q[NQ];
	uint32_t h = 0;
	struct cdk_eth_rss_reta_entry64 r[2] = { { 0, { 0 } }, { 0, { 0 } } };

	key_get(p1, key);
	reta_get(p1, reta);
	h = flow_hash(key, 7) & 127;
	r[h / 64].mask = 1ull << (h % 64);
	r[h / 64].reta[h % 64] = (uint16_t)((reta[h] + 1) % NQ);
	assert_int_equal(cdk_eth_dev_rss_reta_update(p1, r, 128), 0);
	reta_get(p1, again);
	for (unsigned i = 0; i < 128; i++)
		assert_int_equal(again[i], i == h ? (reta[h] + 1) % NQ : reta[i]);
	/* the device holds the new entry (82576 DS 8.10.14) */
	assert_int_equal((cdk_sim_reg_peek(simpair_model_of(p1), 0x5c00 + 4 * (h / 4)) >>
			  (8 * (h % 4))) & 0xff, (reta[h] + 1) % NQ);
	check_rss(64, 0, key, again, per_q);
	/* a queue outside the configured ones is refused */
	r[h / 64].reta[h % 64] = NQ;
	assert_int_equal(cdk_eth_dev_rss_reta_update(p1, r, 128), -EINVAL);
	r[h / 64].reta[h % 64] = reta[h];
	assert_int_equal(cdk_eth_dev_rss_reta_update(p1, r, 128), 0);
}

/* A new key changes the hashes; the device reports the new ones. */
static void test_rss_key_update(void **state)
{
	uint8_t old[40], key[40], got[40];
	uint16_t reta[128];
	unsigned per_q[NQ], differ = 0;
	struct cdk_eth_rss_conf c;

	key_get(p1, old);
	reta_get(p1, reta);
	for (unsigned i = 0; i < 40; i++)
		key[i] = (uint8_t)(rnd() | 1);
	c = (struct cdk_eth_rss_conf){ key, 40, RSS_HF };
	assert_int_equal(cdk_eth_dev_rss_hash_update(p1, &c), 0);
	key_get(p1, got);
	assert_memory_equal(got, key, 40);
	for (uint32_t f = 0; f < 64; f++)
		differ += flow_hash(old, f) != flow_hash(key, f);
	assert_true(differ > 60);
	check_rss(128, 1000, key, reta, per_q);
	/* a short key is refused and changes nothing */
	c = (struct cdk_eth_rss_conf){ key, 16, RSS_HF };
	assert_int_equal(cdk_eth_dev_rss_hash_update(p1, &c), -EINVAL);
	c = (struct cdk_eth_rss_conf){ old, 40, RSS_HF };
	assert_int_equal(cdk_eth_dev_rss_hash_update(p1, &c), 0);
}

/* With UDP hashing off, UDP flows are hashed on the addresses only. */
static void test_rss_hash_fields(void **state)
{
	struct cdk_eth_rss_conf c = { NULL, 0, CDK_ETH_RSS_IPV4 | CDK_ETH_RSS_NONFRAG_IPV4_TCP };
	struct cdk_mbuf *m = make_flow_frame(p0, p1, 1, 200), *rx[1]; /* UDP */
	uint8_t key[40], in[8];
	struct flow fl = flow_of(1);

	assert_int_equal(cdk_eth_dev_rss_hash_update(p1, &c), 0);
	{
		struct cdk_eth_rss_conf g = { key, 40, 0 };

		assert_int_equal(cdk_eth_dev_rss_hash_conf_get(p1, &g), 0);
		assert_int_equal(g.rss_hf, c.rss_hf);
	}
	assert_true(cdk_sim_reg_peek(simpair_model_of(p1), 0x5818) & (1u << 17));
	assert_false(cdk_sim_reg_peek(simpair_model_of(p1), 0x5818) & (1u << 22));
	memcpy(in, fl.src, 4);
	memcpy(in + 4, fl.dst, 4);
	assert_int_equal(cdk_eth_tx_burst(p0, 0, &m, 1), 1);
	assert_int_equal(drain(p1, rx, 1, 2000), 1);
	assert_int_equal(rx[0]->hash.rss, cdk_sim_toeplitz(key, in, 8));
	cdk_pktmbuf_free(rx[0]);
	c.rss_hf = RSS_HF;
	assert_int_equal(cdk_eth_dev_rss_hash_update(p1, &c), 0);
}

/* Receives one TCP and one UDP frame of flow family f on p1; returns
 * their packet types and RSS flags through pt[2] and rss[2]. */
static void recv_two(uint32_t f, uint32_t pt[2], int rss[2])
{
	struct cdk_mbuf *tx[2] = { make_flow_frame(p0, p1, f, 120),
				   make_flow_frame(p0, p1, f + 1, 120) };
	struct cdk_mbuf *rx[2];

	assert_int_equal(cdk_eth_tx_burst(p0, 0, tx, 2), 2);
	assert_int_equal(drain(p1, rx, 2, 2000), 2);
	for (int i = 0; i < 2; i++) {
		unsigned k = flow_id(rx[i]) - f; /* 0: TCP, 1: UDP */

		assert_true(k < 2);
		assert_int_equal(rx[i]->pkt_len, 120);
		pt[k] = rx[i]->packet_type;
		rss[k] = !!(rx[i]->ol_flags & CDK_MBUF_F_RX_RSS_HASH);
	}
	cdk_pktmbuf_free_bulk(rx, 2);
}

/* Packet types as DPDK reports and restricts them: the supported list,
 * whole layers turned off, classification off with and without RSS. */
static void test_ptypes(void **state)
{
	uint32_t list[8], pt[2];
	int rss[2];
	struct cdk_eth_rss_conf off = { NULL, 0, 0 }, on = { NULL, 0, RSS_HF };

	/* the supported types, all and by layer; a short array is counted */
	assert_int_equal(cdk_eth_dev_get_supported_ptypes(p1, CDK_PTYPE_ALL_MASK, list, 8), 6);
	assert_int_equal(list[0], CDK_PTYPE_L2_ETHER);
	assert_int_equal(cdk_eth_dev_get_supported_ptypes(p1, CDK_PTYPE_L4_MASK, list, 1), 2);
	assert_int_equal(list[0], CDK_PTYPE_L4_TCP);
	assert_int_equal(cdk_eth_dev_get_supported_ptypes(p1, CDK_PTYPE_ALL_MASK, NULL, 1), -EINVAL);
	assert_int_equal(cdk_eth_dev_get_supported_ptypes(99, CDK_PTYPE_ALL_MASK, list, 8), -ENODEV);
	/* by default every layer is reported */
	recv_two(3000, pt, rss);
	assert_int_equal(pt[0], CDK_PTYPE_L2_ETHER | CDK_PTYPE_L3_IPV4 | CDK_PTYPE_L4_TCP);
	assert_int_equal(pt[1], CDK_PTYPE_L2_ETHER | CDK_PTYPE_L3_IPV4 | CDK_PTYPE_L4_UDP);
	assert_true(rss[0] && rss[1]);
	/* half a layer is refused and changes nothing */
	list[0] = 0xdead;
	assert_int_equal(cdk_eth_dev_set_ptypes(p1, CDK_PTYPE_L3_IPV4, list, 8), -EINVAL);
	assert_int_equal(list[0], CDK_PTYPE_UNKNOWN);
	assert_int_equal(cdk_eth_dev_set_ptypes(p1, CDK_PTYPE_L2_MASK, NULL, 1), -EINVAL);
	recv_two(3002, pt, rss);
	assert_int_equal(pt[1], CDK_PTYPE_L2_ETHER | CDK_PTYPE_L3_IPV4 | CDK_PTYPE_L4_UDP);
	/* L2 and L3 only: the types kept are listed, L4 is no longer told */
	assert_int_equal(cdk_eth_dev_set_ptypes(p1, CDK_PTYPE_L2_MASK | CDK_PTYPE_L3_MASK,
						list, 8), 0);
	assert_int_equal(list[0], CDK_PTYPE_L2_ETHER);
	assert_int_equal(list[4], CDK_PTYPE_UNKNOWN);
	recv_two(3004, pt, rss);
	assert_int_equal(pt[0], CDK_PTYPE_L2_ETHER | CDK_PTYPE_L3_IPV4);
	assert_int_equal(pt[1], CDK_PTYPE_L2_ETHER | CDK_PTYPE_L3_IPV4);
	/* off, as l2fwd sets it: no type, the RSS hash still reported */
	assert_int_equal(cdk_eth_dev_set_ptypes(p1, CDK_PTYPE_UNKNOWN, list, 8), 0);
	assert_int_equal(list[0], CDK_PTYPE_UNKNOWN);
	recv_two(3006, pt, rss);
	assert_int_equal(pt[0], 0);
	assert_int_equal(pt[1], 0);
	assert_true(rss[0] && rss[1]);
	/* and with RSS off too: nothing from the write-back's lower half */
	assert_int_equal(cdk_eth_dev_rss_hash_update(p1, &off), 0);
	recv_two(3008, pt, rss);
	assert_int_equal(pt[0] | pt[1], 0);
	assert_false(rss[0] || rss[1]);
	/* back on: every layer again */
	assert_int_equal(cdk_eth_dev_set_ptypes(p1, CDK_PTYPE_ALL_MASK, NULL, 0), 0);
	recv_two(3010, pt, rss);
	assert_int_equal(pt[0], CDK_PTYPE_L2_ETHER | CDK_PTYPE_L3_IPV4 | CDK_PTYPE_L4_TCP);
	assert_false(rss[0] || rss[1]);
	assert_int_equal(cdk_eth_dev_rss_hash_update(p1, &on), 0);
}

/* Nobody polls: the queue's ring fills, then the NIC drops (DROP_EN with
 * several queues: RQDPC, reported as imissed). Nothing is lost unseen. */
/* The receiver's pool runs dry: frames wait, counted, then arrive. */
static void test_rx_pool_empty(void **state)
{
	simpair_check_rx_pool_empty(&sp, p0, p1);
}

static void test_rx_full_missed(void **state)
{
	uint64_t imissed = simpair_check_rx_full_missed(&sp, p0, p1, 500);

	assert_int_equal(simpair_xstat(p1, "rx_q0_hw_drops") +
			 simpair_xstat(p1, "rx_missed_packets"), imissed);
}

static void test_stats_and_xstats(void **state)
{
	simpair_check_stats_and_xstats(&sp, p0, p1);
}

/* Per-queue tx: each tx queue sends, the counters say which. */
static void test_tx_queues(void **state)
{
	struct cdk_mbuf *tx[NQ * 8], *rx[NQ * 8];
	struct cdk_eth_stats st;

	cdk_eth_stats_reset(p0);
	for (unsigned q = 0; q < NQ; q++) {
		for (unsigned i = 0; i < 8; i++)
			tx[q * 8 + i] = simpair_make_frame(mp, p0, p1, 80 + q, q * 8 + i);
		assert_int_equal(cdk_eth_tx_burst(p0, (uint16_t)q, tx + q * 8, 8), 8);
	}
	assert_int_equal(drain(p1, rx, NQ * 8, 2000), NQ * 8);
	cdk_pktmbuf_free_bulk(rx, NQ * 8);
	assert_int_equal(cdk_eth_stats_get(p0, &st), 0);
	for (unsigned q = 0; q < NQ; q++)
		assert_int_equal(st.q_opackets[q], 8);
	assert_int_equal(st.q_obytes[2], 8 * 82);
}

static void restart_with(uint16_t port, uint64_t rx_offloads)
{
	assert_int_equal(cdk_eth_dev_stop(port), 0);
	assert_int_equal(port_configure(port, rx_offloads), 0);
	assert_int_equal(cdk_eth_dev_start(port), 0);
}

/* 82576 DS 8.2.1 CTRL.VME: the tag leaves the frame for the write-back. */
static void test_vlan_strip(void **state)
{
	struct cdk_mbuf *m, *rx[1];
	uint8_t orig[200];

	for (int strip = 1; strip >= 0; strip--) {
		restart_with(p1, strip ? CDK_ETH_RX_OFFLOAD_VLAN_STRIP : 0);
		m = simpair_make_frame(mp, p0, p1, 200, 9);
		uint8_t *p = cdk_pktmbuf_mtod(m, uint8_t *);
		memmove(p + 16, p + 12, 200 - 16);
		p[12] = 0x81, p[13] = 0x00, p[14] = 0x01, p[15] = 0x23;
		memcpy(orig, p, 200);
		assert_int_equal(cdk_eth_tx_burst(p0, 0, &m, 1), 1);
		assert_int_equal(drain(p1, rx, 1, 2000), 1);
		if (strip) {
			assert_int_equal(rx[0]->pkt_len, 196);
			assert_true(rx[0]->ol_flags & CDK_MBUF_F_RX_VLAN);
			assert_true(rx[0]->ol_flags & CDK_MBUF_F_RX_VLAN_STRIPPED);
			assert_int_equal(rx[0]->vlan_tci, 0x0123);
			assert_memory_equal(cdk_pktmbuf_mtod(rx[0], uint8_t *), orig, 12);
			assert_memory_equal(cdk_pktmbuf_mtod(rx[0], uint8_t *) + 12,
					    orig + 16, 184);
		} else {
			assert_int_equal(rx[0]->pkt_len, 200);
			assert_false(rx[0]->ol_flags & CDK_MBUF_F_RX_VLAN);
			assert_memory_equal(cdk_pktmbuf_mtod(rx[0], uint8_t *), orig, 200);
		}
		cdk_pktmbuf_free(rx[0]);
	}
	assert_int_equal(cdk_mempool_in_use_count(mp), held());
}

/* Checksum offload: one context descriptor (82576 DS 7.2.2.2) with the
 * header lengths and TUCMD, then data descriptors asking for IXSM/TXSM;
 * a second packet of the same shape reuses the context. */
static void test_tx_cksum_offload(void **state)
{
	struct cdk_eth_dev *dev = cdk_eth_dev_get(p0);
	struct igb_tx_queue *q = dev->tx_queues[1];
	struct cdk_mbuf *m[3], *rx[3];
	uint16_t t0 = q->tx_tail;
	uint32_t d[5][4];

	for (int i = 0; i < 3; i++) {
		m[i] = make_flow_frame(p0, p1, (uint32_t)(i == 2 ? 2 : 1), 300); /* UDP, UDP, TCP */
		uint8_t *ip = cdk_pktmbuf_mtod(m[i], uint8_t *) + 14;
		ip[10] = ip[11] = 0;
		m[i]->l2_len = 14;
		m[i]->l3_len = 20;
		m[i]->ol_flags = CDK_MBUF_F_TX_IPV4 | CDK_MBUF_F_TX_IP_CKSUM |
				 (i == 2 ? CDK_MBUF_F_TX_TCP_CKSUM : CDK_MBUF_F_TX_UDP_CKSUM);
	}
	assert_int_equal(cdk_eth_tx_burst(p0, 1, m, 3), 3);
	for (int i = 0; i < 5; i++) {
		uint32_t *p = cdk_cap_ptr(&q->ring, (uint64_t)((t0 + i) % TXD) * 16, 16,
					  CDK_CAP_PERM_LOAD);
		assert_non_null(p);
		memcpy(d[i], p, 16);
	}
	/* context (UDP), data, data (same context), context (TCP), data */
	assert_int_equal((d[0][2] >> 20) & 0xf, 2);
	assert_int_equal(d[0][0], 20u | 14u << 9);
	assert_int_equal(d[0][2] & (1u << 10), 1u << 10); /* TUCMD.IPV4 */
	assert_int_equal(d[0][2] & (3u << 11), 0);        /* L4T UDP */
	assert_int_equal((d[1][2] >> 20) & 0xf, 3);
	assert_int_equal(d[1][3] & (3u << 8), 3u << 8);   /* IXSM TXSM */
	assert_int_equal(d[1][3] >> 14, 300);             /* PAYLEN */
	assert_int_equal((d[2][2] >> 20) & 0xf, 3);
	assert_int_equal((d[3][2] >> 20) & 0xf, 2);
	assert_int_equal(d[3][2] & (3u << 11), 1u << 11); /* L4T TCP */
	assert_int_equal((d[4][2] >> 20) & 0xf, 3);
	assert_int_equal(drain(p1, rx, 3, 2000), 3);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(rx[i]->pkt_len, 300);
		assert_int_equal(flow_id(rx[i]), i == 2 ? 2 : 1);
	}
	cdk_pktmbuf_free_bulk(rx, 3);
	/* header lengths no context holds: refused, nothing posted */
	m[0] = make_flow_frame(p0, p1, 3, 100);
	m[0]->ol_flags = CDK_MBUF_F_TX_IP_CKSUM;
	m[0]->l2_len = 14;
	m[0]->l3_len = 0;
	m[0]->l2_len = 0;
	assert_int_equal(cdk_eth_tx_burst(p0, 1, m, 1), 0);
	assert_int_equal(simpair_xstat(p0, "tx_bad_offload_refused"), 1);
	cdk_pktmbuf_free(m[0]);
}

static void test_stop_start(void **state)
{
	uint32_t sizes[100];

	for (unsigned i = 0; i < CDK_DIM(sizes); i++)
		sizes[i] = 60 + rnd() % (MAX_FRAME - 59);
	for (int round = 0; round < 3; round++) {
		assert_int_equal(cdk_eth_dev_stop(p1), 0);
		assert_int_equal(cdk_eth_dev_stop(p0), 0);
		/* every mbuf the rings held is back in the pool */
		assert_int_equal(cdk_mempool_in_use_count(mp), 0);
		assert_int_equal(cdk_eth_dev_start(p0), 0);
		assert_int_equal(cdk_eth_dev_start(p1), 0);
		assert_int_equal(cdk_mempool_in_use_count(mp), held());
		simpair_exchange(&sp, p0, p1, sizes, CDK_DIM(sizes), 100 * round);
		simpair_exchange(&sp, p1, p0, sizes, CDK_DIM(sizes), 100 * round);
	}
}

/* A unicast frame for someone else gets through only when promiscuous. */
static void test_promiscuous(void **state)
{
	simpair_check_promiscuous(&sp, p0, p1);
}

/* --cap-report's view of a port: per queue exactly the manifest's slices,
 * each 4 bytes at 0x40 * q. */
static void test_cap_report(void **state)
{
	char *buf = NULL, line[64];
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_true(cdk_eth_dev_cap_report(p0, f) > 0);
	fclose(f);
	for (unsigned q = 0; q < NQ; q++) {
		snprintf(line, sizeof(line), "[0x%x, +4) W    RDT", 0xc018 + 0x40 * q);
		assert_non_null(strstr(buf, line));
		snprintf(line, sizeof(line), "[0x%x, +4) R    RDH", 0xc010 + 0x40 * q);
		assert_non_null(strstr(buf, line));
		snprintf(line, sizeof(line), "[0x%x, +4) W    TDT", 0xe018 + 0x40 * q);
		assert_non_null(strstr(buf, line));
		snprintf(line, sizeof(line), "[0x%x, +4) R    TDH", 0xe010 + 0x40 * q);
		assert_non_null(strstr(buf, line));
	}
	assert_int_equal(test_count(buf, "mmio"), 4 * NQ);
	assert_int_equal(test_count(buf, "descriptor ring"), 2 * NQ);
	free(buf);
}

/* No queue reaches another queue's registers, nor its own ring base,
 * length, SRRCTL or RXDCTL: each doorbell is 4 bytes, write only. */
static void test_no_other_queue(void **state)
{
	struct cdk_eth_dev *dev = cdk_eth_dev_get(p0);
	struct igb_rx_queue *r0 = dev->rx_queues[0], *r1 = dev->rx_queues[1];
	struct igb_tx_queue *t0 = dev->tx_queues[0], *t1 = dev->tx_queues[1];
	struct cdk_cap_stats a, b;
	uint32_t v;

	cdk_cap_stats_get(&a);
	/* queue 1's RDT is at +0x40 from queue 0's */
	assert_int_equal(r1->doorbell.base - r0->doorbell.base, 0x40);
	assert_int_equal(cdk_cap_write32(&r0->doorbell, 0x40, 0), -EFAULT);
	assert_int_equal(cdk_cap_write32(&t0->doorbell, 0x40, 0), -EFAULT);
	assert_int_equal(cdk_cap_write32(&r1->doorbell, (uint64_t)-0x40, 0), -EFAULT);
	assert_int_equal(cdk_cap_write32(&r0->doorbell, (uint64_t)-0x18, 0), -EFAULT); /* RDBAL */
	assert_int_equal(cdk_cap_write32(&r0->doorbell, 0x10, 0), -EFAULT);  /* RXDCTL */
	assert_int_equal(cdk_cap_write32(&r0->doorbell, (uint64_t)-0xc, 0), -EFAULT); /* SRRCTL */
	assert_int_equal(cdk_cap_write32(&r0->doorbell, 4, 0), -EFAULT);
	assert_int_equal(cdk_cap_read32(&r0->doorbell, 0, &v), -EACCES);
	assert_int_equal(cdk_cap_write32(&r0->head, 0, 0), -EACCES);
	assert_int_equal(cdk_cap_read32(&r0->head, 8, &v), -EFAULT); /* RDT */
	assert_null(cdk_cap_ptr(&r0->ring, (uint64_t)RXD * 16, 16, CDK_CAP_PERM_LOAD));
	cdk_cap_stats_get(&b);
	assert_int_equal(b.faults - a.faults, 11);
	for (unsigned q = 0; q < NQ; q++) {
		struct igb_rx_queue *rq = dev->rx_queues[q];
		struct igb_tx_queue *tq = dev->tx_queues[q];

		assert_int_equal(rq->doorbell.len, 4);
		assert_int_equal(tq->doorbell.len, 4);
		for (unsigned o = 0; o < NQ; o++)
			if (o != q) {
				struct igb_rx_queue *ro = dev->rx_queues[o];
				struct igb_tx_queue *to = dev->tx_queues[o];

				assert_false(cdk_cap_covers(&rq->doorbell,
							    (void *)ro->doorbell.base, 4,
							    CDK_CAP_PERM_STORE));
				assert_false(cdk_cap_covers(&tq->doorbell,
							    (void *)to->doorbell.base, 4,
							    CDK_CAP_PERM_STORE));
				assert_false(cdk_cap_covers(&rq->ring, (void *)ro->ring.base,
							    16, CDK_CAP_PERM_LOAD));
			}
	}
	(void)t1;
	/* nothing was disturbed: traffic still flows */
	uint32_t sizes[4] = { 60, 600, 1200, 1514 };
	simpair_exchange(&sp, p0, p1, sizes, 4, 0);
}

/* A copy of the doorbell kept across stop is stale. */
static void test_stale_doorbell(void **state)
{
	struct cdk_eth_dev *dev = cdk_eth_dev_get(p1);
	struct igb_rx_queue *rq = dev->rx_queues[2];

	simpair_check_stale_doorbell(&sp, p0, p1, rq->doorbell, rq->ring, rq->rdt);
}

/* An mbuf outside every pool the tx queue was granted is refused before
 * its address reaches the device. */
static void test_tx_ungranted_refused(void **state)
{
	struct cdk_mempool *late = cdk_pktmbuf_pool_create("igb_late", 63, 0, 0,
							   CDK_MBUF_DEFAULT_BUF_SIZE, 0);
	struct cdk_sim_stats a, b;
	struct cdk_mbuf *m, *fake, *src, *rx[2];
	uint8_t *fake_buf;
	uint32_t sizes[2] = { 60, 1514 };

	assert_non_null(late);
	cdk_eth_stats_reset(p0);
	cdk_sim_stats_get(simpair_model_of(p0), &a);
	m = cdk_pktmbuf_alloc(late);
	src = simpair_make_frame(mp, p0, p1, 60, 1);
	memcpy(cdk_pktmbuf_append(m, 60), cdk_pktmbuf_mtod(src, void *), 60);
	cdk_pktmbuf_free(src);
	assert_int_equal(cdk_eth_tx_burst(p0, 0, &m, 1), 0);
	assert_int_equal(simpair_xstat(p0, "tx_refused_not_granted"), 1);
	fake = aligned_alloc(64, sizeof(*fake));
	fake_buf = malloc(2048);
	memset(fake, 0, sizeof(*fake));
	memset(fake_buf, 0xab, 2048);
	fake->buf_addr = fake_buf;
	fake->buf_iova = (uint64_t)(uintptr_t)fake_buf;
	fake->data_len = 100;
	fake->pkt_len = 100;
	fake->nb_segs = 1;
	fake->refcnt = 1;
	assert_int_equal(cdk_eth_tx_burst(p0, 3, &fake, 1), 0);
	assert_int_equal(simpair_xstat(p0, "tx_refused_not_granted"), 2);
	cdk_sim_quiesce(simpair_model_of(p0), 1000);
	cdk_sim_stats_get(simpair_model_of(p0), &b);
	assert_int_equal(b.tx_frames, a.tx_frames);
	assert_int_equal(b.dma_faults, 0);
	assert_int_equal(drain(p1, rx, 2, 100), 0);
	simpair_exchange(&sp, p0, p1, sizes, 2, 0);
	/* a restart grants the pools that exist now: the late one too */
	assert_int_equal(cdk_eth_dev_stop(p0), 0);
	assert_int_equal(cdk_eth_dev_start(p0), 0);
	assert_int_equal(cdk_eth_tx_burst(p0, 0, &m, 1), 1);
	assert_int_equal(drain(p1, rx, 1, 1000), 1);
	cdk_pktmbuf_free(rx[0]);
	free(fake_buf);
	free(fake);
}

/* Hostile device: a write-back longer than the buffer is dropped. */
static void test_hostile_bad_len(void **state)
{
	uint32_t sizes[8] = { 60, 100, 200, 400, 800, 1000, 1400, 1514 };

	simpair_check_hostile_drops_all(&sp, p0, p1, CDK_SIM_HOSTILE_BAD_LEN, 200, 0,
					flow_frame);
	assert_int_equal(simpair_xstat(p1, "rx_bad_length_drops"), 200);
	simpair_exchange(&sp, p0, p1, sizes, 8, 0);
	assert_int_equal(cdk_mempool_in_use_count(mp), held());
}

/* Random status and error bits (EOP may never come): dropped, counted. */
static void test_hostile_flip_status(void **state)
{
	simpair_check_hostile_drops_all(&sp, p0, p1, CDK_SIM_HOSTILE_FLIP_STATUS, 300,
					1, flow_frame);
	assert_true(simpair_xstat(p1, "rx_bad_status_drops") > 0);
	/* a lying EOP may have left a frame open: restart the port */
	restart_with(p1, 0);
	uint32_t one[1] = { 64 };
	simpair_exchange(&sp, p0, p1, one, 1, 5);
	assert_int_equal(cdk_mempool_in_use_count(mp), held());
}

/* DD on the tail descriptor, which the device never owned: not a frame. */
static void test_hostile_ghost_dd(void **state)
{
	simpair_check_hostile_ghost_dd(&sp, p0, p1);
	assert_int_equal(cdk_mempool_in_use_count(mp), held());
}

/* Everything at once over RSS'd flows: no crash, no access outside the
 * buffers (ASan), every mbuf back, and the device never DMAs outside. */
static void test_hostile_all(void **state)
{
	enum { N = 2000 };
	struct cdk_mbuf **tx = calloc(N, sizeof(*tx)), **rx = calloc(N * 2, sizeof(*rx));
	struct cdk_sim_stats s;
	unsigned got;

	cdk_sim_set_hostile(simpair_model_of(p1), CDK_SIM_HOSTILE_ALL);
	for (unsigned i = 0; i < N; i++)
		tx[i] = i & 1 ? make_flow_frame(p0, p1, i, 60 + rnd() % 1455)
			      : simpair_make_frame(mp, p0, p1, 60 + rnd() % 1455, i);
	got = simpair_send_paced(&sp, p0, p1, tx, N, rx, 2 * N);
	got += drain(p1, rx + got, 2 * N - got, 300);
	cdk_sim_set_hostile(simpair_model_of(p1), 0);
	for (unsigned i = 0; i < got; i++) {
		assert_true(rx[i]->pkt_len <= 9022);
		assert_int_equal(cdk_mbuf_check(rx[i], 1, NULL), 0);
	}
	cdk_pktmbuf_free_bulk(rx, got);
	cdk_sim_stats_get(simpair_model_of(p1), &s);
	assert_int_equal(s.dma_faults, 0);
	assert_true(s.hostile_events > 0);
	restart_with(p1, 0);
	assert_int_equal(cdk_mempool_in_use_count(mp), held());
	uint32_t sizes[3] = { 60, 700, 1514 };
	simpair_exchange(&sp, p0, p1, sizes, 3, 0);
	free(tx);
	free(rx);
}

/* At the end every mbuf is back in its pool. */
/* Sends flows f0.. to p1 paced; counts what each rx queue got. */
static unsigned send_flows(uint32_t f0, unsigned n, unsigned per_q[NQ])
{
	struct cdk_mbuf *tx[256], *rx[256];
	uint16_t qof[256];
	unsigned got = 0, sent = 0;

	assert_true(n <= 256);
	for (unsigned i = 0; i < n; i++)
		tx[i] = make_flow_frame(p0, p1, f0 + i, 128);
	memset(per_q, 0, sizeof(unsigned) * NQ);
	while (sent < n) {
		sent += cdk_eth_tx_burst(p0, 0, tx + sent,
					 (uint16_t)CDK_MIN(n - sent, (unsigned)SIMPAIR_WINDOW));
		cdk_sim_quiesce(simpair_model_of(p0), 1000);
		cdk_sim_quiesce(simpair_model_of(p1), 1000);
		got += drain_q(p1, rx + got, qof + got, n - got, 1);
	}
	for (unsigned i = 0; i < got; i++)
		per_q[qof[i]]++;
	cdk_pktmbuf_free_bulk(rx, got);
	return got;
}

/*
 * Stopping rx queue 1 of 4 while traffic flows: the other queues keep
 * receiving, what RSS sends to queue 1 is dropped by the device and counted
 * in its RQDPC, queue 1's capabilities (only) are revoked and it is no
 * longer published; starting it again resumes it and nothing leaks.
 */
static void test_rx_queue_stop_start(void **state)
{
	enum { N = 256 };
	struct cdk_eth_dev *dev = cdk_eth_dev_get(p1);
	struct igb_rx_queue *q0 = dev->rx_queues[0], *q1 = dev->rx_queues[1];
	cdk_cap_t kept = q1->doorbell;
	uint8_t key[40];
	uint16_t reta[128];
	unsigned per_q[NQ], want1 = 0, got;
	uint64_t drops;

	key_get(p1, key);
	reta_get(p1, reta);
	for (unsigned i = 0; i < N; i++)
		want1 += reta[flow_hash(key, 5000 + i) & 127] == 1;
	assert_true(want1 > 0);
	drops = simpair_xstat(p1, "rx_q1_hw_drops");

	assert_int_equal(cdk_eth_dev_rx_queue_stop(p1, 1), 0);
	assert_int_equal(cdk_eth_dev_rx_queue_stop(p1, 1), 0); /* no-op */
	assert_null(cdk_eth_fp_ops[p1].rxq[1]);
	assert_non_null(cdk_eth_fp_ops[p1].rxq[0]);
	assert_int_equal(cdk_cap_write32(&kept, 0, 0), -ESTALE);
	assert_true(cdk_cap_usable(&q0->ring, CDK_CAP_PERM_LOAD));
	assert_false(cdk_cap_usable(&q1->ring, CDK_CAP_PERM_LOAD));
	assert_int_equal(cdk_mempool_in_use_count(mp), held() - RXD);

	got = send_flows(5000, N, per_q);
	assert_int_equal(got, N - want1);
	assert_int_equal(per_q[1], 0);
	assert_int_equal(simpair_xstat(p1, "rx_q1_hw_drops") - drops, want1);

	assert_int_equal(cdk_eth_dev_rx_queue_start(p1, 1), 0);
	assert_int_equal(cdk_eth_dev_rx_queue_start(p1, 1), 0); /* no-op */
	assert_non_null(cdk_eth_fp_ops[p1].rxq[1]);
	assert_true(cdk_cap_usable(&q1->ring, CDK_CAP_PERM_LOAD));
	got = send_flows(5000, N, per_q);
	assert_int_equal(got, N);
	assert_int_equal(per_q[1], want1);
	assert_int_equal(simpair_xstat(p1, "rx_q1_hw_drops") - drops, want1);
	assert_int_equal(cdk_mempool_in_use_count(mp), held());
}

/* A tx queue stopped sends nothing; started again, it does. */
static void test_tx_queue_stop_start(void **state)
{
	struct cdk_mbuf *m = simpair_make_frame(mp, p0, p1, 100, 1), *got[4];

	assert_int_equal(cdk_eth_dev_tx_queue_stop(p0, 0), 0);
	assert_int_equal(cdk_eth_tx_burst(p0, 0, &m, 1), 0);
	assert_int_equal(cdk_eth_dev_tx_queue_start(p0, 0), 0);
	assert_int_equal(cdk_eth_tx_burst(p0, 0, &m, 1), 1);
	assert_int_equal(drain(p1, got, 1, 100), 1);
	assert_true(simpair_frame_ok(got[0], 100, 1));
	cdk_pktmbuf_free(got[0]);
	assert_int_equal(cdk_eth_dev_rx_queue_start(p1, NQ), -EINVAL);
	assert_int_equal(cdk_eth_dev_tx_queue_stop(p1, NQ), -EINVAL);
	assert_int_equal(cdk_mempool_in_use_count(mp), held());
}

static void test_all_mbufs_returned(void **state)
{
	assert_int_equal(cdk_eth_dev_stop(p0), 0);
	assert_int_equal(cdk_eth_dev_stop(p1), 0);
	assert_int_equal(cdk_mempool_in_use_count(mp), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_link_and_info),
		cmocka_unit_test(test_sizes_both_ways),
		cmocka_unit_test(test_wrap_around),
		cmocka_unit_test(test_one_doorbell_per_burst),
		cmocka_unit_test(test_jumbo_chains),
		cmocka_unit_test(test_rss_spread),
		cmocka_unit_test(test_reta_update_moves_flow),
		cmocka_unit_test(test_rss_key_update),
		cmocka_unit_test(test_rss_hash_fields),
		cmocka_unit_test(test_ptypes),
		cmocka_unit_test(test_rx_full_missed),
		cmocka_unit_test(test_rx_pool_empty),
		cmocka_unit_test(test_stats_and_xstats),
		cmocka_unit_test(test_tx_queues),
		cmocka_unit_test(test_vlan_strip),
		cmocka_unit_test(test_tx_cksum_offload),
		cmocka_unit_test(test_stop_start),
		cmocka_unit_test(test_promiscuous),
		cmocka_unit_test(test_cap_report),
		cmocka_unit_test(test_no_other_queue),
		cmocka_unit_test(test_stale_doorbell),
		cmocka_unit_test(test_tx_ungranted_refused),
		cmocka_unit_test(test_hostile_bad_len),
		cmocka_unit_test(test_hostile_flip_status),
		cmocka_unit_test(test_hostile_ghost_dd),
		cmocka_unit_test(test_hostile_all),
		cmocka_unit_test(test_rx_queue_stop_start),
		cmocka_unit_test(test_tx_queue_stop_start),
		cmocka_unit_test(test_all_mbufs_returned),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
