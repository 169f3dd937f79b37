/*
 * net_e1000_igb data path: receive and transmit bursts over advanced
 * descriptors (82576 DS 7.1.5, 7.2.2). Each burst sees only its queue:
 * descriptors through the ring capability, buffer addresses through the
 * pools' DMA capabilities, one doorbell write per burst (tx) or refill
 * batch (rx).
 *
 * The device is not trusted: a write-back is read once, and its length and
 * status are checked before an mbuf is handed up. A bad one is dropped,
 * counted, and its buffer goes back to the device.
 */
#include <errno.h>
#include <string.h>

#include "cdk_mbuf.h"
#include "pmd/igb/igb_queue.h"
#include "pmd/igb/igb_regs.h"

#define DESC_RW (CDK_CAP_PERM_LOAD | CDK_CAP_PERM_STORE)
#define TX_MAX_SEGS 40
#define TX_CKSUM_FLAGS (CDK_MBUF_F_TX_IP_CKSUM | CDK_MBUF_F_TX_L4_MASK)

/* Descriptor idx, checked against the ring capability (NULL: revoked). */
static __cdk_always_inline void *desc_at(const cdk_cap_t *ring, uint16_t idx)
{
	return cdk_cap_ptr(ring, (uint64_t)idx * IGB_DESC_SIZE, IGB_DESC_SIZE,
			   DESC_RW);
}

/* Dwords 2-3: the header address in the read format, status/errors and
 * length/VLAN in the write-back (rx); cmd and status (tx). */
static __cdk_always_inline uint64_t *desc_hi(void *d)
{
	return (uint64_t *)((char *)d + 8);
}

static __cdk_always_inline uint16_t ring_next(uint16_t i, uint16_t n)
{
	return (uint16_t)(i + 1 == n ? 0 : i + 1);
}

/* Read format (82576 DS 7.1.5.1): m's buffer, no header buffer; the zero
 * header address also clears DD. */
static __cdk_always_inline int rx_post(struct igb_rx_queue *q, void *d,
				       struct cdk_mbuf *m)
{
	uint64_t iova;

	if (cdk_unlikely(cdk_cap_iova_of(&q->pool,
					 (char *)m->buf_addr + CDK_PKTMBUF_HEADROOM,
					 q->buf_len, &iova) < 0))
		return -1;
	*(volatile uint64_t *)d = iova;
	__atomic_store_n(desc_hi(d), 0, __ATOMIC_RELAXED);
	return 0;
}

static __cdk_always_inline void rx_drop_chain(struct igb_rx_queue *q)
{
	if (q->pkt_first != NULL) {
		cdk_pktmbuf_free(q->pkt_first);
		q->pkt_first = q->pkt_last = NULL;
	}
}

/* Is a write-back one we can take? Counts why not. */
static __cdk_always_inline int rx_wb_ok(struct igb_rx_queue *q, uint16_t len,
					uint32_t staterr)
{
	if (cdk_unlikely(len == 0 || len > q->buf_len)) {
		q->bad_len++;
		return 0;
	}
	if (cdk_unlikely(staterr & IGB_RXD_ERR_FRAME)) {
		q->bad_status++;
		return 0;
	}
	if (cdk_unlikely(q->pkt_first != NULL && q->nb_segs >= q->max_segs)) {
		q->too_long++;
		return 0;
	}
	return 1;
}

/* Packet type bits of the write-back (82576 DS 7.1.5.2) in DPDK's terms. */
static __cdk_always_inline uint32_t rx_ptype(uint32_t pt)
{
	uint32_t t = CDK_PTYPE_L2_ETHER;

	if (pt & IGB_RXD_PKT_IPV4)
		t |= pt & IGB_RXD_PKT_IPV4E ? CDK_PTYPE_L3_IPV4_EXT : CDK_PTYPE_L3_IPV4;
	else if (pt & IGB_RXD_PKT_IPV6)
		t |= CDK_PTYPE_L3_IPV6;
	if (pt & IGB_RXD_PKT_TCP)
		t |= CDK_PTYPE_L4_TCP;
	else if (pt & IGB_RXD_PKT_UDP)
		t |= CDK_PTYPE_L4_UDP;
	return t;
}

/* The frame is complete: what the last write-back says goes into the
 * first segment (RSS, packet type and VLAN are valid on EOP). */
