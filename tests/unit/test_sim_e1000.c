/*
 * The 82540EM and 82574L models, driven through their registers as the
 * 8254x SDM and the 82574 datasheet tell a driver to.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include <cmocka.h>

#include "test_sim_common.h"

static const uint8_t mac_a[6] = {0x02, 0x00, 0x00, 0x00, 0x00, 0x0a};
static const uint8_t mac_b[6] = {0x02, 0x00, 0x00, 0x00, 0x00, 0x0b};
static const uint8_t bcast[6] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};

/* Two NICs of a kind on a back-to-back cable, rings set up, enabled. */
struct pair {
	struct t_nic a, b;
};

static void pair_open(struct pair *p, enum cdk_sim_kind kind, unsigned nrx,
		      uint32_t bufsize, const struct cdk_sim_opts *ob)
{
	assert_int_equal(t_open(&p->a, kind, mac_a, NULL), 0);
	assert_int_equal(t_open(&p->b, kind, mac_b, ob), 0);
	assert_int_equal(cdk_sim_connect(p->a.dev, p->b.dev), 0);
	t_tx_setup(&p->a, 0, 64);
	t_rx_setup(&p->b, 0, nrx, bufsize, 0);
	t_enable(&p->a, 0, 2048);
	t_enable(&p->b, 0, bufsize);
}

static void pair_close(struct pair *p)
{
	t_close(&p->a);
	t_close(&p->b);
}

static void test_pci_identity(void **state)
{
	struct cdk_sim_pci_id id;
	struct t_nic t;

	assert_int_equal(t_open(&t, CDK_SIM_82540EM, mac_a, NULL), 0);
	cdk_sim_pci_id(t.dev, &id);
	assert_int_equal(id.vendor_id, 0x8086);
	assert_int_equal(id.device_id, 0x100e);
	assert_int_equal(id.bar0_size, 0x20000);
	assert_int_equal(id.class_code, 0x020000);
	assert_int_equal(cdk_sim_pci_cfg_read(t.dev, 0, 4), 0x100e8086);
	/* BAR sizing: all ones read back as the size mask. */
	cdk_sim_pci_cfg_write(t.dev, 0x10, 0xffffffff, 4);
	assert_int_equal(cdk_sim_pci_cfg_read(t.dev, 0x10, 4), 0xfffe0000);
	t_close(&t);

	assert_int_equal(t_open(&t, CDK_SIM_82574L, mac_a, NULL), 0);
	cdk_sim_pci_id(t.dev, &id);
	assert_int_equal(id.device_id, 0x10d3);
	assert_int_equal(cdk_sim_nb_queues(t.dev), 2);
	t_close(&t);
}

static void test_reset_values(void **state)
{
	struct t_nic t, u;

	assert_int_equal(t_open(&t, CDK_SIM_82540EM, mac_a, NULL), 0);
	assert_int_equal(t_rd(&t, E1000_CTRL) & E1000_CTRL_SLU, E1000_CTRL_SLU);
	assert_int_equal(t_rd(&t, E1000_STATUS) & E1000_STATUS_LU, 0);
	assert_int_equal(t_rd(&t, E1000_STATUS) & E1000_STATUS_FD, 1);
	assert_int_equal(t_rd(&t, E1000_EECD) & E1000_EECD_PRES, E1000_EECD_PRES);
	assert_int_equal(t_rd(&t, E1000_VET), 0x8100);
	assert_int_equal(t_rd(&t, E1000_PBA), 0x00100030);
	assert_int_equal(t_rd(&t, E1000_RCTL), 0);
	assert_int_equal(t_rd(&t, E1000_TCTL), 0);
	assert_int_equal(t_rd(&t, E1000_IMS), 0);
	assert_int_equal(t_rd(&t, E1000_RDLEN(0)), 0);
	/* RAL0/RAH0 come from the EEPROM's MAC, marked valid. */
	assert_int_equal(t_rd(&t, E1000_RAL(0)), 0x00000002);
	assert_int_equal(t_rd(&t, E1000_RAH(0)), E1000_RAH_AV | 0x0a00);
	/* Link comes up when a cable is plugged, with an LSC cause. */
	assert_int_equal(t_open(&u, CDK_SIM_82540EM, mac_b, NULL), 0);
	t_rd(&t, E1000_ICR);
	assert_int_equal(cdk_sim_connect(t.dev, u.dev), 0);
	assert_true(t_rd(&t, E1000_STATUS) & E1000_STATUS_LU);
	assert_true(t_rd(&t, E1000_ICR) & E1000_ICR_LSC);
	assert_int_equal(cdk_sim_connect(t.dev, u.dev), -EBUSY);
	cdk_sim_disconnect(u.dev);
	assert_false(t_rd(&t, E1000_STATUS) & E1000_STATUS_LU);
	t_close(&u);
	t_close(&t);
}

