/*
 * net_e1000_em statistics: the hardware counters (SDM 13.7, all clear on
 * read, so every read is accumulated) and the driver's own drop counters,
 * as basic statistics and as xstats by name (the names DPDK's igb uses).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "pmd/e1000/e1000_ethdev.h"

static const struct {
	const char *name;
	uint32_t reg;
	uint8_t is64; /* a low/high pair: low first, high clears both */
} hw_stats[] = {
	{ "rx_crc_errors", E1000_CRCERRS, 0 },
	{ "rx_align_errors", E1000_ALGNERRC, 0 },
	{ "rx_symbol_errors", E1000_SYMERRS, 0 },
	{ "rx_receive_errors", E1000_RXERRC, 0 },
	{ "rx_missed_packets", E1000_MPC, 0 },
	{ "tx_single_collision_packets", E1000_SCC, 0 },
	{ "tx_excessive_collision_packets", E1000_ECOL, 0 },
	{ "tx_multiple_collision_packets", E1000_MCC, 0 },
	{ "tx_late_collisions", E1000_LATECOL, 0 },
	{ "tx_total_collisions", E1000_COLC, 0 },
	{ "tx_deferred_packets", E1000_DC, 0 },
	{ "tx_no_carrier_sense_packets", E1000_TNCRS, 0 },
	{ "rx_carrier_ext_errors", E1000_CEXTERR, 0 },
	{ "rx_length_errors", E1000_RLEC, 0 },
	{ "rx_xon_packets", E1000_XONRXC, 0 },
	{ "tx_xon_packets", E1000_XONTXC, 0 },
	{ "rx_xoff_packets", E1000_XOFFRXC, 0 },
	{ "tx_xoff_packets", E1000_XOFFTXC, 0 },
	{ "rx_flow_control_unsupported_packets", E1000_FCRUC, 0 },
	{ "rx_size_64_packets", E1000_PRC64, 0 },
	{ "rx_size_65_to_127_packets", E1000_PRC127, 0 },
	{ "rx_size_128_to_255_packets", E1000_PRC255, 0 },
	{ "rx_size_256_to_511_packets", E1000_PRC511, 0 },
	{ "rx_size_512_to_1023_packets", E1000_PRC1023, 0 },
	{ "rx_size_1024_to_max_packets", E1000_PRC1522, 0 },
	{ "rx_hw_good_packets", E1000_GPRC, 0 },
	{ "rx_broadcast_packets", E1000_BPRC, 0 },
	{ "rx_multicast_packets", E1000_MPRC, 0 },
	{ "tx_hw_good_packets", E1000_GPTC, 0 },
	{ "rx_hw_good_bytes", E1000_GORCL, 1 },
	{ "tx_hw_good_bytes", E1000_GOTCL, 1 },
	{ "rx_no_buffer_count", E1000_RNBC, 0 },
	{ "rx_undersize_errors", E1000_RUC, 0 },
	{ "rx_fragment_errors", E1000_RFC, 0 },
	{ "rx_oversize_errors", E1000_ROC, 0 },
	{ "rx_jabber_errors", E1000_RJC, 0 },
	{ "rx_total_bytes", E1000_TORL, 1 },
	{ "tx_total_bytes", E1000_TOTL, 1 },
	{ "rx_total_packets", E1000_TPR, 0 },
	{ "tx_total_packets", E1000_TPT, 0 },
	{ "tx_size_64_packets", E1000_PTC64, 0 },
	{ "tx_size_65_to_127_packets", E1000_PTC127, 0 },
	{ "tx_size_128_to_255_packets", E1000_PTC255, 0 },
	{ "tx_size_256_to_511_packets", E1000_PTC511, 0 },
	{ "tx_size_512_to_1023_packets", E1000_PTC1023, 0 },
	{ "tx_size_1024_to_max_packets", E1000_PTC1522, 0 },
	{ "tx_multicast_packets", E1000_MPTC, 0 },
	{ "tx_broadcast_packets", E1000_BPTC, 0 },
};
_Static_assert(CDK_DIM(hw_stats) == E1000_NB_HW_STATS,
	       "E1000_NB_HW_STATS must match the table");

