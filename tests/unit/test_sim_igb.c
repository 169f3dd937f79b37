/*
 * The 82576 model: queue registers and their legacy aliases, advanced
 * descriptors, multiple queues, RSS against Microsoft's published Toeplitz
 * verification vectors, per-queue statistics.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include <cmocka.h>

#include "test_sim_common.h"

static const uint8_t mac_a[6] = {0x02, 0x00, 0x00, 0x00, 0x01, 0x0a};
static const uint8_t mac_b[6] = {0x02, 0x00, 0x00, 0x00, 0x01, 0x0b};

/* Microsoft, "Verifying the RSS hash calculation": the key and the IPv4
 * vectors (destination, source, IPv4-only hash, IPv4/TCP hash). */
static const uint8_t ms_key[40] = {
	0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2, 0x41, 0x67,
	0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0, 0xd0, 0xca, 0x2b, 0xcb,
	0xae, 0x7b, 0x30, 0xb4, 0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30,
	0xf2, 0x0c, 0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa};

static const struct {
	uint8_t dst[4];
	uint16_t dport;
	uint8_t src[4];
	uint16_t sport;
	uint32_t h_ip, h_tcp;
} ms_vec[5] = {
	{{161, 142, 100, 80}, 1766, {66, 9, 149, 187}, 2794, 0x323e8fc2,
	 0x51ccc178},
	{{65, 69, 140, 83}, 4739, {199, 92, 111, 2}, 14230, 0xd718262a,
	 0xc626b0ea},
	{{12, 22, 207, 184}, 38024, {24, 19, 198, 95}, 12898, 0xd2d0a5de,
	 0x5c2b394a},
	{{209, 142, 163, 6}, 2217, {38, 27, 205, 30}, 48228, 0x82989176,
	 0xafc7327f},
	{{202, 188, 127, 2}, 1303, {153, 39, 163, 191}, 44251, 0x5d1809c5,
	 0x10e828a2},
};

static void test_toeplitz_vectors(void **state)
{
	for (int i = 0; i < 5; i++) {
		uint8_t in[12];

		memcpy(in, ms_vec[i].src, 4);
		memcpy(in + 4, ms_vec[i].dst, 4);
		in[8] = (uint8_t)(ms_vec[i].sport >> 8);
		in[9] = (uint8_t)ms_vec[i].sport;
		in[10] = (uint8_t)(ms_vec[i].dport >> 8);
		in[11] = (uint8_t)ms_vec[i].dport;
		assert_int_equal(cdk_sim_toeplitz(ms_key, in, 8), ms_vec[i].h_ip);
		assert_int_equal(cdk_sim_toeplitz(ms_key, in, 12),
				 ms_vec[i].h_tcp);
	}
}

static void test_identity_reset(void **state)
{
	struct cdk_sim_pci_id id;
	struct t_nic t;

	assert_int_equal(t_open(&t, CDK_SIM_82576, mac_a, NULL), 0);
	cdk_sim_pci_id(t.dev, &id);
	assert_int_equal(id.device_id, 0x10c9);
	assert_int_equal(cdk_sim_nb_queues(t.dev), 16);
	assert_true(t_rd(&t, IGB_RXDCTL(0)) & IGB_XDCTL_ENABLE);
	assert_false(t_rd(&t, IGB_RXDCTL(1)) & IGB_XDCTL_ENABLE);
	assert_true(t_rd(&t, IGB_TXDCTL(0)) & IGB_XDCTL_ENABLE);
	assert_int_equal(t_rd(&t, IGB_SRRCTL(7)), IGB_SRRCTL_RESET);
	assert_int_equal(t_rd(&t, E1000_RAH(0)), E1000_RAH_AV | 0x0a01);
	assert_int_equal(t_rd(&t, IGB_MRQC), 0);
	/* EERD has the 8257x layout. */
	t_wr(&t, E1000_EERD, 2u << 2 | E1000_EERD_START);
	assert_int_equal(t_rd(&t, E1000_EERD) >> 16, 0x0a01);
	t_close(&t);
}

