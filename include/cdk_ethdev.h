/*
 * Ethernet ports: configuration, queues, start/stop, statistics, and the
 * inline burst functions of the fast path. DPDK's call order and errors:
 * configure -> queue setup -> start -> (bursts) -> stop -> close.
 */
#ifndef CDK_ETHDEV_H
#define CDK_ETHDEV_H

#include <stdint.h>
#include <stdio.h>

#include "cdk_common.h"
#include "cdk_mbuf.h"
#include "cdk_mempool.h"
#include "cdk_net.h"
#include "cdk_prefetch.h"

#define CDK_MAX_ETHPORTS 32
#define CDK_MAX_QUEUES_PER_PORT 16
#define CDK_ETHDEV_QUEUE_STAT_CNTRS 16
#define CDK_ETH_NAME_MAX_LEN 64
#define CDK_ETH_XSTATS_NAME_SIZE 64
#define CDK_ETH_RETA_GROUP_SIZE 64

/* Multi-queue modes and RSS hash functions (DPDK's values). */
#define CDK_ETH_MQ_RX_NONE 0
#define CDK_ETH_MQ_RX_RSS 1
#define CDK_ETH_MQ_TX_NONE 0
#define CDK_ETH_RSS_IPV4 (1ull << 2)
#define CDK_ETH_RSS_NONFRAG_IPV4_TCP (1ull << 4)
#define CDK_ETH_RSS_NONFRAG_IPV4_UDP (1ull << 5)
#define CDK_ETH_RSS_IP CDK_ETH_RSS_IPV4
#define CDK_ETH_RSS_TCP CDK_ETH_RSS_NONFRAG_IPV4_TCP
#define CDK_ETH_RSS_UDP CDK_ETH_RSS_NONFRAG_IPV4_UDP

/* Offloads (DPDK's bit values). */
#define CDK_ETH_RX_OFFLOAD_VLAN_STRIP (1ull << 0)
#define CDK_ETH_RX_OFFLOAD_IPV4_CKSUM (1ull << 1)
#define CDK_ETH_RX_OFFLOAD_UDP_CKSUM (1ull << 2)
#define CDK_ETH_RX_OFFLOAD_TCP_CKSUM (1ull << 3)
#define CDK_ETH_RX_OFFLOAD_VLAN_FILTER (1ull << 9)
#define CDK_ETH_RX_OFFLOAD_SCATTER (1ull << 13)
#define CDK_ETH_RX_OFFLOAD_KEEP_CRC (1ull << 16)
#define CDK_ETH_RX_OFFLOAD_RSS_HASH (1ull << 19)
#define CDK_ETH_TX_OFFLOAD_VLAN_INSERT (1ull << 0)
#define CDK_ETH_TX_OFFLOAD_IPV4_CKSUM (1ull << 1)
#define CDK_ETH_TX_OFFLOAD_UDP_CKSUM (1ull << 2)
#define CDK_ETH_TX_OFFLOAD_TCP_CKSUM (1ull << 3)
#define CDK_ETH_TX_OFFLOAD_MULTI_SEGS (1ull << 15)
#define CDK_ETH_TX_OFFLOAD_MBUF_FAST_FREE (1ull << 16)

#define CDK_ETH_LINK_DOWN 0
#define CDK_ETH_LINK_UP 1
#define CDK_ETH_LINK_HALF_DUPLEX 0
#define CDK_ETH_LINK_FULL_DUPLEX 1
#define CDK_ETH_LINK_FIXED 0
#define CDK_ETH_LINK_AUTONEG 1
#define CDK_ETH_SPEED_NUM_NONE 0
#define CDK_ETH_SPEED_NUM_10M 10
#define CDK_ETH_SPEED_NUM_100M 100
#define CDK_ETH_SPEED_NUM_1G 1000
#define CDK_ETH_SPEED_NUM_10G 10000
#define CDK_ETH_SPEED_NUM_UNKNOWN UINT32_MAX

struct cdk_eth_rss_conf {
	uint8_t *rss_key;
	uint8_t rss_key_len;
	uint64_t rss_hf;
};

struct cdk_eth_rxmode {
	uint32_t mq_mode;
	uint32_t mtu; /* 0: leave as is */
	uint32_t max_lro_pkt_size;
	uint64_t offloads;
};

struct cdk_eth_txmode {
	uint32_t mq_mode;
	uint64_t offloads;
};

struct cdk_eth_conf {
	uint32_t link_speeds;
	struct cdk_eth_rxmode rxmode;
	struct cdk_eth_txmode txmode;
	uint32_t lpbk_mode;
	struct {
		struct cdk_eth_rss_conf rss_conf;
	} rx_adv_conf;
	uint32_t dcb_capability_en;
	struct {
		uint32_t lsc : 1;
		uint32_t rxq : 1;
		uint32_t rmv : 1;
	} intr_conf;
};

