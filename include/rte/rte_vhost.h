/* rte_vhost.h: not provided by capdk: vhost. */
#ifndef _RTE_VHOST_H_
#define _RTE_VHOST_H_
#error "rte_vhost.h: not provided by capdk: vhost (see doc/porting.md)"
#endif
