/*
 * Protocol headers (Ethernet, VLAN, IPv4, UDP, TCP) with DPDK's field names
 * and layouts, byte-order helpers, MAC address helpers and Internet
 * checksums. Multi-byte header fields are big-endian (cdk_be*_t).
 */
#ifndef CDK_NET_H
#define CDK_NET_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cdk_common.h"

/* ---- byte order ---- */

typedef uint16_t cdk_be16_t;
typedef uint32_t cdk_be32_t;
typedef uint64_t cdk_be64_t;
typedef uint16_t cdk_le16_t;
typedef uint32_t cdk_le32_t;
typedef uint64_t cdk_le64_t;

/* For constants: usable in initialisers and case labels. */
#define CDK_STATIC_BSWAP16(v) ((uint16_t)((((uint16_t)(v) & 0x00ffu) << 8) | \
					  (((uint16_t)(v) & 0xff00u) >> 8)))
#define CDK_STATIC_BSWAP32(v)                                               \
	((uint32_t)((((uint32_t)(v) & 0x000000ffu) << 24) |                 \
		    (((uint32_t)(v) & 0x0000ff00u) << 8) |                  \
		    (((uint32_t)(v) & 0x00ff0000u) >> 8) |                  \
		    (((uint32_t)(v) & 0xff000000u) >> 24)))

static inline uint16_t cdk_bswap16(uint16_t x) { return __builtin_bswap16(x); }
static inline uint32_t cdk_bswap32(uint32_t x) { return __builtin_bswap32(x); }
static inline uint64_t cdk_bswap64(uint64_t x) { return __builtin_bswap64(x); }

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define CDK_BE16(v) ((cdk_be16_t)CDK_STATIC_BSWAP16(v))
#define CDK_BE32(v) ((cdk_be32_t)CDK_STATIC_BSWAP32(v))
#define CDK_LE16(v) ((cdk_le16_t)(v))
#define CDK_LE32(v) ((cdk_le32_t)(v))
static inline cdk_be16_t cdk_cpu_to_be_16(uint16_t x) { return cdk_bswap16(x); }
static inline cdk_be32_t cdk_cpu_to_be_32(uint32_t x) { return cdk_bswap32(x); }
static inline cdk_be64_t cdk_cpu_to_be_64(uint64_t x) { return cdk_bswap64(x); }
static inline cdk_le16_t cdk_cpu_to_le_16(uint16_t x) { return x; }
static inline cdk_le32_t cdk_cpu_to_le_32(uint32_t x) { return x; }
static inline cdk_le64_t cdk_cpu_to_le_64(uint64_t x) { return x; }
#else
#define CDK_BE16(v) ((cdk_be16_t)(v))
#define CDK_BE32(v) ((cdk_be32_t)(v))
#define CDK_LE16(v) ((cdk_le16_t)CDK_STATIC_BSWAP16(v))
#define CDK_LE32(v) ((cdk_le32_t)CDK_STATIC_BSWAP32(v))
static inline cdk_be16_t cdk_cpu_to_be_16(uint16_t x) { return x; }
static inline cdk_be32_t cdk_cpu_to_be_32(uint32_t x) { return x; }
static inline cdk_be64_t cdk_cpu_to_be_64(uint64_t x) { return x; }
static inline cdk_le16_t cdk_cpu_to_le_16(uint16_t x) { return cdk_bswap16(x); }
static inline cdk_le32_t cdk_cpu_to_le_32(uint32_t x) { return cdk_bswap32(x); }
static inline cdk_le64_t cdk_cpu_to_le_64(uint64_t x) { return cdk_bswap64(x); }
#endif
/* Swapping is its own inverse. */
#define cdk_be_to_cpu_16(x) cdk_cpu_to_be_16(x)
#define cdk_be_to_cpu_32(x) cdk_cpu_to_be_32(x)
#define cdk_be_to_cpu_64(x) cdk_cpu_to_be_64(x)
#define cdk_le_to_cpu_16(x) cdk_cpu_to_le_16(x)
#define cdk_le_to_cpu_32(x) cdk_cpu_to_le_32(x)
#define cdk_le_to_cpu_64(x) cdk_cpu_to_le_64(x)

/* ---- Ethernet ---- */

