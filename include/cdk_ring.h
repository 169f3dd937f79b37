/*
 * Lock-free FIFO of pointers with single or multiple producers and consumers
 * (DPDK's rte_ring semantics).
 *
 * Each side (producer, consumer) has a head and a tail. A side first claims
 * slots by moving its head (a CAS when several threads share the side), copies
 * the pointers, then publishes them by moving its tail in claim order. The
 * other side only ever reads the tail, with acquire ordering, so it sees the
 * copied pointers. Indexes run freely over 32 bits and are masked on access,
 * so "count" is simply prod.tail - cons.tail even across wrap-around.
 *
 * Bulk calls move exactly n objects or none; burst calls move as many as
 * possible. All enqueue/dequeue paths are inline.
 */
#ifndef CDK_RING_H
#define CDK_RING_H

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "cdk_common.h"
#include "cdk_ptr_copy.h"

#define CDK_RING_NAMESIZE 32 /* including the terminating NUL */

#define CDK_RING_F_SP_ENQ 0x0001u   /* the default enqueue is single-producer */
#define CDK_RING_F_SC_DEQ 0x0002u   /* the default dequeue is single-consumer */
#define CDK_RING_F_EXACT_SZ 0x0004u /* capacity is exactly the requested count */
#define CDK_RING_F_MASK (CDK_RING_F_SP_ENQ | CDK_RING_F_SC_DEQ | CDK_RING_F_EXACT_SZ)

/* Largest ring: slot count must fit the 32-bit index arithmetic. */
#define CDK_RING_SZ_MASK 0x7fffffffu

/* One side of the ring. head and tail share a line: the side's own threads
 * touch both, the other side reads only tail. */
struct cdk_ring_headtail {
	uint32_t head;   /* next slot to be claimed */
	uint32_t tail;   /* slots before it are published */
	uint32_t single; /* this side has one thread by default (flags) */
};

struct cdk_ring {
	char name[CDK_RING_NAMESIZE];
	unsigned flags;
	int socket_id;
	uint32_t size;     /* slots: a power of two */
	uint32_t mask;     /* size - 1 */
	uint32_t capacity; /* usable slots: size - 1, or the count with EXACT_SZ */
	uint32_t allocated; /* memory comes from cdk_ring_create (so free it) */

	/* Two guard lines around each side stop the adjacent-line prefetcher
	 * from making producer and consumer share a line pair. */
	char pad0[CDK_CACHE_LINE_SIZE] __cdk_cache_aligned;
	struct cdk_ring_headtail prod __cdk_cache_aligned;
	char pad1[CDK_CACHE_LINE_SIZE] __cdk_cache_aligned;
	struct cdk_ring_headtail cons __cdk_cache_aligned;
	char pad2[CDK_CACHE_LINE_SIZE] __cdk_cache_aligned;
	/* the slots follow, cache-aligned */
} __cdk_cache_aligned;

/* ---- control path (eal/ring.c) ---- */

/* Bytes needed for a ring of count slots (a power of two unless
 * CDK_RING_F_EXACT_SZ); -EINVAL for a bad count. */
ssize_t cdk_ring_get_memsize(unsigned count, unsigned flags);

/* Initialise a ring in caller memory of cdk_ring_get_memsize() bytes,
 * cache-line aligned. Not registered for lookup. 0 or -EINVAL,
 * -ENAMETOOLONG. */
int cdk_ring_init(struct cdk_ring *r, const char *name, unsigned count,
		  unsigned flags);

/*
 * A named ring in EAL memory on socket (CDK_SOCKET_ID_ANY allowed).
 * Capacity is count - 1 (count a power of two), or count with
 * CDK_RING_F_EXACT_SZ. NULL on failure with errno: EINVAL (bad count or
 * flags), ENAMETOOLONG, EEXIST (name taken), ENOMEM.
 */
struct cdk_ring *cdk_ring_create(const char *name, unsigned count,
				 int socket_id, unsigned flags);

/* Free a ring made by cdk_ring_create and forget its name; NULL is a no-op. */
void cdk_ring_free(struct cdk_ring *r);

/* The ring created with this name, or NULL with errno ENOENT. */
struct cdk_ring *cdk_ring_lookup(const char *name);

/* Empty the ring. Not thread-safe: no other thread may use it meanwhile. */
void cdk_ring_reset(struct cdk_ring *r);

/* Forget every registered name (the EAL calls this at cleanup, when the
 * memory behind the rings goes away). */
void cdk_ring_registry_reset(void);

