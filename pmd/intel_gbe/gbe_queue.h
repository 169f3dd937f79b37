/*
 * What the data paths of the Intel gigabit drivers share: 16-byte
 * descriptors whose upper quadword the device writes back, rx buffers
 * posted by address, and tx batches freed by the DD of their RS'd
 * descriptor. Burst functions stay in each driver; these are the pieces
 * they call, inline where a burst calls them per descriptor.
 */
#ifndef PMD_INTEL_GBE_QUEUE_H
#define PMD_INTEL_GBE_QUEUE_H

#include <stddef.h>
#include <string.h>

#include "cdk_mbuf.h"
#include "cdk_pmd.h"
#include "pmd/intel_gbe/gbe_regs.h"

#define GBE_DESC_RW (CDK_CAP_PERM_LOAD | CDK_CAP_PERM_STORE)

/* A tx descriptor's mbuf, freed when the descriptor is reused or at stop. */
struct gbe_tx_entry {
	struct cdk_mbuf *mbuf; /* segment sent from this descriptor, or NULL */
	uint16_t last_id;      /* descriptor ending this segment's packet */
};

/* Descriptor idx, fully checked against the ring capability (NULL: revoked
 * or outside); for the control path and the rare path of a burst. */
static __cdk_always_inline void *gbe_desc_at(const cdk_cap_t *ring, uint16_t idx)
{
	return cdk_cap_ptr(ring, (uint64_t)idx * GBE_DESC_SIZE, GBE_DESC_SIZE,
			   GBE_DESC_RW);
}

/* The device's half of a descriptor: the write-back (rx), status (tx). */
static __cdk_always_inline uint64_t *gbe_desc_hi(void *d)
{
	return (uint64_t *)((char *)d + 8);
}

/*
 * A received one-buffer frame's mbuf fields in three stores that follow
 * struct cdk_mbuf's layout (DPDK 22.11's): data_off, refcnt, nb_segs, port;
 * packet_type, pkt_len; data_len, vlan_tci, hash. A free mbuf's refcnt and
 * nb_segs are 1 already (cdk_pktmbuf_prefree_seg keeps them so); writing
 * them again with their neighbours costs nothing.
 */
_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
	       "descriptor and mbuf words are composed little-endian");
_Static_assert(offsetof(struct cdk_mbuf, refcnt) == offsetof(struct cdk_mbuf, data_off) + 2 &&
	       offsetof(struct cdk_mbuf, nb_segs) == offsetof(struct cdk_mbuf, data_off) + 4 &&
	       offsetof(struct cdk_mbuf, port) == offsetof(struct cdk_mbuf, data_off) + 6 &&
	       offsetof(struct cdk_mbuf, pkt_len) == offsetof(struct cdk_mbuf, packet_type) + 4 &&
	       offsetof(struct cdk_mbuf, vlan_tci) == offsetof(struct cdk_mbuf, data_len) + 2 &&
	       offsetof(struct cdk_mbuf, hash) == offsetof(struct cdk_mbuf, data_len) + 4,
	       "mbuf fields the rx words cover");

/* data_off, refcnt, nb_segs and port of a received mbuf of port. */
static __cdk_always_inline uint64_t gbe_rx_rearm(uint16_t port)
{
	return CDK_PKTMBUF_HEADROOM | 1ull << 16 | 1ull << 32 | (uint64_t)port << 48;
}

static __cdk_always_inline void gbe_rx_one(struct cdk_mbuf *m, uint64_t rearm,
					   uint64_t ol_flags, uint32_t ptype,
					   uint16_t len, uint16_t vlan,
					   uint32_t hash)
{
	const uint64_t w1 = ptype | (uint64_t)len << 32;
	const uint64_t w2 = len | (uint64_t)vlan << 16 | (uint64_t)hash << 32;
	char *b = (char *)m;

	memcpy(b + offsetof(struct cdk_mbuf, data_off), &rearm, 8);
	m->ol_flags = ol_flags;
	memcpy(b + offsetof(struct cdk_mbuf, packet_type), &w1, 8);
	memcpy(b + offsetof(struct cdk_mbuf, data_len), &w2, 8);
	m->next = NULL;
}

