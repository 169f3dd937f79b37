/* The ethdev glue the e1000 and igb control paths share (gbe_ethdev.h). */
#include <errno.h>
#include <string.h>

#include "cdk_memory.h"
#include "pmd/intel_gbe/gbe_ethdev.h"

void *gbe_queue_zalloc(const char *what, size_t size, unsigned socket)
{
	void *p = cdk_zmalloc_socket(what, size, CDK_CACHE_LINE_SIZE, (int)socket);

	return p ? p : cdk_zmalloc_socket(what, size, CDK_CACHE_LINE_SIZE,
					  CDK_SOCKET_ID_ANY);
}

int gbe_tx_thresh(struct cdk_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		  const struct cdk_eth_txconf *conf, uint16_t *rs, uint16_t *fr)
{
	*rs = conf->tx_rs_thresh ? conf->tx_rs_thresh : GBE_TX_RS_THRESH_DEFAULT;
	*fr = conf->tx_free_thresh ? conf->tx_free_thresh : GBE_TX_FREE_THRESH_DEFAULT;
	if (*rs > *fr || *fr >= nb_desc - 3 || *rs + *fr >= nb_desc) {
		GBE_LOG(ERR, dev, "tx queue %u: need tx_rs_thresh (%u) <= tx_free_thresh "
			"(%u), their sum below %u descriptors", qid, *rs, *fr, nb_desc);
		return -EINVAL;
	}
	return 0;
}

int gbe_caps_grant(struct cdk_eth_dev *dev, enum cdk_queue_dir dir,
		   uint16_t qid, const struct cdk_queue_caps *sealed,
		   uint64_t ring_len, const struct gbe_queue_slots *to)
{
	struct cdk_queue_caps c;
	int rc = cdk_eth_queue_caps_take(dev, dir, qid, sealed, ring_len,
					 to->n_pools == NULL, &c);

	if (rc < 0)
		return rc;
	*to->ring = c.ring;
	*to->doorbell = c.doorbell;
	*to->head = c.head;
	if (to->n_pools == NULL) {
		to->pools[0] = c.pools[0];
	} else {
		*to->n_pools = c.n_pools;
		memcpy(to->pools, c.pools, sizeof(c.pools));
	}
	return 0;
}

int gbe_remove(struct cdk_device *d)
{
	uint16_t port;

	if (cdk_eth_dev_get_port_by_name(d->name, &port) < 0)
		return 0;
	cdk_eth_dev_stop(port);
	return cdk_eth_dev_close(port);
}
