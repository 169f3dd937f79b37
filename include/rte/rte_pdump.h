/* rte_pdump.h: not provided by capdk: pdump. */
#ifndef _RTE_PDUMP_H_
#define _RTE_PDUMP_H_
#error "rte_pdump.h: not provided by capdk: pdump (see doc/porting.md)"
#endif
