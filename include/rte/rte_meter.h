/* rte_meter.h: not provided by capdk: the meter library. */
#ifndef _RTE_METER_H_
#define _RTE_METER_H_
#error "rte_meter.h: not provided by capdk: the meter library (see doc/porting.md)"
#endif
