/* DPDK's UDP header: struct rte_udp_hdr is struct cdk_udp_hdr. */
#ifndef _RTE_UDP_H_
#define _RTE_UDP_H_

#include <stdint.h>
#include <rte_byteorder.h>
#include "cdk_net.h"

#define rte_udp_hdr cdk_udp_hdr

#endif
