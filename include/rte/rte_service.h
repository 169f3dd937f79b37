/* rte_service.h: not provided by capdk: service cores. */
#ifndef _RTE_SERVICE_H_
#define _RTE_SERVICE_H_
#error "rte_service.h: not provided by capdk: service cores (see doc/porting.md)"
#endif
