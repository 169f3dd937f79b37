/*
 * The 82576 model's register file: the 8254x legacy block plus 16 queue
 * pairs at 0xc000/0xe000 (queues 0-3 also reachable at the old offsets),
 * per-queue enables and statistics, and the RSS registers.
 */
#include <string.h>

#include "igb_model.h"

struct e1000_ring igb_rx_ring(unsigned q)
{
	return (struct e1000_ring){IGB_RDBAL(q), IGB_RDBAH(q), IGB_RDLEN(q),
				   IGB_RDH(q), IGB_RDT(q)};
}

struct e1000_ring igb_tx_ring(unsigned q)
{
	return (struct e1000_ring){IGB_TDBAL(q), IGB_TDBAH(q), IGB_TDLEN(q),
				   IGB_TDH(q), IGB_TDT(q)};
}

/* 82576 DS 8.1: aliases resolve to one register (the 82576 home for ring
 * registers, the legacy offset for the interrupt causes). */
static uint32_t igb_canon(uint32_t off)
{
	uint32_t rel;

	if (off >= IGB_RXQ_LEGACY_BASE &&
	    off < IGB_RXQ_LEGACY_BASE + IGB_LEGACY_QUEUES * IGB_LEGACY_QSTRIDE &&
	    ((rel = off - IGB_RXQ_LEGACY_BASE) & 0xff) < IGB_QSTRIDE)
		return IGB_RXQ_BASE + (rel >> 8) * IGB_QSTRIDE + (rel & 0x3f);
	if (off >= IGB_TXQ_LEGACY_BASE &&
	    off < IGB_TXQ_LEGACY_BASE + IGB_LEGACY_QUEUES * IGB_LEGACY_QSTRIDE &&
	    ((rel = off - IGB_TXQ_LEGACY_BASE) & 0xff) < IGB_QSTRIDE)
		return IGB_TXQ_BASE + (rel >> 8) * IGB_QSTRIDE + (rel & 0x3f);
	switch (off) {
	case IGB_ICR: return E1000_ICR;
	case IGB_ICS: return E1000_ICS;
	case IGB_IMS: return E1000_IMS;
	case IGB_IMC: return E1000_IMC;
	}
	return off;
}

static void igb_reset(struct cdk_sim_dev *dev)
{
	struct igb_priv *p = dev->priv;

	p->c.eerd_8257x = 1;
	e1000_eeprom_build(&p->c, dev->mac, IGB_DEV_ID_82576);
	e1000_common_reset(dev, &p->c, 0x0ca0);
	sim_reg_set(dev, E1000_STATUS,
		    sim_reg(dev, E1000_STATUS) | E1000_STATUS_GIO_MASTER_EN);
	sim_reg_set(dev, E1000_EECD, E1000_EECD_PRES | E1000_EECD_AUTO_RD);
	/* Rx packet buffer: 64 KB (82576 DS 8.3.1 RXPBS reset value). */
	sim_reg_set(dev, E1000_PBA, 0x40);
	sim_reg_set(dev, IGB_RLPML, 0x2600);
	for (unsigned q = 0; q < IGB_QUEUES; q++) {
		sim_reg_set(dev, IGB_SRRCTL(q), IGB_SRRCTL_RESET);
		/* Queue 0 is enabled at reset (QEMU's igb agrees). */
		sim_reg_set(dev, IGB_RXDCTL(q),
			    (q ? 0 : IGB_XDCTL_ENABLE) | 1u << 16);
		sim_reg_set(dev, IGB_TXDCTL(q), q ? 0 : IGB_XDCTL_ENABLE);
		memset(&p->tx[q], 0, sizeof(p->tx[q]));
	}
	p->prep_valid = 0;
	igb_rss_key_sync(dev);
	sim_fifo_flush(&dev->fifo);
}

static int igb_is_counter(uint32_t off)
{
	uint32_t r = off & 0xff;

	if (sim_stats_is_counter(off))
		return 1;
	if (off >= IGB_RXQ_BASE && off < IGB_RXQ_BASE + IGB_QUEUES * IGB_QSTRIDE)
		return (off & 0x3f) == 0x30; /* RQDPC */
	return off >= 0x10000 && off < 0x10000 + IGB_QUEUES * 0x100 &&
	       (r == 0x10 || r == 0x14 || r == 0x18 || r == 0x34 || r == 0x38);
}

static uint32_t igb_peek(struct cdk_sim_dev *dev, uint32_t off)
{
	off = igb_canon(off);
	return off == E1000_STATUS ? e1000_status(dev) : sim_reg(dev, off);
}

/* The queue ring of off if off is a head register, else -1. */
static int igb_head_queue(uint32_t off, uint32_t base)
{
	if (off < base || off >= base + IGB_QUEUES * IGB_QSTRIDE ||
	    (off & 0x3f) != 0x10)
		return -1;
	return (int)((off - base) / IGB_QSTRIDE);
}

