/* DPDK's rte_ring: struct rte_ring is struct cdk_ring (same head/tail ring). */
#ifndef _RTE_RING_H_
#define _RTE_RING_H_

#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_memory.h>
#include "cdk_ring.h"

#define rte_ring cdk_ring

#define RTE_RING_NAMESIZE CDK_RING_NAMESIZE
#define RTE_RING_MZ_PREFIX "RG_"
#define RING_F_SP_ENQ CDK_RING_F_SP_ENQ
#define RING_F_SC_DEQ CDK_RING_F_SC_DEQ
#define RING_F_EXACT_SZ CDK_RING_F_EXACT_SZ
/* Accepted by name; capdk's rings refuse them (EINVAL) at creation. */
#define RING_F_MP_RTS_ENQ 0x0008
#define RING_F_MC_RTS_DEQ 0x0010
#define RING_F_MP_HTS_ENQ 0x0020
#define RING_F_MC_HTS_DEQ 0x0040
#define RTE_RING_SZ_MASK CDK_RING_SZ_MASK

enum rte_ring_queue_behavior {
	RTE_RING_QUEUE_FIXED = CDK_RING_QUEUE_FIXED,
	RTE_RING_QUEUE_VARIABLE = CDK_RING_QUEUE_VARIABLE,
};

#define rte_ring_get_memsize cdk_ring_get_memsize
#define rte_ring_init cdk_ring_init
#define rte_ring_create cdk_ring_create
#define rte_ring_free cdk_ring_free
#define rte_ring_lookup cdk_ring_lookup
#define rte_ring_reset cdk_ring_reset
#define rte_ring_dump cdk_ring_dump
#define rte_ring_list_dump cdk_ring_list_dump

#define rte_ring_mp_enqueue_bulk cdk_ring_mp_enqueue_bulk
#define rte_ring_sp_enqueue_bulk cdk_ring_sp_enqueue_bulk
#define rte_ring_enqueue_bulk cdk_ring_enqueue_bulk
#define rte_ring_mp_enqueue_burst cdk_ring_mp_enqueue_burst
#define rte_ring_sp_enqueue_burst cdk_ring_sp_enqueue_burst
#define rte_ring_enqueue_burst cdk_ring_enqueue_burst
#define rte_ring_mc_dequeue_bulk cdk_ring_mc_dequeue_bulk
#define rte_ring_sc_dequeue_bulk cdk_ring_sc_dequeue_bulk
#define rte_ring_dequeue_bulk cdk_ring_dequeue_bulk
#define rte_ring_mc_dequeue_burst cdk_ring_mc_dequeue_burst
#define rte_ring_sc_dequeue_burst cdk_ring_sc_dequeue_burst
#define rte_ring_dequeue_burst cdk_ring_dequeue_burst
#define rte_ring_mp_enqueue cdk_ring_mp_enqueue
#define rte_ring_sp_enqueue cdk_ring_sp_enqueue
#define rte_ring_enqueue cdk_ring_enqueue
#define rte_ring_mc_dequeue cdk_ring_mc_dequeue
#define rte_ring_sc_dequeue cdk_ring_sc_dequeue
#define rte_ring_dequeue cdk_ring_dequeue
#define rte_ring_count cdk_ring_count
#define rte_ring_free_count cdk_ring_free_count
#define rte_ring_full cdk_ring_full
#define rte_ring_empty cdk_ring_empty
#define rte_ring_get_size cdk_ring_get_size
#define rte_ring_get_capacity cdk_ring_get_capacity
#define rte_ring_get_flags cdk_ring_get_flags

struct rte_ring *rte_ring_create_elem(const char *name, unsigned esize,
				      unsigned count, int socket_id,
				      unsigned flags)
	__rte_capdk_unsupported("rte_ring_create_elem (rings of non-pointer elements)");
unsigned rte_ring_enqueue_bulk_elem(struct rte_ring *r, const void *obj_table,
				    unsigned esize, unsigned n, unsigned *free_space)
	__rte_capdk_unsupported("rte_ring_enqueue_bulk_elem");
unsigned rte_ring_dequeue_bulk_elem(struct rte_ring *r, void *obj_table,
				    unsigned esize, unsigned n, unsigned *available)
	__rte_capdk_unsupported("rte_ring_dequeue_bulk_elem");
unsigned rte_ring_enqueue_burst_elem(struct rte_ring *r, const void *obj_table,
				     unsigned esize, unsigned n, unsigned *free_space)
	__rte_capdk_unsupported("rte_ring_enqueue_burst_elem");
unsigned rte_ring_dequeue_burst_elem(struct rte_ring *r, void *obj_table,
				     unsigned esize, unsigned n, unsigned *available)
	__rte_capdk_unsupported("rte_ring_dequeue_burst_elem");

#endif
