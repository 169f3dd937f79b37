/*
 * Receive-side scaling of the 82576 (82576 DS 7.1.2.8): parse the IPv4
 * header (and TCP/UDP ports), hash the fields MRQC enables with the key in
 * RSSRK, and pick the queue from the redirection table with the hash's 7
 * low bits. IPv6 is not hashed by this model.
 */
#include "igb_model.h"

#define ETH_P_IPV4 0x0800
#define IPPROTO_TCP_ 6
#define IPPROTO_UDP_ 17

/* Where the IPv4 header starts (past one VLAN tag), or 0. */
static size_t rss_ipv4_off(struct cdk_sim_dev *dev, const uint8_t *f,
			   size_t len)
{
	size_t off = 12;
	uint16_t type = (uint16_t)(f[off] << 8 | f[off + 1]);

	if (type == (sim_reg(dev, E1000_VET) & 0xffff) && len >= 18) {
		off += 4;
		type = (uint16_t)(f[off] << 8 | f[off + 1]);
	}
	off += 2;
	if (type != ETH_P_IPV4 || len < off + 20 || (f[off] >> 4) != 4)
		return 0;
	return off;
}

void igb_rss_key_sync(struct cdk_sim_dev *dev)
{
	struct igb_priv *p = dev->priv;

	/* 82576 DS 8.10.15: RSSRK(0) bits 7:0 hold key byte 0. */
	for (unsigned i = 0; i < IGB_RSS_KEY_LEN; i++)
		p->rss_key[i] = (uint8_t)(sim_reg(dev, IGB_RSSRK(i / 4)) >> (8 * (i % 4)));
}

/* The hash input for f and its RSS type; 0 bytes when nothing applies. */
static size_t rss_input(struct cdk_sim_dev *dev, const uint8_t *f, size_t len,
			uint8_t in[12], struct e1000_rx_meta *m)
{
	uint32_t mrqc = sim_reg(dev, IGB_MRQC);
	size_t ip = rss_ipv4_off(dev, f, len);
	size_t l4;
	int frag;
	uint8_t proto;

	if (!ip)
		return 0;
	l4 = ip + (size_t)(f[ip] & 0xf) * 4;
	proto = f[ip + 9];
	frag = (f[ip + 6] & 0x3f) || f[ip + 7]; /* MF or an offset */
	m->pkt_type = IGB_PKT_TYPE_IPV4;
	for (int i = 0; i < 8; i++)
		in[i] = f[ip + 12 + i]; /* source then destination address */
	if (!frag && len >= l4 + 4 &&
	    ((proto == IPPROTO_TCP_ && (mrqc & IGB_MRQC_TCPIPV4)) ||
	     (proto == IPPROTO_UDP_ && (mrqc & IGB_MRQC_UDPIPV4)))) {
		for (int i = 0; i < 4; i++)
			in[8 + i] = f[l4 + i]; /* source then destination port */
		m->pkt_type |= proto == IPPROTO_TCP_ ? IGB_PKT_TYPE_TCP
						     : IGB_PKT_TYPE_UDP;
		m->rss_type = proto == IPPROTO_TCP_ ? IGB_RSS_TYPE_TCPIPV4
						    : IGB_RSS_TYPE_UDPIPV4;
		return 12;
	}
	if (!frag && proto == IPPROTO_TCP_)
		m->pkt_type |= IGB_PKT_TYPE_TCP;
	else if (!frag && proto == IPPROTO_UDP_)
		m->pkt_type |= IGB_PKT_TYPE_UDP;
	if (!(mrqc & IGB_MRQC_IPV4))
		return 0;
	m->rss_type = IGB_RSS_TYPE_IPV4;
	return 8;
}

unsigned igb_rss_queue(struct cdk_sim_dev *dev, const uint8_t *f, size_t len,
		       struct e1000_rx_meta *m)
{
	uint32_t mrqe = sim_reg(dev, IGB_MRQC) & IGB_MRQC_MRQE_MASK;
	const struct igb_priv *p = dev->priv;
	uint8_t in[12];
	uint32_t hash, reta;
	size_t n = rss_input(dev, f, len, in, m);

	if (mrqe != IGB_MRQC_MRQE_RSS && mrqe != IGB_MRQC_MRQE_VMDQ_RSS) {
		m->rss_type = IGB_RSS_TYPE_NONE;
		return 0;
	}
	if (!n)
		return 0;
	hash = cdk_sim_toeplitz(p->rss_key, in, n);
	/* 82576 DS 8.10.14: dword 1 carries the hash only with PCSD. */
	if (sim_reg(dev, E1000_RXCSUM) & IGB_RXCSUM_PCSD)
		m->rss_hash = hash;
	reta = sim_reg(dev, IGB_RETA((hash & 0x7f) / 4));
	return ((reta >> (8 * (hash & 3))) & 0xf) % IGB_QUEUES;
}
