/* rte_graph.h: not provided by capdk: the graph library. */
#ifndef _RTE_GRAPH_H_
#define _RTE_GRAPH_H_
#error "rte_graph.h: not provided by capdk: the graph library (see doc/porting.md)"
#endif
