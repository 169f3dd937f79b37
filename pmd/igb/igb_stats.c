/*
 * net_e1000_igb statistics: the hardware counters (82576 DS 8.19, clear on
 * read, so every read is accumulated), the per-queue drop counters RQDPC,
 * and the driver's own drop counters; basic statistics and xstats by name
 * (DPDK's igb names for the hardware counters).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "pmd/igb/igb_ethdev.h"

static const struct {
	const char *name;
	uint32_t reg;
	uint8_t is64; /* a low/high pair: low first, high clears both */
} hw_stats[] = {
	{ "rx_crc_errors", IGB_CRCERRS, 0 },
	{ "rx_align_errors", IGB_ALGNERRC, 0 },
	{ "rx_symbol_errors", IGB_SYMERRS, 0 },
	{ "rx_errors", IGB_RXERRC, 0 },
	{ "rx_missed_packets", IGB_MPC, 0 },
	{ "tx_single_collision_packets", IGB_SCC, 0 },
	{ "tx_excessive_collision_packets", IGB_ECOL, 0 },
	{ "tx_multiple_collision_packets", IGB_MCC, 0 },
	{ "tx_late_collisions", IGB_LATECOL, 0 },
	{ "tx_total_collisions", IGB_COLC, 0 },
	{ "tx_deferred_packets", IGB_DC, 0 },
	{ "tx_no_carrier_sense_packets", IGB_TNCRS, 0 },
	{ "rx_length_errors", IGB_RLEC, 0 },
	{ "rx_xon_packets", IGB_XONRXC, 0 },
	{ "tx_xon_packets", IGB_XONTXC, 0 },
	{ "rx_xoff_packets", IGB_XOFFRXC, 0 },
	{ "tx_xoff_packets", IGB_XOFFTXC, 0 },
	{ "rx_flow_control_unsupported_packets", IGB_FCRUC, 0 },
	{ "rx_size_64_packets", IGB_PRC64, 0 },
	{ "rx_size_65_to_127_packets", IGB_PRC127, 0 },
	{ "rx_size_128_to_255_packets", IGB_PRC255, 0 },
	{ "rx_size_256_to_511_packets", IGB_PRC511, 0 },
	{ "rx_size_512_to_1023_packets", IGB_PRC1023, 0 },
	{ "rx_size_1024_to_max_packets", IGB_PRC1522, 0 },
	{ "rx_hw_good_packets", IGB_GPRC, 0 },
	{ "rx_broadcast_packets", IGB_BPRC, 0 },
	{ "rx_multicast_packets", IGB_MPRC, 0 },
	{ "tx_hw_good_packets", IGB_GPTC, 0 },
	{ "rx_hw_good_bytes", IGB_GORCL, 1 },
	{ "tx_hw_good_bytes", IGB_GOTCL, 1 },
	{ "rx_no_buffer_count", IGB_RNBC, 0 },
	{ "rx_undersize_errors", IGB_RUC, 0 },
	{ "rx_fragment_errors", IGB_RFC, 0 },
	{ "rx_oversize_errors", IGB_ROC, 0 },
	{ "rx_jabber_errors", IGB_RJC, 0 },
	{ "rx_total_bytes", IGB_TORL, 1 },
	{ "tx_total_bytes", IGB_TOTL, 1 },
	{ "rx_total_packets", IGB_TPR, 0 },
	{ "tx_total_packets", IGB_TPT, 0 },
	{ "tx_size_64_packets", IGB_PTC64, 0 },
	{ "tx_size_65_to_127_packets", IGB_PTC127, 0 },
	{ "tx_size_128_to_255_packets", IGB_PTC255, 0 },
	{ "tx_size_256_to_511_packets", IGB_PTC511, 0 },
	{ "tx_size_512_to_1023_packets", IGB_PTC1023, 0 },
	{ "tx_size_1024_to_max_packets", IGB_PTC1522, 0 },
	{ "tx_multicast_packets", IGB_MPTC, 0 },
	{ "tx_broadcast_packets", IGB_BPTC, 0 },
};
_Static_assert(CDK_DIM(hw_stats) == IGB_NB_HW_STATS,
	       "IGB_NB_HW_STATS must match the table");

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

/* Then one per-queue drop counter per possible rx queue. */
#define NB_XSTATS (IGB_NB_HW_STATS + SW_NB + IGB_MAX_QUEUES)

static uint64_t hw_stat(const struct igb_hw_stats *h, uint32_t reg)
{
	for (size_t i = 0; i < CDK_DIM(hw_stats); i++)
		if (hw_stats[i].reg == reg)
			return h->v[i];
	return 0;
}

