/*
 * DPDK's ethdev API over capdk's ports. The configuration and information
 * structures are capdk's (DPDK's field names; fields capdk lacks are
 * absent, so an application that sets one fails to compile naming it).
 * Return values follow DPDK: 0 or a negative errno.
 */
#ifndef _RTE_ETHDEV_H_
#define _RTE_ETHDEV_H_

#include <stdint.h>
#include <stdio.h>

#include <rte_common.h>
#include <rte_config.h>
#include <rte_branch_prediction.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_ether.h>
#include <rte_eal.h>
#include <rte_lcore.h>
#include "cdk_ethdev.h"

_Static_assert(RTE_MAX_ETHPORTS == CDK_MAX_ETHPORTS,
	       "RTE_MAX_ETHPORTS differs from capdk's");
_Static_assert(RTE_MAX_QUEUES_PER_PORT == CDK_MAX_QUEUES_PER_PORT,
	       "RTE_MAX_QUEUES_PER_PORT differs from capdk's");
_Static_assert(RTE_ETHDEV_QUEUE_STAT_CNTRS == CDK_ETHDEV_QUEUE_STAT_CNTRS,
	       "RTE_ETHDEV_QUEUE_STAT_CNTRS differs from capdk's");

/* ---- the structures are capdk's ---- */

#define rte_eth_conf cdk_eth_conf
#define rte_eth_rxmode cdk_eth_rxmode
#define rte_eth_txmode cdk_eth_txmode
#define rte_eth_rss_conf cdk_eth_rss_conf
#define rte_eth_thresh cdk_eth_thresh
#define rte_eth_rxconf cdk_eth_rxconf
#define rte_eth_txconf cdk_eth_txconf
#define rte_eth_desc_lim cdk_eth_desc_lim
#define rte_eth_dev_info cdk_eth_dev_info
#define rte_eth_link cdk_eth_link
#define rte_eth_stats cdk_eth_stats
#define rte_eth_xstat cdk_eth_xstat
#define rte_eth_xstat_name cdk_eth_xstat_name
#define rte_eth_rss_reta_entry64 cdk_eth_rss_reta_entry64
#define rte_eth_dev_tx_buffer cdk_eth_dev_tx_buffer

#define RTE_ETH_NAME_MAX_LEN CDK_ETH_NAME_MAX_LEN
#define RTE_ETH_XSTATS_NAME_SIZE CDK_ETH_XSTATS_NAME_SIZE
#define RTE_ETH_RETA_GROUP_SIZE CDK_ETH_RETA_GROUP_SIZE
#define RTE_ETH_DEV_NO_OWNER 0

/* ---- multi-queue modes: capdk has none and RSS ---- */

#define RTE_ETH_MQ_RX_RSS_FLAG RTE_BIT32(0)
#define RTE_ETH_MQ_RX_DCB_FLAG RTE_BIT32(1)
#define RTE_ETH_MQ_RX_VMDQ_FLAG RTE_BIT32(2)
enum rte_eth_rx_mq_mode {
	RTE_ETH_MQ_RX_NONE = CDK_ETH_MQ_RX_NONE,
	RTE_ETH_MQ_RX_RSS = CDK_ETH_MQ_RX_RSS,
};
enum rte_eth_tx_mq_mode {
	RTE_ETH_MQ_TX_NONE = CDK_ETH_MQ_TX_NONE,
};
_Static_assert(CDK_ETH_MQ_RX_RSS == 1, "RSS mode must have DPDK's value");

/* ---- RSS hash functions (DPDK's values) ---- */

