/*
 * net_pcap's data path. rx copies frames from libpcap (a file or a live
 * interface) or from the mbufs loaded for infinite_rx into mbufs of the
 * queue's pool; every byte written lands in an mbuf the queue's pool
 * capability covers. tx writes each frame to a dump file or sends it on a
 * live interface, or, with neither given, drops it; the mbufs are freed.
 */
#include <string.h>
#include <time.h>

#include "cdk_log.h"
#include "pcap_private.h"

/*
 * One check covers the mbuf's header and the bytes about to be written,
 * since an mbuf's buffer follows its header in the same pool object: a
 * buf_addr or data_off pointing elsewhere makes the span leave the pool.
 */
static inline int seg_writable(const struct pcap_rxq *q,
			       const struct cdk_mbuf *seg, const uint8_t *end)
{
	return cdk_cap_covers(&q->pool, seg,
			      (uint64_t)((uintptr_t)end - (uintptr_t)seg),
			      CDK_CAP_PERM_STORE);
}

int eth_pcap_rx_append(struct pcap_rxq *q, struct cdk_mbuf *head,
		   struct cdk_mbuf **tail, const uint8_t *data, uint32_t len)
{
	struct cdk_mbuf *seg = *tail;

	while (len > 0) {
		uint16_t room = cdk_pktmbuf_tailroom(seg);
		uint16_t k;
		uint8_t *dst;

		if (room == 0) {
			struct cdk_mbuf *next;

			if (head->nb_segs == CDK_MBUF_MAX_NB_SEGS)
				return -1;
			next = cdk_pktmbuf_alloc(q->mp);
			if (next == NULL)
				return -1;
			seg->next = next; /* freed with the head from here on */
			head->nb_segs++;
			seg = *tail = next;
			room = cdk_pktmbuf_tailroom(seg);
		}
		k = (uint16_t)CDK_MIN((uint32_t)room, len);
		dst = cdk_pktmbuf_mtod_offset(seg, uint8_t *, seg->data_len);
		if (cdk_unlikely(!seg_writable(q, seg, dst + k)))
			return -1;
		memcpy(dst, data, k);
		seg->data_len = (uint16_t)(seg->data_len + k);
		head->pkt_len += k;
		data += k;
		len -= k;
	}
	return 0;
}

/* A file ends at its end or at a record cut short; a live read error is
 * counted and rx goes on. */
static void rx_stopped(struct pcap_rxq *q, int rc)
{
	int is_file = pcap_file(q->pcap) != NULL;

	if (rc == PCAP_ERROR_BREAK) {
		q->eof = 1;
	} else if (rc == PCAP_ERROR && is_file) {
		q->eof = 1;
		cdk_log(CDK_LOG_WARNING, CDK_LOGTYPE_PMD, "port %u: rx file "
			"ends early: %s", q->port, pcap_geterr(q->pcap));
	} else if (rc == PCAP_ERROR) {
		q->errs++;
	}
}

uint16_t eth_pcap_rx(void *queue, struct cdk_mbuf **pkts, uint16_t n)
{
	struct pcap_rxq *q = queue;
	uint64_t bytes = 0;
	uint16_t got = 0;

	if (q->pcap == NULL || q->eof)
		return 0;
	while (got < n) {
		struct pcap_pkthdr *h;
		const u_char *data;
		/* Taken before the frame is read, so that a frame is never
		 * read and then lost for want of an mbuf. */
		struct cdk_mbuf *m = cdk_pktmbuf_alloc(q->mp), *tail = m;
		int rc;

		if (cdk_unlikely(m == NULL)) {
			q->nombuf++;
			break;
		}
		rc = pcap_next_ex(q->pcap, &h, &data);
		if (rc != 1) {
			cdk_pktmbuf_free(m);
			rx_stopped(q, rc);
			break;
		}
		if (cdk_unlikely(h->caplen == 0 ||
				 eth_pcap_rx_append(q, m, &tail, data, h->caplen) < 0)) {
			q->errs++;
			cdk_pktmbuf_free(m);
			continue;
		}
		m->port = q->port;
		pkts[got++] = m;
		bytes += h->caplen;
	}
	q->pkts += got;
	q->bytes += bytes;
	return got;
}

/* The loaded packet src, into the fresh mbuf m: one memcpy for a frame
 * that fits a segment, a chain otherwise. */
