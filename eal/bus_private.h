/* Between the buses: what a PCI-like device needs to be probed. */
#ifndef CDK_BUS_PRIVATE_H
#define CDK_BUS_PRIVATE_H

#include "cdk_pmd.h"

/* Is this --vdev name a device model for the sim bus ("sim0", "sim1"...)? */
int cdk_sim_devarg(const char *name);

/*
 * Attach a PCI function whose BAR0 root capability is in d->bar_root_:
 * derive the control slice, find the driver by id and probe it.
 * 0; 1 if no driver wants it (left alone); or -errno.
 */
int cdk_pci_attach(struct cdk_device *d);
/* Undo cdk_pci_attach: driver remove, revoke the device's capabilities. */
void cdk_pci_detach(struct cdk_device *d);

/* vfio.c: map a vfio-pci function's BAR0 and let it DMA to EAL memory. */
int cdk_vfio_map(const char *name, const char *path, void **bar, size_t *len,
		 int *devfd);
void cdk_vfio_unmap(int devfd);

#endif