#define RTE_ETH_RSS_IPV4 RTE_BIT64(2)
#define RTE_ETH_RSS_FRAG_IPV4 RTE_BIT64(3)
#define RTE_ETH_RSS_NONFRAG_IPV4_TCP RTE_BIT64(4)
#define RTE_ETH_RSS_NONFRAG_IPV4_UDP RTE_BIT64(5)
#define RTE_ETH_RSS_NONFRAG_IPV4_SCTP RTE_BIT64(6)
#define RTE_ETH_RSS_NONFRAG_IPV4_OTHER RTE_BIT64(7)
#define RTE_ETH_RSS_IPV6 RTE_BIT64(8)
#define RTE_ETH_RSS_FRAG_IPV6 RTE_BIT64(9)
#define RTE_ETH_RSS_NONFRAG_IPV6_TCP RTE_BIT64(10)
#define RTE_ETH_RSS_NONFRAG_IPV6_UDP RTE_BIT64(11)
#define RTE_ETH_RSS_NONFRAG_IPV6_SCTP RTE_BIT64(12)
#define RTE_ETH_RSS_NONFRAG_IPV6_OTHER RTE_BIT64(13)
#define RTE_ETH_RSS_L2_PAYLOAD RTE_BIT64(14)
#define RTE_ETH_RSS_IPV6_EX RTE_BIT64(15)
#define RTE_ETH_RSS_IPV6_TCP_EX RTE_BIT64(16)
#define RTE_ETH_RSS_IPV6_UDP_EX RTE_BIT64(17)
#define RTE_ETH_RSS_PORT RTE_BIT64(18)
#define RTE_ETH_RSS_VXLAN RTE_BIT64(19)
#define RTE_ETH_RSS_GENEVE RTE_BIT64(20)
#define RTE_ETH_RSS_NVGRE RTE_BIT64(21)
#define RTE_ETH_RSS_GTPU RTE_BIT64(23)
#define RTE_ETH_RSS_ETH RTE_BIT64(24)
#define RTE_ETH_RSS_S_VLAN RTE_BIT64(25)
#define RTE_ETH_RSS_C_VLAN RTE_BIT64(26)
#define RTE_ETH_RSS_ESP RTE_BIT64(27)
#define RTE_ETH_RSS_AH RTE_BIT64(28)
#define RTE_ETH_RSS_L2TPV3 RTE_BIT64(29)
#define RTE_ETH_RSS_PFCP RTE_BIT64(30)
#define RTE_ETH_RSS_PPPOE RTE_BIT64(31)
#define RTE_ETH_RSS_ECPRI RTE_BIT64(32)
#define RTE_ETH_RSS_MPLS RTE_BIT64(33)
#define RTE_ETH_RSS_IPV4_CHKSUM RTE_BIT64(34)
#define RTE_ETH_RSS_L4_CHKSUM RTE_BIT64(35)
#define RTE_ETH_RSS_L2TPV2 RTE_BIT64(36)
#define RTE_ETH_RSS_L3_SRC_ONLY RTE_BIT64(63)
#define RTE_ETH_RSS_L3_DST_ONLY RTE_BIT64(62)
#define RTE_ETH_RSS_L4_SRC_ONLY RTE_BIT64(61)
#define RTE_ETH_RSS_L4_DST_ONLY RTE_BIT64(60)
#define RTE_ETH_RSS_L2_SRC_ONLY RTE_BIT64(59)
#define RTE_ETH_RSS_L2_DST_ONLY RTE_BIT64(58)
#define RTE_ETH_RSS_IP                                                  \
	(RTE_ETH_RSS_IPV4 | RTE_ETH_RSS_FRAG_IPV4 |                     \
	 RTE_ETH_RSS_NONFRAG_IPV4_OTHER | RTE_ETH_RSS_IPV6 |            \
	 RTE_ETH_RSS_FRAG_IPV6 | RTE_ETH_RSS_NONFRAG_IPV6_OTHER |       \
	 RTE_ETH_RSS_IPV6_EX)
#define RTE_ETH_RSS_UDP                                                 \
	(RTE_ETH_RSS_NONFRAG_IPV4_UDP | RTE_ETH_RSS_NONFRAG_IPV6_UDP |  \
	 RTE_ETH_RSS_IPV6_UDP_EX)
#define RTE_ETH_RSS_TCP                                                 \
	(RTE_ETH_RSS_NONFRAG_IPV4_TCP | RTE_ETH_RSS_NONFRAG_IPV6_TCP |  \
	 RTE_ETH_RSS_IPV6_TCP_EX)
#define RTE_ETH_RSS_SCTP \
	(RTE_ETH_RSS_NONFRAG_IPV4_SCTP | RTE_ETH_RSS_NONFRAG_IPV6_SCTP)
#define RTE_ETH_RSS_TUNNEL \
	(RTE_ETH_RSS_VXLAN | RTE_ETH_RSS_GENEVE | RTE_ETH_RSS_NVGRE)
#define RTE_ETH_RSS_RETA_SIZE_64 64
#define RTE_ETH_RSS_RETA_SIZE_128 128
#define RTE_ETH_RSS_RETA_SIZE_256 256
#define RTE_ETH_RSS_RETA_SIZE_512 512
_Static_assert(CDK_ETH_RSS_IPV4 == RTE_ETH_RSS_IPV4 &&
	       CDK_ETH_RSS_NONFRAG_IPV4_TCP == RTE_ETH_RSS_NONFRAG_IPV4_TCP &&
	       CDK_ETH_RSS_NONFRAG_IPV4_UDP == RTE_ETH_RSS_NONFRAG_IPV4_UDP,
	       "RSS hash bits must have DPDK's values");

/* ---- offloads (DPDK's values; what a port has is in dev_info) ---- */