#define CDK_ETHER_ADDR_LEN 6
#define CDK_ETHER_TYPE_LEN 2
#define CDK_ETHER_CRC_LEN 4
#define CDK_ETHER_HDR_LEN (CDK_ETHER_ADDR_LEN * 2 + CDK_ETHER_TYPE_LEN)
#define CDK_ETHER_MIN_LEN 64   /* frame, CRC included */
#define CDK_ETHER_MAX_LEN 1518 /* frame, CRC included */
#define CDK_ETHER_MTU (CDK_ETHER_MAX_LEN - CDK_ETHER_HDR_LEN - CDK_ETHER_CRC_LEN)
#define CDK_ETHER_MIN_MTU 68
#define CDK_ETHER_MAX_VLAN_FRAME_LEN (CDK_ETHER_MAX_LEN + 4)
#define CDK_VLAN_HLEN 4
#define CDK_ETHER_LOCAL_ADMIN_ADDR 0x02 /* bit of the first byte */
#define CDK_ETHER_GROUP_ADDR 0x01       /* bit of the first byte */
#define CDK_ETHER_ADDR_FMT_SIZE 18      /* "XX:XX:XX:XX:XX:XX" and NUL */
#define CDK_ETHER_ADDR_PRT_FMT "%02X:%02X:%02X:%02X:%02X:%02X"
#define CDK_ETHER_ADDR_BYTES(a)                                            \
	(a)->addr_bytes[0], (a)->addr_bytes[1], (a)->addr_bytes[2],        \
		(a)->addr_bytes[3], (a)->addr_bytes[4], (a)->addr_bytes[5]

/* EtherType values (host order; compare with cdk_be_to_cpu_16). */
#define CDK_ETHER_TYPE_IPV4 0x0800
#define CDK_ETHER_TYPE_IPV6 0x86DD
#define CDK_ETHER_TYPE_ARP 0x0806
#define CDK_ETHER_TYPE_RARP 0x8035
#define CDK_ETHER_TYPE_VLAN 0x8100
#define CDK_ETHER_TYPE_QINQ 0x88A8
#define CDK_ETHER_TYPE_QINQ1 0x9100
#define CDK_ETHER_TYPE_QINQ2 0x9200
#define CDK_ETHER_TYPE_QINQ3 0x9300
#define CDK_ETHER_TYPE_PPPOE_DISCOVERY 0x8863
#define CDK_ETHER_TYPE_PPPOE_SESSION 0x8864
#define CDK_ETHER_TYPE_ETAG 0x893F
#define CDK_ETHER_TYPE_1588 0x88F7
#define CDK_ETHER_TYPE_SLOW 0x8809
#define CDK_ETHER_TYPE_TEB 0x6558
#define CDK_ETHER_TYPE_LLDP 0x88CC
#define CDK_ETHER_TYPE_MPLS 0x8847
#define CDK_ETHER_TYPE_MPLSM 0x8848
#define CDK_ETHER_TYPE_ECPRI 0xAEFE

struct cdk_ether_addr {
	uint8_t addr_bytes[CDK_ETHER_ADDR_LEN]; /* network order */
} __attribute__((aligned(2)));

struct cdk_ether_hdr {
	struct cdk_ether_addr dst_addr;
	struct cdk_ether_addr src_addr;
	cdk_be16_t ether_type;
} __attribute__((aligned(2)));

struct cdk_vlan_hdr {
	cdk_be16_t vlan_tci;  /* priority (3), CFI (1), VLAN id (12) */
	cdk_be16_t eth_proto; /* EtherType of what follows */
} __attribute__((__packed__));

_Static_assert(sizeof(struct cdk_ether_hdr) == CDK_ETHER_HDR_LEN,
	       "Ethernet header is 14 bytes");

static inline int cdk_is_same_ether_addr(const struct cdk_ether_addr *a,
					 const struct cdk_ether_addr *b)
{
	return memcmp(a->addr_bytes, b->addr_bytes, CDK_ETHER_ADDR_LEN) == 0;
}

static inline int cdk_is_zero_ether_addr(const struct cdk_ether_addr *a)
{
	static const struct cdk_ether_addr zero;

	return cdk_is_same_ether_addr(a, &zero);
}

static inline int cdk_is_unicast_ether_addr(const struct cdk_ether_addr *a)
{
	return !(a->addr_bytes[0] & CDK_ETHER_GROUP_ADDR);
}

static inline int cdk_is_multicast_ether_addr(const struct cdk_ether_addr *a)
{
	return a->addr_bytes[0] & CDK_ETHER_GROUP_ADDR;
}

static inline int cdk_is_broadcast_ether_addr(const struct cdk_ether_addr *a)
{
	static const struct cdk_ether_addr bcast = {
		{ 0xff, 0xff, 0xff, 0xff, 0xff, 0xff }
	};

	return cdk_is_same_ether_addr(a, &bcast);
}

static inline int cdk_is_universal_ether_addr(const struct cdk_ether_addr *a)
{
	return !(a->addr_bytes[0] & CDK_ETHER_LOCAL_ADMIN_ADDR);
}

static inline int cdk_is_local_admin_ether_addr(const struct cdk_ether_addr *a)
{
	return !!(a->addr_bytes[0] & CDK_ETHER_LOCAL_ADMIN_ADDR);
}

