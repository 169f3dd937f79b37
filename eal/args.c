/*
 * DPDK-compatible EAL arguments, parsed into a cdk_eal_config. Parsing stops
 * at "--" (consumed) or at the first argument that is not an option. Every
 * error names the argument and what is wrong.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cdk_log.h"
#include "eal_private.h"

/* BAD("why", name, value, ...): "invalid EAL argument NAME 'VALUE': why". */
#define BAD(fmt, ...)                                                        \
	(cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_EAL,                               \
		 "invalid EAL argument %s '%s': " fmt, __VA_ARGS__), -EINVAL)

void cdk_eal_config_defaults(struct cdk_eal_config *cfg)
{
	cpu_set_t set;

	memset(cfg, 0, sizeof(*cfg));
	for (unsigned i = 0; i < CDK_MAX_LCORE; i++)
		cfg->lcore_cpu[i] = -1;
	/* Without -l/-c/--lcores, one lcore per CPU we may run on (as DPDK). */
	if (sched_getaffinity(0, sizeof(set), &set) == 0)
		for (unsigned i = 0; i < CDK_MAX_LCORE && i < CPU_SETSIZE; i++)
			if (CPU_ISSET(i, &set))
				cfg->lcore_cpu[i] = (int)i;
	cfg->main_lcore = UINT_MAX;
	cfg->proc_type = CDK_PROC_PRIMARY;
	strcpy(cfg->file_prefix, "capdk");
}

static int parse_uint(const char *s, unsigned long max, int base,
		      unsigned long *out)
{
	char *end;

	if (s == NULL || *s == '\0' || *s == '-' || isspace((unsigned char)*s))
		return -EINVAL;
	errno = 0;
	*out = strtoul(s, &end, base);
	if (errno || *end != '\0' || *out > max)
		return -EINVAL;
	return 0;
}

static int cpu_usable(long cpu)
{
	cpu_set_t set;

	return cpu >= 0 && cpu < CPU_SETSIZE &&
	       sched_getaffinity(0, sizeof(set), &set) == 0 && CPU_ISSET(cpu, &set);
}

static void clear_lcores(struct cdk_eal_config *cfg)
{
	for (unsigned i = 0; i < CDK_MAX_LCORE; i++)
		cfg->lcore_cpu[i] = -1;
}

/* One "N" or "N-M" of a core list; *end is left after it. */
static int parse_range(const char *s, char **end, long *lo, long *hi)
{
	if (!isdigit((unsigned char)*s))
		return -EINVAL;
	*lo = *hi = strtol(s, end, 10);
	if (**end == '-') {
		s = *end + 1;
		if (!isdigit((unsigned char)*s))
			return -EINVAL;
		*hi = strtol(s, end, 10);
	}
	return *lo <= *hi && *hi < CDK_MAX_LCORE ? 0 : -EINVAL;
}

static int set_lcore(struct cdk_eal_config *cfg, const char *opt,
		     const char *val, long lcore, long cpu)
{
	if (!cpu_usable(cpu))
		return BAD("cpu %ld is not available to this process",
			   opt, val, cpu);
	if (cfg->lcore_cpu[lcore] >= 0)
		return BAD("lcore %ld given twice", opt, val, lcore);
	cfg->lcore_cpu[lcore] = (int)cpu;
	return 0;
}

/* -l 0-3,5 and --lcores 0-3,4@5 (lcore@cpu). */
static int parse_corelist(struct cdk_eal_config *cfg, const char *opt,
			  const char *val, int allow_at)
{
	const char *s = val;
	char *end;
	long lo, hi, cpu;

	clear_lcores(cfg);
	while (*s) {
		if (parse_range(s, &end, &lo, &hi) < 0)
			return BAD("expected a list of cores or ranges "
				   "like 0-3,5 (each below %d)", opt, val, CDK_MAX_LCORE);
		cpu = -1;
		if (*end == '@' && allow_at) {
			if (lo != hi || !isdigit((unsigned char)end[1]))
				return BAD("lcore@cpu takes one lcore and "
					   "one cpu", opt, val);
			cpu = strtol(end + 1, &end, 10);
		}
		for (long l = lo; l <= hi; l++) {
			int rc = set_lcore(cfg, opt, val, l, cpu >= 0 ? cpu : l);

			if (rc < 0)
				return rc;
		}
		if (*end == ',' && end[1] != '\0')
			end++;
		else if (*end != '\0')
			return BAD("unexpected '%c'", opt, val, *end);
		s = end;
	}
	return 0;
}