#define RTE_ETH_RX_OFFLOAD_VLAN_STRIP RTE_BIT64(0)
#define RTE_ETH_RX_OFFLOAD_IPV4_CKSUM RTE_BIT64(1)
#define RTE_ETH_RX_OFFLOAD_UDP_CKSUM RTE_BIT64(2)
#define RTE_ETH_RX_OFFLOAD_TCP_CKSUM RTE_BIT64(3)
#define RTE_ETH_RX_OFFLOAD_TCP_LRO RTE_BIT64(4)
#define RTE_ETH_RX_OFFLOAD_QINQ_STRIP RTE_BIT64(5)
#define RTE_ETH_RX_OFFLOAD_OUTER_IPV4_CKSUM RTE_BIT64(6)
#define RTE_ETH_RX_OFFLOAD_MACSEC_STRIP RTE_BIT64(7)
#define RTE_ETH_RX_OFFLOAD_VLAN_FILTER RTE_BIT64(9)
#define RTE_ETH_RX_OFFLOAD_VLAN_EXTEND RTE_BIT64(10)
#define RTE_ETH_RX_OFFLOAD_SCATTER RTE_BIT64(13)
#define RTE_ETH_RX_OFFLOAD_TIMESTAMP RTE_BIT64(14)
#define RTE_ETH_RX_OFFLOAD_SECURITY RTE_BIT64(15)
#define RTE_ETH_RX_OFFLOAD_KEEP_CRC RTE_BIT64(16)
#define RTE_ETH_RX_OFFLOAD_SCTP_CKSUM RTE_BIT64(17)
#define RTE_ETH_RX_OFFLOAD_OUTER_UDP_CKSUM RTE_BIT64(18)
#define RTE_ETH_RX_OFFLOAD_RSS_HASH RTE_BIT64(19)
#define RTE_ETH_RX_OFFLOAD_BUFFER_SPLIT RTE_BIT64(20)
#define RTE_ETH_RX_OFFLOAD_CHECKSUM                                      \
	(RTE_ETH_RX_OFFLOAD_IPV4_CKSUM | RTE_ETH_RX_OFFLOAD_UDP_CKSUM |  \
	 RTE_ETH_RX_OFFLOAD_TCP_CKSUM)
#define RTE_ETH_RX_OFFLOAD_VLAN                                          \
	(RTE_ETH_RX_OFFLOAD_VLAN_STRIP | RTE_ETH_RX_OFFLOAD_VLAN_FILTER | \
	 RTE_ETH_RX_OFFLOAD_VLAN_EXTEND | RTE_ETH_RX_OFFLOAD_QINQ_STRIP)

#define RTE_ETH_TX_OFFLOAD_VLAN_INSERT RTE_BIT64(0)
#define RTE_ETH_TX_OFFLOAD_IPV4_CKSUM RTE_BIT64(1)
#define RTE_ETH_TX_OFFLOAD_UDP_CKSUM RTE_BIT64(2)
#define RTE_ETH_TX_OFFLOAD_TCP_CKSUM RTE_BIT64(3)
#define RTE_ETH_TX_OFFLOAD_SCTP_CKSUM RTE_BIT64(4)
#define RTE_ETH_TX_OFFLOAD_TCP_TSO RTE_BIT64(5)
#define RTE_ETH_TX_OFFLOAD_UDP_TSO RTE_BIT64(6)
#define RTE_ETH_TX_OFFLOAD_OUTER_IPV4_CKSUM RTE_BIT64(7)
#define RTE_ETH_TX_OFFLOAD_QINQ_INSERT RTE_BIT64(8)
#define RTE_ETH_TX_OFFLOAD_VXLAN_TNL_TSO RTE_BIT64(9)
#define RTE_ETH_TX_OFFLOAD_GRE_TNL_TSO RTE_BIT64(10)
#define RTE_ETH_TX_OFFLOAD_IPIP_TNL_TSO RTE_BIT64(11)
#define RTE_ETH_TX_OFFLOAD_GENEVE_TNL_TSO RTE_BIT64(12)
#define RTE_ETH_TX_OFFLOAD_MACSEC_INSERT RTE_BIT64(13)
#define RTE_ETH_TX_OFFLOAD_MT_LOCKFREE RTE_BIT64(14)
#define RTE_ETH_TX_OFFLOAD_MULTI_SEGS RTE_BIT64(15)
#define RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE RTE_BIT64(16)
#define RTE_ETH_TX_OFFLOAD_SECURITY RTE_BIT64(17)
#define RTE_ETH_TX_OFFLOAD_UDP_TNL_TSO RTE_BIT64(18)
#define RTE_ETH_TX_OFFLOAD_IP_TNL_TSO RTE_BIT64(19)
#define RTE_ETH_TX_OFFLOAD_OUTER_UDP_CKSUM RTE_BIT64(20)
#define RTE_ETH_TX_OFFLOAD_SEND_ON_TIMESTAMP RTE_BIT64(21)

_Static_assert(CDK_ETH_RX_OFFLOAD_VLAN_STRIP == RTE_ETH_RX_OFFLOAD_VLAN_STRIP &&
	       CDK_ETH_RX_OFFLOAD_IPV4_CKSUM == RTE_ETH_RX_OFFLOAD_IPV4_CKSUM &&
	       CDK_ETH_RX_OFFLOAD_UDP_CKSUM == RTE_ETH_RX_OFFLOAD_UDP_CKSUM &&
	       CDK_ETH_RX_OFFLOAD_TCP_CKSUM == RTE_ETH_RX_OFFLOAD_TCP_CKSUM &&
	       CDK_ETH_RX_OFFLOAD_VLAN_FILTER == RTE_ETH_RX_OFFLOAD_VLAN_FILTER &&
	       CDK_ETH_RX_OFFLOAD_SCATTER == RTE_ETH_RX_OFFLOAD_SCATTER &&
	       CDK_ETH_RX_OFFLOAD_KEEP_CRC == RTE_ETH_RX_OFFLOAD_KEEP_CRC &&
	       CDK_ETH_RX_OFFLOAD_RSS_HASH == RTE_ETH_RX_OFFLOAD_RSS_HASH &&
	       CDK_ETH_TX_OFFLOAD_VLAN_INSERT == RTE_ETH_TX_OFFLOAD_VLAN_INSERT &&
	       CDK_ETH_TX_OFFLOAD_IPV4_CKSUM == RTE_ETH_TX_OFFLOAD_IPV4_CKSUM &&
	       CDK_ETH_TX_OFFLOAD_UDP_CKSUM == RTE_ETH_TX_OFFLOAD_UDP_CKSUM &&
	       CDK_ETH_TX_OFFLOAD_TCP_CKSUM == RTE_ETH_TX_OFFLOAD_TCP_CKSUM &&
	       CDK_ETH_TX_OFFLOAD_MULTI_SEGS == RTE_ETH_TX_OFFLOAD_MULTI_SEGS &&
	       CDK_ETH_TX_OFFLOAD_MBUF_FAST_FREE == RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE,
	       "offload bits must have DPDK's values");

