/*
 * net_e1000_em data path: receive and transmit bursts over legacy
 * descriptors (SDM 3.2, 3.3). Each burst sees only its queue: descriptors
 * through the ring capability, buffer addresses through the pools' DMA
 * capabilities, one doorbell write per burst (tx) or refill batch (rx).
 *
 * The device is not trusted: a write-back is read once, and its length and
 * status are checked before an mbuf is handed up. A bad one is dropped,
 * counted, and its buffer goes back to the device.
 */
#include <string.h>

#include "cdk_mbuf.h"
#include "pmd/e1000/e1000_queue.h"
#include "pmd/e1000/e1000_regs.h"

#define DESC_RW (CDK_CAP_PERM_LOAD | CDK_CAP_PERM_STORE)

/* Descriptor idx, checked against the ring capability (NULL: revoked). */
static __cdk_always_inline void *desc_at(const cdk_cap_t *ring, uint16_t idx)
{
	return cdk_cap_ptr(ring, (uint64_t)idx * E1000_DESC_SIZE,
			   E1000_DESC_SIZE, DESC_RW);
}

/*
 * The same inside a burst, which checked once that the ring is usable
 * (permissions, revocation): here only the range. The burst works on a
 * local copy of its capabilities, so that stores into packets and
 * descriptors cannot make the compiler read them again.
 */
static __cdk_always_inline void *desc_in(const cdk_cap_t *ring, uint16_t idx)
{
	void *d = (char *)ring->base + (size_t)idx * E1000_DESC_SIZE;

	return cdk_likely(cdk_cap_contains(ring, d, E1000_DESC_SIZE)) ? d : NULL;
}

/* Both capabilities a burst needs usable, or a fault and nothing done. */
static __cdk_always_inline int burst_caps_ok(const cdk_cap_t *ring,
					     const cdk_cap_t *pool)
{
	if (cdk_likely(cdk_cap_usable(ring, DESC_RW) &&
		       (pool == NULL || cdk_cap_usable(pool, CDK_CAP_PERM_DMA))))
		return 1;
	if (!cdk_cap_usable(ring, DESC_RW))
		cdk_cap_fault(ring, 0, E1000_DESC_SIZE, DESC_RW);
	else
		cdk_cap_fault(pool, 0, 1, CDK_CAP_PERM_DMA);
	return 0;
}

/* The device's half of a descriptor (length .. special, or status). */
static __cdk_always_inline uint64_t *desc_upper(void *d)
{
	return (uint64_t *)((char *)d + 8);
}

/* Give the device m's buffer in descriptor d, status cleared; pool has
 * been checked usable for this burst. */
static __cdk_always_inline int rx_post(const cdk_cap_t *pool, uint32_t buf_len,
				       void *d, struct cdk_mbuf *m)
{
	uint64_t iova;

	if (cdk_unlikely(cdk_cap_iova_in(pool,
					 (char *)m->buf_addr + CDK_PKTMBUF_HEADROOM,
					 buf_len, &iova) < 0))
		return -1;
	*(volatile uint64_t *)d = iova;
	__atomic_store_n(desc_upper(d), 0, __ATOMIC_RELAXED);
	return 0;
}

/* Drop the frame being chained, if any. */
static __cdk_always_inline void rx_drop_chain(struct e1000_rx_queue *q)
{
	if (q->pkt_first != NULL) {
		cdk_pktmbuf_free(q->pkt_first);
		q->pkt_first = q->pkt_last = NULL;
	}
}

/* Is a write-back one we can take? Counts why not. */
static __cdk_always_inline int rx_wb_ok(struct e1000_rx_queue *q,
					uint16_t len, uint8_t err)
{
	if (cdk_unlikely(len == 0 || len > q->buf_len)) {
		q->bad_len++;
		return 0;
	}
	if (cdk_unlikely(err & E1000_RXD_ERR_FRAME)) {
		q->bad_status++;
		return 0;
	}
	if (cdk_unlikely(q->pkt_first != NULL && q->nb_segs >= q->max_segs)) {
		q->too_long++;
		return 0;
	}
	return 1;
}

