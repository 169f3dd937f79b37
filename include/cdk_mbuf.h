/*
 * Packet buffers (DPDK 22.11's rte_mbuf: same field names, meanings, flag
 * values and layout order).
 *
 * An mbuf is a mempool object: the 128-byte struct cdk_mbuf, then priv_size
 * bytes of application private data, then the data buffer (buf_len bytes, of
 * which the first CDK_PKTMBUF_HEADROOM are headroom). A packet is a chain of
 * segments linked by next; only the first segment's pkt_len and nb_segs are
 * meaningful.
 *
 * A direct mbuf owns its buffer. An indirect mbuf (cdk_pktmbuf_attach,
 * cdk_pktmbuf_clone) points at another mbuf's buffer and holds a reference
 * to it; freeing the indirect mbuf drops that reference.
 *
 * Invariant of free mbufs in a pool: refcnt 1, next NULL, nb_segs 1, so that
 * allocation needs to reset only the per-packet fields.
 */
#ifndef CDK_MBUF_H
#define CDK_MBUF_H

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cdk_common.h"
#include "cdk_mempool.h"

/* ---- offload flags (ol_flags), DPDK's bit values ---- */

#define CDK_MBUF_F_RX_VLAN (1ULL << 0)
#define CDK_MBUF_F_RX_RSS_HASH (1ULL << 1)
#define CDK_MBUF_F_RX_FDIR (1ULL << 2)
#define CDK_MBUF_F_RX_OUTER_IP_CKSUM_BAD (1ULL << 5)
#define CDK_MBUF_F_RX_VLAN_STRIPPED (1ULL << 6)

#define CDK_MBUF_F_RX_IP_CKSUM_MASK ((1ULL << 4) | (1ULL << 7))
#define CDK_MBUF_F_RX_IP_CKSUM_UNKNOWN 0
#define CDK_MBUF_F_RX_IP_CKSUM_BAD (1ULL << 4)
#define CDK_MBUF_F_RX_IP_CKSUM_GOOD (1ULL << 7)
#define CDK_MBUF_F_RX_IP_CKSUM_NONE ((1ULL << 4) | (1ULL << 7))

#define CDK_MBUF_F_RX_L4_CKSUM_MASK ((1ULL << 3) | (1ULL << 8))
#define CDK_MBUF_F_RX_L4_CKSUM_UNKNOWN 0
#define CDK_MBUF_F_RX_L4_CKSUM_BAD (1ULL << 3)
#define CDK_MBUF_F_RX_L4_CKSUM_GOOD (1ULL << 8)
#define CDK_MBUF_F_RX_L4_CKSUM_NONE ((1ULL << 3) | (1ULL << 8))

#define CDK_MBUF_F_RX_IEEE1588_PTP (1ULL << 9)
#define CDK_MBUF_F_RX_IEEE1588_TMST (1ULL << 10)
#define CDK_MBUF_F_RX_FDIR_ID (1ULL << 13)
#define CDK_MBUF_F_RX_FDIR_FLX (1ULL << 14)
#define CDK_MBUF_F_RX_QINQ_STRIPPED (1ULL << 15)
#define CDK_MBUF_F_RX_LRO (1ULL << 16)
#define CDK_MBUF_F_RX_SEC_OFFLOAD (1ULL << 18)
#define CDK_MBUF_F_RX_SEC_OFFLOAD_FAILED (1ULL << 19)
#define CDK_MBUF_F_RX_QINQ (1ULL << 20)

#define CDK_MBUF_F_RX_OUTER_L4_CKSUM_MASK ((1ULL << 21) | (1ULL << 22))
#define CDK_MBUF_F_RX_OUTER_L4_CKSUM_UNKNOWN 0
#define CDK_MBUF_F_RX_OUTER_L4_CKSUM_BAD (1ULL << 21)
#define CDK_MBUF_F_RX_OUTER_L4_CKSUM_GOOD (1ULL << 22)
#define CDK_MBUF_F_RX_OUTER_L4_CKSUM_INVALID ((1ULL << 21) | (1ULL << 22))

#define CDK_MBUF_F_FIRST_FREE (1ULL << 23)
#define CDK_MBUF_F_LAST_FREE (1ULL << 40)

