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

#define E1000_DRIVER_NAME "net_e1000_em"

enum e1000_mac_type {
	E1000_MAC_8254X, /* SDM */
	E1000_MAC_82574, /* 82574 DS: other EERD layout, RFCTL.EXTEN */
};

/* Hardware counters, accumulated across their clear-on-read registers
 * (the table of names and registers is in e1000_stats.c). */
#define E1000_NB_HW_STATS 48
struct e1000_hw_stats {
	uint64_t v[E1000_NB_HW_STATS];
};

struct e1000_adapter {
	const cdk_cap_t *ctrl; /* the device's control slice */
	enum e1000_mac_type mac_type;
	uint32_t max_frame;    /* largest frame with LPE, FCS included */
	struct cdk_ether_addr mac;
	struct e1000_hw_stats hw;
};

static inline struct e1000_adapter *e1000_adapter(struct cdk_eth_dev *dev)
{
	return dev->dev_private;
}

/* Register access through the control slice. A fault was already counted
 * and logged by the accessor; a read that faults reads 0. */
static inline uint32_t e1000_read(const struct e1000_adapter *ad, uint32_t reg)
{
	uint32_t v = 0;

	cdk_cap_read32(ad->ctrl, reg, &v);
	return v;
}

static inline void e1000_write(const struct e1000_adapter *ad, uint32_t reg,
			       uint32_t v)
{
	cdk_cap_write32(ad->ctrl, reg, v);
}

static inline void e1000_set_bits(const struct e1000_adapter *ad, uint32_t reg,
				  uint32_t bits, int on)
{
	uint32_t v = e1000_read(ad, reg);

	e1000_write(ad, reg, on ? v | bits : v & ~bits);
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
