/*
 * net_e1000_igb control path: probe, queues, start/stop, link, filters,
 * MAC, MTU and VLAN strip for the 82576, I350 and I210/I211. It reaches
 * the NIC only through the device's control slice (dev->device->ctrl);
 * the queues' registers and rings come from the capabilities the ethdev
 * layer grants. RSS is in igb_rss.c, statistics in igb_stats.c.
 */
#include <errno.h>
#include <string.h>

#include "cdk_cycles.h"
#include "pmd/intel_gbe/gbe_ethdev.h"
#include "pmd/igb/igb_ethdev.h"

#define RX_PTHRESH 8
#define RX_HTHRESH 8
#define RX_WTHRESH 4
#define TX_PTHRESH 8
#define TX_HTHRESH 1
#define TX_WTHRESH 16
#define TX_MAX_SEGS 40
#define VLAN_TAG_LEN 4
#define LINK_WAIT_POLLS 200 /* x 5 ms: QEMU's autonegotiation takes 550 */

static struct cdk_pmd_driver igb_driver;

static const struct igb_family families[] = {
	[IGB_MAC_82576] = { "82576", 16, 24, 1 },
	[IGB_MAC_I350] = { "I350", 8, 32, 1 },
	[IGB_MAC_I210] = { "I210", 4, 16, 1 },
	[IGB_MAC_I211] = { "I211", 2, 16, 0 },
};

/* ---- hardware helpers ---- */

/* 82576 DS 4.3.1: mask interrupts (the extended ones too), stop rx/tx,
 * reset. Statistics registers are cleared by the reset: read them first. */
static int hw_reset(struct igb_adapter *ad)
{
	gbe_quiesce(ad->ctrl, IGB_EIMC);
	igb_hw_stats_update(ad);
	return gbe_reset(ad->ctrl, IGB_EIMC, IGB_RESET_POLL_MAX, IGB_RESET_POLL_US);
}

/* 82576 DS 8.4.2: EERD as on the 82574 (done bit 1, word from bit 2). */
static const struct gbe_eerd eerd = { IGB_EERD_DONE, IGB_EERD_ADDR_SHIFT };

static uint32_t ral_of(unsigned i)
{
	return IGB_RAL(i);
}

/* A PHY register write through MDIC (82576 DS 8.2.4). */
static int phy_write(const struct igb_adapter *ad, uint32_t reg, uint16_t v)
{
	gbe_write(ad->ctrl, IGB_MDIC, v | reg << IGB_MDIC_REG_SHIFT |
					(uint32_t)IGB_PHY_ADDR << IGB_MDIC_PHY_SHIFT |
					IGB_MDIC_OP_WRITE);
	for (int i = 0; i < 100; i++) {
		uint32_t m = gbe_read(ad->ctrl, IGB_MDIC);

		if (m & IGB_MDIC_READY)
			return m & IGB_MDIC_ERROR ? -EIO : 0;
		cdk_delay_us(10);
	}
	return -ETIMEDOUT;
}

/* 82576 DS 4.5.7: internal copper PHY, MAC speed from the PHY; set link
 * up and restart autonegotiation (QEMU's igb brings the link back after
 * a reset only then). */
static void link_setup(const struct igb_adapter *ad)
{
	uint32_t ctrl = gbe_read(ad->ctrl, IGB_CTRL);

	ctrl |= IGB_CTRL_SLU;
	ctrl &= ~(IGB_CTRL_ILOS | IGB_CTRL_PHY_RST);
	gbe_write(ad->ctrl, IGB_CTRL, ctrl);
	if (phy_write(ad, IGB_PHY_CTRL, IGB_PHY_CTRL_AN_EN | IGB_PHY_CTRL_RESTART_AN) < 0)
		cdk_log(CDK_LOG_DEBUG, CDK_LOGTYPE_PMD,
			"igb: PHY autonegotiation restart not acknowledged");
}

/* Device setup after every reset: address, filters, link. */
static void hw_init(struct igb_adapter *ad)
{
	gbe_mac_write(ad->ctrl, &ad->mac);
	gbe_filters_clear(ad->ctrl, ad->fam->nb_rar, ral_of);
	link_setup(ad);
	/* PCSD: dword 1 of the rx write-back carries the RSS hash. */
	gbe_write(ad->ctrl, IGB_RXCSUM, IGB_RXCSUM_PCSD);
}

/* ---- info and configuration ---- */

