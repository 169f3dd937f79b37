/* rte_jobstats.h: not provided by capdk: the jobstats library. */
#ifndef _RTE_JOBSTATS_H_
#define _RTE_JOBSTATS_H_
#error "rte_jobstats.h: not provided by capdk: the jobstats library (see doc/porting.md)"
#endif