#define RTE_ETH_DEV_CAPA_RUNTIME_RX_QUEUE_SETUP RTE_BIT64(0)
#define RTE_ETH_DEV_CAPA_RUNTIME_TX_QUEUE_SETUP RTE_BIT64(1)

/* ---- link ---- */

#define RTE_ETH_LINK_SPEED_AUTONEG 0
#define RTE_ETH_LINK_SPEED_FIXED RTE_BIT32(0)
#define RTE_ETH_LINK_SPEED_10M_HD RTE_BIT32(1)
#define RTE_ETH_LINK_SPEED_10M RTE_BIT32(2)
#define RTE_ETH_LINK_SPEED_100M_HD RTE_BIT32(3)
#define RTE_ETH_LINK_SPEED_100M RTE_BIT32(4)
#define RTE_ETH_LINK_SPEED_1G RTE_BIT32(5)
#define RTE_ETH_LINK_SPEED_2_5G RTE_BIT32(6)
#define RTE_ETH_LINK_SPEED_5G RTE_BIT32(7)
#define RTE_ETH_LINK_SPEED_10G RTE_BIT32(8)
#define RTE_ETH_LINK_SPEED_20G RTE_BIT32(9)
#define RTE_ETH_LINK_SPEED_25G RTE_BIT32(10)
#define RTE_ETH_LINK_SPEED_40G RTE_BIT32(11)
#define RTE_ETH_LINK_SPEED_50G RTE_BIT32(12)
#define RTE_ETH_LINK_SPEED_56G RTE_BIT32(13)
#define RTE_ETH_LINK_SPEED_100G RTE_BIT32(14)
#define RTE_ETH_LINK_SPEED_200G RTE_BIT32(15)

#define RTE_ETH_SPEED_NUM_NONE CDK_ETH_SPEED_NUM_NONE
#define RTE_ETH_SPEED_NUM_10M CDK_ETH_SPEED_NUM_10M
#define RTE_ETH_SPEED_NUM_100M CDK_ETH_SPEED_NUM_100M
#define RTE_ETH_SPEED_NUM_1G CDK_ETH_SPEED_NUM_1G
#define RTE_ETH_SPEED_NUM_2_5G 2500
#define RTE_ETH_SPEED_NUM_5G 5000
#define RTE_ETH_SPEED_NUM_10G CDK_ETH_SPEED_NUM_10G
#define RTE_ETH_SPEED_NUM_20G 20000
#define RTE_ETH_SPEED_NUM_25G 25000
#define RTE_ETH_SPEED_NUM_40G 40000
#define RTE_ETH_SPEED_NUM_50G 50000
#define RTE_ETH_SPEED_NUM_56G 56000
#define RTE_ETH_SPEED_NUM_100G 100000
#define RTE_ETH_SPEED_NUM_200G 200000
#define RTE_ETH_SPEED_NUM_UNKNOWN CDK_ETH_SPEED_NUM_UNKNOWN

#define RTE_ETH_LINK_HALF_DUPLEX CDK_ETH_LINK_HALF_DUPLEX
#define RTE_ETH_LINK_FULL_DUPLEX CDK_ETH_LINK_FULL_DUPLEX
#define RTE_ETH_LINK_DOWN CDK_ETH_LINK_DOWN
#define RTE_ETH_LINK_UP CDK_ETH_LINK_UP
#define RTE_ETH_LINK_FIXED CDK_ETH_LINK_FIXED
#define RTE_ETH_LINK_AUTONEG CDK_ETH_LINK_AUTONEG
#define RTE_ETH_LINK_MAX_STR_LEN 40

/* ---- ports ---- */

#define rte_eth_dev_count_avail cdk_eth_dev_count_avail
#define rte_eth_dev_count_total cdk_eth_dev_count_total
#define rte_eth_dev_is_valid_port cdk_eth_dev_is_valid_port
#define rte_eth_find_next cdk_eth_find_next
#define RTE_ETH_FOREACH_DEV(p) CDK_ETH_FOREACH_DEV(p)
#define rte_eth_dev_get_port_by_name cdk_eth_dev_get_port_by_name
#define rte_eth_dev_get_name_by_port cdk_eth_dev_get_name_by_port

