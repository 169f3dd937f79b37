/* DPDK's allocator API over capdk's heap in EAL memory. */
#ifndef _RTE_MALLOC_H_
#define _RTE_MALLOC_H_

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_memory.h>

static inline void *rte_malloc(const char *type, size_t size, unsigned align)
{
	return cdk_malloc(type, size, align);
}

static inline void *rte_zmalloc(const char *type, size_t size, unsigned align)
{
	return cdk_zmalloc(type, size, align);
}

static inline void *rte_calloc(const char *type, size_t num, size_t size,
			       unsigned align)
{
	return cdk_calloc(type, num, size, align);
}

static inline void *rte_realloc(void *ptr, size_t size, unsigned align)
{
	return cdk_realloc(ptr, size, align);
}

static inline void *rte_malloc_socket(const char *type, size_t size,
				      unsigned align, int socket)
{
	return cdk_malloc_socket(type, size, align, socket);
}

static inline void *rte_zmalloc_socket(const char *type, size_t size,
				       unsigned align, int socket)
{
	return cdk_zmalloc_socket(type, size, align, socket);
}

static inline void *rte_calloc_socket(const char *type, size_t num,
				      size_t size, unsigned align, int socket)
{
	if (size != 0 && num > SIZE_MAX / size) {
		rte_errno = ENOMEM;
		return NULL;
	}
	return cdk_zmalloc_socket(type, num * size, align, socket);
}

static inline void rte_free(void *ptr)
{
	cdk_free(ptr);
}

static inline void rte_malloc_dump_stats(FILE *f, const char *type)
{
	(void)type;
	cdk_malloc_dump_stats(f);
}

static inline rte_iova_t rte_malloc_virt2iova(const void *addr)
{
	return cdk_mem_virt2iova(addr);
}

void *rte_realloc_socket(void *ptr, size_t size, unsigned align, int socket)
	__rte_capdk_unsupported("rte_realloc_socket");
int rte_malloc_validate(const void *ptr, size_t *size)
	__rte_capdk_unsupported("rte_malloc_validate");
int rte_malloc_heap_create(const char *heap_name)
	__rte_capdk_unsupported("rte_malloc_heap_create (external heaps)");

#endif