/* Unicast and not all zeros: usable as a port's address. */
static inline int cdk_is_valid_assigned_ether_addr(const struct cdk_ether_addr *a)
{
	return cdk_is_unicast_ether_addr(a) && !cdk_is_zero_ether_addr(a);
}

static inline void cdk_ether_addr_copy(const struct cdk_ether_addr *from,
				       struct cdk_ether_addr *to)
{
	*to = *from;
}

/* A random locally administered unicast address (eal/net.c). */
void cdk_eth_random_addr(uint8_t *addr);

/* "XX:XX:XX:XX:XX:XX" into buf (size >= CDK_ETHER_ADDR_FMT_SIZE to get it
 * all; truncated like snprintf otherwise). */
void cdk_ether_format_addr(char *buf, uint16_t size,
			   const struct cdk_ether_addr *a);

/* Parse "XX:XX:XX:XX:XX:XX", "XX-XX-XX-XX-XX-XX" or "XXXX:XXXX:XXXX"
 * (hex, either case): 0, or -EINVAL with *a untouched. */
int cdk_ether_unformat_addr(const char *s, struct cdk_ether_addr *a);

/* ---- IPv4 ---- */

#define CDK_IPPROTO_ICMP 1
#define CDK_IPPROTO_TCP 6
#define CDK_IPPROTO_UDP 17

#define CDK_IPV4(a, b, c, d)                                           \
	((((uint32_t)(a) & 0xff) << 24) | (((uint32_t)(b) & 0xff) << 16) | \
	 (((uint32_t)(c) & 0xff) << 8) | ((uint32_t)(d) & 0xff))
#define CDK_IPV4_HDR_IHL_MASK 0x0f
#define CDK_IPV4_IHL_MULTIPLIER 4
#define CDK_IPV4_VHL_DEF 0x45 /* version 4, 20-byte header */
#define CDK_IPV4_HDR_DF_SHIFT 14
#define CDK_IPV4_HDR_MF_SHIFT 13
#define CDK_IPV4_HDR_DF_FLAG (1 << CDK_IPV4_HDR_DF_SHIFT)
#define CDK_IPV4_HDR_MF_FLAG (1 << CDK_IPV4_HDR_MF_SHIFT)
#define CDK_IPV4_HDR_OFFSET_MASK ((1 << CDK_IPV4_HDR_MF_SHIFT) - 1)
#define CDK_IPV4_MIN_IHL 0x5
#define CDK_IPV4_MAX_IHL 0xf

struct cdk_ipv4_hdr {
	union {
		uint8_t version_ihl;
		struct {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			uint8_t ihl : 4;
			uint8_t version : 4;
#else
			uint8_t version : 4;
			uint8_t ihl : 4;
#endif
		};
	};
	uint8_t type_of_service;
	cdk_be16_t total_length;
	cdk_be16_t packet_id;
	cdk_be16_t fragment_offset; /* flags (3) and offset (13) */
	uint8_t time_to_live;
	uint8_t next_proto_id;
	cdk_be16_t hdr_checksum;
	cdk_be32_t src_addr;
	cdk_be32_t dst_addr;
} __attribute__((__packed__));

_Static_assert(sizeof(struct cdk_ipv4_hdr) == 20, "IPv4 header is 20 bytes");

static inline uint8_t cdk_ipv4_hdr_len(const struct cdk_ipv4_hdr *h)
{
	return (uint8_t)((h->version_ihl & CDK_IPV4_HDR_IHL_MASK) *
			 CDK_IPV4_IHL_MULTIPLIER);
}

/* ---- UDP, TCP ---- */

struct cdk_udp_hdr {
	cdk_be16_t src_port;
	cdk_be16_t dst_port;
	cdk_be16_t dgram_len; /* header and data */
	cdk_be16_t dgram_cksum;
} __attribute__((__packed__));

#define CDK_TCP_CWR_FLAG 0x80
#define CDK_TCP_ECE_FLAG 0x40
#define CDK_TCP_URG_FLAG 0x20
#define CDK_TCP_ACK_FLAG 0x10
#define CDK_TCP_PSH_FLAG 0x08
#define CDK_TCP_RST_FLAG 0x04
#define CDK_TCP_SYN_FLAG 0x02
#define CDK_TCP_FIN_FLAG 0x01

struct cdk_tcp_hdr {
	cdk_be16_t src_port;
	cdk_be16_t dst_port;
	cdk_be32_t sent_seq;
	cdk_be32_t recv_ack;
	uint8_t data_off;  /* header length in 32-bit words, high nibble */
	uint8_t tcp_flags; /* CDK_TCP_*_FLAG */
	cdk_be16_t rx_win;
	cdk_be16_t cksum;
	cdk_be16_t tcp_urp;
} __attribute__((__packed__));

