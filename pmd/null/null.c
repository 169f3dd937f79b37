/*
 * net_null: rx makes packets of a fixed size from the queue's mempool, tx
 * frees them. devargs (DPDK's): size=N (default 64), copy=0|1 (copy packet
 * data in and out of a buffer of the driver's, as real I/O would).
 */
#include <errno.h>
#include <string.h>

#include "cdk_log.h"
#include "cdk_pmd.h"

#define NULL_MAX_QUEUES 16
#define NULL_MAX_SIZE 9600

struct null_queue {
	struct cdk_mempool *mp;  /* rx */
	cdk_cap_t pool;          /* rx: may write into these mbufs */
	uint16_t port;
	uint32_t size;
	int copy;
	uint8_t *dummy;          /* copy=1: the packet made and consumed */
	uint64_t pkts, bytes, errs;
} __cdk_cache_aligned;

struct null_port {
	uint32_t size;
	int copy;
	struct null_queue rxq[NULL_MAX_QUEUES], txq[NULL_MAX_QUEUES];
};

static uint16_t null_rx(void *q, struct cdk_mbuf **pkts, uint16_t n)
{
	struct null_queue *rxq = q;
	const cdk_cap_t pool = rxq->pool; /* a local: packet stores cannot alias it */
	uint16_t i;

	if (cdk_unlikely(!cdk_cap_usable(&pool, CDK_CAP_PERM_STORE))) {
		cdk_cap_fault(&pool, 0, sizeof(struct cdk_mbuf), CDK_CAP_PERM_STORE);
		return 0;
	}
	if (cdk_pktmbuf_alloc_bulk(rxq->mp, pkts, n) != 0)
		return 0;
	for (i = 0; i < n; i++) {
		struct cdk_mbuf *m = pkts[i];

		/* The mbuf must lie in the pool this queue was granted. */
		if (cdk_unlikely(!cdk_cap_contains(&pool, m, sizeof(*m))))
			break;
		m->data_len = (uint16_t)rxq->size;
		m->pkt_len = rxq->size;
		m->port = rxq->port;
		if (rxq->copy)
			memcpy(cdk_pktmbuf_mtod(m, void *), rxq->dummy, rxq->size);
	}
	if (cdk_unlikely(i < n)) {
		cdk_cap_fault(&pool, (uintptr_t)pkts[i] - pool.base, sizeof(struct cdk_mbuf),
			      CDK_CAP_PERM_STORE);
		rxq->errs += n - i;
		cdk_pktmbuf_free_bulk(pkts + i, n - i);
		n = i;
	}
	rxq->pkts += n;
	rxq->bytes += (uint64_t)n * rxq->size;
	return n;
}

static uint16_t null_tx(void *q, struct cdk_mbuf **pkts, uint16_t n)
{
	struct null_queue *txq = q;
	uint64_t bytes = 0;

	for (uint16_t i = 0; i < n; i++) {
		bytes += pkts[i]->pkt_len;
		if (txq->copy)
			memcpy(txq->dummy, cdk_pktmbuf_mtod(pkts[i], void *),
			       CDK_MIN(pkts[i]->data_len, txq->size));
	}
	cdk_pktmbuf_free_bulk(pkts, n);
	txq->pkts += n;
	txq->bytes += bytes;
	return n;
}

static int null_infos_get(struct cdk_eth_dev *dev, struct cdk_eth_dev_info *info)
{
	info->max_rx_queues = NULL_MAX_QUEUES;
	info->max_tx_queues = NULL_MAX_QUEUES;
	info->max_mac_addrs = 1;
	info->max_rx_pktlen = NULL_MAX_SIZE;
	info->max_mtu = NULL_MAX_SIZE;
	info->tx_offload_capa = CDK_ETH_TX_OFFLOAD_MULTI_SEGS |
				CDK_ETH_TX_OFFLOAD_MBUF_FAST_FREE;
	return 0;
}