static int parse_coremask(struct cdk_eal_config *cfg, const char *val)
{
	const char *s = val;
	size_t n;
	unsigned bit = 0;
	int any = 0;

	clear_lcores(cfg);
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	n = strlen(s);
	if (n == 0)
		return BAD("expected a hexadecimal core mask", "-c", val);
	for (size_t i = n; i-- > 0; bit += 4) {
		int d = isxdigit((unsigned char)s[i])
				? (isdigit((unsigned char)s[i]) ? s[i] - '0'
							       : (tolower(s[i]) - 'a' + 10))
				: -1;
		if (d < 0)
			return BAD("'%c' is not a hexadecimal digit",
				   "-c", val, s[i]);
		for (unsigned b = 0; b < 4; b++) {
			if (!(d & (1 << b)))
				continue;
			if (bit + b >= CDK_MAX_LCORE)
				return BAD("core %u is beyond %d", "-c",
					   val, bit + b, CDK_MAX_LCORE);
			int rc = set_lcore(cfg, "-c", val, bit + b, bit + b);
			if (rc < 0)
				return rc;
			any = 1;
		}
	}
	return any ? 0 : BAD("the mask selects no core", "-c", val);
}

/* PCI address: [DDDD:]BB:DD.F, stored normalised as DDDD:BB:DD.F. */
static int parse_pci_addr(const char *s, char *out, size_t sz)
{
	unsigned dom = 0, bus, dev, fn;
	int n = 0;

	if (sscanf(s, "%x:%x:%x.%x%n", &dom, &bus, &dev, &fn, &n) == 4 &&
	    s[n] == '\0' && strchr(s, ':') != strrchr(s, ':'))
		goto ok;
	n = 0;
	dom = 0;
	if (sscanf(s, "%x:%x.%x%n", &bus, &dev, &fn, &n) == 3 && s[n] == '\0')
		goto ok;
	return -EINVAL;
ok:
	if (dom > 0xffff || bus > 0xff || dev > 0x1f || fn > 7)
		return -EINVAL;
	snprintf(out, sz, "%04x:%02x:%02x.%x", dom, bus, dev, fn);
	return 0;
}

/* NAME[,key=value...] into a devarg list; PCI names are checked. */
static int add_devarg(struct cdk_devarg *list, unsigned *n, const char *opt,
		      const char *val, int pci)
{
	struct cdk_devarg *d = &list[*n];
	const char *comma = strchr(val, ',');
	size_t len = comma ? (size_t)(comma - val) : strlen(val);
	char name[sizeof(d->name)];

	if (*n == CDK_EAL_MAX_DEVARGS)
		return BAD("more than %d devices", opt, val,
			   CDK_EAL_MAX_DEVARGS);
	if (len == 0 || len >= sizeof(name))
		return BAD("expected a device name", opt, val);
	if (comma && strlen(comma + 1) >= sizeof(d->args))
		return BAD("device arguments too long", opt, val);
	memcpy(name, val, len);
	name[len] = '\0';
	memset(d, 0, sizeof(*d));
	if (pci && parse_pci_addr(name, d->name, sizeof(d->name)) < 0)
		return BAD("expected a PCI address like 0000:00:03.0",
			   opt, val);
	if (!pci)
		strcpy(d->name, name);
	if (comma)
		strcpy(d->args, comma + 1);
	for (unsigned i = 0; i < *n; i++)
		if (strcmp(list[i].name, d->name) == 0)
			return BAD("device %s given twice", opt, val,
				   d->name);
	(*n)++;
	return 0;
}

