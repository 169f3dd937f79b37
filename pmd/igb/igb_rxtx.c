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

#define DESC_RW GBE_DESC_RW
#define TX_MAX_SEGS 40
#define TX_CKSUM_FLAGS (CDK_MBUF_F_TX_IP_CKSUM | CDK_MBUF_F_TX_L4_MASK)

static __cdk_always_inline uint16_t ring_next(uint16_t i, uint16_t n)
{
	return (uint16_t)(i + 1 == n ? 0 : i + 1);
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

/* With RSS on and classification off, the hash is reported alone. */
static const uint32_t no_ptypes[IGB_PTYPES];

/* The port's table (igb_ptypes_fill) answers in one load. */
static __cdk_always_inline uint32_t rx_ptype(const uint32_t *tbl, uint32_t pt)
{
	return tbl[pt & (IGB_PTYPES - 1)];
}

/* The frame is complete: what the last write-back says goes into the
 * first segment (RSS, packet type and VLAN are valid on EOP). */
static __cdk_always_inline struct cdk_mbuf *
rx_finish(struct igb_rx_queue *q, uint64_t lo, uint32_t staterr, uint16_t vlan)
{
	struct cdk_mbuf *f = q->pkt_first;
	uint32_t w0 = (uint32_t)lo;

	f->port = q->port_id;
	f->packet_type = q->ptypes ? rx_ptype(q->ptypes, IGB_RXD_PKTTYPE(w0)) : 0;
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

/* Status and error bits that keep a write-back off the fast path: a frame
 * that does not end here, a VLAN tag to report, a frame error. */
#define RX_WB_SLOW (IGB_RXD_STAT_EOP | IGB_RXD_STAT_VP | IGB_RXD_ERR_FRAME)

/* Descriptors an rx burst looks at and refills in one batch. */
#define RX_BATCH 32

/* One more buffer of the frame being chained (the rare path). */
static __cdk_always_inline void rx_chain(struct igb_rx_queue *q,
					 struct cdk_mbuf *m, uint16_t len)
{
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
}

/*
 * As e1000_recv_pkts: descriptors are looked at RX_BATCH at a time, one
 * read of each write-back half, one bulk allocation for the batch's
 * refills. A frame in one buffer without a VLAN tag, the common case, is
 * handed up from locals; chains, tags and bad write-backs go through the
 * queue's chaining state (calm: no frame is being chained or dropped).
 * info (a constant in each instance): the application wants the packet
 * type or the RSS hash, which the lower write-back half holds; without
 * it that half is never read, and a burst costs what e1000's does.
 */
static __cdk_always_inline uint16_t recv_burst(struct igb_rx_queue *q,
					       struct cdk_mbuf **pkts, uint16_t n,
					       const int info,
					       const uint32_t *const ptypes)
{
	const cdk_cap_t ring = q->ring, pool = q->pool;
	struct cdk_mbuf **const sw_ring = q->sw_ring;
	struct cdk_mempool *const mp = q->mp;
	const uint16_t nb_desc = q->nb_desc, rdt = q->rdt, port = q->port_id;
	const uint32_t buf_len = q->buf_len;
	struct cdk_dma_win bufs;
	const uint64_t rss_flag = q->ol_flags, rearm = gbe_rx_rearm(port);
	uint16_t idx = q->rx_tail, nb_rx = 0, nb_hold = q->nb_hold;
	int calm = q->pkt_first == NULL && !q->discard;
	uint64_t bytes = 0;

	if (cdk_unlikely(!cdk_eth_burst_caps_ok(&ring, DESC_RW, IGB_DESC_SIZE, &pool) ||
			 !cdk_eth_ring_span_ok(&ring, nb_desc, IGB_DESC_SIZE, idx)))
		return 0;
	bufs = cdk_dma_win_sized(&pool, buf_len);
	while (nb_rx < n) {
		struct cdk_mbuf *fresh[RX_BATCH], **sw = &sw_ring[idx];
		uint64_t his[RX_BATCH];
		char *d0 = cdk_eth_desc_at(&ring, idx, IGB_DESC_SIZE);
		/* a batch ends before the held descriptor and at the ring's end */
		const unsigned want = gbe_rx_batch_want(rdt, idx, nb_desc, n - nb_rx, RX_BATCH);
		unsigned k, j, got, used = 0;
		int stop = 0;

		if (cdk_unlikely(want == 0)) {
			if (gbe_rx_held_ghost(&pool, buf_len, d0, sw_ring[idx], IGB_RXD_STAT_DD))
				q->ghost_dd++;
			break;
		}
		/* One read of each half: the device may change them. The
		 * upper half (DD) first (here); the lower one, if wanted,
		 * after it, below. */
		k = gbe_rx_scan(d0, want, IGB_RXD_STAT_DD, his);
		if (k == 0)
			break;
		got = cdk_mempool_get_bulk(mp, (void **)fresh, k) == 0 ? k : 0;
		for (j = 0; j < k; j++) {
			char *d = d0 + j * IGB_DESC_SIZE;
			const uint64_t hi = his[j];
			const uint32_t staterr = (uint32_t)hi;
			const uint16_t len = IGB_RXD_LEN(hi >> 32);
			struct cdk_mbuf *m = sw[j], *nm;

			if (cdk_likely((staterr & RX_WB_SLOW) == IGB_RXD_STAT_EOP &&
				       (uint32_t)len - 1 < buf_len && calm)) {
				/* A whole frame in one buffer. */
				if (cdk_unlikely(gbe_rx_fresh(fresh, &used, got, mp,
							      &q->nombuf, &nm) < 0)) {
					stop = 1;
					break; /* the frame waits in its descriptor */
				}
				if (info) {
					const uint64_t lo = *(volatile uint64_t *)d;

					gbe_rx_one(m, rearm,
						   IGB_RXD_RSSTYPE((uint32_t)lo) ? rss_flag : 0,
						   rx_ptype(ptypes, IGB_RXD_PKTTYPE((uint32_t)lo)),
						   len, 0, (uint32_t)(lo >> 32));
				} else {
					gbe_rx_one(m, rearm, 0, 0, len, 0, 0);
				}
				bytes += len;
				pkts[nb_rx++] = m;
			} else if (!q->discard && rx_wb_ok(q, len, staterr)) {
				if (cdk_unlikely(gbe_rx_fresh(fresh, &used, got, mp,
							      &q->nombuf, &nm) < 0)) {
					stop = 1;
					break; /* the frame waits in its descriptor */
				}
				rx_chain(q, m, len);
				if (staterr & IGB_RXD_STAT_EOP)
					pkts[nb_rx++] = rx_finish(q, *(volatile uint64_t *)d,
								  staterr, IGB_RXD_VLAN(hi >> 32));
				calm = q->pkt_first == NULL;
			} else {
				/* Drop the whole frame; its buffer goes back as is. */
				gbe_rx_chain_drop(&q->pkt_first, &q->pkt_last);
				q->discard = !(staterr & IGB_RXD_STAT_EOP);
				calm = !q->discard;
				nm = m;
			}
			if (cdk_unlikely(gbe_rx_post_win(&bufs, &pool, buf_len, d, nm) < 0)) {
				/* Only a revoked pool gets here: keep the mbuf. */
				q->iova_fault++;
				if (nm != m)
					cdk_mbuf_raw_free(nm);
				stop = 1;
				break;
			}
			sw[j] = nm;
		}
		idx = (uint16_t)(idx + j);
		if (idx == nb_desc)
			idx = 0;
		nb_hold = (uint16_t)(nb_hold + j);
		if (cdk_unlikely(used < got))
			cdk_mempool_put_bulk(mp, (void **)&fresh[used], got - used);
		if (stop || k < want)
			break;
	}
	q->rx_tail = idx;
	q->pkts += nb_rx;
	q->bytes += bytes;
	if (nb_hold > q->free_thresh) {
		gbe_rx_tail_post(&ring, &pool, &q->doorbell, buf_len, sw_ring,
				 &q->rdt, idx, nb_desc, IGB_RXD_STAT_DD, &q->ghost_dd);
		nb_hold = 0;
	}
	q->nb_hold = nb_hold;
	return nb_rx;
}

uint16_t igb_recv_pkts(void *rxq, struct cdk_mbuf **pkts, uint16_t n)
{
	struct igb_rx_queue *q = rxq;
	const uint32_t *ptypes = q->ptypes;

	if (ptypes == NULL && q->ol_flags == 0)
		return recv_burst(q, pkts, n, 0, no_ptypes);
	return recv_burst(q, pkts, n, 1, ptypes ? ptypes : no_ptypes);
}

int igb_rx_ring_fill(struct igb_rx_queue *q)
{
	return gbe_rx_ring_fill(&q->ring, &q->pool, q->mp, q->buf_len, q->sw_ring,
				q->nb_desc, &q->rdt);
}

void igb_rx_queue_drain(struct igb_rx_queue *q)
{
	gbe_rx_chain_drop(&q->pkt_first, &q->pkt_last);
	gbe_rx_sw_drain(q->sw_ring, q->nb_desc);
}

void igb_rx_queue_reset(struct igb_rx_queue *q)
{
	gbe_ring_zero(&q->ring, q->nb_desc);
	q->rx_tail = 0;
	q->nb_hold = 0;
	q->nb_segs = 0;
	q->discard = 0;
	q->pkt_first = q->pkt_last = NULL;
}

static int tx_clean(struct igb_tx_queue *q)
{
	const struct gbe_tx_clean c = { &q->ring, q->sw_ring, q->nb_desc,
					q->rs_thresh, &q->nb_free, &q->last_cleaned };

	return gbe_tx_clean(&c);
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

/* A packet with a segment outside every granted pool (or empty): nothing
 * of it is posted; it is counted, and recorded as the capability fault it
 * is. */
static void tx_refuse(struct igb_tx_queue *q, const struct cdk_mbuf *m)
{
	uint64_t iova;

	q->refused++;
	if (q->n_pools)
		cdk_cap_iova_of(&q->pools[0], cdk_pktmbuf_mtod(m, void *),
				m->data_len ? m->data_len : 1, &iova);
}

uint16_t igb_xmit_pkts(void *txq, struct cdk_mbuf **pkts, uint16_t n)
{
	struct igb_tx_queue *q = txq;
	const cdk_cap_t ring = q->ring;
	cdk_cap_t pool = q->pools[q->last_pool];
	const uint16_t nb_desc = q->nb_desc, rs_thresh = q->rs_thresh;
	uint64_t iova[TX_MAX_SEGS];
	uint16_t nb_used = q->nb_used, nb_free, nb_tx;
	struct gbe_tx_run r;

	/* No pool granted: every packet is refused below, and counted. */
	if (cdk_unlikely(!cdk_eth_burst_caps_ok(&ring, DESC_RW, IGB_DESC_SIZE,
						q->n_pools ? &pool : NULL) ||
			 !cdk_eth_ring_span_ok(&ring, nb_desc, IGB_DESC_SIZE, q->tx_tail)))
		return 0;
	if (q->nb_free < q->free_thresh)
		tx_clean(q);
	nb_free = q->nb_free;
	gbe_tx_run_start(&r, cdk_eth_desc_at(&ring, 0, IGB_DESC_SIZE), q->sw_ring, nb_desc,
			 rs_thresh, q->tx_tail, &pool);
	for (nb_tx = 0; nb_tx < n; nb_tx++) {
		struct cdk_mbuf *m, *seg;
		uint32_t lens = 0, tucmd = 0, olinfo, rs;
		int ctx;
		uint16_t nseg, need, last, i, tail;

		/* One-segment packets without offloads first, as many as fit:
		 * one data descriptor each, PAYLEN = DTALEN = data_len. */
		r.rs_left = (uint16_t)(rs_thresh - nb_used);
		i = (uint16_t)gbe_tx_run(&r, pkts + nb_tx, n - nb_tx < nb_free ? n - nb_tx : nb_free,
					 IGB_TXD_DTYP_DATA | IGB_TXD_DCMD_DEXT | IGB_TXD_DCMD_IFCS |
						 IGB_TXD_DCMD_EOP,
					 IGB_TXD_DCMD_RS, IGB_TXD_PAYLEN_SHIFT + 32, TX_CKSUM_FLAGS);
		nb_used = (uint16_t)(rs_thresh - r.rs_left);
		nb_tx = (uint16_t)(nb_tx + i);
		nb_free = (uint16_t)(nb_free - i);
		if (nb_tx == n)
			break;
		/* The packet that ended the run: a chain, checksum offloads, a
		 * buffer the window could not place, or no room left. */
		m = seg = pkts[nb_tx];
		nseg = m->nb_segs;
		ctx = tx_ctx(q, m, &lens, &tucmd);
		if (cdk_unlikely(ctx < 0)) {
			q->bad_offload++;
			break; /* the caller's to fix: nothing is posted */
		}
		need = (uint16_t)(nseg + (ctx == 2));
		if (cdk_unlikely(need > nb_free)) {
			q->nb_free = nb_free;
			if (tx_clean(q) < 0 || need > (nb_free = q->nb_free))
				break; /* ring full: the rest stays the caller's */
		}
		/* Every segment must come from a granted pool before any is
		 * posted: nothing half-sent, nothing outside reaches the NIC. */
		for (i = 0; i < nseg && i < TX_MAX_SEGS && seg != NULL; i++) {
			void *p = cdk_pktmbuf_mtod(seg, void *);

			if (seg->data_len == 0 || cdk_eth_tx_win_iova(q->pools, q->n_pools, &q->last_pool, &pool,
								 &r.win, p, seg->data_len, &iova[i]) < 0)
				break;
			seg = seg->next;
		}
		if (cdk_unlikely(i != nseg || nseg == 0)) {
			tx_refuse(q, m);
			break;
		}
		nb_used = (uint16_t)(nb_used + need);
		rs = 0;
		if (nb_used >= rs_thresh) {
			rs = IGB_TXD_DCMD_RS;
			nb_used = 0;
		}
		tail = r.tail;
		last = (uint16_t)(tail + need - 1);
		if (last >= nb_desc)
			last = (uint16_t)(last - nb_desc);
		olinfo = m->pkt_len << IGB_TXD_PAYLEN_SHIFT;
		if (ctx) {
			olinfo |= tx_popts(m->ol_flags); /* context slot 0 */
			if (ctx == 2) {
				struct gbe_tx_entry *e = &r.sw_ring[tail];
				void *d = cdk_eth_desc_at(&ring, tail, IGB_DESC_SIZE);

				if (e->mbuf != NULL)
					gbe_tx_free_seg(&r.fr, e->mbuf);
				*(volatile uint64_t *)d = lens;
				*(volatile uint64_t *)gbe_desc_hi(d) = tucmd;
				e->mbuf = NULL;
				e->last_id = last;
				q->ctx_lens = lens;
				q->ctx_tucmd = tucmd;
				tail = ring_next(tail, nb_desc);
			}
		}
		for (i = 0, seg = m; i < nseg; i++, seg = seg->next) {
			struct gbe_tx_entry *e = &r.sw_ring[tail];
			uint32_t cmd = IGB_TXD_DTYP_DATA | IGB_TXD_DCMD_DEXT |
				       IGB_TXD_DCMD_IFCS |
				       (i == nseg - 1 ? IGB_TXD_DCMD_EOP | rs : 0);
			void *d = cdk_eth_desc_at(&ring, tail, IGB_DESC_SIZE);

			if (e->mbuf != NULL)
				gbe_tx_free_seg(&r.fr, e->mbuf);
			*(volatile uint64_t *)d = iova[i];
			*(volatile uint64_t *)gbe_desc_hi(d) =
				(cmd | seg->data_len) | (uint64_t)olinfo << 32;
			e->mbuf = seg;
			e->last_id = last;
			tail = ring_next(tail, nb_desc);
		}
		r.tail = tail;
		nb_free = (uint16_t)(nb_free - need);
		r.bytes += m->pkt_len;
	}
	gbe_tx_free_flush(&r.fr);
	q->nb_free = nb_free;
	q->nb_used = nb_used;
	q->bytes += r.bytes;
	if (r.tail != q->tx_tail) {
		/* Descriptors before the tail that announces them. */
		__atomic_thread_fence(__ATOMIC_RELEASE);
		cdk_cap_write32(&q->doorbell, 0, r.tail);
		q->tx_tail = r.tail;
	}
	q->pkts += nb_tx;
	return nb_tx;
}

void igb_tx_queue_drain(struct igb_tx_queue *q)
{
	gbe_tx_sw_drain(q->sw_ring, q->nb_desc);
}

void igb_tx_queue_reset(struct igb_tx_queue *q)
{
	gbe_ring_zero(&q->ring, q->nb_desc);
	gbe_tx_entries_reset(q->sw_ring, q->nb_desc);
	q->tx_tail = 0;
	q->nb_free = (uint16_t)(q->nb_desc - 1); /* TDT never catches TDH */
	q->last_cleaned = (uint16_t)(q->nb_desc - 1);
	q->nb_used = 0;
	q->last_pool = 0;
	q->ctx_lens = q->ctx_tucmd = 0; /* reset forgot the device's context */
}
