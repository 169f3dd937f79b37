/* DPDK's logging API over capdk's logger (same levels, syslog numbering). */
#ifndef _RTE_LOG_H_
#define _RTE_LOG_H_

#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>

#include <rte_common.h>
#include "cdk_log.h"

#define RTE_LOG_EMERG CDK_LOG_EMERG
#define RTE_LOG_ALERT CDK_LOG_ALERT
#define RTE_LOG_CRIT CDK_LOG_CRIT
#define RTE_LOG_ERR CDK_LOG_ERR
#define RTE_LOG_WARNING CDK_LOG_WARNING
#define RTE_LOG_NOTICE CDK_LOG_NOTICE
#define RTE_LOG_INFO CDK_LOG_INFO
#define RTE_LOG_DEBUG CDK_LOG_DEBUG
#define RTE_LOG_MAX RTE_LOG_DEBUG

/* DPDK's static types; those capdk has no component for log as EAL. */
#define RTE_LOGTYPE_EAL CDK_LOGTYPE_EAL
#define RTE_LOGTYPE_MALLOC CDK_LOGTYPE_MEM
#define RTE_LOGTYPE_RING CDK_LOGTYPE_RING
#define RTE_LOGTYPE_MEMPOOL CDK_LOGTYPE_MEMPOOL
#define RTE_LOGTYPE_TIMER CDK_LOGTYPE_EAL
#define RTE_LOGTYPE_PMD CDK_LOGTYPE_PMD
#define RTE_LOGTYPE_HASH CDK_LOGTYPE_EAL
#define RTE_LOGTYPE_LPM CDK_LOGTYPE_EAL
#define RTE_LOGTYPE_KNI CDK_LOGTYPE_EAL
#define RTE_LOGTYPE_ACL CDK_LOGTYPE_EAL
#define RTE_LOGTYPE_POWER CDK_LOGTYPE_EAL
#define RTE_LOGTYPE_METER CDK_LOGTYPE_EAL
#define RTE_LOGTYPE_SCHED CDK_LOGTYPE_EAL
#define RTE_LOGTYPE_PORT CDK_LOGTYPE_EAL
#define RTE_LOGTYPE_TABLE CDK_LOGTYPE_EAL
#define RTE_LOGTYPE_PIPELINE CDK_LOGTYPE_EAL
#define RTE_LOGTYPE_MBUF CDK_LOGTYPE_MBUF
#define RTE_LOGTYPE_CRYPTODEV CDK_LOGTYPE_EAL
#define RTE_LOGTYPE_EFD CDK_LOGTYPE_EAL
#define RTE_LOGTYPE_EVENTDEV CDK_LOGTYPE_EAL
#define RTE_LOGTYPE_GSO CDK_LOGTYPE_EAL
/* capdk has one application type: every USERn shares it. */
#define RTE_LOGTYPE_USER1 CDK_LOGTYPE_USER1
#define RTE_LOGTYPE_USER2 CDK_LOGTYPE_USER1
#define RTE_LOGTYPE_USER3 CDK_LOGTYPE_USER1
#define RTE_LOGTYPE_USER4 CDK_LOGTYPE_USER1
#define RTE_LOGTYPE_USER5 CDK_LOGTYPE_USER1
#define RTE_LOGTYPE_USER6 CDK_LOGTYPE_USER1
#define RTE_LOGTYPE_USER7 CDK_LOGTYPE_USER1
#define RTE_LOGTYPE_USER8 CDK_LOGTYPE_USER1
#define RTE_LOGTYPE_FIRST_EXT_ID CDK_LOGTYPE_FIRST_DYNAMIC

#define rte_log cdk_log
#define rte_vlog cdk_vlog
#define rte_log_register cdk_log_register
#define rte_log_register_type_and_pick_level cdk_log_register_type_and_pick_level
#define rte_log_set_level cdk_log_set_level
#define rte_log_get_level cdk_log_get_level
#define rte_log_set_level_pattern cdk_log_set_level_pattern
#define rte_log_set_global_level(level) cdk_log_set_global_level((int)(level))
#define rte_log_get_global_level cdk_log_get_global_level
#define rte_log_get_stream cdk_log_get_stream
#define rte_openlog_stream cdk_log_set_stream

static inline int rte_log_can_log(uint32_t logtype, uint32_t level)
{
	return cdk_log_can_log((int)logtype, (int)level);
}

int rte_log_set_level_regexp(const char *regex, uint32_t level)
	__rte_capdk_unsupported("rte_log_set_level_regexp");
void rte_log_dump(FILE *f) __rte_capdk_unsupported("rte_log_dump");

#define RTE_LOG(l, t, ...) \
	rte_log(RTE_LOG_##l, RTE_LOGTYPE_##t, #t ": " __VA_ARGS__)
#define RTE_LOG_DP(l, t, ...)                                          \
	(void)((RTE_LOG_##l <= RTE_LOG_DP_LEVEL) ?                     \
	       rte_log(RTE_LOG_##l, RTE_LOGTYPE_##t, #t ": " __VA_ARGS__) : 0)

#endif
