/* The environment abstraction layer: startup, arguments, configuration. */
#ifndef CDK_EAL_H
#define CDK_EAL_H

#include <stdint.h>
#include <stdio.h>
#include "cdk_common.h"
#include "cdk_memory.h"
#include "cdk_lcore.h"
#include "cdk_log.h"
#include "cdk_cycles.h"

#define CDK_VERSION_STR "capdk 0.1.0"

enum cdk_proc_type {
	CDK_PROC_AUTO = -1,
	CDK_PROC_PRIMARY = 0,
	CDK_PROC_SECONDARY,
};

#define CDK_EAL_MAX_DEVARGS 64
#define CDK_PCI_ADDR_LEN 32

/* A device named on the command line (-a, -b, --vdev). */
struct cdk_devarg {
	char name[64]; /* PCI address or vdev name */
	char args[256]; /* key=value,... (may be empty) */
};

/* What the arguments asked for (read-only after cdk_eal_init). */
struct cdk_eal_config {
	unsigned main_lcore;
	unsigned lcore_count;
	int lcore_cpu[CDK_MAX_LCORE]; /* -1: lcore not enabled */
	unsigned mem_channels;
	size_t mem_mb;                        /* -m */
	size_t socket_mem_mb[CDK_MAX_NUMA_NODES]; /* --socket-mem */
	int socket_mem_set;
	int no_huge;
	int no_pci;
	int in_memory;
	char huge_dir[256];
	char file_prefix[64];
	enum cdk_iova_mode iova_mode; /* requested; DC = choose */
	enum cdk_proc_type proc_type;
	int cap_report;
	int cap_fault_abort;
	unsigned n_allow, n_block, n_vdev;
	struct cdk_devarg allow[CDK_EAL_MAX_DEVARGS];
	struct cdk_devarg block[CDK_EAL_MAX_DEVARGS];
	struct cdk_devarg vdev[CDK_EAL_MAX_DEVARGS];
};

/*
 * Parse the EAL arguments (up to "--" or the first non-EAL argument), set up
 * logging, memory, lcores, the capability authority and the buses. Returns
 * the number of arguments consumed (argv[0] included, as DPDK), or a negative
 * errno (-EINVAL for bad arguments, with a message naming the argument);
 * nothing is left initialised on failure. As in DPDK, -h/--help prints the
 * usage and exits the program with status 0; -v logs the version and goes on.
 */
int cdk_eal_init(int argc, char **argv);

/* Release everything cdk_eal_init set up; a new init may follow. */
int cdk_eal_cleanup(void);

int cdk_eal_initialized(void);
const struct cdk_eal_config *cdk_eal_get_config(void);
enum cdk_proc_type cdk_eal_process_type(void);
int cdk_eal_has_pci(void);

/* Print the EAL's usage to f. */
void cdk_eal_usage(FILE *f, const char *prgname);

/* The application's usage hook, printed after the EAL's with -h. */
typedef void (*cdk_usage_hook_t)(const char *prgname);
cdk_usage_hook_t cdk_set_application_usage_hook(cdk_usage_hook_t hook);

/* Stop the program with a message (DPDK's rte_exit). */
void cdk_exit(int code, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 2, 3)));
/* Print a message and abort (DPDK's rte_panic). */
#define cdk_panic(...) cdk_panic_(__func__, __VA_ARGS__)
void cdk_panic_(const char *func, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 2, 3)));

/* Bus hooks the EAL runs at init (probe) and cleanup (remove), in order. */
struct cdk_bus {
	const char *name;
	/* Before memory: the IOVA mode its devices need (DC: either). */
	enum cdk_iova_mode (*iova_mode)(void);
	int (*scan)(void);   /* find devices */
	int (*probe)(void);  /* attach drivers */
	void (*cleanup)(void);
	struct cdk_bus *next;
};
void cdk_bus_register(struct cdk_bus *bus);

#define CDK_INIT_PRIO(name, prio)                                      \
	static void __attribute__((constructor(prio), used)) name(void)

#endif
