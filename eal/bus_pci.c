/*
 * The PCI bus: functions found in sysfs, matched to drivers by id, honouring
 * -a/-b/--no-pci. A function must be bound to uio_pci_generic (BAR0 through
 * the sysfs resource file, physical addresses for DMA) or to vfio-pci (an
 * IOMMU: eal/vfio.c). Its BAR0 becomes a root capability that stays here.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cdk_cap_authority.h"
#include "cdk_log.h"
#include "eal/bus_private.h"
#include "eal/eal_private.h"

#define PCI_MAX 32
#define PCI_COMMAND 0x04
#define PCI_COMMAND_MEMORY 0x2
#define PCI_COMMAND_MASTER 0x4

enum pci_kdrv { KDRV_NONE, KDRV_UIO, KDRV_VFIO, KDRV_KERNEL };

struct pci_fn {
	struct cdk_device dev;
	char path[512];
	char kdrv_name[64];
	enum pci_kdrv kdrv;
	void *bar;
	size_t bar_len;
	int vfio_fd;
	int attached;
};

static struct pci_fn *fns[PCI_MAX];
static unsigned n_fns;

static const char *sysfs_root(void)
{
	const char *r = getenv("CDK_PCI_SYSFS"); /* tests use a fake tree */

	return r && *r ? r : "/sys/bus/pci/devices";
}

static int read_hex(const char *dir, const char *file, unsigned long *v)
{
	char path[600], buf[32];
	FILE *f;
	int ok;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	f = fopen(path, "r");
	if (f == NULL)
		return -errno;
	ok = fgets(buf, sizeof(buf), f) != NULL;
	fclose(f);
	if (!ok)
		return -EIO;
	*v = strtoul(buf, NULL, 16);
	return 0;
}

static enum pci_kdrv kernel_driver(const char *dir, char *name, size_t sz)
{
	char link[600], target[512];
	ssize_t n;
	const char *base;

	snprintf(link, sizeof(link), "%s/driver", dir);
	n = readlink(link, target, sizeof(target) - 1);
	if (n < 0) {
		snprintf(name, sz, "(none)");
		return KDRV_NONE;
	}
	target[n] = '\0';
	base = strrchr(target, '/') ? strrchr(target, '/') + 1 : target;
	snprintf(name, sz, "%.63s", base);
	if (strcmp(base, "uio_pci_generic") == 0 || strcmp(base, "igb_uio") == 0)
		return KDRV_UIO;
	if (strcmp(base, "vfio-pci") == 0)
		return KDRV_VFIO;
	return KDRV_KERNEL;
}

static int listed(const struct cdk_devarg *list, unsigned n, const char *addr)
{
	for (unsigned i = 0; i < n; i++)
		if (strcmp(list[i].name, addr) == 0)
			return 1;
	return 0;
}

static int wanted(const struct cdk_eal_config *cfg, const char *addr)
{
	if (cfg->n_allow)
		return listed(cfg->allow, cfg->n_allow, addr);
	return !listed(cfg->block, cfg->n_block, addr);
}

/* A function a driver of ours matches, or NULL. */
static struct pci_fn *inspect(const char *root, const char *addr)
{
	unsigned long vendor, device;
	struct pci_fn *fn;
	char dir[512];

	snprintf(dir, sizeof(dir), "%s/%s", root, addr);
	if (read_hex(dir, "vendor", &vendor) < 0 || read_hex(dir, "device", &device) < 0)
		return NULL;
	if (cdk_pmd_find_pci((struct cdk_pci_id){ (uint16_t)vendor,
						  (uint16_t)device }) == NULL)
		return NULL;
	fn = calloc(1, sizeof(*fn));
	if (fn == NULL)
		return NULL;
	snprintf(fn->path, sizeof(fn->path), "%s", dir);
	snprintf(fn->dev.name, sizeof(fn->dev.name), "%s", addr);
	fn->dev.kind = CDK_DEV_PCI;
	fn->dev.pci_id = (struct cdk_pci_id){ (uint16_t)vendor, (uint16_t)device };
	fn->kdrv = kernel_driver(dir, fn->kdrv_name, sizeof(fn->kdrv_name));
	fn->vfio_fd = -1;
	unsigned long node;
	fn->dev.numa_node = read_hex(dir, "numa_node", &node) == 0 && node < 64
				    ? (int)node : 0;
	return fn;
}

