/* The EAL logger: levels, per-component types, stderr by default. */
#ifndef CDK_LOG_H
#define CDK_LOG_H

#include <stdarg.h>
#include <stdio.h>

/* Levels follow syslog's numbering, as DPDK's do. */
#define CDK_LOG_EMERG 1
#define CDK_LOG_ALERT 2
#define CDK_LOG_CRIT 3
#define CDK_LOG_ERR 4
#define CDK_LOG_WARNING 5
#define CDK_LOG_NOTICE 6
#define CDK_LOG_INFO 7
#define CDK_LOG_DEBUG 8
#define CDK_LOG_MAX CDK_LOG_DEBUG

/* Built-in component types; drivers register more with cdk_log_register. */
enum {
	CDK_LOGTYPE_EAL = 0,
	CDK_LOGTYPE_CAP,
	CDK_LOGTYPE_MEM,
	CDK_LOGTYPE_LCORE,
	CDK_LOGTYPE_RING,
	CDK_LOGTYPE_MEMPOOL,
	CDK_LOGTYPE_MBUF,
	CDK_LOGTYPE_ETHDEV,
	CDK_LOGTYPE_PMD,
	CDK_LOGTYPE_SIM,
	CDK_LOGTYPE_USER1,
	CDK_LOGTYPE_FIRST_DYNAMIC
};

/* Register (or look up) a component by name; returns its type id or -errno. */
int cdk_log_register(const char *name);
/* Register with a default level. */
int cdk_log_register_type_and_pick_level(const char *name, int level);
int cdk_log_set_level(int type, int level);
int cdk_log_get_level(int type);
/* Set the level of every type whose name matches a glob pattern. */
int cdk_log_set_level_pattern(const char *pattern, int level);
void cdk_log_set_global_level(int level);
int cdk_log_get_global_level(void);
/* Parse "debug", "info", ..., or a number 1-8; returns the level or -EINVAL. */
int cdk_log_parse_level(const char *s);
/* Where messages go; NULL restores stderr. */
int cdk_log_set_stream(FILE *f);
FILE *cdk_log_get_stream(void);
const char *cdk_log_type_name(int type);

int cdk_log_can_log(int type, int level);
int cdk_log(int level, int type, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int cdk_vlog(int level, int type, const char *fmt, va_list ap);

/* Restore defaults (levels and stream); used by cdk_eal_cleanup. */
void cdk_log_reset(void);

#define CDK_LOG(lvl, t, ...) \
	cdk_log(CDK_LOG_##lvl, CDK_LOGTYPE_##t, __VA_ARGS__)

#endif
