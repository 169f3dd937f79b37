/* rte_alarm.h: not provided by capdk: alarms. */
#ifndef _RTE_ALARM_H_
#define _RTE_ALARM_H_
#error "rte_alarm.h: not provided by capdk: alarms (see doc/porting.md)"
#endif
