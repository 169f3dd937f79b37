/* rte_jhash.h: not provided by capdk: the hash library. */
#ifndef _RTE_JHASH_H_
#define _RTE_JHASH_H_
#error "rte_jhash.h: not provided by capdk: the hash library (see doc/porting.md)"
#endif
