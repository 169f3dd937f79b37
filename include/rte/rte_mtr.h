/* rte_mtr.h: not provided by capdk: rte_mtr (metering). */
#ifndef _RTE_MTR_H_
#define _RTE_MTR_H_
#error "rte_mtr.h: not provided by capdk: rte_mtr (metering) (see doc/porting.md)"
#endif