static uint16_t nb_queues(const struct igb_adapter *ad)
{
	return ad->fam->nb_queues < IGB_MAX_QUEUES ? ad->fam->nb_queues
						   : IGB_MAX_QUEUES;
}

static int igb_infos_get(struct cdk_eth_dev *dev, struct cdk_eth_dev_info *info)
{
	struct igb_adapter *ad = igb_adapter(dev);
	struct cdk_eth_desc_lim lim = {
		.nb_max = IGB_NB_DESC_MAX, .nb_min = IGB_NB_DESC_MIN,
		.nb_align = IGB_NB_DESC_ALIGN, .nb_seg_max = TX_MAX_SEGS,
		.nb_mtu_seg_max = TX_MAX_SEGS,
	};

	info->max_rx_queues = nb_queues(ad);
	info->max_tx_queues = nb_queues(ad);
	info->max_mac_addrs = ad->fam->nb_rar;
	info->min_rx_bufsize = 1024; /* SRRCTL.BSIZEPACKET unit */
	info->max_rx_pktlen = IGB_MAX_FRAME;
	info->max_mtu = (uint16_t)(IGB_MAX_FRAME - CDK_ETHER_HDR_LEN -
				   CDK_ETHER_CRC_LEN - VLAN_TAG_LEN);
	info->rx_offload_capa = CDK_ETH_RX_OFFLOAD_SCATTER |
				CDK_ETH_RX_OFFLOAD_VLAN_STRIP |
				CDK_ETH_RX_OFFLOAD_RSS_HASH;
	info->tx_offload_capa = CDK_ETH_TX_OFFLOAD_MULTI_SEGS |
				CDK_ETH_TX_OFFLOAD_IPV4_CKSUM |
				CDK_ETH_TX_OFFLOAD_UDP_CKSUM |
				CDK_ETH_TX_OFFLOAD_TCP_CKSUM;
	info->reta_size = IGB_RETA_SIZE;
	info->hash_key_size = IGB_RSS_KEY_LEN;
	info->flow_type_rss_offloads = IGB_RSS_OFFLOAD_ALL;
	info->rx_desc_lim = lim;
	info->tx_desc_lim = lim;
	info->default_rxconf.rx_free_thresh = GBE_RX_FREE_THRESH_DEFAULT;
	info->default_rxconf.rx_thresh = (struct cdk_eth_thresh){
		RX_PTHRESH, RX_HTHRESH, RX_WTHRESH };
	info->default_txconf.tx_rs_thresh = GBE_TX_RS_THRESH_DEFAULT;
	info->default_txconf.tx_free_thresh = GBE_TX_FREE_THRESH_DEFAULT;
	info->default_txconf.tx_thresh = (struct cdk_eth_thresh){
		TX_PTHRESH, TX_HTHRESH, TX_WTHRESH };
	info->speed_capa = 0x3f; /* 10/100 half and full, 1G */
	return 0;
}

static int igb_configure(struct cdk_eth_dev *dev)
{
	const struct cdk_eth_rss_conf *rc = &dev->conf.rx_adv_conf.rss_conf;
	uint32_t mq = dev->conf.rxmode.mq_mode;

	if (mq != CDK_ETH_MQ_RX_NONE && mq != CDK_ETH_MQ_RX_RSS) {
		GBE_LOG(ERR, dev, "rx multi-queue mode %u: only none or RSS", mq);
		return -EINVAL;
	}
	if (mq == CDK_ETH_MQ_RX_RSS &&
	    ((rc->rss_key && rc->rss_key_len != IGB_RSS_KEY_LEN) ||
	     (rc->rss_hf & ~(uint64_t)IGB_RSS_OFFLOAD_ALL))) {
		GBE_LOG(ERR, dev, "RSS: a %u-byte key is needed and hash functions "
		    "within 0x%llx", IGB_RSS_KEY_LEN,
		    (unsigned long long)IGB_RSS_OFFLOAD_ALL);
		return -EINVAL;
	}
	igb_rss_defaults(igb_adapter(dev), &dev->conf, dev->nb_rx_queues);
	return 0;
}

/* ---- queues ---- */

/* SRRCTL's buffer size: whole kilobytes of the mbuf's room, 16 KB at most. */
static uint32_t buf_len_for(struct cdk_mempool *mp)
{
	uint32_t room = cdk_pktmbuf_data_room_size(mp) - CDK_PKTMBUF_HEADROOM;

	return CDK_MIN(room & ~1023u, 16384u);
}

static void *queue_zalloc(size_t size, unsigned socket)
{
	return gbe_queue_zalloc("igb queue", size, socket);
}

