/*
 * DPDK's rte_mbuf_core.h: struct rte_mbuf is struct cdk_mbuf, which has
 * DPDK 22.11's layout, field names and flag values.
 */
#ifndef _RTE_MBUF_CORE_H_
#define _RTE_MBUF_CORE_H_

#include <stddef.h>
#include <stdint.h>

#include <rte_common.h>
#include <rte_byteorder.h>
#include "cdk_mbuf.h"

#define rte_mbuf cdk_mbuf
#define rte_mbuf_sched cdk_mbuf_sched
#define rte_pktmbuf_pool_private cdk_pktmbuf_pool_private

_Static_assert(RTE_PKTMBUF_HEADROOM == CDK_PKTMBUF_HEADROOM,
	       "RTE_PKTMBUF_HEADROOM differs from capdk's");
_Static_assert(offsetof(struct rte_mbuf, buf_iova) == 8 &&
	       offsetof(struct rte_mbuf, data_off) == 16 &&
	       offsetof(struct rte_mbuf, ol_flags) == 24 &&
	       offsetof(struct rte_mbuf, packet_type) == 32 &&
	       offsetof(struct rte_mbuf, pkt_len) == 36 &&
	       offsetof(struct rte_mbuf, data_len) == 40 &&
	       offsetof(struct rte_mbuf, vlan_tci) == 42 &&
	       offsetof(struct rte_mbuf, hash) == 44 &&
	       offsetof(struct rte_mbuf, vlan_tci_outer) == 52 &&
	       offsetof(struct rte_mbuf, buf_len) == 54 &&
	       offsetof(struct rte_mbuf, pool) == 56 &&
	       offsetof(struct rte_mbuf, next) == 64 &&
	       offsetof(struct rte_mbuf, tx_offload) == 72 &&
	       offsetof(struct rte_mbuf, shinfo) == 80 &&
	       offsetof(struct rte_mbuf, priv_size) == 88 &&
	       offsetof(struct rte_mbuf, timesync) == 90 &&
	       offsetof(struct rte_mbuf, dynfield1) == 92 &&
	       sizeof(struct rte_mbuf) == 128,
	       "struct cdk_mbuf no longer has DPDK 22.11's layout");

