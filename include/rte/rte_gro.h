/* rte_gro.h: not provided by capdk: GRO. */
#ifndef _RTE_GRO_H_
#define _RTE_GRO_H_
#error "rte_gro.h: not provided by capdk: GRO (see doc/porting.md)"
#endif
