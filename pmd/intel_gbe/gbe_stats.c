/*
 * The statistics block of the Intel gigabit family (SDM 13.7, 82574 DS
 * 10.2.8, 82576 DS 8.19). One table over every member, in the order the
 * xstats list them; a counter a member lacks is neither read nor listed.
 */
#include <stdio.h>

#include "pmd/intel_gbe/gbe_hw.h"
#include "pmd/intel_gbe/gbe_stats.h"

#define EM GBE_FAM_EM
#define IGB GBE_FAM_IGB
#define ALL (GBE_FAM_EM | GBE_FAM_IGB)

static const struct {
	const char *name;
	uint32_t reg;
	uint8_t is64; /* a low/high pair: low first, high clears both */
	uint8_t fam;
} hw_stats[] = {
	{ "rx_crc_errors", GBE_CRCERRS, 0, ALL },
	{ "rx_align_errors", GBE_ALGNERRC, 0, ALL },
	{ "rx_symbol_errors", GBE_SYMERRS, 0, ALL },
	{ "rx_receive_errors", GBE_RXERRC, 0, EM },
	{ "rx_errors", GBE_RXERRC, 0, IGB },
	{ "rx_missed_packets", GBE_MPC, 0, ALL },
	{ "tx_single_collision_packets", GBE_SCC, 0, ALL },
	{ "tx_excessive_collision_packets", GBE_ECOL, 0, ALL },
	{ "tx_multiple_collision_packets", GBE_MCC, 0, ALL },
	{ "tx_late_collisions", GBE_LATECOL, 0, ALL },
	{ "tx_total_collisions", GBE_COLC, 0, ALL },
	{ "tx_deferred_packets", GBE_DC, 0, ALL },
	{ "tx_no_carrier_sense_packets", GBE_TNCRS, 0, ALL },
	{ "rx_carrier_ext_errors", GBE_CEXTERR, 0, EM },
	{ "rx_length_errors", GBE_RLEC, 0, ALL },
	{ "rx_xon_packets", GBE_XONRXC, 0, ALL },
	{ "tx_xon_packets", GBE_XONTXC, 0, ALL },
	{ "rx_xoff_packets", GBE_XOFFRXC, 0, ALL },
	{ "tx_xoff_packets", GBE_XOFFTXC, 0, ALL },
	{ "rx_flow_control_unsupported_packets", GBE_FCRUC, 0, ALL },
	{ "rx_size_64_packets", GBE_PRC64, 0, ALL },
	{ "rx_size_65_to_127_packets", GBE_PRC127, 0, ALL },
	{ "rx_size_128_to_255_packets", GBE_PRC255, 0, ALL },
	{ "rx_size_256_to_511_packets", GBE_PRC511, 0, ALL },
	{ "rx_size_512_to_1023_packets", GBE_PRC1023, 0, ALL },
	{ "rx_size_1024_to_max_packets", GBE_PRC1522, 0, ALL },
	{ "rx_hw_good_packets", GBE_GPRC, 0, ALL },
	{ "rx_broadcast_packets", GBE_BPRC, 0, ALL },
	{ "rx_multicast_packets", GBE_MPRC, 0, ALL },
	{ "tx_hw_good_packets", GBE_GPTC, 0, ALL },
	{ "rx_hw_good_bytes", GBE_GORCL, 1, ALL },
	{ "tx_hw_good_bytes", GBE_GOTCL, 1, ALL },
	{ "rx_no_buffer_count", GBE_RNBC, 0, ALL },
	{ "rx_undersize_errors", GBE_RUC, 0, ALL },
	{ "rx_fragment_errors", GBE_RFC, 0, ALL },
	{ "rx_oversize_errors", GBE_ROC, 0, ALL },
	{ "rx_jabber_errors", GBE_RJC, 0, ALL },
	{ "rx_total_bytes", GBE_TORL, 1, ALL },
	{ "tx_total_bytes", GBE_TOTL, 1, ALL },
	{ "rx_total_packets", GBE_TPR, 0, ALL },
	{ "tx_total_packets", GBE_TPT, 0, ALL },
	{ "tx_size_64_packets", GBE_PTC64, 0, ALL },
	{ "tx_size_65_to_127_packets", GBE_PTC127, 0, ALL },
	{ "tx_size_128_to_255_packets", GBE_PTC255, 0, ALL },
	{ "tx_size_256_to_511_packets", GBE_PTC511, 0, ALL },
	{ "tx_size_512_to_1023_packets", GBE_PTC1023, 0, ALL },
	{ "tx_size_1024_to_max_packets", GBE_PTC1522, 0, ALL },
	{ "tx_multicast_packets", GBE_MPTC, 0, ALL },
	{ "tx_broadcast_packets", GBE_BPTC, 0, ALL },
};
_Static_assert(CDK_DIM(hw_stats) == GBE_NB_HW_STATS,
	       "GBE_NB_HW_STATS must match the table");