static void igb_rxq_release(struct cdk_eth_dev *dev, uint16_t qid)
{
	struct igb_rx_queue *q = dev->rx_queues[qid];

	if (q == NULL)
		return;
	igb_rx_queue_drain(q);
	cdk_free(q->sw_ring);
	cdk_free(q);
	dev->rx_queues[qid] = NULL;
}

static uint8_t thresh_or(uint8_t v, uint8_t def)
{
	return (uint8_t)((v ? v : def) & 0x1f); /* 5-bit fields */
}

static int igb_rxq_setup(struct cdk_eth_dev *dev, uint16_t qid,
			 uint16_t nb_desc, unsigned socket,
			 const struct cdk_eth_rxconf *conf, struct cdk_mempool *mp)
{
	uint16_t thresh = conf->rx_free_thresh ? conf->rx_free_thresh
					       : GBE_RX_FREE_THRESH_DEFAULT;
	struct igb_rx_queue *q;

	if (buf_len_for(mp) == 0 || thresh >= nb_desc) {
		GBE_LOG(ERR, dev, "rx queue %u: mbufs of 1 KB at least and "
		    "rx_free_thresh %u below %u descriptors", qid, thresh, nb_desc);
		return -EINVAL;
	}
	q = queue_zalloc(sizeof(*q), socket);
	if (q == NULL)
		return -ENOMEM;
	q->sw_ring = queue_zalloc(sizeof(q->sw_ring[0]) * nb_desc, socket);
	if (q->sw_ring == NULL) {
		cdk_free(q);
		return -ENOMEM;
	}
	q->mp = mp;
	q->nb_desc = nb_desc;
	q->free_thresh = thresh;
	q->port_id = dev->port_id;
	q->queue_id = qid;
	q->buf_len = buf_len_for(mp);
	q->pthresh = thresh_or(conf->rx_thresh.pthresh, RX_PTHRESH);
	q->hthresh = thresh_or(conf->rx_thresh.hthresh, RX_HTHRESH);
	q->wthresh = thresh_or(conf->rx_thresh.wthresh, RX_WTHRESH);
	q->deferred_start = conf->rx_deferred_start;
	igb_rxq_ptypes_attach(igb_adapter(dev), q);
	dev->rx_queues[qid] = q;
	return 0;
}

static void igb_txq_release(struct cdk_eth_dev *dev, uint16_t qid)
{
	struct igb_tx_queue *q = dev->tx_queues[qid];

	if (q == NULL)
		return;
	igb_tx_queue_drain(q);
	cdk_free(q->sw_ring);
	cdk_free(q);
	dev->tx_queues[qid] = NULL;
}

static int igb_txq_setup(struct cdk_eth_dev *dev, uint16_t qid,
			 uint16_t nb_desc, unsigned socket,
			 const struct cdk_eth_txconf *conf)
{
	uint16_t rs, fr;
	struct igb_tx_queue *q;

	if (gbe_tx_thresh(dev, qid, nb_desc, conf, &rs, &fr) < 0)
		return -EINVAL;
	q = queue_zalloc(sizeof(*q), socket);
	if (q == NULL)
		return -ENOMEM;
	q->sw_ring = queue_zalloc(sizeof(q->sw_ring[0]) * nb_desc, socket);
	if (q->sw_ring == NULL) {
		cdk_free(q);
		return -ENOMEM;
	}
	q->nb_desc = nb_desc;
	q->rs_thresh = rs;
	q->free_thresh = fr;
	q->queue_id = qid;
	q->pthresh = thresh_or(conf->tx_thresh.pthresh, TX_PTHRESH);
	q->hthresh = thresh_or(conf->tx_thresh.hthresh, TX_HTHRESH);
	q->wthresh = thresh_or(conf->tx_thresh.wthresh, TX_WTHRESH);
	q->deferred_start = conf->tx_deferred_start;
	dev->tx_queues[qid] = q;
	return 0;
}

static int igb_caps_grant(struct cdk_eth_dev *dev, enum cdk_queue_dir dir,
			  uint16_t qid, const struct cdk_queue_caps *sealed)
{
	struct igb_rx_queue *rq = dir == CDK_RXQ ? dev->rx_queues[qid] : NULL;
	struct igb_tx_queue *tq = dir == CDK_TXQ ? dev->tx_queues[qid] : NULL;
	const struct gbe_queue_slots to = rq ? GBE_RXQ_SLOTS(rq) : GBE_TXQ_SLOTS(tq);

	return gbe_caps_grant(dev, dir, qid, sealed,
			      (uint64_t)(rq ? rq->nb_desc : tq->nb_desc) * IGB_DESC_SIZE, &to);
}

