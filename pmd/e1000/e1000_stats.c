/*
 * net_e1000_em statistics: the family's hardware counters (SDM 13.7,
 * pmd/intel_gbe/gbe_stats.c) and the driver's own drop counters, as basic
 * statistics and as xstats by name (the names DPDK's igb uses).
 */
#include <stdio.h>
#include <string.h>

#include "pmd/e1000/e1000_ethdev.h"

#define FAM GBE_FAM_EM

/* The driver's own counters, summed over the queues. */
enum sw_stat {
	SW_RX_BAD_LEN, SW_RX_BAD_STATUS, SW_RX_GHOST_DD, SW_RX_TOO_LONG,
	SW_RX_IOVA_FAULT, SW_TX_REFUSED, SW_NB
};
static const char *const sw_names[SW_NB] = {
	"rx_bad_length_drops", "rx_bad_status_drops", "rx_ghost_dd_drops",
	"rx_too_long_drops", "rx_iova_faults", "tx_refused_not_granted",
};

void e1000_hw_stats_update(struct e1000_adapter *ad)
{
	gbe_hw_stats_update(ad->ctrl, FAM, &ad->hw);
}

static uint64_t rxq_drops(const struct e1000_rx_queue *q)
{
	return q->bad_len + q->bad_status + q->ghost_dd + q->too_long +
	       q->iova_fault;
}

static void sw_stats(struct cdk_eth_dev *dev, uint64_t out[SW_NB])
{
	memset(out, 0, sizeof(uint64_t) * SW_NB);
	for (uint16_t i = 0; i < dev->nb_rx_queues; i++) {
		const struct e1000_rx_queue *q = dev->rx_queues[i];

		if (q == NULL)
			continue;
		out[SW_RX_BAD_LEN] += q->bad_len;
		out[SW_RX_BAD_STATUS] += q->bad_status;
		out[SW_RX_GHOST_DD] += q->ghost_dd;
		out[SW_RX_TOO_LONG] += q->too_long;
		out[SW_RX_IOVA_FAULT] += q->iova_fault;
	}
	for (uint16_t i = 0; i < dev->nb_tx_queues; i++) {
		const struct e1000_tx_queue *q = dev->tx_queues[i];

		if (q != NULL)
			out[SW_TX_REFUSED] += q->refused;
	}
}

/* Packets and bytes are what the queues handed over (the hardware's good
 * octets include the FCS and frames the driver dropped); misses and
 * errors come from the hardware. */
int e1000_stats_get(struct cdk_eth_dev *dev, struct cdk_eth_stats *st)
{
	struct e1000_adapter *ad = e1000_adapter(dev);

	e1000_hw_stats_update(ad);
	for (uint16_t i = 0; i < dev->nb_rx_queues; i++) {
		const struct e1000_rx_queue *q = dev->rx_queues[i];

		if (q != NULL)
			gbe_rxq_stats_add(st, i, &(struct gbe_rxq_counts){
				q->pkts, q->bytes, rxq_drops(q), q->nombuf });
	}
	for (uint16_t i = 0; i < dev->nb_tx_queues; i++) {
		const struct e1000_tx_queue *q = dev->tx_queues[i];

		if (q != NULL)
			gbe_txq_stats_add(st, i, &(struct gbe_txq_counts){
				q->pkts, q->bytes, q->refused });
	}
	gbe_hw_stats_fold(&ad->hw, st);
	return 0;
}

int e1000_stats_reset(struct cdk_eth_dev *dev)
{
	struct e1000_adapter *ad = e1000_adapter(dev);

	e1000_hw_stats_update(ad); /* reading clears the registers */
	memset(&ad->hw, 0, sizeof(ad->hw));
	for (uint16_t i = 0; i < dev->nb_rx_queues; i++) {
		struct e1000_rx_queue *q = dev->rx_queues[i];

		if (q != NULL)
			q->pkts = q->bytes = q->nombuf = q->bad_len =
				q->bad_status = q->ghost_dd = q->too_long =
					q->iova_fault = 0;
	}
	for (uint16_t i = 0; i < dev->nb_tx_queues; i++) {
		struct e1000_tx_queue *q = dev->tx_queues[i];

		if (q != NULL)
			q->pkts = q->bytes = q->refused = 0;
	}
	return 0;
}

int e1000_xstats_get_names(struct cdk_eth_dev *dev,
			   struct cdk_eth_xstat_name *names, unsigned n)
{
	unsigned nb_hw = gbe_hw_xstats_count(FAM), total = nb_hw + SW_NB;

	if (names == NULL)
		return (int)total;
	gbe_hw_xstats_names(FAM, names, n);
	for (unsigned i = nb_hw; i < n && i < total; i++)
		snprintf(names[i].name, sizeof(names[i].name), "%s",
			 sw_names[i - nb_hw]);
	return (int)total;
}

int e1000_xstats_get(struct cdk_eth_dev *dev, struct cdk_eth_xstat *xs,
		     unsigned n)
{
	struct e1000_adapter *ad = e1000_adapter(dev);
	unsigned nb_hw = gbe_hw_xstats_count(FAM), total = nb_hw + SW_NB;
	uint64_t sw[SW_NB];

	if (xs == NULL || n < total)
		return (int)total;
	e1000_hw_stats_update(ad);
	sw_stats(dev, sw);
	gbe_hw_xstats_values(FAM, &ad->hw, xs);
	for (unsigned i = nb_hw; i < total; i++)
		xs[i] = (struct cdk_eth_xstat){ i, sw[i - nb_hw] };
	return (int)total;
}

int e1000_xstats_reset(struct cdk_eth_dev *dev)
{
	return e1000_stats_reset(dev);
}
