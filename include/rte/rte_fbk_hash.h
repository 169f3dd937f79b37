/* rte_fbk_hash.h: not provided by capdk: the hash library. */
#ifndef _RTE_FBK_HASH_H_
#define _RTE_FBK_HASH_H_
#error "rte_fbk_hash.h: not provided by capdk: the hash library (see doc/porting.md)"
#endif
