/* DPDK's remote launch of functions on worker lcores. */
#ifndef _RTE_LAUNCH_H_
#define _RTE_LAUNCH_H_

#include <rte_common.h>
#include "cdk_lcore.h"

/* DPDK 22.11 has two states: a worker whose function has returned is WAIT
 * again (its result kept for rte_eal_wait_lcore). */
enum rte_lcore_state_t {
	WAIT,
	RUNNING,
};

typedef int (lcore_function_t)(void *);

enum rte_rmt_call_main_t {
	SKIP_MAIN = 0,
	CALL_MAIN,
};

static inline int rte_eal_remote_launch(lcore_function_t *f, void *arg,
					unsigned worker_id)
{
	return cdk_eal_remote_launch(f, arg, worker_id);
}

static inline int rte_eal_mp_remote_launch(lcore_function_t *f, void *arg,
					   enum rte_rmt_call_main_t call_main)
{
	return cdk_eal_mp_remote_launch(f, arg, call_main == CALL_MAIN ?
					CDK_CALL_MAIN : CDK_SKIP_MAIN);
}

static inline enum rte_lcore_state_t rte_eal_get_lcore_state(unsigned worker_id)
{
	return cdk_eal_get_lcore_state(worker_id) == CDK_LCORE_RUNNING ?
		       RUNNING : WAIT;
}

static inline int rte_eal_wait_lcore(unsigned worker_id)
{
	return cdk_eal_wait_lcore(worker_id);
}

static inline void rte_eal_mp_wait_lcore(void)
{
	cdk_eal_mp_wait_lcore();
}

#endif
