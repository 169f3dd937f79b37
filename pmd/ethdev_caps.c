/*
 * Granting a queue its capabilities: derived from the device's BAR root and
 * the manifest, from EAL memory for the ring and from the mempools; sealed
 * for the port; revoked at stop and release. doc/capabilities.md.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cdk_log.h"
#include "cdk_pmd.h"
#include "pmd/ethdev_private.h"

#define DMA_RW (CDK_CAP_PERM_LOAD | CDK_CAP_PERM_STORE | CDK_CAP_PERM_DMA)

void cdk_eth_queue_owner(char *buf, size_t sz, uint16_t port,
			 enum cdk_queue_dir dir, uint16_t q)
{
	snprintf(buf, sz, "port%u/%sq%u", port, dir == CDK_RXQ ? "rx" : "tx", q);
}

int ethdev_sealer_create(struct cdk_eth_dev *dev)
{
	char owner[32];

	snprintf(owner, sizeof(owner), "port%u", dev->port_id);
	return cdk_cap_sealer_new(owner, &dev->sealer_);
}

void ethdev_sealer_destroy(struct cdk_eth_dev *dev)
{
	if (!cdk_cap_is_null(&dev->sealer_))
		cdk_cap_revoke(&dev->sealer_);
	memset(&dev->sealer_, 0, sizeof(dev->sealer_));
}

uint16_t ethdev_fit_desc(uint16_t n, const struct cdk_eth_desc_lim *lim)
{
	if (lim->nb_align > 1)
		n = (uint16_t)CDK_ALIGN_CEIL(n, lim->nb_align);
	if (n > lim->nb_max)
		n = lim->nb_max;
	if (n < lim->nb_min)
		n = lim->nb_min;
	return n;
}

static struct cdk_eth_queue_slot *slot_of(struct cdk_eth_dev *dev,
					  enum cdk_queue_dir dir, uint16_t q)
{
	return dir == CDK_RXQ ? &dev->rxq_slot_[q] : &dev->txq_slot_[q];
}

static const struct cdk_slice_spec *reg_spec(const struct cdk_pmd_manifest *m,
					     enum cdk_queue_dir dir, int head)
{
	if (dir == CDK_RXQ)
		return head ? &m->rx_head : &m->rx_doorbell;
	return head ? &m->tx_head : &m->tx_doorbell;
}

static int derive_reg(struct cdk_eth_dev *dev, enum cdk_queue_dir dir,
		      uint16_t q, int head, const char *owner, cdk_cap_t *out)
{
	const struct cdk_pmd_manifest *m = dev->driver ? dev->driver->manifest : NULL;
	const struct cdk_slice_spec *s;

	memset(out, 0, sizeof(*out));
	if (m == NULL || dev->device == NULL ||
	    cdk_cap_is_null(&dev->device->bar_root_))
		return 0;
	s = reg_spec(m, dir, head);
	if (s->len == 0)
		return 0;
	return cdk_cap_derive(&dev->device->bar_root_, s->base + (uint64_t)s->stride * q,
			      s->len, s->perms | CDK_CAP_PERM_MMIO, owner, s->label, out);
}

static int derive_pool(const struct cdk_mempool *mp, const char *owner,
		       cdk_cap_t *out)
{
	char label[CDK_CAP_LABEL_LEN];
	const cdk_cap_t *c = cdk_mempool_dma_cap(mp);

	snprintf(label, sizeof(label), "pool %.26s", mp->name);
	return cdk_cap_derive(c, 0, c->len, DMA_RW, owner, label, out);
}

struct pool_walk {
	struct cdk_queue_caps *caps;
	const char *owner;
	int rc;
};

static void add_tx_pool(struct cdk_mempool *mp, void *arg)
{
	struct pool_walk *w = arg;

	if (w->rc < 0 || w->caps->n_pools == CDK_QUEUE_MAX_POOLS ||
	    cdk_pktmbuf_data_room_size(mp) == 0)
		return;
	w->rc = derive_pool(mp, w->owner, &w->caps->pools[w->caps->n_pools]);
	if (w->rc == 0)
		w->caps->n_pools++;
}

static void revoke_caps(struct cdk_queue_caps *c)
{
	cdk_cap_t *all[] = { &c->doorbell, &c->head, &c->ring };

	for (size_t i = 0; i < CDK_DIM(all); i++)
		if (!cdk_cap_is_null(all[i]))
			cdk_cap_revoke(all[i]);
	for (unsigned i = 0; i < c->n_pools; i++)
		cdk_cap_revoke(&c->pools[i]);
	memset(c, 0, sizeof(*c));
}

/* Derive a queue's capabilities into slot->granted. */
static int derive_queue(struct cdk_eth_dev *dev, enum cdk_queue_dir dir,
			uint16_t q, struct cdk_eth_queue_slot *slot)
{
	struct cdk_queue_caps *c = &slot->granted;
	char owner[CDK_CAP_OWNER_LEN];
	int rc;

	cdk_eth_queue_owner(owner, sizeof(owner), dev->port_id, dir, q);
	memset(c, 0, sizeof(*c));
	c->nb_desc = slot->nb_desc;
	rc = derive_reg(dev, dir, q, 0, owner, &c->doorbell);
	if (rc == 0)
		rc = derive_reg(dev, dir, q, 1, owner, &c->head);
	if (rc == 0 && slot->ring_mem != NULL)
		rc = cdk_cap_derive_addr(&cdk_mem_virt2memseg(slot->ring_mem)->cap,
					 slot->ring_mem, slot->ring_len, DMA_RW,
					 owner, "descriptor ring", &c->ring);
	if (rc == 0 && dir == CDK_RXQ) {
		rc = derive_pool(slot->mp, owner, &c->pools[0]);
		c->n_pools = rc == 0;
	} else if (rc == 0) {
		struct pool_walk w = { c, owner, 0 };

		cdk_mempool_walk(add_tx_pool, &w);
		rc = w.rc;
	}
	if (rc < 0)
		revoke_caps(c);
	return rc;
}

