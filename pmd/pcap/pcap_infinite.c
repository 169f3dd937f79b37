/*
 * infinite_rx: the whole file is read once into mbufs of the rx queue's
 * pool, and rx replays them in a loop by copying, so that a benchmark's rx
 * costs an allocation and a memcpy rather than a trip through libpcap.
 * The loaded mbufs stay out of the pool until the queue is released.
 */
#include <errno.h>
#include <stdlib.h>

#include "cdk_log.h"
#include "pcap_private.h"

static int keep(struct pcap_rxq *q, struct cdk_mbuf *m, unsigned *cap)
{
	if (q->loop_n == *cap) {
		unsigned ncap = *cap ? *cap * 2 : 256;
		struct cdk_mbuf **grown = realloc(q->loop, ncap * sizeof(*grown));

		if (grown == NULL)
			return -ENOMEM;
		q->loop = grown;
		*cap = ncap;
	}
	q->loop[q->loop_n++] = m;
	return 0;
}

/* One frame into a new chain from the pool: 0, 1 (skipped), or < 0. */
static int load_one(const char *dev, struct pcap_rxq *q,
		    const struct pcap_endpoint *ep, const struct pcap_pkthdr *h,
		    const u_char *data, unsigned *cap)
{
	struct cdk_mbuf *m, *tail;

	if (h->caplen == 0)
		return 1; /* nothing to replay */
	m = tail = cdk_pktmbuf_alloc(q->mp);
	if (m == NULL || eth_pcap_rx_append(q, m, &tail, data, h->caplen) < 0) {
		cdk_pktmbuf_free(m);
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_PMD, "%s: %s=%s: infinite_rx: "
			"the pool %s has too few mbufs to hold the file (%u "
			"packets loaded)", dev, ep->key, ep->name, q->mp->name,
			q->loop_n);
		return -ENOMEM;
	}
	m->port = q->port;
	if (keep(q, m, cap) < 0) {
		cdk_pktmbuf_free(m);
		return -ENOMEM;
	}
	return 0;
}

int eth_pcap_infinite_load(const char *dev, struct pcap_rxq *q,
		       struct pcap_endpoint *ep)
{
	struct pcap_pkthdr *h;
	const u_char *data;
	unsigned cap = 0;
	int rc;

	if (q->loop_n > 0)
		return 0; /* loaded at an earlier start */
	while ((rc = pcap_next_ex(ep->pcap, &h, &data)) == 1) {
		int r = load_one(dev, q, ep, h, data, &cap);

		if (r < 0) {
			eth_pcap_infinite_free(q);
			return r;
		}
	}
	if (rc == PCAP_ERROR)
		cdk_log(CDK_LOG_WARNING, CDK_LOGTYPE_PMD, "%s: %s=%s: ends early "
			"(%s): replaying the %u packets before the cut", dev,
			ep->key, ep->name, pcap_geterr(ep->pcap), q->loop_n);
	if (q->loop_n == 0) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_PMD, "%s: %s=%s: infinite_rx: "
			"the file holds no packet to replay", dev, ep->key,
			ep->name);
		return -EINVAL;
	}
	q->loop_next = 0;
	return 0;
}

void eth_pcap_infinite_free(struct pcap_rxq *q)
{
	for (unsigned i = 0; i < q->loop_n; i++)
		cdk_pktmbuf_free(q->loop[i]);
	free(q->loop);
	q->loop = NULL;
	q->loop_n = q->loop_next = 0;
}
