/* DPDK's spin-wait hint. */
#ifndef _RTE_PAUSE_H_
#define _RTE_PAUSE_H_

#include <rte_common.h>

static inline void rte_pause(void)
{
	cdk_pause();
}

#endif