static uint32_t igb_read(struct cdk_sim_dev *dev, uint32_t off)
{
	int q;

	off = igb_canon(off);
	if (off == E1000_ICR)
		return e1000_icr_read(dev, 1);
	if (off == E1000_ICS || off == E1000_IMC)
		return 0;
	if (igb_is_counter(off)) /* 82576 DS 8.19: clear on read */
		return sim_stats_read_clear(dev, off);
	if ((q = igb_head_queue(off, IGB_RXQ_BASE)) >= 0) {
		struct e1000_ring r = igb_rx_ring((unsigned)q);
		return e1000_head_read(dev, &r);
	}
	if ((q = igb_head_queue(off, IGB_TXQ_BASE)) >= 0) {
		struct e1000_ring r = igb_tx_ring((unsigned)q);
		return e1000_head_read(dev, &r);
	}
	return igb_peek(dev, off);
}

/* 82576 DS 8.10.1-8.10.9, 8.12: ring bases 128-byte aligned, lengths in
 * 128-byte units, 16-bit head and tail. 1: doorbell or enable, 0: other
 * ring register, -1: not a ring register. */
static int igb_write_ring(struct cdk_sim_dev *dev, uint32_t off, uint32_t val)
{
	int rx = off >= IGB_RXQ_BASE &&
		 off < IGB_RXQ_BASE + IGB_QUEUES * IGB_QSTRIDE;
	int tx = off >= IGB_TXQ_BASE &&
		 off < IGB_TXQ_BASE + IGB_QUEUES * IGB_QSTRIDE;

	if (!rx && !tx)
		return -1;
	switch (off & 0x3f) {
	case 0x00:
		sim_reg_set(dev, off, val & ~0x7fu);
		return 0;
	case 0x08:
		sim_reg_set(dev, off, val & 0xfff80u);
		return 0;
	case 0x10:
		sim_reg_set(dev, off, val & 0xffff);
		return 0;
	case 0x18:
		sim_reg_set(dev, off, val & 0xffff);
		return 1;
	case 0x28:
		sim_reg_set(dev, off, val);
		return 1;
	case 0x30: /* RQDPC: a counter (tx: TQDPC), read only */
		return 0;
	default:
		return -1;
	}
}

static int igb_write(struct cdk_sim_dev *dev, uint32_t off, uint32_t val)
{
	struct igb_priv *p = dev->priv;
	int rc;

	off = igb_canon(off);
	switch (off) {
	case E1000_CTRL:
		if (val & E1000_CTRL_RST) { /* 82576 DS 8.2.1 */
			igb_reset(dev);
			SIM_STAT_ADD(dev, resets, 1);
			return 1;
		}
		sim_reg_set(dev, off, val & ~E1000_CTRL_PHY_RST);
		return 0;
	case E1000_STATUS:
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
	case IGB_MRQC:
		sim_reg_set(dev, off, val);
		p->prep_valid = 0;
		return 1;
	}
	if (igb_is_counter(off))
		return 0;
	if ((rc = igb_write_ring(dev, off, val)) >= 0) {
		if ((off & 0x3f) == 0x0c || (off & 0x3f) == 0x28)
			p->prep_valid = 0;
		return rc;
	}
	sim_reg_set(dev, off, val);
	if ((off >= IGB_RETA(0) && off < IGB_RSSRK(IGB_RSS_KEY_LEN / 4)) ||
	    off == E1000_RXCSUM)
		p->prep_valid = 0;
	if (off >= IGB_RSSRK(0) && off < IGB_RSSRK(IGB_RSS_KEY_LEN / 4))
		igb_rss_key_sync(dev);
	return 0;
}

/* A tail register, through its alias or at home (82576 DS 8.10.5,
 * 8.12.5): the doorbell of one queue. */
static int igb_doorbell(uint32_t off, uint32_t *canon, int *is_tx)
{
	off = igb_canon(off);
	if ((off & 0x3f) != 0x18)
		return -1;
	*canon = off;
	if (off >= IGB_RXQ_BASE && off < IGB_RXQ_BASE + IGB_QUEUES * IGB_QSTRIDE) {
		*is_tx = 0;
		return (int)((off - IGB_RXQ_BASE) / IGB_QSTRIDE);
	}
	if (off >= IGB_TXQ_BASE && off < IGB_TXQ_BASE + IGB_QUEUES * IGB_QSTRIDE) {
		*is_tx = 1;
		return (int)((off - IGB_TXQ_BASE) / IGB_QSTRIDE);
	}
	return -1;
}

const struct sim_model_ops sim_igb_82576_ops = {
	.device_id = IGB_DEV_ID_82576,
	.nb_queues = IGB_QUEUES,
	.priv_size = sizeof(struct igb_priv),
	.reset = igb_reset,
	.read = igb_read,
	.peek = igb_peek,
	.write = igb_write,
	.tx_poll = igb_tx_poll,
	.rx_frame = igb_rx_frame,
	.link_change = e1000_link_change,
	.rx_missed = e1000_rx_missed,
	.doorbell = igb_doorbell,
	.tx_queue = igb_tx_queue,
	.rx_fast = igb_rx_fast,
};