void cdk_ring_dump(FILE *f, const struct cdk_ring *r);
/* Every registered ring. */
void cdk_ring_list_dump(FILE *f);

/* ---- data path ---- */

enum cdk_ring_queue_behavior {
	CDK_RING_QUEUE_FIXED = 0,    /* exactly n or nothing */
	CDK_RING_QUEUE_VARIABLE = 1, /* as many as possible */
};

static __cdk_always_inline void **cdk_ring_slots_(const struct cdk_ring *r)
{
	return (void **)(uintptr_t)(r + 1);
}

/* Copy n pointers into the slots from head, wrapping once at most. */
static __cdk_always_inline void cdk_ring_copy_in_(struct cdk_ring *r,
						  uint32_t head,
						  void *const *obj, unsigned n)
{
	void **ring = cdk_ring_slots_(r);
	const uint32_t size = r->size;
	uint32_t idx = head & r->mask;

	unsigned i;

	if (cdk_likely(idx + n <= size)) {
		cdk_ptr_copy_(&ring[idx], obj, n);
		return;
	}
	/* the rare wrap: one pointer at a time */
	for (i = 0; idx < size; i++, idx++)
		ring[idx] = obj[i];
	for (idx = 0; i < n; i++, idx++)
		ring[idx] = obj[i];
}

static __cdk_always_inline void cdk_ring_copy_out_(const struct cdk_ring *r,
						   uint32_t head, void **obj,
						   unsigned n)
{
	void *const *ring = cdk_ring_slots_(r);
	const uint32_t size = r->size;
	uint32_t idx = head & r->mask;

	unsigned i;

	if (cdk_likely(idx + n <= size)) {
		cdk_ptr_copy_(obj, &ring[idx], n);
		return;
	}
	/* the rare wrap: one pointer at a time */
	for (i = 0; idx < size; i++, idx++)
		obj[i] = ring[idx];
	for (idx = 0; i < n; i++, idx++)
		obj[i] = ring[idx];
}

/*
 * Publish [old, new) on one side. With several threads on the side, wait for
 * the ones that claimed earlier slots to publish first: tails move in order.
 */
static __cdk_always_inline void
cdk_ring_update_tail_(struct cdk_ring_headtail *ht, uint32_t old, uint32_t new,
		      unsigned single)
{
	if (!single)
		while (__atomic_load_n(&ht->tail, __ATOMIC_RELAXED) != old)
			cdk_pause();
	__atomic_store_n(&ht->tail, new, __ATOMIC_RELEASE);
}

/*
 * Claim up to n slots for producing. Returns how many were claimed (0 when
 * a fixed request cannot be met); *old_head is where they start and
 * *free_entries the free slots seen before claiming.
 */
static __cdk_always_inline unsigned
cdk_ring_move_prod_head_(struct cdk_ring *r, unsigned single, unsigned n,
			 enum cdk_ring_queue_behavior behavior,
			 uint32_t *old_head, uint32_t *free_entries)
{
	const uint32_t capacity = r->capacity;
	unsigned max = n;
	uint32_t cons_tail, new_head;
	int ok;

	*old_head = __atomic_load_n(&r->prod.head, __ATOMIC_RELAXED);
	do {
		n = max;
		/* The head must be read before the other side's tail, or the
		 * free count could be computed from a tail newer than head. */
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		cons_tail = __atomic_load_n(&r->cons.tail, __ATOMIC_ACQUIRE);
		*free_entries = capacity + cons_tail - *old_head;
		if (cdk_unlikely(n > *free_entries))
			n = behavior == CDK_RING_QUEUE_FIXED ? 0 : *free_entries;
		if (n == 0)
			return 0;
		new_head = *old_head + n;
		if (single) {
			r->prod.head = new_head;
			ok = 1;
		} else {
			ok = __atomic_compare_exchange_n(&r->prod.head, old_head,
							 new_head, 0,
							 __ATOMIC_RELAXED,
							 __ATOMIC_RELAXED);
		}
	} while (cdk_unlikely(!ok));
	return n;
}

