/* DPDK's EAL entry points over cdk_eal_init and friends. */
#ifndef _RTE_EAL_H_
#define _RTE_EAL_H_

#include <stdint.h>
#include <stdio.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_debug.h>
#include <rte_per_lcore.h>
#include "cdk_eal.h"
#include "cdk_memory.h"

#define RTE_MAGIC 19820526

enum rte_proc_type_t {
	RTE_PROC_AUTO = CDK_PROC_AUTO,
	RTE_PROC_PRIMARY = CDK_PROC_PRIMARY,
	RTE_PROC_SECONDARY = CDK_PROC_SECONDARY,
	RTE_PROC_INVALID
};

enum rte_iova_mode {
	RTE_IOVA_DC = CDK_IOVA_DC,
	RTE_IOVA_PA = CDK_IOVA_PA,
	RTE_IOVA_VA = CDK_IOVA_VA,
};
_Static_assert(CDK_IOVA_PA == 1 && CDK_IOVA_VA == 2,
	       "IOVA modes must have DPDK's values");

typedef void (*rte_usage_hook_t)(const char *prgname);

/*
 * As DPDK: the number of arguments parsed, or -1 with rte_errno set
 * (capdk returns -errno).
 */
static inline int rte_eal_init(int argc, char **argv)
{
	int rc = cdk_eal_init(argc, argv);

	if (rc < 0) {
		rte_errno = -rc;
		return -1;
	}
	return rc;
}

/* 0, or a negative errno (as DPDK). */
static inline int rte_eal_cleanup(void)
{
	return cdk_eal_cleanup();
}

static inline enum rte_proc_type_t rte_eal_process_type(void)
{
	return (enum rte_proc_type_t)cdk_eal_process_type();
}

static inline int rte_eal_has_pci(void)
{
	return cdk_eal_has_pci();
}

static inline int rte_eal_has_hugepages(void)
{
	return cdk_eal_has_hugepages();
}

static inline enum rte_iova_mode rte_eal_iova_mode(void)
{
	return (enum rte_iova_mode)cdk_eal_iova_mode();
}

static inline int rte_eal_primary_proc_alive(const char *config_file_path)
{
	(void)config_file_path;
	return 0; /* capdk runs primary processes only */
}

static inline rte_usage_hook_t rte_set_application_usage_hook(rte_usage_hook_t hook)
{
	return cdk_set_application_usage_hook(hook);
}

const char *rte_eal_get_runtime_dir(void)
	__rte_capdk_unsupported("rte_eal_get_runtime_dir");
int rte_eal_create_uio_dev(void) __rte_capdk_unsupported("rte_eal_create_uio_dev");
int rte_mp_action_register(const char *name, void *action)
	__rte_capdk_unsupported("rte_mp_action_register (multi-process)");
int rte_mp_sendmsg(void *msg) __rte_capdk_unsupported("rte_mp_sendmsg (multi-process)");
int rte_mp_request_sync(void *req, void *reply, const void *ts)
	__rte_capdk_unsupported("rte_mp_request_sync (multi-process)");

#endif