/* ---- start / stop ---- */

/* Program a ring's base and length from its capability (82576 DS 4.5.9,
 * 4.5.10); head and tail at zero. */
static int ring_program(struct igb_adapter *ad, const cdk_cap_t *ring,
			uint16_t nb_desc, int rx, uint16_t n)
{
	return gbe_ring_program(ad->ctrl, ring, nb_desc, rx ? IGB_RDBAL(n)
							    : IGB_TDBAL(n));
}

/* 82576 DS 8.10.9 / 8.12.13: set ENABLE and poll until the device
 * reports the queue enabled. */
static int queue_enable(struct igb_adapter *ad, uint32_t reg, uint8_t p,
			uint8_t h, uint8_t w)
{
	gbe_write(ad->ctrl, reg, (uint32_t)p << IGB_XDCTL_PTHRESH_SHIFT |
				   (uint32_t)h << IGB_XDCTL_HTHRESH_SHIFT |
				   (uint32_t)w << IGB_XDCTL_WTHRESH_SHIFT |
				   IGB_XDCTL_ENABLE);
	for (int i = 0; i < IGB_XDCTL_POLL_MAX; i++) {
		if (gbe_read(ad->ctrl, reg) & IGB_XDCTL_ENABLE)
			return 0;
		cdk_delay_us(IGB_XDCTL_POLL_US);
	}
	return -ETIMEDOUT;
}

/* Queues the port does not use stay off (queue 0 is on at reset). */
static void queues_disable(struct igb_adapter *ad, uint16_t nb_rx, uint16_t nb_tx)
{
	for (uint16_t i = nb_rx; i < ad->fam->nb_queues; i++)
		gbe_write(ad->ctrl, IGB_RXDCTL(i), 0);
	for (uint16_t i = nb_tx; i < ad->fam->nb_queues; i++)
		gbe_write(ad->ctrl, IGB_TXDCTL(i), 0);
}

/* 82576 DS 4.5.10, 8.12.13: a queue's ring, then its enable. */
static int tx_queue_start(struct cdk_eth_dev *dev, struct igb_adapter *ad,
			  uint16_t i)
{
	struct igb_tx_queue *q = dev->tx_queues[i];
	int rc;

	gbe_write(ad->ctrl, IGB_TXDCTL(i), 0);
	igb_tx_queue_reset(q);
	rc = ring_program(ad, &q->ring, q->nb_desc, 0, i);
	if (rc == 0)
		rc = queue_enable(ad, IGB_TXDCTL(i), q->pthresh, q->hthresh,
				  q->wthresh);
	if (rc < 0)
		GBE_LOG(ERR, dev, "tx queue %u: %s", i, rc == -ETIMEDOUT
			    ? "TXDCTL.ENABLE did not set"
			    : "ring capability refused");
	return rc;
}

/* Every queue but the deferred ones, which stay disabled. */
static int tx_start(struct cdk_eth_dev *dev, struct igb_adapter *ad)
{
	for (uint16_t i = 0; i < dev->nb_tx_queues; i++) {
		struct igb_tx_queue *q = dev->tx_queues[i];
		int rc = 0;

		if (q->deferred_start)
			gbe_write(ad->ctrl, IGB_TXDCTL(i), 0);
		else
			rc = tx_queue_start(dev, ad, i);
		if (rc < 0)
			return rc;
	}
	gbe_write(ad->ctrl, IGB_TIPG, IGB_TIPG_DEFAULT);
	gbe_write(ad->ctrl, IGB_TCTL, IGB_TCTL_EN | IGB_TCTL_PSP | IGB_TCTL_RTLC |
					IGB_TCTL_CT << IGB_TCTL_CT_SHIFT |
					IGB_TCTL_COLD_FD << IGB_TCTL_COLD_SHIFT);
	return 0;
}

/* The largest frame the port takes (FCS included, one VLAN tag). */
static uint32_t max_frame(uint16_t mtu)
{
	return (uint32_t)mtu + CDK_ETHER_HDR_LEN + CDK_ETHER_CRC_LEN + VLAN_TAG_LEN;
}

