/* rte_lpm.h: not provided by capdk: the LPM library. */
#ifndef _RTE_LPM_H_
#define _RTE_LPM_H_
#error "rte_lpm.h: not provided by capdk: the LPM library (see doc/porting.md)"
#endif
