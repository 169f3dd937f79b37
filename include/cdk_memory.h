/*
 * EAL memory: segments per NUMA socket (hugepage-backed when the system has
 * hugepages, anonymous otherwise), each a root capability; a heap on top of
 * them; IOVA of any address in a segment.
 */
#ifndef CDK_MEMORY_H
#define CDK_MEMORY_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "cdk_cap.h"

#define CDK_SOCKET_ID_ANY (-1)
#define CDK_BAD_IOVA UINT64_MAX

enum cdk_iova_mode {
	CDK_IOVA_DC = 0, /* not decided yet */
	CDK_IOVA_PA,     /* physical addresses (from /proc/self/pagemap) */
	CDK_IOVA_VA,     /* virtual addresses (an IOMMU, or device models) */
};

struct cdk_memseg {
	void *addr;
	size_t len;
	size_t page_sz;     /* 4 KiB, 2 MiB or 1 GiB */
	int socket_id;
	int hugepage;       /* backed by hugepages */
	uint64_t *page_iova; /* IOVA of each page */
	cdk_cap_t cap;      /* the root capability of this segment */
};

enum cdk_iova_mode cdk_eal_iova_mode(void);
int cdk_eal_has_hugepages(void);

/* Allocation from EAL memory; align is a power of two (0: cache line). */
void *cdk_malloc(const char *type, size_t size, unsigned align);
void *cdk_zmalloc(const char *type, size_t size, unsigned align);
void *cdk_calloc(const char *type, size_t num, size_t size, unsigned align);
void *cdk_malloc_socket(const char *type, size_t size, unsigned align,
			int socket);
void *cdk_zmalloc_socket(const char *type, size_t size, unsigned align,
			 int socket);
void *cdk_realloc(void *ptr, size_t size, unsigned align);
void cdk_free(void *ptr);

/* The socket of the memory holding addr, or -1 if not EAL memory. */
int cdk_mem_socket_of(const void *addr);
/* IOVA of addr; CDK_BAD_IOVA if addr is not EAL memory. */
uint64_t cdk_mem_virt2iova(const void *addr);
/* Physical address from pagemap; CDK_BAD_IOVA without permission. */
uint64_t cdk_mem_virt2phy(const void *addr);
/* The segment holding addr, or NULL. */
const struct cdk_memseg *cdk_mem_virt2memseg(const void *addr);
/* Are [addr, addr+len) IOVA-contiguous? */
int cdk_mem_iova_contig(const void *addr, size_t len);

/* Segment iteration. */
unsigned cdk_memseg_count(void);
const struct cdk_memseg *cdk_memseg_get(unsigned i);

/* Heap statistics for a socket (-1: all). */
struct cdk_malloc_socket_stats {
	size_t heap_totalsz_bytes;
	size_t heap_freesz_bytes;
	size_t heap_allocsz_bytes;
	unsigned alloc_count;
	unsigned free_count; /* free blocks */
};
int cdk_malloc_get_socket_stats(int socket,
				struct cdk_malloc_socket_stats *s);
void cdk_malloc_dump_stats(FILE *f);

#endif
