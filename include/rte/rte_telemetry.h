/* rte_telemetry.h: not provided by capdk: telemetry. */
#ifndef _RTE_TELEMETRY_H_
#define _RTE_TELEMETRY_H_
#error "rte_telemetry.h: not provided by capdk: telemetry (see doc/porting.md)"
#endif