static int seal_all(struct cdk_eth_dev *dev, const struct cdk_queue_caps *in,
		    struct cdk_queue_caps *out)
{
	const cdk_cap_t *src[] = { &in->doorbell, &in->head, &in->ring };
	cdk_cap_t *dst[] = { &out->doorbell, &out->head, &out->ring };
	int rc = 0;

	memset(out, 0, sizeof(*out));
	out->nb_desc = in->nb_desc;
	out->n_pools = in->n_pools;
	for (size_t i = 0; i < CDK_DIM(src) && rc == 0; i++)
		if (!cdk_cap_is_null(src[i]))
			rc = cdk_cap_seal(src[i], &dev->sealer_, dst[i]);
	for (unsigned i = 0; i < in->n_pools && rc == 0; i++)
		rc = cdk_cap_seal(&in->pools[i], &dev->sealer_, &out->pools[i]);
	return rc;
}

int ethdev_grant_queue(struct cdk_eth_dev *dev, enum cdk_queue_dir dir,
		       uint16_t q)
{
	struct cdk_eth_queue_slot *slot = slot_of(dev, dir, q);
	struct cdk_queue_caps sealed;
	int rc;

	if (!cdk_cap_is_null(&slot->granted.ring) || slot->granted.n_pools)
		return 0; /* still holds live capabilities */
	rc = derive_queue(dev, dir, q, slot);
	if (rc == 0)
		rc = seal_all(dev, &slot->granted, &sealed);
	if (rc == 0 && dev->dev_ops->queue_caps_grant)
		rc = dev->dev_ops->queue_caps_grant(dev, dir, q, &sealed);
	if (rc < 0) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_ETHDEV,
			"port %u: granting %s queue %u its capabilities failed: %d",
			dev->port_id, dir == CDK_RXQ ? "rx" : "tx", q, rc);
		revoke_caps(&slot->granted);
	}
	return rc;
}

int cdk_eth_queue_caps_open(struct cdk_eth_dev *dev,
			    const struct cdk_queue_caps *sealed,
			    struct cdk_queue_caps *out)
{
	const cdk_cap_t *src[] = { &sealed->doorbell, &sealed->head, &sealed->ring };
	cdk_cap_t *dst[] = { &out->doorbell, &out->head, &out->ring };
	int rc = 0;

	memset(out, 0, sizeof(*out));
	if (sealed->n_pools > CDK_QUEUE_MAX_POOLS)
		return -EINVAL;
	out->nb_desc = sealed->nb_desc;
	out->n_pools = sealed->n_pools;
	for (size_t i = 0; i < CDK_DIM(src) && rc == 0; i++)
		if (!cdk_cap_is_null(src[i]))
			rc = cdk_cap_unseal(src[i], &dev->sealer_, dst[i]);
	for (unsigned i = 0; i < sealed->n_pools && rc == 0; i++)
		rc = cdk_cap_unseal(&sealed->pools[i], &dev->sealer_, &out->pools[i]);
	if (rc < 0)
		memset(out, 0, sizeof(*out));
	return rc;
}