#define CDK_MBUF_F_TX_OUTER_UDP_CKSUM (1ULL << 41)
#define CDK_MBUF_F_TX_UDP_SEG (1ULL << 42)
#define CDK_MBUF_F_TX_SEC_OFFLOAD (1ULL << 43)
#define CDK_MBUF_F_TX_MACSEC (1ULL << 44)

#define CDK_MBUF_F_TX_TUNNEL_VXLAN (0x1ULL << 45)
#define CDK_MBUF_F_TX_TUNNEL_GRE (0x2ULL << 45)
#define CDK_MBUF_F_TX_TUNNEL_IPIP (0x3ULL << 45)
#define CDK_MBUF_F_TX_TUNNEL_GENEVE (0x4ULL << 45)
#define CDK_MBUF_F_TX_TUNNEL_MPLSINUDP (0x5ULL << 45)
#define CDK_MBUF_F_TX_TUNNEL_VXLAN_GPE (0x6ULL << 45)
#define CDK_MBUF_F_TX_TUNNEL_GTP (0x7ULL << 45)
#define CDK_MBUF_F_TX_TUNNEL_ESP (0x8ULL << 45)
#define CDK_MBUF_F_TX_TUNNEL_IP (0xDULL << 45)
#define CDK_MBUF_F_TX_TUNNEL_UDP (0xEULL << 45)
#define CDK_MBUF_F_TX_TUNNEL_MASK (0xFULL << 45)

#define CDK_MBUF_F_TX_QINQ (1ULL << 49)
#define CDK_MBUF_F_TX_TCP_SEG (1ULL << 50)
#define CDK_MBUF_F_TX_IEEE1588_TMST (1ULL << 51)

#define CDK_MBUF_F_TX_L4_NO_CKSUM (0ULL << 52)
#define CDK_MBUF_F_TX_TCP_CKSUM (1ULL << 52)
#define CDK_MBUF_F_TX_SCTP_CKSUM (2ULL << 52)
#define CDK_MBUF_F_TX_UDP_CKSUM (3ULL << 52)
#define CDK_MBUF_F_TX_L4_MASK (3ULL << 52)

#define CDK_MBUF_F_TX_IP_CKSUM (1ULL << 54)
#define CDK_MBUF_F_TX_IPV4 (1ULL << 55)
#define CDK_MBUF_F_TX_IPV6 (1ULL << 56)
#define CDK_MBUF_F_TX_VLAN (1ULL << 57)
#define CDK_MBUF_F_TX_OUTER_IP_CKSUM (1ULL << 58)
#define CDK_MBUF_F_TX_OUTER_IPV4 (1ULL << 59)
#define CDK_MBUF_F_TX_OUTER_IPV6 (1ULL << 60)

#define CDK_MBUF_F_TX_OFFLOAD_MASK                                          \
	(CDK_MBUF_F_TX_OUTER_IPV6 | CDK_MBUF_F_TX_OUTER_IPV4 |              \
	 CDK_MBUF_F_TX_OUTER_IP_CKSUM | CDK_MBUF_F_TX_VLAN |                \
	 CDK_MBUF_F_TX_IPV6 | CDK_MBUF_F_TX_IPV4 | CDK_MBUF_F_TX_IP_CKSUM | \
	 CDK_MBUF_F_TX_L4_MASK | CDK_MBUF_F_TX_IEEE1588_TMST |              \
	 CDK_MBUF_F_TX_TCP_SEG | CDK_MBUF_F_TX_QINQ |                       \
	 CDK_MBUF_F_TX_TUNNEL_MASK | CDK_MBUF_F_TX_MACSEC |                 \
	 CDK_MBUF_F_TX_SEC_OFFLOAD | CDK_MBUF_F_TX_UDP_SEG |                \
	 CDK_MBUF_F_TX_OUTER_UDP_CKSUM)

#define CDK_MBUF_F_EXTERNAL (1ULL << 61) /* external buffer (not supported) */
#define CDK_MBUF_F_INDIRECT (1ULL << 62) /* attached to another mbuf */

/* ---- packet types (packet_type), DPDK's values ---- */

