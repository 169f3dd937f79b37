/* DPDK's memory API: IOVAs, sockets, segments. */
#ifndef _RTE_MEMORY_H_
#define _RTE_MEMORY_H_

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <rte_common.h>
#include "cdk_memory.h"

#define SOCKET_ID_ANY CDK_SOCKET_ID_ANY
#define RTE_PGSIZE_4K (1ULL << 12)
#define RTE_PGSIZE_2M (1ULL << 21)
#define RTE_PGSIZE_1G (1ULL << 30)

static inline rte_iova_t rte_mem_virt2iova(const void *virt)
{
	return cdk_mem_virt2iova(virt);
}

static inline phys_addr_t rte_mem_virt2phy(const void *virt)
{
	return cdk_mem_virt2phy(virt);
}

unsigned rte_memory_get_nchannel(void)
	__rte_capdk_unsupported("rte_memory_get_nchannel");
uint64_t rte_eal_get_physmem_size(void)
	__rte_capdk_unsupported("rte_eal_get_physmem_size");
void rte_dump_physmem_layout(FILE *f)
	__rte_capdk_unsupported("rte_dump_physmem_layout");
int rte_memseg_walk(void *func, void *arg)
	__rte_capdk_unsupported("rte_memseg_walk");
const void *rte_memzone_reserve(const char *name, size_t len, int socket_id,
				unsigned flags)
	__rte_capdk_unsupported("rte_memzone_reserve (memzones)");
const void *rte_memzone_lookup(const char *name)
	__rte_capdk_unsupported("rte_memzone_lookup (memzones)");

#endif
