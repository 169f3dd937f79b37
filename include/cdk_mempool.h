/*
 * Pools of fixed-size objects in EAL memory (DPDK's rte_mempool semantics).
 *
 * Free objects live in a cdk_ring; each lcore has a cache in front of it so
 * that most gets and puts touch only lcore-local memory. Threads that are not
 * EAL lcores go to the ring directly.
 *
 * All objects of a pool lie in one block of EAL memory, and that block is one
 * DMA capability (cdk_mempool_dma_cap): drivers receive the capability, not
 * raw addresses, and check every buffer address against it. Each object's
 * IOVA is recorded in its header; in PA mode without hugepages no object's
 * body crosses a 4 KiB page whose successor is not physically contiguous.
 *
 * Object layout: [header (cache line) | object (elt_size, rounded)].
 */
#ifndef CDK_MEMPOOL_H
#define CDK_MEMPOOL_H

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cdk_cap.h"
#include "cdk_common.h"
#include "cdk_lcore.h"
#include "cdk_ptr_copy.h"
#include "cdk_ring.h"

/* Room for "MP_" in front of the name of the pool's ring. */
#define CDK_MEMPOOL_NAMESIZE (CDK_RING_NAMESIZE - 3)
#define CDK_MEMPOOL_CACHE_MAX_SIZE 512
/* A cache is flushed to the ring once it holds more than size * 1.5. */
#define CDK_MEMPOOL_CACHE_FLUSHTHRESH_MULTIPLIER 1.5
#define CDK_MEMPOOL_CALC_CACHE_FLUSHTHRESH(c) \
	((__typeof__(c))((c) * CDK_MEMPOOL_CACHE_FLUSHTHRESH_MULTIPLIER))

/* Flags (DPDK's values). */
#define CDK_MEMPOOL_F_NO_SPREAD 0x0001u      /* accepted, no effect */
#define CDK_MEMPOOL_F_NO_CACHE_ALIGN 0x0002u /* objects 8-byte aligned only */
#define CDK_MEMPOOL_F_SP_PUT 0x0004u         /* single-producer ring */
#define CDK_MEMPOOL_F_SC_GET 0x0008u         /* single-consumer ring */
#define CDK_MEMPOOL_F_POOL_CREATED 0x0010u   /* internal: populated */
#define CDK_MEMPOOL_F_NO_IOVA_CONTIG 0x0020u /* objects may cross pages */
#define CDK_MEMPOOL_F_NON_IO 0x0040u         /* accepted, no effect */
#define CDK_MEMPOOL_F_USER_MASK 0x006fu

struct cdk_mempool;

/* Per-lcore cache of free objects. objs has room for a flush threshold of
 * up to 1.5 * max size plus a full refill request. */
struct cdk_mempool_cache {
	uint32_t size;        /* objects kept after a refill */
	uint32_t flushthresh; /* above this, puts flush the cache */
	uint32_t len;         /* objects now in objs */
	void *objs[CDK_MEMPOOL_CACHE_MAX_SIZE * 2] __cdk_cache_aligned;
} __cdk_cache_aligned;

/* In front of every object. */
struct cdk_mempool_objhdr {
	struct cdk_mempool_objhdr *next; /* every object, in memory order */
	struct cdk_mempool *mp;
	uint64_t iova; /* of the object (not of the header) */
};

struct cdk_mempool {
	char name[CDK_MEMPOOL_NAMESIZE];
	unsigned flags;
	int socket_id;
	struct cdk_ring *ring;  /* free objects not in a cache */
	uint32_t size;          /* objects the pool holds */
	uint32_t cache_size;    /* per-lcore cache size (0: none) */
	uint32_t nb_caches;     /* local_cache entries: highest lcore id + 1 */
	uint32_t elt_size;      /* object bytes asked for */
	uint32_t header_size;   /* bytes in front of each object */
	uint32_t trailer_size;  /* padding after each object */
	uint32_t private_data_size;
	uint32_t populated_size; /* objects placed so far */
	struct cdk_mempool_cache *local_cache; /* nb_caches entries, or NULL */
	void *mem;              /* the block holding every object */
	size_t mem_len;
	cdk_cap_t dma_cap;      /* [mem, mem + mem_len): load, store, DMA */
	struct cdk_mempool_objhdr *obj_head, *obj_tail;
	/* private_data_size bytes follow, cache-aligned */
} __cdk_cache_aligned;

/* Called once per object at population: DPDK's rte_mempool_obj_cb_t. */
typedef void(cdk_mempool_obj_cb_t)(struct cdk_mempool *mp, void *opaque,
				   void *obj, unsigned obj_idx);
/* Called once per pool (to fill the private area). */
typedef void(cdk_mempool_ctor_t)(struct cdk_mempool *mp, void *arg);

/* ---- control path (eal/mempool.c) ---- */