#define CDK_PTYPE_UNKNOWN 0x00000000
#define CDK_PTYPE_L2_ETHER 0x00000001
#define CDK_PTYPE_L2_ETHER_TIMESYNC 0x00000002
#define CDK_PTYPE_L2_ETHER_ARP 0x00000003
#define CDK_PTYPE_L2_ETHER_LLDP 0x00000004
#define CDK_PTYPE_L2_ETHER_NSH 0x00000005
#define CDK_PTYPE_L2_ETHER_VLAN 0x00000006
#define CDK_PTYPE_L2_ETHER_QINQ 0x00000007
#define CDK_PTYPE_L2_ETHER_PPPOE 0x00000008
#define CDK_PTYPE_L2_ETHER_FCOE 0x00000009
#define CDK_PTYPE_L2_ETHER_MPLS 0x0000000a
#define CDK_PTYPE_L2_MASK 0x0000000f
#define CDK_PTYPE_L3_IPV4 0x00000010
#define CDK_PTYPE_L3_IPV4_EXT 0x00000030
#define CDK_PTYPE_L3_IPV6 0x00000040
#define CDK_PTYPE_L3_IPV4_EXT_UNKNOWN 0x00000090
#define CDK_PTYPE_L3_IPV6_EXT 0x000000c0
#define CDK_PTYPE_L3_IPV6_EXT_UNKNOWN 0x000000e0
#define CDK_PTYPE_L3_MASK 0x000000f0
#define CDK_PTYPE_L4_TCP 0x00000100
#define CDK_PTYPE_L4_UDP 0x00000200
#define CDK_PTYPE_L4_FRAG 0x00000300
#define CDK_PTYPE_L4_SCTP 0x00000400
#define CDK_PTYPE_L4_ICMP 0x00000500
#define CDK_PTYPE_L4_NONFRAG 0x00000600
#define CDK_PTYPE_L4_IGMP 0x00000700
#define CDK_PTYPE_L4_MASK 0x00000f00
#define CDK_PTYPE_TUNNEL_IP 0x00001000
#define CDK_PTYPE_TUNNEL_GRE 0x00002000
#define CDK_PTYPE_TUNNEL_VXLAN 0x00003000
#define CDK_PTYPE_TUNNEL_NVGRE 0x00004000
#define CDK_PTYPE_TUNNEL_GENEVE 0x00005000
#define CDK_PTYPE_TUNNEL_GRENAT 0x00006000
#define CDK_PTYPE_TUNNEL_GTPC 0x00007000
#define CDK_PTYPE_TUNNEL_GTPU 0x00008000
#define CDK_PTYPE_TUNNEL_ESP 0x00009000
#define CDK_PTYPE_TUNNEL_L2TP 0x0000a000
#define CDK_PTYPE_TUNNEL_VXLAN_GPE 0x0000b000
#define CDK_PTYPE_TUNNEL_MPLS_IN_GRE 0x0000c000
#define CDK_PTYPE_TUNNEL_MPLS_IN_UDP 0x0000d000
#define CDK_PTYPE_TUNNEL_MASK 0x0000f000
#define CDK_PTYPE_INNER_L2_ETHER 0x00010000
#define CDK_PTYPE_INNER_L2_ETHER_VLAN 0x00020000
#define CDK_PTYPE_INNER_L2_ETHER_QINQ 0x00030000
#define CDK_PTYPE_INNER_L2_MASK 0x000f0000
#define CDK_PTYPE_INNER_L3_IPV4 0x00100000
#define CDK_PTYPE_INNER_L3_IPV4_EXT 0x00200000
#define CDK_PTYPE_INNER_L3_IPV6 0x00300000
#define CDK_PTYPE_INNER_L3_IPV4_EXT_UNKNOWN 0x00400000
#define CDK_PTYPE_INNER_L3_IPV6_EXT 0x00500000
#define CDK_PTYPE_INNER_L3_IPV6_EXT_UNKNOWN 0x00600000
#define CDK_PTYPE_INNER_L3_MASK 0x00f00000
#define CDK_PTYPE_INNER_L4_TCP 0x01000000
#define CDK_PTYPE_INNER_L4_UDP 0x02000000
#define CDK_PTYPE_INNER_L4_FRAG 0x03000000
#define CDK_PTYPE_INNER_L4_SCTP 0x04000000
#define CDK_PTYPE_INNER_L4_ICMP 0x05000000
#define CDK_PTYPE_INNER_L4_NONFRAG 0x06000000
#define CDK_PTYPE_INNER_L4_MASK 0x0f000000
#define CDK_PTYPE_ALL_MASK 0x0fffffff

