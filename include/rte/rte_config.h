/* What DPDK's pkg-config file forces into every compile (-include). */
#ifndef _RTE_CONFIG_H_
#define _RTE_CONFIG_H_

#include <rte_build_config.h>

#define RTE_EXEC_ENV_LINUXAPP 1
#define RTE_VER_PREFIX "DPDK"
#define RTE_LOG_DP_LEVEL RTE_LOG_INFO

#endif