struct cdk_eth_thresh {
	uint8_t pthresh, hthresh, wthresh;
};

struct cdk_eth_rxconf {
	struct cdk_eth_thresh rx_thresh;
	uint16_t rx_free_thresh;
	uint8_t rx_drop_en;
	uint8_t rx_deferred_start;
	uint64_t offloads;
};

struct cdk_eth_txconf {
	struct cdk_eth_thresh tx_thresh;
	uint16_t tx_rs_thresh;
	uint16_t tx_free_thresh;
	uint8_t tx_deferred_start;
	uint64_t offloads;
};

struct cdk_eth_desc_lim {
	uint16_t nb_max, nb_min, nb_align;
	uint16_t nb_seg_max, nb_mtu_seg_max;
};

struct cdk_eth_dev_info {
	const char *driver_name;
	const char *device_name;
	unsigned if_index;
	uint16_t min_mtu, max_mtu;
	uint32_t min_rx_bufsize;
	uint32_t max_rx_pktlen;
	uint16_t max_rx_queues, max_tx_queues;
	uint32_t max_mac_addrs;
	uint64_t rx_offload_capa, tx_offload_capa;
	uint64_t rx_queue_offload_capa, tx_queue_offload_capa;
	uint16_t reta_size;
	uint8_t hash_key_size;
	uint64_t flow_type_rss_offloads;
	struct cdk_eth_rxconf default_rxconf;
	struct cdk_eth_txconf default_txconf;
	struct cdk_eth_desc_lim rx_desc_lim, tx_desc_lim;
	uint32_t speed_capa;
	uint16_t nb_rx_queues, nb_tx_queues;
};

struct cdk_eth_link {
	uint32_t link_speed;
	uint16_t link_duplex : 1;
	uint16_t link_autoneg : 1;
	uint16_t link_status : 1;
};

struct cdk_eth_stats {
	uint64_t ipackets, opackets, ibytes, obytes;
	uint64_t imissed, ierrors, oerrors, rx_nombuf;
	uint64_t q_ipackets[CDK_ETHDEV_QUEUE_STAT_CNTRS];
	uint64_t q_opackets[CDK_ETHDEV_QUEUE_STAT_CNTRS];
	uint64_t q_ibytes[CDK_ETHDEV_QUEUE_STAT_CNTRS];
	uint64_t q_obytes[CDK_ETHDEV_QUEUE_STAT_CNTRS];
	uint64_t q_errors[CDK_ETHDEV_QUEUE_STAT_CNTRS];
};

struct cdk_eth_xstat {
	uint64_t id;
	uint64_t value;
};

struct cdk_eth_xstat_name {
	char name[CDK_ETH_XSTATS_NAME_SIZE];
};

struct cdk_eth_rss_reta_entry64 {
	uint64_t mask;
	uint16_t reta[CDK_ETH_RETA_GROUP_SIZE];
};

/* ---- the fast path ---- */

typedef uint16_t (*cdk_eth_rx_burst_t)(void *rxq, struct cdk_mbuf **pkts,
				       uint16_t nb_pkts);
typedef uint16_t (*cdk_eth_tx_burst_t)(void *txq, struct cdk_mbuf **pkts,
				       uint16_t nb_pkts);

/* What a burst needs of a port, in one place (queues NULL when stopped). */
struct cdk_eth_fp_ops {
	cdk_eth_rx_burst_t rx_pkt_burst;
	cdk_eth_tx_burst_t tx_pkt_burst;
	void *rxq[CDK_MAX_QUEUES_PER_PORT];
	void *txq[CDK_MAX_QUEUES_PER_PORT];
} __cdk_cache_aligned;

extern struct cdk_eth_fp_ops cdk_eth_fp_ops[CDK_MAX_ETHPORTS];

/*
 * Receive up to nb_pkts packets. An unknown port or queue, or a port that
 * is not started, receives nothing: three predictable branches.
 */
static inline uint16_t cdk_eth_rx_burst(uint16_t port_id, uint16_t queue_id,
					struct cdk_mbuf **rx_pkts,
					const uint16_t nb_pkts)
{
	struct cdk_eth_fp_ops *p;
	void *q;

	if (cdk_unlikely(port_id >= CDK_MAX_ETHPORTS ||
			 queue_id >= CDK_MAX_QUEUES_PER_PORT))
		return 0;
	p = &cdk_eth_fp_ops[port_id];
	q = p->rxq[queue_id];
	if (cdk_unlikely(q == NULL))
		return 0;
	return p->rx_pkt_burst(q, rx_pkts, nb_pkts);
}

