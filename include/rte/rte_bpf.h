/* rte_bpf.h: not provided by capdk: BPF. */
#ifndef _RTE_BPF_H_
#define _RTE_BPF_H_
#error "rte_bpf.h: not provided by capdk: BPF (see doc/porting.md)"
#endif
