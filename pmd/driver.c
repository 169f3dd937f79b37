/* The registry of poll-mode drivers. */
#include <string.h>

#include "cdk_pmd.h"

static struct cdk_pmd_driver *drivers;

void cdk_pmd_register(struct cdk_pmd_driver *drv)
{
	drv->next = drivers;
	drivers = drv;
}

/* A vdev named net_ring0 is served by the driver named net_ring. */
static int name_matches(const char *drv, const char *dev)
{
	size_t n = strlen(drv);

	if (strncmp(drv, dev, n) != 0)
		return 0;
	for (dev += n; *dev; dev++)
		if (*dev < '0' || *dev > '9')
			return 0;
	return 1;
}

const struct cdk_pmd_driver *cdk_pmd_find(const char *name,
					   enum cdk_dev_kind kind)
{
	const struct cdk_pmd_driver *best = NULL;

	/* The longest matching name wins (net_e1000_igb over net_e1000). */
	for (const struct cdk_pmd_driver *d = drivers; d; d = d->next)
		if (d->kind == kind && name_matches(d->name, name) &&
		    (best == NULL || strlen(d->name) > strlen(best->name)))
			best = d;
	return best;
}

const struct cdk_pmd_driver *cdk_pmd_find_pci(struct cdk_pci_id id)
{
	for (const struct cdk_pmd_driver *d = drivers; d; d = d->next) {
		if (d->kind != CDK_DEV_PCI || d->id_table == NULL)
			continue;
		for (const struct cdk_pci_id *i = d->id_table; i->vendor_id; i++)
			if (i->vendor_id == id.vendor_id && i->device_id == id.device_id)
				return d;
	}
	return NULL;
}