/* The port's NUMA socket, or -1 (rte_errno EINVAL for an unknown port). */
static inline int rte_eth_dev_socket_id(uint16_t port_id)
{
	if (!cdk_eth_dev_is_valid_port(port_id)) {
		rte_errno = EINVAL;
		return -1;
	}
	return cdk_eth_dev_socket_id(port_id);
}

#define rte_eth_dev_configure cdk_eth_dev_configure
#define rte_eth_dev_adjust_nb_rx_tx_desc cdk_eth_dev_adjust_nb_rx_tx_desc
#define rte_eth_rx_queue_setup cdk_eth_rx_queue_setup
#define rte_eth_tx_queue_setup cdk_eth_tx_queue_setup
#define rte_eth_dev_start cdk_eth_dev_start
#define rte_eth_dev_stop cdk_eth_dev_stop
#define rte_eth_dev_close cdk_eth_dev_close
#define rte_eth_dev_reset cdk_eth_dev_reset
#define rte_eth_dev_info_get cdk_eth_dev_info_get
#define rte_eth_link_get cdk_eth_link_get
#define rte_eth_link_get_nowait cdk_eth_link_get_nowait
#define rte_eth_link_speed_to_str cdk_eth_link_speed_to_str
#define rte_eth_link_to_str cdk_eth_link_to_str
#define rte_eth_promiscuous_enable cdk_eth_promiscuous_enable
#define rte_eth_promiscuous_disable cdk_eth_promiscuous_disable
#define rte_eth_promiscuous_get cdk_eth_promiscuous_get
#define rte_eth_allmulticast_enable cdk_eth_allmulticast_enable
#define rte_eth_allmulticast_disable cdk_eth_allmulticast_disable
#define rte_eth_allmulticast_get cdk_eth_allmulticast_get
#define rte_eth_macaddr_get cdk_eth_macaddr_get
#define rte_eth_dev_default_mac_addr_set cdk_eth_dev_default_mac_addr_set
#define rte_eth_dev_set_mtu cdk_eth_dev_set_mtu
#define rte_eth_dev_get_mtu cdk_eth_dev_get_mtu
#define rte_eth_stats_get cdk_eth_stats_get
#define rte_eth_stats_reset cdk_eth_stats_reset
#define rte_eth_xstats_get_names cdk_eth_xstats_get_names
#define rte_eth_xstats_get cdk_eth_xstats_get
#define rte_eth_xstats_get_id_by_name cdk_eth_xstats_get_id_by_name
#define rte_eth_xstats_reset cdk_eth_xstats_reset
#define rte_eth_dev_rss_hash_update cdk_eth_dev_rss_hash_update
#define rte_eth_dev_rss_hash_conf_get cdk_eth_dev_rss_hash_conf_get
#define rte_eth_dev_rss_reta_update cdk_eth_dev_rss_reta_update
#define rte_eth_dev_rss_reta_query cdk_eth_dev_rss_reta_query

#define rte_eth_dev_get_supported_ptypes cdk_eth_dev_get_supported_ptypes
#define rte_eth_dev_set_ptypes cdk_eth_dev_set_ptypes

/* No capdk driver has a device clock: DPDK's answer for such a driver. */
static inline int rte_eth_read_clock(uint16_t port_id, uint64_t *clock)
{
	(void)clock;
	return cdk_eth_dev_is_valid_port(port_id) ? -ENOTSUP : -ENODEV;
}

/* ---- rx/tx callbacks (pmd/compat_ethdev_callbacks.c) ---- */

typedef uint16_t (*rte_rx_callback_fn)(uint16_t port_id, uint16_t queue,
				       struct rte_mbuf *pkts[], uint16_t nb_pkts,
				       uint16_t max_pkts, void *user_param);
typedef uint16_t (*rte_tx_callback_fn)(uint16_t port_id, uint16_t queue,
				       struct rte_mbuf *pkts[], uint16_t nb_pkts,
				       void *user_param);

struct rte_eth_rxtx_callback {
	struct rte_eth_rxtx_callback *next;
	union {
		rte_rx_callback_fn rx;
		rte_tx_callback_fn tx;
	} fn;
	void *param;
};

/* Per port and queue, the first callback (NULL: none). */
extern struct rte_eth_rxtx_callback
	*cdk_compat_rx_callbacks[RTE_MAX_ETHPORTS][RTE_MAX_QUEUES_PER_PORT];
extern struct rte_eth_rxtx_callback
	*cdk_compat_tx_callbacks[RTE_MAX_ETHPORTS][RTE_MAX_QUEUES_PER_PORT];

/* The callback's handle, or NULL with rte_errno (EINVAL, ENOMEM). */
const struct rte_eth_rxtx_callback *
rte_eth_add_rx_callback(uint16_t port_id, uint16_t queue_id,
			rte_rx_callback_fn fn, void *user_param);
const struct rte_eth_rxtx_callback *
rte_eth_add_first_rx_callback(uint16_t port_id, uint16_t queue_id,
			      rte_rx_callback_fn fn, void *user_param);
const struct rte_eth_rxtx_callback *
rte_eth_add_tx_callback(uint16_t port_id, uint16_t queue_id,
			rte_tx_callback_fn fn, void *user_param);
