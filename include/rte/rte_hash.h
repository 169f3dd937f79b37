/* rte_hash.h: not provided by capdk: the hash library. */
#ifndef _RTE_HASH_H_
#define _RTE_HASH_H_
#error "rte_hash.h: not provided by capdk: the hash library (see doc/porting.md)"
#endif
