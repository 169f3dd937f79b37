/*
 * The 82576 data path: receive into the queue RSS picks, with the
 * descriptor format SRRCTL selects (legacy or advanced one-buffer), and
 * transmit from every enabled queue with advanced or legacy descriptors.
 */
#include "igb_model.h"

static uint32_t igb_bufsize(struct cdk_sim_dev *dev, unsigned q)
{
	uint32_t kb = sim_reg(dev, IGB_SRRCTL(q)) & IGB_SRRCTL_BSIZEPKT_MASK;

	/* 0 is not a valid size (82576 DS 8.10.2); fall back to RCTL's. */
	return kb ? kb * 1024 : e1000_rctl_bufsize(sim_reg(dev, E1000_RCTL));
}

static enum e1000_rxd_type igb_rxd_type(struct cdk_sim_dev *dev,
					struct igb_priv *p, unsigned q)
{
	uint32_t t = (sim_reg(dev, IGB_SRRCTL(q)) & IGB_SRRCTL_DESCTYPE_MASK) >>
		     IGB_SRRCTL_DESCTYPE_SHIFT;

	if (t == IGB_SRRCTL_DESCTYPE_LEGACY)
		return E1000_RXD_LEGACY;
	if (t != IGB_SRRCTL_DESCTYPE_ADV_ONEBUF && !p->desctype_warned) {
		p->desctype_warned = 1;
		cdk_log(CDK_LOG_WARNING, CDK_LOGTYPE_SIM,
			"%s: SRRCTL.DESCTYPE %u (header split) not modelled; "
			"using one buffer", dev->name, t);
	}
	return E1000_RXD_ADVANCED;
}

/* Shape the frame once and pick its queue; 0 when it is dropped. */
static int igb_rx_prepare(struct cdk_sim_dev *dev, struct igb_priv *p,
			  const uint8_t *frame, size_t len)
{
	uint32_t rctl = sim_reg(dev, E1000_RCTL);
	uint32_t rlpml = sim_reg(dev, IGB_RLPML) & 0x3fff;
	size_t max = (rctl & E1000_RCTL_LPE) && rlpml > SIM_FCS_LEN
			     ? rlpml - SIM_FCS_LEN
			     : 0;

	p->prep_len = e1000_rx_prepare(dev, &p->c, frame, len, max,
				       IGB_RAL_HI(0), IGB_RA_HI_ENTRIES,
				       &p->prep_meta);
	if (!p->prep_len)
		return 0;
	p->prep_queue = igb_rss_queue(dev, p->c.rxbuf, p->prep_len,
				      &p->prep_meta);
	p->prep_valid = 1;
	return 1;
}

static void igb_rx_count(struct cdk_sim_dev *dev, struct igb_priv *p,
			 unsigned q)
{
	sim_reg_inc(dev, IGB_PQGPRC(q), 1);
	sim_reg_inc(dev, IGB_PQGORC(q), (uint32_t)p->prep_meta.wire_len);
	if (p->c.rxbuf[0] & 1)
		sim_reg_inc(dev, IGB_PQMPRC(q), 1);
}

enum sim_rx_result igb_rx_frame(struct cdk_sim_dev *dev, const uint8_t *frame,
				size_t len)
{
	struct igb_priv *p = dev->priv;
	enum sim_rx_result rc;
	struct e1000_ring r;
	unsigned q;

	if (!(sim_reg(dev, E1000_RCTL) & E1000_RCTL_EN))
		return SIM_RX_DONE;
	if (!p->prep_valid && !igb_rx_prepare(dev, p, frame, len))
		return SIM_RX_DONE;
	q = p->prep_queue;
	/* 82576 DS 8.10.9: frames for a disabled queue are dropped. */
	if (!(sim_reg(dev, IGB_RXDCTL(q)) & IGB_XDCTL_ENABLE)) {
		sim_reg_inc(dev, IGB_RQDPC(q), 1);
		p->prep_valid = 0;
		return SIM_RX_DONE;
	}
	r = igb_rx_ring(q);
	rc = e1000_rx_put(dev, &p->c, &r, q, igb_rxd_type(dev, p, q),
			  igb_bufsize(dev, q), p->prep_len, &p->prep_meta);
	if (rc == SIM_RX_BLOCKED &&
	    (sim_reg(dev, IGB_SRRCTL(q)) & IGB_SRRCTL_DROP_EN)) {
		/* 82576 DS 8.10.2 DROP_EN: drop rather than wait. */
		sim_reg_inc(dev, IGB_RQDPC(q), 1);
		p->c.rx_blocked = 0;
		p->prep_valid = 0;
		return SIM_RX_DONE;
	}
	if (rc == SIM_RX_DONE) {
		igb_rx_count(dev, p, q);
		p->prep_valid = 0;
	}
	return rc;
}

