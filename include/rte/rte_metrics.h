/* rte_metrics.h: not provided by capdk: metrics. */
#ifndef _RTE_METRICS_H_
#define _RTE_METRICS_H_
#error "rte_metrics.h: not provided by capdk: metrics (see doc/porting.md)"
#endif
