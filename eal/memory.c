/*
 * EAL memory segments: per NUMA socket, hugepage-backed when the system has
 * free hugepages, anonymous 4 KiB pages otherwise; each one a root capability.
 * IOVA is the physical address (PA mode, from /proc/self/pagemap) or the
 * virtual address (VA mode).
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <numa.h>
#include <numaif.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cdk_cap_authority.h"
#include "cdk_log.h"
#include "eal_private.h"

#define MAX_SEGS CDK_MAX_NUMA_NODES
#define DEFAULT_MEM_MB 64 /* as DPDK without hugepages */
#define HUGE_2M (2u << 20)

static struct cdk_memseg segs[MAX_SEGS];
static unsigned n_segs;
static enum cdk_iova_mode iova_mode = CDK_IOVA_DC;
static int have_huge;

enum cdk_iova_mode cdk_eal_iova_mode(void)
{
	return iova_mode;
}

int cdk_eal_has_hugepages(void)
{
	return have_huge;
}

/* Free 2 MiB hugepages on a node (sysfs), or 0. */
static unsigned long free_hugepages(int node)
{
	char path[128];
	unsigned long n = 0;
	FILE *f;

	snprintf(path, sizeof(path),
		 "/sys/devices/system/node/node%d/hugepages/hugepages-2048kB/free_hugepages",
		 node);
	f = fopen(path, "r");
	if (f == NULL && node == 0)
		f = fopen("/sys/kernel/mm/hugepages/hugepages-2048kB/free_hugepages", "r");
	if (f == NULL)
		return 0;
	if (fscanf(f, "%lu", &n) != 1)
		n = 0;
	fclose(f);
	return n;
}

uint64_t cdk_mem_virt2phy(const void *addr)
{
	long pg = sysconf(_SC_PAGESIZE);
	uint64_t entry;
	off_t off = (off_t)((uintptr_t)addr / pg) * sizeof(entry);
	int fd = open("/proc/self/pagemap", O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return CDK_BAD_IOVA;
	n = pread(fd, &entry, sizeof(entry), off);
	close(fd);
	/* Bit 63: present; bits 0-54: frame number (zero without CAP_SYS_ADMIN). */
	if (n != sizeof(entry) || !(entry & (1ull << 63)) ||
	    (entry & ((1ull << 55) - 1)) == 0)
		return CDK_BAD_IOVA;
	return (entry & ((1ull << 55) - 1)) * pg + ((uintptr_t)addr % pg);
}

/* Map len bytes on node: hugepages if asked, else anonymous small pages. */
static void *map_segment(size_t len, int node, int huge, const char *huge_dir,
			 const char *prefix)
{
	int flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE;
	void *p;

	if (huge && huge_dir[0] == '\0')
		flags |= MAP_HUGETLB;
	if (huge && huge_dir[0] != '\0') {
		char path[300];
		int fd;

		snprintf(path, sizeof(path), "%.200s/%.60s_seg_XXXXXX", huge_dir, prefix);
		fd = mkstemp(path);
		if (fd < 0)
			return MAP_FAILED;
		unlink(path); /* memory lives only as long as the mapping */
		p = mmap(NULL, len, PROT_READ | PROT_WRITE,
			 MAP_SHARED | MAP_POPULATE, fd, 0);
		close(fd);
	} else {
		p = mmap(NULL, len, PROT_READ | PROT_WRITE, flags, -1, 0);
	}
	if (p == MAP_FAILED)
		return p;
	if (numa_available() >= 0 && numa_max_node() > 0) {
		unsigned long mask = 1ul << node;

		mbind(p, len, MPOL_BIND, &mask, sizeof(mask) * 8, MPOL_MF_MOVE);
	}
	/* A device's view of the memory must not move under it. */
	if (mlock(p, len) != 0)
		cdk_log(CDK_LOG_DEBUG, CDK_LOGTYPE_MEM, "mlock: %s", strerror(errno));
	memset(p, 0, len);
	return p;
}

static int fill_iova(struct cdk_memseg *s)
{
	size_t n = s->len / s->page_sz;

	s->page_iova = calloc(n, sizeof(uint64_t));
	if (s->page_iova == NULL)
		return -ENOMEM;
	for (size_t i = 0; i < n; i++) {
		const char *va = (const char *)s->addr + i * s->page_sz;

		s->page_iova[i] = iova_mode == CDK_IOVA_VA ? (uint64_t)(uintptr_t)va
							    : cdk_mem_virt2phy(va);
		if (s->page_iova[i] == CDK_BAD_IOVA) {
			cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_MEM,
				"--iova-mode=pa: /proc/self/pagemap gives no frame "
				"numbers (run as root, or use --iova-mode=va)");
			return -EPERM;
		}
	}
	return 0;
}

static int contiguous(const struct cdk_memseg *s)
{
	for (size_t i = 1; i < s->len / s->page_sz; i++)
		if (s->page_iova[i] != s->page_iova[0] + i * s->page_sz)
			return 0;
	return 1;
}