static uint16_t eerd_read(struct t_nic *t, unsigned word, int l8257x)
{
	uint32_t v;

	if (l8257x) {
		t_wr(t, E1000_EERD, word << 2 | E1000_EERD_START);
		assert_true(T_WAIT((v = t_rd(t, E1000_EERD)) & E1000_EERD_DONE_8257X));
	} else {
		t_wr(t, E1000_EERD, word << 8 | E1000_EERD_START);
		assert_true(T_WAIT((v = t_rd(t, E1000_EERD)) & E1000_EERD_DONE_8254X));
	}
	return (uint16_t)(v >> 16);
}

static void test_eeprom_eerd(void **state)
{
	enum cdk_sim_kind kinds[2] = {CDK_SIM_82540EM, CDK_SIM_82574L};

	for (int k = 0; k < 2; k++) {
		struct t_nic t;
		uint16_t sum = 0;

		assert_int_equal(t_open(&t, kinds[k], mac_b, NULL), 0);
		assert_int_equal(eerd_read(&t, 0, k), 0x0002);
		assert_int_equal(eerd_read(&t, 1, k), 0x0000);
		assert_int_equal(eerd_read(&t, 2, k), 0x0b00);
		for (unsigned w = 0; w < 0x40; w++)
			sum = (uint16_t)(sum + eerd_read(&t, w, k));
		assert_int_equal(sum, 0xbaba);
		t_close(&t);
	}
}

/* SDM 5.3.2: Microwire read by bit-banging EECD. */
static void uwire_out(struct t_nic *t, uint32_t bits, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		uint32_t di = (bits >> i) & 1 ? E1000_EECD_DI : 0;

		t_wr(t, E1000_EECD, E1000_EECD_CS | di);
		t_wr(t, E1000_EECD, E1000_EECD_CS | di | E1000_EECD_SK);
		t_wr(t, E1000_EECD, E1000_EECD_CS | di);
	}
}

static void test_eeprom_microwire(void **state)
{
	struct t_nic t;
	uint16_t w = 0;

	assert_int_equal(t_open(&t, CDK_SIM_82540EM, mac_b, NULL), 0);
	t_wr(&t, E1000_EECD, E1000_EECD_CS);
	uwire_out(&t, 6, 3); /* start bit, READ opcode 10 */
	uwire_out(&t, 2, 6); /* word 2 */
	for (int i = 0; i < 16; i++) {
		t_wr(&t, E1000_EECD, E1000_EECD_CS | E1000_EECD_SK);
		w = (uint16_t)(w << 1 | !!(t_rd(&t, E1000_EECD) & E1000_EECD_DO));
		t_wr(&t, E1000_EECD, E1000_EECD_CS);
	}
	t_wr(&t, E1000_EECD, 0);
	assert_int_equal(w, 0x0b00);
	t_close(&t);
}

static void test_mdic_phy(void **state)
{
	struct t_nic t;
	uint32_t v;

	assert_int_equal(t_open(&t, CDK_SIM_82540EM, mac_a, NULL), 0);
	t_wr(&t, E1000_MDIC, E1000_MDIC_OP_READ | 1u << 21 | 2u << 16);
	assert_true(T_WAIT((v = t_rd(&t, E1000_MDIC)) & E1000_MDIC_READY));
	assert_int_equal(v & 0xffff, 0x0141);
	t_wr(&t, E1000_MDIC, E1000_MDIC_OP_READ | 1u << 21 | 3u << 16);
	assert_int_equal(t_rd(&t, E1000_MDIC) & 0xffff, 0x0c20);
	/* No PHY at address 2. */
	t_wr(&t, E1000_MDIC, E1000_MDIC_OP_READ | 2u << 21 | 2u << 16);
	assert_true(t_rd(&t, E1000_MDIC) & E1000_MDIC_ERROR);
	t_close(&t);
}

static void test_interrupt_causes(void **state)
{
	struct t_nic t;

	assert_int_equal(t_open(&t, CDK_SIM_82540EM, mac_a, NULL), 0);
	t_rd(&t, E1000_ICR);
	t_wr(&t, E1000_ICS, E1000_ICR_RXT0 | E1000_ICR_TXDW);
	assert_int_equal(t_rd(&t, E1000_ICR), E1000_ICR_RXT0 | E1000_ICR_TXDW);
	assert_int_equal(t_rd(&t, E1000_ICR), 0); /* read to clear */
	t_wr(&t, E1000_IMS, 0x9d);
	assert_int_equal(t_rd(&t, E1000_IMS), 0x9d);
	t_wr(&t, E1000_IMC, 0x01);
	assert_int_equal(t_rd(&t, E1000_IMS), 0x9c);
	t_close(&t);
}

