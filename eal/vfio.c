/*
 * vfio-pci: an IOMMU between the device and memory. One container for the
 * process, EAL memory mapped into it at IOVA = VA, BAR0 mapped from the
 * device fd. (Linux's Documentation/driver-api/vfio.rst describes the
 * sequence of ioctls.)
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/vfio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cdk_log.h"
#include "eal/bus_private.h"

#define PCI_COMMAND 0x04
#define PCI_COMMAND_MASTER 0x4

static int container = -1;
static int container_users;

static int vfio_err(const char *name, const char *what)
{
	int e = errno ? errno : ENODEV;

	cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_EAL, "PCI %s: vfio: %s: %s", name, what,
		strerror(e));
	return -e;
}

/* One IOVA-contiguous run of pages for the device to reach. */
static int map_run(const char *name, void *va, uint64_t iova, uint64_t len)
{
	struct vfio_iommu_type1_dma_map m = {
		.argsz = sizeof(m),
		.flags = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE,
		.vaddr = (uintptr_t)va,
		.iova = iova,
		.size = len,
	};

	if (ioctl(container, VFIO_IOMMU_MAP_DMA, &m) == 0)
		return 0;
	if (errno == EINVAL && cdk_eal_iova_mode() == CDK_IOVA_VA)
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_EAL, "PCI %s: vfio: the IOMMU cannot map "
			"IOVA 0x%llx (its address width is too small for IOVA = VA): "
			"use --iova-mode=pa", name, (unsigned long long)iova);
	return vfio_err(name, "mapping EAL memory");
}

/* Map every EAL segment, one mapping per IOVA-contiguous run of pages (in
 * PA mode a segment of separate pages is many runs). */
static int map_memory(const char *name)
{
	for (unsigned i = 0; i < cdk_memseg_count(); i++) {
		const struct cdk_memseg *s = cdk_memseg_get(i);
		size_t pages = s->len / s->page_sz, run;

		for (size_t p = 0; p < pages; p += run) {
			for (run = 1; p + run < pages &&
				      s->page_iova[p + run] == s->page_iova[p] + run * s->page_sz;
			     run++)
				;
			int rc = map_run(name, (char *)s->addr + p * s->page_sz,
					 s->page_iova[p], run * s->page_sz);
			if (rc < 0)
				return rc;
		}
	}
	return 0;
}

static int open_container(const char *name)
{
	if (container >= 0)
		return 0;
	container = open("/dev/vfio/vfio", O_RDWR);
	if (container < 0)
		return vfio_err(name, "/dev/vfio/vfio (is the vfio module loaded?)");
	if (ioctl(container, VFIO_GET_API_VERSION) != VFIO_API_VERSION ||
	    !ioctl(container, VFIO_CHECK_EXTENSION, VFIO_TYPE1_IOMMU)) {
		close(container);
		container = -1;
		errno = ENOTSUP;
		return vfio_err(name, "no type 1 IOMMU");
	}
	return 0;
}

static int open_group(const char *name, const char *path)
{
	char link[600], target[512], dev[64];
	struct vfio_group_status st = { .argsz = sizeof(st) };
	ssize_t n;
	int group;

	snprintf(link, sizeof(link), "%s/iommu_group", path);
	n = readlink(link, target, sizeof(target) - 1);
	if (n < 0)
		return vfio_err(name, "no IOMMU group");
	target[n] = '\0';
	snprintf(dev, sizeof(dev), "/dev/vfio/%s", strrchr(target, '/') + 1);
	group = open(dev, O_RDWR);
	if (group < 0)
		return vfio_err(name, dev);
	if (ioctl(group, VFIO_GROUP_GET_STATUS, &st) < 0 ||
	    !(st.flags & VFIO_GROUP_FLAGS_VIABLE)) {
		close(group);
		errno = EBUSY;
		return vfio_err(name, "IOMMU group not viable (bind all its devices to vfio-pci)");
	}
	if (!(st.flags & VFIO_GROUP_FLAGS_CONTAINER_SET) &&
	    ioctl(group, VFIO_GROUP_SET_CONTAINER, &container) < 0) {
		close(group);
		return vfio_err(name, "setting the container");
	}
	return group;
}

static int bar_and_master(const char *name, int devfd, void **bar, size_t *len)
{
	struct vfio_region_info bar0 = { .argsz = sizeof(bar0),
					 .index = VFIO_PCI_BAR0_REGION_INDEX };
	struct vfio_region_info cfg = { .argsz = sizeof(cfg),
					.index = VFIO_PCI_CONFIG_REGION_INDEX };
	uint16_t cmd;

	if (ioctl(devfd, VFIO_DEVICE_GET_REGION_INFO, &bar0) < 0 ||
	    ioctl(devfd, VFIO_DEVICE_GET_REGION_INFO, &cfg) < 0)
		return vfio_err(name, "region info");
	*bar = mmap(NULL, bar0.size, PROT_READ | PROT_WRITE, MAP_SHARED, devfd,
		    (off_t)bar0.offset);
	if (*bar == MAP_FAILED) {
		*bar = NULL;
		return vfio_err(name, "mapping BAR0");
	}
	*len = bar0.size;
	if (pread(devfd, &cmd, 2, (off_t)cfg.offset + PCI_COMMAND) != 2)
		return vfio_err(name, "reading the command register");
	cmd |= PCI_COMMAND_MASTER;
	if (pwrite(devfd, &cmd, 2, (off_t)cfg.offset + PCI_COMMAND) != 2)
		return vfio_err(name, "enabling bus mastering");
	return 0;
}

int cdk_vfio_map(const char *name, const char *path, void **bar, size_t *len,
		 int *devfd)
{
	int group, rc = open_container(name);

	if (rc < 0)
		return rc;
	group = open_group(name, path);
	if (group < 0)
		return group;
	if (container_users++ == 0) {
		rc = ioctl(container, VFIO_SET_IOMMU, VFIO_TYPE1_IOMMU) < 0
			     ? vfio_err(name, "setting the IOMMU type") : map_memory(name);
		if (rc < 0) {
			close(group);
			cdk_vfio_unmap(-1);
			return rc;
		}
	}
	*devfd = ioctl(group, VFIO_GROUP_GET_DEVICE_FD, name);
	close(group); /* the device fd keeps the group */
	if (*devfd < 0) {
		cdk_vfio_unmap(-1);
		return vfio_err(name, "getting the device");
	}
	return bar_and_master(name, *devfd, bar, len);
}

void cdk_vfio_unmap(int devfd)
{
	if (devfd >= 0)
		close(devfd);
	if (container_users > 0 && --container_users == 0 && container >= 0) {
		close(container);
		container = -1;
	}
}