static __cdk_always_inline struct cdk_mbuf *
rx_finish(struct igb_rx_queue *q, uint64_t lo, uint32_t staterr, uint16_t vlan)
{
	struct cdk_mbuf *f = q->pkt_first;
	uint32_t w0 = (uint32_t)lo;

	f->port = q->port_id;
	f->packet_type = rx_ptype(IGB_RXD_PKTTYPE(w0));
	f->ol_flags = IGB_RXD_RSSTYPE(w0) ? q->ol_flags : 0;
	f->hash.rss = (uint32_t)(lo >> 32);
	if (staterr & IGB_RXD_STAT_VP) {
		f->vlan_tci = vlan;
		f->ol_flags |= CDK_MBUF_F_RX_VLAN |
			       (q->vlan_strip ? CDK_MBUF_F_RX_VLAN_STRIPPED : 0);
	}
	q->bytes += f->pkt_len;
	q->pkt_first = q->pkt_last = NULL;
	return f;
}

uint16_t igb_recv_pkts(void *rxq, struct cdk_mbuf **pkts, uint16_t n)
{
	struct igb_rx_queue *q = rxq;
	uint16_t idx = q->rx_tail, nb_rx = 0, nb_hold = q->nb_hold;

	while (nb_rx < n) {
		void *d = desc_at(&q->ring, idx);
		struct cdk_mbuf *m, *nm;
		uint64_t hi, lo;
		uint32_t staterr;
		uint16_t len;

		if (cdk_unlikely(d == NULL))
			break;
		/* One read of each half: the device may change them. */
		hi = __atomic_load_n(desc_hi(d), __ATOMIC_ACQUIRE);
		staterr = (uint32_t)hi;
		if (!(staterr & IGB_RXD_STAT_DD))
			break;
		if (cdk_unlikely(idx == q->rdt)) {
			/* The device never owned this one: ignore it. */
			__atomic_store_n(desc_hi(d), 0, __ATOMIC_RELAXED);
			q->ghost_dd++;
			break;
		}
		lo = *(volatile uint64_t *)d;
		len = IGB_RXD_LEN(hi >> 32);
		m = q->sw_ring[idx];
		if (cdk_likely(!q->discard && rx_wb_ok(q, len, staterr))) {
			nm = cdk_mbuf_raw_alloc(q->mp);
			if (cdk_unlikely(nm == NULL)) {
				q->nombuf++;
				break; /* the frame waits in its descriptor */
			}
			m->data_off = CDK_PKTMBUF_HEADROOM;
			m->data_len = len;
			m->next = NULL;
			if (q->pkt_first == NULL) {
				m->nb_segs = 1;
				m->pkt_len = len;
				q->pkt_first = m;
				q->nb_segs = 1;
			} else {
				q->pkt_last->next = m;
				q->pkt_first->pkt_len += len;
				q->pkt_first->nb_segs = ++q->nb_segs;
			}
			q->pkt_last = m;
			if (staterr & IGB_RXD_STAT_EOP)
				pkts[nb_rx++] = rx_finish(q, lo, staterr,
							  IGB_RXD_VLAN(hi >> 32));
		} else {
			/* Drop the whole frame; its buffer goes back as is. */
			rx_drop_chain(q);
			q->discard = !(staterr & IGB_RXD_STAT_EOP);
			nm = m;
		}
		if (cdk_unlikely(rx_post(q, d, nm) < 0)) {
			/* Only a revoked pool gets here: keep the mbuf. */
			q->iova_fault++;
			if (nm != m)
				cdk_mbuf_raw_free(nm);
			break;
		}
		q->sw_ring[idx] = nm;
		idx = ring_next(idx, q->nb_desc);
		nb_hold++;
	}
	q->rx_tail = idx;
	q->pkts += nb_rx;
	if (nb_hold > q->free_thresh) {
		uint16_t rdt = (uint16_t)(idx == 0 ? q->nb_desc - 1 : idx - 1);
		void *held = desc_at(&q->ring, q->rdt);

		/* The slot held back becomes the device's: a DD written there
		 * while it was not must not pass for a frame. */
		if (held != NULL)
			__atomic_store_n(desc_hi(held), 0, __ATOMIC_RELAXED);
		__atomic_thread_fence(__ATOMIC_RELEASE);
		cdk_cap_write32(&q->doorbell, 0, rdt);
		q->rdt = rdt;
		nb_hold = 0;
	}
	q->nb_hold = nb_hold;
	return nb_rx;
}

int igb_rx_ring_fill(struct igb_rx_queue *q)
{
	for (uint16_t i = 0; i < q->nb_desc; i++) {
		struct cdk_mbuf *m = cdk_mbuf_raw_alloc(q->mp);
		void *d = desc_at(&q->ring, i);

		if (m == NULL)
			return -ENOMEM;
		if (d == NULL || rx_post(q, d, m) < 0) {
			cdk_mbuf_raw_free(m);
			return -EFAULT;
		}
		q->sw_ring[i] = m;
	}
	q->rdt = (uint16_t)(q->nb_desc - 1);
	return 0;
}