static void test_b2b_byte_exact(void **state)
{
	enum cdk_sim_kind kinds[2] = {CDK_SIM_82540EM, CDK_SIM_82574L};

	for (int k = 0; k < 2; k++) {
		struct pair p;
		uint8_t f[1514], g[2048];
		unsigned i;

		pair_open(&p, kinds[k], 32, 2048, NULL);
		t_frame(f, mac_b, mac_a, sizeof(f), 1);
		i = t_tx_put(&p.a, 0, f, sizeof(f), 1, 0, 1);
		assert_int_equal(t_rx(&p.b, 0, g, sizeof(g)), sizeof(f));
		assert_memory_equal(f, g, sizeof(f));
		assert_true(T_WAIT(t_tx_dd(&p.a, 0, i)));
		assert_int_equal(t_rd(&p.a, E1000_TDH(0)), 1);
		/* Statistics count the frame with its FCS. */
		assert_int_equal(t_rd(&p.a, E1000_GPTC), 1);
		assert_int_equal(t_rd(&p.a, E1000_TPT), 1);
		assert_int_equal(t_rd(&p.b, E1000_GPRC), 1);
		assert_int_equal(t_rd(&p.b, E1000_GORCL), 1518);
		assert_int_equal(t_rd(&p.b, E1000_PRC1522), 1);
		assert_true(t_rd(&p.b, E1000_ICR) & E1000_ICR_RXT0);
		pair_close(&p);
	}
}

static void test_clear_on_read(void **state)
{
	struct pair p;
	uint8_t f[100], g[2048];

	pair_open(&p, CDK_SIM_82540EM, 32, 2048, NULL);
	for (unsigned n = 0; n < 3; n++) {
		t_frame(f, mac_b, mac_a, sizeof(f), n);
		t_tx_put(&p.a, 0, f, sizeof(f), 1, 0, 1);
		assert_int_equal(t_rx(&p.b, 0, g, sizeof(g)), 100);
	}
	assert_int_equal(t_rd(&p.b, E1000_TPR), 3);
	assert_int_equal(t_rd(&p.b, E1000_TPR), 0);
	/* Low half alone does not clear; the high half clears both. */
	assert_int_equal(t_rd(&p.b, E1000_GORCL), 3 * 104);
	assert_int_equal(t_rd(&p.b, E1000_GORCL), 3 * 104);
	assert_int_equal(t_rd(&p.b, E1000_GORCH), 0);
	assert_int_equal(t_rd(&p.b, E1000_GORCL), 0);
	assert_int_equal(t_rd(&p.b, E1000_GPRC), 3);
	assert_int_equal(t_rd(&p.b, E1000_GPRC), 0);
	/* Writes to statistics are ignored. */
	t_wr(&p.b, E1000_GPRC, 77);
	assert_int_equal(t_rd(&p.b, E1000_GPRC), 0);
	pair_close(&p);
}

static void test_ring_wrap(void **state)
{
	struct pair p;
	uint8_t f[200], g[2048];

	pair_open(&p, CDK_SIM_82540EM, 8, 2048, NULL);
	/* 40 frames through an 8-entry rx ring and the 64-entry tx ring,
	 * in bursts of 5: both wrap several times, order is kept. */
	for (unsigned n = 0; n < 40; n += 5) {
		for (unsigned k = 0; k < 5; k++) {
			t_frame(f, mac_b, mac_a, sizeof(f), n + k);
			t_tx_put(&p.a, 0, f, sizeof(f), 1, 0, k == 4);
		}
		for (unsigned k = 0; k < 5; k++) {
			t_frame(f, mac_b, mac_a, sizeof(f), n + k);
			assert_int_equal(t_rx(&p.b, 0, g, sizeof(g)), sizeof(f));
			assert_memory_equal(f, g, sizeof(f));
		}
	}
	assert_int_equal(t_rd(&p.b, E1000_RDH(0)), 40 % 8);
	assert_int_equal(t_rd(&p.b, E1000_MPC), 0);
	pair_close(&p);
}

