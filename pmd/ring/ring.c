/*
 * net_ring: ports whose queues are rings. Alone, a port loops back (what it
 * sends it receives, as DPDK's net_ring). With peer=NAME it forms a pair
 * with an earlier net_ring port: each one's tx is the other's rx.
 * fill=N puts N generated 64-byte frames on the port's rx ring at start, so
 * that a forwarding app has traffic to move.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cdk_log.h"
#include "cdk_pmd.h"
#include "cdk_ring.h"

#define RING_MAX_QUEUES 16
#define RING_SIZE 1024
#define RING_FILL_MAX 4096

struct ring_queue {
	struct cdk_ring *ring;
	uint64_t pkts, errs;
} __cdk_cache_aligned;

/* The rings belong to the device, not the port, so that a peer still
 * sending into them after this port is closed sends into live memory; they
 * go when the device is removed. */
struct ring_port {
	struct cdk_ring **rings;                 /* what this port receives */
	struct cdk_eth_dev *peer;                /* whose rings it sends to */
	struct ring_queue rxq[RING_MAX_QUEUES], txq[RING_MAX_QUEUES];
	struct cdk_mempool *mp0;                 /* rx queue 0's pool */
	unsigned fill;
};

static uint16_t ring_rx(void *q, struct cdk_mbuf **pkts, uint16_t n)
{
	struct ring_queue *rq = q;
	uint16_t got = (uint16_t)cdk_ring_dequeue_burst(rq->ring, (void **)pkts,
							n, NULL);

	rq->pkts += got;
	return got;
}

static uint16_t ring_tx(void *q, struct cdk_mbuf **pkts, uint16_t n)
{
	struct ring_queue *tq = q;
	uint16_t sent = (uint16_t)cdk_ring_enqueue_burst(tq->ring, (void **)pkts,
							 n, NULL);

	tq->pkts += sent;
	tq->errs += n - sent;
	return sent;
}

static struct ring_port *rp(struct cdk_eth_dev *dev)
{
	return dev->dev_private;
}

static int ring_infos_get(struct cdk_eth_dev *dev, struct cdk_eth_dev_info *info)
{
	info->max_rx_queues = RING_MAX_QUEUES;
	info->max_tx_queues = RING_MAX_QUEUES;
	info->max_mac_addrs = 1;
	info->max_rx_pktlen = UINT16_MAX;
	info->tx_offload_capa = CDK_ETH_TX_OFFLOAD_MULTI_SEGS;
	return 0;
}

static int ring_ok(struct cdk_eth_dev *dev)
{
	return 0;
}

/* fill=N: frames from this port's own MAC to broadcast, local ethertype. */
static int ring_fill(struct cdk_eth_dev *dev)
{
	struct ring_port *p = rp(dev);

	for (unsigned i = 0; i < p->fill; i++) {
		struct cdk_mbuf *m = cdk_pktmbuf_alloc(p->mp0);
		char *frame;
		struct cdk_ether_hdr *eh;

		if (m == NULL)
			return -ENOMEM;
		frame = cdk_pktmbuf_append(m, 64);
		if (frame == NULL) {
			cdk_pktmbuf_free(m);
			return -EINVAL;
		}
		memset(frame, 0, 64);
		eh = (struct cdk_ether_hdr *)frame;
		memset(&eh->dst_addr, 0xff, sizeof(eh->dst_addr));
		eh->src_addr = dev->mac_addr;
		eh->ether_type = cdk_cpu_to_be_16(0x88b5); /* IEEE local experimental */
		m->port = dev->port_id;
		if (cdk_ring_enqueue(p->rings[0], m) < 0) {
			cdk_pktmbuf_free(m);
			return -ENOBUFS;
		}
	}
	return 0;
}

static int ring_start(struct cdk_eth_dev *dev)
{
	struct ring_port *p = rp(dev);

	dev->link = (struct cdk_eth_link){ CDK_ETH_SPEED_NUM_10G,
					   CDK_ETH_LINK_FULL_DUPLEX,
					   CDK_ETH_LINK_FIXED, CDK_ETH_LINK_UP };
	if (p->fill && p->mp0 && dev->nb_rx_queues) {
		int rc = ring_fill(dev);

		p->fill = 0; /* once per port, not at every restart */
		return rc;
	}
	return 0;
}

static int ring_stop(struct cdk_eth_dev *dev)
{
	dev->link.link_status = CDK_ETH_LINK_DOWN;
	return 0;
}