/* The consumer's counterpart: *entries is what was available. */
static __cdk_always_inline unsigned
cdk_ring_move_cons_head_(struct cdk_ring *r, unsigned single, unsigned n,
			 enum cdk_ring_queue_behavior behavior,
			 uint32_t *old_head, uint32_t *entries)
{
	unsigned max = n;
	uint32_t prod_tail, new_head;
	int ok;

	*old_head = __atomic_load_n(&r->cons.head, __ATOMIC_RELAXED);
	do {
		n = max;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		prod_tail = __atomic_load_n(&r->prod.tail, __ATOMIC_ACQUIRE);
		*entries = prod_tail - *old_head;
		if (cdk_unlikely(n > *entries))
			n = behavior == CDK_RING_QUEUE_FIXED ? 0 : *entries;
		if (n == 0)
			return 0;
		new_head = *old_head + n;
		if (single) {
			r->cons.head = new_head;
			ok = 1;
		} else {
			ok = __atomic_compare_exchange_n(&r->cons.head, old_head,
							 new_head, 0,
							 __ATOMIC_RELAXED,
							 __ATOMIC_RELAXED);
		}
	} while (cdk_unlikely(!ok));
	return n;
}

static __cdk_always_inline unsigned
cdk_ring_do_enqueue_(struct cdk_ring *r, void *const *obj, unsigned n,
		     enum cdk_ring_queue_behavior behavior, unsigned single,
		     unsigned *free_space)
{
	uint32_t head, free_entries;

	n = cdk_ring_move_prod_head_(r, single, n, behavior, &head,
				     &free_entries);
	if (n != 0) {
		cdk_ring_copy_in_(r, head, obj, n);
		cdk_ring_update_tail_(&r->prod, head, head + n, single);
	}
	if (free_space)
		*free_space = free_entries - n;
	return n;
}

static __cdk_always_inline unsigned
cdk_ring_do_dequeue_(struct cdk_ring *r, void **obj, unsigned n,
		     enum cdk_ring_queue_behavior behavior, unsigned single,
		     unsigned *available)
{
	uint32_t head, entries;

	n = cdk_ring_move_cons_head_(r, single, n, behavior, &head, &entries);
	if (n != 0) {
		cdk_ring_copy_out_(r, head, obj, n);
		cdk_ring_update_tail_(&r->cons, head, head + n, single);
	}
	if (available)
		*available = entries - n;
	return n;
}

/* Bulk: n objects or none. Returns n or 0. free_space (may be NULL) gets the
 * free slots left after the call. */
static __cdk_always_inline unsigned
cdk_ring_mp_enqueue_bulk(struct cdk_ring *r, void *const *obj, unsigned n,
			 unsigned *free_space)
{
	return cdk_ring_do_enqueue_(r, obj, n, CDK_RING_QUEUE_FIXED, 0,
				    free_space);
}

static __cdk_always_inline unsigned
cdk_ring_sp_enqueue_bulk(struct cdk_ring *r, void *const *obj, unsigned n,
			 unsigned *free_space)
{
	return cdk_ring_do_enqueue_(r, obj, n, CDK_RING_QUEUE_FIXED, 1,
				    free_space);
}

static __cdk_always_inline unsigned
cdk_ring_enqueue_bulk(struct cdk_ring *r, void *const *obj, unsigned n,
		      unsigned *free_space)
{
	return cdk_ring_do_enqueue_(r, obj, n, CDK_RING_QUEUE_FIXED,
				    r->prod.single, free_space);
}

/* Burst: as many as fit; returns how many were enqueued. */
static __cdk_always_inline unsigned
cdk_ring_mp_enqueue_burst(struct cdk_ring *r, void *const *obj, unsigned n,
			  unsigned *free_space)
{
	return cdk_ring_do_enqueue_(r, obj, n, CDK_RING_QUEUE_VARIABLE, 0,
				    free_space);
}

static __cdk_always_inline unsigned
cdk_ring_sp_enqueue_burst(struct cdk_ring *r, void *const *obj, unsigned n,
			  unsigned *free_space)
{
	return cdk_ring_do_enqueue_(r, obj, n, CDK_RING_QUEUE_VARIABLE, 1,
				    free_space);
}

static __cdk_always_inline unsigned
cdk_ring_enqueue_burst(struct cdk_ring *r, void *const *obj, unsigned n,
		       unsigned *free_space)
{
	return cdk_ring_do_enqueue_(r, obj, n, CDK_RING_QUEUE_VARIABLE,
				    r->prod.single, free_space);
}

/* Bulk dequeue: n objects or none; available (may be NULL) gets what is
 * left in the ring after the call. */
static __cdk_always_inline unsigned
cdk_ring_mc_dequeue_bulk(struct cdk_ring *r, void **obj, unsigned n,
			 unsigned *available)
{
	return cdk_ring_do_dequeue_(r, obj, n, CDK_RING_QUEUE_FIXED, 0,
				    available);
}

