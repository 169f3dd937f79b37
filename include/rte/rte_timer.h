/* rte_timer.h: not provided by capdk: the timer library. */
#ifndef _RTE_TIMER_H_
#define _RTE_TIMER_H_
#error "rte_timer.h: not provided by capdk: the timer library (see doc/porting.md)"
#endif