/* Advanced transmit descriptors (82576 DS 7.2.2.2-7.2.2.3); legacy ones
 * (DEXT clear) keep the 8254x layout. */
static int igb_txd(struct cdk_sim_dev *dev, struct e1000_txctx *t,
		   uint8_t d[16])
{
	uint32_t w2 = e1000_le32(d + 8), w3 = e1000_le32(d + 12);
	unsigned idx = (w3 >> IGB_TXD_IDX_SHIFT) & 7;

	if (!(w2 & IGB_TXD_DCMD_DEXT))
		return e1000_txd_legacy(dev, t, d);
	switch ((w2 >> E1000_TXD_DTYP_SHIFT) & 0xf) {
	case IGB_TXD_DTYP_CTXT:
		/* Offloads are not modelled; keep the VLAN tag for VLE. */
		t->ctx_vlan[idx] = (uint16_t)(e1000_le32(d) >> 16);
		break;
	case IGB_TXD_DTYP_DATA:
		e1000_tx_gather(dev, t, e1000_le64(d), w2 & 0xffff);
		if (w2 & IGB_TXD_DCMD_VLE) {
			t->vlan = 1;
			t->tag = t->ctx_vlan[idx];
		}
		if (w2 & IGB_TXD_DCMD_EOP)
			e1000_tx_send(dev, t);
		break;
	default:
		break;
	}
	if (!(w2 & IGB_TXD_DCMD_RS))
		return 0;
	d[12] = (uint8_t)((d[12] & 0xf0) | E1000_TXD_STAT_DD);
	return 1;
}

/* 82576 DS 7.2.3.5.2: optionally mirror the head into host memory. */
static void igb_head_wb(struct cdk_sim_dev *dev, unsigned q)
{
	uint32_t lo = sim_reg(dev, IGB_TDWBAL(q));
	uint8_t h[4];

	if (!(lo & IGB_TDWBAL_HEAD_WB_EN))
		return;
	e1000_put_le32(h, sim_reg(dev, IGB_TDH(q)));
	sim_dma_write(dev, (uint64_t)sim_reg(dev, IGB_TDWBAH(q)) << 32 |
				   (lo & ~3u),
		      h, sizeof(h));
}

int igb_tx_poll(struct cdk_sim_dev *dev)
{
	struct igb_priv *p = dev->priv;
	int work = 0;

	if (!(sim_reg(dev, E1000_TCTL) & E1000_TCTL_EN))
		return 0;
	for (unsigned q = 0; q < IGB_QUEUES; q++) {
		struct e1000_ring r = igb_tx_ring(q);
		uint32_t sent = p->tx[q].sent;
		uint64_t bytes = p->tx[q].sent_bytes;
		int n;

		if (!(sim_reg(dev, IGB_TXDCTL(q)) & IGB_XDCTL_ENABLE))
			continue;
		n = e1000_tx_ring(dev, &r, &p->tx[q], igb_txd);
		if (n) {
			sim_reg_inc(dev, IGB_PQGPTC(q), p->tx[q].sent - sent);
			sim_reg_inc(dev, IGB_PQGOTC(q),
				    (uint32_t)(p->tx[q].sent_bytes - bytes));
			igb_head_wb(dev, q);
		}
		work += n;
	}
	return work;
}