static int parse_socket_mem(struct cdk_eal_config *cfg, const char *val)
{
	const char *s = val;
	unsigned node = 0;

	while (1) {
		char num[24];
		size_t len = strcspn(s, ",");
		unsigned long mb;

		if (node == CDK_MAX_NUMA_NODES || len == 0 || len >= sizeof(num))
			return BAD("expected megabytes per "
				   "socket, like 512,512", "--socket-mem", val);
		memcpy(num, s, len);
		num[len] = '\0';
		if (parse_uint(num, 1ul << 30, 10, &mb) < 0)
			return BAD("'%s' is not a size in MiB",
				   "--socket-mem", val, num);
		cfg->socket_mem_mb[node++] = mb;
		if (s[len] == '\0')
			break;
		s += len + 1;
	}
	cfg->socket_mem_set = 1;
	return 0;
}

/* --log-level LEVEL | TYPE:LEVEL | GLOB:LEVEL */
static int parse_log_level(const char *val)
{
	const char *colon = strrchr(val, ':');
	int level = cdk_log_parse_level(colon ? colon + 1 : val);
	char pattern[64];

	if (level < 0)
		return BAD("expected a level (1-8 or emerg, "
			   "alert, crit, err, warning, notice, info, debug), "
			   "optionally after TYPE:", "--log-level", val);
	if (colon == NULL) {
		cdk_log_set_global_level(level);
		for (int t = 0; cdk_log_get_level(t) >= 0; t++)
			cdk_log_set_level(t, level);
		return 0;
	}
	if (colon == val || (size_t)(colon - val) >= sizeof(pattern))
		return BAD("empty or too long type name",
			   "--log-level", val);
	memcpy(pattern, val, colon - val);
	pattern[colon - val] = '\0';
	cdk_log_set_level_pattern(pattern, level);
	return 0;
}

enum opt_id {
	O_L, O_C, O_LCORES, O_N, O_MAIN, O_ALLOW, O_BLOCK, O_VDEV, O_NO_PCI,
	O_NO_HUGE, O_M, O_SOCKET_MEM, O_HUGE_DIR, O_FILE_PREFIX, O_IN_MEMORY,
	O_LOG_LEVEL, O_IOVA, O_PROC_TYPE, O_HELP, O_VERSION, O_CAP_REPORT,
	O_CAP_FAULT,
};

struct opt {
	const char *lng;
	char shrt;
	int has_arg;
	enum opt_id id;
};

static const struct opt opts[] = {
	{ NULL, 'l', 1, O_L },
	{ NULL, 'c', 1, O_C },
	{ "lcores", 0, 1, O_LCORES },
	{ NULL, 'n', 1, O_N },
	{ "main-lcore", 0, 1, O_MAIN },
	{ "allow", 'a', 1, O_ALLOW },
	{ "block", 'b', 1, O_BLOCK },
	{ "vdev", 0, 1, O_VDEV },
	{ "no-pci", 0, 0, O_NO_PCI },
	{ "no-huge", 0, 0, O_NO_HUGE },
	{ NULL, 'm', 1, O_M },
	{ "socket-mem", 0, 1, O_SOCKET_MEM },
	{ "huge-dir", 0, 1, O_HUGE_DIR },
	{ "file-prefix", 0, 1, O_FILE_PREFIX },
	{ "in-memory", 0, 0, O_IN_MEMORY },
	{ "log-level", 0, 1, O_LOG_LEVEL },
	{ "iova-mode", 0, 1, O_IOVA },
	{ "proc-type", 0, 1, O_PROC_TYPE },
	{ "help", 'h', 0, O_HELP },
	{ NULL, 'v', 0, O_VERSION },
	{ "cap-report", 0, 0, O_CAP_REPORT },
	{ "cap-fault", 0, 1, O_CAP_FAULT },
};

