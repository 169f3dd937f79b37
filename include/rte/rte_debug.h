/* DPDK's rte_panic, rte_exit and assertions. */
#ifndef _RTE_DEBUG_H_
#define _RTE_DEBUG_H_

#include <execinfo.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_branch_prediction.h>
#include <rte_log.h>
#include "cdk_eal.h"

#define rte_panic(...) cdk_panic(__VA_ARGS__)
#define rte_exit cdk_exit

static inline void rte_dump_stack(void)
{
	void *frames[64];
	int n = backtrace(frames, 64);

	backtrace_symbols_fd(frames, n, STDERR_FILENO);
}

#define RTE_VERIFY(exp)                                                \
	do {                                                           \
		if (unlikely(!(exp)))                                  \
			rte_panic("line %d\tassert \"%s\" failed\n",   \
				  __LINE__, #exp);                     \
	} while (0)

#ifdef RTE_ENABLE_ASSERT
#define RTE_ASSERT(exp) RTE_VERIFY(exp)
#else
#define RTE_ASSERT(exp) do {} while (0)
#endif

#endif