/* Give the device m's buffer in descriptor d, the write-back half cleared
 * (which clears DD); pool was checked usable for this burst. The window
 * of the pool (bufs: cdk_dma_win_sized(pool, buf_len)) answers for its
 * buffers in one compare, the capability for anything the window cannot. */
static __cdk_always_inline int gbe_rx_post_win(const struct cdk_dma_win *bufs,
					       const cdk_cap_t *pool,
					       uint32_t buf_len, void *d,
					       struct cdk_mbuf *m)
{
	const void *p = (char *)m->buf_addr + CDK_PKTMBUF_HEADROOM;
	uint64_t iova, t; /* t: the slow path's own, iova stays in a register */

	if (cdk_unlikely(cdk_dma_win_buf(bufs, p, &iova) < 0)) {
		if (cdk_cap_iova_in(pool, p, buf_len, &t) < 0)
			return -1;
		iova = t;
	}
	*(volatile uint64_t *)d = iova;
	__atomic_store_n(gbe_desc_hi(d), 0, __ATOMIC_RELAXED);
	return 0;
}

/* gbe_rx_post_win without a window: the capability answers. */
static __cdk_always_inline int gbe_rx_post(const cdk_cap_t *pool,
					   uint32_t buf_len, void *d,
					   struct cdk_mbuf *m)
{
	const struct cdk_dma_win none = { 0, 0, 0 };

	return gbe_rx_post_win(&none, pool, buf_len, d, m);
}

/*
 * The pieces of a receive burst's batch, shared by the drivers (inline: a
 * burst calls them per batch or per descriptor).
 *
 * How many descriptors from idx a batch may look at: at most left and
 * batch, never past the ring's end, and never the descriptor held back at
 * rdt (0: it is next).
 */
static __cdk_always_inline unsigned gbe_rx_batch_want(uint16_t rdt, uint16_t idx,
						      uint16_t nb_desc,
						      unsigned left, unsigned batch)
{
	unsigned lim = rdt >= idx ? (unsigned)(rdt - idx) : (unsigned)(nb_desc - idx);
	unsigned want = left < batch ? left : batch;

	return want < lim ? want : lim;
}

/* The refill for one descriptor into *nm: the next of the batch's bulk
 * get, or, when that fell short, one more from the pool. -1 (counted in
 * *nombuf) when the pool has none. */
static __cdk_always_inline int gbe_rx_fresh(struct cdk_mbuf **fresh, unsigned *used,
					    unsigned got, struct cdk_mempool *mp,
					    uint64_t *nombuf, struct cdk_mbuf **nm)
{
	if (cdk_likely(*used < got)) {
		*nm = fresh[(*used)++];
		return 0;
	}
	*nm = cdk_mbuf_raw_alloc(mp);
	if (*nm != NULL)
		return 0;
	(*nombuf)++;
	return -1;
}

/* The held descriptor d, which the device never owned: a DD there (dd_mask
 * in the write-back half) is no frame, and whatever the device wrote over
 * the buffer address is undone. 1 when it was there. */
static __cdk_always_inline int gbe_rx_held_ghost(const cdk_cap_t *pool,
						 uint32_t buf_len, void *d,
						 struct cdk_mbuf *m, uint64_t dd_mask)
{
	if (!(__atomic_load_n(gbe_desc_hi(d), __ATOMIC_ACQUIRE) & dd_mask))
		return 0;
	gbe_rx_post(pool, buf_len, d, m);
	return 1;
}

/* One acquire load of the write-back half of each of up to want
 * descriptors from d0 (the device may change them), into wbs; stops at the
 * first without DD. How many were done. */
static __cdk_always_inline unsigned gbe_rx_scan(char *d0, unsigned want,
						uint64_t dd_mask, uint64_t *wbs)
{
	unsigned k;

	for (k = 0; k < want; k++) {
		uint64_t wb = __atomic_load_n(gbe_desc_hi(d0 + k * GBE_DESC_SIZE),
					      __ATOMIC_ACQUIRE);

		if (!(wb & dd_mask))
			break;
		wbs[k] = wb;
	}
	return k;
}

