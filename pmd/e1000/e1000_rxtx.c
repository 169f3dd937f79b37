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

#define DESC_RW GBE_DESC_RW

/* A write-back with DD, as the upper quadword holds it (SDM 3.2.3.1). */
#define RX_WB_DD ((uint64_t)E1000_RXD_STAT_DD << 32)
/* EOP and the frame error bits of a write-back, and EOP alone: a frame
 * that fits one buffer, as most do. */
#define RX_WB_EOP ((uint64_t)E1000_RXD_STAT_EOP << 32)
#define RX_WB_EOP_ERR (RX_WB_EOP | (uint64_t)E1000_RXD_ERR_FRAME << 40)

/* Descriptors an rx burst looks at and refills in one batch. */
#define RX_BATCH 32

/* Is a write-back one we can take? Counts why not. */
static __cdk_always_inline int rx_wb_ok(struct e1000_rx_queue *q,
					uint32_t buf_len, int chaining,
					uint16_t nb_segs, uint16_t len,
					uint8_t err)
{
	if (cdk_unlikely(len == 0 || len > buf_len)) {
		q->bad_len++;
		return 0;
	}
	if (cdk_unlikely(err & E1000_RXD_ERR_FRAME)) {
		q->bad_status++;
		return 0;
	}
	if (cdk_unlikely(chaining && nb_segs >= q->max_segs)) {
		q->too_long++;
		return 0;
	}
	return 1;
}

/*
 * The queue's fields live in locals for the burst (stores into mbufs and
 * descriptors would otherwise make the compiler read them again), and go
 * back at the end. Descriptors are looked at RX_BATCH at a time: one read
 * of each write-back, then one bulk allocation for the refills of the
 * batch (one at a time, as before, when the pool cannot give them all).
 */
