/*
 * net_pcap's control path: queues, start and stop, statistics. As DPDK's
 * net_pcap: a port has as many rx queues as rx sources were given and as
 * many tx queues as tx sinks; each (re)start reads rx files from their
 * first packet; stop flushes the dump files, close completes them.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cdk_log.h"
#include "pcap_private.h"

static struct pcap_port *pp(struct cdk_eth_dev *dev)
{
	return dev->dev_private;
}

static int eth_pcap_ok(struct cdk_eth_dev *dev)
{
	return 0;
}

static int eth_pcap_infos_get(struct cdk_eth_dev *dev, struct cdk_eth_dev_info *info)
{
	info->max_rx_queues = (uint16_t)pp(dev)->n_rx;
	info->max_tx_queues = (uint16_t)pp(dev)->n_tx;
	info->max_mac_addrs = 1;
	info->max_rx_pktlen = PCAP_SNAPLEN;
	info->max_mtu = PCAP_SNAPLEN - CDK_ETHER_HDR_LEN;
	info->rx_offload_capa = CDK_ETH_RX_OFFLOAD_SCATTER;
	info->tx_offload_capa = CDK_ETH_TX_OFFLOAD_MULTI_SEGS;
	info->speed_capa = CDK_ETH_SPEED_NUM_10G;
	return 0;
}

static int eth_pcap_rxq_setup(struct cdk_eth_dev *dev, uint16_t q, uint16_t nb_desc,
			  unsigned socket, const struct cdk_eth_rxconf *conf,
			  struct cdk_mempool *mp)
{
	struct pcap_rxq *rxq = &pp(dev)->rxq[q];

	memset(rxq, 0, sizeof(*rxq));
	rxq->pcap = pp(dev)->rx[q].pcap;
	rxq->mp = mp;
	rxq->port = dev->port_id;
	dev->rx_queues[q] = rxq;
	return 0;
}

static int eth_pcap_txq_setup(struct cdk_eth_dev *dev, uint16_t q, uint16_t nb_desc,
			  unsigned socket, const struct cdk_eth_txconf *conf)
{
	struct pcap_endpoint *ep = &pp(dev)->tx[q];
	struct pcap_txq *txq = &pp(dev)->txq[q];

	memset(txq, 0, sizeof(*txq));
	if (ep->kind != PCAP_NONE) {
		/* Where a chained frame is made whole for libpcap. */
		txq->linear = malloc(PCAP_SNAPLEN);
		if (txq->linear == NULL)
			return -ENOMEM;
	}
	txq->dumper = ep->dumper;
	txq->pcap = ep->kind == PCAP_IFACE ? ep->pcap : NULL;
	dev->tx_queues[q] = txq;
	return 0;
}

static void eth_pcap_rxq_release(struct cdk_eth_dev *dev, uint16_t q)
{
	eth_pcap_infinite_free(&pp(dev)->rxq[q]);
	memset(&pp(dev)->rxq[q], 0, sizeof(struct pcap_rxq));
}

static void eth_pcap_txq_release(struct cdk_eth_dev *dev, uint16_t q)
{
	free(pp(dev)->txq[q].linear);
	memset(&pp(dev)->txq[q], 0, sizeof(struct pcap_txq));
}

static int eth_pcap_caps_grant(struct cdk_eth_dev *dev, enum cdk_queue_dir dir,
			   uint16_t q, const struct cdk_queue_caps *sealed)
{
	struct cdk_queue_caps caps;
	int rc = cdk_eth_queue_caps_open(dev, sealed, &caps);

	/* tx only reads mbufs: nothing to keep but the check. */
	if (rc == 0 && dir == CDK_RXQ)
		pp(dev)->rxq[q].pool = caps.pools[0];
	return rc;
}

/* A file source starts from its first packet at every start, as DPDK's. */
static int rx_start(struct cdk_eth_dev *dev, uint16_t q)
{
	struct pcap_port *p = pp(dev);
	struct pcap_endpoint *ep = &p->rx[q];
	struct pcap_rxq *rxq = &p->rxq[q];
	int rc = 0;

	if (ep->kind != PCAP_FILE || (p->infinite_rx && rxq->loop_n > 0))
		return 0;
	if (ep->consumed)
		rc = eth_pcap_reopen_rx_file(dev->name, ep);
	if (rc < 0)
		return rc;
	ep->consumed = 1;
	rxq->pcap = ep->pcap;
	rxq->eof = 0;
	return p->infinite_rx ? eth_pcap_infinite_load(dev->name, rxq, ep) : 0;
}

