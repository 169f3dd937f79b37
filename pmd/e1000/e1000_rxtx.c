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

	if (cdk_unlikely(!cdk_eth_burst_caps_ok(&ring, DESC_RW, E1000_DESC_SIZE, &pool)))
		return 0;
	while (nb_rx < n) {
		void *d = cdk_eth_desc_in(&ring, idx, E1000_DESC_SIZE);
		struct cdk_mbuf *m, *nm;
		uint64_t wb;
		uint8_t st;

		if (cdk_unlikely(d == NULL))
			break;
		/* One read of the write-back: the device may change it. */
		wb = __atomic_load_n(gbe_desc_hi(d), __ATOMIC_ACQUIRE);
		st = E1000_RXD_WB_STATUS(wb);
		if (!(st & E1000_RXD_STAT_DD))
			break;
		if (cdk_unlikely(idx == q->rdt)) {
			/* The device never owned this one: not a frame. */
			gbe_rx_post(&pool, q->buf_len, d, q->sw_ring[idx]);
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
			gbe_rx_chain_drop(&q->pkt_first, &q->pkt_last);
			q->discard = !(st & E1000_RXD_STAT_EOP);
			nm = m;
		}
		if (cdk_unlikely(gbe_rx_post(&pool, q->buf_len, d, nm) < 0)) {
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
		gbe_rx_tail_post(&ring, &pool, &q->doorbell, q->buf_len, q->sw_ring,
				 &q->rdt, idx, q->nb_desc, RX_WB_DD, &q->ghost_dd);
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

uint16_t e1000_xmit_pkts(void *txq, struct cdk_mbuf **pkts, uint16_t n)
{
	struct e1000_tx_queue *q = txq;
	const cdk_cap_t ring = q->ring;
	cdk_cap_t pool = q->pools[q->last_pool];
	uint64_t iova[E1000_TX_MAX_SEGS];
	uint16_t tail = q->tx_tail, nb_tx;

	if (cdk_unlikely(q->n_pools == 0 ||
			 !cdk_eth_burst_caps_ok(&ring, DESC_RW, E1000_DESC_SIZE, &pool)))
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

			if (seg->data_len == 0 || cdk_eth_tx_pool_iova(q->pools, q->n_pools, &q->last_pool, &pool,
								  p, seg->data_len, &iova[i]) < 0)
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
			struct gbe_tx_entry *e = &q->sw_ring[tail];
			uint32_t cmd = E1000_TXD_CMD_IFCS |
				       (i == nseg - 1 ? E1000_TXD_CMD_EOP | rs : 0);
			void *d = cdk_eth_desc_in(&ring, tail, E1000_DESC_SIZE);

			if (cdk_unlikely(d == NULL))
				return nb_tx; /* outside the ring: nothing more is posted */
			if (e->mbuf != NULL)
				cdk_pktmbuf_free_seg(e->mbuf);
			*(volatile uint64_t *)d = iova[i];
			*(volatile uint64_t *)gbe_desc_hi(d) =
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