uint16_t e1000_recv_pkts(void *rxq, struct cdk_mbuf **pkts, uint16_t n)
{
	struct e1000_rx_queue *q = rxq;
	const cdk_cap_t ring = q->ring, pool = q->pool;
	uint16_t idx = q->rx_tail, nb_rx = 0, nb_hold = q->nb_hold;

	if (cdk_unlikely(!burst_caps_ok(&ring, &pool)))
		return 0;
	while (nb_rx < n) {
		void *d = desc_in(&ring, idx);
		struct cdk_mbuf *m, *nm;
		uint64_t wb;
		uint8_t st;

		if (cdk_unlikely(d == NULL))
			break;
		/* One read of the write-back: the device may change it. */
		wb = __atomic_load_n(desc_upper(d), __ATOMIC_ACQUIRE);
		st = E1000_RXD_WB_STATUS(wb);
		if (!(st & E1000_RXD_STAT_DD))
			break;
		if (cdk_unlikely(idx == q->rdt)) {
			/* The device never owned this one: not a frame. */
			rx_post(&pool, q->buf_len, d, q->sw_ring[idx]);
			q->ghost_dd++;
			break;
		}
		m = q->sw_ring[idx];
		if (cdk_likely(!q->discard &&
			       rx_wb_ok(q, E1000_RXD_WB_LEN(wb),
					E1000_RXD_WB_ERRORS(wb)))) {
			nm = cdk_mbuf_raw_alloc(q->mp);
			if (cdk_unlikely(nm == NULL)) {
				q->nombuf++;
				break; /* the frame waits in its descriptor */
			}
			m->data_off = CDK_PKTMBUF_HEADROOM;
			m->data_len = E1000_RXD_WB_LEN(wb);
			m->next = NULL;
			if (q->pkt_first == NULL) {
				m->nb_segs = 1;
				m->pkt_len = m->data_len;
				m->port = q->port_id;
				m->ol_flags = 0;
				m->packet_type = 0;
				q->pkt_first = m;
				q->nb_segs = 1;
			} else {
				q->pkt_last->next = m;
				q->pkt_first->pkt_len += m->data_len;
				q->pkt_first->nb_segs = ++q->nb_segs;
			}
			q->pkt_last = m;
			if (st & E1000_RXD_STAT_EOP) {
				q->bytes += q->pkt_first->pkt_len;
				pkts[nb_rx++] = q->pkt_first;
				q->pkt_first = q->pkt_last = NULL;
			}
		} else {
			/* Drop the whole frame; its buffer goes back as is. */
			rx_drop_chain(q);
			q->discard = !(st & E1000_RXD_STAT_EOP);
			nm = m;
		}
		if (cdk_unlikely(rx_post(&pool, q->buf_len, d, nm) < 0)) {
			/* Only a revoked pool gets here: keep the mbuf. */
			q->iova_fault++;
			if (nm != m)
				cdk_mbuf_raw_free(nm);
			break;
		}
		q->sw_ring[idx] = nm;
		idx = (uint16_t)(idx + 1 == q->nb_desc ? 0 : idx + 1);
		nb_hold++;
	}
	q->rx_tail = idx;
	q->pkts += nb_rx;
	if (nb_hold > q->free_thresh) {
		uint16_t rdt = (uint16_t)(idx == 0 ? q->nb_desc - 1 : idx - 1);
		void *held = desc_in(&ring, q->rdt);

		/* The slot held back becomes the device's. Whatever a device
		 * wrote there while it was not (a DD, another address) is
		 * overwritten: its buffer is the one we know. */
		if (held != NULL) {
			if (E1000_RXD_WB_STATUS(__atomic_load_n(desc_upper(held),
								__ATOMIC_ACQUIRE)) &
			    E1000_RXD_STAT_DD)
				q->ghost_dd++;
			rx_post(&pool, q->buf_len, held, q->sw_ring[q->rdt]);
		}
		__atomic_thread_fence(__ATOMIC_RELEASE);
		cdk_cap_write32(&q->doorbell, 0, rdt);
		q->rdt = rdt;
		nb_hold = 0;
	}
	q->nb_hold = nb_hold;
	return nb_rx;
}

