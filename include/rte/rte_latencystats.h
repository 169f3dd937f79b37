/* rte_latencystats.h: not provided by capdk: latency statistics. */
#ifndef _RTE_LATENCYSTATS_H_
#define _RTE_LATENCYSTATS_H_
#error "rte_latencystats.h: not provided by capdk: latency statistics (see doc/porting.md)"
#endif