/*
 * A pool of n objects of elt_size bytes on socket_id (CDK_SOCKET_ID_ANY
 * allowed), with per-lcore caches of cache_size objects (0: none; at most
 * CDK_MEMPOOL_CACHE_MAX_SIZE and at most n / 1.5) and private_data_size
 * bytes of private data. obj_init(mp, obj_init_arg, obj, i) runs on each
 * object. NULL on failure with errno: EINVAL (bad sizes, cache or flags),
 * ENAMETOOLONG, EEXIST (name taken), ENOMEM.
 */
struct cdk_mempool *cdk_mempool_create(const char *name, unsigned n,
				       unsigned elt_size, unsigned cache_size,
				       unsigned private_data_size,
				       cdk_mempool_obj_cb_t *obj_init,
				       void *obj_init_arg, int socket_id,
				       unsigned flags);

/* The same without objects: add them with cdk_mempool_populate_default. */
struct cdk_mempool *cdk_mempool_create_empty(const char *name, unsigned n,
					     unsigned elt_size,
					     unsigned cache_size,
					     unsigned private_data_size,
					     int socket_id, unsigned flags);

/* Allocate the object block, derive its DMA capability and put every object
 * in the ring. Returns the number of objects, or -ENOMEM / -EEXIST (already
 * populated) / -EINVAL. */
int cdk_mempool_populate_default(struct cdk_mempool *mp);

/* Revoke the DMA capability, free everything, forget the name. NULL: no-op.
 * Objects still in use become dangling: free them first. */
void cdk_mempool_free(struct cdk_mempool *mp);

/* NULL with errno ENOENT if no pool has this name. */
struct cdk_mempool *cdk_mempool_lookup(const char *name);

/* Call cb on every object (in use or not); returns how many. */
uint32_t cdk_mempool_obj_iter(struct cdk_mempool *mp, cdk_mempool_obj_cb_t *cb,
			      void *arg);

/* Call cb on every pool. */
void cdk_mempool_walk(void (*cb)(struct cdk_mempool *mp, void *arg),
		      void *arg);

/* Free objects (ring plus every cache) and objects handed out. */
unsigned cdk_mempool_avail_count(const struct cdk_mempool *mp);
unsigned cdk_mempool_in_use_count(const struct cdk_mempool *mp);

static inline int cdk_mempool_full(const struct cdk_mempool *mp)
{
	return cdk_mempool_avail_count(mp) == mp->size;
}

static inline int cdk_mempool_empty(const struct cdk_mempool *mp)
{
	return cdk_mempool_avail_count(mp) == 0;
}

void cdk_mempool_dump(FILE *f, const struct cdk_mempool *mp);
void cdk_mempool_list_dump(FILE *f);

/* Forget every registered pool (EAL cleanup: its memory goes away). */
void cdk_mempool_registry_reset(void);

/* The DMA capability covering every object: what drivers are given. */
static inline const cdk_cap_t *cdk_mempool_dma_cap(const struct cdk_mempool *mp)
{
	return &mp->dma_cap;
}

static inline void *cdk_mempool_get_priv(struct cdk_mempool *mp)
{
	return (char *)mp + sizeof(*mp);
}

static inline struct cdk_mempool_objhdr *cdk_mempool_get_header(void *obj)
{
	return (struct cdk_mempool_objhdr *)((char *)obj -
					     sizeof(struct cdk_mempool_objhdr));
}

/* The pool an object belongs to. */
static inline struct cdk_mempool *cdk_mempool_from_obj(void *obj)
{
	return cdk_mempool_get_header(obj)->mp;
}

/* IOVA of an object's first byte (its body is IOVA-contiguous). */
static inline uint64_t cdk_mempool_virt2iova(const void *obj)
{
	return cdk_mempool_get_header((void *)(uintptr_t)obj)->iova;
}

/* ---- data path ---- */

/* Out of line: the ring alone cannot serve n; add this lcore's cache.
 * 0 or -ENOENT. */
int cdk_mempool_get_short_(struct cdk_mempool *mp, void **obj_table,
			   unsigned n, struct cdk_mempool_cache *cache);

/* Out of line, so that the inlined fast paths stay small and keep their
 * registers: cache->len < n < cache->size. Refills the cache and serves n
 * from it, or falls back to the ring. 0 or -ENOENT. */
int cdk_mempool_cache_get_miss_(struct cdk_mempool *mp, void **obj_table,
				unsigned n, struct cdk_mempool_cache *cache);

/* Out of line: cache->len + n > cache->flushthresh. Flushes the cache to
 * the ring and keeps the n objects, or sends them to the ring if n alone is
 * over the threshold. */
void cdk_mempool_cache_put_over_(struct cdk_mempool *mp,
				 void *const *obj_table, unsigned n,
				 struct cdk_mempool_cache *cache);

