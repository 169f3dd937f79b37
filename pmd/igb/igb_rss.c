/*
 * net_e1000_igb receive-side scaling (82576 DS 7.1.2.8; the same on the
 * I350 and I210): the Toeplitz key in RSSRK, the 128-entry redirection
 * table in RETA, the hashed fields and the enable in MRQC. The driver
 * keeps what the application set and writes it again after every reset.
 */
#include <errno.h>
#include <string.h>

#include "pmd/igb/igb_ethdev.h"

/* The key of Microsoft's RSS specification, DPDK's igb default. */
static const uint8_t default_key[IGB_RSS_KEY_LEN] = {
	0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2, 0x41, 0x67,
	0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0, 0xd0, 0xca, 0x2b, 0xcb,
	0xae, 0x7b, 0x30, 0xb4, 0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30,
	0xf2, 0x0c, 0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa,
};

void igb_rss_defaults(struct igb_adapter *ad, const struct cdk_eth_conf *conf,
		      uint16_t nb_rxq)
{
	const struct cdk_eth_rss_conf *rc = &conf->rx_adv_conf.rss_conf;
	int rss = conf->rxmode.mq_mode == CDK_ETH_MQ_RX_RSS;

	if (rss && rc->rss_key != NULL && rc->rss_key_len == IGB_RSS_KEY_LEN)
		memcpy(ad->rss_key, rc->rss_key, IGB_RSS_KEY_LEN);
	else
		memcpy(ad->rss_key, default_key, IGB_RSS_KEY_LEN);
	ad->rss_hf = rss ? rc->rss_hf & IGB_RSS_OFFLOAD_ALL : 0;
	for (unsigned i = 0; i < IGB_RETA_SIZE; i++)
		ad->reta[i] = (uint8_t)(nb_rxq ? i % nb_rxq : 0);
}

static void write_key(const struct igb_adapter *ad)
{
	/* 82576 DS 8.10.15: key byte 4i in bits 7:0 of RSSRK(i). */
	for (unsigned i = 0; i < IGB_RSS_KEY_LEN / 4; i++) {
		const uint8_t *k = ad->rss_key + 4 * i;

		gbe_write(ad->ctrl, IGB_RSSRK(i), (uint32_t)k[0] | (uint32_t)k[1] << 8 |
						    (uint32_t)k[2] << 16 |
						    (uint32_t)k[3] << 24);
	}
}

static void write_reta(const struct igb_adapter *ad)
{
	/* 82576 DS 8.10.14: entry 4i in bits 7:0 of RETA(i); without VMDq
	 * the queue index sits in the low bits (the 82575 differs: 7:6). */
	for (unsigned i = 0; i < IGB_RETA_SIZE / 4; i++) {
		const uint8_t *e = ad->reta + 4 * i;

		gbe_write(ad->ctrl, IGB_RETA(i), (uint32_t)e[0] | (uint32_t)e[1] << 8 |
						   (uint32_t)e[2] << 16 |
						   (uint32_t)e[3] << 24);
	}
}

static uint32_t mrqc_of(uint64_t hf)
{
	if (!(hf & IGB_RSS_OFFLOAD_ALL))
		return 0; /* RSS off: everything to queue 0 */
	return IGB_MRQC_RSS | (hf & CDK_ETH_RSS_IPV4 ? IGB_MRQC_IPV4 : 0) |
	       (hf & CDK_ETH_RSS_NONFRAG_IPV4_TCP ? IGB_MRQC_TCPIPV4 : 0) |
	       (hf & CDK_ETH_RSS_NONFRAG_IPV4_UDP ? IGB_MRQC_UDPIPV4 : 0);
}

/* The rx queues report the hash only while the device computes one. */
static void mark_queues(struct cdk_eth_dev *dev, uint64_t hf)
{
	for (uint16_t i = 0; i < dev->nb_rx_queues; i++) {
		struct igb_rx_queue *q = dev->rx_queues[i];

		if (q != NULL)
			q->ol_flags = hf ? CDK_MBUF_F_RX_RSS_HASH : 0;
	}
}

void igb_rss_program(struct cdk_eth_dev *dev)
{
	struct igb_adapter *ad = igb_adapter(dev);

	write_key(ad);
	write_reta(ad);
	gbe_write(ad->ctrl, IGB_MRQC, mrqc_of(ad->rss_hf));
	mark_queues(dev, ad->rss_hf);
}

int igb_rss_hash_update(struct cdk_eth_dev *dev, struct cdk_eth_rss_conf *c)
{
	struct igb_adapter *ad = igb_adapter(dev);

	if ((c->rss_key != NULL && c->rss_key_len != IGB_RSS_KEY_LEN) ||
	    (c->rss_hf & ~(uint64_t)IGB_RSS_OFFLOAD_ALL))
		return -EINVAL;
	/* As DPDK's igb: RSS is switched on by configure, not here. */
	if (dev->conf.rxmode.mq_mode != CDK_ETH_MQ_RX_RSS && c->rss_hf)
		return -EINVAL;
	if (c->rss_key != NULL)
		memcpy(ad->rss_key, c->rss_key, IGB_RSS_KEY_LEN);
	ad->rss_hf = c->rss_hf;
	igb_rss_program(dev);
	return 0;
}

int igb_rss_hash_conf_get(struct cdk_eth_dev *dev, struct cdk_eth_rss_conf *c)
{
	struct igb_adapter *ad = igb_adapter(dev);

	if (c->rss_key != NULL) {
		if (c->rss_key_len < IGB_RSS_KEY_LEN)
			return -EINVAL;
		memcpy(c->rss_key, ad->rss_key, IGB_RSS_KEY_LEN);
	}
	c->rss_key_len = IGB_RSS_KEY_LEN;
	c->rss_hf = ad->rss_hf;
	return 0;
}

/* The ethdev layer checked the size (128) and the queue numbers. */
int igb_reta_update(struct cdk_eth_dev *dev,
		    struct cdk_eth_rss_reta_entry64 *reta, uint16_t size)
{
	struct igb_adapter *ad = igb_adapter(dev);

	for (unsigned i = 0; i < IGB_RETA_SIZE; i++) {
		const struct cdk_eth_rss_reta_entry64 *g =
			&reta[i / CDK_ETH_RETA_GROUP_SIZE];
		unsigned k = i % CDK_ETH_RETA_GROUP_SIZE;

		if (g->mask >> k & 1)
			ad->reta[i] = (uint8_t)g->reta[k];
	}
	write_reta(ad);
	return 0;
}

int igb_reta_query(struct cdk_eth_dev *dev,
		   struct cdk_eth_rss_reta_entry64 *reta, uint16_t size)
{
	struct igb_adapter *ad = igb_adapter(dev);

	for (unsigned i = 0; i < IGB_RETA_SIZE; i++) {
		struct cdk_eth_rss_reta_entry64 *g = &reta[i / CDK_ETH_RETA_GROUP_SIZE];
		unsigned k = i % CDK_ETH_RETA_GROUP_SIZE;

		if (g->mask >> k & 1)
			g->reta[k] = ad->reta[i];
	}
	return 0;
}