#define RTE_MBUF_F_RX_VLAN CDK_MBUF_F_RX_VLAN
#define RTE_MBUF_F_RX_RSS_HASH CDK_MBUF_F_RX_RSS_HASH
#define RTE_MBUF_F_RX_FDIR CDK_MBUF_F_RX_FDIR
#define RTE_MBUF_F_RX_OUTER_IP_CKSUM_BAD CDK_MBUF_F_RX_OUTER_IP_CKSUM_BAD
#define RTE_MBUF_F_RX_VLAN_STRIPPED CDK_MBUF_F_RX_VLAN_STRIPPED
#define RTE_MBUF_F_RX_IP_CKSUM_MASK CDK_MBUF_F_RX_IP_CKSUM_MASK
#define RTE_MBUF_F_RX_IP_CKSUM_UNKNOWN CDK_MBUF_F_RX_IP_CKSUM_UNKNOWN
#define RTE_MBUF_F_RX_IP_CKSUM_BAD CDK_MBUF_F_RX_IP_CKSUM_BAD
#define RTE_MBUF_F_RX_IP_CKSUM_GOOD CDK_MBUF_F_RX_IP_CKSUM_GOOD
#define RTE_MBUF_F_RX_IP_CKSUM_NONE CDK_MBUF_F_RX_IP_CKSUM_NONE
#define RTE_MBUF_F_RX_L4_CKSUM_MASK CDK_MBUF_F_RX_L4_CKSUM_MASK
#define RTE_MBUF_F_RX_L4_CKSUM_UNKNOWN CDK_MBUF_F_RX_L4_CKSUM_UNKNOWN
#define RTE_MBUF_F_RX_L4_CKSUM_BAD CDK_MBUF_F_RX_L4_CKSUM_BAD
#define RTE_MBUF_F_RX_L4_CKSUM_GOOD CDK_MBUF_F_RX_L4_CKSUM_GOOD
#define RTE_MBUF_F_RX_L4_CKSUM_NONE CDK_MBUF_F_RX_L4_CKSUM_NONE
#define RTE_MBUF_F_RX_IEEE1588_PTP CDK_MBUF_F_RX_IEEE1588_PTP
#define RTE_MBUF_F_RX_IEEE1588_TMST CDK_MBUF_F_RX_IEEE1588_TMST
#define RTE_MBUF_F_RX_FDIR_ID CDK_MBUF_F_RX_FDIR_ID
#define RTE_MBUF_F_RX_FDIR_FLX CDK_MBUF_F_RX_FDIR_FLX
#define RTE_MBUF_F_RX_QINQ_STRIPPED CDK_MBUF_F_RX_QINQ_STRIPPED
#define RTE_MBUF_F_RX_LRO CDK_MBUF_F_RX_LRO
#define RTE_MBUF_F_RX_SEC_OFFLOAD CDK_MBUF_F_RX_SEC_OFFLOAD
#define RTE_MBUF_F_RX_SEC_OFFLOAD_FAILED CDK_MBUF_F_RX_SEC_OFFLOAD_FAILED
#define RTE_MBUF_F_RX_QINQ CDK_MBUF_F_RX_QINQ
#define RTE_MBUF_F_RX_OUTER_L4_CKSUM_MASK CDK_MBUF_F_RX_OUTER_L4_CKSUM_MASK
#define RTE_MBUF_F_RX_OUTER_L4_CKSUM_UNKNOWN CDK_MBUF_F_RX_OUTER_L4_CKSUM_UNKNOWN
#define RTE_MBUF_F_RX_OUTER_L4_CKSUM_BAD CDK_MBUF_F_RX_OUTER_L4_CKSUM_BAD
#define RTE_MBUF_F_RX_OUTER_L4_CKSUM_GOOD CDK_MBUF_F_RX_OUTER_L4_CKSUM_GOOD
#define RTE_MBUF_F_RX_OUTER_L4_CKSUM_INVALID CDK_MBUF_F_RX_OUTER_L4_CKSUM_INVALID
#define RTE_MBUF_F_FIRST_FREE CDK_MBUF_F_FIRST_FREE
#define RTE_MBUF_F_LAST_FREE CDK_MBUF_F_LAST_FREE
#define RTE_MBUF_F_TX_OUTER_UDP_CKSUM CDK_MBUF_F_TX_OUTER_UDP_CKSUM
#define RTE_MBUF_F_TX_UDP_SEG CDK_MBUF_F_TX_UDP_SEG
#define RTE_MBUF_F_TX_SEC_OFFLOAD CDK_MBUF_F_TX_SEC_OFFLOAD
#define RTE_MBUF_F_TX_MACSEC CDK_MBUF_F_TX_MACSEC
#define RTE_MBUF_F_TX_TUNNEL_VXLAN CDK_MBUF_F_TX_TUNNEL_VXLAN
#define RTE_MBUF_F_TX_TUNNEL_GRE CDK_MBUF_F_TX_TUNNEL_GRE
#define RTE_MBUF_F_TX_TUNNEL_IPIP CDK_MBUF_F_TX_TUNNEL_IPIP
#define RTE_MBUF_F_TX_TUNNEL_GENEVE CDK_MBUF_F_TX_TUNNEL_GENEVE
#define RTE_MBUF_F_TX_TUNNEL_MPLSINUDP CDK_MBUF_F_TX_TUNNEL_MPLSINUDP
#define RTE_MBUF_F_TX_TUNNEL_VXLAN_GPE CDK_MBUF_F_TX_TUNNEL_VXLAN_GPE
#define RTE_MBUF_F_TX_TUNNEL_GTP CDK_MBUF_F_TX_TUNNEL_GTP
#define RTE_MBUF_F_TX_TUNNEL_ESP CDK_MBUF_F_TX_TUNNEL_ESP
#define RTE_MBUF_F_TX_TUNNEL_IP CDK_MBUF_F_TX_TUNNEL_IP
#define RTE_MBUF_F_TX_TUNNEL_UDP CDK_MBUF_F_TX_TUNNEL_UDP
#define RTE_MBUF_F_TX_TUNNEL_MASK CDK_MBUF_F_TX_TUNNEL_MASK
#define RTE_MBUF_F_TX_QINQ CDK_MBUF_F_TX_QINQ
#define RTE_MBUF_F_TX_TCP_SEG CDK_MBUF_F_TX_TCP_SEG
#define RTE_MBUF_F_TX_IEEE1588_TMST CDK_MBUF_F_TX_IEEE1588_TMST
#define RTE_MBUF_F_TX_L4_NO_CKSUM CDK_MBUF_F_TX_L4_NO_CKSUM
#define RTE_MBUF_F_TX_TCP_CKSUM CDK_MBUF_F_TX_TCP_CKSUM
#define RTE_MBUF_F_TX_SCTP_CKSUM CDK_MBUF_F_TX_SCTP_CKSUM
#define RTE_MBUF_F_TX_UDP_CKSUM CDK_MBUF_F_TX_UDP_CKSUM
#define RTE_MBUF_F_TX_L4_MASK CDK_MBUF_F_TX_L4_MASK
#define RTE_MBUF_F_TX_IP_CKSUM CDK_MBUF_F_TX_IP_CKSUM
#define RTE_MBUF_F_TX_IPV4 CDK_MBUF_F_TX_IPV4
#define RTE_MBUF_F_TX_IPV6 CDK_MBUF_F_TX_IPV6
#define RTE_MBUF_F_TX_VLAN CDK_MBUF_F_TX_VLAN
#define RTE_MBUF_F_TX_OUTER_IP_CKSUM CDK_MBUF_F_TX_OUTER_IP_CKSUM
#define RTE_MBUF_F_TX_OUTER_IPV4 CDK_MBUF_F_TX_OUTER_IPV4
#define RTE_MBUF_F_TX_OUTER_IPV6 CDK_MBUF_F_TX_OUTER_IPV6
#define RTE_MBUF_F_TX_OFFLOAD_MASK CDK_MBUF_F_TX_OFFLOAD_MASK
#define RTE_MBUF_F_EXTERNAL CDK_MBUF_F_EXTERNAL
#define RTE_MBUF_F_INDIRECT CDK_MBUF_F_INDIRECT