static int rx_queue_start(struct cdk_eth_dev *dev, struct igb_adapter *ad,
			  uint16_t i)
{
	struct igb_rx_queue *q = dev->rx_queues[i];
	int vlan_strip = !!(dev->conf.rxmode.offloads & CDK_ETH_RX_OFFLOAD_VLAN_STRIP);
	int rc;

	gbe_write(ad->ctrl, IGB_RXDCTL(i), 0);
	q->max_segs = (uint16_t)(max_frame(dev->mtu) / q->buf_len + 1);
	q->vlan_strip = (uint8_t)vlan_strip;
	igb_rx_queue_reset(q);
	rc = igb_rx_ring_fill(q);
	if (rc == 0)
		rc = ring_program(ad, &q->ring, q->nb_desc, 1, i);
	if (rc < 0) {
		GBE_LOG(ERR, dev, "rx queue %u: %s", i, rc == -ENOMEM
			    ? "not enough mbufs to fill the ring"
			    : "ring capability refused");
		return rc;
	}
	/* 82576 DS 8.10.2: advanced one-buffer descriptors, the buffer in
	 * KB; DROP_EN so that one full queue does not stall the others. */
	gbe_write(ad->ctrl, IGB_SRRCTL(i), q->buf_len >> IGB_SRRCTL_BSIZEPKT_SHIFT |
					     IGB_SRRCTL_DESCTYPE_ADV_ONEBUF |
					     (dev->nb_rx_queues > 1 ? IGB_SRRCTL_DROP_EN : 0));
	rc = queue_enable(ad, IGB_RXDCTL(i), q->pthresh, q->hthresh, q->wthresh);
	if (rc < 0)
		GBE_LOG(ERR, dev, "rx queue %u: RXDCTL.ENABLE did not set", i);
	return rc;
}

static uint32_t rctl_of(struct cdk_eth_dev *dev)
{
	return gbe_rctl_of(dev, max_frame(dev->mtu) - VLAN_TAG_LEN);
}

static int rx_start(struct cdk_eth_dev *dev, struct igb_adapter *ad)
{
	int vlan_strip = !!(dev->conf.rxmode.offloads & CDK_ETH_RX_OFFLOAD_VLAN_STRIP);

	for (uint16_t i = 0; i < dev->nb_rx_queues; i++) {
		int rc = 0;

		if (((struct igb_rx_queue *)dev->rx_queues[i])->deferred_start)
			gbe_write(ad->ctrl, IGB_RXDCTL(i), 0);
		else
			rc = rx_queue_start(dev, ad, i);
		if (rc < 0)
			return rc;
	}
	/* 82576 DS 8.2.1: VME strips the tag into the write-back. */
	gbe_set_bits(ad->ctrl, IGB_CTRL, IGB_CTRL_VME, vlan_strip);
	igb_rss_program(dev);
	gbe_write(ad->ctrl, IGB_RLPML, max_frame(dev->mtu));
	gbe_write(ad->ctrl, IGB_RCTL, rctl_of(dev));
	/* 82576 DS 4.5.9: tails last, after RCTL.EN; one slot held back. */
	for (uint16_t i = 0; i < dev->nb_rx_queues; i++) {
		struct igb_rx_queue *q = dev->rx_queues[i];

		if (!q->deferred_start)
			cdk_cap_write32(&q->doorbell, 0, q->rdt);
	}
	return 0;
}

static void queues_drain(struct cdk_eth_dev *dev)
{
	for (uint16_t i = 0; i < dev->nb_rx_queues; i++)
		if (dev->rx_queues[i])
			igb_rx_queue_drain(dev->rx_queues[i]);
	for (uint16_t i = 0; i < dev->nb_tx_queues; i++)
		if (dev->tx_queues[i])
			igb_tx_queue_drain(dev->tx_queues[i]);
}

/* 82576 DS 4.5.9.1 / 4.5.10.1: clear ENABLE and poll until the device
 * reports the queue disabled; only then are its buffers the driver's. */
static int queue_disable(struct igb_adapter *ad, uint32_t reg)
{
	gbe_set_bits(ad->ctrl, reg, IGB_XDCTL_ENABLE, 0);
	for (int i = 0; i < IGB_XDCTL_POLL_MAX; i++) {
		if (!(gbe_read(ad->ctrl, reg) & IGB_XDCTL_ENABLE))
			return 0;
		cdk_delay_us(IGB_XDCTL_POLL_US);
	}
	return -ETIMEDOUT;
}

/* Frames RSS sends to a disabled queue are dropped by the device and
 * counted in its RQDPC (82576 DS 8.10.12). */
