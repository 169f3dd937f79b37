/* The vdev bus: devices named by --vdev, served by drivers of that name. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cdk_log.h"
#include "cdk_pmd.h"
#include "eal/bus_private.h"

static struct cdk_device *vdevs;

static int vdev_probe_one(const struct cdk_devarg *da)
{
	const struct cdk_pmd_driver *drv = cdk_pmd_find(da->name, CDK_DEV_VDEV);
	struct cdk_device *dev;
	int rc;

	if (drv == NULL) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_EAL,
			"--vdev %s: no driver of that name (known: net_null, "
			"net_ring, net_pcap, sim_e1000, sim_igb)", da->name);
		return -ENODEV;
	}
	dev = calloc(1, sizeof(*dev));
	if (dev == NULL)
		return -ENOMEM;
	snprintf(dev->name, sizeof(dev->name), "%s", da->name);
	snprintf(dev->args, sizeof(dev->args), "%s", da->args);
	dev->kind = CDK_DEV_VDEV;
	dev->driver = drv;
	rc = drv->probe(dev);
	if (rc < 0) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_EAL, "--vdev %s: probe failed: %s",
			da->name, strerror(-rc));
		free(dev);
		return rc;
	}
	dev->next = vdevs;
	vdevs = dev;
	return 0;
}

static void vdev_cleanup(void)
{
	while (vdevs) {
		struct cdk_device *d = vdevs;

		vdevs = d->next;
		if (d->driver->remove)
			d->driver->remove(d);
		free(d);
	}
}

static int vdev_probe(void)
{
	const struct cdk_eal_config *cfg = cdk_eal_get_config();
	int rc = 0;

	/* In command-line order, so that ports are numbered as given. */
	for (unsigned i = 0; i < cfg->n_vdev && rc == 0; i++)
		if (!cdk_sim_devarg(cfg->vdev[i].name)) /* the sim bus's */
			rc = vdev_probe_one(&cfg->vdev[i]);
	if (rc < 0)
		vdev_cleanup();
	return rc;
}

static struct cdk_bus vdev_bus = {
	.name = "vdev",
	.probe = vdev_probe,
	.cleanup = vdev_cleanup,
};

CDK_INIT_PRIO(vdev_bus_register, 120)
{
	cdk_bus_register(&vdev_bus);
}