void igb_rx_queue_drain(struct igb_rx_queue *q)
{
	rx_drop_chain(q);
	for (uint16_t i = 0; q->sw_ring && i < q->nb_desc; i++) {
		if (q->sw_ring[i] != NULL)
			cdk_mbuf_raw_free(q->sw_ring[i]);
		q->sw_ring[i] = NULL;
	}
}

void igb_rx_queue_reset(struct igb_rx_queue *q)
{
	void *ring = cdk_cap_ptr(&q->ring, 0, (uint64_t)q->nb_desc * IGB_DESC_SIZE,
				 DESC_RW);

	if (ring != NULL)
		memset(ring, 0, (size_t)q->nb_desc * IGB_DESC_SIZE);
	q->rx_tail = 0;
	q->nb_hold = 0;
	q->nb_segs = 0;
	q->discard = 0;
	q->pkt_first = q->pkt_last = NULL;
}

/* The IOVA of [p, p+len) from a pool this queue was granted. */
static __cdk_always_inline int tx_iova(struct igb_tx_queue *q, const void *p,
				       uint32_t len, uint64_t *iova)
{
	if (cdk_likely(cdk_cap_covers(&q->pools[q->last_pool], p, len,
				      CDK_CAP_PERM_DMA)))
		return cdk_cap_iova_of(&q->pools[q->last_pool], p, len, iova);
	for (unsigned i = 0; i < q->n_pools; i++)
		if (cdk_cap_covers(&q->pools[i], p, len, CDK_CAP_PERM_DMA)) {
			q->last_pool = (uint16_t)i;
			return cdk_cap_iova_of(&q->pools[i], p, len, iova);
		}
	return -1;
}

/* Take back the descriptors up to the next RS'd one the device is done
 * with (82576 DS 7.2.3.5: DD of dword 3 is written where RS asked). */
static int tx_clean(struct igb_tx_queue *q)
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
	if (d == NULL || !((__atomic_load_n(desc_hi(d), __ATOMIC_ACQUIRE) >> 32) &
			   IGB_TXD_STAT_DD))
		return -1;
	q->nb_free = (uint16_t)(q->nb_free + (to > last ? to - last : n - last + to));
	q->last_cleaned = to;
	return 0;
}

/*
 * The context m needs for its checksum flags (82576 DS 7.2.2.2): 0 when
 * it needs none, 1 when the device already holds it, 2 when a context
 * descriptor must go first, -1 when its header lengths do not fit one.
 */
static __cdk_always_inline int tx_ctx(const struct igb_tx_queue *q,
				      const struct cdk_mbuf *m, uint32_t *lens,
				      uint32_t *tucmd)
{
	uint64_t fl = m->ol_flags;

	if (cdk_likely(!(fl & TX_CKSUM_FLAGS)))
		return 0;
	if (cdk_unlikely(m->l2_len > IGB_CTX_MACLEN_MAX ||
			 m->l3_len > IGB_CTX_IPLEN_MAX || m->l2_len == 0))
		return -1;
	*lens = (uint32_t)m->l3_len | (uint32_t)m->l2_len << IGB_CTX_MACLEN_SHIFT;
	*tucmd = IGB_TXD_DTYP_CTXT | IGB_TXD_DCMD_DEXT |
		 (fl & CDK_MBUF_F_TX_IP_CKSUM ? IGB_CTX_TUCMD_IPV4 : 0) |
		 ((fl & CDK_MBUF_F_TX_L4_MASK) == CDK_MBUF_F_TX_TCP_CKSUM
			  ? IGB_CTX_TUCMD_L4T_TCP
			  : IGB_CTX_TUCMD_L4T_UDP);
	return *lens == q->ctx_lens && *tucmd == q->ctx_tucmd ? 1 : 2;
}

/* POPTS of a data descriptor: which checksums the device inserts. */
static __cdk_always_inline uint32_t tx_popts(uint64_t fl)
{
	uint64_t l4 = fl & CDK_MBUF_F_TX_L4_MASK;

	return (fl & CDK_MBUF_F_TX_IP_CKSUM ? IGB_TXD_POPTS_IXSM : 0) |
	       (l4 == CDK_MBUF_F_TX_TCP_CKSUM || l4 == CDK_MBUF_F_TX_UDP_CKSUM
			? IGB_TXD_POPTS_TXSM
			: 0);
}