static int ring_close(struct cdk_eth_dev *dev)
{
	if (rp(dev)->peer)
		rp(rp(dev)->peer)->peer = NULL;
	return 0;
}

static int ring_rxq_setup(struct cdk_eth_dev *dev, uint16_t q, uint16_t nb_desc,
			  unsigned socket, const struct cdk_eth_rxconf *conf,
			  struct cdk_mempool *mp)
{
	struct ring_port *p = rp(dev);

	memset(&p->rxq[q], 0, sizeof(p->rxq[q]));
	p->rxq[q].ring = p->rings[q];
	if (q == 0)
		p->mp0 = mp;
	dev->rx_queues[q] = &p->rxq[q];
	return 0;
}

static int ring_txq_setup(struct cdk_eth_dev *dev, uint16_t q, uint16_t nb_desc,
			  unsigned socket, const struct cdk_eth_txconf *conf)
{
	struct ring_port *p = rp(dev);
	struct cdk_eth_dev *to = p->peer ? p->peer : dev;

	memset(&p->txq[q], 0, sizeof(p->txq[q]));
	p->txq[q].ring = rp(to)->rings[q];
	dev->tx_queues[q] = &p->txq[q];
	return 0;
}

/* Mbufs left in a ring when its queue goes are freed, not leaked. */
static void ring_drain(struct cdk_ring *r)
{
	void *m;

	while (r && cdk_ring_dequeue(r, &m) == 0)
		cdk_pktmbuf_free(m);
}

static void ring_rxq_release(struct cdk_eth_dev *dev, uint16_t q)
{
	ring_drain(rp(dev)->rxq[q].ring);
	memset(&rp(dev)->rxq[q], 0, sizeof(struct ring_queue));
}

static void ring_txq_release(struct cdk_eth_dev *dev, uint16_t q)
{
	memset(&rp(dev)->txq[q], 0, sizeof(struct ring_queue));
}

static int ring_caps_grant(struct cdk_eth_dev *dev, enum cdk_queue_dir dir,
			   uint16_t q, const struct cdk_queue_caps *sealed)
{
	struct cdk_queue_caps caps;

	/* Rings move pointers, not bytes: nothing to keep but the check. */
	return cdk_eth_queue_caps_open(dev, sealed, &caps);
}

static int ring_stats_get(struct cdk_eth_dev *dev, struct cdk_eth_stats *st)
{
	struct ring_port *p = rp(dev);

	for (uint16_t q = 0; q < dev->nb_rx_queues; q++) {
		st->ipackets += p->rxq[q].pkts;
		if (q < CDK_ETHDEV_QUEUE_STAT_CNTRS)
			st->q_ipackets[q] = p->rxq[q].pkts;
	}
	for (uint16_t q = 0; q < dev->nb_tx_queues; q++) {
		st->opackets += p->txq[q].pkts;
		st->oerrors += p->txq[q].errs;
		if (q < CDK_ETHDEV_QUEUE_STAT_CNTRS) {
			st->q_opackets[q] = p->txq[q].pkts;
			st->q_errors[q] = p->txq[q].errs;
		}
	}
	return 0;
}

static int ring_stats_reset(struct cdk_eth_dev *dev)
{
	struct ring_port *p = rp(dev);

	for (uint16_t q = 0; q < RING_MAX_QUEUES; q++) {
		p->rxq[q].pkts = p->rxq[q].errs = 0;
		p->txq[q].pkts = p->txq[q].errs = 0;
	}
	return 0;
}

static int ring_mac_set(struct cdk_eth_dev *dev, struct cdk_ether_addr *a)
{
	return 0;
}

static int ring_mtu_set(struct cdk_eth_dev *dev, uint16_t mtu)
{
	return 0;
}

static const struct cdk_eth_dev_ops ring_ops = {
	.dev_configure = ring_ok,
	.dev_infos_get = ring_infos_get,
	.dev_start = ring_start,
	.dev_stop = ring_stop,
	.dev_close = ring_close,
	.rx_queue_setup = ring_rxq_setup,
	.tx_queue_setup = ring_txq_setup,
	.rx_queue_release = ring_rxq_release,
	.tx_queue_release = ring_txq_release,
	.queue_caps_grant = ring_caps_grant,
	.stats_get = ring_stats_get,
	.stats_reset = ring_stats_reset,
	.promiscuous_enable = ring_ok,
	.promiscuous_disable = ring_ok,
	.allmulticast_enable = ring_ok,
	.allmulticast_disable = ring_ok,
	.mac_addr_set = ring_mac_set,
	.mtu_set = ring_mtu_set,
};

