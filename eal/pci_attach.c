/* Probing a PCI function, real or modelled: the part both buses share. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cdk_log.h"
#include "eal/bus_private.h"

int cdk_pci_attach(struct cdk_device *d)
{
	const struct cdk_pmd_driver *drv = cdk_pmd_find_pci(d->pci_id);
	const struct cdk_pmd_manifest *m;
	char owner[CDK_CAP_OWNER_LEN];
	int rc;

	if (drv == NULL) {
		cdk_log(CDK_LOG_INFO, CDK_LOGTYPE_EAL, "%s (%04x:%04x): no driver",
			d->name, d->pci_id.vendor_id, d->pci_id.device_id);
		return 1;
	}
	m = drv->manifest;
	if (m && m->bar_len > d->bar_root_.len) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_EAL, "%s: BAR0 is %llu bytes, %s "
			"needs %u", d->name, (unsigned long long)d->bar_root_.len,
			drv->name, m->bar_len);
		return -ENXIO;
	}
	/* The control path gets the registers it declared, read and write. */
	snprintf(owner, sizeof(owner), "%.20s/ctrl", d->name);
	rc = cdk_cap_derive(&d->bar_root_, 0, m && m->bar_len ? m->bar_len
							    : d->bar_root_.len,
			    CDK_CAP_PERM_LOAD | CDK_CAP_PERM_STORE | CDK_CAP_PERM_MMIO,
			    owner, "control registers", &d->ctrl);
	if (rc < 0)
		return rc;
	d->driver = drv;
	rc = drv->probe(d);
	if (rc < 0) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_EAL, "%s: %s probe failed: %s",
			d->name, drv->name, strerror(-rc));
		cdk_cap_revoke(&d->ctrl);
		memset(&d->ctrl, 0, sizeof(d->ctrl));
		d->driver = NULL;
	}
	return rc;
}

void cdk_pci_detach(struct cdk_device *d)
{
	if (d->driver && d->driver->remove)
		d->driver->remove(d);
	d->driver = NULL;
	/* Revoking the root revokes the control slice and every queue slice. */
	if (!cdk_cap_is_null(&d->bar_root_))
		cdk_cap_revoke(&d->bar_root_);
	memset(&d->bar_root_, 0, sizeof(d->bar_root_));
	memset(&d->ctrl, 0, sizeof(d->ctrl));
}