/* The calling lcore's cache, or NULL (no caches, or not an EAL lcore). */
static __cdk_always_inline struct cdk_mempool_cache *
cdk_mempool_default_cache(struct cdk_mempool *mp, unsigned lcore_id)
{
	/* nb_caches is 0 without caches, and CDK_LCORE_ID_ANY is never below
	 * it: one comparison covers both. */
	if (cdk_unlikely(lcore_id >= mp->nb_caches))
		return NULL;
	return &mp->local_cache[lcore_id];
}

/* Give every object in the cache back to the ring. */
static inline void cdk_mempool_cache_flush(struct cdk_mempool_cache *cache,
					   struct cdk_mempool *mp)
{
	if (cache == NULL)
		cache = cdk_mempool_default_cache(mp, cdk_lcore_id());
	if (cache == NULL || cache->len == 0)
		return;
	cdk_ring_enqueue_bulk(mp->ring, cache->objs, cache->len, NULL);
	cache->len = 0;
}

/* Put with a cache (not NULL). */
static __cdk_always_inline void
cdk_mempool_cache_put_(struct cdk_mempool *mp, void *const *obj_table,
		       unsigned n, struct cdk_mempool_cache *cache)
{
	uint32_t len = cache->len;

	/* In 64 bits: no n, however large, can wrap into the fast path. */
	if (cdk_likely((uint64_t)len + n <= cache->flushthresh)) {
		cache->len = len + n;
		cdk_ptr_copy_(&cache->objs[len], obj_table, n);
		return;
	}
	cdk_mempool_cache_put_over_(mp, obj_table, n, cache);
}

/* Get with a cache (not NULL). 0, or -ENOENT with nothing taken. */
static __cdk_always_inline int
cdk_mempool_cache_get_(struct cdk_mempool *mp, void **obj_table, unsigned n,
		       struct cdk_mempool_cache *cache)
{
	uint32_t len = cache->len;

	if (cdk_likely(n <= len)) {
		/* The top n entries, the newest: the likeliest to be in this
		 * core's data cache. Their order among themselves does not
		 * matter, so they go out as one block. */
		len -= n;
		cache->len = len;
		cdk_ptr_copy_(obj_table, &cache->objs[len], n);
		return 0;
	}
	if (n < cache->size)
		return cdk_mempool_cache_get_miss_(mp, obj_table, n, cache);
	/* No refill for n >= size: objs has room for size + n only below. */
	if (cdk_likely(cdk_ring_dequeue_bulk(mp->ring, obj_table, n, NULL)))
		return 0;
	return cdk_mempool_get_short_(mp, obj_table, n, cache);
}

static __cdk_always_inline void
cdk_mempool_generic_put(struct cdk_mempool *mp, void *const *obj_table,
			unsigned n, struct cdk_mempool_cache *cache)
{
	if (cdk_likely(cache != NULL)) {
		cdk_mempool_cache_put_(mp, obj_table, n, cache);
		return;
	}
	/* The ring has room for every object of the pool, so this succeeds
	 * unless objects were put twice. */
	cdk_ring_enqueue_bulk(mp->ring, obj_table, n, NULL);
}

/* 0, or -ENOENT with nothing taken. */
static __cdk_always_inline int
cdk_mempool_generic_get(struct cdk_mempool *mp, void **obj_table, unsigned n,
			struct cdk_mempool_cache *cache)
{
	if (cdk_likely(cache != NULL))
		return cdk_mempool_cache_get_(mp, obj_table, n, cache);
	if (cdk_likely(cdk_ring_dequeue_bulk(mp->ring, obj_table, n, NULL)))
		return 0;
	return -ENOENT;
}

static __cdk_always_inline void
cdk_mempool_put_bulk(struct cdk_mempool *mp, void *const *obj_table, unsigned n)
{
	unsigned lcore_id = cdk_lcore_id();

	/* Not through cdk_mempool_default_cache: the compiler cannot tell
	 * that its result is never NULL here, and would test it again. */
	if (cdk_likely(lcore_id < mp->nb_caches))
		cdk_mempool_cache_put_(mp, obj_table, n,
				       &mp->local_cache[lcore_id]);
	else
		cdk_ring_enqueue_bulk(mp->ring, obj_table, n, NULL);
}

static __cdk_always_inline void cdk_mempool_put(struct cdk_mempool *mp,
						void *obj)
{
	cdk_mempool_put_bulk(mp, &obj, 1);
}

static __cdk_always_inline int
cdk_mempool_get_bulk(struct cdk_mempool *mp, void **obj_table, unsigned n)
{
	unsigned lcore_id = cdk_lcore_id();

	if (cdk_likely(lcore_id < mp->nb_caches))
		return cdk_mempool_cache_get_(mp, obj_table, n,
					      &mp->local_cache[lcore_id]);
	if (cdk_likely(cdk_ring_dequeue_bulk(mp->ring, obj_table, n, NULL)))
		return 0;
	return -ENOENT;
}

static __cdk_always_inline int cdk_mempool_get(struct cdk_mempool *mp,
					       void **obj)
{
	return cdk_mempool_get_bulk(mp, obj, 1);
}

#endif
