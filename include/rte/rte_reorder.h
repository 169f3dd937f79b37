/* rte_reorder.h: not provided by capdk: the reorder library. */
#ifndef _RTE_REORDER_H_
#define _RTE_REORDER_H_
#error "rte_reorder.h: not provided by capdk: the reorder library (see doc/porting.md)"
#endif