/* Unlink it: 0, or -EINVAL. As DPDK, the memory stays until the caller,
 * once no burst can be running it, gives it to rte_free. */
int rte_eth_remove_rx_callback(uint16_t port_id, uint16_t queue_id,
			       const struct rte_eth_rxtx_callback *user_cb);
int rte_eth_remove_tx_callback(uint16_t port_id, uint16_t queue_id,
			       const struct rte_eth_rxtx_callback *user_cb);

/* ---- the fast path ---- */

static inline uint16_t rte_eth_rx_burst(uint16_t port_id, uint16_t queue_id,
					struct rte_mbuf **rx_pkts,
					const uint16_t nb_pkts)
{
	struct rte_eth_rxtx_callback *cb;
	uint16_t nb_rx;

	if (unlikely(port_id >= RTE_MAX_ETHPORTS ||
		     queue_id >= RTE_MAX_QUEUES_PER_PORT))
		return 0;
	nb_rx = cdk_eth_rx_burst(port_id, queue_id, rx_pkts, nb_pkts);
	cb = __atomic_load_n(&cdk_compat_rx_callbacks[port_id][queue_id],
			     __ATOMIC_ACQUIRE);
	while (unlikely(cb != NULL)) {
		nb_rx = cb->fn.rx(port_id, queue_id, rx_pkts, nb_rx, nb_pkts,
				  cb->param);
		cb = __atomic_load_n(&cb->next, __ATOMIC_ACQUIRE);
	}
	return nb_rx;
}

static inline uint16_t rte_eth_tx_burst(uint16_t port_id, uint16_t queue_id,
					struct rte_mbuf **tx_pkts,
					uint16_t nb_pkts)
{
	struct rte_eth_rxtx_callback *cb;

	if (unlikely(port_id >= RTE_MAX_ETHPORTS ||
		     queue_id >= RTE_MAX_QUEUES_PER_PORT))
		return 0;
	cb = __atomic_load_n(&cdk_compat_tx_callbacks[port_id][queue_id],
			     __ATOMIC_ACQUIRE);
	while (unlikely(cb != NULL)) {
		nb_pkts = cb->fn.tx(port_id, queue_id, tx_pkts, nb_pkts,
				    cb->param);
		cb = __atomic_load_n(&cb->next, __ATOMIC_ACQUIRE);
	}
	return cdk_eth_tx_burst(port_id, queue_id, tx_pkts, nb_pkts);
}

/* ---- buffered transmit ---- */

typedef cdk_eth_buffer_tx_error_fn buffer_tx_error_fn;
#define RTE_ETH_TX_BUFFER_SIZE(sz) CDK_ETH_TX_BUFFER_SIZE(sz)
#define rte_eth_tx_buffer_init cdk_eth_tx_buffer_init
#define rte_eth_tx_buffer_set_err_callback cdk_eth_tx_buffer_set_err_callback
#define rte_eth_tx_buffer_drop_callback cdk_eth_tx_buffer_drop_callback
#define rte_eth_tx_buffer_count_callback cdk_eth_tx_buffer_count_callback

/* As capdk's, but through rte_eth_tx_burst so that tx callbacks run. */
static inline uint16_t rte_eth_tx_buffer_flush(uint16_t port_id,
					       uint16_t queue_id,
					       struct rte_eth_dev_tx_buffer *b)
{
	uint16_t n = b->length, sent;

	if (n == 0)
		return 0;
	sent = rte_eth_tx_burst(port_id, queue_id, b->pkts, n);
	b->length = 0;
	if (unlikely(sent != n))
		b->error_callback(&b->pkts[sent], (uint16_t)(n - sent),
				  b->error_userdata);
	return sent;
}

static inline uint16_t rte_eth_tx_buffer(uint16_t port_id, uint16_t queue_id,
					 struct rte_eth_dev_tx_buffer *b,
					 struct rte_mbuf *pkt)
{
	b->pkts[b->length++] = pkt;
	if (b->length < b->size)
		return 0;
	return rte_eth_tx_buffer_flush(port_id, queue_id, b);
}

/* ---- what capdk does not provide ---- */

enum rte_eth_event_type {
	RTE_ETH_EVENT_UNKNOWN,
	RTE_ETH_EVENT_INTR_LSC,
	RTE_ETH_EVENT_QUEUE_STATE,
	RTE_ETH_EVENT_INTR_RESET,
	RTE_ETH_EVENT_VF_MBOX,
	RTE_ETH_EVENT_MACSEC,
	RTE_ETH_EVENT_INTR_RMV,
	RTE_ETH_EVENT_NEW,
	RTE_ETH_EVENT_DESTROY,
	RTE_ETH_EVENT_IPSEC,
	RTE_ETH_EVENT_FLOW_AGED,
	RTE_ETH_EVENT_RX_AVAIL_THRESH,
	RTE_ETH_EVENT_MAX,
};
typedef int (*rte_eth_dev_cb_fn)(uint16_t port_id, enum rte_eth_event_type event,
				 void *cb_arg, void *ret_param);

int rte_eth_dev_callback_register(uint16_t port_id, enum rte_eth_event_type event,
				  rte_eth_dev_cb_fn cb_fn, void *cb_arg)
	__rte_capdk_unsupported("rte_eth_dev_callback_register (device events and link interrupts)");
