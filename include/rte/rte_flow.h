/* rte_flow.h: not provided by capdk: rte_flow (flow rules). */
#ifndef _RTE_FLOW_H_
#define _RTE_FLOW_H_
#error "rte_flow.h: not provided by capdk: rte_flow (flow rules) (see doc/porting.md)"
#endif