static int apply_mem_opt(struct cdk_eal_config *cfg, enum opt_id id,
			 const char *name, const char *val)
{
	unsigned long v;
	struct stat st;

	switch (id) {
	case O_N:
		if (parse_uint(val, 32, 10, &v) < 0 || v == 0)
			return BAD("expected a number of memory "
				   "channels, 1 to 32", name, val);
		cfg->mem_channels = (unsigned)v;
		return 0;
	case O_M:
		if (parse_uint(val, 1ul << 30, 10, &v) < 0 || v == 0)
			return BAD("expected a size in MiB", name, val);
		cfg->mem_mb = v;
		return 0;
	case O_SOCKET_MEM:
		return parse_socket_mem(cfg, val);
	case O_HUGE_DIR:
		if (stat(val, &st) != 0 || !S_ISDIR(st.st_mode))
			return BAD("not a directory", name, val);
		snprintf(cfg->huge_dir, sizeof(cfg->huge_dir), "%s", val);
		return 0;
	case O_IOVA:
		if (strcmp(val, "pa") != 0 && strcmp(val, "va") != 0)
			return BAD("expected pa or va", name, val);
		cfg->iova_mode = val[0] == 'p' ? CDK_IOVA_PA : CDK_IOVA_VA;
		return 0;
	default:
		return -ENOENT;
	}
}

static int apply_opt(struct cdk_eal_config *cfg, const struct opt *o,
		     const char *name, const char *val, int *core_opts)
{
	unsigned long v;
	int rc = apply_mem_opt(cfg, o->id, name, val);

	if (rc != -ENOENT)
		return rc;
	switch (o->id) {
	case O_L: case O_C: case O_LCORES:
		if ((*core_opts)++)
			return BAD("only one of -l, -c and --lcores may "
				   "be given", name, val);
		return o->id == O_C ? parse_coremask(cfg, val)
				    : parse_corelist(cfg, name, val, o->id == O_LCORES);
	case O_MAIN:
		if (parse_uint(val, CDK_MAX_LCORE - 1, 10, &v) < 0)
			return BAD("expected an lcore id below %d",
				   name, val, CDK_MAX_LCORE);
		cfg->main_lcore = (unsigned)v;
		return 0;
	case O_ALLOW:
		return add_devarg(cfg->allow, &cfg->n_allow, name, val, 1);
	case O_BLOCK:
		return add_devarg(cfg->block, &cfg->n_block, name, val, 1);
	case O_VDEV:
		return add_devarg(cfg->vdev, &cfg->n_vdev, name, val, 0);
	case O_NO_PCI: cfg->no_pci = 1; return 0;
	case O_NO_HUGE: cfg->no_huge = 1; return 0;
	case O_IN_MEMORY: cfg->in_memory = 1; return 0;
	case O_CAP_REPORT: cfg->cap_report = 1; return 0;
	case O_FILE_PREFIX:
		if (*val == '\0' || strchr(val, '/') ||
		    strlen(val) >= sizeof(cfg->file_prefix))
			return BAD("expected a short name without '/'",
				   name, val);
		strcpy(cfg->file_prefix, val);
		return 0;
	case O_LOG_LEVEL:
		return parse_log_level(val);
	case O_PROC_TYPE:
		if (strcmp(val, "primary") == 0 || strcmp(val, "auto") == 0)
			return 0;
		if (strcmp(val, "secondary") == 0)
			return BAD("secondary processes are not "
				   "supported: capdk runs one primary process",
				   name, val);
		return BAD("expected primary, secondary or auto",
			   name, val);
	case O_CAP_FAULT:
		if (strcmp(val, "abort") != 0 && strcmp(val, "error") != 0)
			return BAD("expected abort or error", name, val);
		cfg->cap_fault_abort = val[0] == 'a';
		return 0;
	default:
		return 0;
	}
}

