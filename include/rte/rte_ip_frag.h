/* rte_ip_frag.h: not provided by capdk: the IP fragmentation library. */
#ifndef _RTE_IP_FRAG_H_
#define _RTE_IP_FRAG_H_
#error "rte_ip_frag.h: not provided by capdk: the IP fragmentation library (see doc/porting.md)"
#endif