/* Send up to nb_pkts packets; those not sent remain the caller's. */
static inline uint16_t cdk_eth_tx_burst(uint16_t port_id, uint16_t queue_id,
					struct cdk_mbuf **tx_pkts,
					uint16_t nb_pkts)
{
	struct cdk_eth_fp_ops *p;
	void *q;

	if (cdk_unlikely(port_id >= CDK_MAX_ETHPORTS ||
			 queue_id >= CDK_MAX_QUEUES_PER_PORT))
		return 0;
	p = &cdk_eth_fp_ops[port_id];
	q = p->txq[queue_id];
	if (cdk_unlikely(q == NULL))
		return 0;
	return p->tx_pkt_burst(q, tx_pkts, nb_pkts);
}

/* ---- buffered transmit (DPDK's tx buffers) ---- */

typedef void (*cdk_eth_buffer_tx_error_fn)(struct cdk_mbuf **unsent,
					   uint16_t count, void *userdata);

struct cdk_eth_dev_tx_buffer {
	cdk_eth_buffer_tx_error_fn error_callback;
	void *error_userdata;
	uint16_t size;   /* how many packets make a full buffer */
	uint16_t length; /* how many are buffered now */
	struct cdk_mbuf *pkts[];
};

#define CDK_ETH_TX_BUFFER_SIZE(sz)                                     \
	(sizeof(struct cdk_eth_dev_tx_buffer) + (sz) * sizeof(struct cdk_mbuf *))

int cdk_eth_tx_buffer_init(struct cdk_eth_dev_tx_buffer *buffer, uint16_t size);
int cdk_eth_tx_buffer_set_err_callback(struct cdk_eth_dev_tx_buffer *buffer,
				       cdk_eth_buffer_tx_error_fn cb,
				       void *userdata);
/* Error callbacks: drop (free) unsent packets, optionally counting them. */
void cdk_eth_tx_buffer_drop_callback(struct cdk_mbuf **pkts, uint16_t unsent,
				     void *userdata);
void cdk_eth_tx_buffer_count_callback(struct cdk_mbuf **pkts, uint16_t unsent,
				      void *userdata);

/* Send what is buffered; the unsent go to the error callback. */
static inline uint16_t cdk_eth_tx_buffer_flush(uint16_t port_id,
					       uint16_t queue_id,
					       struct cdk_eth_dev_tx_buffer *b)
{
	uint16_t n = b->length, sent;

	if (n == 0)
		return 0;
	sent = cdk_eth_tx_burst(port_id, queue_id, b->pkts, n);
	b->length = 0;
	if (cdk_unlikely(sent != n))
		b->error_callback(&b->pkts[sent], (uint16_t)(n - sent),
				  b->error_userdata);
	return sent;
}

/* Buffer one packet; sends the buffer when it is full. */
static inline uint16_t cdk_eth_tx_buffer(uint16_t port_id, uint16_t queue_id,
					 struct cdk_eth_dev_tx_buffer *b,
					 struct cdk_mbuf *pkt)
{
	b->pkts[b->length++] = pkt;
	if (b->length < b->size)
		return 0;
	return cdk_eth_tx_buffer_flush(port_id, queue_id, b);
}

/* ---- the control path ---- */

uint16_t cdk_eth_dev_count_avail(void);
uint16_t cdk_eth_dev_count_total(void);
int cdk_eth_dev_is_valid_port(uint16_t port_id);
/* Next attached port at or after port_id, or CDK_MAX_ETHPORTS. */
uint16_t cdk_eth_find_next(uint16_t port_id);
#define CDK_ETH_FOREACH_DEV(p)                                         \
	for (p = cdk_eth_find_next(0); p < CDK_MAX_ETHPORTS;           \
	     p = cdk_eth_find_next(p + 1))

int cdk_eth_dev_get_port_by_name(const char *name, uint16_t *port_id);
int cdk_eth_dev_get_name_by_port(uint16_t port_id, char *name);
int cdk_eth_dev_socket_id(uint16_t port_id);

int cdk_eth_dev_configure(uint16_t port_id, uint16_t nb_rx_q, uint16_t nb_tx_q,
			  const struct cdk_eth_conf *conf);
int cdk_eth_dev_adjust_nb_rx_tx_desc(uint16_t port_id, uint16_t *nb_rx_desc,
				     uint16_t *nb_tx_desc);
int cdk_eth_rx_queue_setup(uint16_t port_id, uint16_t rx_queue_id,
			   uint16_t nb_rx_desc, unsigned socket_id,
			   const struct cdk_eth_rxconf *rx_conf,
			   struct cdk_mempool *mb_pool);
int cdk_eth_tx_queue_setup(uint16_t port_id, uint16_t tx_queue_id,
			   uint16_t nb_tx_desc, unsigned socket_id,
			   const struct cdk_eth_txconf *tx_conf);
