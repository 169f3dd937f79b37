/* DPDK's branch hints. */
#ifndef _RTE_BRANCH_PREDICTION_H_
#define _RTE_BRANCH_PREDICTION_H_

#include "cdk_common.h"

#ifndef likely
#define likely(x) cdk_likely(x)
#endif
#ifndef unlikely
#define unlikely(x) cdk_unlikely(x)
#endif

#endif