static const char *const ring_keys[] = { "peer", "fill", NULL };

static void ring_free_rings(struct cdk_device *d)
{
	struct cdk_ring **rings = d->driver_private;

	for (int q = 0; rings && q < RING_MAX_QUEUES; q++) {
		ring_drain(rings[q]);
		cdk_ring_free(rings[q]);
	}
	free(rings);
	d->driver_private = NULL;
}

static int ring_make_rings(struct cdk_eth_dev *dev)
{
	struct cdk_ring **rings = calloc(RING_MAX_QUEUES, sizeof(*rings));

	dev->device->driver_private = rings;
	rp(dev)->rings = rings;
	for (int q = 0; rings && q < RING_MAX_QUEUES; q++) {
		char name[96];

		snprintf(name, sizeof(name), "%.24s_q%d", dev->name, q);
		rings[q] = cdk_ring_create(name, RING_SIZE, dev->socket_id,
					   CDK_RING_F_SP_ENQ | CDK_RING_F_SC_DEQ);
		if (rings[q] == NULL)
			return -ENOMEM;
	}
	return rings ? 0 : -ENOMEM;
}


/* peer=NAME: the earlier port to pair with; it must be free. */
static int ring_pair(struct cdk_eth_dev *dev, const char *peer_name)
{
	struct cdk_eth_dev *peer;
	uint16_t port;

	if (cdk_eth_dev_get_port_by_name(peer_name, &port) < 0 ||
	    (peer = cdk_eth_dev_get(port))->driver != dev->driver) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_PMD, "%s: peer=%s: no such "
			"net_ring port (give it first)", dev->name, peer_name);
		return -EINVAL;
	}
	if (rp(peer)->peer != NULL || peer->configured) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_PMD, "%s: peer=%s is already "
			"paired or in use", dev->name, peer_name);
		return -EBUSY;
	}
	rp(dev)->peer = peer;
	rp(peer)->peer = dev;
	return 0;
}

static struct cdk_pmd_driver ring_driver;

static int ring_setup_port(struct cdk_eth_dev *dev, const struct cdk_kvargs *kv)
{
	const char *peer = cdk_kvargs_get(kv, "peer");
	unsigned long fill = 0;
	int rc = cdk_kvargs_get_uint(kv, dev->name, "fill", 0, RING_FILL_MAX, &fill);

	if (rc < 0 && rc != -ENOENT)
		return rc;
	rp(dev)->fill = (unsigned)fill;
	rc = ring_make_rings(dev);
	if (rc == 0 && peer)
		rc = ring_pair(dev, peer);
	return rc;
}

static int ring_probe(struct cdk_device *d)
{
	struct cdk_kvargs kv;
	struct cdk_eth_dev *dev;
	int rc = cdk_kvargs_parse(&kv, d->name, d->args, ring_keys);

	if (rc < 0)
		return rc;
	dev = cdk_eth_dev_allocate(d->name, d, &ring_driver, sizeof(struct ring_port));
	if (dev == NULL)
		return -ENOSPC;
	rc = ring_setup_port(dev, &kv);
	if (rc < 0) {
		ring_free_rings(d);
		cdk_eth_dev_release_port(dev);
		return rc;
	}
	dev->dev_ops = &ring_ops;
	dev->rx_pkt_burst = ring_rx;
	dev->tx_pkt_burst = ring_tx;
	cdk_eth_random_addr(dev->mac_addr.addr_bytes);
	cdk_eth_dev_probing_finish(dev);
	return 0;
}

static int ring_remove(struct cdk_device *d)
{
	uint16_t port;
	int rc = 0;

	if (cdk_eth_dev_get_port_by_name(d->name, &port) == 0) {
		cdk_eth_dev_stop(port);
		rc = cdk_eth_dev_close(port);
	}
	ring_free_rings(d);
	return rc;
}

static struct cdk_pmd_driver ring_driver = {
	.name = "net_ring",
	.kind = CDK_DEV_VDEV,
	.devargs_keys = ring_keys,
	.probe = ring_probe,
	.remove = ring_remove,
};

CDK_PMD_REGISTER(ring_driver)