static int igb_rxq_stop(struct cdk_eth_dev *dev, uint16_t i)
{
	int rc = queue_disable(igb_adapter(dev), IGB_RXDCTL(i));

	if (rc < 0) {
		GBE_LOG(ERR, dev, "rx queue %u: RXDCTL.ENABLE did not clear", i);
		return rc;
	}
	igb_rx_queue_drain(dev->rx_queues[i]);
	return 0;
}

static int igb_rxq_start(struct cdk_eth_dev *dev, uint16_t i)
{
	struct igb_rx_queue *q = dev->rx_queues[i];
	int rc = rx_queue_start(dev, igb_adapter(dev), i);

	if (rc < 0) {
		gbe_write(igb_adapter(dev)->ctrl, IGB_RXDCTL(i), 0);
		igb_rx_queue_drain(q);
		return rc;
	}
	/* 82576 DS 4.5.9: the tail after the enable; one slot held back. */
	cdk_cap_write32(&q->doorbell, 0, q->rdt);
	return 0;
}

/* What was posted is sent first (the head reaches the tail), then the
 * queue is disabled (82576 DS 4.5.10.1). */
static int igb_txq_stop(struct cdk_eth_dev *dev, uint16_t i)
{
	struct igb_adapter *ad = igb_adapter(dev);
	int rc;

	for (int k = 0; k < IGB_XDCTL_POLL_MAX &&
			gbe_read(ad->ctrl, IGB_TDH(i)) != gbe_read(ad->ctrl, IGB_TDT(i));
	     k++)
		cdk_delay_us(IGB_XDCTL_POLL_US);
	rc = queue_disable(ad, IGB_TXDCTL(i));
	if (rc < 0) {
		GBE_LOG(ERR, dev, "tx queue %u: TXDCTL.ENABLE did not clear", i);
		return rc;
	}
	igb_tx_queue_drain(dev->tx_queues[i]);
	return 0;
}

static int igb_txq_start(struct cdk_eth_dev *dev, uint16_t i)
{
	struct igb_adapter *ad = igb_adapter(dev);
	int rc = tx_queue_start(dev, ad, i);

	if (rc < 0)
		gbe_write(ad->ctrl, IGB_TXDCTL(i), 0);
	return rc;
}

static int igb_link_update(struct cdk_eth_dev *dev, int wait);

static int igb_start(struct cdk_eth_dev *dev)
{
	struct igb_adapter *ad = igb_adapter(dev);
	int rc = hw_reset(ad);

	if (rc < 0) {
		GBE_LOG(ERR, dev, "device reset did not complete");
		return rc;
	}
	hw_init(ad);
	queues_disable(ad, dev->nb_rx_queues, dev->nb_tx_queues);
	rc = tx_start(dev, ad);
	if (rc == 0)
		rc = rx_start(dev, ad);
	if (rc < 0) {
		hw_reset(ad);
		queues_drain(dev);
		return rc;
	}
	igb_link_update(dev, 0);
	return 0;
}

static int igb_stop(struct cdk_eth_dev *dev)
{
	/* Reset halts every DMA before the buffers go back to their pools. */
	int rc = hw_reset(igb_adapter(dev));

	queues_drain(dev);
	dev->link = (struct cdk_eth_link){ 0 };
	return rc;
}

static int igb_close(struct cdk_eth_dev *dev)
{
	return hw_reset(igb_adapter(dev));
}

/* ---- link, modes, address, MTU ---- */

static int igb_link_update(struct cdk_eth_dev *dev, int wait)
{
	return gbe_link_update(dev, wait ? LINK_WAIT_POLLS : 0);
}

static int igb_mac_set(struct cdk_eth_dev *dev, struct cdk_ether_addr *a)
{
	struct igb_adapter *ad = igb_adapter(dev);

	ad->mac = *a;
	gbe_mac_write(ad->ctrl, a);
	return 0;
}

/* Jumbo frames arrive over chained buffers; LPE and RLPML let them in.
 * The queues' chain limit follows at the next start. */
static int igb_mtu_set(struct cdk_eth_dev *dev, uint16_t mtu)
{
	struct igb_adapter *ad = igb_adapter(dev);

	if (max_frame(mtu) > IGB_MAX_FRAME)
		return -EINVAL;
	for (uint16_t i = 0; i < dev->nb_rx_queues; i++) {
		struct igb_rx_queue *q = dev->rx_queues[i];

		if (q != NULL)
			q->max_segs = (uint16_t)(max_frame(mtu) / q->buf_len + 1);
	}
	gbe_write(ad->ctrl, IGB_RLPML, max_frame(mtu));
	gbe_lpe_set(ad->ctrl, max_frame(mtu) - VLAN_TAG_LEN);
	return 0;
}

