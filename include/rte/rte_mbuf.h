/* DPDK's packet buffer API over capdk's mbufs (same objects, same semantics). */
#ifndef _RTE_MBUF_H_
#define _RTE_MBUF_H_

#include <stdint.h>
#include <stdio.h>

#include <rte_common.h>
#include <rte_config.h>
#include <rte_branch_prediction.h>
#include <rte_byteorder.h>
#include <rte_debug.h>
#include <rte_errno.h>
#include <rte_mempool.h>
#include <rte_memory.h>
#include <rte_prefetch.h>
#include <rte_mbuf_core.h>
#include <rte_mbuf_ptype.h>
#include "cdk_mbuf.h"

/* Pools (NULL with rte_errno on failure, as DPDK). */
#define rte_pktmbuf_pool_create cdk_pktmbuf_pool_create
#define rte_pktmbuf_pool_init cdk_pktmbuf_pool_init
#define rte_pktmbuf_init cdk_pktmbuf_init
#define rte_pktmbuf_data_room_size cdk_pktmbuf_data_room_size
#define rte_pktmbuf_priv_size cdk_pktmbuf_priv_size

/* Allocation, reference counts, free. */
#define rte_mbuf_raw_alloc cdk_mbuf_raw_alloc
#define rte_mbuf_raw_free cdk_mbuf_raw_free
#define rte_pktmbuf_reset_headroom cdk_pktmbuf_reset_headroom
#define rte_pktmbuf_reset cdk_pktmbuf_reset
#define rte_pktmbuf_alloc cdk_pktmbuf_alloc
#define rte_pktmbuf_alloc_bulk cdk_pktmbuf_alloc_bulk
#define rte_mbuf_refcnt_read cdk_mbuf_refcnt_read
#define rte_mbuf_refcnt_set cdk_mbuf_refcnt_set
#define rte_mbuf_refcnt_update cdk_mbuf_refcnt_update
#define rte_pktmbuf_prefree_seg cdk_pktmbuf_prefree_seg
#define rte_pktmbuf_free_seg cdk_pktmbuf_free_seg
#define rte_pktmbuf_free cdk_pktmbuf_free
#define rte_pktmbuf_free_bulk cdk_pktmbuf_free_bulk

/* Indirect mbufs and copies. */
#define rte_pktmbuf_attach cdk_pktmbuf_attach
#define rte_pktmbuf_detach cdk_pktmbuf_detach
#define rte_pktmbuf_clone cdk_pktmbuf_clone
#define rte_pktmbuf_copy cdk_pktmbuf_copy
#define rte_mbuf_from_indirect cdk_mbuf_from_indirect
#define rte_mbuf_to_baddr cdk_mbuf_to_baddr
#define rte_mbuf_to_priv cdk_mbuf_to_priv

/* Data. */
#define rte_pktmbuf_headroom cdk_pktmbuf_headroom
#define rte_pktmbuf_tailroom cdk_pktmbuf_tailroom
#define rte_pktmbuf_lastseg cdk_pktmbuf_lastseg
#define rte_pktmbuf_is_contiguous cdk_pktmbuf_is_contiguous
#define rte_pktmbuf_prepend cdk_pktmbuf_prepend
#define rte_pktmbuf_append cdk_pktmbuf_append
#define rte_pktmbuf_adj cdk_pktmbuf_adj
#define rte_pktmbuf_chain cdk_pktmbuf_chain
#define rte_pktmbuf_read cdk_pktmbuf_read

/* Diagnostics. */
#define rte_pktmbuf_dump cdk_pktmbuf_dump
#define rte_get_rx_ol_flag_name cdk_get_rx_ol_flag_name
#define rte_get_tx_ol_flag_name cdk_get_tx_ol_flag_name
#define rte_mbuf_check cdk_mbuf_check

/* 0, or -1 if the last segment is shorter than len (DPDK returns -1). */
static inline int rte_pktmbuf_trim(struct rte_mbuf *m, uint16_t len)
{
	return cdk_pktmbuf_trim(m, len) == 0 ? 0 : -1;
}

/* Every segment's reference count (DPDK's rte_pktmbuf_refcnt_update). */
static inline void rte_pktmbuf_refcnt_update(struct rte_mbuf *m, int16_t v)
{
	for (; m != NULL; m = m->next)
		cdk_mbuf_refcnt_update(m, v);
}

