/* rte_memzone.h: not provided by capdk: memzones. */
#ifndef _RTE_MEMZONE_H_
#define _RTE_MEMZONE_H_
#error "rte_memzone.h: not provided by capdk: memzones (see doc/porting.md)"
#endif
