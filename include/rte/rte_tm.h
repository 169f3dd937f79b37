/* rte_tm.h: not provided by capdk: rte_tm (traffic management). */
#ifndef _RTE_TM_H_
#define _RTE_TM_H_
#error "rte_tm.h: not provided by capdk: rte_tm (traffic management) (see doc/porting.md)"
#endif
