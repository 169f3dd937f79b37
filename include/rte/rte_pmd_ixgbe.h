/* rte_pmd_ixgbe.h: not provided by capdk: ixgbe-specific calls. */
#ifndef _RTE_PMD_IXGBE_H_
#define _RTE_PMD_IXGBE_H_
#error "rte_pmd_ixgbe.h: not provided by capdk: ixgbe-specific calls (see doc/porting.md)"
#endif
