/* DPDK's lcore API: ids, sockets, iteration. */
#ifndef _RTE_LCORE_H_
#define _RTE_LCORE_H_

#include <rte_common.h>
#include <rte_per_lcore.h>
#include <rte_eal.h>
#include <rte_launch.h>
#include <rte_memory.h>
#include "cdk_lcore.h"

#define LCORE_ID_ANY CDK_LCORE_ID_ANY

enum rte_lcore_role_t {
	ROLE_RTE,
	ROLE_OFF,
	ROLE_SERVICE,
	ROLE_NON_EAL,
};

static inline unsigned rte_lcore_id(void)
{
	return cdk_lcore_id();
}

static inline unsigned rte_get_main_lcore(void)
{
	return cdk_get_main_lcore();
}

static inline unsigned rte_lcore_count(void)
{
	return cdk_lcore_count();
}

static inline int rte_lcore_is_enabled(unsigned lcore_id)
{
	return cdk_lcore_is_enabled(lcore_id);
}

static inline unsigned rte_get_next_lcore(unsigned i, int skip_main, int wrap)
{
	return cdk_get_next_lcore(i, skip_main, wrap);
}

static inline enum rte_lcore_role_t rte_eal_lcore_role(unsigned lcore_id)
{
	return lcore_id < RTE_MAX_LCORE && cdk_lcore_is_enabled(lcore_id) ?
		       ROLE_RTE : ROLE_OFF;
}

static inline int rte_lcore_has_role(unsigned lcore_id, enum rte_lcore_role_t role)
{
	if (lcore_id >= RTE_MAX_LCORE)
		return -EINVAL;
	return rte_eal_lcore_role(lcore_id) == role;
}

static inline unsigned rte_socket_id(void)
{
	return cdk_socket_id();
}

static inline unsigned rte_socket_count(void)
{
	return cdk_socket_count();
}

static inline unsigned rte_lcore_to_socket_id(unsigned lcore_id)
{
	return cdk_lcore_to_socket_id(lcore_id);
}

static inline int rte_lcore_to_cpu_id(int lcore_id)
{
	return cdk_lcore_to_cpu_id((unsigned)lcore_id);
}

int rte_lcore_index(int lcore_id) __rte_capdk_unsupported("rte_lcore_index");
int rte_socket_id_by_idx(unsigned idx) __rte_capdk_unsupported("rte_socket_id_by_idx");
int rte_thread_register(void) __rte_capdk_unsupported("rte_thread_register");
int rte_ctrl_thread_create(void *thread, const char *name, const void *attr,
			   void *(*start_routine)(void *), void *arg)
	__rte_capdk_unsupported("rte_ctrl_thread_create");
int rte_thread_set_affinity(void *cpusetp)
	__rte_capdk_unsupported("rte_thread_set_affinity");

#define RTE_LCORE_FOREACH(i) CDK_LCORE_FOREACH(i)
#define RTE_LCORE_FOREACH_WORKER(i) CDK_LCORE_FOREACH_WORKER(i)

#endif