/* ---- sizes ---- */

#define CDK_PKTMBUF_HEADROOM 128
#define CDK_MBUF_DEFAULT_DATAROOM 2048
#define CDK_MBUF_DEFAULT_BUF_SIZE (CDK_MBUF_DEFAULT_DATAROOM + CDK_PKTMBUF_HEADROOM)
#define CDK_MBUF_PRIV_ALIGN 8 /* priv_size must be a multiple */
#define CDK_MBUF_MAX_NB_SEGS UINT16_MAX
#define CDK_MBUF_PORT_INVALID UINT16_MAX

struct cdk_mbuf_sched {
	uint32_t queue_id;
	uint8_t traffic_class;
	uint8_t color;
	uint16_t reserved;
};

struct cdk_mbuf {
	/* first cache line: what rx and tx touch */
	void *buf_addr;    /* start of the buffer (not of the data) */
	uint64_t buf_iova; /* IOVA of buf_addr */

	uint16_t data_off; /* data start, from buf_addr */
	uint16_t refcnt;   /* atomic; 1 while the mbuf is free in its pool */
	uint16_t nb_segs;  /* segments in the chain (first segment only) */
	uint16_t port;     /* input port (CDK_MBUF_PORT_INVALID: none) */
	uint64_t ol_flags; /* CDK_MBUF_F_* */

	union {
		uint32_t packet_type; /* CDK_PTYPE_* */
		struct {
			uint8_t l2_type : 4;
			uint8_t l3_type : 4;
			uint8_t l4_type : 4;
			uint8_t tun_type : 4;
			union {
				uint8_t inner_esp_next_proto;
				struct {
					uint8_t inner_l2_type : 4;
					uint8_t inner_l3_type : 4;
				};
			};
			uint8_t inner_l4_type : 4;
		};
	};
	uint32_t pkt_len;  /* bytes in the whole chain (first segment only) */
	uint16_t data_len; /* bytes in this segment */
	uint16_t vlan_tci; /* with CDK_MBUF_F_RX_VLAN / TX_VLAN */
	union {
		uint32_t rss; /* with CDK_MBUF_F_RX_RSS_HASH */
		struct {
			union {
				struct {
					uint16_t hash;
					uint16_t id;
				};
				uint32_t lo;
			};
			uint32_t hi;
		} fdir;
		struct cdk_mbuf_sched sched;
		struct {
			uint32_t reserved1;
			uint16_t reserved2;
			uint16_t txq;
		} txadapter;
		uint32_t usr;
	} hash;
	uint16_t vlan_tci_outer; /* with CDK_MBUF_F_RX_QINQ / TX_QINQ */
	uint16_t buf_len;        /* buffer bytes */
	struct cdk_mempool *pool;

	/* second cache line: chains, tx offload, rarely used fields */
	struct cdk_mbuf *next __cdk_cache_aligned; /* next segment or NULL */
	union {
		uint64_t tx_offload;
		struct {
			uint64_t l2_len : 7;
			uint64_t l3_len : 9;
			uint64_t l4_len : 8;
			uint64_t tso_segsz : 16;
			uint64_t outer_l3_len : 9;
			uint64_t outer_l2_len : 7;
		};
	};
	void *shinfo;       /* external buffer info (unused: NULL) */
	uint16_t priv_size; /* bytes between the struct and the buffer */
	uint16_t timesync;  /* IEEE1588 timestamp register index */
	uint32_t dynfield1[9];
} __cdk_cache_aligned;

_Static_assert(sizeof(struct cdk_mbuf) == 2 * CDK_CACHE_LINE_SIZE,
	       "cdk_mbuf must be two cache lines");
_Static_assert(offsetof(struct cdk_mbuf, next) == CDK_CACHE_LINE_SIZE,
	       "cdk_mbuf: next starts the second cache line");

/* What a pktmbuf pool keeps in its mempool private area. */
struct cdk_pktmbuf_pool_private {
	uint16_t mbuf_data_room_size; /* buffer bytes, headroom included */
	uint16_t mbuf_priv_size;      /* application bytes after the struct */
	uint32_t flags;
};

