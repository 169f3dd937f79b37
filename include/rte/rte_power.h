/* rte_power.h: not provided by capdk: the power library. */
#ifndef _RTE_POWER_H_
#define _RTE_POWER_H_
#error "rte_power.h: not provided by capdk: the power library (see doc/porting.md)"
#endif