/* Find the option argv[*i] names, and its value (which may be argv[*i+1]). */
static const struct opt *match(int argc, char **argv, int *i, const char **val,
			       char *name, size_t namesz)
{
	const char *a = argv[*i];
	const char *eq = NULL;

	*val = NULL;
	for (size_t k = 0; k < CDK_DIM(opts); k++) {
		const struct opt *o = &opts[k];
		size_t len;

		if (a[1] == '-' && o->lng) {
			len = strlen(o->lng);
			if (strncmp(a + 2, o->lng, len) != 0 ||
			    (a[2 + len] != '\0' && a[2 + len] != '='))
				continue;
			eq = a[2 + len] == '=' ? a + 3 + len : NULL;
			snprintf(name, namesz, "--%s", o->lng);
		} else if (a[1] != '-' && o->shrt && a[1] == o->shrt) {
			eq = a[2] ? a + 2 : NULL;
			snprintf(name, namesz, "-%c", o->shrt);
		} else {
			continue;
		}
		if (!o->has_arg && eq) {
			*val = "";
			return NULL;
		}
		if (o->has_arg && !eq && *i + 1 < argc)
			eq = argv[++*i];
		*val = eq;
		return o;
	}
	return NULL;
}

static int check_combination(struct cdk_eal_config *cfg)
{
	if (cfg->n_allow && cfg->n_block)
		return BAD("allow (-a) and block (-b) lists cannot "
			   "be combined", "-a/-b", "");
	if (cfg->mem_mb && cfg->socket_mem_set)
		return BAD("give either -m or --socket-mem",
			   "-m/--socket-mem", "");
	if (cfg->no_huge && cfg->socket_mem_set)
		return BAD("cannot be used with --no-huge",
			   "--socket-mem", "");
	if (cfg->main_lcore == UINT_MAX) {
		cfg->main_lcore = 0;
		while (cfg->main_lcore < CDK_MAX_LCORE &&
		       cfg->lcore_cpu[cfg->main_lcore] < 0)
			cfg->main_lcore++;
		if (cfg->main_lcore == CDK_MAX_LCORE)
			return BAD("no lcore enabled", "-l", "");
	} else if (cfg->lcore_cpu[cfg->main_lcore] < 0) {
		char v[16];

		snprintf(v, sizeof(v), "%u", cfg->main_lcore);
		return BAD("lcore is not enabled by -l/-c/--lcores",
			   "--main-lcore", v);
	}
	for (unsigned i = 0; i < CDK_MAX_LCORE; i++)
		cfg->lcore_count += cfg->lcore_cpu[i] >= 0;
	return 0;
}

int cdk_eal_parse_args(int argc, char **argv, struct cdk_eal_config *cfg)
{
	int core_opts = 0, i, rc;
	char name[32];

	cdk_eal_config_defaults(cfg);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *val;
		const struct opt *o;

		if (strcmp(a, "--") == 0) {
			i++;
			break;
		}
		if (a[0] != '-' || a[1] == '\0')
			break;
		o = match(argc, argv, &i, &val, name, sizeof(name));
		if (o == NULL)
			return BAD("unknown option%s", a, "",
				   val ? " (it takes no value)" : "");
		if (o->has_arg && val == NULL)
			return BAD("a value is required", name, "");
		if (o->id == O_HELP) {
			cdk_eal_usage(stdout, argv[0]);
			exit(EXIT_SUCCESS);
		}
		if (o->id == O_VERSION)
			cdk_log(CDK_LOG_NOTICE, CDK_LOGTYPE_EAL, "%s", CDK_VERSION_STR);
		rc = apply_opt(cfg, o, name, val, &core_opts);
		if (rc < 0)
			return rc;
	}
	rc = check_combination(cfg);
	if (rc < 0)
		return rc;
	/* As DPDK: the application's arguments start at argv[ret], which is
	 * given the program's name so that argv + ret looks like a command. */
	argv[i - 1] = argv[0];
	return i - 1;
}