#define CDK_MBUF_DIRECT(mb) (!((mb)->ol_flags & (CDK_MBUF_F_INDIRECT | CDK_MBUF_F_EXTERNAL)))
#define CDK_MBUF_CLONED(mb) ((mb)->ol_flags & CDK_MBUF_F_INDIRECT)
#define CDK_MBUF_HAS_EXTBUF(mb) ((mb)->ol_flags & CDK_MBUF_F_EXTERNAL)

#define cdk_pktmbuf_mtod_offset(m, t, o) \
	((t)(void *)((char *)(m)->buf_addr + (m)->data_off + (o)))
#define cdk_pktmbuf_mtod(m, t) cdk_pktmbuf_mtod_offset(m, t, 0)
#define cdk_pktmbuf_iova_offset(m, o) \
	((uint64_t)((m)->buf_iova + (m)->data_off + (o)))
#define cdk_pktmbuf_iova(m) cdk_pktmbuf_iova_offset(m, 0)
#define cdk_pktmbuf_pkt_len(m) ((m)->pkt_len)
#define cdk_pktmbuf_data_len(m) ((m)->data_len)

/* ---- control path (eal/mbuf.c) ---- */

/*
 * A pool of n packet mbufs with per-lcore caches of cache_size, priv_size
 * bytes of application data per mbuf (a multiple of CDK_MBUF_PRIV_ALIGN) and
 * data_room_size buffer bytes (headroom included; CDK_MBUF_DEFAULT_BUF_SIZE
 * is the usual value). NULL on failure with errno: EINVAL (bad sizes),
 * ENAMETOOLONG, EEXIST, ENOMEM.
 */
struct cdk_mempool *cdk_pktmbuf_pool_create(const char *name, unsigned n,
					    unsigned cache_size,
					    uint16_t priv_size,
					    uint16_t data_room_size,
					    int socket_id);

/* For pools made by hand: fill the private area (opaque_arg: a struct
 * cdk_pktmbuf_pool_private, or NULL for the default data room)... */
void cdk_pktmbuf_pool_init(struct cdk_mempool *mp, void *opaque_arg);
/* ...and initialise each object (a cdk_mempool_obj_cb_t). */
void cdk_pktmbuf_init(struct cdk_mempool *mp, void *opaque_arg, void *m,
		      unsigned i);

/* An indirect chain sharing md's data, from mp; NULL if mp runs out. */
struct cdk_mbuf *cdk_pktmbuf_clone(struct cdk_mbuf *md, struct cdk_mempool *mp);

/* A direct copy of length bytes from offset (UINT32_MAX: to the end) of m,
 * in as few mbufs from mp as fit; NULL if offset is past the end or mp runs
 * out. Metadata (port, flags, hash, types, offload lengths) is copied. */
struct cdk_mbuf *cdk_pktmbuf_copy(const struct cdk_mbuf *m,
				  struct cdk_mempool *mp, uint32_t offset,
				  uint32_t length);

/* Free every segment of every packet in mbufs (NULL entries skipped). */
void cdk_pktmbuf_free_bulk(struct cdk_mbuf **mbufs, unsigned count);

/* 0 if m is consistent (is_header: m heads a packet), else -1 with *reason. */
int cdk_mbuf_check(const struct cdk_mbuf *m, int is_header,
		   const char **reason);

/* Print the chain's header fields and up to dump_len data bytes. */
void cdk_pktmbuf_dump(FILE *f, const struct cdk_mbuf *m, unsigned dump_len);

/* Names of single rx / tx offload flags (NULL if unknown). */
const char *cdk_get_rx_ol_flag_name(uint64_t mask);
const char *cdk_get_tx_ol_flag_name(uint64_t mask);

/* The slow path of cdk_pktmbuf_read. */
const void *cdk_pktmbuf_read_(const struct cdk_mbuf *m, uint32_t off,
			      uint32_t len, void *buf);

/* ---- pool properties ---- */

static inline uint16_t cdk_pktmbuf_data_room_size(struct cdk_mempool *mp)
{
	struct cdk_pktmbuf_pool_private *p = cdk_mempool_get_priv(mp);

	return p->mbuf_data_room_size;
}

static inline uint16_t cdk_pktmbuf_priv_size(struct cdk_mempool *mp)
{
	struct cdk_pktmbuf_pool_private *p = cdk_mempool_get_priv(mp);

	return p->mbuf_priv_size;
}

