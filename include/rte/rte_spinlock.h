/* rte_spinlock.h: not provided by capdk: spinlocks. */
#ifndef _RTE_SPINLOCK_H_
#define _RTE_SPINLOCK_H_
#error "rte_spinlock.h: not provided by capdk: spinlocks (see doc/porting.md)"
#endif
