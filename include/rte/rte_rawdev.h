/* rte_rawdev.h: not provided by capdk: rawdev. */
#ifndef _RTE_RAWDEV_H_
#define _RTE_RAWDEV_H_
#error "rte_rawdev.h: not provided by capdk: rawdev (see doc/porting.md)"
#endif