/* The application's private area of an mbuf. */
static inline void *cdk_mbuf_to_priv(struct cdk_mbuf *m)
{
	return (char *)m + sizeof(*m);
}

/* The start of the buffer a direct mbuf owns. */
static inline char *cdk_mbuf_to_baddr(struct cdk_mbuf *md)
{
	return (char *)md + sizeof(*md) + md->priv_size;
}

/* The direct mbuf whose buffer an indirect mbuf uses (itself if direct). */
static inline struct cdk_mbuf *cdk_mbuf_from_indirect(struct cdk_mbuf *mi)
{
	return (struct cdk_mbuf *)((char *)mi->buf_addr - sizeof(*mi) -
				   mi->priv_size);
}

/* ---- reference count ---- */

static inline uint16_t cdk_mbuf_refcnt_read(const struct cdk_mbuf *m)
{
	return __atomic_load_n(&m->refcnt, __ATOMIC_RELAXED);
}

static inline void cdk_mbuf_refcnt_set(struct cdk_mbuf *m, uint16_t v)
{
	__atomic_store_n(&m->refcnt, v, __ATOMIC_RELAXED);
}

/* Add value (may be negative); returns the new count. */
static inline uint16_t cdk_mbuf_refcnt_update(struct cdk_mbuf *m,
					      int16_t value)
{
	/* A sole owner needs no atomic read-modify-write: nobody else can
	 * change the count meanwhile. */
	if (cdk_likely(cdk_mbuf_refcnt_read(m) == 1)) {
		uint16_t v = (uint16_t)(1 + value);

		cdk_mbuf_refcnt_set(m, v);
		return v;
	}
	return __atomic_add_fetch(&m->refcnt, (uint16_t)value,
				  __ATOMIC_ACQ_REL);
}

/* ---- allocation and reset ---- */

static __cdk_always_inline struct cdk_mbuf *
cdk_mbuf_raw_alloc(struct cdk_mempool *mp)
{
	void *m;

	if (cdk_mempool_get(mp, &m) < 0)
		return NULL;
	return m;
}

/* Back to its pool as is: the caller guarantees the free-mbuf invariant. */
static __cdk_always_inline void cdk_mbuf_raw_free(struct cdk_mbuf *m)
{
	cdk_mempool_put(m->pool, m);
}

static inline void cdk_pktmbuf_reset_headroom(struct cdk_mbuf *m)
{
	m->data_off = (uint16_t)CDK_MIN((uint16_t)CDK_PKTMBUF_HEADROOM,
					m->buf_len);
}

/* Make m an empty one-segment packet. */
static __cdk_always_inline void cdk_pktmbuf_reset(struct cdk_mbuf *m)
{
	m->next = NULL;
	m->pkt_len = 0;
	m->tx_offload = 0;
	m->vlan_tci = 0;
	m->vlan_tci_outer = 0;
	m->nb_segs = 1;
	m->port = CDK_MBUF_PORT_INVALID;
	m->ol_flags &= CDK_MBUF_F_EXTERNAL;
	m->packet_type = 0;
	cdk_pktmbuf_reset_headroom(m);
	m->data_len = 0;
}

static __cdk_always_inline struct cdk_mbuf *
cdk_pktmbuf_alloc(struct cdk_mempool *mp)
{
	struct cdk_mbuf *m = cdk_mbuf_raw_alloc(mp);

	if (cdk_likely(m != NULL))
		cdk_pktmbuf_reset(m);
	return m;
}

/* count reset mbufs, or none: 0 or -ENOENT. */
static __cdk_always_inline int
cdk_pktmbuf_alloc_bulk(struct cdk_mempool *mp, struct cdk_mbuf **mbufs,
		       unsigned count)
{
	unsigned i = 0;
	int rc = cdk_mempool_get_bulk(mp, (void **)mbufs, count);

	if (cdk_unlikely(rc))
		return rc;
	for (; i + 4 <= count; i += 4) {
		cdk_pktmbuf_reset(mbufs[i]);
		cdk_pktmbuf_reset(mbufs[i + 1]);
		cdk_pktmbuf_reset(mbufs[i + 2]);
		cdk_pktmbuf_reset(mbufs[i + 3]);
	}
	for (; i < count; i++)
		cdk_pktmbuf_reset(mbufs[i]);
	return 0;
}

/* ---- attach / detach (indirect mbufs) ---- */