uint16_t igb_xmit_pkts(void *txq, struct cdk_mbuf **pkts, uint16_t n)
{
	struct igb_tx_queue *q = txq;
	uint64_t iova[TX_MAX_SEGS];
	uint16_t tail = q->tx_tail, nb_tx;

	if (q->nb_free < q->free_thresh)
		tx_clean(q);
	for (nb_tx = 0; nb_tx < n; nb_tx++) {
		struct cdk_mbuf *m = pkts[nb_tx], *seg = m;
		uint32_t lens = 0, tucmd = 0, olinfo, rs;
		int ctx = tx_ctx(q, m, &lens, &tucmd);
		uint16_t nseg = m->nb_segs, need, last, i;

		if (cdk_unlikely(ctx < 0)) {
			q->bad_offload++;
			break; /* the caller's to fix: nothing is posted */
		}
		need = (uint16_t)(nseg + (ctx == 2));
		if (need > q->nb_free && (tx_clean(q) < 0 || need > q->nb_free))
			break; /* ring full: the rest stays the caller's */
		/* Every segment must come from a granted pool before any is
		 * posted: nothing half-sent, nothing outside reaches the NIC. */
		for (i = 0; i < nseg && i < TX_MAX_SEGS && seg != NULL; i++) {
			void *p = cdk_pktmbuf_mtod(seg, void *);

			if (seg->data_len == 0 || tx_iova(q, p, seg->data_len, &iova[i]) < 0)
				break;
			seg = seg->next;
		}
		if (cdk_unlikely(i != nseg)) {
			q->refused++;
			if (q->n_pools) /* record it as a capability fault */
				cdk_cap_iova_of(&q->pools[0], cdk_pktmbuf_mtod(m, void *),
						m->data_len ? m->data_len : 1, &iova[0]);
			break;
		}
		q->nb_used = (uint16_t)(q->nb_used + need);
		rs = q->nb_used >= q->rs_thresh ? IGB_TXD_DCMD_RS : 0;
		if (rs)
			q->nb_used = 0;
		last = (uint16_t)(tail + need - 1);
		if (last >= q->nb_desc)
			last = (uint16_t)(last - q->nb_desc);
		olinfo = m->pkt_len << IGB_TXD_PAYLEN_SHIFT;
		if (ctx) {
			olinfo |= tx_popts(m->ol_flags); /* context slot 0 */
			if (ctx == 2) {
				struct igb_tx_entry *e = &q->sw_ring[tail];
				void *d = desc_at(&q->ring, tail);

				if (cdk_unlikely(d == NULL))
					return nb_tx; /* revoked: nothing more is posted */
				if (e->mbuf != NULL)
					cdk_pktmbuf_free_seg(e->mbuf);
				*(volatile uint64_t *)d = lens;
				*(volatile uint64_t *)desc_hi(d) = tucmd;
				e->mbuf = NULL;
				e->last_id = last;
				q->ctx_lens = lens;
				q->ctx_tucmd = tucmd;
				tail = ring_next(tail, q->nb_desc);
			}
		}
		for (i = 0, seg = m; i < nseg; i++, seg = seg->next) {
			struct igb_tx_entry *e = &q->sw_ring[tail];
			uint32_t cmd = IGB_TXD_DTYP_DATA | IGB_TXD_DCMD_DEXT |
				       IGB_TXD_DCMD_IFCS |
				       (i == nseg - 1 ? IGB_TXD_DCMD_EOP | rs : 0);
			void *d = desc_at(&q->ring, tail);

			if (cdk_unlikely(d == NULL))
				return nb_tx;
			if (e->mbuf != NULL)
				cdk_pktmbuf_free_seg(e->mbuf);
			*(volatile uint64_t *)d = iova[i];
			*(volatile uint64_t *)desc_hi(d) =
				(cmd | seg->data_len) | (uint64_t)olinfo << 32;
			e->mbuf = seg;
			e->last_id = last;
			tail = ring_next(tail, q->nb_desc);
		}
		q->nb_free = (uint16_t)(q->nb_free - need);
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

void igb_tx_queue_drain(struct igb_tx_queue *q)
{
	for (uint16_t i = 0; q->sw_ring && i < q->nb_desc; i++) {
		if (q->sw_ring[i].mbuf != NULL)
			cdk_pktmbuf_free_seg(q->sw_ring[i].mbuf);
		q->sw_ring[i].mbuf = NULL;
	}
}

void igb_tx_queue_reset(struct igb_tx_queue *q)
{
	void *ring = cdk_cap_ptr(&q->ring, 0, (uint64_t)q->nb_desc * IGB_DESC_SIZE,
				 DESC_RW);

	if (ring != NULL)
		memset(ring, 0, (size_t)q->nb_desc * IGB_DESC_SIZE);
	for (uint16_t i = 0; i < q->nb_desc; i++)
		q->sw_ring[i].last_id = i;
	q->tx_tail = 0;
	q->nb_free = (uint16_t)(q->nb_desc - 1); /* TDT never catches TDH */
	q->last_cleaned = (uint16_t)(q->nb_desc - 1);
	q->nb_used = 0;
	q->last_pool = 0;
	q->ctx_lens = q->ctx_tucmd = 0; /* reset forgot the device's context */
}
