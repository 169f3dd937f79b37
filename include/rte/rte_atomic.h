/* rte_atomic.h: not provided by capdk: rte_atomic. */
#ifndef _RTE_ATOMIC_H_
#define _RTE_ATOMIC_H_
#error "rte_atomic.h: not provided by capdk: rte_atomic (see doc/porting.md)"
#endif
