/*
 * The IOMMU-like check every model DMA goes through: an IOVA range must lie
 * inside one registered region and the function must be bus master, or the
 * access is refused (never performed), counted, traced and logged.
 */
#include <errno.h>
#include <string.h>

#include "sim_internal.h"

/* Log the first faults of a device in full, then one in 1024. */
#define SIM_DMA_LOG_FULL 8

int cdk_sim_dma_map(struct cdk_sim_dev *dev, uint64_t iova, void *va,
		    uint64_t len)
{
	if (!dev || !va || !len || iova + len < iova)
		return -EINVAL;
	pthread_rwlock_wrlock(&dev->dma_lock);
	for (unsigned i = 0; i < dev->nb_dma; i++) {
		if (iova < dev->dma[i].iova + dev->dma[i].len &&
		    dev->dma[i].iova < iova + len) {
			pthread_rwlock_unlock(&dev->dma_lock);
			return -EEXIST;
		}
	}
	if (dev->nb_dma == SIM_DMA_MAX_REGIONS) {
		pthread_rwlock_unlock(&dev->dma_lock);
		return -ENOSPC;
	}
	dev->dma[dev->nb_dma].iova = iova;
	dev->dma[dev->nb_dma].len = len;
	dev->dma[dev->nb_dma].va = va;
	dev->nb_dma++;
	pthread_rwlock_unlock(&dev->dma_lock);
	return 0;
}

int cdk_sim_dma_unmap(struct cdk_sim_dev *dev, uint64_t iova)
{
	int rc = -ENOENT;

	pthread_rwlock_wrlock(&dev->dma_lock);
	for (unsigned i = 0; i < dev->nb_dma; i++) {
		if (dev->dma[i].iova == iova) {
			dev->dma[i] = dev->dma[--dev->nb_dma];
			rc = 0;
			break;
		}
	}
	pthread_rwlock_unlock(&dev->dma_lock);
	return rc;
}

int cdk_sim_dma_fault_last(struct cdk_sim_dev *dev,
			   struct cdk_sim_dma_fault *f)
{
	int has;

	pthread_rwlock_rdlock(&dev->dma_lock);
	has = dev->has_fault;
	if (has && f)
		*f = dev->last_fault;
	pthread_rwlock_unlock(&dev->dma_lock);
	return has;
}

static int dma_refuse(struct cdk_sim_dev *dev, uint64_t iova, size_t len,
		      int write, int no_master)
{
	uint64_t n;

	if (no_master)
		n = SIM_STAT_FETCH_ADD(dev, dma_no_master, 1);
	else
		n = SIM_STAT_FETCH_ADD(dev, dma_faults, 1);
	/* dma_lock is held for reading; the record is advisory. */
	dev->last_fault.iova = iova;
	dev->last_fault.len = len;
	dev->last_fault.write = write;
	dev->last_fault.no_master = no_master;
	__atomic_store_n(&dev->has_fault, 1, __ATOMIC_RELEASE);
	sim_trace(dev, "DMA-FAULT %s iova=0x%llx len=%zu %s", write ? "W" : "R",
		  (unsigned long long)iova, len,
		  no_master ? "bus-master-off" : "unmapped");
	if (n < SIM_DMA_LOG_FULL || (n & 1023) == 0)
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_SIM,
			"%s: DMA %s of %zu bytes at IOVA 0x%llx refused: %s "
			"(fault #%llu)",
			dev->name, write ? "write" : "read", len,
			(unsigned long long)iova,
			no_master ? "bus mastering disabled"
				  : "outside registered memory",
			(unsigned long long)n + 1);
	return no_master ? -EPERM : -EFAULT;
}

/* The VA of [iova, iova+len) or NULL; dma_lock held for reading. */
static uint8_t *dma_translate(struct cdk_sim_dev *dev, uint64_t iova,
			      size_t len)
{
	for (unsigned i = 0; i < dev->nb_dma; i++) {
		uint64_t off = iova - dev->dma[i].iova;

		if (iova >= dev->dma[i].iova && off < dev->dma[i].len &&
		    dev->dma[i].len - off >= len)
			return dev->dma[i].va + off;
	}
	return NULL;
}

static int dma_master(struct cdk_sim_dev *dev)
{
	return (dev->pci_cfg[CDK_SIM_PCI_COMMAND] & CDK_SIM_PCI_CMD_MASTER) != 0;
}

int sim_dma_read(struct cdk_sim_dev *dev, uint64_t iova, void *dst, size_t len)
{
	uint8_t *va;
	int rc = 0, locked = sim_acc_of(dev) != NULL; /* read-held for it */

	if (!locked)
		pthread_rwlock_rdlock(&dev->dma_lock);
	va = dma_translate(dev, iova, len);
	if (!dma_master(dev) || !va || !len)
		rc = dma_refuse(dev, iova, len, 0, !dma_master(dev));
	else
		memcpy(dst, va, len);
	if (!locked)
		pthread_rwlock_unlock(&dev->dma_lock);
	if (!rc)
		SIM_STAT_ADD(dev, dma_reads, 1);
	return rc;
}

int sim_dma_write(struct cdk_sim_dev *dev, uint64_t iova, const void *src,
		  size_t len)
{
	uint8_t *va;
	int rc = 0, locked = sim_acc_of(dev) != NULL; /* read-held for it */

	if (!locked)
		pthread_rwlock_rdlock(&dev->dma_lock);
	va = dma_translate(dev, iova, len);
	if (!dma_master(dev) || !va || !len)
		rc = dma_refuse(dev, iova, len, 1, !dma_master(dev));
	else
		memcpy(va, src, len);
	if (!locked)
		pthread_rwlock_unlock(&dev->dma_lock);
	if (!rc)
		SIM_STAT_ADD(dev, dma_writes, 1);
	return rc;
}

int sim_dma_write_desc(struct cdk_sim_dev *dev, uint64_t iova,
		       const void *desc)
{
	uint64_t q[2];
	uint8_t *va;
	int rc = 0, locked = sim_acc_of(dev) != NULL; /* read-held for it */

	memcpy(q, desc, sizeof(q));
	if (!locked)
		pthread_rwlock_rdlock(&dev->dma_lock);
	va = dma_translate(dev, iova, 16);
	if (!dma_master(dev) || !va) {
		rc = dma_refuse(dev, iova, 16, 1, !dma_master(dev));
	} else {
		/* The driver polls DD in the upper half: it must not see DD
		 * before the rest, so the upper quadword goes last. */
		memcpy(va, &q[0], 8);
		__atomic_thread_fence(__ATOMIC_RELEASE);
		if (((uintptr_t)va & 7) == 0)
			__atomic_store_n((uint64_t *)(va + 8), q[1],
					 __ATOMIC_RELEASE);
		else
			memcpy(va + 8, &q[1], 8);
	}
	if (!locked)
		pthread_rwlock_unlock(&dev->dma_lock);
	if (!rc)
		SIM_STAT_ADD(dev, dma_writes, 1);
	return rc;
}