/* Panics if m is not a consistent mbuf (as DPDK). */
static inline void rte_mbuf_sanity_check(const struct rte_mbuf *m, int is_header)
{
	const char *reason;

	if (cdk_mbuf_check(m, is_header, &reason) != 0)
		rte_panic("%s\n", reason);
}

static inline rte_iova_t rte_mbuf_data_iova(const struct rte_mbuf *mb)
{
	return mb->buf_iova + mb->data_off;
}

static inline rte_iova_t rte_mbuf_data_iova_default(const struct rte_mbuf *mb)
{
	return mb->buf_iova + RTE_PKTMBUF_HEADROOM;
}

static inline void *rte_mbuf_buf_addr(struct rte_mbuf *mb, struct rte_mempool *mp)
{
	return (char *)mb + sizeof(*mb) + cdk_pktmbuf_priv_size(mp);
}

static inline void *rte_mbuf_data_addr_default(struct rte_mbuf *mb)
{
	return (char *)mb->buf_addr + RTE_PKTMBUF_HEADROOM;
}

static inline void rte_mbuf_prefetch_part1(struct rte_mbuf *m)
{
	rte_prefetch0(m);
}

static inline void rte_mbuf_prefetch_part2(struct rte_mbuf *m)
{
	rte_prefetch0((char *)m + RTE_CACHE_LINE_SIZE);
}

/* Checks of tx offload requests against the mbuf (DPDK's rules). */
static inline int rte_validate_tx_offload(const struct rte_mbuf *m)
{
	uint64_t ol_flags = m->ol_flags;

	if (!(ol_flags & RTE_MBUF_F_TX_OFFLOAD_MASK))
		return 0;
	if ((ol_flags & RTE_MBUF_F_TX_IPV4) && (ol_flags & RTE_MBUF_F_TX_IPV6))
		return -EINVAL;
	if ((ol_flags & (RTE_MBUF_F_TX_L4_MASK | RTE_MBUF_F_TX_TCP_SEG)) &&
	    !(ol_flags & (RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IPV6)))
		return -EINVAL;
	if ((ol_flags & RTE_MBUF_F_TX_IP_CKSUM) && !(ol_flags & RTE_MBUF_F_TX_IPV4))
		return -EINVAL;
	if ((ol_flags & RTE_MBUF_F_TX_TCP_SEG) &&
	    (m->tso_segsz == 0 || m->l4_len == 0))
		return -EINVAL;
	if ((ol_flags & RTE_MBUF_F_TX_OUTER_IP_CKSUM) &&
	    !(ol_flags & RTE_MBUF_F_TX_OUTER_IPV4))
		return -EINVAL;
	return 0;
}

struct rte_mempool *rte_pktmbuf_pool_create_by_ops(const char *name, unsigned n,
						   unsigned cache_size, uint16_t priv_size,
						   uint16_t data_room_size, int socket_id,
						   const char *ops_name)
	__rte_capdk_unsupported("rte_pktmbuf_pool_create_by_ops (mempool drivers)");
struct rte_mempool *rte_pktmbuf_pool_create_extbuf(const char *name, unsigned n,
						   unsigned cache_size, uint16_t priv_size,
						   uint16_t data_room_size, int socket_id,
						   const void *ext_mem, unsigned ext_num)
	__rte_capdk_unsupported("rte_pktmbuf_pool_create_extbuf (external buffers)");
void rte_pktmbuf_attach_extbuf(struct rte_mbuf *m, void *buf_addr, rte_iova_t buf_iova,
			       uint16_t buf_len, void *shinfo)
	__rte_capdk_unsupported("rte_pktmbuf_attach_extbuf (external buffers)");
int rte_pktmbuf_linearize(struct rte_mbuf *mbuf)
	__rte_capdk_unsupported("rte_pktmbuf_linearize");
int rte_pktmbuf_copy_hdr(struct rte_mbuf *mdst, const struct rte_mbuf *msrc)
	__rte_capdk_unsupported("rte_pktmbuf_copy_hdr");
const char *rte_mbuf_best_mempool_ops(void)
	__rte_capdk_unsupported("rte_mbuf_best_mempool_ops (mempool drivers)");

#endif
