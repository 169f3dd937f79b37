/*
 * Helpers for drivers: taking a queue's granted capabilities, and the slow
 * path of a tx buffer's IOVA over the pools a queue was granted.
 */
#include <errno.h>

#include "cdk_log.h"
#include "cdk_pmd.h"

int cdk_eth_queue_caps_take(struct cdk_eth_dev *dev, enum cdk_queue_dir dir,
			    uint16_t q, const struct cdk_queue_caps *sealed,
			    uint64_t ring_len, unsigned min_pools,
			    struct cdk_queue_caps *out)
{
	int rc = cdk_eth_queue_caps_open(dev, sealed, out);

	if (rc < 0)
		return rc;
	if (out->ring.len < ring_len || out->doorbell.len != 4 ||
	    out->head.len != 4 || out->n_pools < min_pools) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_PMD,
			"%s: %s queue %u: the capabilities granted do not fit",
			dev->name, dir == CDK_RXQ ? "rx" : "tx", q);
		return -EINVAL;
	}
	return 0;
}

int cdk_eth_tx_pool_iova_other(const cdk_cap_t *pools, unsigned n,
			       uint16_t *last, cdk_cap_t *cur, const void *p,
			       uint32_t len, uint64_t *iova)
{
	for (unsigned i = 0; i < n; i++)
		if (cdk_cap_covers(&pools[i], p, len, CDK_CAP_PERM_DMA)) {
			*last = (uint16_t)i;
			*cur = pools[i];
			return cdk_cap_iova_in(cur, p, len, iova);
		}
	return -1;
}