static void test_legacy_aliases(void **state)
{
	struct t_nic t;

	assert_int_equal(t_open(&t, CDK_SIM_82576, mac_a, NULL), 0);
	/* 82576 DS 8.10: queues 0-3 at 0x2800 + 0x100 n are aliases. */
	t_wr(&t, 0x2800, 0x12345680);
	assert_int_equal(t_rd(&t, IGB_RDBAL(0)), 0x12345680);
	t_wr(&t, IGB_RDLEN(2), 0x1000);
	assert_int_equal(t_rd(&t, 0x2a08), 0x1000);
	t_wr(&t, 0x3918, 5); /* TDT(1) */
	assert_int_equal(t_rd(&t, IGB_TDT(1)), 5);
	t_wr(&t, IGB_TDBAL(9), 0xabcdef80);
	assert_int_equal(t_rd(&t, 0xe000 + 9 * 0x40), 0xabcdef80);
	/* Ring bases are 128-byte aligned. */
	t_wr(&t, IGB_RDBAL(5), 0x1234567f);
	assert_int_equal(t_rd(&t, IGB_RDBAL(5)), 0x12345600);
	/* Interrupt causes at 0x1500 alias those at 0xc0. */
	t_rd(&t, E1000_ICR);
	t_wr(&t, IGB_ICS, E1000_ICR_RXT0);
	assert_int_equal(t_rd(&t, IGB_ICR), E1000_ICR_RXT0);
	assert_int_equal(t_rd(&t, E1000_ICR), 0);
	t_close(&t);
}

/* An IPv4 frame to dst_mac with the vector's addresses, protocol proto
 * (TCP: with the vector's ports). */
static size_t ipv4_frame(uint8_t *f, int v, uint8_t proto)
{
	memset(f, 0, 80);
	memcpy(f, mac_b, 6);
	memcpy(f + 6, mac_a, 6);
	f[12] = 0x08;
	f[14] = 0x45;
	f[17] = 66; /* total length */
	f[22] = 64;
	f[23] = proto;
	memcpy(f + 26, ms_vec[v].src, 4);
	memcpy(f + 30, ms_vec[v].dst, 4);
	f[34] = (uint8_t)(ms_vec[v].sport >> 8);
	f[35] = (uint8_t)ms_vec[v].sport;
	f[36] = (uint8_t)(ms_vec[v].dport >> 8);
	f[37] = (uint8_t)ms_vec[v].dport;
	return 80;
}

static void rss_setup(struct t_nic *t, unsigned nq)
{
	for (unsigned q = 0; q < nq; q++)
		t_rx_setup(t, q, 16, 2048, 1);
	for (unsigned i = 0; i < 10; i++)
		t_wr(t, IGB_RSSRK(i), (uint32_t)ms_key[4 * i] |
					      (uint32_t)ms_key[4 * i + 1] << 8 |
					      (uint32_t)ms_key[4 * i + 2] << 16 |
					      (uint32_t)ms_key[4 * i + 3] << 24);
	for (unsigned i = 0; i < 32; i++) {
		uint32_t v = 0;

		for (unsigned k = 0; k < 4; k++)
			v |= ((4 * i + k) % nq) << (8 * k);
		t_wr(t, IGB_RETA(i), v);
	}
	t_wr(t, E1000_RXCSUM, IGB_RXCSUM_PCSD);
	t_wr(t, IGB_MRQC, IGB_MRQC_MRQE_RSS | IGB_MRQC_TCPIPV4 | IGB_MRQC_IPV4 |
				  IGB_MRQC_UDPIPV4);
	t_enable(t, 0, 2048);
}

/* Where a frame with this hash must land, and check its write-back. */
static void expect_rss(struct t_nic *t, unsigned nq, uint32_t hash,
		       unsigned type, unsigned len)
{
	unsigned q = (hash & 0x7f) % nq;
	struct t_queue *r = &t->rx[q];
	unsigned i = r->next;
	uint32_t w0, w1;
	uint8_t g[2048];

	assert_true(T_WAIT(t_rx_dd(r, i)));
	memcpy(&w0, r->ring + 16 * i, 4);
	memcpy(&w1, r->ring + 16 * i + 4, 4);
	assert_int_equal(w1, hash);
	assert_int_equal(w0 & 0xf, type);
	assert_true(w0 & (1u << 4)); /* packet type: IPv4 */
	assert_int_equal(t_rx(t, q, g, sizeof(g)), len);
}

static void test_rss_queue_and_hash(void **state)
{
	const unsigned nq = 8;
	struct t_nic t;
	uint8_t f[80];

	assert_int_equal(t_open(&t, CDK_SIM_82576, mac_b, NULL), 0);
	rss_setup(&t, nq);
	for (int v = 0; v < 5; v++) {
		/* IPv4/TCP: the 4-tuple hash, type 1. */
		assert_int_equal(cdk_sim_inject(t.dev, f, ipv4_frame(f, v, 6)), 0);
		expect_rss(&t, nq, ms_vec[v].h_tcp, IGB_RSS_TYPE_TCPIPV4, 80);
		/* Another protocol (GRE): the address-only hash, type 2. */
		assert_int_equal(cdk_sim_inject(t.dev, f, ipv4_frame(f, v, 47)), 0);
		expect_rss(&t, nq, ms_vec[v].h_ip, IGB_RSS_TYPE_IPV4, 80);
	}
	/* Without the TCP field enable, TCP falls back to the IPv4 hash. */
	t_wr(&t, IGB_MRQC, IGB_MRQC_MRQE_RSS | IGB_MRQC_IPV4);
	assert_int_equal(cdk_sim_inject(t.dev, f, ipv4_frame(f, 0, 6)), 0);
	expect_rss(&t, nq, ms_vec[0].h_ip, IGB_RSS_TYPE_IPV4, 80);
	t_close(&t);
}