static void test_ring_full_mpc(void **state)
{
	struct cdk_sim_opts ob = {.rx_fifo_bytes = 4096};
	struct pair p;
	uint8_t f[1000], g[2048];
	unsigned got = 0, mpc;

	pair_open(&p, CDK_SIM_82540EM, 8, 2048, &ob);
	/* Fill the ring in bursts the 4 KB buffer can hold, then overrun. */
	for (unsigned n = 0; n < 30; n++) {
		t_frame(f, mac_b, mac_a, sizeof(f), n);
		t_tx_put(&p.a, 0, f, sizeof(f), 1, 0, 1);
		if (n < 7 && n % 3 == 2) {
			assert_int_equal(cdk_sim_quiesce(p.a.dev, T_TIMEOUT_MS), 0);
			assert_int_equal(cdk_sim_quiesce(p.b.dev, T_TIMEOUT_MS), 0);
		}
		if (n == 6)
			assert_true(T_WAIT(t_rd(&p.b, E1000_RDH(0)) == 7));
	}
	assert_int_equal(cdk_sim_quiesce(p.a.dev, T_TIMEOUT_MS), 0);
	assert_int_equal(cdk_sim_quiesce(p.b.dev, T_TIMEOUT_MS), 0);
	/* 7 descriptors filled, 4 frames wait in the 4 KB buffer, 19 missed;
	 * head stopped at the tail. */
	assert_int_equal(t_rd(&p.b, E1000_RDH(0)), 7);
	mpc = t_rd(&p.b, E1000_MPC);
	assert_int_equal(mpc, 30 - 7 - 4);
	assert_true(t_rd(&p.b, E1000_ICR) & E1000_ICR_RXO);
	assert_true(t_rd(&p.b, E1000_RNBC) > 0);
	while (got + mpc < 30 && t_rx(&p.b, 0, g, sizeof(g)) == (int)sizeof(f))
		got++;
	assert_int_equal(got, 11);
	pair_close(&p);
}

/* Offer frame f to b's filter; 1 if it arrived. */
static int filtered_in(struct pair *p, const uint8_t *dst)
{
	uint8_t f[64], g[2048];
	uint32_t before = cdk_sim_reg_peek(p->b.dev, E1000_TPR);

	t_frame(f, dst, mac_a, sizeof(f), 0);
	t_tx_put(&p->a, 0, f, sizeof(f), 1, 0, 1);
	assert_int_equal(cdk_sim_quiesce(p->a.dev, T_TIMEOUT_MS), 0);
	assert_int_equal(cdk_sim_quiesce(p->b.dev, T_TIMEOUT_MS), 0);
	if (cdk_sim_reg_peek(p->b.dev, E1000_TPR) == before)
		return 0;
	assert_int_equal(t_rx(&p->b, 0, g, sizeof(g)), sizeof(f));
	return 1;
}

static void test_filtering(void **state)
{
	static const uint8_t other[6] = {0x02, 0, 0, 0, 0, 0x77};
	static const uint8_t mcast[6] = {0x01, 0x00, 0x5e, 0x00, 0x00, 0x01};
	struct pair p;
	uint32_t rctl;

	pair_open(&p, CDK_SIM_82540EM, 16, 2048, NULL);
	rctl = t_rd(&p.b, E1000_RCTL);
	assert_true(filtered_in(&p, mac_b));
	assert_false(filtered_in(&p, other));
	assert_true(filtered_in(&p, bcast));
	assert_false(filtered_in(&p, mcast));
	/* Broadcast needs BAM. */
	t_wr(&p.b, E1000_RCTL, rctl & ~E1000_RCTL_BAM);
	assert_false(filtered_in(&p, bcast));
	/* MPE: all multicast; UPE: everything. */
	t_wr(&p.b, E1000_RCTL, rctl | E1000_RCTL_MPE);
	assert_true(filtered_in(&p, mcast));
	assert_false(filtered_in(&p, other));
	t_wr(&p.b, E1000_RCTL, rctl | E1000_RCTL_UPE);
	assert_true(filtered_in(&p, other));
	t_wr(&p.b, E1000_RCTL, rctl);
	/* A second exact filter counts only while AV is set. */
	t_wr(&p.b, E1000_RAL(1), 0x00000002);
	t_wr(&p.b, E1000_RAH(1), 0x7700);
	assert_false(filtered_in(&p, other));
	t_wr(&p.b, E1000_RAH(1), 0x7700 | E1000_RAH_AV);
	assert_true(filtered_in(&p, other));
	/* MTA (MO=00): hash = bits 47:36 of the address. */
	{
		unsigned h = ((unsigned)(mcast[5] << 8 | mcast[4]) >> 4) & 0xfff;

		t_wr(&p.b, E1000_MTA(h >> 5), 1u << (h & 31));
		assert_true(filtered_in(&p, mcast));
	}
	pair_close(&p);
}