void igb_hw_stats_update(struct igb_adapter *ad)
{
	for (size_t i = 0; i < CDK_DIM(hw_stats); i++) {
		uint64_t v = igb_read(ad, hw_stats[i].reg);

		if (hw_stats[i].is64)
			v |= (uint64_t)igb_read(ad, hw_stats[i].reg + 4) << 32;
		ad->hw.v[i] += v;
	}
	for (unsigned q = 0; q < IGB_MAX_QUEUES && q < ad->fam->nb_queues; q++)
		ad->hw.rqdpc[q] += igb_read(ad, IGB_RQDPC(q));
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

static void rx_queue_stats(struct cdk_eth_dev *dev, struct cdk_eth_stats *st)
{
	const struct igb_adapter *ad = igb_adapter(dev);

	for (uint16_t i = 0; i < dev->nb_rx_queues; i++) {
		const struct igb_rx_queue *q = dev->rx_queues[i];

		if (q == NULL)
			continue;
		st->ipackets += q->pkts;
		st->ibytes += q->bytes;
		st->ierrors += rxq_drops(q);
		st->rx_nombuf += q->nombuf;
		st->q_ipackets[i] = q->pkts;
		st->q_ibytes[i] = q->bytes;
		st->q_errors[i] = rxq_drops(q) + ad->hw.rqdpc[i];
	}
}

static void tx_queue_stats(struct cdk_eth_dev *dev, struct cdk_eth_stats *st)
{
	for (uint16_t i = 0; i < dev->nb_tx_queues; i++) {
		const struct igb_tx_queue *q = dev->tx_queues[i];

		if (q == NULL)
			continue;
		st->opackets += q->pkts;
		st->obytes += q->bytes;
		st->oerrors += q->refused + q->bad_offload;
		st->q_opackets[i] = q->pkts;
		st->q_obytes[i] = q->bytes;
	}
}

/* Packets and bytes are what the queues handed over (the hardware's good
 * octets include the FCS and frames the driver dropped); misses and
 * errors come from the hardware. */
int igb_stats_get(struct cdk_eth_dev *dev, struct cdk_eth_stats *st)
{
	struct igb_adapter *ad = igb_adapter(dev);
	const struct igb_hw_stats *h = &ad->hw;

	igb_hw_stats_update(ad);
	rx_queue_stats(dev, st);
	tx_queue_stats(dev, st);
	st->imissed = hw_stat(h, IGB_MPC);
	for (unsigned q = 0; q < IGB_MAX_QUEUES; q++)
		st->imissed += h->rqdpc[q];
	st->ierrors += hw_stat(h, IGB_CRCERRS) + hw_stat(h, IGB_ALGNERRC) +
		       hw_stat(h, IGB_RXERRC) + hw_stat(h, IGB_RLEC) +
		       hw_stat(h, IGB_RUC) + hw_stat(h, IGB_ROC);
	st->oerrors += hw_stat(h, IGB_ECOL) + hw_stat(h, IGB_LATECOL);
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

int igb_xstats_get_names(struct cdk_eth_dev *dev,
			 struct cdk_eth_xstat_name *names, unsigned n)
{
	for (unsigned i = 0; names != NULL && i < n && i < NB_XSTATS; i++) {
		if (i < IGB_NB_HW_STATS)
			snprintf(names[i].name, sizeof(names[i].name), "%s",
				 hw_stats[i].name);
		else if (i < IGB_NB_HW_STATS + SW_NB)
			snprintf(names[i].name, sizeof(names[i].name), "%s",
				 sw_names[i - IGB_NB_HW_STATS]);
		else
			snprintf(names[i].name, sizeof(names[i].name),
				 "rx_q%u_hw_drops", i - IGB_NB_HW_STATS - SW_NB);
	}
	return (int)NB_XSTATS;
}

int igb_xstats_get(struct cdk_eth_dev *dev, struct cdk_eth_xstat *xs,
		   unsigned n)
{
	struct igb_adapter *ad = igb_adapter(dev);
	uint64_t sw[SW_NB];

	if (xs == NULL || n < NB_XSTATS)
		return (int)NB_XSTATS;
	igb_hw_stats_update(ad);
	sw_stats(dev, sw);
	for (unsigned i = 0; i < NB_XSTATS; i++) {
		xs[i].id = i;
		if (i < IGB_NB_HW_STATS)
			xs[i].value = ad->hw.v[i];
		else if (i < IGB_NB_HW_STATS + SW_NB)
			xs[i].value = sw[i - IGB_NB_HW_STATS];
		else
			xs[i].value = ad->hw.rqdpc[i - IGB_NB_HW_STATS - SW_NB];
	}
	return (int)NB_XSTATS;
}

int igb_xstats_reset(struct cdk_eth_dev *dev)
{
	return igb_stats_reset(dev);
}
