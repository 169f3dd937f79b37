/* DPDK's Ethernet definitions: struct rte_ether_addr is struct cdk_ether_addr. */
#ifndef _RTE_ETHER_H_
#define _RTE_ETHER_H_

#include <stdint.h>
#include <stdio.h>

#include <rte_common.h>
#include <rte_byteorder.h>
#include <rte_mbuf.h>
#include "cdk_net.h"

#define rte_ether_addr cdk_ether_addr
#define rte_ether_hdr cdk_ether_hdr
#define rte_vlan_hdr cdk_vlan_hdr

#define RTE_ETHER_ADDR_LEN CDK_ETHER_ADDR_LEN
#define RTE_ETHER_TYPE_LEN CDK_ETHER_TYPE_LEN
#define RTE_ETHER_CRC_LEN CDK_ETHER_CRC_LEN
#define RTE_ETHER_HDR_LEN CDK_ETHER_HDR_LEN
#define RTE_ETHER_MIN_LEN CDK_ETHER_MIN_LEN
#define RTE_ETHER_MAX_LEN CDK_ETHER_MAX_LEN
#define RTE_ETHER_MTU CDK_ETHER_MTU
#define RTE_ETHER_MIN_MTU CDK_ETHER_MIN_MTU
#define RTE_ETHER_MAX_VLAN_FRAME_LEN CDK_ETHER_MAX_VLAN_FRAME_LEN
#define RTE_ETHER_MAX_JUMBO_FRAME_LEN 0x3F00
#define RTE_ETHER_MAX_VLAN_ID 4095
#define RTE_VLAN_HLEN CDK_VLAN_HLEN
#define RTE_ETHER_LOCAL_ADMIN_ADDR CDK_ETHER_LOCAL_ADMIN_ADDR
#define RTE_ETHER_GROUP_ADDR CDK_ETHER_GROUP_ADDR
#define RTE_ETHER_ADDR_FMT_SIZE CDK_ETHER_ADDR_FMT_SIZE
#define RTE_ETHER_ADDR_PRT_FMT CDK_ETHER_ADDR_PRT_FMT
#define RTE_ETHER_ADDR_BYTES(a) CDK_ETHER_ADDR_BYTES(a)

#define RTE_ETHER_TYPE_IPV4 CDK_ETHER_TYPE_IPV4
#define RTE_ETHER_TYPE_IPV6 CDK_ETHER_TYPE_IPV6
#define RTE_ETHER_TYPE_ARP CDK_ETHER_TYPE_ARP
#define RTE_ETHER_TYPE_RARP CDK_ETHER_TYPE_RARP
#define RTE_ETHER_TYPE_VLAN CDK_ETHER_TYPE_VLAN
#define RTE_ETHER_TYPE_QINQ CDK_ETHER_TYPE_QINQ
#define RTE_ETHER_TYPE_QINQ1 CDK_ETHER_TYPE_QINQ1
#define RTE_ETHER_TYPE_QINQ2 CDK_ETHER_TYPE_QINQ2
#define RTE_ETHER_TYPE_QINQ3 CDK_ETHER_TYPE_QINQ3
#define RTE_ETHER_TYPE_PPPOE_DISCOVERY CDK_ETHER_TYPE_PPPOE_DISCOVERY
#define RTE_ETHER_TYPE_PPPOE_SESSION CDK_ETHER_TYPE_PPPOE_SESSION
#define RTE_ETHER_TYPE_ETAG CDK_ETHER_TYPE_ETAG
#define RTE_ETHER_TYPE_1588 CDK_ETHER_TYPE_1588
#define RTE_ETHER_TYPE_SLOW CDK_ETHER_TYPE_SLOW
#define RTE_ETHER_TYPE_TEB CDK_ETHER_TYPE_TEB
#define RTE_ETHER_TYPE_LLDP CDK_ETHER_TYPE_LLDP
#define RTE_ETHER_TYPE_MPLS CDK_ETHER_TYPE_MPLS
#define RTE_ETHER_TYPE_MPLSM CDK_ETHER_TYPE_MPLSM
#define RTE_ETHER_TYPE_ECPRI CDK_ETHER_TYPE_ECPRI

#define rte_is_same_ether_addr cdk_is_same_ether_addr
#define rte_is_zero_ether_addr cdk_is_zero_ether_addr
#define rte_is_unicast_ether_addr cdk_is_unicast_ether_addr
#define rte_is_multicast_ether_addr cdk_is_multicast_ether_addr
#define rte_is_broadcast_ether_addr cdk_is_broadcast_ether_addr
#define rte_is_universal_ether_addr cdk_is_universal_ether_addr
#define rte_is_local_admin_ether_addr cdk_is_local_admin_ether_addr
#define rte_is_valid_assigned_ether_addr cdk_is_valid_assigned_ether_addr
#define rte_ether_addr_copy cdk_ether_addr_copy
#define rte_eth_random_addr cdk_eth_random_addr
#define rte_ether_format_addr cdk_ether_format_addr
#define rte_ether_unformat_addr cdk_ether_unformat_addr

int rte_vlan_strip(struct rte_mbuf *m) __rte_capdk_unsupported("rte_vlan_strip");
int rte_vlan_insert(struct rte_mbuf **m) __rte_capdk_unsupported("rte_vlan_insert");

#endif
