/*
 * The 82576 data path: receive into the queue RSS picks, with the
 * descriptor format SRRCTL selects (legacy or advanced one-buffer), and
 * transmit from every enabled queue with advanced or legacy descriptors.
 */
#include <errno.h>
#include <string.h>

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
	if (t != IGB_SRRCTL_DESCTYPE_ADV_ONEBUF &&
	    !__atomic_exchange_n(&p->desctype_warned, 1, __ATOMIC_RELAXED)) {
		cdk_log(CDK_LOG_WARNING, CDK_LOGTYPE_SIM,
			"%s: SRRCTL.DESCTYPE %u (header split) not modelled; "
			"using one buffer", dev->name, t);
	}
	return E1000_RXD_ADVANCED;
}

/* Shape the frame into buf and pick its queue; 0 when it is dropped. */
static size_t igb_rx_shape(struct cdk_sim_dev *dev, uint8_t *buf,
			   const uint8_t *frame, size_t len,
			   struct e1000_rx_meta *m, unsigned *q)
{
	uint32_t rctl = sim_reg(dev, E1000_RCTL);
	uint32_t rlpml = sim_reg(dev, IGB_RLPML) & 0x3fff;
	size_t max = (rctl & E1000_RCTL_LPE) && rlpml > SIM_FCS_LEN
			     ? rlpml - SIM_FCS_LEN
			     : 0;
	size_t n = e1000_rx_prepare(dev, buf, frame, len, max, IGB_RAL_HI(0),
				    IGB_RA_HI_ENTRIES, m);

	if (n)
		*q = igb_rss_queue(dev, buf, n, m);
	return n;
}

/* Into the ring of queue q (rxq[q].lock held, or the device's). */
static enum sim_rx_result igb_rx_deliver(struct cdk_sim_dev *dev,
					 struct igb_priv *p, unsigned q,
					 const uint8_t *buf, size_t len,
					 const struct e1000_rx_meta *m,
					 int *blocked)
{
	struct e1000_ring r = igb_rx_ring(q);
	enum sim_rx_result rc;

	/* 82576 DS 8.10.9: frames for a disabled queue are dropped. */
	if (!(sim_reg(dev, IGB_RXDCTL(q)) & IGB_XDCTL_ENABLE)) {
		sim_reg_inc(dev, IGB_RQDPC(q), 1);
		return SIM_RX_DONE;
	}
	rc = e1000_rx_put(dev, &p->c, buf, blocked, &r, q,
			  igb_rxd_type(dev, p, q), igb_bufsize(dev, q), len, m);
	if (rc == SIM_RX_BLOCKED &&
	    (sim_reg(dev, IGB_SRRCTL(q)) & IGB_SRRCTL_DROP_EN)) {
		/* 82576 DS 8.10.2 DROP_EN: drop rather than wait. */
		sim_reg_inc(dev, IGB_RQDPC(q), 1);
		*blocked = 0;
		return SIM_RX_DONE;
	}
	if (rc == SIM_RX_DONE) {
		sim_reg_inc(dev, IGB_PQGPRC(q), 1);
		sim_reg_inc(dev, IGB_PQGORC(q), (uint32_t)m->wire_len);
		if (buf[0] & 1)
			sim_reg_inc(dev, IGB_PQMPRC(q), 1);
	}
	return rc;
}

/* The frame at the head of the packet buffer (rx_dispatch held). */
enum sim_rx_result igb_rx_frame(struct cdk_sim_dev *dev, const uint8_t *frame,
				size_t len)
{
	struct igb_priv *p = dev->priv;
	enum sim_rx_result rc;
	unsigned q;

	if (!(sim_reg(dev, E1000_RCTL) & E1000_RCTL_EN))
		return SIM_RX_DONE;
	if (!p->prep_valid) {
		p->prep_len = igb_rx_shape(dev, p->c.rxbuf, frame, len,
					   &p->prep_meta, &p->prep_queue);
		if (!p->prep_len)
			return SIM_RX_DONE;
		p->prep_valid = 1;
	}
	q = p->prep_queue;
	pthread_mutex_lock(&dev->rxq[q].lock);
	rc = igb_rx_deliver(dev, p, q, p->c.rxbuf, p->prep_len, &p->prep_meta,
			    &p->c.rx_blocked);
	pthread_mutex_unlock(&dev->rxq[q].lock);
	if (rc == SIM_RX_DONE)
		p->prep_valid = 0;
	return rc;
}