uint16_t e1000_recv_pkts(void *rxq, struct cdk_mbuf **pkts, uint16_t n)
{
	struct e1000_rx_queue *q = rxq;
	const cdk_cap_t ring = q->ring, pool = q->pool;
	struct cdk_mbuf **const sw_ring = q->sw_ring;
	struct cdk_mempool *const mp = q->mp;
	const uint16_t nb_desc = q->nb_desc, rdt = q->rdt, port = q->port_id;
	const uint32_t buf_len = q->buf_len;
	struct cdk_dma_win bufs;
	const uint64_t rearm = gbe_rx_rearm(port);
	struct cdk_mbuf *first = q->pkt_first, *last = q->pkt_last;
	uint16_t idx = q->rx_tail, nb_rx = 0, nb_hold = q->nb_hold;
	uint16_t nb_segs = q->nb_segs;
	uint8_t discard = q->discard;
	uint64_t bytes = 0;

	if (cdk_unlikely(!cdk_eth_burst_caps_ok(&ring, DESC_RW, E1000_DESC_SIZE, &pool) ||
			 !cdk_eth_ring_span_ok(&ring, nb_desc, E1000_DESC_SIZE, idx)))
		return 0;
	bufs = cdk_dma_win_sized(&pool, buf_len);
	while (nb_rx < n) {
		struct cdk_mbuf *fresh[RX_BATCH], **sw = &sw_ring[idx];
		uint64_t wbs[RX_BATCH];
		char *d0 = cdk_eth_desc_at(&ring, idx, E1000_DESC_SIZE);
		/* a batch ends before the held descriptor and at the ring's end */
		const unsigned want = gbe_rx_batch_want(rdt, idx, nb_desc, n - nb_rx, RX_BATCH);
		unsigned k, j, got, used = 0;
		int stop = 0;

		if (cdk_unlikely(want == 0)) {
			if (gbe_rx_held_ghost(&pool, buf_len, d0, sw_ring[idx], RX_WB_DD))
				q->ghost_dd++;
			break;
		}
		/* One read of each write-back: the device may change it. */
		k = gbe_rx_scan(d0, want, RX_WB_DD, wbs);
		if (k == 0)
			break;
		got = cdk_mempool_get_bulk(mp, (void **)fresh, k) == 0 ? k : 0;
		for (j = 0; j < k; j++) {
			void *d = d0 + j * E1000_DESC_SIZE;
			uint64_t wb = wbs[j];
			uint16_t len = E1000_RXD_WB_LEN(wb);
			struct cdk_mbuf *m = sw[j], *nm;

			if (cdk_likely((wb & RX_WB_EOP_ERR) == RX_WB_EOP &&
				       (uint32_t)len - 1 < buf_len && first == NULL &&
				       !discard)) {
				/* A whole frame in one buffer. */
				if (cdk_unlikely(gbe_rx_fresh(fresh, &used, got, mp,
							      &q->nombuf, &nm) < 0)) {
					stop = 1;
					break; /* the frame waits in its descriptor */
				}
				gbe_rx_one(m, rearm, 0, 0, len, 0, 0);
				bytes += len;
				pkts[nb_rx++] = m;
			} else if (!discard &&
				   rx_wb_ok(q, buf_len, first != NULL, nb_segs, len,
					    E1000_RXD_WB_ERRORS(wb))) {
				uint8_t st = E1000_RXD_WB_STATUS(wb);

				if (cdk_unlikely(gbe_rx_fresh(fresh, &used, got, mp,
							      &q->nombuf, &nm) < 0)) {
					stop = 1;
					break; /* the frame waits in its descriptor */
				}
				m->data_off = CDK_PKTMBUF_HEADROOM;
				m->data_len = len;
				m->next = NULL;
				if (first == NULL) {
					m->nb_segs = 1;
					m->pkt_len = len;
					m->port = port;
					m->ol_flags = 0;
					m->packet_type = 0;
					first = m;
					nb_segs = 1;
				} else {
					last->next = m;
					first->pkt_len += len;
					first->nb_segs = ++nb_segs;
				}
				last = m;
				if (st & E1000_RXD_STAT_EOP) {
					bytes += first->pkt_len;
					pkts[nb_rx++] = first;
					first = last = NULL;
				}
			} else {
				/* Drop the whole frame; its buffer goes back as is. */
				gbe_rx_chain_drop(&first, &last);
				discard = !(E1000_RXD_WB_STATUS(wb) & E1000_RXD_STAT_EOP);
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
	q->pkt_first = first;
	q->pkt_last = last;
	q->nb_segs = nb_segs;
	q->discard = discard;
	q->rx_tail = idx;
	q->pkts += nb_rx;
	q->bytes += bytes;
	if (nb_hold > q->free_thresh) {
		gbe_rx_tail_post(&ring, &pool, &q->doorbell, buf_len, sw_ring,
				 &q->rdt, idx, nb_desc, RX_WB_DD, &q->ghost_dd);
		nb_hold = 0;
	}
	q->nb_hold = nb_hold;
	return nb_rx;
}

int e1000_rx_ring_fill(struct e1000_rx_queue *q)
{
	return gbe_rx_ring_fill(&q->ring, &q->pool, q->mp, q->buf_len, q->sw_ring,
				q->nb_desc, &q->rdt);
}

void e1000_rx_queue_drain(struct e1000_rx_queue *q)
{
	gbe_rx_chain_drop(&q->pkt_first, &q->pkt_last);
	gbe_rx_sw_drain(q->sw_ring, q->nb_desc);
}

void e1000_rx_queue_reset(struct e1000_rx_queue *q)
{
	gbe_ring_zero(&q->ring, q->nb_desc);
	q->rx_tail = 0;
	q->nb_hold = 0;
	q->nb_segs = 0;
	q->discard = 0;
	q->pkt_first = q->pkt_last = NULL;
}

static int tx_clean(struct e1000_tx_queue *q)
{
	const struct gbe_tx_clean c = { &q->ring, q->sw_ring, q->nb_desc,
					q->rs_thresh, &q->nb_free, &q->last_cleaned };

	return gbe_tx_clean(&c);
}

/* A packet with a segment outside every granted pool (or empty): nothing
 * of it is posted; it is counted, and recorded as the capability fault it
 * is. */
static void tx_refuse(struct e1000_tx_queue *q, const struct cdk_mbuf *m)
{
	uint64_t iova;

	q->refused++;
	if (q->n_pools)
		cdk_cap_iova_of(&q->pools[0], cdk_pktmbuf_mtod(m, void *),
				m->data_len ? m->data_len : 1, &iova);
}

/*
 * The queue's indices and counters live in locals for the burst; the
 * descriptor range was checked once for the whole burst, and the mbufs
 * of reused descriptors go back to their pool in bulk.
 */
uint16_t e1000_xmit_pkts(void *txq, struct cdk_mbuf **pkts, uint16_t n)
{
	struct e1000_tx_queue *q = txq;
	const cdk_cap_t ring = q->ring;
	cdk_cap_t pool = q->pools[q->last_pool];
	const uint16_t nb_desc = q->nb_desc, rs_thresh = q->rs_thresh;
	uint64_t iova[E1000_TX_MAX_SEGS];
	uint16_t nb_used = q->nb_used, nb_free, nb_tx;
	struct gbe_tx_run r;

	if (cdk_unlikely(q->n_pools == 0 ||
			 !cdk_eth_burst_caps_ok(&ring, DESC_RW, E1000_DESC_SIZE, &pool) ||
			 !cdk_eth_ring_span_ok(&ring, nb_desc, E1000_DESC_SIZE, q->tx_tail)))
		return 0;
	if (q->nb_free < q->free_thresh)
		tx_clean(q);
	nb_free = q->nb_free;
	gbe_tx_run_start(&r, cdk_eth_desc_at(&ring, 0, E1000_DESC_SIZE), q->sw_ring, nb_desc,
			 rs_thresh, q->tx_tail, &pool);
	for (nb_tx = 0; nb_tx < n; nb_tx++) {
		struct cdk_mbuf *m, *seg;
		uint16_t nseg, last, i, tail;
		uint32_t rs;

		/* One-segment packets first, as many as fit. */
		r.rs_left = (uint16_t)(rs_thresh - nb_used);
		i = (uint16_t)gbe_tx_run(&r, pkts + nb_tx, n - nb_tx < nb_free ? n - nb_tx : nb_free,
					 (uint64_t)(E1000_TXD_CMD_IFCS | E1000_TXD_CMD_EOP)
						 << E1000_TXD_CMD_SHIFT,
					 (uint64_t)E1000_TXD_CMD_RS << E1000_TXD_CMD_SHIFT, 0, 0);
		nb_used = (uint16_t)(rs_thresh - r.rs_left);
		nb_tx = (uint16_t)(nb_tx + i);
		nb_free = (uint16_t)(nb_free - i);
		if (nb_tx == n)
			break;
		/* The packet that ended the run: a chain, a buffer the window
		 * could not place, or no room left. */
		m = seg = pkts[nb_tx];
		nseg = m->nb_segs;
		if (cdk_unlikely(nseg > nb_free)) {
			q->nb_free = nb_free;
			if (tx_clean(q) < 0 || nseg > (nb_free = q->nb_free))
				break; /* ring full: the rest stays the caller's */
		}
		/* Every segment must come from a granted pool before any is
		 * posted: nothing half-sent, nothing outside reaches the NIC. */
		for (i = 0; i < nseg && i < E1000_TX_MAX_SEGS && seg != NULL; i++) {
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
		nb_used = (uint16_t)(nb_used + nseg);
		rs = 0;
		if (nb_used >= rs_thresh) {
			rs = E1000_TXD_CMD_RS;
			nb_used = 0;
		}
		tail = r.tail;
		last = (uint16_t)(tail + nseg - 1);
		if (last >= nb_desc)
			last = (uint16_t)(last - nb_desc);
		for (i = 0, seg = m; i < nseg; i++, seg = seg->next) {
			struct gbe_tx_entry *e = &r.sw_ring[tail];
			uint32_t cmd = E1000_TXD_CMD_IFCS |
				       (i == nseg - 1 ? E1000_TXD_CMD_EOP | rs : 0);
			void *d = cdk_eth_desc_at(&ring, tail, E1000_DESC_SIZE);

			if (e->mbuf != NULL)
				gbe_tx_free_seg(&r.fr, e->mbuf);
			*(volatile uint64_t *)d = iova[i];
			*(volatile uint64_t *)gbe_desc_hi(d) =
				seg->data_len | (uint64_t)cmd << E1000_TXD_CMD_SHIFT;
			e->mbuf = seg;
			e->last_id = last;
			tail = (uint16_t)(tail + 1 == nb_desc ? 0 : tail + 1);
		}
		r.tail = tail;
		nb_free = (uint16_t)(nb_free - nseg);
		r.bytes += m->pkt_len;
	}
	gbe_tx_free_flush(&r.fr);
	q->nb_free = nb_free;
	q->nb_used = nb_used;
	if (r.tail != q->tx_tail) {
		/* Descriptors before the tail that announces them. */
		__atomic_thread_fence(__ATOMIC_RELEASE);
		cdk_cap_write32(&q->doorbell, 0, r.tail);
		q->tx_tail = r.tail;
	}
	q->pkts += nb_tx;
	q->bytes += r.bytes;
	return nb_tx;
}

void e1000_tx_queue_drain(struct e1000_tx_queue *q)
{
	gbe_tx_sw_drain(q->sw_ring, q->nb_desc);
}

void e1000_tx_queue_reset(struct e1000_tx_queue *q)
{
	gbe_ring_zero(&q->ring, q->nb_desc);
	gbe_tx_entries_reset(q->sw_ring, q->nb_desc);
	q->tx_tail = 0;
	q->nb_free = (uint16_t)(q->nb_desc - 1); /* TDT never catches TDH */
	q->last_cleaned = (uint16_t)(q->nb_desc - 1);
	q->nb_used = 0;
	q->last_pool = 0;
}