static int eth_pcap_start(struct cdk_eth_dev *dev)
{
	for (uint16_t q = 0; q < dev->nb_rx_queues; q++) {
		int rc = rx_start(dev, q);

		if (rc < 0)
			return rc;
	}
	dev->link = (struct cdk_eth_link){ CDK_ETH_SPEED_NUM_10G,
					   CDK_ETH_LINK_FULL_DUPLEX,
					   CDK_ETH_LINK_FIXED, CDK_ETH_LINK_UP };
	return 0;
}

static int eth_pcap_stop(struct cdk_eth_dev *dev)
{
	struct pcap_port *p = pp(dev);
	int rc = 0;

	/* What was sent is on disk once the port stops. */
	for (unsigned q = 0; q < p->n_tx; q++)
		if (p->tx[q].dumper && pcap_dump_flush(p->tx[q].dumper) < 0) {
			cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_PMD, "%s: %s=%s: write "
				"failed", dev->name, p->tx[q].key, p->tx[q].name);
			rc = -EIO;
		}
	dev->link.link_status = CDK_ETH_LINK_DOWN;
	return rc;
}

static int eth_pcap_close(struct cdk_eth_dev *dev)
{
	struct pcap_port *p = pp(dev);

	for (unsigned q = 0; q < p->n_rx; q++)
		eth_pcap_close_endpoint(&p->rx[q]);
	for (unsigned q = 0; q < p->n_tx; q++)
		eth_pcap_close_endpoint(&p->tx[q]);
	return 0;
}

static int eth_pcap_stats_get(struct cdk_eth_dev *dev, struct cdk_eth_stats *st)
{
	struct pcap_port *p = pp(dev);

	for (uint16_t q = 0; q < dev->nb_rx_queues; q++) {
		const struct pcap_rxq *r = &p->rxq[q];

		st->ipackets += r->pkts;
		st->ibytes += r->bytes;
		st->ierrors += r->errs;
		st->rx_nombuf += r->nombuf;
		if (q < CDK_ETHDEV_QUEUE_STAT_CNTRS) {
			st->q_ipackets[q] = r->pkts;
			st->q_ibytes[q] = r->bytes;
		}
	}
	for (uint16_t q = 0; q < dev->nb_tx_queues; q++) {
		const struct pcap_txq *t = &p->txq[q];

		st->opackets += t->pkts;
		st->obytes += t->bytes;
		st->oerrors += t->errs;
		if (q < CDK_ETHDEV_QUEUE_STAT_CNTRS) {
			st->q_opackets[q] = t->pkts;
			st->q_obytes[q] = t->bytes;
			st->q_errors[q] = t->errs;
		}
	}
	return 0;
}

static int eth_pcap_stats_reset(struct cdk_eth_dev *dev)
{
	struct pcap_port *p = pp(dev);

	for (unsigned q = 0; q < PCAP_MAX_QUEUES; q++) {
		p->rxq[q].pkts = p->rxq[q].bytes = 0;
		p->rxq[q].errs = p->rxq[q].nombuf = 0;
		p->txq[q].pkts = p->txq[q].bytes = p->txq[q].errs = 0;
	}
	return 0;
}

static int eth_pcap_mac_set(struct cdk_eth_dev *dev, struct cdk_ether_addr *a)
{
	return 0;
}

static int eth_pcap_mtu_set(struct cdk_eth_dev *dev, uint16_t mtu)
{
	return 0;
}

const struct cdk_eth_dev_ops eth_pcap_ops = {
	.dev_configure = eth_pcap_ok,
	.dev_infos_get = eth_pcap_infos_get,
	.dev_start = eth_pcap_start,
	.dev_stop = eth_pcap_stop,
	.dev_close = eth_pcap_close,
	.rx_queue_setup = eth_pcap_rxq_setup,
	.tx_queue_setup = eth_pcap_txq_setup,
	.rx_queue_release = eth_pcap_rxq_release,
	.tx_queue_release = eth_pcap_txq_release,
	.queue_caps_grant = eth_pcap_caps_grant,
	.stats_get = eth_pcap_stats_get,
	.stats_reset = eth_pcap_stats_reset,
	.promiscuous_enable = eth_pcap_ok,
	.promiscuous_disable = eth_pcap_ok,
	.allmulticast_enable = eth_pcap_ok,
	.allmulticast_disable = eth_pcap_ok,
	.mac_addr_set = eth_pcap_mac_set,
	.mtu_set = eth_pcap_mtu_set,
};