static void test_split_and_fcs(void **state)
{
	struct pair p;
	uint8_t f[1000], g[2048];
	struct t_queue *r;

	pair_open(&p, CDK_SIM_82540EM, 16, 256, NULL);
	/* SECRC off: the FCS lands in memory and counts in the length. */
	t_wr(&p.b, E1000_RCTL, t_rd(&p.b, E1000_RCTL) & ~E1000_RCTL_SECRC);
	t_frame(f, mac_b, mac_a, sizeof(f), 3);
	t_tx_put(&p.a, 0, f, sizeof(f), 1, 0, 1);
	r = &p.b.rx[0];
	assert_true(T_WAIT(t_rx_dd(r, 3)));
	/* 1004 bytes over 256-byte buffers: 4 descriptors, EOP on the last. */
	for (unsigned i = 0; i < 3; i++) {
		assert_true(t_rx_dd(r, i));
		assert_false(t_rx_eop(r, i));
		assert_int_equal(t_rx_len(r, i), 256);
	}
	assert_true(t_rx_eop(r, 3));
	assert_int_equal(t_rx_len(r, 3), 1004 - 768);
	assert_int_equal(t_rx(&p.b, 0, g, sizeof(g)), 1004);
	assert_memory_equal(f, g, sizeof(f));
	/* The FCS is the IEEE CRC-32, least significant byte first; the CRC
	 * over the frame and its FCS leaves the standard residue. */
	{
		uint32_t c = 0xffffffffu;

		for (unsigned i = 0; i < 1004; i++) {
			c ^= g[i];
			for (int k = 0; k < 8; k++)
				c = (c >> 1) ^ (0xedb88320u & -(c & 1));
		}
		assert_int_equal(c, 0xdebb20e3);
	}
	pair_close(&p);
}

static void test_rs_writeback(void **state)
{
	struct pair p;
	uint8_t f[64], g[2048];
	unsigned i0, i1;

	pair_open(&p, CDK_SIM_82540EM, 16, 2048, NULL);
	t_frame(f, mac_b, mac_a, sizeof(f), 0);
	i0 = t_tx_put(&p.a, 0, f, sizeof(f), 0, 0, 0);
	i1 = t_tx_put(&p.a, 0, f, sizeof(f), 1, 0, 1);
	assert_true(T_WAIT(t_tx_dd(&p.a, 0, i1)));
	assert_false(t_tx_dd(&p.a, 0, i0)); /* no RS, no write-back */
	assert_int_equal(t_rd(&p.a, E1000_TDH(0)), 2);
	assert_int_equal(t_rx(&p.b, 0, g, sizeof(g)), 64);
	assert_int_equal(t_rx(&p.b, 0, g, sizeof(g)), 64);
	assert_true(t_rd(&p.a, E1000_ICR) & E1000_ICR_TXDW);
	pair_close(&p);
}

static void test_short_frame_padding(void **state)
{
	struct pair p;
	uint8_t f[42], g[2048];

	pair_open(&p, CDK_SIM_82540EM, 16, 2048, NULL);
	t_frame(f, mac_b, mac_a, sizeof(f), 9);
	t_tx_put(&p.a, 0, f, sizeof(f), 1, 0, 1);
	/* TCTL.PSP pads to 60 bytes (64 with FCS). */
	assert_int_equal(t_rx(&p.b, 0, g, sizeof(g)), 60);
	assert_memory_equal(f, g, sizeof(f));
	assert_int_equal(g[59], 0);
	pair_close(&p);
}

static void test_oversize(void **state)
{
	struct pair p;
	uint8_t f[2000], g[4096];

	pair_open(&p, CDK_SIM_82540EM, 16, 2048, NULL);
	t_frame(f, mac_b, mac_a, sizeof(f), 0);
	t_tx_put(&p.a, 0, f, sizeof(f), 1, 0, 1);
	assert_int_equal(cdk_sim_quiesce(p.a.dev, T_TIMEOUT_MS), 0);
	assert_true(T_WAIT(cdk_sim_reg_peek(p.b.dev, E1000_ROC) == 1));
	assert_int_equal(t_rd(&p.b, E1000_GPRC), 0);
	/* With LPE the same frame is taken, over two buffers. */
	t_wr(&p.b, E1000_RCTL, t_rd(&p.b, E1000_RCTL) | E1000_RCTL_LPE);
	t_tx_put(&p.a, 0, f, sizeof(f), 1, 0, 1);
	assert_int_equal(t_rx(&p.b, 0, g, sizeof(g)), sizeof(f));
	assert_memory_equal(f, g, sizeof(f));
	pair_close(&p);
}

