/*
 * What the control path (igb_ethdev.c) and the data path (igb_rxtx.c) of
 * net_e1000_igb share: the queue structures. A burst function sees only its
 * queue and the capabilities in it: no BAR, no port, no control slice.
 */
#ifndef PMD_IGB_QUEUE_H
#define PMD_IGB_QUEUE_H

#include "cdk_pmd.h"
#include "pmd/intel_gbe/gbe_queue.h"

/* Receive queue. Descriptors [rx_tail, rdt) belong to the device; rdt is
 * held back so that RDT never equals RDH on a full ring (82576 DS 7.1.3). */
struct igb_rx_queue {
	/* hot: read every burst */
	cdk_cap_t ring;       /* descriptor ring: R W D */
	cdk_cap_t doorbell;   /* RDT: 4 bytes, W */
	cdk_cap_t pool;       /* DMA capability of mp */
	struct cdk_mbuf **sw_ring; /* the mbuf behind each descriptor */
	struct cdk_mempool *mp;
	struct cdk_mbuf *pkt_first, *pkt_last; /* frame being chained */
	uint64_t ol_flags;    /* RSS hash flag when RSS is on */
	const uint32_t *ptypes; /* IGB_PTYPES entries (igb_ptypes_fill); NULL:
				 * the application turned classification off */
	uint16_t nb_desc;
	uint16_t rx_tail;     /* next descriptor to look at */
	uint16_t rdt;         /* last value written to RDT */
	uint16_t nb_hold;     /* consumed and refilled, not yet posted */
	uint16_t free_thresh; /* post refills in batches of more than this */
	uint16_t nb_segs;     /* segments in pkt_first */
	uint16_t max_segs;    /* longest chain a frame may take */
	uint16_t port_id;
	uint32_t buf_len;     /* SRRCTL.BSIZEPACKET in bytes */
	uint8_t vlan_strip;   /* CTRL.VME: the tag is in the write-back */
	uint8_t discard;      /* dropping the rest of a frame until EOP */
	/* counters, written by the burst only */
	uint64_t pkts, bytes;
	uint64_t nombuf;      /* mbuf allocation failed */
	uint64_t bad_len;     /* write-back length 0 or over the buffer */
	uint64_t bad_status;  /* frame error bits set */
	uint64_t ghost_dd;    /* DD on a descriptor never posted */
	uint64_t too_long;    /* chain longer than max_segs (no EOP) */
	uint64_t iova_fault;  /* an mbuf outside the granted pool */
	/* cold */
	cdk_cap_t head;       /* RDH: 4 bytes, R (diagnostics only) */
	uint16_t queue_id;
	uint8_t deferred_start; /* not started with the port */
	uint8_t pthresh, hthresh, wthresh;
} __cdk_cache_aligned;

/* Transmit queue. RS goes on the end of a packet once rs_thresh
 * descriptors were used since the last RS: one DD frees a batch. */
struct igb_tx_queue {
	cdk_cap_t ring;       /* descriptor ring: R W D */
	cdk_cap_t doorbell;   /* TDT: 4 bytes, W */
	struct gbe_tx_entry *sw_ring;
	uint16_t nb_desc;
	uint16_t tx_tail;     /* next descriptor to fill */
	uint16_t nb_free;     /* descriptors known to be free */
	uint16_t last_cleaned; /* last descriptor given back */
	uint16_t nb_used;     /* used since the last RS */
	uint16_t rs_thresh, free_thresh;
	uint16_t last_pool;   /* the pool that matched last time */
	unsigned n_pools;
	cdk_cap_t pools[CDK_QUEUE_MAX_POOLS]; /* may DMA from these only */
	/* the context descriptor the device holds in slot 0 (0: none) */
	uint32_t ctx_lens, ctx_tucmd;
	uint64_t pkts, bytes;
	uint64_t refused;     /* an mbuf outside every granted pool */
	uint64_t bad_offload; /* l2_len/l3_len beyond what a context holds */
	cdk_cap_t head;       /* TDH: 4 bytes, R (diagnostics only) */
	uint16_t queue_id;
	uint8_t deferred_start; /* not started with the port */
	uint8_t pthresh, hthresh, wthresh;
} __cdk_cache_aligned;

/* The packet types of a write-back's packet type bits 0-5, indexed by
 * them, reduced to the layers in mask (the port keeps one table; its rx
 * queues point at it). */
#define IGB_PTYPES 64
void igb_ptypes_fill(uint32_t tbl[IGB_PTYPES], uint32_t mask);
/* Every type the table holds, ending with CDK_PTYPE_UNKNOWN. */
extern const uint32_t igb_ptypes_supported[];

uint16_t igb_recv_pkts(void *rxq, struct cdk_mbuf **pkts, uint16_t n);
uint16_t igb_xmit_pkts(void *txq, struct cdk_mbuf **pkts, uint16_t n);

/* Fill every rx descriptor with a fresh buffer (start); 0 or -errno. */
int igb_rx_ring_fill(struct igb_rx_queue *q);
/* Give every mbuf a queue holds back to its pool (stop, release). */
void igb_rx_queue_drain(struct igb_rx_queue *q);
void igb_tx_queue_drain(struct igb_tx_queue *q);
/* Back to the state after setup: indices at zero, empty rings. */
void igb_rx_queue_reset(struct igb_rx_queue *q);
void igb_tx_queue_reset(struct igb_tx_queue *q);

#endif
