/* rte_bitrate.h: not provided by capdk: bitrate statistics. */
#ifndef _RTE_BITRATE_H_
#define _RTE_BITRATE_H_
#error "rte_bitrate.h: not provided by capdk: bitrate statistics (see doc/porting.md)"
#endif
