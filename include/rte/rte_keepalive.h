/* rte_keepalive.h: not provided by capdk: keepalive. */
#ifndef _RTE_KEEPALIVE_H_
#define _RTE_KEEPALIVE_H_
#error "rte_keepalive.h: not provided by capdk: keepalive (see doc/porting.md)"
#endif
