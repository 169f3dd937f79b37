/*
 * The ethdev glue the e1000 and igb control paths share: queue memory, tx
 * thresholds, taking a queue's capabilities, removal. What differs between
 * the two (descriptor formats, queue registers) stays in each driver.
 */
#ifndef PMD_INTEL_GBE_GBE_ETHDEV_H
#define PMD_INTEL_GBE_GBE_ETHDEV_H

#include "cdk_pmd.h"

/* DPDK's em and igb defaults. */
#define GBE_RX_FREE_THRESH_DEFAULT 32
#define GBE_TX_RS_THRESH_DEFAULT 32
#define GBE_TX_FREE_THRESH_DEFAULT 32

#define GBE_LOG(lvl, dev, fmt, ...)                                      \
	cdk_log(CDK_LOG_##lvl, CDK_LOGTYPE_PMD, "%s: " fmt, (dev)->name,  \
		##__VA_ARGS__)

/* Zeroed, cache-aligned, on socket if it has room, else anywhere. */
void *gbe_queue_zalloc(const char *what, size_t size, unsigned socket);

/* The tx queue's rs and free thresholds (defaults for 0), or -EINVAL
 * (logged) when a batch would not fit in what is in flight when cleaning
 * starts. */
int gbe_tx_thresh(struct cdk_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		  const struct cdk_eth_txconf *conf, uint16_t *rs, uint16_t *fr);

/* Where a queue keeps the capabilities it is granted: rx queues one pool
 * (n_pools NULL), tx queues up to CDK_QUEUE_MAX_POOLS. */
struct gbe_queue_slots {
	cdk_cap_t *ring, *doorbell, *head;
	cdk_cap_t *pools;
	unsigned *n_pools;
};

/* The slots of a driver's queue structure, whose fields carry these names. */
#define GBE_RXQ_SLOTS(q)                                                      \
	((struct gbe_queue_slots){ &(q)->ring, &(q)->doorbell, &(q)->head,     \
				   &(q)->pool, NULL })
#define GBE_TXQ_SLOTS(q)                                                      \
	((struct gbe_queue_slots){ &(q)->ring, &(q)->doorbell, &(q)->head,     \
				   (q)->pools, &(q)->n_pools })

/* Open the sealed capabilities of queue qid (its ring of ring_len bytes)
 * into the queue's slots; 0 or the negative errno of
 * cdk_eth_queue_caps_take, with the slots untouched. */
int gbe_caps_grant(struct cdk_eth_dev *dev, enum cdk_queue_dir dir,
		   uint16_t qid, const struct cdk_queue_caps *sealed,
		   uint64_t ring_len, const struct gbe_queue_slots *to);

/* The PCI bus removes the device: stop and close its port, if any. */
int gbe_remove(struct cdk_device *d);

#endif
