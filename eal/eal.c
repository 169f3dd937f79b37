/* cdk_eal_init and cdk_eal_cleanup: the order of startup and its undoing. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cdk_cap_authority.h"
#include "cdk_log.h"
#include "cdk_mempool.h"
#include "cdk_ring.h"
#include "eal_private.h"

static struct cdk_eal_config eal_cfg;
static int eal_initialized;
static cdk_usage_hook_t usage_hook;

enum stage { S_NONE, S_CAP, S_MEM, S_HEAP, S_LCORE, S_BUS };

static void undo(enum stage reached)
{
	switch (reached) {
	case S_BUS:
		cdk_eal_bus_cleanup();
		/* Pools and rings die with the memory: forget their names. */
		cdk_mempool_registry_reset();
		cdk_ring_registry_reset();
		/* fall through */
	case S_LCORE: cdk_eal_lcore_fini(); /* fall through */
	case S_HEAP: cdk_eal_heap_fini(); /* fall through */
	case S_MEM: cdk_eal_memory_fini(); /* fall through */
	case S_CAP: cdk_cap_authority_fini(); /* fall through */
	case S_NONE: break;
	}
}

static int bring_up(enum stage *reached)
{
	int rc;

	if ((rc = cdk_cap_authority_init()) < 0)
		return rc;
	*reached = S_CAP;
	cdk_cap_set_fault_policy(eal_cfg.cap_fault_abort ? CDK_CAP_FAULT_ABORT
							 : CDK_CAP_FAULT_ERROR);
	cdk_eal_timer_init();
	if (eal_cfg.iova_mode == CDK_IOVA_DC) /* what the devices need */
		eal_cfg.iova_mode = cdk_eal_bus_iova_mode();
	if ((rc = cdk_eal_memory_init(&eal_cfg)) < 0)
		return rc;
	*reached = S_MEM;
	if ((rc = cdk_eal_heap_init()) < 0)
		return rc;
	*reached = S_HEAP;
	if ((rc = cdk_eal_lcore_init(&eal_cfg)) < 0)
		return rc;
	*reached = S_LCORE;
	if ((rc = cdk_eal_bus_probe()) < 0)
		return rc;
	*reached = S_BUS;
	return 0;
}

int cdk_eal_init(int argc, char **argv)
{
	enum stage reached = S_NONE;
	int consumed, rc;

	if (eal_initialized) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_EAL, "cdk_eal_init: already initialised");
		return -EALREADY;
	}
	if (argc < 1 || argv == NULL || argv[0] == NULL)
		return -EINVAL;
	consumed = cdk_eal_parse_args(argc, argv, &eal_cfg);
	if (consumed < 0)
		return consumed;
	rc = bring_up(&reached);
	if (rc < 0) {
		undo(reached);
		memset(&eal_cfg, 0, sizeof(eal_cfg));
		return rc;
	}
	eal_initialized = 1;
	if (eal_cfg.cap_report) {
		FILE *f = cdk_log_get_stream();

		fprintf(f, "capability report (every slice held, by owner):\n");
		cdk_cap_report(f, NULL);
	}
	return consumed;
}

int cdk_eal_cleanup(void)
{
	if (!eal_initialized)
		return -EINVAL;
	undo(S_BUS);
	memset(&eal_cfg, 0, sizeof(eal_cfg));
	eal_initialized = 0;
	return 0;
}

int cdk_eal_initialized(void)
{
	return eal_initialized;
}

const struct cdk_eal_config *cdk_eal_get_config(void)
{
	return &eal_cfg;
}

enum cdk_proc_type cdk_eal_process_type(void)
{
	return CDK_PROC_PRIMARY;
}

int cdk_eal_has_pci(void)
{
	return !eal_cfg.no_pci;
}

cdk_usage_hook_t cdk_set_application_usage_hook(cdk_usage_hook_t hook)
{
	cdk_usage_hook_t old = usage_hook;

	usage_hook = hook;
	return old;
}

void cdk_eal_usage(FILE *f, const char *prgname)
{
	fprintf(f,
		"Usage: %s [EAL options] -- [application options]\n\n"
		"EAL options (as DPDK's):\n"
		"  -l CORELIST           lcores to run on: 0-3,5\n"
		"  -c COREMASK           lcores as a hexadecimal mask\n"
		"  --lcores LIST         lcore list, with lcore@cpu mappings: 0-1,2@3\n"
		"  --main-lcore ID       the main lcore (default: the first)\n"
		"  -n CHANNELS           memory channels\n"
		"  -a, --allow PCI[,k=v] use only these PCI devices\n"
		"  -b, --block PCI       never use these PCI devices\n"
		"  --vdev NAME[,k=v...]  add a virtual device (net_null0, net_ring0, net_pcap0...)\n"
		"  --no-pci              no PCI bus\n"
		"  --no-huge             anonymous memory instead of hugepages\n"
		"  -m MB                 memory to reserve\n"
		"  --socket-mem MB,MB    memory per NUMA socket\n"
		"  --huge-dir DIR        hugetlbfs mount to use\n"
		"  --file-prefix NAME    name of this instance's runtime files\n"
		"  --in-memory           keep no runtime files\n"
		"  --log-level [TYPE:]LEVEL  log level, globally or of a type (glob)\n"
		"  --iova-mode pa|va     device addresses: physical or virtual\n"
		"  --proc-type primary|auto\n"
		"  -h, --help            this help\n"
		"  -v                    print the version\n"
		"capdk options:\n"
		"  --cap-report          print every capability slice held, per owner\n"
		"  --cap-fault abort|error  on a capability fault: abort (CHERI-like)\n"
		"                        or return an error (default)\n",
		prgname ? prgname : "capdk-app");
	if (usage_hook)
		usage_hook(prgname);
}

void cdk_exit(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cdk_vlog(CDK_LOG_CRIT, CDK_LOGTYPE_EAL, fmt, ap);
	va_end(ap);
	exit(code);
}

void cdk_panic_(const char *func, const char *fmt, ...)
{
	va_list ap;

	cdk_log(CDK_LOG_CRIT, CDK_LOGTYPE_EAL, "PANIC in %s():", func);
	va_start(ap, fmt);
	cdk_vlog(CDK_LOG_CRIT, CDK_LOGTYPE_EAL, fmt, ap);
	va_end(ap);
	abort();
}
