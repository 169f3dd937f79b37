/* rte_lpm6.h: not provided by capdk: the LPM library. */
#ifndef _RTE_LPM6_H_
#define _RTE_LPM6_H_
#error "rte_lpm6.h: not provided by capdk: the LPM library (see doc/porting.md)"
#endif
