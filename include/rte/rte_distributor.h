/* rte_distributor.h: not provided by capdk: the distributor library. */
#ifndef _RTE_DISTRIBUTOR_H_
#define _RTE_DISTRIBUTOR_H_
#error "rte_distributor.h: not provided by capdk: the distributor library (see doc/porting.md)"
#endif