#define RTE_MBUF_DEFAULT_DATAROOM CDK_MBUF_DEFAULT_DATAROOM
#define RTE_MBUF_DEFAULT_BUF_SIZE CDK_MBUF_DEFAULT_BUF_SIZE
#define RTE_MBUF_PRIV_ALIGN CDK_MBUF_PRIV_ALIGN
#define RTE_MBUF_MAX_NB_SEGS CDK_MBUF_MAX_NB_SEGS
#define RTE_MBUF_PORT_INVALID CDK_MBUF_PORT_INVALID
#define RTE_MBUF_DIRECT(mb) CDK_MBUF_DIRECT(mb)
#define RTE_MBUF_CLONED(mb) CDK_MBUF_CLONED(mb)
#define RTE_MBUF_HAS_EXTBUF(mb) CDK_MBUF_HAS_EXTBUF(mb)
#define RTE_MBUF_HAS_PINNED_EXTBUF(mb) 0

#define rte_pktmbuf_mtod_offset(m, t, o) cdk_pktmbuf_mtod_offset(m, t, o)
#define rte_pktmbuf_mtod(m, t) cdk_pktmbuf_mtod(m, t)
#define rte_pktmbuf_iova_offset(m, o) cdk_pktmbuf_iova_offset(m, o)
#define rte_pktmbuf_iova(m) cdk_pktmbuf_iova(m)
#define rte_pktmbuf_pkt_len(m) cdk_pktmbuf_pkt_len(m)
#define rte_pktmbuf_data_len(m) cdk_pktmbuf_data_len(m)

#endif
