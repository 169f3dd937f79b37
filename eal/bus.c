/* Buses (pci, vdev, sim): scanned and probed at init, cleaned up in reverse. */
#include <errno.h>

#include "cdk_log.h"
#include "eal_private.h"

static struct cdk_bus *buses;

void cdk_bus_register(struct cdk_bus *bus)
{
	struct cdk_bus **pp = &buses;

	while (*pp)
		pp = &(*pp)->next;
	bus->next = NULL;
	*pp = bus;
}

static void cleanup_until(struct cdk_bus *stop)
{
	/* Reverse order: later buses may hold devices of earlier ones. */
	struct cdk_bus *list[16];
	int n = 0;

	for (struct cdk_bus *b = buses; b != stop && n < 16; b = b->next)
		list[n++] = b;
	while (n-- > 0)
		if (list[n]->cleanup)
			list[n]->cleanup();
}

int cdk_eal_bus_probe(void)
{
	for (struct cdk_bus *b = buses; b; b = b->next) {
		int rc = b->scan ? b->scan() : 0;

		if (rc == 0 && b->probe)
			rc = b->probe();
		if (rc < 0) {
			cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_EAL, "bus %s: probe failed: %d",
				b->name, rc);
			cleanup_until(b->next);
			return rc;
		}
	}
	return 0;
}

void cdk_eal_bus_cleanup(void)
{
	cleanup_until(NULL);
}

/* Physical addresses if any bus needs them, else virtual ones. */
enum cdk_iova_mode cdk_eal_bus_iova_mode(void)
{
	enum cdk_iova_mode mode = CDK_IOVA_DC;

	for (struct cdk_bus *b = buses; b; b = b->next) {
		enum cdk_iova_mode m = b->iova_mode ? b->iova_mode() : CDK_IOVA_DC;

		if (m == CDK_IOVA_PA)
			return m;
		if (m == CDK_IOVA_VA)
			mode = m;
	}
	return mode;
}
