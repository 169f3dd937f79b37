/* rte_eventdev.h: not provided by capdk: eventdev. */
#ifndef _RTE_EVENTDEV_H_
#define _RTE_EVENTDEV_H_
#error "rte_eventdev.h: not provided by capdk: eventdev (see doc/porting.md)"
#endif
