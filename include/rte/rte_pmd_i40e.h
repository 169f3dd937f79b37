/* rte_pmd_i40e.h: not provided by capdk: i40e-specific calls. */
#ifndef _RTE_PMD_I40E_H_
#define _RTE_PMD_I40E_H_
#error "rte_pmd_i40e.h: not provided by capdk: i40e-specific calls (see doc/porting.md)"
#endif
