/*
 * The statistics block of the Intel gigabit family: clear-on-read counters,
 * accumulated in software, with DPDK igb's xstat names. Most counters exist
 * on every member; the table says which member has the others.
 */
#ifndef PMD_INTEL_GBE_STATS_H
#define PMD_INTEL_GBE_STATS_H

#include "cdk_pmd.h"

/* Which members a counter exists on (its name may differ between them). */
enum gbe_family { GBE_FAM_EM = 1u << 0, GBE_FAM_IGB = 1u << 1 };

#define GBE_NB_HW_STATS 49 /* table rows, over every member */

struct gbe_hw_stats {
	uint64_t v[GBE_NB_HW_STATS]; /* by table row */
};

/* Read every counter fam has and add it to s (reading clears them). */
void gbe_hw_stats_update(const cdk_cap_t *ctrl, unsigned fam,
			 struct gbe_hw_stats *s);
/* How many counters fam has: its first xstats. */
unsigned gbe_hw_xstats_count(unsigned fam);
/* Names / values of fam's counters into [0, gbe_hw_xstats_count(fam)). */
void gbe_hw_xstats_names(unsigned fam, struct cdk_eth_xstat_name *names,
			 unsigned n);
void gbe_hw_xstats_values(unsigned fam, const struct gbe_hw_stats *s,
			  struct cdk_eth_xstat *xs);
/* What the hardware adds to the basic statistics: misses, rx errors
 * (CRC, alignment, rx, length, undersize, oversize, carrier extension)
 * and tx errors (excessive and late collisions). */
void gbe_hw_stats_fold(const struct gbe_hw_stats *s, struct cdk_eth_stats *st);

/* The per-queue counters every gigabit queue keeps, summed into st:
 * rx (packets, bytes, drops, nombuf) and tx (packets, bytes, errors). */
struct gbe_rxq_counts {
	uint64_t pkts, bytes, drops, nombuf;
};
struct gbe_txq_counts {
	uint64_t pkts, bytes, errors;
};
void gbe_rxq_stats_add(struct cdk_eth_stats *st, uint16_t q,
		       const struct gbe_rxq_counts *c);
void gbe_txq_stats_add(struct cdk_eth_stats *st, uint16_t q,
		       const struct gbe_txq_counts *c);

#endif