static void test_rss_off_queue0(void **state)
{
	struct t_nic t;
	uint8_t f[80], g[2048];

	assert_int_equal(t_open(&t, CDK_SIM_82576, mac_b, NULL), 0);
	rss_setup(&t, 4);
	t_wr(&t, IGB_MRQC, 0);
	for (int v = 0; v < 5; v++) {
		assert_int_equal(cdk_sim_inject(t.dev, f, ipv4_frame(f, v, 6)), 0);
		assert_int_equal(t_rx(&t, 0, g, sizeof(g)), 80);
	}
	assert_int_equal(t_rd(&t, IGB_PQGPRC(0)), 5);
	assert_int_equal(t_rd(&t, IGB_PQGPRC(0)), 0);
	t_close(&t);
}

static void test_adv_tx_b2b(void **state)
{
	struct t_nic a, b;
	uint8_t f[700], g[2048], *d;
	unsigned i;
	uint32_t w2;

	assert_int_equal(t_open(&a, CDK_SIM_82576, mac_a, NULL), 0);
	assert_int_equal(t_open(&b, CDK_SIM_82576, mac_b, NULL), 0);
	assert_int_equal(cdk_sim_connect(a.dev, b.dev), 0);
	t_tx_setup(&a, 3, 32);
	t_rx_setup(&b, 0, 32, 2048, 1);
	t_enable(&a, 0, 2048);
	t_enable(&b, 0, 2048);
	/* A context descriptor (offload setup) is accepted and completed. */
	d = a.tx[3].ring;
	memset(d, 0, 16);
	w2 = IGB_TXD_DTYP_CTXT << 20 | IGB_TXD_DCMD_DEXT | IGB_TXD_DCMD_RS;
	memcpy(d + 8, &w2, 4);
	a.tx[3].tail = 1;
	t_frame(f, mac_b, mac_a, sizeof(f), 4);
	i = t_tx_put(&a, 3, f, sizeof(f), 1, 1, 1);
	/* Advanced rx write-back: DD|EOP in dword 2, length in dword 3. */
	assert_true(T_WAIT(t_rx_dd(&b.rx[0], 0)));
	assert_int_equal(b.rx[0].ring[8] & 3, 3);
	assert_int_equal(t_rx_len(&b.rx[0], 0), sizeof(f));
	assert_int_equal(t_rx(&b, 0, g, sizeof(g)), sizeof(f));
	assert_memory_equal(f, g, sizeof(f));
	assert_true(T_WAIT(t_tx_dd(&a, 3, i)));
	assert_true(t_tx_dd(&a, 3, 0));
	assert_int_equal(t_rd(&a, IGB_TDH(3)), 2);
	assert_int_equal(t_rd(&a, IGB_PQGPTC(3)), 1);
	/* A legacy descriptor on the same queue still works. */
	i = t_tx_put(&a, 3, f, 100, 1, 0, 1);
	assert_int_equal(t_rx(&b, 0, g, sizeof(g)), 100);
	assert_memory_equal(f, g, 100);
	t_close(&a);
	t_close(&b);
}

static void test_eight_queues(void **state)
{
	struct t_nic a, b;
	uint8_t f[128], g[2048];
	int seen[8] = {0};

	assert_int_equal(t_open(&a, CDK_SIM_82576, mac_a, NULL), 0);
	assert_int_equal(t_open(&b, CDK_SIM_82576, mac_b, NULL), 0);
	assert_int_equal(cdk_sim_connect(a.dev, b.dev), 0);
	for (unsigned q = 0; q < 8; q++)
		t_tx_setup(&a, q, 16);
	t_rx_setup(&b, 0, 32, 2048, 1);
	t_enable(&a, 0, 2048);
	t_enable(&b, 0, 2048);
	for (unsigned q = 0; q < 8; q++) {
		t_frame(f, mac_b, mac_a, sizeof(f), q);
		t_tx_put(&a, q, f, sizeof(f), 1, 1, 1);
	}
	for (unsigned n = 0; n < 8; n++) {
		assert_int_equal(t_rx(&b, 0, g, sizeof(g)), sizeof(f));
		for (unsigned q = 0; q < 8; q++) {
			t_frame(f, mac_b, mac_a, sizeof(f), q);
			if (!memcmp(f, g, sizeof(f)))
				seen[q]++;
		}
	}
	for (unsigned q = 0; q < 8; q++) {
		assert_int_equal(seen[q], 1);
		assert_true(t_tx_dd(&a, q, 0));
	}
	/* A disabled tx queue does not transmit. */
	t_wr(&a, IGB_TXDCTL(2), 0);
	t_tx_put(&a, 2, f, sizeof(f), 1, 1, 1);
	assert_int_equal(cdk_sim_quiesce(a.dev, T_TIMEOUT_MS), 0);
	assert_int_equal(t_rd(&a, IGB_TDH(2)), 1);
	t_close(&a);
	t_close(&b);
}

