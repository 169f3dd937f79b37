/* Packet types: which ones a port's rx bursts report, and turning layers
 * of that classification off. The semantics are DPDK 22.11's
 * (rte_eth_dev_get_supported_ptypes, rte_eth_dev_set_ptypes). */
#include <errno.h>

#include "cdk_log.h"
#include "cdk_mbuf.h"
#include "cdk_pmd.h"

/* A mask is made of whole layers: each one all in or all out. */
static const uint32_t layer_masks[] = {
	CDK_PTYPE_L2_MASK,	 CDK_PTYPE_L3_MASK,	  CDK_PTYPE_L4_MASK,
	CDK_PTYPE_TUNNEL_MASK,	 CDK_PTYPE_INNER_L2_MASK, CDK_PTYPE_INNER_L3_MASK,
	CDK_PTYPE_INNER_L4_MASK,
};

static int whole_layers(uint32_t mask)
{
	for (unsigned i = 0; i < sizeof(layer_masks) / sizeof(layer_masks[0]); i++) {
		uint32_t part = mask & layer_masks[i];

		if (part != 0 && part != layer_masks[i])
			return 0;
		mask &= ~layer_masks[i];
	}
	return mask == 0;
}

static const uint32_t *supported(struct cdk_eth_dev *dev)
{
	return dev->dev_ops->dev_supported_ptypes_get
		       ? dev->dev_ops->dev_supported_ptypes_get(dev)
		       : NULL;
}

int cdk_eth_dev_get_supported_ptypes(uint16_t port_id, uint32_t ptype_mask,
				     uint32_t *ptypes, int num)
{
	struct cdk_eth_dev *dev = cdk_eth_dev_get(port_id);
	const uint32_t *all;
	int n = 0;

	if (dev == NULL)
		return -ENODEV;
	if (num < 0 || (num > 0 && ptypes == NULL)) {
		CDK_LOG(ERR, ETHDEV,
			"port %u: supported ptypes: %d entries at %p", port_id,
			num, (void *)ptypes);
		return -EINVAL;
	}
	all = supported(dev);
	for (unsigned i = 0; all != NULL && all[i] != CDK_PTYPE_UNKNOWN; i++) {
		if (!(all[i] & ptype_mask))
			continue;
		if (n < num)
			ptypes[n] = all[i];
		n++;
	}
	return n;
}

/* The supported types within mask into set (num > 0 entries), the last
 * entry written CDK_PTYPE_UNKNOWN. */
static void list_kept(const uint32_t *all, uint32_t mask, uint32_t *set,
		      unsigned num)
{
	unsigned n = 0;

	for (unsigned i = 0; all != NULL && all[i] != CDK_PTYPE_UNKNOWN && n + 1 < num; i++)
		if (all[i] & mask)
			set[n++] = all[i];
	set[n] = CDK_PTYPE_UNKNOWN;
}

int cdk_eth_dev_set_ptypes(uint16_t port_id, uint32_t ptype_mask,
			   uint32_t *set_ptypes, unsigned num)
{
	struct cdk_eth_dev *dev = cdk_eth_dev_get(port_id);
	int rc;

	if (dev == NULL)
		return -ENODEV;
	if (num > 0 && set_ptypes == NULL) {
		CDK_LOG(ERR, ETHDEV,
			"port %u: set ptypes: %u entries at NULL", port_id, num);
		return -EINVAL;
	}
	if (!whole_layers(ptype_mask)) {
		CDK_LOG(ERR, ETHDEV,
			"port %u: ptype mask 0x%x: each layer all in or all out",
			port_id, ptype_mask);
		if (num > 0)
			set_ptypes[0] = CDK_PTYPE_UNKNOWN;
		return -EINVAL;
	}
	/* A driver that classifies nothing has nothing to turn off. */
	if (dev->dev_ops->dev_ptypes_set == NULL || supported(dev) == NULL) {
		if (num > 0)
			set_ptypes[0] = CDK_PTYPE_UNKNOWN;
		return 0;
	}
	rc = dev->dev_ops->dev_ptypes_set(dev, ptype_mask);
	if (num > 0)
		list_kept(rc == 0 ? supported(dev) : NULL, ptype_mask, set_ptypes, num);
	return rc;
}
