/* rte_security.h: not provided by capdk: the security library. */
#ifndef _RTE_SECURITY_H_
#define _RTE_SECURITY_H_
#error "rte_security.h: not provided by capdk: the security library (see doc/porting.md)"
#endif
