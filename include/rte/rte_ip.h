/* DPDK's IP definitions: struct rte_ipv4_hdr is struct cdk_ipv4_hdr. */
#ifndef _RTE_IP_H_
#define _RTE_IP_H_

#include <stdint.h>
#include <netinet/in.h>

#include <rte_common.h>
#include <rte_byteorder.h>
#include <rte_mbuf.h>
#include "cdk_net.h"

#define rte_ipv4_hdr cdk_ipv4_hdr

#define RTE_IPV4(a, b, c, d) CDK_IPV4(a, b, c, d)
#define RTE_IPV4_HDR_IHL_MASK CDK_IPV4_HDR_IHL_MASK
#define RTE_IPV4_IHL_MULTIPLIER CDK_IPV4_IHL_MULTIPLIER
#define RTE_IPV4_VHL_DEF CDK_IPV4_VHL_DEF
#define RTE_IPV4_HDR_DF_SHIFT CDK_IPV4_HDR_DF_SHIFT
#define RTE_IPV4_HDR_MF_SHIFT CDK_IPV4_HDR_MF_SHIFT
#define RTE_IPV4_HDR_DF_FLAG CDK_IPV4_HDR_DF_FLAG
#define RTE_IPV4_HDR_MF_FLAG CDK_IPV4_HDR_MF_FLAG
#define RTE_IPV4_HDR_OFFSET_MASK CDK_IPV4_HDR_OFFSET_MASK
#define RTE_IPV4_HDR_OFFSET_UNITS 8
#define RTE_IPV4_MIN_IHL CDK_IPV4_MIN_IHL
#define RTE_IPV4_MAX_IHL CDK_IPV4_MAX_IHL
#define RTE_IPV4_ANY ((uint32_t)0x00000000)
#define RTE_IPV4_LOOPBACK ((uint32_t)0x7f000001)
#define RTE_IPV4_BROADCAST ((uint32_t)0xe0000000)
#define RTE_IPV4_ALLHOSTS_GROUP ((uint32_t)0xe0000001)
#define RTE_IPV4_MIN_MCAST RTE_IPV4(224, 0, 0, 0)
#define RTE_IPV4_MAX_MCAST RTE_IPV4(239, 255, 255, 255)
#define RTE_IS_IPV4_MCAST(x) \
	((x) >= RTE_IPV4_MIN_MCAST && (x) <= RTE_IPV4_MAX_MCAST)

#define rte_ipv4_hdr_len cdk_ipv4_hdr_len
#define rte_raw_cksum cdk_raw_cksum
#define rte_ipv4_cksum cdk_ipv4_cksum
#define rte_ipv4_phdr_cksum cdk_ipv4_phdr_cksum
#define rte_ipv4_udptcp_cksum cdk_ipv4_udptcp_cksum
#define rte_ipv4_udptcp_cksum_verify cdk_ipv4_udptcp_cksum_verify

/* The IPv6 header layout (capdk has no IPv6 helpers: see below). */
struct rte_ipv6_hdr {
	rte_be32_t vtc_flow;
	rte_be16_t payload_len;
	uint8_t proto;
	uint8_t hop_limits;
	uint8_t src_addr[16];
	uint8_t dst_addr[16];
} __rte_packed;
#define RTE_IPV6_HDR_FL_SHIFT 0
#define RTE_IPV6_HDR_TC_SHIFT 20
#define RTE_IPV6_HDR_FL_MASK ((1u << RTE_IPV6_HDR_TC_SHIFT) - 1)
#define RTE_IPV6_HDR_TC_MASK (0xffu << RTE_IPV6_HDR_TC_SHIFT)

uint16_t rte_ipv6_phdr_cksum(const struct rte_ipv6_hdr *h, uint64_t ol_flags)
	__rte_capdk_unsupported("rte_ipv6_phdr_cksum");
uint16_t rte_ipv6_udptcp_cksum(const struct rte_ipv6_hdr *h, const void *l4)
	__rte_capdk_unsupported("rte_ipv6_udptcp_cksum");
int rte_raw_cksum_mbuf(const struct rte_mbuf *m, uint32_t off, uint32_t len,
		       uint16_t *cksum)
	__rte_capdk_unsupported("rte_raw_cksum_mbuf");
uint16_t rte_ipv4_udptcp_cksum_mbuf(const struct rte_mbuf *m,
				    const struct rte_ipv4_hdr *h, uint16_t l4_off)
	__rte_capdk_unsupported("rte_ipv4_udptcp_cksum_mbuf");

#endif