static const struct cdk_eth_dev_ops igb_ops = {
	.dev_configure = igb_configure,
	.dev_infos_get = igb_infos_get,
	.dev_start = igb_start,
	.dev_stop = igb_stop,
	.dev_close = igb_close,
	.rx_queue_setup = igb_rxq_setup,
	.tx_queue_setup = igb_txq_setup,
	.rx_queue_release = igb_rxq_release,
	.tx_queue_release = igb_txq_release,
	.queue_caps_grant = igb_caps_grant,
	.rx_queue_start = igb_rxq_start,
	.rx_queue_stop = igb_rxq_stop,
	.tx_queue_start = igb_txq_start,
	.tx_queue_stop = igb_txq_stop,
	.link_update = igb_link_update,
	.stats_get = igb_stats_get,
	.stats_reset = igb_stats_reset,
	.xstats_get_names = igb_xstats_get_names,
	.xstats_get = igb_xstats_get,
	.xstats_reset = igb_xstats_reset,
	.promiscuous_enable = gbe_promiscuous_enable,
	.promiscuous_disable = gbe_promiscuous_disable,
	.allmulticast_enable = gbe_allmulticast_enable,
	.allmulticast_disable = gbe_allmulticast_disable,
	.mac_addr_set = igb_mac_set,
	.mtu_set = igb_mtu_set,
	.rss_hash_update = igb_rss_hash_update,
	.rss_hash_conf_get = igb_rss_hash_conf_get,
	.reta_update = igb_reta_update,
	.reta_query = igb_reta_query,
	.dev_supported_ptypes_get = igb_supported_ptypes_get,
	.dev_ptypes_set = igb_ptypes_set,
};

/* ---- probe / remove ---- */

static enum igb_mac_type mac_type_of(uint16_t id)
{
	switch (id) {
	case IGB_DEV_ID_I350_COPPER:
	case IGB_DEV_ID_I350_FIBER:
	case IGB_DEV_ID_I350_SERDES:
	case IGB_DEV_ID_I350_SGMII:
		return IGB_MAC_I350;
	case IGB_DEV_ID_I210_COPPER:
	case IGB_DEV_ID_I210_FIBER:
	case IGB_DEV_ID_I210_SERDES:
	case IGB_DEV_ID_I210_SGMII:
	case IGB_DEV_ID_I210_COPPER_FLASHLESS:
	case IGB_DEV_ID_I210_SERDES_FLASHLESS:
		return IGB_MAC_I210;
	case IGB_DEV_ID_I211_COPPER:
		return IGB_MAC_I211;
	default:
		return IGB_MAC_82576;
	}
}

static int adapter_init(struct cdk_eth_dev *dev, struct cdk_device *d)
{
	struct igb_adapter *ad = igb_adapter(dev);
	int rc;

	ad->ctrl = &d->ctrl;
	ad->fam = &families[mac_type_of(d->pci_id.device_id)];
	rc = hw_reset(ad);
	if (rc < 0) {
		GBE_LOG(ERR, dev, "device reset did not complete");
		return rc;
	}
	memset(&ad->hw, 0, sizeof(ad->hw)); /* counts start at probe */
	rc = gbe_mac_read(ad->ctrl, ad->fam->nvm_eerd ? &eerd : NULL, &ad->mac);
	if (rc < 0 || !cdk_is_valid_assigned_ether_addr(&ad->mac)) {
		cdk_eth_random_addr(ad->mac.addr_bytes);
		GBE_LOG(WARNING, dev, "no valid MAC address in RAL0 or the NVM: using "
		    CDK_ETHER_ADDR_PRT_FMT, CDK_ETHER_ADDR_BYTES(&ad->mac));
	}
	hw_init(ad);
	igb_rss_defaults(ad, &dev->conf, 1);
	igb_ptypes_init(ad);
	return 0;
}

static int igb_probe(struct cdk_device *d)
{
	struct cdk_eth_dev *dev;
	int rc;

	dev = cdk_eth_dev_allocate(d->name, d, &igb_driver,
				   sizeof(struct igb_adapter));
	if (dev == NULL)
		return -ENOSPC;
	rc = adapter_init(dev, d);
	if (rc < 0) {
		cdk_eth_dev_release_port(dev);
		return rc;
	}
	dev->dev_ops = &igb_ops;
	dev->rx_pkt_burst = igb_recv_pkts;
	dev->tx_pkt_burst = igb_xmit_pkts;
	dev->mac_addr = igb_adapter(dev)->mac;
	cdk_eth_dev_probing_finish(dev);
	cdk_log(CDK_LOG_INFO, CDK_LOGTYPE_PMD, "%s: %s %s %04x:%04x, MAC "
		CDK_ETHER_ADDR_PRT_FMT, d->name, IGB_DRIVER_NAME,
		igb_adapter(dev)->fam->name, d->pci_id.vendor_id,
		d->pci_id.device_id, CDK_ETHER_ADDR_BYTES(&dev->mac_addr));
	return 0;
}

