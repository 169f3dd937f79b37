/*
 * net_e1000_em control path: the port's private state, shared by the
 * control operations (e1000_ethdev.c) and the statistics (e1000_stats.c).
 * Everything here reaches the NIC through the device's control slice only.
 */
#ifndef PMD_E1000_ETHDEV_H
#define PMD_E1000_ETHDEV_H

#include "cdk_log.h"
#include "cdk_pmd.h"
#include "pmd/e1000/e1000_queue.h"
#include "pmd/e1000/e1000_regs.h"
#include "pmd/intel_gbe/gbe_hw.h"
#include "pmd/intel_gbe/gbe_stats.h"

#define E1000_DRIVER_NAME "net_e1000_em"

enum e1000_mac_type {
	E1000_MAC_8254X, /* SDM */
	E1000_MAC_82574, /* 82574 DS: other EERD layout, RFCTL.EXTEN */
};

struct e1000_adapter {
	const cdk_cap_t *ctrl; /* the device's control slice */
	enum e1000_mac_type mac_type;
	uint32_t max_frame;    /* largest frame with LPE, FCS included */
	struct cdk_ether_addr mac;
	struct gbe_hw_stats hw; /* clear-on-read counters, accumulated */
};

static inline struct e1000_adapter *e1000_adapter(struct cdk_eth_dev *dev)
{
	return dev->dev_private;
}

/* Statistics (e1000_stats.c). */
void e1000_hw_stats_update(struct e1000_adapter *ad);
int e1000_stats_get(struct cdk_eth_dev *dev, struct cdk_eth_stats *st);
int e1000_stats_reset(struct cdk_eth_dev *dev);
int e1000_xstats_get_names(struct cdk_eth_dev *dev,
			   struct cdk_eth_xstat_name *names, unsigned n);
int e1000_xstats_get(struct cdk_eth_dev *dev, struct cdk_eth_xstat *xs,
		     unsigned n);
int e1000_xstats_reset(struct cdk_eth_dev *dev);

#endif