static void test_dma_fault(void **state)
{
	struct pair p;
	struct cdk_sim_dma_fault fl;
	struct cdk_sim_stats st;
	uint8_t *outside = aligned_alloc(4096, 4096);
	uint8_t *d;
	uint64_t a = t_iova(outside);
	uint32_t w2 = 64 | (E1000_TXD_CMD_EOP | E1000_TXD_CMD_RS) << 24;

	pair_open(&p, CDK_SIM_82540EM, 16, 2048, NULL);
	assert_int_equal(cdk_sim_dma_fault_last(p.a.dev, NULL), 0);
	memset(outside, 0x5a, 4096);
	/* A descriptor whose buffer is not registered memory. */
	d = p.a.tx[0].ring;
	memcpy(d, &a, 8);
	memcpy(d + 8, &w2, 4);
	memset(d + 12, 0, 4);
	p.a.tx[0].tail = 1;
	t_wr(&p.a, E1000_TDT(0), 1);
	assert_true(T_WAIT(t_rd(&p.a, E1000_TDH(0)) == 1));
	cdk_sim_stats_get(p.a.dev, &st);
	assert_int_equal(st.dma_faults, 1);
	assert_int_equal(st.tx_frames, 0);
	assert_int_equal(cdk_sim_dma_fault_last(p.a.dev, &fl), 1);
	assert_int_equal(fl.iova, a);
	assert_int_equal(fl.len, 64);
	assert_int_equal(fl.write, 0);
	/* The rx side: a ring in unregistered memory is never written. */
	t_wr(&p.b, E1000_RDBAL(0), (uint32_t)a);
	t_wr(&p.b, E1000_RDBAH(0), (uint32_t)(a >> 32));
	t_wr(&p.b, E1000_RDH(0), 0);
	t_wr(&p.b, E1000_RDT(0), 4);
	{
		uint8_t f[64];

		t_frame(f, mac_b, mac_a, sizeof(f), 0);
		assert_int_equal(cdk_sim_inject(p.b.dev, f, sizeof(f)), 0);
	}
	assert_true(T_WAIT(cdk_sim_dma_fault_last(p.b.dev, &fl) == 1));
	assert_int_equal(fl.iova, a);
	for (int i = 0; i < 4096; i++)
		assert_int_equal(outside[i], 0x5a);
	/* Unmapping withdraws access: the same ring memory now faults. */
	assert_int_equal(cdk_sim_dma_unmap(p.a.dev, t_iova(p.a.mem)), 0);
	assert_int_equal(cdk_sim_dma_unmap(p.a.dev, t_iova(p.a.mem)), -ENOENT);
	pair_close(&p);
	free(outside);
}

static void test_bus_master_off(void **state)
{
	struct pair p;
	struct cdk_sim_stats st;
	uint8_t f[64], g[2048];

	pair_open(&p, CDK_SIM_82540EM, 16, 2048, NULL);
	cdk_sim_set_bus_master(p.a.dev, 0);
	t_frame(f, mac_b, mac_a, sizeof(f), 0);
	t_tx_put(&p.a, 0, f, sizeof(f), 1, 0, 1);
	assert_int_equal(cdk_sim_quiesce(p.a.dev, T_TIMEOUT_MS), 0);
	cdk_sim_stats_get(p.a.dev, &st);
	assert_true(st.dma_no_master >= 1);
	assert_int_equal(st.dma_reads, 0);
	assert_int_equal(st.tx_frames, 0);
	assert_false(t_tx_dd(&p.a, 0, 0));
	/* Back on, the next frame goes through. */
	cdk_sim_set_bus_master(p.a.dev, 1);
	t_tx_put(&p.a, 0, f, sizeof(f), 1, 0, 1);
	assert_int_equal(t_rx(&p.b, 0, g, sizeof(g)), 64);
	pair_close(&p);
}

