/* Basic statistics, and extended statistics by name (DPDK's names). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cdk_pmd.h"

int cdk_eth_stats_get(uint16_t port_id, struct cdk_eth_stats *st)
{
	struct cdk_eth_dev *dev = cdk_eth_dev_get(port_id);
	int rc;

	if (dev == NULL)
		return -ENODEV;
	if (st == NULL)
		return -EINVAL;
	memset(st, 0, sizeof(*st));
	if (dev->dev_ops->stats_get == NULL)
		return -ENOTSUP;
	rc = dev->dev_ops->stats_get(dev, st);
	st->rx_nombuf += dev->rx_mbuf_alloc_failed;
	return rc;
}

int cdk_eth_stats_reset(uint16_t port_id)
{
	struct cdk_eth_dev *dev = cdk_eth_dev_get(port_id);

	if (dev == NULL)
		return -ENODEV;
	if (dev->dev_ops->stats_reset == NULL)
		return -ENOTSUP;
	dev->rx_mbuf_alloc_failed = 0;
	return dev->dev_ops->stats_reset(dev);
}

/* The generic counters: a name and where the value is in cdk_eth_stats. */
static const struct {
	const char *name;
	size_t off;
} basic[] = {
	{ "rx_good_packets", offsetof(struct cdk_eth_stats, ipackets) },
	{ "tx_good_packets", offsetof(struct cdk_eth_stats, opackets) },
	{ "rx_good_bytes", offsetof(struct cdk_eth_stats, ibytes) },
	{ "tx_good_bytes", offsetof(struct cdk_eth_stats, obytes) },
	{ "rx_missed_errors", offsetof(struct cdk_eth_stats, imissed) },
	{ "rx_errors", offsetof(struct cdk_eth_stats, ierrors) },
	{ "tx_errors", offsetof(struct cdk_eth_stats, oerrors) },
	{ "rx_mbuf_allocation_errors", offsetof(struct cdk_eth_stats, rx_nombuf) },
};
#define RXQ_STATS 3 /* packets, bytes, errors */
#define TXQ_STATS 2 /* packets, bytes */

static unsigned n_generic(const struct cdk_eth_dev *dev)
{
	unsigned rxq = CDK_MIN(dev->nb_rx_queues, CDK_ETHDEV_QUEUE_STAT_CNTRS);
	unsigned txq = CDK_MIN(dev->nb_tx_queues, CDK_ETHDEV_QUEUE_STAT_CNTRS);

	return CDK_DIM(basic) + rxq * RXQ_STATS + txq * TXQ_STATS;
}

static int n_driver(struct cdk_eth_dev *dev)
{
	if (dev->dev_ops->xstats_get_names == NULL)
		return 0;
	return dev->dev_ops->xstats_get_names(dev, NULL, 0);
}

static void generic_name(const struct cdk_eth_dev *dev, unsigned i, char *out)
{
	unsigned rxq = CDK_MIN(dev->nb_rx_queues, CDK_ETHDEV_QUEUE_STAT_CNTRS);
	static const char *const rx[] = { "packets", "bytes", "errors" };

	if (i < CDK_DIM(basic)) {
		snprintf(out, CDK_ETH_XSTATS_NAME_SIZE, "%s", basic[i].name);
		return;
	}
	i -= CDK_DIM(basic);
	if (i < rxq * RXQ_STATS) {
		snprintf(out, CDK_ETH_XSTATS_NAME_SIZE, "rx_q%u_%s", i / RXQ_STATS,
			 rx[i % RXQ_STATS]);
		return;
	}
	i -= rxq * RXQ_STATS;
	snprintf(out, CDK_ETH_XSTATS_NAME_SIZE, "tx_q%u_%s", i / TXQ_STATS,
		 rx[i % TXQ_STATS]);
}

static uint64_t generic_value(const struct cdk_eth_dev *dev,
			      const struct cdk_eth_stats *st, unsigned i)
{
	unsigned rxq = CDK_MIN(dev->nb_rx_queues, CDK_ETHDEV_QUEUE_STAT_CNTRS);
	const uint64_t *rx[] = { st->q_ipackets, st->q_ibytes, st->q_errors };
	const uint64_t *tx[] = { st->q_opackets, st->q_obytes };

	if (i < CDK_DIM(basic))
		return *(const uint64_t *)((const char *)st + basic[i].off);
	i -= CDK_DIM(basic);
	if (i < rxq * RXQ_STATS)
		return rx[i % RXQ_STATS][i / RXQ_STATS];
	i -= rxq * RXQ_STATS;
	return tx[i % TXQ_STATS][i / TXQ_STATS];
}

int cdk_eth_xstats_get_names(uint16_t port_id,
			     struct cdk_eth_xstat_name *names, unsigned n)
{
	struct cdk_eth_dev *dev = cdk_eth_dev_get(port_id);
	unsigned g;
	int d;

	if (dev == NULL)
		return -ENODEV;
	g = n_generic(dev);
	d = n_driver(dev);
	if (d < 0)
		return d;
	if (names == NULL || n < g + (unsigned)d)
		return (int)(g + d);
	for (unsigned i = 0; i < g; i++)
		generic_name(dev, i, names[i].name);
	if (d > 0)
		dev->dev_ops->xstats_get_names(dev, names + g, (unsigned)d);
	return (int)(g + d);
}

int cdk_eth_xstats_get(uint16_t port_id, struct cdk_eth_xstat *xs, unsigned n)
{
	struct cdk_eth_dev *dev = cdk_eth_dev_get(port_id);
	struct cdk_eth_stats st;
	unsigned g;
	int d, rc;

	if (dev == NULL)
		return -ENODEV;
	g = n_generic(dev);
	d = n_driver(dev);
	if (d < 0)
		return d;
	if (xs == NULL || n < g + (unsigned)d)
		return (int)(g + d);
	rc = cdk_eth_stats_get(port_id, &st);
	if (rc < 0 && rc != -ENOTSUP)
		return rc;
	for (unsigned i = 0; i < g; i++)
		xs[i] = (struct cdk_eth_xstat){ i, generic_value(dev, &st, i) };
	if (d > 0) {
		rc = dev->dev_ops->xstats_get(dev, xs + g, (unsigned)d);
		if (rc < 0)
			return rc;
		for (int i = 0; i < d; i++)
			xs[g + i].id = g + i;
	}
	return (int)(g + d);
}

int cdk_eth_xstats_get_id_by_name(uint16_t port_id, const char *name,
				  uint64_t *id)
{
	struct cdk_eth_xstat_name names[256];
	int n = cdk_eth_xstats_get_names(port_id, names, CDK_DIM(names));

	if (n < 0)
		return n;
	if (name == NULL || id == NULL)
		return -EINVAL;
	for (int i = 0; i < n && i < (int)CDK_DIM(names); i++)
		if (strcmp(names[i].name, name) == 0) {
			*id = (uint64_t)i;
			return 0;
		}
	return -EINVAL;
}

int cdk_eth_xstats_reset(uint16_t port_id)
{
	struct cdk_eth_dev *dev = cdk_eth_dev_get(port_id);
	int rc;

	if (dev == NULL)
		return -ENODEV;
	rc = cdk_eth_stats_reset(port_id);
	if (dev->dev_ops->xstats_reset)
		rc = dev->dev_ops->xstats_reset(dev);
	return rc == -ENOTSUP ? 0 : rc;
}
