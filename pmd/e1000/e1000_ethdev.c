/*
 * net_e1000_em control path: probe, queues, start/stop, link, filters,
 * MAC and MTU for the 8254x family and the 82574L. It reaches the NIC only
 * through the device's control slice (dev->device->ctrl); the queues'
 * registers and rings come from the capabilities the ethdev layer grants.
 */
#include <errno.h>
#include <string.h>

#include "cdk_cycles.h"
#include "pmd/intel_gbe/gbe_ethdev.h"
#include "pmd/e1000/e1000_ethdev.h"

#define LINK_WAIT_POLLS 100 /* x 5 ms */

static struct cdk_pmd_driver e1000_driver;

/* ---- hardware helpers ---- */

/* SDM 14.5: mask every interrupt, stop rx/tx, reset. Statistics
 * registers are cleared by the reset: read them first. */
static int hw_reset(struct e1000_adapter *ad)
{
	gbe_quiesce(ad->ctrl, 0);
	e1000_hw_stats_update(ad);
	return gbe_reset(ad->ctrl, 0, E1000_RESET_POLL_MAX, E1000_RESET_POLL_US);
}

/* EERD's layout (SDM 13.4.4; the 82574 moves DONE to bit 1 and the
 * address to bit 2, 82574 DS 10.2.2.5). */
static const struct gbe_eerd eerd_8254x = { E1000_EERD_DONE_8254X,
					    E1000_EERD_ADDR_SHIFT_8254X };
static const struct gbe_eerd eerd_82574 = { E1000_EERD_DONE_82574,
					    E1000_EERD_ADDR_SHIFT_82574 };

static uint32_t ral_of(unsigned i)
{
	return E1000_RAL(i);
}

/* SDM 14.3: with internal PHY, set link up and let the MAC take speed and
 * duplex from the PHY. */
static void link_setup(const struct e1000_adapter *ad)
{
	uint32_t ctrl = gbe_read(ad->ctrl, E1000_CTRL);

	ctrl |= E1000_CTRL_SLU | E1000_CTRL_ASDE;
	ctrl &= ~(E1000_CTRL_ILOS | E1000_CTRL_PHY_RST);
	gbe_write(ad->ctrl, E1000_CTRL, ctrl);
}

/* Device setup after every reset: address, filters, link, formats. */
static void hw_init(struct e1000_adapter *ad)
{
	gbe_mac_write(ad->ctrl, &ad->mac);
	gbe_filters_clear(ad->ctrl, E1000_RA_ENTRIES, ral_of);
	link_setup(ad);
	if (ad->mac_type == E1000_MAC_82574)
		gbe_set_bits(ad->ctrl, E1000_RFCTL, E1000_RFCTL_EXTEN, 0);
	gbe_write(ad->ctrl, E1000_RXCSUM, 0); /* no checksum offload claimed */
	gbe_write(ad->ctrl, E1000_RDTR, 0);   /* we poll: no interrupt delays */
	gbe_write(ad->ctrl, E1000_RADV, 0);
	gbe_write(ad->ctrl, E1000_TIDV, 0);
}

/* ---- info and configuration ---- */

static int e1000_infos_get(struct cdk_eth_dev *dev, struct cdk_eth_dev_info *info)
{
	struct e1000_adapter *ad = e1000_adapter(dev);
	struct cdk_eth_desc_lim lim = {
		.nb_max = E1000_NB_DESC_MAX, .nb_min = E1000_NB_DESC_MIN,
		.nb_align = E1000_NB_DESC_ALIGN, .nb_seg_max = E1000_TX_MAX_SEGS,
		.nb_mtu_seg_max = E1000_TX_MAX_SEGS,
	};

	info->max_rx_queues = 1;
	info->max_tx_queues = 1;
	info->max_mac_addrs = 1;
	info->min_rx_bufsize = 256; /* smallest BSIZE */
	info->max_rx_pktlen = ad->max_frame;
	info->max_mtu = (uint16_t)(ad->max_frame - CDK_ETHER_HDR_LEN - CDK_ETHER_CRC_LEN);
	info->rx_offload_capa = CDK_ETH_RX_OFFLOAD_SCATTER;
	info->tx_offload_capa = CDK_ETH_TX_OFFLOAD_MULTI_SEGS;
	info->rx_desc_lim = lim;
	info->tx_desc_lim = lim;
	info->default_rxconf.rx_free_thresh = GBE_RX_FREE_THRESH_DEFAULT;
	info->default_txconf.tx_rs_thresh = GBE_TX_RS_THRESH_DEFAULT;
	info->default_txconf.tx_free_thresh = GBE_TX_FREE_THRESH_DEFAULT;
	return 0;
}