static inline int copy_loaded(struct pcap_rxq *q, struct cdk_mbuf *m,
			      const struct cdk_mbuf *src)
{
	uint16_t len = src->data_len;
	uint8_t *dst = cdk_pktmbuf_mtod(m, uint8_t *);
	struct cdk_mbuf *tail = m;

	if (cdk_likely(src->next == NULL && len <= cdk_pktmbuf_tailroom(m))) {
		if (cdk_unlikely(!seg_writable(q, m, dst + len)))
			return -1;
		memcpy(dst, cdk_pktmbuf_mtod(src, const uint8_t *), len);
		m->data_len = len;
		m->pkt_len = len;
		return 0;
	}
	for (const struct cdk_mbuf *s = src; s != NULL; s = s->next)
		if (eth_pcap_rx_append(q, m, &tail, cdk_pktmbuf_mtod(s, const uint8_t *),
				   s->data_len) < 0)
			return -1;
	return 0;
}

uint16_t eth_pcap_rx_infinite(void *queue, struct cdk_mbuf **pkts, uint16_t n)
{
	struct pcap_rxq *q = queue;
	uint64_t bytes = 0;
	uint16_t i;

	if (cdk_unlikely(cdk_pktmbuf_alloc_bulk(q->mp, pkts, n) != 0)) {
		q->nombuf += n;
		return 0;
	}
	for (i = 0; i < n; i++) {
		const struct cdk_mbuf *src = q->loop[q->loop_next];

		if (++q->loop_next == q->loop_n)
			q->loop_next = 0;
		if (cdk_unlikely(copy_loaded(q, pkts[i], src) < 0))
			break;
		pkts[i]->port = q->port;
		bytes += src->pkt_len;
	}
	if (cdk_unlikely(i < n)) {
		q->errs++;
		cdk_pktmbuf_free_bulk(pkts + i, n - i);
	}
	q->pkts += i;
	q->bytes += bytes;
	return i;
}

/* Every frame into the dump file, stamped with the time of the burst. */
static inline uint16_t tx_dump(struct pcap_txq *q, struct cdk_mbuf **pkts,
			       uint16_t n)
{
	struct pcap_pkthdr h;
	struct timespec now;
	uint64_t bytes = 0, sent = 0;

	clock_gettime(CLOCK_REALTIME, &now);
	h.ts.tv_sec = now.tv_sec;
	h.ts.tv_usec = now.tv_nsec; /* a nanosecond file: this field holds ns */
	for (uint16_t i = 0; i < n; i++) {
		uint32_t len = pkts[i]->pkt_len;
		const void *data = len <= PCAP_SNAPLEN ?
			cdk_pktmbuf_read(pkts[i], 0, len, q->linear) : NULL;

		/* Too long for the file, or shorter than it claims. */
		if (cdk_unlikely(data == NULL)) {
			q->errs++;
			continue;
		}
		h.caplen = h.len = len;
		pcap_dump((u_char *)q->dumper, &h, data);
		bytes += len;
		sent++;
	}
	cdk_pktmbuf_free_bulk(pkts, n);
	q->pkts += sent;
	q->bytes += bytes;
	return n;
}

/* Frames the interface refuses stay the caller's, as with a full ring. */
static inline uint16_t tx_send(struct pcap_txq *q, struct cdk_mbuf **pkts,
			       uint16_t n)
{
	uint64_t bytes = 0, sent = 0;
	uint16_t i;

	for (i = 0; i < n; i++) {
		struct cdk_mbuf *m = pkts[i];
		uint32_t len = m->pkt_len;
		const void *data = len <= PCAP_SNAPLEN ?
			cdk_pktmbuf_read(m, 0, len, q->linear) : NULL;

		if (cdk_unlikely(data == NULL)) {
			q->errs++;
			cdk_pktmbuf_free(m);
			continue;
		}
		if (pcap_sendpacket(q->pcap, data, (int)len) != 0)
			break;
		cdk_pktmbuf_free(m);
		bytes += len;
		sent++;
	}
	q->pkts += sent;
	q->bytes += bytes;
	return i;
}

static inline uint16_t tx_drop(struct pcap_txq *q, struct cdk_mbuf **pkts,
			       uint16_t n)
{
	uint64_t bytes = 0;

	for (uint16_t i = 0; i < n; i++)
		bytes += pkts[i]->pkt_len;
	cdk_pktmbuf_free_bulk(pkts, n);
	q->pkts += n;
	q->bytes += bytes;
	return n;
}

uint16_t eth_pcap_tx(void *queue, struct cdk_mbuf **pkts, uint16_t n)
{
	struct pcap_txq *q = queue;

	if (q->dumper != NULL)
		return tx_dump(q, pkts, n);
	if (q->pcap != NULL)
		return tx_send(q, pkts, n);
	return tx_drop(q, pkts, n);
}
