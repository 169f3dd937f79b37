/*
 * net_e1000_igb control path: the port's private state, shared by the
 * control operations (igb_ethdev.c), RSS (igb_rss.c), the packet types
 * (igb_ptypes.c) and the statistics (igb_stats.c). Everything here reaches the NIC through the device's
 * control slice only.
 */
#ifndef PMD_IGB_ETHDEV_H
#define PMD_IGB_ETHDEV_H

#include "cdk_log.h"
#include "cdk_pmd.h"
#include "pmd/igb/igb_queue.h"
#include "pmd/igb/igb_regs.h"
#include "pmd/intel_gbe/gbe_hw.h"
#include "pmd/intel_gbe/gbe_stats.h"

#define IGB_DRIVER_NAME "net_e1000_igb"
#define IGB_MAX_QUEUES 8 /* per direction, whatever the family has more */

#define IGB_RSS_OFFLOAD_ALL (CDK_ETH_RSS_IPV4 | CDK_ETH_RSS_NONFRAG_IPV4_TCP | \
			     CDK_ETH_RSS_NONFRAG_IPV4_UDP)

/* Hardware counters, accumulated across their clear-on-read registers. */
struct igb_hw_stats {
	struct gbe_hw_stats gbe;        /* the family's block */
	uint64_t rqdpc[IGB_MAX_QUEUES]; /* per-queue drops (82576 DS 8.10.12) */
};

struct igb_adapter {
	const cdk_cap_t *ctrl; /* the device's control slice */
	const struct igb_family *fam;
	struct cdk_ether_addr mac;
	/* RSS as the application set it; written again after every reset */
	uint64_t rss_hf;
	uint8_t rss_key[IGB_RSS_KEY_LEN];
	uint8_t reta[IGB_RETA_SIZE];
	struct igb_hw_stats hw;
	/* packet types: the layers reported, and their table (igb_ptypes.c) */
	uint32_t ptype_mask;
	uint32_t ptypes[IGB_PTYPES];
};

static inline struct igb_adapter *igb_adapter(struct cdk_eth_dev *dev)
{
	return dev->dev_private;
}

/* RSS (igb_rss.c). */
void igb_rss_defaults(struct igb_adapter *ad, const struct cdk_eth_conf *conf,
		      uint16_t nb_rxq);
void igb_rss_program(struct cdk_eth_dev *dev);
int igb_rss_hash_update(struct cdk_eth_dev *dev, struct cdk_eth_rss_conf *c);
int igb_rss_hash_conf_get(struct cdk_eth_dev *dev, struct cdk_eth_rss_conf *c);
int igb_reta_update(struct cdk_eth_dev *dev,
		    struct cdk_eth_rss_reta_entry64 *reta, uint16_t size);
int igb_reta_query(struct cdk_eth_dev *dev,
		   struct cdk_eth_rss_reta_entry64 *reta, uint16_t size);

/* Packet types (igb_ptypes.c). */
void igb_ptypes_init(struct igb_adapter *ad);
void igb_rxq_ptypes_attach(struct igb_adapter *ad, struct igb_rx_queue *q);
const uint32_t *igb_supported_ptypes_get(struct cdk_eth_dev *dev);
int igb_ptypes_set(struct cdk_eth_dev *dev, uint32_t mask);

/* Statistics (igb_stats.c). */
void igb_hw_stats_update(struct igb_adapter *ad);
int igb_stats_get(struct cdk_eth_dev *dev, struct cdk_eth_stats *st);
int igb_stats_reset(struct cdk_eth_dev *dev);
int igb_xstats_get_names(struct cdk_eth_dev *dev,
			 struct cdk_eth_xstat_name *names, unsigned n);
int igb_xstats_get(struct cdk_eth_dev *dev, struct cdk_eth_xstat *xs,
		   unsigned n);
int igb_xstats_reset(struct cdk_eth_dev *dev);

#endif
