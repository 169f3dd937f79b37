/* rte_sched.h: not provided by capdk: the QoS scheduler. */
#ifndef _RTE_SCHED_H_
#define _RTE_SCHED_H_
#error "rte_sched.h: not provided by capdk: the QoS scheduler (see doc/porting.md)"
#endif
