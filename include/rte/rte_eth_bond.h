/* rte_eth_bond.h: not provided by capdk: bonding. */
#ifndef _RTE_ETH_BOND_H_
#define _RTE_ETH_BOND_H_
#error "rte_eth_bond.h: not provided by capdk: bonding (see doc/porting.md)"
#endif
