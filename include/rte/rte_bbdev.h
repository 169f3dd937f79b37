/* rte_bbdev.h: not provided by capdk: bbdev. */
#ifndef _RTE_BBDEV_H_
#define _RTE_BBDEV_H_
#error "rte_bbdev.h: not provided by capdk: bbdev (see doc/porting.md)"
#endif