/* Not bound to a user-space driver: say how to fix it. */
static int refuse_binding(const struct pci_fn *fn, int explicit)
{
	cdk_log(explicit ? CDK_LOG_ERR : CDK_LOG_WARNING, CDK_LOGTYPE_EAL,
		"PCI %s (%04x:%04x) is bound to %s, not to uio_pci_generic or "
		"vfio-pci; to use it: tools/capdk-devbind --bind=uio_pci_generic %s "
		"(or --bind=vfio-pci with an IOMMU)%s", fn->dev.name,
		fn->dev.pci_id.vendor_id, fn->dev.pci_id.device_id, fn->kdrv_name,
		fn->dev.name, explicit ? "" : "; skipping it");
	return explicit ? -ENODEV : 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted names of the functions in sysfs (so ports are numbered stably). */
static int list_functions(const char *root, char ***names)
{
	DIR *d = opendir(root);
	struct dirent *e;
	int n = 0;

	*names = NULL;
	if (d == NULL)
		return 0; /* no PCI at all (containers): nothing to find */
	while ((e = readdir(d)) != NULL) {
		char **grown;

		if (e->d_name[0] == '.')
			continue;
		grown = realloc(*names, (n + 1) * sizeof(char *));
		if (grown == NULL)
			break;
		*names = grown;
		(*names)[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(*names, n, sizeof(char *), cmp_names);
	return n;
}

static void free_names(char **names, int n)
{
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static int pci_scan(void)
{
	const struct cdk_eal_config *cfg = cdk_eal_get_config();
	char **names;
	int n, rc = 0;

	if (cfg->no_pci)
		return 0;
	n = list_functions(sysfs_root(), &names);
	for (int i = 0; i < n && rc == 0; i++) {
		struct pci_fn *fn;

		if (!wanted(cfg, names[i]) || (fn = inspect(sysfs_root(), names[i])) == NULL)
			continue;
		if (fn->kdrv == KDRV_NONE || fn->kdrv == KDRV_KERNEL) {
			rc = refuse_binding(fn, listed(cfg->allow, cfg->n_allow, names[i]));
			free(fn);
		} else if (n_fns == PCI_MAX) {
			free(fn);
		} else {
			fns[n_fns++] = fn;
		}
	}
	free_names(names, n);
	return rc;
}

/* Let the function master the bus (DMA), through its config space. */
static int set_bus_master(const struct pci_fn *fn)
{
	char path[600];
	uint16_t cmd;
	int fd, rc = 0;

	snprintf(path, sizeof(path), "%s/config", fn->path);
	fd = open(path, O_RDWR);
	if (fd < 0)
		return -errno;
	if (pread(fd, &cmd, 2, PCI_COMMAND) != 2) {
		rc = -EIO;
	} else {
		cmd |= PCI_COMMAND_MASTER | PCI_COMMAND_MEMORY;
		if (pwrite(fd, &cmd, 2, PCI_COMMAND) != 2)
			rc = -EIO;
	}
	close(fd);
	return rc;
}

static int map_uio(struct pci_fn *fn)
{
	char path[600];
	struct stat st;
	int fd;

	if (cdk_eal_iova_mode() != CDK_IOVA_PA) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_EAL, "PCI %s: uio_pci_generic has no "
			"IOMMU: devices need physical addresses (--iova-mode=pa, as root, "
			"with hugepages)", fn->dev.name);
		return -EINVAL;
	}
	snprintf(path, sizeof(path), "%s/resource0", fn->path);
	fd = open(path, O_RDWR | O_SYNC);
	if (fd < 0 || fstat(fd, &st) < 0 || st.st_size == 0) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_EAL, "PCI %s: cannot open %s: %s",
			fn->dev.name, path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -ENODEV;
	}
	fn->bar_len = (size_t)st.st_size;
	fn->bar = mmap(NULL, fn->bar_len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (fn->bar == MAP_FAILED) {
		fn->bar = NULL;
		return -errno;
	}
	return set_bus_master(fn);
}

static int map_function(struct pci_fn *fn)
{
	char owner[CDK_CAP_OWNER_LEN];
	int rc = fn->kdrv == KDRV_UIO ? map_uio(fn)
					: cdk_vfio_map(fn->dev.name, fn->path, &fn->bar,
						       &fn->bar_len, &fn->vfio_fd);

	if (rc < 0)
		return rc;
	snprintf(owner, sizeof(owner), "eal/%.24s", fn->dev.name);
	return cdk_cap_mint((uintptr_t)fn->bar, fn->bar_len, 0,
			    CDK_CAP_PERM_LOAD | CDK_CAP_PERM_STORE | CDK_CAP_PERM_MMIO |
				    CDK_CAP_PERM_DERIVE,
			    owner, "BAR0", &fn->dev.bar_root_);
}

static void release_function(struct pci_fn *fn)
{
	if (fn->attached)
		cdk_pci_detach(&fn->dev);
	if (!cdk_cap_is_null(&fn->dev.bar_root_))
		cdk_cap_revoke(&fn->dev.bar_root_);
	if (fn->bar)
		munmap(fn->bar, fn->bar_len);
	if (fn->vfio_fd >= 0)
		cdk_vfio_unmap(fn->vfio_fd);
	free(fn);
}

static void pci_cleanup(void)
{
	while (n_fns > 0)
		release_function(fns[--n_fns]);
}

static int pci_probe(void)
{
	int rc = 0;

	for (unsigned i = 0; i < n_fns && rc >= 0; i++) {
		rc = map_function(fns[i]);
		if (rc == 0)
			rc = cdk_pci_attach(&fns[i]->dev);
		fns[i]->attached = rc == 0;
	}
	if (rc < 0)
		pci_cleanup();
	return rc < 0 ? rc : 0;
}

/*
 * Before memory is set up: a function bound to uio_pci_generic needs
 * physical addresses; one bound to vfio-pci works with virtual ones.
 */
static enum cdk_iova_mode pci_iova_mode(void)
{
	const struct cdk_eal_config *cfg = cdk_eal_get_config();
	enum cdk_iova_mode mode = CDK_IOVA_DC;
	char **names;
	int n;

	if (cfg->no_pci)
		return CDK_IOVA_DC;
	n = list_functions(sysfs_root(), &names);
	for (int i = 0; i < n; i++) {
		struct pci_fn *fn = wanted(cfg, names[i]) ? inspect(sysfs_root(), names[i])
							  : NULL;

		if (fn && fn->kdrv == KDRV_UIO)
			mode = CDK_IOVA_PA;
		else if (fn && fn->kdrv == KDRV_VFIO && mode == CDK_IOVA_DC)
			mode = CDK_IOVA_VA;
		free(fn);
	}
	free_names(names, n);
	return mode;
}

static struct cdk_bus pci_bus = {
	.name = "pci",
	.iova_mode = pci_iova_mode,
	.scan = pci_scan,
	.probe = pci_probe,
	.cleanup = pci_cleanup,
};

CDK_INIT_PRIO(pci_bus_register, 115)
{
	cdk_bus_register(&pci_bus);
}