/*
 * Post the refills of a burst: the slot held back (*rdt) becomes the
 * device's and the tail moves to the one before next. Whatever a device
 * wrote into the held slot while it was not its own (dd_mask: DD in the
 * write-back half) is counted and overwritten with the buffer we know.
 */
static __cdk_always_inline void gbe_rx_tail_post(const cdk_cap_t *ring,
						 const cdk_cap_t *pool,
						 const cdk_cap_t *doorbell,
						 uint32_t buf_len,
						 struct cdk_mbuf **sw_ring,
						 uint16_t *rdt, uint16_t next,
						 uint16_t nb_desc, uint64_t dd_mask,
						 uint64_t *ghost_dd)
{
	uint16_t tail = (uint16_t)(next == 0 ? nb_desc - 1 : next - 1);
	void *held = cdk_eth_desc_in(ring, *rdt, GBE_DESC_SIZE);

	if (held != NULL) {
		if (cdk_unlikely(gbe_rx_held_ghost(pool, buf_len, held, sw_ring[*rdt],
						   dd_mask)))
			(*ghost_dd)++;
		else
			gbe_rx_post(pool, buf_len, held, sw_ring[*rdt]);
	}
	__atomic_thread_fence(__ATOMIC_RELEASE);
	cdk_cap_write32(doorbell, 0, tail);
	*rdt = tail;
}

/* Drop the frame being chained, if any. */
static __cdk_always_inline void gbe_rx_chain_drop(struct cdk_mbuf **first,
						  struct cdk_mbuf **last)
{
	if (*first != NULL) {
		cdk_pktmbuf_free(*first);
		*first = *last = NULL;
	}
}

/*
 * The mbufs a tx burst takes back from reused descriptors, given to their
 * pool in bulk: each segment is released (cdk_pktmbuf_prefree_seg) at once,
 * as cdk_pktmbuf_free_seg would, and only the puts are batched, by pool.
 */
#define GBE_TX_FREE_BATCH 64
struct gbe_tx_free {
	struct cdk_mempool *mp;
	unsigned n;
	void *objs[GBE_TX_FREE_BATCH];
};

static __cdk_always_inline void gbe_tx_free_flush(struct gbe_tx_free *f)
{
	if (f->n != 0) {
		cdk_mempool_put_bulk(f->mp, f->objs, f->n);
		f->n = 0;
	}
}

static __cdk_always_inline void gbe_tx_free_seg(struct gbe_tx_free *f,
						struct cdk_mbuf *m)
{
	m = cdk_pktmbuf_prefree_seg(m);
	if (cdk_unlikely(m == NULL))
		return;
	if (cdk_unlikely(m->pool != f->mp || f->n == GBE_TX_FREE_BATCH)) {
		gbe_tx_free_flush(f);
		f->mp = m->pool;
	}
	f->objs[f->n++] = m;
}

/*
 * A run of one-segment packets, the common case of a tx burst, in a loop
 * of its own so that only what it needs is live: one descriptor per
 * packet, its upper quadword cmd | len (and len again at paylen_shift, 0:
 * not), rs_cmd every rs_thresh descriptors (*rs_left counts down to it).
 * It stops after room packets, or before the first that is not one segment
 * without ol_mask flags, is empty, or lies outside the window: the
 * driver's general path decides on that one. Returns how many it posted.
 */
struct gbe_tx_run {
	char *ring; /* descriptor 0; the burst checked the ring's span */
	struct gbe_tx_entry *sw_ring;
	uint16_t nb_desc, rs_thresh;
	uint16_t tail, rs_left;
	uint64_t bytes;
	struct cdk_dma_win win;
	struct gbe_tx_free fr;
};

/* A burst's run state: descriptor 0 at ring0, from tail, with the window
 * of the pool that matched last; nothing to free yet. rs_left is the
 * driver's to set before each run. */
