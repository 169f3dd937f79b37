/* rte_dmadev.h: not provided by capdk: dmadev. */
#ifndef _RTE_DMADEV_H_
#define _RTE_DMADEV_H_
#error "rte_dmadev.h: not provided by capdk: dmadev (see doc/porting.md)"
#endif