static int alloc_ring(struct cdk_eth_dev *dev, enum cdk_queue_dir dir,
		      struct cdk_eth_queue_slot *slot, unsigned socket)
{
	const struct cdk_pmd_manifest *m = dev->driver ? dev->driver->manifest : NULL;
	uint32_t dsz = m ? (dir == CDK_RXQ ? m->rx_desc_size : m->tx_desc_size) : 0;
	size_t align = m && m->ring_align > CDK_CACHE_LINE_SIZE ? m->ring_align
								 : CDK_CACHE_LINE_SIZE;
	size_t len;

	if (dsz == 0)
		return 0;
	len = (size_t)slot->nb_desc * dsz;
	if (m->ring_len_align)
		len = CDK_ALIGN_CEIL(len, (size_t)m->ring_len_align);
	slot->ring_mem = cdk_zmalloc_socket("ring", len, (unsigned)align,
					    (int)socket == CDK_SOCKET_ID_ANY ? dev->socket_id
									: (int)socket);
	if (slot->ring_mem == NULL)
		slot->ring_mem = cdk_zmalloc_socket("ring", len, (unsigned)align,
						    CDK_SOCKET_ID_ANY);
	if (slot->ring_mem == NULL)
		return -ENOMEM;
	slot->ring_len = len;
	if (!cdk_mem_iova_contig(slot->ring_mem, len)) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_ETHDEV,
			"port %u: a %zu-byte descriptor ring is not IOVA-contiguous: "
			"use hugepages or --iova-mode=va", dev->port_id, len);
		cdk_free(slot->ring_mem);
		slot->ring_mem = NULL;
		return -ENOMEM;
	}
	return 0;
}

int ethdev_queue_attach(struct cdk_eth_dev *dev, enum cdk_queue_dir dir,
			uint16_t q, uint16_t nb_desc, unsigned socket,
			struct cdk_mempool *mp)
{
	struct cdk_eth_queue_slot *slot = slot_of(dev, dir, q);
	int rc;

	memset(slot, 0, sizeof(*slot));
	slot->setup = 1;
	slot->nb_desc = nb_desc;
	slot->socket = socket;
	slot->mp = mp;
	rc = alloc_ring(dev, dir, slot, socket);
	return rc < 0 ? rc : ethdev_grant_queue(dev, dir, q);
}

void ethdev_queue_release(struct cdk_eth_dev *dev, enum cdk_queue_dir dir,
			  uint16_t q)
{
	struct cdk_eth_queue_slot *slot = slot_of(dev, dir, q);
	void **qp = dir == CDK_RXQ ? &dev->rx_queues[q] : &dev->tx_queues[q];

	revoke_caps(&slot->granted);
	if (*qp != NULL) {
		if (dir == CDK_RXQ && dev->dev_ops->rx_queue_release)
			dev->dev_ops->rx_queue_release(dev, q);
		if (dir == CDK_TXQ && dev->dev_ops->tx_queue_release)
			dev->dev_ops->tx_queue_release(dev, q);
		*qp = NULL;
	}
	cdk_free(slot->ring_mem);
	memset(slot, 0, sizeof(*slot));
}

int ethdev_grant_all(struct cdk_eth_dev *dev)
{
	int rc = 0;

	for (uint16_t q = 0; q < dev->nb_rx_queues && rc == 0; q++)
		rc = ethdev_grant_queue(dev, CDK_RXQ, q);
	for (uint16_t q = 0; q < dev->nb_tx_queues && rc == 0; q++)
		rc = ethdev_grant_queue(dev, CDK_TXQ, q);
	return rc;
}

void ethdev_revoke_queue(struct cdk_eth_dev *dev, enum cdk_queue_dir dir,
			 uint16_t q)
{
	revoke_caps(&slot_of(dev, dir, q)->granted);
}

void ethdev_revoke_all(struct cdk_eth_dev *dev)
{
	for (uint16_t q = 0; q < dev->nb_rx_queues; q++)
		ethdev_revoke_queue(dev, CDK_RXQ, q);
	for (uint16_t q = 0; q < dev->nb_tx_queues; q++)
		ethdev_revoke_queue(dev, CDK_TXQ, q);
}

int cdk_eth_dev_cap_report(uint16_t port_id, FILE *f)
{
	char prefix[16];

	if (!cdk_eth_dev_is_valid_port(port_id))
		return -ENODEV;
	snprintf(prefix, sizeof(prefix), "port%u/", port_id);
	return cdk_cap_report(f, prefix);
}