static __cdk_always_inline unsigned
cdk_ring_sc_dequeue_bulk(struct cdk_ring *r, void **obj, unsigned n,
			 unsigned *available)
{
	return cdk_ring_do_dequeue_(r, obj, n, CDK_RING_QUEUE_FIXED, 1,
				    available);
}

static __cdk_always_inline unsigned
cdk_ring_dequeue_bulk(struct cdk_ring *r, void **obj, unsigned n,
		      unsigned *available)
{
	return cdk_ring_do_dequeue_(r, obj, n, CDK_RING_QUEUE_FIXED,
				    r->cons.single, available);
}

static __cdk_always_inline unsigned
cdk_ring_mc_dequeue_burst(struct cdk_ring *r, void **obj, unsigned n,
			  unsigned *available)
{
	return cdk_ring_do_dequeue_(r, obj, n, CDK_RING_QUEUE_VARIABLE, 0,
				    available);
}

static __cdk_always_inline unsigned
cdk_ring_sc_dequeue_burst(struct cdk_ring *r, void **obj, unsigned n,
			  unsigned *available)
{
	return cdk_ring_do_dequeue_(r, obj, n, CDK_RING_QUEUE_VARIABLE, 1,
				    available);
}

static __cdk_always_inline unsigned
cdk_ring_dequeue_burst(struct cdk_ring *r, void **obj, unsigned n,
		       unsigned *available)
{
	return cdk_ring_do_dequeue_(r, obj, n, CDK_RING_QUEUE_VARIABLE,
				    r->cons.single, available);
}

/* Single objects: 0 or -ENOBUFS (enqueue, full) / -ENOENT (dequeue, empty). */
static __cdk_always_inline int cdk_ring_mp_enqueue(struct cdk_ring *r,
						   void *obj)
{
	return cdk_ring_mp_enqueue_bulk(r, &obj, 1, NULL) ? 0 : -ENOBUFS;
}

static __cdk_always_inline int cdk_ring_sp_enqueue(struct cdk_ring *r,
						   void *obj)
{
	return cdk_ring_sp_enqueue_bulk(r, &obj, 1, NULL) ? 0 : -ENOBUFS;
}

static __cdk_always_inline int cdk_ring_enqueue(struct cdk_ring *r, void *obj)
{
	return cdk_ring_enqueue_bulk(r, &obj, 1, NULL) ? 0 : -ENOBUFS;
}

static __cdk_always_inline int cdk_ring_mc_dequeue(struct cdk_ring *r,
						   void **obj)
{
	return cdk_ring_mc_dequeue_bulk(r, obj, 1, NULL) ? 0 : -ENOENT;
}

static __cdk_always_inline int cdk_ring_sc_dequeue(struct cdk_ring *r,
						   void **obj)
{
	return cdk_ring_sc_dequeue_bulk(r, obj, 1, NULL) ? 0 : -ENOENT;
}

static __cdk_always_inline int cdk_ring_dequeue(struct cdk_ring *r, void **obj)
{
	return cdk_ring_dequeue_bulk(r, obj, 1, NULL) ? 0 : -ENOENT;
}

/* ---- state (a snapshot: other threads may change it at once) ---- */

static inline unsigned cdk_ring_count(const struct cdk_ring *r)
{
	uint32_t prod_tail = __atomic_load_n(&r->prod.tail, __ATOMIC_RELAXED);
	uint32_t cons_tail = __atomic_load_n(&r->cons.tail, __ATOMIC_RELAXED);
	uint32_t count = (prod_tail - cons_tail) & r->mask;

	/* The tails are read apart, so a racing snapshot may look over-full. */
	return count > r->capacity ? r->capacity : count;
}

static inline unsigned cdk_ring_free_count(const struct cdk_ring *r)
{
	return r->capacity - cdk_ring_count(r);
}

static inline int cdk_ring_full(const struct cdk_ring *r)
{
	return cdk_ring_free_count(r) == 0;
}

static inline int cdk_ring_empty(const struct cdk_ring *r)
{
	uint32_t prod_tail = __atomic_load_n(&r->prod.tail, __ATOMIC_RELAXED);
	uint32_t cons_tail = __atomic_load_n(&r->cons.tail, __ATOMIC_RELAXED);

	return prod_tail == cons_tail;
}

static inline unsigned cdk_ring_get_size(const struct cdk_ring *r)
{
	return r->size;
}

static inline unsigned cdk_ring_get_capacity(const struct cdk_ring *r)
{
	return r->capacity;
}

static inline unsigned cdk_ring_get_flags(const struct cdk_ring *r)
{
	return r->flags;
}

#endif
