/* Between the ethdev layer's own files. */
#ifndef CDK_ETHDEV_PRIVATE_H
#define CDK_ETHDEV_PRIVATE_H

#include "cdk_pmd.h"

int ethdev_sealer_create(struct cdk_eth_dev *dev);
void ethdev_sealer_destroy(struct cdk_eth_dev *dev);
/* After a driver's queue setup: ring memory, bookkeeping, first grant. */
int ethdev_queue_attach(struct cdk_eth_dev *dev, enum cdk_queue_dir dir,
			uint16_t q, uint16_t nb_desc, unsigned socket,
			struct cdk_mempool *mp);
/* Revoke, let the driver release, free the ring memory. */
void ethdev_queue_release(struct cdk_eth_dev *dev, enum cdk_queue_dir dir,
			  uint16_t q);
int ethdev_grant_queue(struct cdk_eth_dev *dev, enum cdk_queue_dir dir,
		       uint16_t q);
int ethdev_grant_all(struct cdk_eth_dev *dev);
/* Revoke one queue's capabilities; every queue's. */
void ethdev_revoke_queue(struct cdk_eth_dev *dev, enum cdk_queue_dir dir,
			 uint16_t q);
void ethdev_revoke_all(struct cdk_eth_dev *dev);
uint16_t ethdev_fit_desc(uint16_t n, const struct cdk_eth_desc_lim *lim);
void ethdev_release_all(void);

#endif