static void test_reset_mid_traffic(void **state)
{
	struct pair p;
	uint8_t f[512], g[2048];

	pair_open(&p, CDK_SIM_82540EM, 64, 2048, NULL);
	for (unsigned n = 0; n < 60; n++) {
		t_frame(f, mac_b, mac_a, sizeof(f), n);
		t_tx_put(&p.a, 0, f, sizeof(f), 1, 0, 1);
	}
	t_wr(&p.b, E1000_CTRL, E1000_CTRL_RST);
	t_wr(&p.a, E1000_CTRL, t_rd(&p.a, E1000_CTRL) | E1000_CTRL_RST);
	/* RST self-clears; rings and enables are back to reset values. */
	assert_int_equal(t_rd(&p.b, E1000_CTRL) & E1000_CTRL_RST, 0);
	assert_int_equal(t_rd(&p.b, E1000_RCTL), 0);
	assert_int_equal(t_rd(&p.b, E1000_RDH(0)), 0);
	assert_int_equal(t_rd(&p.b, E1000_RDLEN(0)), 0);
	assert_int_equal(t_rd(&p.a, E1000_TDH(0)), 0);
	assert_int_equal(t_rd(&p.a, E1000_TCTL), 0);
	assert_int_equal(t_rd(&p.b, E1000_GPRC), 0);
	assert_int_equal(t_rd(&p.b, E1000_RAH(0)), E1000_RAH_AV | 0x0b00);
	/* Programmed again, the pair works. */
	p.a.brk = p.b.brk = 0;
	memset(p.a.mem, 0, 1 << 20);
	memset(p.b.mem, 0, 1 << 20);
	t_tx_setup(&p.a, 0, 16);
	t_rx_setup(&p.b, 0, 16, 2048, 0);
	t_enable(&p.a, 0, 2048);
	t_enable(&p.b, 0, 2048);
	t_frame(f, mac_b, mac_a, sizeof(f), 99);
	t_tx_put(&p.a, 0, f, sizeof(f), 1, 0, 1);
	assert_int_equal(t_rx(&p.b, 0, g, sizeof(g)), sizeof(f));
	assert_memory_equal(f, g, sizeof(f));
	pair_close(&p);
}

static void test_82574_extended_rx(void **state)
{
	struct pair p;
	uint8_t f[300];
	const uint8_t *d;
	struct t_queue *r;
	uint32_t st;

	assert_int_equal(t_open(&p.a, CDK_SIM_82574L, mac_a, NULL), 0);
	assert_int_equal(t_open(&p.b, CDK_SIM_82574L, mac_b, NULL), 0);
	assert_int_equal(cdk_sim_connect(p.a.dev, p.b.dev), 0);
	t_tx_setup(&p.a, 0, 16);
	t_wr(&p.b, E1000_RFCTL, E1000_RFCTL_EXTEN);
	t_rx_setup(&p.b, 0, 16, 2048, 1);
	t_enable(&p.a, 0, 2048);
	t_enable(&p.b, 0, 2048);
	t_frame(f, mac_b, mac_a, sizeof(f), 5);
	t_tx_put(&p.a, 0, f, sizeof(f), 1, 0, 1);
	r = &p.b.rx[0];
	assert_true(T_WAIT(t_rx_dd(r, 0)));
	d = r->ring;
	/* 82574 DS 7.1.4.2: status in dword 2, length in dword 3, and the
	 * buffer address overwritten by MRQ and the RSS hash. */
	memcpy(&st, d + 8, 4);
	assert_int_equal(st & 3, E1000_RXDEXT_STAT_DD | E1000_RXDEXT_STAT_EOP);
	assert_int_equal(d[12] | d[13] << 8, sizeof(f));
	assert_memory_not_equal(d, (uint8_t *)&(uint64_t){t_iova(r->bufs)}, 8);
	assert_memory_equal(r->bufs, f, sizeof(f));
	/* Legacy layout would have put the length at bytes 8-9: it is not
	 * there, which is what a driver forgetting EXTEN trips over. */
	assert_int_not_equal(d[8] | d[9] << 8, sizeof(f));
	pair_close(&p);
}

static void test_vlan_strip(void **state)
{
	struct pair p;
	uint8_t f[100], g[2048];
	struct t_queue *r;

	pair_open(&p, CDK_SIM_82540EM, 16, 2048, NULL);
	t_wr(&p.b, E1000_CTRL, t_rd(&p.b, E1000_CTRL) | E1000_CTRL_VME);
	t_frame(f, mac_b, mac_a, sizeof(f), 1);
	f[12] = 0x81;
	f[13] = 0x00;
	f[14] = 0x20; /* PCP 1, VID 0x005 */
	f[15] = 0x05;
	t_tx_put(&p.a, 0, f, sizeof(f), 1, 0, 1);
	r = &p.b.rx[0];
	assert_true(T_WAIT(t_rx_dd(r, 0)));
	assert_true(r->ring[12] & E1000_RXD_STAT_VP);
	assert_int_equal(r->ring[14] | r->ring[15] << 8, 0x2005);
	assert_int_equal(t_rx(&p.b, 0, g, sizeof(g)), sizeof(f) - 4);
	assert_memory_equal(g, f, 12);
	assert_memory_equal(g + 12, f + 16, sizeof(f) - 16);
	pair_close(&p);
}