/* Copy the per-packet metadata (not the flags, lengths or buffer). */
static inline void cdk_pktmbuf_copy_hdr_(struct cdk_mbuf *mdst,
					 const struct cdk_mbuf *msrc)
{
	mdst->port = msrc->port;
	mdst->vlan_tci = msrc->vlan_tci;
	mdst->vlan_tci_outer = msrc->vlan_tci_outer;
	mdst->tx_offload = msrc->tx_offload;
	mdst->hash = msrc->hash;
	mdst->packet_type = msrc->packet_type;
	memcpy(mdst->dynfield1, msrc->dynfield1, sizeof(mdst->dynfield1));
}

/*
 * Make the fresh one-segment mbuf mi an indirect view of m's segment (m
 * direct or indirect), holding a reference on the direct mbuf.
 */
static inline void cdk_pktmbuf_attach(struct cdk_mbuf *mi, struct cdk_mbuf *m)
{
	cdk_mbuf_refcnt_update(cdk_mbuf_from_indirect(m), 1);
	mi->priv_size = m->priv_size;
	mi->ol_flags = m->ol_flags | CDK_MBUF_F_INDIRECT;
	cdk_pktmbuf_copy_hdr_(mi, m);
	mi->data_off = m->data_off;
	mi->data_len = m->data_len;
	mi->buf_iova = m->buf_iova;
	mi->buf_addr = m->buf_addr;
	mi->buf_len = m->buf_len;
	mi->next = NULL;
	mi->pkt_len = mi->data_len;
	mi->nb_segs = 1;
}

/* Drop an indirect mbuf's reference on its direct mbuf. */
static inline void cdk_pktmbuf_free_direct_(struct cdk_mbuf *m)
{
	struct cdk_mbuf *md = cdk_mbuf_from_indirect(m);

	if (cdk_mbuf_refcnt_update(md, -1) == 0) {
		md->next = NULL;
		md->nb_segs = 1;
		cdk_mbuf_refcnt_set(md, 1);
		cdk_mbuf_raw_free(md);
	}
}

/* Give an indirect mbuf its own buffer back. */
static inline void cdk_pktmbuf_detach(struct cdk_mbuf *m)
{
	struct cdk_mempool *mp = m->pool;
	uint16_t priv_size = cdk_pktmbuf_priv_size(mp);
	uint32_t mbuf_size = (uint32_t)sizeof(*m) + priv_size;

	cdk_pktmbuf_free_direct_(m);
	m->priv_size = priv_size;
	m->buf_addr = (char *)m + mbuf_size;
	m->buf_iova = cdk_mempool_virt2iova(m) + mbuf_size;
	m->buf_len = cdk_pktmbuf_data_room_size(mp);
	cdk_pktmbuf_reset_headroom(m);
	m->data_len = 0;
	m->ol_flags = 0;
}

/* ---- free ---- */

/*
 * Drop one reference to segment m. Returns m if it is now free (restored to
 * the free-mbuf invariant, to be put in its pool), else NULL.
 */
static __cdk_always_inline struct cdk_mbuf *
cdk_pktmbuf_prefree_seg(struct cdk_mbuf *m)
{
	if (cdk_likely(cdk_mbuf_refcnt_read(m) == 1)) {
		if (!CDK_MBUF_DIRECT(m))
			cdk_pktmbuf_detach(m);
		if (m->next != NULL)
			m->next = NULL;
		if (m->nb_segs != 1)
			m->nb_segs = 1;
		return m;
	}
	if (cdk_mbuf_refcnt_update(m, -1) == 0) {
		if (!CDK_MBUF_DIRECT(m))
			cdk_pktmbuf_detach(m);
		if (m->next != NULL)
			m->next = NULL;
		if (m->nb_segs != 1)
			m->nb_segs = 1;
		cdk_mbuf_refcnt_set(m, 1);
		return m;
	}
	return NULL;
}

/* Free one segment (not the rest of its chain). */
static __cdk_always_inline void cdk_pktmbuf_free_seg(struct cdk_mbuf *m)
{
	m = cdk_pktmbuf_prefree_seg(m);
	if (cdk_likely(m != NULL))
		cdk_mbuf_raw_free(m);
}