int rte_eth_dev_callback_unregister(uint16_t port_id, enum rte_eth_event_type event,
				    rte_eth_dev_cb_fn cb_fn, void *cb_arg)
	__rte_capdk_unsupported("rte_eth_dev_callback_unregister (device events)");
int rte_eth_dev_rx_intr_enable(uint16_t port_id, uint16_t queue_id)
	__rte_capdk_unsupported("rte_eth_dev_rx_intr_enable (rx interrupts)");
int rte_eth_dev_rx_intr_disable(uint16_t port_id, uint16_t queue_id)
	__rte_capdk_unsupported("rte_eth_dev_rx_intr_disable (rx interrupts)");
int rte_eth_dev_rx_intr_ctl_q(uint16_t port_id, uint16_t queue_id, int epfd,
			      int op, void *data)
	__rte_capdk_unsupported("rte_eth_dev_rx_intr_ctl_q (rx interrupts)");
int rte_eth_dev_set_link_up(uint16_t port_id)
	__rte_capdk_unsupported("rte_eth_dev_set_link_up");
int rte_eth_dev_set_link_down(uint16_t port_id)
	__rte_capdk_unsupported("rte_eth_dev_set_link_down");
int rte_eth_dev_rx_queue_start(uint16_t port_id, uint16_t rx_queue_id)
	__rte_capdk_unsupported("rte_eth_dev_rx_queue_start (per-queue start/stop)");
int rte_eth_dev_rx_queue_stop(uint16_t port_id, uint16_t rx_queue_id)
	__rte_capdk_unsupported("rte_eth_dev_rx_queue_stop (per-queue start/stop)");
int rte_eth_dev_tx_queue_start(uint16_t port_id, uint16_t tx_queue_id)
	__rte_capdk_unsupported("rte_eth_dev_tx_queue_start (per-queue start/stop)");
int rte_eth_dev_tx_queue_stop(uint16_t port_id, uint16_t tx_queue_id)
	__rte_capdk_unsupported("rte_eth_dev_tx_queue_stop (per-queue start/stop)");
int rte_eth_rx_queue_count(uint16_t port_id, uint16_t queue_id)
	__rte_capdk_unsupported("rte_eth_rx_queue_count");
int rte_eth_rx_descriptor_status(uint16_t port_id, uint16_t queue_id, uint16_t offset)
	__rte_capdk_unsupported("rte_eth_rx_descriptor_status");
int rte_eth_tx_descriptor_status(uint16_t port_id, uint16_t queue_id, uint16_t offset)
	__rte_capdk_unsupported("rte_eth_tx_descriptor_status");
int rte_eth_tx_done_cleanup(uint16_t port_id, uint16_t queue_id, uint32_t free_cnt)
	__rte_capdk_unsupported("rte_eth_tx_done_cleanup");
uint16_t rte_eth_tx_prepare(uint16_t port_id, uint16_t queue_id,
			    struct rte_mbuf **tx_pkts, uint16_t nb_pkts)
	__rte_capdk_unsupported("rte_eth_tx_prepare");
int rte_eth_rx_queue_info_get(uint16_t port_id, uint16_t queue_id, void *qinfo)
	__rte_capdk_unsupported("rte_eth_rx_queue_info_get");
int rte_eth_tx_queue_info_get(uint16_t port_id, uint16_t queue_id, void *qinfo)
	__rte_capdk_unsupported("rte_eth_tx_queue_info_get");
int rte_eth_dev_set_rx_queue_stats_mapping(uint16_t port_id, uint16_t rx_queue_id,
					   uint8_t stat_idx)
	__rte_capdk_unsupported("rte_eth_dev_set_rx_queue_stats_mapping");
int rte_eth_dev_set_tx_queue_stats_mapping(uint16_t port_id, uint16_t tx_queue_id,
					   uint8_t stat_idx)
	__rte_capdk_unsupported("rte_eth_dev_set_tx_queue_stats_mapping");
int rte_eth_dev_mac_addr_add(uint16_t port_id, struct rte_ether_addr *mac_addr,
			     uint32_t pool)
	__rte_capdk_unsupported("rte_eth_dev_mac_addr_add (secondary MAC addresses)");
int rte_eth_dev_mac_addr_remove(uint16_t port_id, struct rte_ether_addr *mac_addr)
	__rte_capdk_unsupported("rte_eth_dev_mac_addr_remove (secondary MAC addresses)");
int rte_eth_dev_set_mc_addr_list(uint16_t port_id, struct rte_ether_addr *mc_addr_set,
				 uint32_t nb_mc_addr)
	__rte_capdk_unsupported("rte_eth_dev_set_mc_addr_list");
int rte_eth_dev_vlan_filter(uint16_t port_id, uint16_t vlan_id, int on)
	__rte_capdk_unsupported("rte_eth_dev_vlan_filter");
int rte_eth_dev_set_vlan_offload(uint16_t port_id, int offload_mask)
	__rte_capdk_unsupported("rte_eth_dev_set_vlan_offload");