static void test_disabled_rx_queue_drops(void **state)
{
	struct t_nic t;
	uint8_t f[80];

	assert_int_equal(t_open(&t, CDK_SIM_82576, mac_b, NULL), 0);
	t_rx_setup(&t, 0, 16, 2048, 1);
	t_enable(&t, 0, 2048);
	t_wr(&t, IGB_RXDCTL(0), 0);
	assert_int_equal(cdk_sim_inject(t.dev, f, ipv4_frame(f, 0, 6)), 0);
	assert_true(T_WAIT(cdk_sim_reg_peek(t.dev, IGB_RQDPC(0)) == 1));
	assert_false(t_rx_dd(&t.rx[0], 0));
	assert_int_equal(t_rd(&t, IGB_RQDPC(0)), 1);
	assert_int_equal(t_rd(&t, IGB_RQDPC(0)), 0);
	t_close(&t);
}

static void test_drop_en(void **state)
{
	struct t_nic t;
	uint8_t f[80];

	assert_int_equal(t_open(&t, CDK_SIM_82576, mac_b, NULL), 0);
	t_rx_setup(&t, 0, 8, 2048, 1);
	t_wr(&t, IGB_SRRCTL(0), t_rd(&t, IGB_SRRCTL(0)) | IGB_SRRCTL_DROP_EN);
	t_enable(&t, 0, 2048);
	/* 7 descriptors; the 3 frames beyond are dropped at once. */
	for (int n = 0; n < 10; n++) {
		assert_int_equal(cdk_sim_inject(t.dev, f, ipv4_frame(f, n % 5, 6)), 0);
		assert_int_equal(cdk_sim_quiesce(t.dev, T_TIMEOUT_MS), 0);
	}
	assert_int_equal(t_rd(&t, IGB_RQDPC(0)), 3);
	assert_int_equal(t_rd(&t, E1000_MPC), 0);
	assert_int_equal(t_rd(&t, IGB_RDH(0)), 7);
	t_close(&t);
}

static void test_vlan_strip_advanced(void **state)
{
	struct t_nic t;
	uint8_t f[84];
	uint32_t w2, w3;

	assert_int_equal(t_open(&t, CDK_SIM_82576, mac_b, NULL), 0);
	t_rx_setup(&t, 0, 16, 2048, 1);
	t_enable(&t, 0, 2048);
	t_wr(&t, E1000_CTRL, t_rd(&t, E1000_CTRL) | E1000_CTRL_VME);
	ipv4_frame(f + 4, 0, 6);
	memmove(f, f + 4, 12);
	f[12] = 0x81;
	f[13] = 0x00;
	f[14] = 0x00;
	f[15] = 0x64; /* VID 100 */
	assert_int_equal(cdk_sim_inject(t.dev, f, sizeof(f)), 0);
	assert_true(T_WAIT(t_rx_dd(&t.rx[0], 0)));
	memcpy(&w2, t.rx[0].ring + 8, 4);
	memcpy(&w3, t.rx[0].ring + 12, 4);
	assert_true(w2 & E1000_RXDEXT_STAT_VP);
	assert_int_equal(w3 >> 16, 100);
	assert_int_equal(w3 & 0xffff, 80);
	t_close(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_toeplitz_vectors),
		cmocka_unit_test(test_identity_reset),
		cmocka_unit_test(test_legacy_aliases),
		cmocka_unit_test(test_rss_queue_and_hash),
		cmocka_unit_test(test_rss_off_queue0),
		cmocka_unit_test(test_adv_tx_b2b),
		cmocka_unit_test(test_eight_queues),
		cmocka_unit_test(test_disabled_rx_queue_drops),
		cmocka_unit_test(test_drop_en),
		cmocka_unit_test(test_vlan_strip_advanced),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
