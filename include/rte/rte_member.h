/* rte_member.h: not provided by capdk: the member library. */
#ifndef _RTE_MEMBER_H_
#define _RTE_MEMBER_H_
#error "rte_member.h: not provided by capdk: the member library (see doc/porting.md)"
#endif
