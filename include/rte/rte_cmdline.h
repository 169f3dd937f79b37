/* rte_cmdline.h: not provided by capdk: the command-line library. */
#ifndef _RTE_CMDLINE_H_
#define _RTE_CMDLINE_H_
#error "rte_cmdline.h: not provided by capdk: the command-line library (see doc/porting.md)"
#endif
