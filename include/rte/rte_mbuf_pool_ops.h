/* rte_mbuf_pool_ops.h: not provided by capdk: mempool drivers. */
#ifndef _RTE_MBUF_POOL_OPS_H_
#define _RTE_MBUF_POOL_OPS_H_
#error "rte_mbuf_pool_ops.h: not provided by capdk: mempool drivers (see doc/porting.md)"
#endif
