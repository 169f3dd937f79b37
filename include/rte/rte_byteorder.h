/* DPDK's byte-order types and conversions. */
#ifndef _RTE_BYTEORDER_H_
#define _RTE_BYTEORDER_H_

#include <stdint.h>

#include <rte_common.h>
#include "cdk_net.h"

#define RTE_BIG_ENDIAN 1
#define RTE_LITTLE_ENDIAN 2
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define RTE_BYTE_ORDER RTE_LITTLE_ENDIAN
#else
#define RTE_BYTE_ORDER RTE_BIG_ENDIAN
#endif

typedef cdk_be16_t rte_be16_t;
typedef cdk_be32_t rte_be32_t;
typedef cdk_be64_t rte_be64_t;
typedef cdk_le16_t rte_le16_t;
typedef cdk_le32_t rte_le32_t;
typedef cdk_le64_t rte_le64_t;

#define RTE_STATIC_BSWAP16(v) CDK_STATIC_BSWAP16(v)
#define RTE_STATIC_BSWAP32(v) CDK_STATIC_BSWAP32(v)
#define RTE_STATIC_BSWAP64(v)                                             \
	((uint64_t)(((uint64_t)CDK_STATIC_BSWAP32((uint32_t)(v)) << 32) | \
		    CDK_STATIC_BSWAP32((uint32_t)((uint64_t)(v) >> 32))))

#define rte_bswap16(x) cdk_bswap16(x)
#define rte_bswap32(x) cdk_bswap32(x)
#define rte_bswap64(x) cdk_bswap64(x)
#define rte_constant_bswap16(x) RTE_STATIC_BSWAP16(x)
#define rte_constant_bswap32(x) RTE_STATIC_BSWAP32(x)
#define rte_constant_bswap64(x) RTE_STATIC_BSWAP64(x)

#define RTE_BE16(v) CDK_BE16(v)
#define RTE_BE32(v) CDK_BE32(v)
#define RTE_LE16(v) CDK_LE16(v)
#define RTE_LE32(v) CDK_LE32(v)
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define RTE_BE64(v) ((rte_be64_t)RTE_STATIC_BSWAP64(v))
#define RTE_LE64(v) ((rte_le64_t)(v))
#else
#define RTE_BE64(v) ((rte_be64_t)(v))
#define RTE_LE64(v) ((rte_le64_t)RTE_STATIC_BSWAP64(v))
#endif

#define rte_cpu_to_be_16(x) cdk_cpu_to_be_16(x)
#define rte_cpu_to_be_32(x) cdk_cpu_to_be_32(x)
#define rte_cpu_to_be_64(x) cdk_cpu_to_be_64(x)
#define rte_cpu_to_le_16(x) cdk_cpu_to_le_16(x)
#define rte_cpu_to_le_32(x) cdk_cpu_to_le_32(x)
#define rte_cpu_to_le_64(x) cdk_cpu_to_le_64(x)
#define rte_be_to_cpu_16(x) cdk_be_to_cpu_16(x)
#define rte_be_to_cpu_32(x) cdk_be_to_cpu_32(x)
#define rte_be_to_cpu_64(x) cdk_be_to_cpu_64(x)
#define rte_le_to_cpu_16(x) cdk_le_to_cpu_16(x)
#define rte_le_to_cpu_32(x) cdk_le_to_cpu_32(x)
#define rte_le_to_cpu_64(x) cdk_le_to_cpu_64(x)

#endif
