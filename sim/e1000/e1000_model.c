/*
 * The 82540EM and 82574L models: their register file (reset values, read
 * and write side effects) and how their data path uses the shared rings.
 */
#include <string.h>

#include "e1000_core.h"

#define E1000_82540EM_QUEUES 1
#define E1000_82574L_QUEUES 2 /* 82574 DS 7.1.1: two rx and two tx queues */

struct e1000_priv {
	struct e1000_common c; /* first: the shared code casts dev->priv */
	struct e1000_txctx tx[E1000_82574L_QUEUES];
	int is_82574;
	int prep_valid; /* the waiting frame is already shaped in c.rxbuf */
	size_t prep_len;
	struct e1000_rx_meta prep_meta;
};

static struct e1000_ring e1000_rx_ring(unsigned q)
{
	return (struct e1000_ring){E1000_RDBAL(q), E1000_RDBAH(q),
				   E1000_RDLEN(q), E1000_RDH(q), E1000_RDT(q)};
}

static struct e1000_ring e1000_tx_ring_of(unsigned q)
{
	return (struct e1000_ring){E1000_TDBAL(q), E1000_TDBAH(q),
				   E1000_TDLEN(q), E1000_TDH(q), E1000_TDT(q)};
}

static void e1000_reset(struct cdk_sim_dev *dev)
{
	struct e1000_priv *p = dev->priv;

	p->is_82574 = dev->model->device_id == E1000_DEV_ID_82574L;
	p->c.eerd_8257x = p->is_82574;
	e1000_eeprom_build(&p->c, dev->mac, dev->model->device_id);
	e1000_common_reset(dev, &p->c,
			   p->is_82574 ? E1000_PHY_ID2_82574L
				       : E1000_PHY_ID2_82540EM);
	if (p->is_82574) {
		sim_reg_set(dev, E1000_PBA, 0x00140014); /* 82574 DS 10.2.2.19 */
		sim_reg_set(dev, E1000_STATUS, sim_reg(dev, E1000_STATUS) |
						       E1000_STATUS_GIO_MASTER_EN);
		sim_reg_set(dev, E1000_EECD, E1000_EECD_PRES |
						     E1000_EECD_AUTO_RD);
	} else {
		sim_reg_set(dev, E1000_PBA, 0x00100030); /* SDM 13.4.25 */
	}
	for (unsigned q = 0; q < E1000_82574L_QUEUES; q++)
		memset(&p->tx[q], 0, sizeof(p->tx[q]));
	p->prep_valid = 0;
	sim_fifo_flush(&dev->fifo);
}

/* Which queue's ring register off is (reg is the queue-0 offset). */
static int e1000_queue_reg(const struct cdk_sim_dev *dev, uint32_t off,
			   uint32_t reg)
{
	for (unsigned q = 0; q < dev->model->nb_queues; q++)
		if (off == reg + 0x100 * q)
			return (int)q;
	return -1;
}

static uint32_t e1000_peek(struct cdk_sim_dev *dev, uint32_t off)
{
	return off == E1000_STATUS ? e1000_status(dev) : sim_reg(dev, off);
}

static uint32_t e1000_read(struct cdk_sim_dev *dev, uint32_t off)
{
	struct e1000_priv *p = dev->priv;
	int q;

	if (off == E1000_ICR)
		return e1000_icr_read(dev, p->is_82574);
	if (off == E1000_ICS || off == E1000_IMC) /* write only */
		return 0;
	if (sim_stats_is_counter(off))
		return sim_stats_read_clear(dev, off);
	if ((q = e1000_queue_reg(dev, off, E1000_RDH(0))) >= 0) {
		struct e1000_ring r = e1000_rx_ring((unsigned)q);
		return e1000_head_read(dev, &r);
	}
	if ((q = e1000_queue_reg(dev, off, E1000_TDH(0))) >= 0) {
		struct e1000_ring r = e1000_tx_ring_of((unsigned)q);
		return e1000_head_read(dev, &r);
	}
	return e1000_peek(dev, off);
}

/* Ring registers: SDM 13.4.27-31 and 13.4.38-42 (bases 16-byte aligned,
 * lengths multiples of 128 bytes, heads and tails 16 bits). Returns 1 for
 * a doorbell, 0 for another ring register, -1 if off is none. */
