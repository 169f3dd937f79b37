/* rte_cryptodev.h: not provided by capdk: cryptodev. */
#ifndef _RTE_CRYPTODEV_H_
#define _RTE_CRYPTODEV_H_
#error "rte_cryptodev.h: not provided by capdk: cryptodev (see doc/porting.md)"
#endif