static int e1000_configure(struct cdk_eth_dev *dev)
{
	if (dev->conf.rxmode.mq_mode != CDK_ETH_MQ_RX_NONE) {
		GBE_LOG(ERR, dev, "multi-queue rx (RSS) is not supported");
		return -EINVAL;
	}
	return 0;
}

/* ---- queues ---- */

/* The largest buffer size RCTL can express that fits room (SDM 13.4.22). */
static uint32_t bsize_for(uint32_t room)
{
	static const uint32_t sizes[] = { 16384, 8192, 4096, 2048, 1024, 512, 256 };

	for (size_t i = 0; i < CDK_DIM(sizes); i++)
		if (sizes[i] <= room)
			return sizes[i];
	return 0;
}

static uint32_t rctl_bsize(uint32_t buf_len)
{
	switch (buf_len) {
	case 16384: return E1000_RCTL_BSEX | E1000_RCTL_BSIZE_16384;
	case 8192: return E1000_RCTL_BSEX | E1000_RCTL_BSIZE_8192;
	case 4096: return E1000_RCTL_BSEX | E1000_RCTL_BSIZE_4096;
	case 1024: return E1000_RCTL_BSIZE_1024;
	case 512: return E1000_RCTL_BSIZE_512;
	case 256: return E1000_RCTL_BSIZE_256;
	default: return E1000_RCTL_BSIZE_2048;
	}
}

static void *queue_zalloc(size_t size, unsigned socket)
{
	return gbe_queue_zalloc("e1000 queue", size, socket);
}

static void e1000_rxq_release(struct cdk_eth_dev *dev, uint16_t qid)
{
	struct e1000_rx_queue *q = dev->rx_queues[qid];

	if (q == NULL)
		return;
	e1000_rx_queue_drain(q);
	cdk_free(q->sw_ring);
	cdk_free(q);
	dev->rx_queues[qid] = NULL;
}