static int e1000_write_ring(struct cdk_sim_dev *dev, uint32_t off,
			    uint32_t val)
{
	for (unsigned q = 0; q < dev->model->nb_queues; q++) {
		for (uint32_t tx = 0; tx <= 0x1000; tx += 0x1000) {
			uint32_t base = E1000_RDBAL(q) + tx;

			if (off < base || off >= base + 0x20)
				continue;
			switch (off - base) {
			case 0x00: /* xDBAL */
				sim_reg_set(dev, off, val & ~0xfu);
				return 0;
			case 0x08: /* xDLEN */
				sim_reg_set(dev, off, val & 0xfff80u);
				return 0;
			case 0x10: /* xDH */
				sim_reg_set(dev, off, val & 0xffff);
				return 0;
			case 0x18: /* xDT: the doorbell */
				sim_reg_set(dev, off, val & 0xffff);
				return 1;
			default:
				return -1;
			}
		}
	}
	return -1;
}

static int e1000_write(struct cdk_sim_dev *dev, uint32_t off, uint32_t val)
{
	struct e1000_priv *p = dev->priv;
	int rc;

	switch (off) {
	case E1000_CTRL:
		if (val & E1000_CTRL_RST) { /* SDM 13.4.1: self-clearing */
			e1000_reset(dev);
			SIM_STAT_ADD(dev, resets, 1);
			return 1;
		}
		sim_reg_set(dev, off, val & ~E1000_CTRL_PHY_RST);
		return 0;
	case E1000_STATUS: /* read only */
		return 0;
	case E1000_EECD:
		e1000_eecd_write(dev, &p->c, val);
		return 0;
	case E1000_EERD:
		e1000_eerd_write(dev, &p->c, val);
		return 0;
	case E1000_MDIC:
		e1000_mdic_write(dev, &p->c, val);
		return 0;
	case E1000_ICR:
	case E1000_ICS:
	case E1000_IMS:
	case E1000_IMC:
		e1000_irq_write(dev, off, val);
		return 0;
	case E1000_RCTL:
	case E1000_TCTL:
		sim_reg_set(dev, off, val);
		p->prep_valid = 0; /* filters may have changed */
		return 1;
	}
	if (sim_stats_is_counter(off)) /* read only */
		return 0;
	rc = e1000_write_ring(dev, off, val);
	if (rc >= 0)
		return rc;
	sim_reg_set(dev, off, val);
	return 0;
}

static int e1000_tx_poll(struct cdk_sim_dev *dev)
{
	struct e1000_priv *p = dev->priv;
	int work = 0;

	if (!(sim_reg(dev, E1000_TCTL) & E1000_TCTL_EN))
		return 0;
	for (unsigned q = 0; q < dev->model->nb_queues; q++) {
		struct e1000_ring r = e1000_tx_ring_of(q);
		work += e1000_tx_ring(dev, &r, &p->tx[q], e1000_txd_legacy);
	}
	return work;
}

static enum sim_rx_result e1000_rx_frame(struct cdk_sim_dev *dev,
					 const uint8_t *frame, size_t len)
{
	struct e1000_priv *p = dev->priv;
	uint32_t rctl = sim_reg(dev, E1000_RCTL);
	struct e1000_ring r = e1000_rx_ring(0);
	enum e1000_rxd_type type = E1000_RXD_LEGACY;
	enum sim_rx_result rc;

	if (!(rctl & E1000_RCTL_EN)) /* a disabled receiver drops */
		return SIM_RX_DONE;
	if (!p->prep_valid) {
		p->prep_len = e1000_rx_prepare(dev, p->c.rxbuf, frame, len, 0,
					       0, 0, &p->prep_meta);
		if (!p->prep_len)
			return SIM_RX_DONE;
		p->prep_valid = 1;
	}
	/* 82574 DS 10.2.5.13: EXTEN selects the extended formats. */
	if (p->is_82574 && (sim_reg(dev, E1000_RFCTL) & E1000_RFCTL_EXTEN))
		type = E1000_RXD_EXTENDED;
	rc = e1000_rx_put(dev, &p->c, p->c.rxbuf, &p->c.rx_blocked, &r, 0, type,
			  e1000_rctl_bufsize(rctl), p->prep_len, &p->prep_meta);
	if (rc == SIM_RX_DONE)
		p->prep_valid = 0;
	return rc;
}

#define E1000_MODEL_OPS(id, nq)                                               \
	{                                                                     \
		.device_id = (id), .nb_queues = (nq),                          \
		.priv_size = sizeof(struct e1000_priv), .reset = e1000_reset,  \
		.read = e1000_read, .peek = e1000_peek, .write = e1000_write,  \
		.tx_poll = e1000_tx_poll, .rx_frame = e1000_rx_frame,          \
		.link_change = e1000_link_change,                              \
		.rx_missed = e1000_rx_missed,                                  \
	}

const struct sim_model_ops sim_e1000_82540em_ops =
	E1000_MODEL_OPS(E1000_DEV_ID_82540EM, E1000_82540EM_QUEUES);
const struct sim_model_ops sim_e1000_82574l_ops =
	E1000_MODEL_OPS(E1000_DEV_ID_82574L, E1000_82574L_QUEUES);