/* ---- registration ---- */

/* What the data path may touch per queue q: the tail to write and the
 * head to read, 4 bytes each at 0x40 * q (82576 DS 8.10.5-6, 8.12.7-8):
 * no queue reaches another queue's registers or its own ring base. */
static const struct cdk_pmd_manifest igb_manifest = {
	.bar_len = IGB_BAR0_LEN,
	.rx_doorbell = { "RDT", 0xc018, IGB_QSTRIDE, 4, CDK_CAP_PERM_STORE },
	.rx_head = { "RDH", 0xc010, IGB_QSTRIDE, 4, CDK_CAP_PERM_LOAD },
	.tx_doorbell = { "TDT", 0xe018, IGB_QSTRIDE, 4, CDK_CAP_PERM_STORE },
	.tx_head = { "TDH", 0xe010, IGB_QSTRIDE, 4, CDK_CAP_PERM_LOAD },
	.rx_desc_size = IGB_DESC_SIZE,
	.tx_desc_size = IGB_DESC_SIZE,
	.ring_align = IGB_RING_ALIGN,
	.ring_len_align = IGB_RING_LEN_ALIGN,
};
_Static_assert(0xc018 == IGB_RDT(0) && 0xc010 == IGB_RDH(0) &&
		       0xe018 == IGB_TDT(0) && 0xe010 == IGB_TDH(0),
	       "the manifest names the queue registers of igb_regs.h");

static const struct cdk_pci_id igb_pci_ids[] = {
	{ CDK_PCI_VENDOR_INTEL, IGB_DEV_ID_82576 },
	{ CDK_PCI_VENDOR_INTEL, IGB_DEV_ID_82576_FIBER },
	{ CDK_PCI_VENDOR_INTEL, IGB_DEV_ID_82576_SERDES },
	{ CDK_PCI_VENDOR_INTEL, IGB_DEV_ID_82576_QUAD_COPPER },
	{ CDK_PCI_VENDOR_INTEL, IGB_DEV_ID_82576_QUAD_COPPER_ET2 },
	{ CDK_PCI_VENDOR_INTEL, IGB_DEV_ID_82576_NS },
	{ CDK_PCI_VENDOR_INTEL, IGB_DEV_ID_82576_NS_SERDES },
	{ CDK_PCI_VENDOR_INTEL, IGB_DEV_ID_82576_SERDES_QUAD },
	{ CDK_PCI_VENDOR_INTEL, IGB_DEV_ID_I350_COPPER },
	{ CDK_PCI_VENDOR_INTEL, IGB_DEV_ID_I350_FIBER },
	{ CDK_PCI_VENDOR_INTEL, IGB_DEV_ID_I350_SERDES },
	{ CDK_PCI_VENDOR_INTEL, IGB_DEV_ID_I350_SGMII },
	{ CDK_PCI_VENDOR_INTEL, IGB_DEV_ID_I210_COPPER },
	{ CDK_PCI_VENDOR_INTEL, IGB_DEV_ID_I210_FIBER },
	{ CDK_PCI_VENDOR_INTEL, IGB_DEV_ID_I210_SERDES },
	{ CDK_PCI_VENDOR_INTEL, IGB_DEV_ID_I210_SGMII },
	{ CDK_PCI_VENDOR_INTEL, IGB_DEV_ID_I210_COPPER_FLASHLESS },
	{ CDK_PCI_VENDOR_INTEL, IGB_DEV_ID_I210_SERDES_FLASHLESS },
	{ CDK_PCI_VENDOR_INTEL, IGB_DEV_ID_I211_COPPER },
	{ 0, 0 },
};

static struct cdk_pmd_driver igb_driver = {
	.name = IGB_DRIVER_NAME,
	.kind = CDK_DEV_PCI,
	.id_table = igb_pci_ids,
	.manifest = &igb_manifest,
	.probe = igb_probe,
	.remove = gbe_remove,
};

CDK_PMD_REGISTER(igb_driver)
