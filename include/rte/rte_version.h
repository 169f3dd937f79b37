/* DPDK's version macros: capdk implements DPDK 22.11's API. */
#ifndef _RTE_VERSION_H_
#define _RTE_VERSION_H_

#include <rte_config.h>
#include "cdk_eal.h"

#define RTE_VERSION_NUM(a, b, c, d) ((a) << 24 | (b) << 16 | (c) << 8 | (d))
#define RTE_VERSION \
	RTE_VERSION_NUM(RTE_VER_YEAR, RTE_VER_MONTH, RTE_VER_MINOR, RTE_VER_RELEASE)

static inline const char *rte_version(void)
{
	return RTE_VER_PREFIX " 22.11.0 (API of), " CDK_VERSION_STR;
}

#endif
