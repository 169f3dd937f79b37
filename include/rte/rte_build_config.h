/*
 * DPDK build-configuration macros, with the values capdk is built with.
 * Limits that size application arrays (lcores, ports, queues) are capdk's
 * own; the headers that use them check that they agree.
 */
#ifndef _RTE_BUILD_CONFIG_H_
#define _RTE_BUILD_CONFIG_H_

#if !defined(__x86_64__)
#error "capdk's DPDK compatibility headers support x86_64 only"
#endif

#define RTE_CAPDK 1 /* built against capdk, not DPDK */

#define RTE_ARCH x86_64
#define RTE_ARCH_64 1
#define RTE_ARCH_X86 1
#define RTE_ARCH_X86_64 1
#define RTE_EXEC_ENV 1
#define RTE_EXEC_ENV_NAME linux
#define RTE_EXEC_ENV_LINUX 1
#define RTE_EXEC_ENV_IS_LINUX 1
#define RTE_EXEC_ENV_IS_FREEBSD 0
#define RTE_EXEC_ENV_IS_WINDOWS 0
#define RTE_TOOLCHAIN_GCC 1
#define RTE_IOVA_AS_PA 1 /* struct rte_mbuf has buf_iova */

#define RTE_CACHE_LINE_SIZE 64
#define RTE_MAX_LCORE 128
#define RTE_MAX_NUMA_NODES 8
#define RTE_MAX_ETHPORTS 32
#define RTE_MAX_QUEUES_PER_PORT 16
#define RTE_ETHDEV_QUEUE_STAT_CNTRS 16
#define RTE_ETHDEV_RXTX_CALLBACKS 1
#define RTE_PKTMBUF_HEADROOM 128
#define RTE_MEMPOOL_CACHE_MAX_SIZE 512
#define RTE_MBUF_DEFAULT_MEMPOOL_OPS "ring_mp_mc"

#define RTE_VER_YEAR 22
#define RTE_VER_MONTH 11
#define RTE_VER_MINOR 0
#define RTE_VER_SUFFIX ""
#define RTE_VER_RELEASE 99

#endif
