/* Logical cores: one pinned thread each, remote launch and wait. */
#ifndef CDK_LCORE_H
#define CDK_LCORE_H

#include <stdint.h>
#include "cdk_common.h"

#define CDK_LCORE_ID_ANY UINT32_MAX

typedef int (cdk_lcore_function_t)(void *arg);

enum cdk_lcore_state {
	CDK_LCORE_WAIT = 0, /* idle, may be launched */
	CDK_LCORE_RUNNING,
	CDK_LCORE_FINISHED, /* ran; result not yet collected by a wait */
};

/* Whether the main lcore also runs the function in mp_remote_launch. */
enum cdk_rmt_call_main {
	CDK_SKIP_MAIN = 0,
	CDK_CALL_MAIN,
};

extern __thread unsigned cdk_per_lcore_id;

/* The calling thread's lcore id, or CDK_LCORE_ID_ANY for other threads. */
static inline unsigned cdk_lcore_id(void)
{
	return cdk_per_lcore_id;
}

unsigned cdk_get_main_lcore(void);
unsigned cdk_lcore_count(void);
int cdk_lcore_is_enabled(unsigned lcore_id);
/* Next enabled lcore after i; skip_main; wrap around. CDK_MAX_LCORE at end. */
unsigned cdk_get_next_lcore(unsigned i, int skip_main, int wrap);
/* The CPU an lcore is pinned to, and its NUMA socket. */
int cdk_lcore_to_cpu_id(unsigned lcore_id);
unsigned cdk_lcore_to_socket_id(unsigned lcore_id);
unsigned cdk_socket_id(void);
unsigned cdk_socket_count(void);
enum cdk_lcore_state cdk_eal_get_lcore_state(unsigned lcore_id);

/* Run f(arg) on a worker lcore: -EBUSY if it is not idle. */
int cdk_eal_remote_launch(cdk_lcore_function_t *f, void *arg, unsigned worker);
/* On every worker (and on the main lcore too with CDK_CALL_MAIN). */
int cdk_eal_mp_remote_launch(cdk_lcore_function_t *f, void *arg,
			     enum cdk_rmt_call_main call_main);
/* Wait for a worker to finish; returns its function's result (or 0 if idle). */
int cdk_eal_wait_lcore(unsigned worker);
/* Wait for every worker. */
void cdk_eal_mp_wait_lcore(void);

#define CDK_LCORE_FOREACH(i)                                           \
	for (i = cdk_get_next_lcore(-1, 0, 0); i < CDK_MAX_LCORE;      \
	     i = cdk_get_next_lcore(i, 0, 0))

#define CDK_LCORE_FOREACH_WORKER(i)                                    \
	for (i = cdk_get_next_lcore(-1, 1, 0); i < CDK_MAX_LCORE;      \
	     i = cdk_get_next_lcore(i, 1, 0))

#endif
