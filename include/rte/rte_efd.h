/* rte_efd.h: not provided by capdk: the EFD library. */
#ifndef _RTE_EFD_H_
#define _RTE_EFD_H_
#error "rte_efd.h: not provided by capdk: the EFD library (see doc/porting.md)"
#endif