static int add_segment(const struct cdk_eal_config *cfg, int node, size_t mb)
{
	struct cdk_memseg *s = &segs[n_segs];
	size_t len = mb << 20;
	int huge = !cfg->no_huge && free_hugepages(node) * HUGE_2M >= len;
	uint32_t perms = CDK_CAP_PERM_LOAD | CDK_CAP_PERM_STORE |
			 CDK_CAP_PERM_DMA | CDK_CAP_PERM_DERIVE;
	char owner[32];
	int rc;

	memset(s, 0, sizeof(*s));
	s->addr = map_segment(len, node, huge, cfg->huge_dir, cfg->file_prefix);
	if (s->addr == MAP_FAILED) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_MEM,
			"cannot map %zu MiB on socket %d: %s", mb, node,
			strerror(errno));
		return -ENOMEM;
	}
	s->len = len;
	s->page_sz = huge ? HUGE_2M : (size_t)sysconf(_SC_PAGESIZE);
	s->socket_id = node;
	s->hugepage = huge;
	n_segs++;
	rc = fill_iova(s);
	if (rc < 0)
		return rc;
	if (!contiguous(s))
		perms |= CDK_CAP_ATTR_PAGED;
	snprintf(owner, sizeof(owner), "eal/mem socket%d", node);
	have_huge |= huge;
	return cdk_cap_mint((uintptr_t)s->addr, len, s->page_iova[0], perms, owner,
			    huge ? "hugepage segment" : "segment", &s->cap);
}

static int pick_iova_mode(const struct cdk_eal_config *cfg)
{
	iova_mode = cfg->iova_mode;
	if (iova_mode == CDK_IOVA_DC) /* device models and IOMMUs take VA */
		iova_mode = CDK_IOVA_VA;
	if (iova_mode == CDK_IOVA_PA) {
		static int probe;

		if (cdk_mem_virt2phy(&probe) == CDK_BAD_IOVA) {
			cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_MEM,
				"--iova-mode=pa: /proc/self/pagemap gives no frame "
				"numbers (run as root, or use --iova-mode=va)");
			return -EPERM;
		}
	}
	return 0;
}

int cdk_eal_memory_init(const struct cdk_eal_config *cfg)
{
	int nodes = numa_available() >= 0 ? numa_max_node() + 1 : 1;
	int rc = pick_iova_mode(cfg);

	if (rc < 0)
		return rc;
	if (nodes > MAX_SEGS)
		nodes = MAX_SEGS;
	for (int node = 0; node < nodes && rc == 0; node++) {
		size_t mb = cfg->socket_mem_set ? cfg->socket_mem_mb[node]
			    : node == 0 ? (cfg->mem_mb ? cfg->mem_mb : DEFAULT_MEM_MB)
					: 0;
		if (mb)
			rc = add_segment(cfg, node, mb);
	}
	if (rc == 0 && n_segs == 0) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_MEM, "no memory requested on any socket");
		rc = -EINVAL;
	}
	if (rc == 0 && !have_huge)
		cdk_log(CDK_LOG_NOTICE, CDK_LOGTYPE_MEM,
			"no hugepages%s: using anonymous 4 KiB pages",
			cfg->no_huge ? " (--no-huge)" : " available");
	if (rc < 0)
		cdk_eal_memory_fini();
	return rc;
}

void cdk_eal_memory_fini(void)
{
	for (unsigned i = 0; i < n_segs; i++) {
		munmap(segs[i].addr, segs[i].len);
		free(segs[i].page_iova);
	}
	memset(segs, 0, sizeof(segs));
	n_segs = 0;
	have_huge = 0;
	iova_mode = CDK_IOVA_DC;
}

unsigned cdk_memseg_count(void)
{
	return n_segs;
}

const struct cdk_memseg *cdk_memseg_get(unsigned i)
{
	return i < n_segs ? &segs[i] : NULL;
}

const struct cdk_memseg *cdk_mem_virt2memseg(const void *addr)
{
	uintptr_t a = (uintptr_t)addr;

	for (unsigned i = 0; i < n_segs; i++)
		if (a >= (uintptr_t)segs[i].addr &&
		    a - (uintptr_t)segs[i].addr < segs[i].len)
			return &segs[i];
	return NULL;
}

int cdk_mem_socket_of(const void *addr)
{
	const struct cdk_memseg *s = cdk_mem_virt2memseg(addr);

	return s ? s->socket_id : -1;
}

uint64_t cdk_mem_virt2iova(const void *addr)
{
	const struct cdk_memseg *s = cdk_mem_virt2memseg(addr);
	size_t off;

	if (s == NULL)
		return CDK_BAD_IOVA;
	off = (uintptr_t)addr - (uintptr_t)s->addr;
	return s->page_iova[off / s->page_sz] + off % s->page_sz;
}

int cdk_mem_iova_contig(const void *addr, size_t len)
{
	const struct cdk_memseg *s = cdk_mem_virt2memseg(addr);
	size_t first, last;

	if (s == NULL || len == 0 ||
	    (uintptr_t)addr - (uintptr_t)s->addr + len > s->len)
		return 0;
	first = ((uintptr_t)addr - (uintptr_t)s->addr) / s->page_sz;
	last = ((uintptr_t)addr - (uintptr_t)s->addr + len - 1) / s->page_sz;
	for (size_t p = first + 1; p <= last; p++)
		if (s->page_iova[p] != s->page_iova[first] + (p - first) * s->page_sz)
			return 0;
	return 1;
}
