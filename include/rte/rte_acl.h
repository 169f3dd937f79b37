/* rte_acl.h: not provided by capdk: the ACL library. */
#ifndef _RTE_ACL_H_
#define _RTE_ACL_H_
#error "rte_acl.h: not provided by capdk: the ACL library (see doc/porting.md)"
#endif