/* Free a whole packet (every segment); NULL is a no-op. */
static __cdk_always_inline void cdk_pktmbuf_free(struct cdk_mbuf *m)
{
	struct cdk_mbuf *next;

	while (m != NULL) {
		next = m->next;
		cdk_pktmbuf_free_seg(m);
		m = next;
	}
}

/* ---- data ---- */

static inline uint16_t cdk_pktmbuf_headroom(const struct cdk_mbuf *m)
{
	return m->data_off;
}

static inline uint16_t cdk_pktmbuf_tailroom(const struct cdk_mbuf *m)
{
	return (uint16_t)(m->buf_len - m->data_off - m->data_len);
}

static inline struct cdk_mbuf *cdk_pktmbuf_lastseg(struct cdk_mbuf *m)
{
	while (m->next != NULL)
		m = m->next;
	return m;
}

static inline int cdk_pktmbuf_is_contiguous(const struct cdk_mbuf *m)
{
	return m->nb_segs == 1;
}

/* Grow the data by len bytes at the front; the new start, or NULL if the
 * headroom is too small. */
static inline char *cdk_pktmbuf_prepend(struct cdk_mbuf *m, uint16_t len)
{
	if (cdk_unlikely(len > cdk_pktmbuf_headroom(m)))
		return NULL;
	m->data_off = (uint16_t)(m->data_off - len);
	m->data_len = (uint16_t)(m->data_len + len);
	m->pkt_len += len;
	return (char *)m->buf_addr + m->data_off;
}

/* Grow the packet by len bytes at the end of its last segment; the first
 * new byte, or NULL if that segment's tailroom is too small. */
static inline char *cdk_pktmbuf_append(struct cdk_mbuf *m, uint16_t len)
{
	struct cdk_mbuf *last = cdk_pktmbuf_lastseg(m);
	char *tail;

	if (cdk_unlikely(len > cdk_pktmbuf_tailroom(last)))
		return NULL;
	tail = (char *)last->buf_addr + last->data_off + last->data_len;
	last->data_len = (uint16_t)(last->data_len + len);
	m->pkt_len += len;
	return tail;
}

/* Remove len bytes from the front of the first segment; the new start, or
 * NULL if the segment is shorter. */
static inline char *cdk_pktmbuf_adj(struct cdk_mbuf *m, uint16_t len)
{
	if (cdk_unlikely(len > m->data_len))
		return NULL;
	m->data_len = (uint16_t)(m->data_len - len);
	m->data_off = (uint16_t)(m->data_off + len);
	m->pkt_len -= len;
	return (char *)m->buf_addr + m->data_off;
}

/* Remove len bytes from the end of the last segment: 0, or -EINVAL if that
 * segment is shorter. */
static inline int cdk_pktmbuf_trim(struct cdk_mbuf *m, uint16_t len)
{
	struct cdk_mbuf *last = cdk_pktmbuf_lastseg(m);

	if (cdk_unlikely(len > last->data_len))
		return -EINVAL;
	last->data_len = (uint16_t)(last->data_len - len);
	m->pkt_len -= len;
	return 0;
}

/* Append the packet tail to the packet head: 0, or -EOVERFLOW if the chain
 * would have too many segments. */
static inline int cdk_pktmbuf_chain(struct cdk_mbuf *head,
				    struct cdk_mbuf *tail)
{
	struct cdk_mbuf *cur;

	if (head->nb_segs + tail->nb_segs > CDK_MBUF_MAX_NB_SEGS)
		return -EOVERFLOW;
	cur = cdk_pktmbuf_lastseg(head);
	cur->next = tail;
	head->nb_segs = (uint16_t)(head->nb_segs + tail->nb_segs);
	head->pkt_len += tail->pkt_len;
	/* Only the head keeps the packet's length. */
	tail->pkt_len = tail->data_len;
	return 0;
}

/*
 * len bytes from offset off of the packet: a pointer into the mbuf when
 * they lie in one segment, else copied into buf (len bytes) and buf
 * returned. NULL if the packet is shorter than off + len.
 */
static inline const void *cdk_pktmbuf_read(const struct cdk_mbuf *m,
					   uint32_t off, uint32_t len,
					   void *buf)
{
	if (cdk_likely((uint64_t)off + len <= m->data_len))
		return cdk_pktmbuf_mtod_offset(m, char *, off);
	return cdk_pktmbuf_read_(m, off, len, buf);
}

#endif