static void test_pause_resume(void **state)
{
	struct pair p;
	uint8_t f[64], g[2048];
	struct timespec ts = {0, 100 * 1000000};

	pair_open(&p, CDK_SIM_82540EM, 16, 2048, NULL);
	cdk_sim_pause(p.b.dev);
	t_frame(f, mac_b, mac_a, sizeof(f), 0);
	t_tx_put(&p.a, 0, f, sizeof(f), 1, 0, 1);
	assert_true(T_WAIT(t_tx_dd(&p.a, 0, 0)));
	nanosleep(&ts, NULL);
	assert_false(t_rx_dd(&p.b.rx[0], 0));
	cdk_sim_resume(p.b.dev);
	assert_int_equal(t_rx(&p.b, 0, g, sizeof(g)), 64);
	pair_close(&p);
}

static void test_trace(void **state)
{
	struct pair p;
	uint8_t f[64], g[2048];
	char line[256];
	int saw_w = 0, saw_fetch = 0;
	FILE *tf = tmpfile();

	assert_non_null(tf);
	pair_open(&p, CDK_SIM_82540EM, 16, 2048, NULL);
	cdk_sim_set_trace(p.a.dev, tf);
	t_frame(f, mac_b, mac_a, sizeof(f), 0);
	t_tx_put(&p.a, 0, f, sizeof(f), 1, 0, 1);
	assert_int_equal(t_rx(&p.b, 0, g, sizeof(g)), 64);
	assert_int_equal(cdk_sim_quiesce(p.a.dev, T_TIMEOUT_MS), 0);
	cdk_sim_set_trace(p.a.dev, NULL);
	rewind(tf);
	while (fgets(line, sizeof(line), tf)) {
		saw_w |= strstr(line, "W 0x03818 = 0x00000001") != NULL;
		saw_fetch |= strstr(line, "TX fetch idx=0") != NULL;
	}
	fclose(tf);
	assert_true(saw_w);
	assert_true(saw_fetch);
	pair_close(&p);
}

static void irq_count(void *arg)
{
	__atomic_fetch_add((int *)arg, 1, __ATOMIC_RELAXED);
}

static void test_irq_hook(void **state)
{
	struct pair p;
	uint8_t f[64], g[2048];
	int fired = 0;

	pair_open(&p, CDK_SIM_82540EM, 16, 2048, NULL);
	cdk_sim_set_irq(p.b.dev, irq_count, &fired);
	t_frame(f, mac_b, mac_a, sizeof(f), 0);
	/* Masked: causes are posted, no interrupt. */
	t_tx_put(&p.a, 0, f, sizeof(f), 1, 0, 1);
	assert_int_equal(t_rx(&p.b, 0, g, sizeof(g)), 64);
	assert_int_equal(__atomic_load_n(&fired, __ATOMIC_RELAXED), 0);
	t_rd(&p.b, E1000_ICR);
	t_wr(&p.b, E1000_IMS, E1000_ICR_RXT0);
	t_tx_put(&p.a, 0, f, sizeof(f), 1, 0, 1);
	assert_int_equal(t_rx(&p.b, 0, g, sizeof(g)), 64);
	assert_true(T_WAIT(__atomic_load_n(&fired, __ATOMIC_RELAXED) > 0));
	cdk_sim_set_irq(p.b.dev, NULL, NULL);
	pair_close(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pci_identity),
		cmocka_unit_test(test_reset_values),
		cmocka_unit_test(test_eeprom_eerd),
		cmocka_unit_test(test_eeprom_microwire),
		cmocka_unit_test(test_mdic_phy),
		cmocka_unit_test(test_interrupt_causes),
		cmocka_unit_test(test_b2b_byte_exact),
		cmocka_unit_test(test_clear_on_read),
		cmocka_unit_test(test_ring_wrap),
		cmocka_unit_test(test_ring_full_mpc),
		cmocka_unit_test(test_filtering),
		cmocka_unit_test(test_split_and_fcs),
		cmocka_unit_test(test_rs_writeback),
		cmocka_unit_test(test_short_frame_padding),
		cmocka_unit_test(test_oversize),
		cmocka_unit_test(test_dma_fault),
		cmocka_unit_test(test_bus_master_off),
		cmocka_unit_test(test_reset_mid_traffic),
		cmocka_unit_test(test_82574_extended_rx),
		cmocka_unit_test(test_vlan_strip),
		cmocka_unit_test(test_pause_resume),
		cmocka_unit_test(test_trace),
		cmocka_unit_test(test_irq_hook),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
