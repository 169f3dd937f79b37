/* rte_rwlock.h: not provided by capdk: reader-writer locks. */
#ifndef _RTE_RWLOCK_H_
#define _RTE_RWLOCK_H_
#error "rte_rwlock.h: not provided by capdk: reader-writer locks (see doc/porting.md)"
#endif