/* The driver's own counters, summed over the queues. */
enum sw_stat {
	SW_RX_BAD_LEN, SW_RX_BAD_STATUS, SW_RX_GHOST_DD, SW_RX_TOO_LONG,
	SW_RX_IOVA_FAULT, SW_TX_REFUSED, SW_NB
};
static const char *const sw_names[SW_NB] = {
	"rx_bad_length_drops", "rx_bad_status_drops", "rx_ghost_dd_drops",
	"rx_too_long_drops", "rx_iova_faults", "tx_refused_not_granted",
};

static uint64_t hw_stat(const struct e1000_hw_stats *h, uint32_t reg)
{
	for (size_t i = 0; i < CDK_DIM(hw_stats); i++)
		if (hw_stats[i].reg == reg)
			return h->v[i];
	return 0;
}

void e1000_hw_stats_update(struct e1000_adapter *ad)
{
	for (size_t i = 0; i < CDK_DIM(hw_stats); i++) {
		uint64_t v = e1000_read(ad, hw_stats[i].reg);

		if (hw_stats[i].is64)
			v |= (uint64_t)e1000_read(ad, hw_stats[i].reg + 4) << 32;
		ad->hw.v[i] += v;
	}
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

static void queue_stats(struct cdk_eth_dev *dev, struct cdk_eth_stats *st)
{
	for (uint16_t i = 0; i < dev->nb_rx_queues; i++) {
		const struct e1000_rx_queue *q = dev->rx_queues[i];

		if (q == NULL)
			continue;
		st->ipackets += q->pkts;
		st->ibytes += q->bytes;
		st->ierrors += rxq_drops(q);
		st->rx_nombuf += q->nombuf;
		if (i < CDK_ETHDEV_QUEUE_STAT_CNTRS) {
			st->q_ipackets[i] = q->pkts;
			st->q_ibytes[i] = q->bytes;
			st->q_errors[i] = rxq_drops(q);
		}
	}
	for (uint16_t i = 0; i < dev->nb_tx_queues; i++) {
		const struct e1000_tx_queue *q = dev->tx_queues[i];

		if (q == NULL)
			continue;
		st->opackets += q->pkts;
		st->obytes += q->bytes;
		st->oerrors += q->refused;
		if (i < CDK_ETHDEV_QUEUE_STAT_CNTRS) {
			st->q_opackets[i] = q->pkts;
			st->q_obytes[i] = q->bytes;
		}
	}
}

/* Packets and bytes are what the queues handed over (the hardware's good
 * octets include the FCS and frames the driver dropped); misses and
 * errors come from the hardware. */
int e1000_stats_get(struct cdk_eth_dev *dev, struct cdk_eth_stats *st)
{
	struct e1000_adapter *ad = e1000_adapter(dev);
	const struct e1000_hw_stats *h = &ad->hw;

	e1000_hw_stats_update(ad);
	queue_stats(dev, st);
	st->imissed = hw_stat(h, E1000_MPC);
	st->ierrors += hw_stat(h, E1000_CRCERRS) + hw_stat(h, E1000_ALGNERRC) +
		       hw_stat(h, E1000_RXERRC) + hw_stat(h, E1000_RLEC) +
		       hw_stat(h, E1000_RUC) + hw_stat(h, E1000_ROC) +
		       hw_stat(h, E1000_CEXTERR);
	st->oerrors += hw_stat(h, E1000_ECOL) + hw_stat(h, E1000_LATECOL);
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
	unsigned total = E1000_NB_HW_STATS + SW_NB;

	for (unsigned i = 0; names != NULL && i < n && i < total; i++)
		snprintf(names[i].name, sizeof(names[i].name), "%s",
			 i < E1000_NB_HW_STATS ? hw_stats[i].name
					       : sw_names[i - E1000_NB_HW_STATS]);
	return (int)total;
}

int e1000_xstats_get(struct cdk_eth_dev *dev, struct cdk_eth_xstat *xs,
		     unsigned n)
{
	struct e1000_adapter *ad = e1000_adapter(dev);
	unsigned total = E1000_NB_HW_STATS + SW_NB;
	uint64_t sw[SW_NB];

	if (xs == NULL || n < total)
		return (int)total;
	e1000_hw_stats_update(ad);
	sw_stats(dev, sw);
	for (unsigned i = 0; i < total; i++) {
		xs[i].id = i;
		xs[i].value = i < E1000_NB_HW_STATS ? ad->hw.v[i]
						    : sw[i - E1000_NB_HW_STATS];
	}
	return (int)total;
}

int e1000_xstats_reset(struct cdk_eth_dev *dev)
{
	return e1000_stats_reset(dev);
}
