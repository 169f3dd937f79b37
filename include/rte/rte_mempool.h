/* DPDK's rte_mempool: struct rte_mempool is struct cdk_mempool. */
#ifndef _RTE_MEMPOOL_H_
#define _RTE_MEMPOOL_H_

#include <stdint.h>
#include <stdio.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_memory.h>
#include <rte_ring.h>
#include "cdk_mempool.h"

#define rte_mempool cdk_mempool
#define rte_mempool_cache cdk_mempool_cache
#define rte_mempool_objhdr cdk_mempool_objhdr

_Static_assert(RTE_MEMPOOL_CACHE_MAX_SIZE == CDK_MEMPOOL_CACHE_MAX_SIZE,
	       "RTE_MEMPOOL_CACHE_MAX_SIZE differs from capdk's");

#define RTE_MEMPOOL_NAMESIZE CDK_MEMPOOL_NAMESIZE
#define RTE_MEMPOOL_MZ_PREFIX "MP_"
#define RTE_MEMPOOL_F_NO_SPREAD CDK_MEMPOOL_F_NO_SPREAD
#define RTE_MEMPOOL_F_NO_CACHE_ALIGN CDK_MEMPOOL_F_NO_CACHE_ALIGN
#define RTE_MEMPOOL_F_SP_PUT CDK_MEMPOOL_F_SP_PUT
#define RTE_MEMPOOL_F_SC_GET CDK_MEMPOOL_F_SC_GET
#define RTE_MEMPOOL_F_POOL_CREATED CDK_MEMPOOL_F_POOL_CREATED
#define RTE_MEMPOOL_F_NO_IOVA_CONTIG CDK_MEMPOOL_F_NO_IOVA_CONTIG
#define RTE_MEMPOOL_F_NON_IO CDK_MEMPOOL_F_NON_IO
#define MEMPOOL_F_NO_SPREAD RTE_MEMPOOL_F_NO_SPREAD
#define MEMPOOL_F_NO_CACHE_ALIGN RTE_MEMPOOL_F_NO_CACHE_ALIGN
#define MEMPOOL_F_SP_PUT RTE_MEMPOOL_F_SP_PUT
#define MEMPOOL_F_SC_GET RTE_MEMPOOL_F_SC_GET
#define MEMPOOL_F_POOL_CREATED RTE_MEMPOOL_F_POOL_CREATED
#define MEMPOOL_F_NO_IOVA_CONTIG RTE_MEMPOOL_F_NO_IOVA_CONTIG
#define RTE_MEMPOOL_CACHE_FLUSHTHRESH_MULTIPLIER CDK_MEMPOOL_CACHE_FLUSHTHRESH_MULTIPLIER
#define RTE_MEMPOOL_CALC_CACHE_FLUSHTHRESH(c) CDK_MEMPOOL_CALC_CACHE_FLUSHTHRESH(c)

typedef cdk_mempool_obj_cb_t rte_mempool_obj_cb_t;
typedef cdk_mempool_ctor_t rte_mempool_ctor_t;
typedef void(rte_mempool_obj_ctor_t)(struct rte_mempool *, void *, void *, unsigned);

/*
 * DPDK's order: an empty pool, the pool constructor (e.g. to fill the
 * private area), the objects, then the object constructor on each.
 */
static inline struct rte_mempool *
rte_mempool_create(const char *name, unsigned n, unsigned elt_size,
		   unsigned cache_size, unsigned private_data_size,
		   rte_mempool_ctor_t *mp_init, void *mp_init_arg,
		   rte_mempool_obj_cb_t *obj_init, void *obj_init_arg,
		   int socket_id, unsigned flags)
{
	struct rte_mempool *mp;
	int rc;

	if (mp_init == NULL)
		return cdk_mempool_create(name, n, elt_size, cache_size,
					  private_data_size, obj_init,
					  obj_init_arg, socket_id, flags);
	mp = cdk_mempool_create_empty(name, n, elt_size, cache_size,
				      private_data_size, socket_id, flags);
	if (mp == NULL)
		return NULL;
	mp_init(mp, mp_init_arg);
	rc = cdk_mempool_populate_default(mp);
	if (rc < 0) {
		cdk_mempool_free(mp);
		rte_errno = -rc;
		return NULL;
	}
	if (obj_init != NULL)
		cdk_mempool_obj_iter(mp, obj_init, obj_init_arg);
	return mp;
}

#define rte_mempool_create_empty cdk_mempool_create_empty
#define rte_mempool_populate_default cdk_mempool_populate_default
#define rte_mempool_free cdk_mempool_free
#define rte_mempool_lookup cdk_mempool_lookup
#define rte_mempool_obj_iter cdk_mempool_obj_iter
#define rte_mempool_walk cdk_mempool_walk
#define rte_mempool_avail_count cdk_mempool_avail_count
#define rte_mempool_in_use_count cdk_mempool_in_use_count
#define rte_mempool_full cdk_mempool_full
#define rte_mempool_empty cdk_mempool_empty
#define rte_mempool_dump cdk_mempool_dump
#define rte_mempool_list_dump cdk_mempool_list_dump
#define rte_mempool_get_priv cdk_mempool_get_priv
#define rte_mempool_get_header cdk_mempool_get_header
#define rte_mempool_from_obj cdk_mempool_from_obj
#define rte_mempool_virt2iova cdk_mempool_virt2iova
#define rte_mempool_default_cache cdk_mempool_default_cache
#define rte_mempool_cache_flush cdk_mempool_cache_flush
#define rte_mempool_generic_put cdk_mempool_generic_put
#define rte_mempool_generic_get cdk_mempool_generic_get
#define rte_mempool_put_bulk cdk_mempool_put_bulk
#define rte_mempool_put cdk_mempool_put
#define rte_mempool_get_bulk cdk_mempool_get_bulk
#define rte_mempool_get cdk_mempool_get

static inline unsigned rte_mempool_count(const struct rte_mempool *mp)
{
	return cdk_mempool_avail_count(mp);
}

static inline void rte_mempool_audit(struct rte_mempool *mp)
{
	(void)mp;
}

struct rte_mempool_cache *rte_mempool_cache_create(uint32_t size, int socket_id)
	__rte_capdk_unsupported("rte_mempool_cache_create (user-owned caches)");
void rte_mempool_cache_free(struct rte_mempool_cache *cache)
	__rte_capdk_unsupported("rte_mempool_cache_free (user-owned caches)");
int rte_mempool_set_ops_byname(struct rte_mempool *mp, const char *name,
			       void *pool_config)
	__rte_capdk_unsupported("rte_mempool_set_ops_byname (mempool drivers)");
int rte_mempool_populate_anon(struct rte_mempool *mp)
	__rte_capdk_unsupported("rte_mempool_populate_anon");
int rte_mempool_get_contig_blocks(struct rte_mempool *mp, void **first_obj_table,
				  unsigned n)
	__rte_capdk_unsupported("rte_mempool_get_contig_blocks");
uint32_t rte_mempool_mem_iter(struct rte_mempool *mp, void *mem_cb, void *mem_cb_arg)
	__rte_capdk_unsupported("rte_mempool_mem_iter");

#endif