_Static_assert(sizeof(struct cdk_udp_hdr) == 8, "UDP header is 8 bytes");
_Static_assert(sizeof(struct cdk_tcp_hdr) == 20, "TCP header is 20 bytes");

/* ---- Internet checksum (RFC 1071) ---- */

/*
 * Add len bytes to a 32-bit running sum of 16-bit words as they lie in
 * memory. The one's complement sum commutes with byte swapping, so the
 * folded result can be stored in a header without conversion.
 */
static inline uint32_t cdk_raw_cksum_add_(const void *buf, size_t len,
					  uint32_t sum)
{
	const uint8_t *p = buf;
	uint16_t w;

	for (; len >= 2; len -= 2, p += 2) {
		memcpy(&w, p, 2); /* buffers need not be aligned */
		sum += w;
	}
	if (len) {
		w = 0;
		memcpy(&w, p, 1); /* pad the odd byte with zero, in place */
		sum += w;
	}
	return sum;
}

static inline uint16_t cdk_raw_cksum_reduce_(uint32_t sum)
{
	sum = (sum >> 16) + (sum & 0xffff);
	sum += sum >> 16;
	return (uint16_t)sum;
}

/* Folded one's complement sum (not inverted). */
static inline uint16_t cdk_raw_cksum(const void *buf, size_t len)
{
	return cdk_raw_cksum_reduce_(cdk_raw_cksum_add_(buf, len, 0));
}

/* The header checksum to store in hdr_checksum: compute it with that field
 * zero. Over a header with a correct checksum the result is 0. */
static inline uint16_t cdk_ipv4_cksum(const struct cdk_ipv4_hdr *h)
{
	return (uint16_t)~cdk_raw_cksum(h, cdk_ipv4_hdr_len(h));
}

/*
 * The pseudo-header sum (not inverted), as hardware L4 checksum offload
 * expects in the L4 checksum field. With TCP/UDP segmentation offload
 * (CDK_MBUF_F_TX_TCP_SEG / UDP_SEG in ol_flags) the length is left out.
 */
static inline uint16_t cdk_ipv4_phdr_cksum(const struct cdk_ipv4_hdr *h,
					   uint64_t ol_flags)
{
	struct {
		cdk_be32_t src_addr;
		cdk_be32_t dst_addr;
		uint8_t zero;
		uint8_t proto;
		cdk_be16_t len;
	} __attribute__((__packed__)) psd;
	const uint64_t seg_flags = (1ULL << 50) | (1ULL << 42); /* TCP/UDP_SEG */

	psd.src_addr = h->src_addr;
	psd.dst_addr = h->dst_addr;
	psd.zero = 0;
	psd.proto = h->next_proto_id;
	if (ol_flags & seg_flags)
		psd.len = 0;
	else
		psd.len = cdk_cpu_to_be_16(
			(uint16_t)(cdk_be_to_cpu_16(h->total_length) -
				   cdk_ipv4_hdr_len(h)));
	return cdk_raw_cksum(&psd, sizeof(psd));
}

/* Folded sum of pseudo-header and L4 segment (header and data). */
static inline uint16_t cdk_ipv4_udptcp_sum_(const struct cdk_ipv4_hdr *h,
					    const void *l4)
{
	uint32_t l4_len = (uint32_t)cdk_be_to_cpu_16(h->total_length) -
			  cdk_ipv4_hdr_len(h);
	uint32_t sum = cdk_raw_cksum_add_(l4, l4_len, cdk_ipv4_phdr_cksum(h, 0));

	return cdk_raw_cksum_reduce_(sum);
}

/*
 * The UDP or TCP checksum to store in the L4 header: compute it with that
 * field zero. A UDP result of 0 is sent as 0xffff (RFC 768).
 */
static inline uint16_t cdk_ipv4_udptcp_cksum(const struct cdk_ipv4_hdr *h,
					     const void *l4)
{
	uint16_t c = (uint16_t)~cdk_ipv4_udptcp_sum_(h, l4);

	if (c == 0 && h->next_proto_id == CDK_IPPROTO_UDP)
		c = 0xffff;
	return c;
}

/* 0 if the L4 checksum in the packet is right, else -1. A UDP checksum of
 * 0 means "none" and is accepted. */
static inline int cdk_ipv4_udptcp_cksum_verify(const struct cdk_ipv4_hdr *h,
					       const void *l4)
{
	if (h->next_proto_id == CDK_IPPROTO_UDP &&
	    ((const struct cdk_udp_hdr *)l4)->dgram_cksum == 0)
		return 0;
	return cdk_ipv4_udptcp_sum_(h, l4) == 0xffff ? 0 : -1;
}

#endif