/*
 * A frame arriving while nothing waits in the packet buffer: classified
 * on arrival and moved by its queue's DMA engine (82576 DS 7.1.2), under
 * that queue's lock only, so frames for different queues go in at once.
 * One that finds no descriptors waits in the packet buffer, shaped, as if
 * it had been the head all along (RNBC counted once, classified once).
 */
int igb_rx_fast(struct cdk_sim_dev *dev, const uint8_t *frame, size_t len,
		int *held)
{
	struct igb_priv *p = dev->priv;
	uint8_t buf[SIM_MAX_FRAME + 8];
	struct e1000_rx_meta m;
	enum sim_rx_result rc;
	int blocked = 0, first;
	size_t n;
	unsigned q;

	if (!(sim_reg(dev, E1000_RCTL) & E1000_RCTL_EN))
		return 0;
	n = igb_rx_shape(dev, buf, frame, len, &m, &q);
	if (!n)
		return 0;
	if (*held != (int)q) {
		if (*held >= 0)
			pthread_mutex_unlock(&dev->rxq[*held].lock);
		pthread_mutex_lock(&dev->rxq[q].lock);
		*held = (int)q;
	}
	rc = igb_rx_deliver(dev, p, q, buf, n, &m, &blocked);
	if (rc == SIM_RX_DONE)
		return 0;
	/* rx_dispatch comes before a queue's lock. */
	pthread_mutex_unlock(&dev->rxq[q].lock);
	*held = -1;
	pthread_mutex_lock(&dev->rx_dispatch);
	if (sim_fifo_push_first(&dev->fifo, frame, len, &first) == -ENOBUFS) {
		/* The packet buffer overflowed: a missed packet (MPC). */
		__atomic_fetch_add(&dev->pending_missed, 1, __ATOMIC_RELAXED);
		SIM_STAT_ADD(dev, rx_missed, 1);
	} else if (first) {
		memcpy(p->c.rxbuf, buf, n);
		p->prep_len = n;
		p->prep_meta = m;
		p->prep_queue = q;
		p->prep_valid = 1;
		p->c.rx_blocked = blocked;
	}
	pthread_mutex_unlock(&dev->rx_dispatch);
	return 1;
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

/* One pass over tx queue q (txq[q].lock held, or the device's). */
int igb_tx_queue(struct cdk_sim_dev *dev, unsigned q)
{
	struct igb_priv *p = dev->priv;
	struct e1000_ring r = igb_tx_ring(q);
	uint32_t sent = p->tx[q].sent;
	uint64_t bytes = p->tx[q].sent_bytes;
	int n;

	if (!(sim_reg(dev, E1000_TCTL) & E1000_TCTL_EN) ||
	    !(sim_reg(dev, IGB_TXDCTL(q)) & IGB_XDCTL_ENABLE))
		return 0;
	n = e1000_tx_ring(dev, &r, &p->tx[q], igb_txd);
	if (n) {
		sim_reg_inc(dev, IGB_PQGPTC(q), p->tx[q].sent - sent);
		sim_reg_inc(dev, IGB_PQGOTC(q),
			    (uint32_t)(p->tx[q].sent_bytes - bytes));
		igb_head_wb(dev, q);
	}
	return n;
}

int igb_tx_poll(struct cdk_sim_dev *dev)
{
	int work = 0;

	for (unsigned q = 0; q < IGB_QUEUES; q++)
		work += igb_tx_queue(dev, q);
	return work;
}