static int null_ok(struct cdk_eth_dev *dev)
{
	return 0;
}

static int null_start(struct cdk_eth_dev *dev)
{
	dev->link = (struct cdk_eth_link){ CDK_ETH_SPEED_NUM_10G,
					   CDK_ETH_LINK_FULL_DUPLEX,
					   CDK_ETH_LINK_FIXED, CDK_ETH_LINK_UP };
	return 0;
}

static int null_stop(struct cdk_eth_dev *dev)
{
	dev->link.link_status = CDK_ETH_LINK_DOWN;
	return 0;
}

static struct null_queue *queue_init(struct cdk_eth_dev *dev,
				     struct null_queue *q)
{
	struct null_port *np = dev->dev_private;

	cdk_free(q->dummy);
	memset(q, 0, sizeof(*q));
	q->port = dev->port_id;
	q->size = np->size;
	q->copy = np->copy;
	if (q->copy) {
		q->dummy = cdk_zmalloc_socket("null dummy", np->size, 0, dev->socket_id);
		if (q->dummy == NULL)
			return NULL;
	}
	return q;
}

static int null_rxq_setup(struct cdk_eth_dev *dev, uint16_t q, uint16_t nb_desc,
			  unsigned socket, const struct cdk_eth_rxconf *conf,
			  struct cdk_mempool *mp)
{
	struct null_port *np = dev->dev_private;
	struct null_queue *rxq = queue_init(dev, &np->rxq[q]);

	if (rxq == NULL)
		return -ENOMEM;
	if (cdk_pktmbuf_data_room_size(mp) < CDK_PKTMBUF_HEADROOM + np->size) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_PMD, "%s: mbufs of %s hold fewer "
			"than size=%u bytes", dev->name, mp->name, np->size);
		return -EINVAL;
	}
	rxq->mp = mp;
	dev->rx_queues[q] = rxq;
	return 0;
}

static int null_txq_setup(struct cdk_eth_dev *dev, uint16_t q, uint16_t nb_desc,
			  unsigned socket, const struct cdk_eth_txconf *conf)
{
	struct null_port *np = dev->dev_private;
	struct null_queue *txq = queue_init(dev, &np->txq[q]);

	if (txq == NULL)
		return -ENOMEM;
	dev->tx_queues[q] = txq;
	return 0;
}

static void null_queue_release(struct null_queue *q)
{
	cdk_free(q->dummy);
	memset(q, 0, sizeof(*q));
}

static void null_rxq_release(struct cdk_eth_dev *dev, uint16_t q)
{
	null_queue_release(&((struct null_port *)dev->dev_private)->rxq[q]);
}

static void null_txq_release(struct cdk_eth_dev *dev, uint16_t q)
{
	null_queue_release(&((struct null_port *)dev->dev_private)->txq[q]);
}

static int null_caps_grant(struct cdk_eth_dev *dev, enum cdk_queue_dir dir,
			   uint16_t q, const struct cdk_queue_caps *sealed)
{
	struct null_port *np = dev->dev_private;
	struct cdk_queue_caps caps;
	int rc = cdk_eth_queue_caps_open(dev, sealed, &caps);

	if (rc == 0 && dir == CDK_RXQ)
		np->rxq[q].pool = caps.pools[0];
	return rc;
}

static int null_stats_get(struct cdk_eth_dev *dev, struct cdk_eth_stats *st)
{
	struct null_port *np = dev->dev_private;

	for (uint16_t q = 0; q < dev->nb_rx_queues; q++) {
		st->ipackets += np->rxq[q].pkts;
		st->ibytes += np->rxq[q].bytes;
		st->ierrors += np->rxq[q].errs;
		if (q < CDK_ETHDEV_QUEUE_STAT_CNTRS) {
			st->q_ipackets[q] = np->rxq[q].pkts;
			st->q_ibytes[q] = np->rxq[q].bytes;
			st->q_errors[q] = np->rxq[q].errs;
		}
	}
	for (uint16_t q = 0; q < dev->nb_tx_queues; q++) {
		st->opackets += np->txq[q].pkts;
		st->obytes += np->txq[q].bytes;
		if (q < CDK_ETHDEV_QUEUE_STAT_CNTRS) {
			st->q_opackets[q] = np->txq[q].pkts;
			st->q_obytes[q] = np->txq[q].bytes;
		}
	}
	return 0;
}

