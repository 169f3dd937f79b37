/* rte_gso.h: not provided by capdk: GSO. */
#ifndef _RTE_GSO_H_
#define _RTE_GSO_H_
#error "rte_gso.h: not provided by capdk: GSO (see doc/porting.md)"
#endif
