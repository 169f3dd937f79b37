/* The EAL logger: per-type levels, a global ceiling, one output stream. */
#include <errno.h>
#include <fnmatch.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cdk_log.h"
#include "cdk_common.h"

#define LOG_MAX_TYPES 128
#define LOG_DEFAULT_LEVEL CDK_LOG_INFO

struct log_type {
	char name[48];
	int level;
};

static struct log_type log_types[LOG_MAX_TYPES] = {
	[CDK_LOGTYPE_EAL] = { "eal", LOG_DEFAULT_LEVEL },
	[CDK_LOGTYPE_CAP] = { "cap", LOG_DEFAULT_LEVEL },
	[CDK_LOGTYPE_MEM] = { "mem", LOG_DEFAULT_LEVEL },
	[CDK_LOGTYPE_LCORE] = { "lcore", LOG_DEFAULT_LEVEL },
	[CDK_LOGTYPE_RING] = { "ring", LOG_DEFAULT_LEVEL },
	[CDK_LOGTYPE_MEMPOOL] = { "mempool", LOG_DEFAULT_LEVEL },
	[CDK_LOGTYPE_MBUF] = { "mbuf", LOG_DEFAULT_LEVEL },
	[CDK_LOGTYPE_ETHDEV] = { "ethdev", LOG_DEFAULT_LEVEL },
	[CDK_LOGTYPE_PMD] = { "pmd", LOG_DEFAULT_LEVEL },
	[CDK_LOGTYPE_SIM] = { "sim", LOG_DEFAULT_LEVEL },
	[CDK_LOGTYPE_USER1] = { "user1", LOG_DEFAULT_LEVEL },
};
static int log_ntypes = CDK_LOGTYPE_FIRST_DYNAMIC;
static int log_global_level = CDK_LOG_DEBUG;
static FILE *log_stream;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;

static const char *const level_names[] = {
	NULL, "emerg", "alert", "crit", "err", "warning", "notice", "info", "debug",
};

int cdk_log_parse_level(const char *s)
{
	char *end;
	long v;

	if (s == NULL || *s == '\0')
		return -EINVAL;
	for (int i = CDK_LOG_EMERG; i <= CDK_LOG_MAX; i++)
		if (strcasecmp(s, level_names[i]) == 0)
			return i;
	if (strcasecmp(s, "error") == 0)
		return CDK_LOG_ERR;
	if (strcasecmp(s, "warn") == 0)
		return CDK_LOG_WARNING;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end != '\0' || v < CDK_LOG_EMERG || v > CDK_LOG_MAX)
		return -EINVAL;
	return (int)v;
}

static int find_type(const char *name)
{
	for (int i = 0; i < log_ntypes; i++)
		if (log_types[i].name[0] && strcmp(log_types[i].name, name) == 0)
			return i;
	return -1;
}

int cdk_log_register_type_and_pick_level(const char *name, int level)
{
	int id;

	if (name == NULL || *name == '\0' || strlen(name) >= sizeof(log_types[0].name))
		return -EINVAL;
	pthread_mutex_lock(&log_lock);
	id = find_type(name);
	if (id < 0) {
		if (log_ntypes == LOG_MAX_TYPES) {
			pthread_mutex_unlock(&log_lock);
			return -ENOSPC;
		}
		id = log_ntypes++;
		strcpy(log_types[id].name, name);
		log_types[id].level = level;
	}
	pthread_mutex_unlock(&log_lock);
	return id;
}

int cdk_log_register(const char *name)
{
	return cdk_log_register_type_and_pick_level(name, LOG_DEFAULT_LEVEL);
}

int cdk_log_set_level(int type, int level)
{
	if (type < 0 || type >= log_ntypes || level < CDK_LOG_EMERG ||
	    level > CDK_LOG_MAX)
		return -EINVAL;
	log_types[type].level = level;
	return 0;
}

int cdk_log_get_level(int type)
{
	if (type < 0 || type >= log_ntypes)
		return -EINVAL;
	return log_types[type].level;
}

int cdk_log_set_level_pattern(const char *pattern, int level)
{
	int n = 0;

	if (pattern == NULL || level < CDK_LOG_EMERG || level > CDK_LOG_MAX)
		return -EINVAL;
	for (int i = 0; i < log_ntypes; i++)
		if (log_types[i].name[0] &&
		    fnmatch(pattern, log_types[i].name, 0) == 0) {
			log_types[i].level = level;
			n++;
		}
	return n;
}

void cdk_log_set_global_level(int level)
{
	log_global_level = level;
}

int cdk_log_get_global_level(void)
{
	return log_global_level;
}

int cdk_log_set_stream(FILE *f)
{
	log_stream = f;
	return 0;
}

FILE *cdk_log_get_stream(void)
{
	return log_stream ? log_stream : stderr;
}

const char *cdk_log_type_name(int type)
{
	if (type < 0 || type >= log_ntypes)
		return "?";
	return log_types[type].name;
}

void cdk_log_reset(void)
{
	for (int i = 0; i < log_ntypes; i++)
		log_types[i].level = LOG_DEFAULT_LEVEL;
	log_global_level = CDK_LOG_DEBUG;
	log_stream = NULL;
}

int cdk_log_can_log(int type, int level)
{
	if (level > log_global_level)
		return 0;
	if (type < 0 || type >= log_ntypes)
		return level <= LOG_DEFAULT_LEVEL;
	return level <= log_types[type].level;
}

int cdk_vlog(int level, int type, const char *fmt, va_list ap)
{
	FILE *f = cdk_log_get_stream();
	char msg[1024];
	int n;

	if (!cdk_log_can_log(type, level))
		return 0;
	n = vsnprintf(msg, sizeof(msg), fmt, ap);
	if (n < 0)
		return -EINVAL;
	/* One fprintf per message so that lines from lcores do not interleave. */
	n = strlen(msg);
	fprintf(f, "%s: %s%s", cdk_log_type_name(type), msg,
		n && msg[n - 1] == '\n' ? "" : "\n");
	fflush(f);
	return 0;
}

int cdk_log(int level, int type, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = cdk_vlog(level, type, fmt, ap);
	va_end(ap);
	return rc;
}
