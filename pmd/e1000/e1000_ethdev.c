/*
 * net_e1000_em control path: probe, queues, start/stop, link, filters,
 * MAC and MTU for the 8254x family and the 82574L. It reaches the NIC only
 * through the device's control slice (dev->device->ctrl); the queues'
 * registers and rings come from the capabilities the ethdev layer grants.
 */
#include <errno.h>
#include <string.h>

#include "cdk_cycles.h"
#include "pmd/e1000/e1000_ethdev.h"

#define RX_FREE_THRESH_DEFAULT 32 /* DPDK's em defaults */
#define TX_RS_THRESH_DEFAULT 32
#define TX_FREE_THRESH_DEFAULT 32
#define LINK_WAIT_POLLS 100 /* x 5 ms */

#define LOG(lvl, dev, fmt, ...)                                          \
	cdk_log(CDK_LOG_##lvl, CDK_LOGTYPE_PMD, "%s: " fmt, (dev)->name,  \
		##__VA_ARGS__)

static struct cdk_pmd_driver e1000_driver;

/* ---- hardware helpers ---- */

/* SDM 14.5: mask every interrupt, stop rx/tx, reset; the device clears
 * RST when done. Statistics registers are cleared: read them first. */
static int hw_reset(struct e1000_adapter *ad)
{
	e1000_write(ad, E1000_IMC, E1000_IMC_ALL);
	e1000_write(ad, E1000_RCTL, 0);
	e1000_write(ad, E1000_TCTL, 0);
	e1000_hw_stats_update(ad);
	e1000_write(ad, E1000_CTRL, e1000_read(ad, E1000_CTRL) | E1000_CTRL_RST);
	for (int i = 0; i < E1000_RESET_POLL_MAX; i++) {
		cdk_delay_us(E1000_RESET_POLL_US);
		if (!(e1000_read(ad, E1000_CTRL) & E1000_CTRL_RST)) {
			e1000_write(ad, E1000_IMC, E1000_IMC_ALL);
			(void)e1000_read(ad, E1000_ICR); /* clear pending causes */
			return 0;
		}
	}
	return -ETIMEDOUT;
}

/* One EEPROM word through EERD (SDM 13.4.4; 82574 DS 10.2.2.5). */
static int eeprom_read(const struct e1000_adapter *ad, uint16_t word,
		       uint16_t *data)
{
	int is_82574 = ad->mac_type == E1000_MAC_82574;
	uint32_t done = is_82574 ? E1000_EERD_DONE_82574 : E1000_EERD_DONE_8254X;
	unsigned shift = is_82574 ? E1000_EERD_ADDR_SHIFT_82574
				  : E1000_EERD_ADDR_SHIFT_8254X;

	e1000_write(ad, E1000_EERD, (uint32_t)word << shift | E1000_EERD_START);
	for (int i = 0; i < E1000_EERD_POLL_MAX; i++) {
		uint32_t v = e1000_read(ad, E1000_EERD);

		if (v & done) {
			*data = (uint16_t)(v >> E1000_EERD_DATA_SHIFT);
			return 0;
		}
		cdk_delay_us(5);
	}
	return -ETIMEDOUT;
}

/* The permanent address: RAL0/RAH0 as loaded from the EEPROM at reset
 * (SDM 13.4.49), else the EEPROM itself (words 0-2, SDM 5.6.1). */
static int read_mac(const struct e1000_adapter *ad, struct cdk_ether_addr *a)
{
	uint32_t lo = e1000_read(ad, E1000_RAL(0)), hi = e1000_read(ad, E1000_RAH(0));

	if (hi & E1000_RAH_AV) {
		for (int i = 0; i < 4; i++)
			a->addr_bytes[i] = (uint8_t)(lo >> (8 * i));
		a->addr_bytes[4] = (uint8_t)hi;
		a->addr_bytes[5] = (uint8_t)(hi >> 8);
		return 0;
	}
	for (uint16_t w = 0; w < 3; w++) {
		uint16_t v;
		int rc = eeprom_read(ad, E1000_EEPROM_MAC_WORD + w, &v);

		if (rc < 0)
			return rc;
		a->addr_bytes[2 * w] = (uint8_t)v;
		a->addr_bytes[2 * w + 1] = (uint8_t)(v >> 8);
	}
	return 0;
}

static void write_mac(const struct e1000_adapter *ad,
		      const struct cdk_ether_addr *a)
{
	const uint8_t *b = a->addr_bytes;

	e1000_write(ad, E1000_RAL(0), (uint32_t)b[0] | (uint32_t)b[1] << 8 |
					      (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24);
	e1000_write(ad, E1000_RAH(0), (uint32_t)b[4] | (uint32_t)b[5] << 8 |
					      E1000_RAH_AV);
}

/* Only our address, broadcast and what the modes allow get through. */
static void clear_filters(const struct e1000_adapter *ad)
{
	for (unsigned i = 0; i < E1000_MTA_WORDS; i++)
		e1000_write(ad, E1000_MTA(i), 0);
	for (unsigned i = 1; i < E1000_RA_ENTRIES; i++) {
		e1000_write(ad, E1000_RAL(i), 0);
		e1000_write(ad, E1000_RAH(i), 0);
	}
}

/* SDM 14.3: with internal PHY, set link up and let the MAC take speed and
 * duplex from the PHY. */
static void link_setup(const struct e1000_adapter *ad)
{
	uint32_t ctrl = e1000_read(ad, E1000_CTRL);

	ctrl |= E1000_CTRL_SLU | E1000_CTRL_ASDE;
	ctrl &= ~(E1000_CTRL_ILOS | E1000_CTRL_PHY_RST);
	e1000_write(ad, E1000_CTRL, ctrl);
}

/* Device setup after every reset: address, filters, link, formats. */
static void hw_init(struct e1000_adapter *ad)
{
	write_mac(ad, &ad->mac);
	clear_filters(ad);
	link_setup(ad);
	if (ad->mac_type == E1000_MAC_82574)
		e1000_set_bits(ad, E1000_RFCTL, E1000_RFCTL_EXTEN, 0);
	e1000_write(ad, E1000_RXCSUM, 0); /* no checksum offload claimed */
	e1000_write(ad, E1000_RDTR, 0);   /* we poll: no interrupt delays */
	e1000_write(ad, E1000_RADV, 0);
	e1000_write(ad, E1000_TIDV, 0);
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
	info->default_rxconf.rx_free_thresh = RX_FREE_THRESH_DEFAULT;
	info->default_txconf.tx_rs_thresh = TX_RS_THRESH_DEFAULT;
	info->default_txconf.tx_free_thresh = TX_FREE_THRESH_DEFAULT;
	return 0;
}

static int e1000_configure(struct cdk_eth_dev *dev)
{
	if (dev->conf.rxmode.mq_mode != CDK_ETH_MQ_RX_NONE) {
		LOG(ERR, dev, "multi-queue rx (RSS) is not supported");
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
	void *p = cdk_zmalloc_socket("e1000 queue", size, CDK_CACHE_LINE_SIZE,
				     (int)socket);

	return p ? p : cdk_zmalloc_socket("e1000 queue", size,
					  CDK_CACHE_LINE_SIZE, CDK_SOCKET_ID_ANY);
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
					       : RX_FREE_THRESH_DEFAULT;
	struct e1000_rx_queue *q;

	if (bsize_for(room) == 0 || thresh >= nb_desc) {
		LOG(ERR, dev, "rx queue %u: mbufs of %u bytes (256 at least) and "
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
	uint16_t rs = conf->tx_rs_thresh ? conf->tx_rs_thresh : TX_RS_THRESH_DEFAULT;
	uint16_t fr = conf->tx_free_thresh ? conf->tx_free_thresh
					   : TX_FREE_THRESH_DEFAULT;
	struct e1000_tx_queue *q;

	/* A batch must fit in what is in flight when cleaning starts. */
	if (rs > fr || fr >= nb_desc - 3 || rs + fr >= nb_desc) {
		LOG(ERR, dev, "tx queue %u: need tx_rs_thresh (%u) <= tx_free_thresh "
		    "(%u), their sum below %u descriptors", qid, rs, fr, nb_desc);
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
	q->nb_desc = nb_desc;
	q->rs_thresh = rs;
	q->free_thresh = fr;
	q->queue_id = qid;
	dev->tx_queues[qid] = q;
	return 0;
}

/* Is what was granted what this queue needs? */
static int caps_fit(const struct cdk_queue_caps *c, uint16_t nb_desc, int rx)
{
	return c->ring.len >= (uint64_t)nb_desc * E1000_DESC_SIZE &&
	       c->doorbell.len == 4 && c->head.len == 4 &&
	       (rx ? c->n_pools >= 1 : 1);
}

static int e1000_caps_grant(struct cdk_eth_dev *dev, enum cdk_queue_dir dir,
			    uint16_t qid, const struct cdk_queue_caps *sealed)
{
	struct cdk_queue_caps c;
	int rc = cdk_eth_queue_caps_open(dev, sealed, &c);

	if (rc < 0)
		return rc;
	if (!caps_fit(&c, dir == CDK_RXQ ? ((struct e1000_rx_queue *)dev->rx_queues[qid])->nb_desc
					 : ((struct e1000_tx_queue *)dev->tx_queues[qid])->nb_desc,
		      dir == CDK_RXQ)) {
		LOG(ERR, dev, "%s queue %u: the capabilities granted do not fit",
		    dir == CDK_RXQ ? "rx" : "tx", qid);
		return -EINVAL;
	}
	if (dir == CDK_RXQ) {
		struct e1000_rx_queue *q = dev->rx_queues[qid];

		q->ring = c.ring;
		q->doorbell = c.doorbell;
		q->head = c.head;
		q->pool = c.pools[0];
	} else {
		struct e1000_tx_queue *q = dev->tx_queues[qid];

		q->ring = c.ring;
		q->doorbell = c.doorbell;
		q->head = c.head;
		q->n_pools = c.n_pools;
		memcpy(q->pools, c.pools, sizeof(q->pools));
	}
	return 0;
}

/* ---- start / stop ---- */

/* Program a ring's base and length from its capability (SDM 14.4, 14.5). */
static int ring_program(struct e1000_adapter *ad, const cdk_cap_t *ring,
			uint16_t nb_desc, uint32_t bal, uint32_t bah,
			uint32_t len, uint32_t head, uint32_t tail)
{
	uint32_t bytes = (uint32_t)nb_desc * E1000_DESC_SIZE;
	uint64_t iova;
	int rc = cdk_cap_iova(ring, 0, bytes, &iova);

	if (rc < 0)
		return rc;
	e1000_write(ad, bal, (uint32_t)iova);
	e1000_write(ad, bah, (uint32_t)(iova >> 32));
	e1000_write(ad, len, bytes);
	e1000_write(ad, head, 0);
	e1000_write(ad, tail, 0);
	return 0;
}

static int rx_start(struct cdk_eth_dev *dev, struct e1000_adapter *ad,
		    uint32_t buf_len)
{
	for (uint16_t i = 0; i < dev->nb_rx_queues; i++) {
		struct e1000_rx_queue *q = dev->rx_queues[i];
		int rc;

		q->buf_len = buf_len;
		q->max_segs = (uint16_t)(ad->max_frame / buf_len + 1);
		e1000_rx_queue_reset(q);
		rc = e1000_rx_ring_fill(q);
		if (rc == 0)
			rc = ring_program(ad, &q->ring, q->nb_desc, E1000_RDBAL(i),
					  E1000_RDBAH(i), E1000_RDLEN(i), E1000_RDH(i),
					  E1000_RDT(i));
		if (rc < 0) {
			LOG(ERR, dev, "rx queue %u: %s", i, rc == -ENOMEM
				    ? "not enough mbufs to fill the ring"
				    : "ring capability refused");
			return rc;
		}
	}
	return 0;
}

static int tx_start(struct cdk_eth_dev *dev, struct e1000_adapter *ad)
{
	for (uint16_t i = 0; i < dev->nb_tx_queues; i++) {
		struct e1000_tx_queue *q = dev->tx_queues[i];
		int rc;

		e1000_tx_queue_reset(q);
		rc = ring_program(ad, &q->ring, q->nb_desc, E1000_TDBAL(i),
				  E1000_TDBAH(i), E1000_TDLEN(i), E1000_TDH(i),
				  E1000_TDT(i));
		if (rc < 0)
			return rc;
	}
	e1000_write(ad, E1000_TIPG, E1000_TIPG_IPGT_COPPER |
					    E1000_TIPG_IPGR1 << E1000_TIPG_IPGR1_SHIFT |
					    E1000_TIPG_IPGR2 << E1000_TIPG_IPGR2_SHIFT);
	e1000_write(ad, E1000_TCTL, E1000_TCTL_EN | E1000_TCTL_PSP |
					    E1000_TCTL_CT_DEFAULT << E1000_TCTL_CT_SHIFT |
					    E1000_TCTL_COLD_FD << E1000_TCTL_COLD_SHIFT);
	return 0;
}

static uint32_t rctl_of(struct cdk_eth_dev *dev, uint32_t buf_len, uint16_t mtu)
{
	uint32_t rctl = E1000_RCTL_EN | E1000_RCTL_BAM | E1000_RCTL_SECRC |
			E1000_RCTL_RDMTS_HALF | rctl_bsize(buf_len);

	if (mtu + CDK_ETHER_HDR_LEN + CDK_ETHER_CRC_LEN > CDK_ETHER_MAX_LEN)
		rctl |= E1000_RCTL_LPE;
	if (dev->promiscuous)
		rctl |= E1000_RCTL_UPE | E1000_RCTL_MPE;
	if (dev->all_multicast)
		rctl |= E1000_RCTL_MPE;
	return rctl;
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

static int e1000_link_update(struct cdk_eth_dev *dev, int wait);

static int e1000_start(struct cdk_eth_dev *dev)
{
	struct e1000_adapter *ad = e1000_adapter(dev);
	uint32_t buf_len = rx_buf_len(dev);
	int rc = hw_reset(ad);

	if (rc < 0) {
		LOG(ERR, dev, "device reset did not complete");
		return rc;
	}
	hw_init(ad);
	rc = tx_start(dev, ad);
	if (rc == 0)
		rc = rx_start(dev, ad, buf_len);
	if (rc < 0) {
		hw_reset(ad);
		for (uint16_t i = 0; i < dev->nb_rx_queues; i++)
			e1000_rx_queue_drain(dev->rx_queues[i]);
		return rc;
	}
	e1000_write(ad, E1000_RCTL, rctl_of(dev, buf_len, dev->mtu));
	/* SDM 14.4: the tail goes last, after RCTL.EN; one slot held back. */
	for (uint16_t i = 0; i < dev->nb_rx_queues; i++) {
		struct e1000_rx_queue *q = dev->rx_queues[i];

		cdk_cap_write32(&q->doorbell, 0, q->rdt);
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
	static const uint32_t speeds[4] = { CDK_ETH_SPEED_NUM_10M,
		CDK_ETH_SPEED_NUM_100M, CDK_ETH_SPEED_NUM_1G, CDK_ETH_SPEED_NUM_1G };
	struct e1000_adapter *ad = e1000_adapter(dev);
	struct cdk_eth_link old = dev->link, l = { 0 };
	uint32_t st = e1000_read(ad, E1000_STATUS);

	for (int i = 0; wait && !(st & E1000_STATUS_LU) && i < LINK_WAIT_POLLS; i++) {
		cdk_delay_ms(5);
		st = e1000_read(ad, E1000_STATUS);
	}
	if (st & E1000_STATUS_LU) {
		l.link_status = CDK_ETH_LINK_UP;
		l.link_speed = speeds[(st & E1000_STATUS_SPEED_MASK) >>
				      E1000_STATUS_SPEED_SHIFT];
		l.link_duplex = st & E1000_STATUS_FD ? CDK_ETH_LINK_FULL_DUPLEX
						     : CDK_ETH_LINK_HALF_DUPLEX;
		l.link_autoneg = CDK_ETH_LINK_AUTONEG;
	}
	cdk_eth_linkstatus_set(dev, &l);
	return memcmp(&old, &l, sizeof(l)) ? 0 : -1;
}

static int rctl_mode(struct cdk_eth_dev *dev, uint32_t bits, int on)
{
	e1000_set_bits(e1000_adapter(dev), E1000_RCTL, bits, on);
	return 0;
}

static int e1000_promisc_on(struct cdk_eth_dev *dev)
{
	return rctl_mode(dev, E1000_RCTL_UPE | E1000_RCTL_MPE, 1);
}

static int e1000_promisc_off(struct cdk_eth_dev *dev)
{
	rctl_mode(dev, E1000_RCTL_UPE, 0);
	return rctl_mode(dev, E1000_RCTL_MPE, dev->all_multicast);
}

static int e1000_allmulti_on(struct cdk_eth_dev *dev)
{
	return rctl_mode(dev, E1000_RCTL_MPE, 1);
}

static int e1000_allmulti_off(struct cdk_eth_dev *dev)
{
	return rctl_mode(dev, E1000_RCTL_MPE, dev->promiscuous);
}

static int e1000_mac_set(struct cdk_eth_dev *dev, struct cdk_ether_addr *a)
{
	struct e1000_adapter *ad = e1000_adapter(dev);

	ad->mac = *a;
	write_mac(ad, a);
	return 0;
}

/* Jumbo frames arrive over chained buffers; LPE lets them in. */
static int e1000_mtu_set(struct cdk_eth_dev *dev, uint16_t mtu)
{
	struct e1000_adapter *ad = e1000_adapter(dev);

	if ((uint32_t)mtu + CDK_ETHER_HDR_LEN + CDK_ETHER_CRC_LEN > ad->max_frame)
		return -EINVAL;
	e1000_set_bits(ad, E1000_RCTL, E1000_RCTL_LPE,
		       mtu + CDK_ETHER_HDR_LEN + CDK_ETHER_CRC_LEN > CDK_ETHER_MAX_LEN);
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
	.link_update = e1000_link_update,
	.stats_get = e1000_stats_get,
	.stats_reset = e1000_stats_reset,
	.xstats_get_names = e1000_xstats_get_names,
	.xstats_get = e1000_xstats_get,
	.xstats_reset = e1000_xstats_reset,
	.promiscuous_enable = e1000_promisc_on,
	.promiscuous_disable = e1000_promisc_off,
	.allmulticast_enable = e1000_allmulti_on,
	.allmulticast_disable = e1000_allmulti_off,
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
		LOG(ERR, dev, "device reset did not complete");
		return rc;
	}
	memset(&ad->hw, 0, sizeof(ad->hw)); /* counts start at probe */
	rc = read_mac(ad, &ad->mac);
	if (rc < 0) {
		LOG(ERR, dev, "reading the MAC address from the EEPROM timed out");
		return rc;
	}
	if (!cdk_is_valid_assigned_ether_addr(&ad->mac)) {
		cdk_eth_random_addr(ad->mac.addr_bytes);
		LOG(WARNING, dev, "no valid MAC address in the EEPROM: using "
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

static int e1000_remove(struct cdk_device *d)
{
	uint16_t port;

	if (cdk_eth_dev_get_port_by_name(d->name, &port) < 0)
		return 0;
	cdk_eth_dev_stop(port);
	return cdk_eth_dev_close(port);
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
	.remove = e1000_remove,
};

CDK_PMD_REGISTER(e1000_driver)