int rte_eth_dev_get_vlan_offload(uint16_t port_id)
	__rte_capdk_unsupported("rte_eth_dev_get_vlan_offload");
int rte_eth_dev_set_vlan_strip_on_queue(uint16_t port_id, uint16_t rx_queue_id, int on)
	__rte_capdk_unsupported("rte_eth_dev_set_vlan_strip_on_queue");
int rte_eth_dev_set_vlan_pvid(uint16_t port_id, uint16_t pvid, int on)
	__rte_capdk_unsupported("rte_eth_dev_set_vlan_pvid");
int rte_eth_dev_flow_ctrl_get(uint16_t port_id, void *fc_conf)
	__rte_capdk_unsupported("rte_eth_dev_flow_ctrl_get (flow control)");
int rte_eth_dev_flow_ctrl_set(uint16_t port_id, void *fc_conf)
	__rte_capdk_unsupported("rte_eth_dev_flow_ctrl_set (flow control)");
int rte_eth_dev_get_reg_info(uint16_t port_id, void *info)
	__rte_capdk_unsupported("rte_eth_dev_get_reg_info (register dumps)");
int rte_eth_dev_get_eeprom_length(uint16_t port_id)
	__rte_capdk_unsupported("rte_eth_dev_get_eeprom_length (EEPROM access)");
int rte_eth_dev_get_eeprom(uint16_t port_id, void *info)
	__rte_capdk_unsupported("rte_eth_dev_get_eeprom (EEPROM access)");
int rte_eth_dev_set_eeprom(uint16_t port_id, void *info)
	__rte_capdk_unsupported("rte_eth_dev_set_eeprom (EEPROM access)");
int rte_eth_dev_fw_version_get(uint16_t port_id, char *fw_version, size_t fw_size)
	__rte_capdk_unsupported("rte_eth_dev_fw_version_get");
int rte_eth_dev_get_dcb_info(uint16_t port_id, void *dcb_info)
	__rte_capdk_unsupported("rte_eth_dev_get_dcb_info (DCB)");
int rte_eth_timesync_enable(uint16_t port_id)
	__rte_capdk_unsupported("rte_eth_timesync_enable (IEEE 1588)");
int rte_eth_timesync_disable(uint16_t port_id)
	__rte_capdk_unsupported("rte_eth_timesync_disable (IEEE 1588)");
int rte_eth_timesync_read_rx_timestamp(uint16_t port_id, void *timestamp, uint32_t flags)
	__rte_capdk_unsupported("rte_eth_timesync_read_rx_timestamp (IEEE 1588)");
int rte_eth_timesync_read_tx_timestamp(uint16_t port_id, void *timestamp)
	__rte_capdk_unsupported("rte_eth_timesync_read_tx_timestamp (IEEE 1588)");
int rte_eth_timesync_adjust_time(uint16_t port_id, int64_t delta)
	__rte_capdk_unsupported("rte_eth_timesync_adjust_time (IEEE 1588)");
int rte_eth_timesync_read_time(uint16_t port_id, void *time)
	__rte_capdk_unsupported("rte_eth_timesync_read_time (IEEE 1588)");
int rte_eth_timesync_write_time(uint16_t port_id, const void *time)
	__rte_capdk_unsupported("rte_eth_timesync_write_time (IEEE 1588)");
int rte_eth_dev_owner_new(uint64_t *owner_id)
	__rte_capdk_unsupported("rte_eth_dev_owner_new (port ownership)");
int rte_eth_dev_owner_set(uint16_t port_id, const void *owner)
	__rte_capdk_unsupported("rte_eth_dev_owner_set (port ownership)");
uint64_t rte_eth_find_next_owned_by(uint16_t port_id, const uint64_t owner_id)
	__rte_capdk_unsupported("rte_eth_find_next_owned_by (port ownership)");
int rte_eth_dev_is_removed(uint16_t port_id)
	__rte_capdk_unsupported("rte_eth_dev_is_removed (hot plug)");
const char *rte_eth_dev_rx_offload_name(uint64_t offload)
	__rte_capdk_unsupported("rte_eth_dev_rx_offload_name");
const char *rte_eth_dev_tx_offload_name(uint64_t offload)
	__rte_capdk_unsupported("rte_eth_dev_tx_offload_name");
int rte_eth_dev_udp_tunnel_port_add(uint16_t port_id, void *tunnel_udp)
	__rte_capdk_unsupported("rte_eth_dev_udp_tunnel_port_add");
int rte_eth_hairpin_queue_peer_bind(uint16_t tx_port, uint16_t rx_port)
	__rte_capdk_unsupported("rte_eth_hairpin_queue_peer_bind (hairpin queues)");
int rte_eth_rx_hairpin_queue_setup(uint16_t port_id, uint16_t rx_queue_id,
				   uint16_t nb_rx_desc, const void *conf)
	__rte_capdk_unsupported("rte_eth_rx_hairpin_queue_setup (hairpin queues)");
int rte_eth_tx_hairpin_queue_setup(uint16_t port_id, uint16_t tx_queue_id,
				   uint16_t nb_tx_desc, const void *conf)
	__rte_capdk_unsupported("rte_eth_tx_hairpin_queue_setup (hairpin queues)");

#endif
