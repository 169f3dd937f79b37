/* DPDK's TCP header: struct rte_tcp_hdr is struct cdk_tcp_hdr. */
#ifndef _RTE_TCP_H_
#define _RTE_TCP_H_

#include <stdint.h>
#include <rte_byteorder.h>
#include "cdk_net.h"

#define rte_tcp_hdr cdk_tcp_hdr

#define RTE_TCP_CWR_FLAG CDK_TCP_CWR_FLAG
#define RTE_TCP_ECE_FLAG CDK_TCP_ECE_FLAG
#define RTE_TCP_URG_FLAG CDK_TCP_URG_FLAG
#define RTE_TCP_ACK_FLAG CDK_TCP_ACK_FLAG
#define RTE_TCP_PSH_FLAG CDK_TCP_PSH_FLAG
#define RTE_TCP_RST_FLAG CDK_TCP_RST_FLAG
#define RTE_TCP_SYN_FLAG CDK_TCP_SYN_FLAG
#define RTE_TCP_FIN_FLAG CDK_TCP_FIN_FLAG

#endif