void gbe_hw_stats_update(const cdk_cap_t *ctrl, unsigned fam,
			 struct gbe_hw_stats *s)
{
	for (size_t i = 0; i < CDK_DIM(hw_stats); i++) {
		uint64_t v;

		if (!(hw_stats[i].fam & fam))
			continue;
		v = gbe_read(ctrl, hw_stats[i].reg);
		if (hw_stats[i].is64)
			v |= (uint64_t)gbe_read(ctrl, hw_stats[i].reg + 4) << 32;
		s->v[i] += v;
	}
}

unsigned gbe_hw_xstats_count(unsigned fam)
{
	unsigned n = 0;

	for (size_t i = 0; i < CDK_DIM(hw_stats); i++)
		n += (hw_stats[i].fam & fam) != 0;
	return n;
}

void gbe_hw_xstats_names(unsigned fam, struct cdk_eth_xstat_name *names,
			 unsigned n)
{
	unsigned k = 0;

	for (size_t i = 0; i < CDK_DIM(hw_stats) && k < n; i++)
		if (hw_stats[i].fam & fam)
			snprintf(names[k++].name, sizeof(names[0].name), "%s",
				 hw_stats[i].name);
}

void gbe_hw_xstats_values(unsigned fam, const struct gbe_hw_stats *s,
			  struct cdk_eth_xstat *xs)
{
	unsigned k = 0;

	for (size_t i = 0; i < CDK_DIM(hw_stats); i++)
		if (hw_stats[i].fam & fam) {
			xs[k].id = k;
			xs[k++].value = s->v[i];
		}
}

/* The sum over every row of a register: a member only ever fills one. */
static uint64_t hw_stat(const struct gbe_hw_stats *s, uint32_t reg)
{
	uint64_t v = 0;

	for (size_t i = 0; i < CDK_DIM(hw_stats); i++)
		if (hw_stats[i].reg == reg)
			v += s->v[i];
	return v;
}

void gbe_hw_stats_fold(const struct gbe_hw_stats *s, struct cdk_eth_stats *st)
{
	st->imissed += hw_stat(s, GBE_MPC);
	st->ierrors += hw_stat(s, GBE_CRCERRS) + hw_stat(s, GBE_ALGNERRC) +
		       hw_stat(s, GBE_RXERRC) + hw_stat(s, GBE_RLEC) +
		       hw_stat(s, GBE_RUC) + hw_stat(s, GBE_ROC) +
		       hw_stat(s, GBE_CEXTERR);
	st->oerrors += hw_stat(s, GBE_ECOL) + hw_stat(s, GBE_LATECOL);
}

void gbe_rxq_stats_add(struct cdk_eth_stats *st, uint16_t q,
		       const struct gbe_rxq_counts *c)
{
	st->ipackets += c->pkts;
	st->ibytes += c->bytes;
	st->ierrors += c->drops;
	st->rx_nombuf += c->nombuf;
	if (q < CDK_ETHDEV_QUEUE_STAT_CNTRS) {
		st->q_ipackets[q] = c->pkts;
		st->q_ibytes[q] = c->bytes;
		st->q_errors[q] += c->drops;
	}
}

void gbe_txq_stats_add(struct cdk_eth_stats *st, uint16_t q,
		       const struct gbe_txq_counts *c)
{
	st->opackets += c->pkts;
	st->obytes += c->bytes;
	st->oerrors += c->errors;
	if (q < CDK_ETHDEV_QUEUE_STAT_CNTRS) {
		st->q_opackets[q] = c->pkts;
		st->q_obytes[q] = c->bytes;
	}
}