static int null_stats_reset(struct cdk_eth_dev *dev)
{
	struct null_port *np = dev->dev_private;

	for (uint16_t q = 0; q < NULL_MAX_QUEUES; q++) {
		np->rxq[q].pkts = np->rxq[q].bytes = np->rxq[q].errs = 0;
		np->txq[q].pkts = np->txq[q].bytes = 0;
	}
	return 0;
}

static int null_mac_set(struct cdk_eth_dev *dev, struct cdk_ether_addr *a)
{
	return 0;
}

static int null_mtu_set(struct cdk_eth_dev *dev, uint16_t mtu)
{
	return 0;
}

static const struct cdk_eth_dev_ops null_ops = {
	.dev_configure = null_ok,
	.dev_infos_get = null_infos_get,
	.dev_start = null_start,
	.dev_stop = null_stop,
	.rx_queue_setup = null_rxq_setup,
	.tx_queue_setup = null_txq_setup,
	.rx_queue_release = null_rxq_release,
	.tx_queue_release = null_txq_release,
	.queue_caps_grant = null_caps_grant,
	.stats_get = null_stats_get,
	.stats_reset = null_stats_reset,
	.promiscuous_enable = null_ok,
	.promiscuous_disable = null_ok,
	.allmulticast_enable = null_ok,
	.allmulticast_disable = null_ok,
	.mac_addr_set = null_mac_set,
	.mtu_set = null_mtu_set,
};

static const char *const null_keys[] = { "size", "copy", NULL };

static int null_parse(struct cdk_device *d, struct null_port *np)
{
	struct cdk_kvargs kv;
	unsigned long size = 64;
	int rc = cdk_kvargs_parse(&kv, d->name, d->args, null_keys);

	if (rc < 0)
		return rc;
	rc = cdk_kvargs_get_uint(&kv, d->name, "size", 1, NULL_MAX_SIZE, &size);
	if (rc < 0 && rc != -ENOENT)
		return rc;
	np->size = (uint32_t)size;
	rc = cdk_kvargs_get_bool(&kv, d->name, "copy", &np->copy);
	return rc == -ENOENT ? 0 : rc;
}

static struct cdk_pmd_driver null_driver;

static int null_probe(struct cdk_device *d)
{
	struct null_port parsed = { 0 };
	struct cdk_eth_dev *dev;
	int rc = null_parse(d, &parsed);

	if (rc < 0)
		return rc;
	dev = cdk_eth_dev_allocate(d->name, d, &null_driver, sizeof(struct null_port));
	if (dev == NULL)
		return -ENOSPC;
	*(struct null_port *)dev->dev_private = parsed;
	dev->dev_ops = &null_ops;
	dev->rx_pkt_burst = null_rx;
	dev->tx_pkt_burst = null_tx;
	cdk_eth_random_addr(dev->mac_addr.addr_bytes);
	cdk_eth_dev_probing_finish(dev);
	return 0;
}

static int null_remove(struct cdk_device *d)
{
	uint16_t port;

	if (cdk_eth_dev_get_port_by_name(d->name, &port) < 0)
		return 0;
	cdk_eth_dev_stop(port);
	return cdk_eth_dev_close(port);
}

static struct cdk_pmd_driver null_driver = {
	.name = "net_null",
	.kind = CDK_DEV_VDEV,
	.devargs_keys = null_keys,
	.probe = null_probe,
	.remove = null_remove,
};

CDK_PMD_REGISTER(null_driver)