static int e1000_rxq_setup(struct cdk_eth_dev *dev, uint16_t qid,
			   uint16_t nb_desc, unsigned socket,
			   const struct cdk_eth_rxconf *conf, struct cdk_mempool *mp)
{
	uint32_t room = cdk_pktmbuf_data_room_size(mp) - CDK_PKTMBUF_HEADROOM;
	uint16_t thresh = conf->rx_free_thresh ? conf->rx_free_thresh
					       : GBE_RX_FREE_THRESH_DEFAULT;
	struct e1000_rx_queue *q;

	if (bsize_for(room) == 0 || thresh >= nb_desc) {
		GBE_LOG(ERR, dev, "rx queue %u: mbufs of %u bytes (256 at least) and "
		    "rx_free_thresh %u (below %u descriptors)", qid, room, thresh,
		    nb_desc);
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
	q->buf_len = bsize_for(room);
	q->deferred_start = conf->rx_deferred_start;
	dev->rx_queues[qid] = q;
	return 0;
}

static void e1000_txq_release(struct cdk_eth_dev *dev, uint16_t qid)
{
	struct e1000_tx_queue *q = dev->tx_queues[qid];

	if (q == NULL)
		return;
	e1000_tx_queue_drain(q);
	cdk_free(q->sw_ring);
	cdk_free(q);
	dev->tx_queues[qid] = NULL;
}

static int e1000_txq_setup(struct cdk_eth_dev *dev, uint16_t qid,
			   uint16_t nb_desc, unsigned socket,
			   const struct cdk_eth_txconf *conf)
{
	uint16_t rs, fr;
	struct e1000_tx_queue *q;

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
	q->deferred_start = conf->tx_deferred_start;
	dev->tx_queues[qid] = q;
	return 0;
}

static int e1000_caps_grant(struct cdk_eth_dev *dev, enum cdk_queue_dir dir,
			    uint16_t qid, const struct cdk_queue_caps *sealed)
{
	struct e1000_rx_queue *rq = dir == CDK_RXQ ? dev->rx_queues[qid] : NULL;
	struct e1000_tx_queue *tq = dir == CDK_TXQ ? dev->tx_queues[qid] : NULL;
	const struct gbe_queue_slots to = rq ? GBE_RXQ_SLOTS(rq) : GBE_TXQ_SLOTS(tq);

	return gbe_caps_grant(dev, dir, qid, sealed,
			      (uint64_t)(rq ? rq->nb_desc : tq->nb_desc) * E1000_DESC_SIZE, &to);
}

/* ---- start / stop ---- */

/* The frame the MTU makes, FCS included. */
static uint32_t frame_of(uint16_t mtu)
{
	return (uint32_t)mtu + CDK_ETHER_HDR_LEN + CDK_ETHER_CRC_LEN;
}

static uint32_t rctl_of(struct cdk_eth_dev *dev, uint32_t buf_len, uint16_t mtu)
{
	return gbe_rctl_of(dev, frame_of(mtu)) | rctl_bsize(buf_len);
}

/* Every rx queue shares RCTL.BSIZE: the smallest pool decides. */
static uint32_t rx_buf_len(struct cdk_eth_dev *dev)
{
	uint32_t len = 16384;

	for (uint16_t i = 0; i < dev->nb_rx_queues; i++) {
		struct e1000_rx_queue *q = dev->rx_queues[i];

		len = CDK_MIN(len, bsize_for(cdk_pktmbuf_data_room_size(q->mp) -
					     CDK_PKTMBUF_HEADROOM));
	}
	return len;
}

/*
 * Neither the 8254x nor the 82574L can enable or disable one queue (their
 * RXDCTL/TXDCTL hold thresholds only, SDM 13.4.29 and 13.4.42, 82574 DS
 * 10.2.5.9): RCTL.EN and TCTL.EN (SDM 13.4.22, 13.4.33) gate the whole
 * receiver and transmitter. With the one queue this driver offers per
 * direction, starting or stopping that queue is exactly that.
 */
static int e1000_rxq_start(struct cdk_eth_dev *dev, uint16_t i)
{
	struct e1000_adapter *ad = e1000_adapter(dev);
	struct e1000_rx_queue *q = dev->rx_queues[i];
	int rc;

	e1000_rx_queue_reset(q);
	rc = e1000_rx_ring_fill(q);
	if (rc == 0)
		rc = gbe_ring_program(ad->ctrl, &q->ring, q->nb_desc, E1000_RDBAL(i));
	if (rc < 0) {
		GBE_LOG(ERR, dev, "rx queue %u: %s", i, rc == -ENOMEM
			    ? "not enough mbufs to fill the ring"
			    : "ring capability refused");
		e1000_rx_queue_drain(q);
		return rc;
	}
	gbe_write(ad->ctrl, E1000_RCTL, rctl_of(dev, q->buf_len, dev->mtu));
	/* SDM 14.4: the tail goes last, after RCTL.EN; one slot held back. */
	cdk_cap_write32(&q->doorbell, 0, q->rdt);
	return 0;
}

static int e1000_txq_start(struct cdk_eth_dev *dev, uint16_t i)
{
	struct e1000_adapter *ad = e1000_adapter(dev);
	struct e1000_tx_queue *q = dev->tx_queues[i];
	int rc;

	e1000_tx_queue_reset(q);
	/* SDM 14.5 */
	rc = gbe_ring_program(ad->ctrl, &q->ring, q->nb_desc, E1000_TDBAL(i));
	if (rc < 0)
		return rc;
	gbe_write(ad->ctrl, E1000_TIPG, E1000_TIPG_IPGT_COPPER |
					    E1000_TIPG_IPGR1 << E1000_TIPG_IPGR1_SHIFT |
					    E1000_TIPG_IPGR2 << E1000_TIPG_IPGR2_SHIFT);
	gbe_write(ad->ctrl, E1000_TCTL, E1000_TCTL_EN | E1000_TCTL_PSP |
					    E1000_TCTL_CT_DEFAULT << E1000_TCTL_CT_SHIFT |
					    E1000_TCTL_COLD_FD << E1000_TCTL_COLD_SHIFT);
	return 0;
}

/* Clearing EN lets the frame in progress complete (SDM 13.4.22, 13.4.33):
 * its DMA is over once the head register stops moving. */
static void head_settle(const struct e1000_adapter *ad, uint32_t head)
{
	uint32_t was = gbe_read(ad->ctrl, head);

	for (int i = 0; i < E1000_QUIESCE_POLL_MAX; i++) {
		uint32_t now;

		cdk_delay_us(E1000_QUIESCE_POLL_US);
		now = gbe_read(ad->ctrl, head);
		if (now == was)
			return;
		was = now;
	}
}

static int e1000_rxq_stop(struct cdk_eth_dev *dev, uint16_t i)
{
	struct e1000_adapter *ad = e1000_adapter(dev);

	gbe_set_bits(ad->ctrl, E1000_RCTL, E1000_RCTL_EN, 0);
	head_settle(ad, E1000_RDH(i));
	e1000_rx_queue_drain(dev->rx_queues[i]);
	return 0;
}

static int e1000_txq_stop(struct cdk_eth_dev *dev, uint16_t i)
{
	struct e1000_adapter *ad = e1000_adapter(dev);

	gbe_set_bits(ad->ctrl, E1000_TCTL, E1000_TCTL_EN, 0);
	head_settle(ad, E1000_TDH(i));
	e1000_tx_queue_drain(dev->tx_queues[i]);
	return 0;
}

/* Every queue but the deferred ones (started on their own later). */
static int queues_start(struct cdk_eth_dev *dev, struct e1000_adapter *ad)
{
	uint32_t buf_len = rx_buf_len(dev);
	int rc = 0;

	for (uint16_t i = 0; i < dev->nb_tx_queues && rc == 0; i++)
		if (!((struct e1000_tx_queue *)dev->tx_queues[i])->deferred_start)
			rc = e1000_txq_start(dev, i);
	for (uint16_t i = 0; i < dev->nb_rx_queues && rc == 0; i++) {
		struct e1000_rx_queue *q = dev->rx_queues[i];

		q->buf_len = buf_len;
		q->max_segs = (uint16_t)(ad->max_frame / buf_len + 1);
		if (!q->deferred_start)
			rc = e1000_rxq_start(dev, i);
	}
	return rc;
}

static int e1000_link_update(struct cdk_eth_dev *dev, int wait);

static int e1000_start(struct cdk_eth_dev *dev)
{
	struct e1000_adapter *ad = e1000_adapter(dev);
	int rc = hw_reset(ad);

	if (rc < 0) {
		GBE_LOG(ERR, dev, "device reset did not complete");
		return rc;
	}
	hw_init(ad);
	rc = queues_start(dev, ad);
	if (rc < 0) {
		hw_reset(ad);
		for (uint16_t i = 0; i < dev->nb_rx_queues; i++)
			e1000_rx_queue_drain(dev->rx_queues[i]);
		return rc;
	}
	e1000_link_update(dev, 0);
	return 0;
}

static int e1000_stop(struct cdk_eth_dev *dev)
{
	struct e1000_adapter *ad = e1000_adapter(dev);
	int rc;

	/* Reset halts every DMA before the buffers go back to their pools. */
	rc = hw_reset(ad);
	for (uint16_t i = 0; i < dev->nb_rx_queues; i++)
		if (dev->rx_queues[i])
			e1000_rx_queue_drain(dev->rx_queues[i]);
	for (uint16_t i = 0; i < dev->nb_tx_queues; i++)
		if (dev->tx_queues[i])
			e1000_tx_queue_drain(dev->tx_queues[i]);
	dev->link = (struct cdk_eth_link){ 0 };
	return rc;
}

static int e1000_close(struct cdk_eth_dev *dev)
{
	return hw_reset(e1000_adapter(dev));
}

/* ---- link, modes, address, MTU ---- */

static int e1000_link_update(struct cdk_eth_dev *dev, int wait)
{
	return gbe_link_update(dev, wait ? LINK_WAIT_POLLS : 0);
}

static int e1000_mac_set(struct cdk_eth_dev *dev, struct cdk_ether_addr *a)
{
	struct e1000_adapter *ad = e1000_adapter(dev);

	ad->mac = *a;
	gbe_mac_write(ad->ctrl, a);
	return 0;
}

/* Jumbo frames arrive over chained buffers; LPE lets them in. */
static int e1000_mtu_set(struct cdk_eth_dev *dev, uint16_t mtu)
{
	struct e1000_adapter *ad = e1000_adapter(dev);

	if (frame_of(mtu) > ad->max_frame)
		return -EINVAL;
	gbe_lpe_set(ad->ctrl, frame_of(mtu));
	return 0;
}

static const struct cdk_eth_dev_ops e1000_ops = {
	.dev_configure = e1000_configure,
	.dev_infos_get = e1000_infos_get,
	.dev_start = e1000_start,
	.dev_stop = e1000_stop,
	.dev_close = e1000_close,
	.rx_queue_setup = e1000_rxq_setup,
	.tx_queue_setup = e1000_txq_setup,
	.rx_queue_release = e1000_rxq_release,
	.tx_queue_release = e1000_txq_release,
	.queue_caps_grant = e1000_caps_grant,
	.rx_queue_start = e1000_rxq_start,
	.rx_queue_stop = e1000_rxq_stop,
	.tx_queue_start = e1000_txq_start,
	.tx_queue_stop = e1000_txq_stop,
	.link_update = e1000_link_update,
	.stats_get = e1000_stats_get,
	.stats_reset = e1000_stats_reset,
	.xstats_get_names = e1000_xstats_get_names,
	.xstats_get = e1000_xstats_get,
	.xstats_reset = e1000_xstats_reset,
	.promiscuous_enable = gbe_promiscuous_enable,
	.promiscuous_disable = gbe_promiscuous_disable,
	.allmulticast_enable = gbe_allmulticast_enable,
	.allmulticast_disable = gbe_allmulticast_disable,
	.mac_addr_set = e1000_mac_set,
	.mtu_set = e1000_mtu_set,
};

/* ---- probe / remove ---- */

static int is_82574(uint16_t device_id)
{
	return device_id == E1000_DEV_ID_82574L || device_id == E1000_DEV_ID_82574LA;
}

static int adapter_init(struct cdk_eth_dev *dev, struct cdk_device *d)
{
	struct e1000_adapter *ad = e1000_adapter(dev);
	int rc;

	ad->ctrl = &d->ctrl;
	ad->mac_type = is_82574(d->pci_id.device_id) ? E1000_MAC_82574
						       : E1000_MAC_8254X;
	ad->max_frame = ad->mac_type == E1000_MAC_82574 ? E1000_MAX_FRAME_82574
							: E1000_MAX_FRAME_8254X;
	rc = hw_reset(ad);
	if (rc < 0) {
		GBE_LOG(ERR, dev, "device reset did not complete");
		return rc;
	}
	memset(&ad->hw, 0, sizeof(ad->hw)); /* counts start at probe */
	rc = gbe_mac_read(ad->ctrl, ad->mac_type == E1000_MAC_82574 ? &eerd_82574
								   : &eerd_8254x,
			  &ad->mac);
	if (rc < 0) {
		GBE_LOG(ERR, dev, "reading the MAC address from the EEPROM timed out");
		return rc;
	}
	if (!cdk_is_valid_assigned_ether_addr(&ad->mac)) {
		cdk_eth_random_addr(ad->mac.addr_bytes);
		GBE_LOG(WARNING, dev, "no valid MAC address in the EEPROM: using "
		    CDK_ETHER_ADDR_PRT_FMT, CDK_ETHER_ADDR_BYTES(&ad->mac));
	}
	hw_init(ad);
	return 0;
}

static int e1000_probe(struct cdk_device *d)
{
	struct cdk_eth_dev *dev;
	int rc;

	dev = cdk_eth_dev_allocate(d->name, d, &e1000_driver,
				   sizeof(struct e1000_adapter));
	if (dev == NULL)
		return -ENOSPC;
	rc = adapter_init(dev, d);
	if (rc < 0) {
		cdk_eth_dev_release_port(dev);
		return rc;
	}
	dev->dev_ops = &e1000_ops;
	dev->rx_pkt_burst = e1000_recv_pkts;
	dev->tx_pkt_burst = e1000_xmit_pkts;
	dev->mac_addr = e1000_adapter(dev)->mac;
	cdk_eth_dev_probing_finish(dev);
	cdk_log(CDK_LOG_INFO, CDK_LOGTYPE_PMD, "%s: %s %04x:%04x, MAC "
		CDK_ETHER_ADDR_PRT_FMT, d->name, E1000_DRIVER_NAME,
		d->pci_id.vendor_id, d->pci_id.device_id,
		CDK_ETHER_ADDR_BYTES(&dev->mac_addr));
	return 0;
}

/* ---- registration ---- */

/* What the data path may touch per queue q: the tail to write and the
 * head to read, 4 bytes each at 0x100 * q (SDM 13.4.26-13.4.44). */
static const struct cdk_pmd_manifest e1000_manifest = {
	.bar_len = E1000_BAR0_LEN,
	.rx_doorbell = { "RDT", 0x2818, E1000_QUEUE_STRIDE, 4, CDK_CAP_PERM_STORE },
	.rx_head = { "RDH", 0x2810, E1000_QUEUE_STRIDE, 4, CDK_CAP_PERM_LOAD },
	.tx_doorbell = { "TDT", 0x3818, E1000_QUEUE_STRIDE, 4, CDK_CAP_PERM_STORE },
	.tx_head = { "TDH", 0x3810, E1000_QUEUE_STRIDE, 4, CDK_CAP_PERM_LOAD },
	.rx_desc_size = E1000_DESC_SIZE,
	.tx_desc_size = E1000_DESC_SIZE,
	.ring_align = E1000_RING_ALIGN,
	.ring_len_align = E1000_RING_LEN_ALIGN,
};
_Static_assert(0x2818 == E1000_RDT(0) && 0x2810 == E1000_RDH(0) &&
		       0x3818 == E1000_TDT(0) && 0x3810 == E1000_TDH(0),
	       "the manifest names the queue registers of e1000_regs.h");

static const struct cdk_pci_id e1000_pci_ids[] = {
	{ CDK_PCI_VENDOR_INTEL, E1000_DEV_ID_82540EM },
	{ CDK_PCI_VENDOR_INTEL, E1000_DEV_ID_82540EM_LOM },
	{ CDK_PCI_VENDOR_INTEL, E1000_DEV_ID_82540EP },
	{ CDK_PCI_VENDOR_INTEL, E1000_DEV_ID_82540EP_LOM },
	{ CDK_PCI_VENDOR_INTEL, E1000_DEV_ID_82540EP_LP },
	{ CDK_PCI_VENDOR_INTEL, E1000_DEV_ID_82541EI },
	{ CDK_PCI_VENDOR_INTEL, E1000_DEV_ID_82541GI },
	{ CDK_PCI_VENDOR_INTEL, E1000_DEV_ID_82545EM_COPPER },
	{ CDK_PCI_VENDOR_INTEL, E1000_DEV_ID_82545EM_FIBER },
	{ CDK_PCI_VENDOR_INTEL, E1000_DEV_ID_82545GM_COPPER },
	{ CDK_PCI_VENDOR_INTEL, E1000_DEV_ID_82546EB_COPPER },
	{ CDK_PCI_VENDOR_INTEL, E1000_DEV_ID_82547EI },
	{ CDK_PCI_VENDOR_INTEL, E1000_DEV_ID_82547GI },
	{ CDK_PCI_VENDOR_INTEL, E1000_DEV_ID_82574L },
	{ CDK_PCI_VENDOR_INTEL, E1000_DEV_ID_82574LA },
	{ 0, 0 },
};

static struct cdk_pmd_driver e1000_driver = {
	.name = E1000_DRIVER_NAME,
	.kind = CDK_DEV_PCI,
	.id_table = e1000_pci_ids,
	.manifest = &e1000_manifest,
	.probe = e1000_probe,
	.remove = gbe_remove,
};

CDK_PMD_REGISTER(e1000_driver)