int e1000_rx_ring_fill(struct e1000_rx_queue *q)
{
	for (uint16_t i = 0; i < q->nb_desc; i++) {
		struct cdk_mbuf *m = cdk_mbuf_raw_alloc(q->mp);
		void *d = desc_at(&q->ring, i);

		if (m == NULL)
			return -ENOMEM;
		if (d == NULL || !cdk_cap_usable(&q->pool, CDK_CAP_PERM_DMA) ||
		    rx_post(&q->pool, q->buf_len, d, m) < 0) {
			cdk_mbuf_raw_free(m);
			return -EFAULT;
		}
		q->sw_ring[i] = m;
	}
	q->rdt = (uint16_t)(q->nb_desc - 1);
	return 0;
}

void e1000_rx_queue_drain(struct e1000_rx_queue *q)
{
	rx_drop_chain(q);
	for (uint16_t i = 0; q->sw_ring && i < q->nb_desc; i++) {
		if (q->sw_ring[i] != NULL)
			cdk_mbuf_raw_free(q->sw_ring[i]);
		q->sw_ring[i] = NULL;
	}
}

void e1000_rx_queue_reset(struct e1000_rx_queue *q)
{
	void *ring = cdk_cap_ptr(&q->ring, 0, (uint64_t)q->nb_desc * E1000_DESC_SIZE,
				 DESC_RW);

	if (ring != NULL)
		memset(ring, 0, (size_t)q->nb_desc * E1000_DESC_SIZE);
	q->rx_tail = 0;
	q->nb_hold = 0;
	q->nb_segs = 0;
	q->discard = 0;
	q->pkt_first = q->pkt_last = NULL;
}

/* Another granted pool holding [p, p+len); it becomes *cur. */
static __cdk_noinline int tx_other_pool(struct e1000_tx_queue *q, cdk_cap_t *cur,
					const void *p, uint32_t len, uint64_t *iova)
{
	for (unsigned i = 0; i < q->n_pools; i++)
		if (cdk_cap_covers(&q->pools[i], p, len, CDK_CAP_PERM_DMA)) {
			q->last_pool = (uint16_t)i;
			*cur = q->pools[i];
			return cdk_cap_iova_in(cur, p, len, iova);
		}
	return -1;
}

/* The IOVA of [p, p+len) from a pool this queue was granted: the one that
 * matched last (checked usable for this burst) or, rarely, another. */
static __cdk_always_inline int tx_iova(struct e1000_tx_queue *q, cdk_cap_t *cur,
				       const void *p, uint32_t len, uint64_t *iova)
{
	if (cdk_likely(cdk_cap_contains(cur, p, len)))
		return cdk_cap_iova_in(cur, p, len, iova);
	return tx_other_pool(q, cur, p, len, iova);
}

/* Take back the descriptors up to the next RS'd one the device is done
 * with (SDM 3.3.3.2: DD is written only where RS asked for it). */
static int tx_clean(struct e1000_tx_queue *q)
{
	uint16_t last = q->last_cleaned, n = q->nb_desc;
	uint16_t to = (uint16_t)(last + q->rs_thresh);
	void *d;

	if ((uint16_t)(n - 1 - q->nb_free) < q->rs_thresh)
		return -1; /* fewer in flight than one batch */
	if (to >= n)
		to = (uint16_t)(to - n);
	to = q->sw_ring[to].last_id;
	d = desc_at(&q->ring, to);
	if (d == NULL || !((__atomic_load_n(desc_upper(d), __ATOMIC_ACQUIRE) >>
			    E1000_TXD_STATUS_SHIFT) & E1000_TXD_STAT_DD))
		return -1;
	q->nb_free = (uint16_t)(q->nb_free + (to > last ? to - last : n - last + to));
	q->last_cleaned = to;
	return 0;
}

