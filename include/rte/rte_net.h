/* rte_net.h: not provided by capdk: rte_net (packet type parsing). */
#ifndef _RTE_NET_H_
#define _RTE_NET_H_
#error "rte_net.h: not provided by capdk: rte_net (packet type parsing) (see doc/porting.md)"
#endif