static __cdk_always_inline void gbe_tx_run_start(struct gbe_tx_run *r, char *ring0,
						 struct gbe_tx_entry *sw_ring,
						 uint16_t nb_desc, uint16_t rs_thresh,
						 uint16_t tail, const cdk_cap_t *pool)
{
	r->ring = ring0;
	r->sw_ring = sw_ring;
	r->nb_desc = nb_desc;
	r->rs_thresh = rs_thresh;
	r->tail = tail;
	r->bytes = 0;
	r->win = cdk_dma_win_sized(pool, CDK_DMA_WIN_TX_SPAN);
	r->fr.mp = NULL;
	r->fr.n = 0;
}

static __cdk_always_inline unsigned gbe_tx_run(struct gbe_tx_run *r,
					       struct cdk_mbuf **pkts,
					       unsigned room, uint64_t cmd,
					       uint64_t rs_cmd,
					       unsigned paylen_shift,
					       uint64_t ol_mask)
{
	const struct cdk_dma_win win = r->win;
	char *const ring = r->ring;
	struct gbe_tx_entry *const sw_ring = r->sw_ring;
	const uint16_t nb_desc = r->nb_desc;
	uint16_t t = r->tail, left = r->rs_left;
	uint64_t bytes = 0;
	unsigned k;

	for (k = 0; k < room; k++) {
		struct cdk_mbuf *m = pkts[k];
		struct gbe_tx_entry *e = &sw_ring[t];
		char *d = ring + (size_t)t * GBE_DESC_SIZE;
		const uint16_t len = m->data_len;
		uint64_t a, hi;

		if (cdk_unlikely(m->nb_segs != 1 || (m->ol_flags & ol_mask) || len == 0 ||
				 cdk_dma_win_buf(&win, cdk_pktmbuf_mtod(m, void *), &a) < 0))
			break;
		hi = cmd | len | (paylen_shift ? (uint64_t)len << paylen_shift : 0);
		if (--left == 0) {
			hi |= rs_cmd;
			left = r->rs_thresh;
		}
		if (e->mbuf != NULL)
			gbe_tx_free_seg(&r->fr, e->mbuf);
		*(volatile uint64_t *)d = a;
		*(volatile uint64_t *)gbe_desc_hi(d) = hi;
		e->mbuf = m;
		e->last_id = t;
		t = (uint16_t)(t + 1 == nb_desc ? 0 : t + 1);
		bytes += len;
	}
	r->tail = t;
	r->rs_left = left;
	r->bytes += bytes;
	return k;
}

/* A tx ring's cleaning state, as a driver's queue keeps it. */
struct gbe_tx_clean {
	const cdk_cap_t *ring;
	struct gbe_tx_entry *sw_ring;
	uint16_t nb_desc, rs_thresh;
	uint16_t *nb_free, *last_cleaned;
};

/* Take back the descriptors up to the next RS'd one the device is done
 * with; -1 when fewer than a batch are in flight or it is not done. */
int gbe_tx_clean(const struct gbe_tx_clean *c);

/* Fill every rx descriptor with a fresh buffer; *rdt is the one held
 * back. 0, -ENOMEM (no mbufs) or -EFAULT (capabilities refused). */
int gbe_rx_ring_fill(const cdk_cap_t *ring, const cdk_cap_t *pool,
		     struct cdk_mempool *mp, uint32_t buf_len,
		     struct cdk_mbuf **sw_ring, uint16_t nb_desc, uint16_t *rdt);
/* Give every mbuf the software rings hold back to its pool. */
void gbe_rx_sw_drain(struct cdk_mbuf **sw_ring, uint16_t nb_desc);
void gbe_tx_sw_drain(struct gbe_tx_entry *sw_ring, uint16_t nb_desc);
/* Zero a ring through its capability (nothing if revoked). */
void gbe_ring_zero(const cdk_cap_t *ring, uint16_t nb_desc);
/* Every tx entry its own packet's end, as after setup. */
void gbe_tx_entries_reset(struct gbe_tx_entry *sw_ring, uint16_t nb_desc);

#endif
