/*
 * net_e1000_igb statistics: the family's hardware counters (82576 DS 8.19,
 * pmd/intel_gbe/gbe_stats.c), the per-queue drop counters RQDPC, and the
 * driver's own drop counters; basic statistics and xstats by name (DPDK's
 * igb names for the hardware counters).
 */
#include <stdio.h>
#include <string.h>

#include "pmd/igb/igb_ethdev.h"

#define FAM GBE_FAM_IGB

/* The driver's own counters, summed over the queues. */
enum sw_stat {
	SW_RX_BAD_LEN, SW_RX_BAD_STATUS, SW_RX_GHOST_DD, SW_RX_TOO_LONG,
	SW_RX_IOVA_FAULT, SW_TX_REFUSED, SW_TX_BAD_OFFLOAD, SW_NB
};
static const char *const sw_names[SW_NB] = {
	"rx_bad_length_drops", "rx_bad_status_drops", "rx_ghost_dd_drops",
	"rx_too_long_drops", "rx_iova_faults", "tx_refused_not_granted",
	"tx_bad_offload_refused",
};

void igb_hw_stats_update(struct igb_adapter *ad)
{
	gbe_hw_stats_update(ad->ctrl, FAM, &ad->hw.gbe);
	for (unsigned q = 0; q < IGB_MAX_QUEUES && q < ad->fam->nb_queues; q++)
		ad->hw.rqdpc[q] += gbe_read(ad->ctrl, IGB_RQDPC(q));
}

static uint64_t rxq_drops(const struct igb_rx_queue *q)
{
	return q->bad_len + q->bad_status + q->ghost_dd + q->too_long +
	       q->iova_fault;
}

static void sw_stats(struct cdk_eth_dev *dev, uint64_t out[SW_NB])
{
	memset(out, 0, sizeof(uint64_t) * SW_NB);
	for (uint16_t i = 0; i < dev->nb_rx_queues; i++) {
		const struct igb_rx_queue *q = dev->rx_queues[i];

		if (q == NULL)
			continue;
		out[SW_RX_BAD_LEN] += q->bad_len;
		out[SW_RX_BAD_STATUS] += q->bad_status;
		out[SW_RX_GHOST_DD] += q->ghost_dd;
		out[SW_RX_TOO_LONG] += q->too_long;
		out[SW_RX_IOVA_FAULT] += q->iova_fault;
	}
	for (uint16_t i = 0; i < dev->nb_tx_queues; i++) {
		const struct igb_tx_queue *q = dev->tx_queues[i];

		if (q != NULL) {
			out[SW_TX_REFUSED] += q->refused;
			out[SW_TX_BAD_OFFLOAD] += q->bad_offload;
		}
	}
}

/* Packets and bytes are what the queues handed over; misses and errors
 * come from the hardware, a queue's drops (RQDPC) count as missed. */
int igb_stats_get(struct cdk_eth_dev *dev, struct cdk_eth_stats *st)
{
	struct igb_adapter *ad = igb_adapter(dev);

	igb_hw_stats_update(ad);
	for (uint16_t i = 0; i < dev->nb_rx_queues; i++) {
		const struct igb_rx_queue *q = dev->rx_queues[i];

		if (q == NULL)
			continue;
		gbe_rxq_stats_add(st, i, &(struct gbe_rxq_counts){
			q->pkts, q->bytes, rxq_drops(q), q->nombuf });
		st->q_errors[i] += ad->hw.rqdpc[i];
	}
	for (uint16_t i = 0; i < dev->nb_tx_queues; i++) {
		const struct igb_tx_queue *q = dev->tx_queues[i];

		if (q != NULL)
			gbe_txq_stats_add(st, i, &(struct gbe_txq_counts){
				q->pkts, q->bytes, q->refused + q->bad_offload });
	}
	gbe_hw_stats_fold(&ad->hw.gbe, st);
	for (unsigned q = 0; q < IGB_MAX_QUEUES; q++)
		st->imissed += ad->hw.rqdpc[q];
	return 0;
}

int igb_stats_reset(struct cdk_eth_dev *dev)
{
	struct igb_adapter *ad = igb_adapter(dev);

	igb_hw_stats_update(ad); /* reading clears the registers */
	memset(&ad->hw, 0, sizeof(ad->hw));
	for (uint16_t i = 0; i < dev->nb_rx_queues; i++) {
		struct igb_rx_queue *q = dev->rx_queues[i];

		if (q != NULL)
			q->pkts = q->bytes = q->nombuf = q->bad_len =
				q->bad_status = q->ghost_dd = q->too_long =
					q->iova_fault = 0;
	}
	for (uint16_t i = 0; i < dev->nb_tx_queues; i++) {
		struct igb_tx_queue *q = dev->tx_queues[i];

		if (q != NULL)
			q->pkts = q->bytes = q->refused = q->bad_offload = 0;
	}
	return 0;
}

/* The family's counters, the driver's, then one drop counter per queue. */
static unsigned nb_xstats(void)
{
	return gbe_hw_xstats_count(FAM) + SW_NB + IGB_MAX_QUEUES;
}

int igb_xstats_get_names(struct cdk_eth_dev *dev,
			 struct cdk_eth_xstat_name *names, unsigned n)
{
	unsigned nb_hw = gbe_hw_xstats_count(FAM);

	if (names == NULL)
		return (int)nb_xstats();
	gbe_hw_xstats_names(FAM, names, n);
	for (unsigned i = nb_hw; i < n && i < nb_xstats(); i++) {
		if (i < nb_hw + SW_NB)
			snprintf(names[i].name, sizeof(names[i].name), "%s",
				 sw_names[i - nb_hw]);
		else
			snprintf(names[i].name, sizeof(names[i].name),
				 "rx_q%u_hw_drops", i - nb_hw - SW_NB);
	}
	return (int)nb_xstats();
}

int igb_xstats_get(struct cdk_eth_dev *dev, struct cdk_eth_xstat *xs,
		   unsigned n)
{
	struct igb_adapter *ad = igb_adapter(dev);
	unsigned nb_hw = gbe_hw_xstats_count(FAM);
	uint64_t sw[SW_NB];

	if (xs == NULL || n < nb_xstats())
		return (int)nb_xstats();
	igb_hw_stats_update(ad);
	sw_stats(dev, sw);
	gbe_hw_xstats_values(FAM, &ad->hw.gbe, xs);
	for (unsigned i = nb_hw; i < nb_xstats(); i++)
		xs[i] = (struct cdk_eth_xstat){
			i, i < nb_hw + SW_NB ? sw[i - nb_hw]
					     : ad->hw.rqdpc[i - nb_hw - SW_NB] };
	return (int)nb_xstats();
}

int igb_xstats_reset(struct cdk_eth_dev *dev)
{
	return igb_stats_reset(dev);
}