int cdk_eth_dev_start(uint16_t port_id);
int cdk_eth_dev_stop(uint16_t port_id);
int cdk_eth_dev_close(uint16_t port_id);
int cdk_eth_dev_reset(uint16_t port_id);
int cdk_eth_dev_is_started(uint16_t port_id);
/*
 * Start or stop one queue of a started port (DPDK's semantics): -ENODEV for
 * an unknown port, -EINVAL for a queue that is not set up (or, to start,
 * a port that is not started), -ENOTSUP when the driver cannot; starting a
 * started queue or stopping a stopped one does nothing. A stopped queue
 * receives and sends nothing and holds no capabilities. A queue set up with
 * rx_deferred_start / tx_deferred_start is not started by cdk_eth_dev_start.
 */
int cdk_eth_dev_rx_queue_start(uint16_t port_id, uint16_t rx_queue_id);
int cdk_eth_dev_rx_queue_stop(uint16_t port_id, uint16_t rx_queue_id);
int cdk_eth_dev_tx_queue_start(uint16_t port_id, uint16_t tx_queue_id);
int cdk_eth_dev_tx_queue_stop(uint16_t port_id, uint16_t tx_queue_id);

int cdk_eth_dev_info_get(uint16_t port_id, struct cdk_eth_dev_info *info);
int cdk_eth_link_get(uint16_t port_id, struct cdk_eth_link *link);
int cdk_eth_link_get_nowait(uint16_t port_id, struct cdk_eth_link *link);
const char *cdk_eth_link_speed_to_str(uint32_t speed);
int cdk_eth_link_to_str(char *str, size_t len, const struct cdk_eth_link *l);

int cdk_eth_promiscuous_enable(uint16_t port_id);
int cdk_eth_promiscuous_disable(uint16_t port_id);
int cdk_eth_promiscuous_get(uint16_t port_id);
int cdk_eth_allmulticast_enable(uint16_t port_id);
int cdk_eth_allmulticast_disable(uint16_t port_id);
int cdk_eth_allmulticast_get(uint16_t port_id);
int cdk_eth_macaddr_get(uint16_t port_id, struct cdk_ether_addr *mac);
int cdk_eth_dev_default_mac_addr_set(uint16_t port_id,
				     struct cdk_ether_addr *mac);
int cdk_eth_dev_set_mtu(uint16_t port_id, uint16_t mtu);
int cdk_eth_dev_get_mtu(uint16_t port_id, uint16_t *mtu);

int cdk_eth_stats_get(uint16_t port_id, struct cdk_eth_stats *stats);
int cdk_eth_stats_reset(uint16_t port_id);
/* Fills up to n names; returns how many there are (call with n=0 to size). */
int cdk_eth_xstats_get_names(uint16_t port_id,
			     struct cdk_eth_xstat_name *names, unsigned n);
int cdk_eth_xstats_get(uint16_t port_id, struct cdk_eth_xstat *xstats,
		       unsigned n);
int cdk_eth_xstats_get_id_by_name(uint16_t port_id, const char *name,
				  uint64_t *id);
int cdk_eth_xstats_reset(uint16_t port_id);

int cdk_eth_dev_rss_hash_update(uint16_t port_id,
				struct cdk_eth_rss_conf *rss_conf);
int cdk_eth_dev_rss_hash_conf_get(uint16_t port_id,
				  struct cdk_eth_rss_conf *rss_conf);
int cdk_eth_dev_rss_reta_update(uint16_t port_id,
				struct cdk_eth_rss_reta_entry64 *reta_conf,
				uint16_t reta_size);
int cdk_eth_dev_rss_reta_query(uint16_t port_id,
			       struct cdk_eth_rss_reta_entry64 *reta_conf,
			       uint16_t reta_size);

/*
 * Packet types (pmd/ethdev_ptypes.c), as DPDK's. get: the types the port's
 * rx bursts report among ptype_mask; fills up to num of them and returns
 * how many there are (0 for a driver that classifies nothing).
 * set: report only the layers in ptype_mask, each layer whole
 * (CDK_PTYPE_L3_MASK, ...) or absent; CDK_PTYPE_UNKNOWN (0) turns
 * classification off, as forwarding applications that never read
 * packet_type do. set_ptypes, if num > 0, receives the types that remain,
 * ending with CDK_PTYPE_UNKNOWN. Like DPDK's, set is a control operation:
 * call it while no lcore polls the port's rx queues (before start, say).
 * -ENODEV, -EINVAL (mask not whole layers, set_ptypes NULL with num > 0).
 */
int cdk_eth_dev_get_supported_ptypes(uint16_t port_id, uint32_t ptype_mask,
				     uint32_t *ptypes, int num);
int cdk_eth_dev_set_ptypes(uint16_t port_id, uint32_t ptype_mask,
			   uint32_t *set_ptypes, unsigned num);

/* Print every capability slice a port's queues hold. */
int cdk_eth_dev_cap_report(uint16_t port_id, FILE *f);

#endif