uint16_t e1000_xmit_pkts(void *txq, struct cdk_mbuf **pkts, uint16_t n)
{
	struct e1000_tx_queue *q = txq;
	const cdk_cap_t ring = q->ring;
	cdk_cap_t pool = q->pools[q->last_pool];
	uint64_t iova[E1000_TX_MAX_SEGS];
	uint16_t tail = q->tx_tail, nb_tx;

	if (cdk_unlikely(q->n_pools == 0 || !burst_caps_ok(&ring, &pool)))
		return 0;
	if (q->nb_free < q->free_thresh)
		tx_clean(q);
	for (nb_tx = 0; nb_tx < n; nb_tx++) {
		struct cdk_mbuf *m = pkts[nb_tx], *seg = m;
		uint16_t nseg = m->nb_segs, last, i;
		uint32_t rs;

		if (nseg > q->nb_free && (tx_clean(q) < 0 || nseg > q->nb_free))
			break; /* ring full: the rest stays the caller's */
		/* Every segment must come from a granted pool before any is
		 * posted: nothing half-sent, nothing outside reaches the NIC. */
		for (i = 0; i < nseg && i < E1000_TX_MAX_SEGS && seg != NULL; i++) {
			void *p = cdk_pktmbuf_mtod(seg, void *);

			if (seg->data_len == 0 || tx_iova(q, &pool, p, seg->data_len, &iova[i]) < 0)
				break;
			seg = seg->next;
		}
		if (cdk_unlikely(i != nseg || nseg == 0)) {
			q->refused++;
			if (q->n_pools) /* record it as a capability fault */
				cdk_cap_iova_of(&q->pools[0], cdk_pktmbuf_mtod(m, void *),
						m->data_len ? m->data_len : 1, &iova[0]);
			break;
		}
		q->nb_used = (uint16_t)(q->nb_used + nseg);
		rs = q->nb_used >= q->rs_thresh ? E1000_TXD_CMD_RS : 0;
		if (rs)
			q->nb_used = 0;
		last = (uint16_t)(tail + nseg - 1);
		if (last >= q->nb_desc)
			last = (uint16_t)(last - q->nb_desc);
		for (i = 0, seg = m; i < nseg; i++, seg = seg->next) {
			struct e1000_tx_entry *e = &q->sw_ring[tail];
			uint32_t cmd = E1000_TXD_CMD_IFCS |
				       (i == nseg - 1 ? E1000_TXD_CMD_EOP | rs : 0);
			void *d = desc_in(&ring, tail);

			if (cdk_unlikely(d == NULL))
				return nb_tx; /* outside the ring: nothing more is posted */
			if (e->mbuf != NULL)
				cdk_pktmbuf_free_seg(e->mbuf);
			*(volatile uint64_t *)d = iova[i];
			*(volatile uint64_t *)desc_upper(d) =
				seg->data_len | (uint64_t)cmd << E1000_TXD_CMD_SHIFT;
			e->mbuf = seg;
			e->last_id = last;
			tail = (uint16_t)(tail + 1 == q->nb_desc ? 0 : tail + 1);
		}
		q->nb_free = (uint16_t)(q->nb_free - nseg);
		q->bytes += m->pkt_len;
	}
	if (tail != q->tx_tail) {
		/* Descriptors before the tail that announces them. */
		__atomic_thread_fence(__ATOMIC_RELEASE);
		cdk_cap_write32(&q->doorbell, 0, tail);
		q->tx_tail = tail;
	}
	q->pkts += nb_tx;
	return nb_tx;
}

void e1000_tx_queue_drain(struct e1000_tx_queue *q)
{
	for (uint16_t i = 0; q->sw_ring && i < q->nb_desc; i++) {
		if (q->sw_ring[i].mbuf != NULL)
			cdk_pktmbuf_free_seg(q->sw_ring[i].mbuf);
		q->sw_ring[i].mbuf = NULL;
	}
}

void e1000_tx_queue_reset(struct e1000_tx_queue *q)
{
	void *ring = cdk_cap_ptr(&q->ring, 0, (uint64_t)q->nb_desc * E1000_DESC_SIZE,
				 DESC_RW);

	if (ring != NULL)
		memset(ring, 0, (size_t)q->nb_desc * E1000_DESC_SIZE);
	for (uint16_t i = 0; i < q->nb_desc; i++)
		q->sw_ring[i].last_id = i;
	q->tx_tail = 0;
	q->nb_free = (uint16_t)(q->nb_desc - 1); /* TDT never catches TDH */
	q->last_cleaned = (uint16_t)(q->nb_desc - 1);
	q->nb_used = 0;
	q->last_pool = 0;
}
