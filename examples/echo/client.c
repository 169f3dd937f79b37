/* The client: timestamped UDP requests, open loop at a rate or closed loop
 * with N outstanding; round-trip time from the TSC carried in the payload. */
#include <stdio.h>
#include <string.h>

#include "echo.h"

#define CLIENT_LOSS_TIMEOUT_US 20000 /* closed loop: a request is lost after */

struct client {
	const struct echo_opts *o;
	uint16_t port;
	struct cdk_mempool *mp;
	struct cdk_ether_addr src, dst;
	uint64_t sent, received, bad, written_off, last_rx_tsc;
};

static struct cdk_mempool *client_pool;
static struct cdk_ether_addr client_peer_mac;

void echo_client_set(struct cdk_mempool *mp, const struct cdk_ether_addr *peer)
{
	client_pool = mp;
	client_peer_mac = *peer;
}

static struct cdk_mbuf *make_request(struct client *c)
{
	struct cdk_mbuf *m = cdk_pktmbuf_alloc(c->mp);
	unsigned size = c->o->size;
	struct cdk_ether_hdr *eh;
	struct cdk_ipv4_hdr *ip;
	struct cdk_udp_hdr *udp;
	struct echo_payload *pl;
	char *frame;

	if (m == NULL || (frame = cdk_pktmbuf_append(m, (uint16_t)size)) == NULL) {
		cdk_pktmbuf_free(m);
		return NULL;
	}
	memset(frame, 0, size);
	eh = (struct cdk_ether_hdr *)frame;
	eh->dst_addr = c->dst;
	eh->src_addr = c->src;
	eh->ether_type = cdk_cpu_to_be_16(CDK_ETHER_TYPE_IPV4);
	ip = (struct cdk_ipv4_hdr *)(eh + 1);
	ip->version_ihl = 0x45;
	ip->total_length = cdk_cpu_to_be_16((uint16_t)(size - sizeof(*eh)));
	ip->time_to_live = 64;
	ip->next_proto_id = CDK_IPPROTO_UDP;
	ip->src_addr = cdk_cpu_to_be_32(0x0a000001); /* 10.0.0.1 */
	ip->dst_addr = cdk_cpu_to_be_32(0x0a000002); /* 10.0.0.2 */
	ip->hdr_checksum = cdk_ipv4_cksum(ip);
	udp = (struct cdk_udp_hdr *)(ip + 1);
	udp->src_port = cdk_cpu_to_be_16((uint16_t)(1024 + c->sent % 4096));
	udp->dst_port = cdk_cpu_to_be_16(ECHO_UDP_PORT);
	udp->dgram_len = cdk_cpu_to_be_16((uint16_t)(size - sizeof(*eh) - sizeof(*ip)));
	pl = (struct echo_payload *)(udp + 1);
	pl->magic = ECHO_MAGIC;
	pl->seq = (uint32_t)c->sent;
	pl->tsc = cdk_rdtsc(); /* last, as close to the send as possible */
	return m;
}

static void send_requests(struct client *c, unsigned n)
{
	struct cdk_mbuf *pkts[ECHO_BURST];
	unsigned k = 0;
	uint16_t sent;

	while (k < n && k < ECHO_BURST && (pkts[k] = make_request(c)) != NULL) {
		c->sent++;
		k++;
	}
	sent = cdk_eth_tx_burst(c->port, 0, pkts, (uint16_t)k);
	if (sent < k) { /* not sent: not counted */
		cdk_pktmbuf_free_bulk(pkts + sent, k - sent);
		c->sent -= k - sent;
	}
}

/* Reply to one of our requests: from the echo port to ours, addresses the
 * other way round, a sequence number we sent. */
bool echo_reply_ok(const struct cdk_mbuf *m, uint64_t sent)
{
	const size_t off = sizeof(struct cdk_ether_hdr) + sizeof(struct cdk_ipv4_hdr) +
			   sizeof(struct cdk_udp_hdr);
	const struct cdk_ether_hdr *eh = cdk_pktmbuf_mtod(m, const struct cdk_ether_hdr *);
	const struct cdk_ipv4_hdr *ip = (const struct cdk_ipv4_hdr *)(eh + 1);
	const struct cdk_udp_hdr *udp = (const struct cdk_udp_hdr *)(ip + 1);
	const struct echo_payload *pl;

	if (m->data_len < off + sizeof(*pl) ||
	    eh->ether_type != cdk_cpu_to_be_16(CDK_ETHER_TYPE_IPV4))
		return false;
	pl = (const struct echo_payload *)(udp + 1);
	return pl->magic == ECHO_MAGIC && pl->seq < sent &&
	       udp->src_port == cdk_cpu_to_be_16(ECHO_UDP_PORT) &&
	       ip->src_addr == cdk_cpu_to_be_32(0x0a000002) &&
	       ip->dst_addr == cdk_cpu_to_be_32(0x0a000001) &&
	       cdk_ipv4_cksum(ip) == 0; /* over a correct header: 0 */
}

static void receive_replies(struct client *c, uint64_t ns_per_tick_q32)
{
	struct cdk_mbuf *pkts[ECHO_BURST];
	uint16_t n = cdk_eth_rx_burst(c->port, 0, pkts, ECHO_BURST);
	uint64_t now = cdk_rdtsc();
	const size_t off = sizeof(struct cdk_ether_hdr) + sizeof(struct cdk_ipv4_hdr) +
			   sizeof(struct cdk_udp_hdr);

	for (uint16_t i = 0; i < n; i++) {
		const struct echo_payload *pl;

		if (echo_reply_ok(pkts[i], c->sent)) {
			pl = cdk_pktmbuf_mtod_offset(pkts[i], const struct echo_payload *, off);
			if (pl->tsc <= now)
				latency_add(((now - pl->tsc) * ns_per_tick_q32) >> 32);
			c->received++;
			c->last_rx_tsc = now;
		} else {
			c->bad++;
		}
		cdk_pktmbuf_free(pkts[i]);
	}
}

/* How many requests may go now. */
static unsigned due(struct client *c, uint64_t start, uint64_t now, uint64_t hz)
{
	uint64_t in_flight = c->sent - c->received - c->written_off;

	if (c->o->count && c->sent >= c->o->count)
		return 0;
	if (c->o->rate) {
		uint64_t should = (uint64_t)((double)(now - start) * (double)c->o->rate / (double)hz);

		return should > c->sent ? (unsigned)(should - c->sent) : 0;
	}
	if (in_flight >= c->o->outstanding) {
		/* nothing came back for a while: those in flight are lost */
		if (now - c->last_rx_tsc > hz / 1000000 * CLIENT_LOSS_TIMEOUT_US) {
			c->written_off += in_flight;
			c->last_rx_tsc = now;
		}
		return 0;
	}
	return (unsigned)(c->o->outstanding - in_flight);
}

int echo_client_loop(void *arg)
{
	struct client c = { .o = arg, .mp = client_pool, .dst = client_peer_mac };
	uint64_t hz = cdk_get_tsc_hz(), start, end, now, drain_until = 0;
	uint64_t ns_per_tick_q32 = (1000000000ull << 32) / hz;

	c.port = (uint16_t)c.o->client_port;
	cdk_eth_macaddr_get(c.port, &c.src);
	start = c.last_rx_tsc = cdk_rdtsc();
	end = c.o->seconds > 0 ? start + (uint64_t)(c.o->seconds * (double)hz) : UINT64_MAX;
	while (!echo_quit) {
		now = cdk_rdtsc();
		bool done = now >= end || (c.o->count && c.sent >= c.o->count);

		if (done && drain_until == 0)
			drain_until = now + hz / 10; /* late replies still count */
		if (done && (c.received + c.written_off >= c.sent || now >= drain_until))
			break;
		if (!done)
			send_requests(&c, due(&c, start, now, hz));
		receive_replies(&c, ns_per_tick_q32);
	}
	now = cdk_rdtsc();
	latency_report(c.sent, c.received, c.bad, (double)(now - start) / (double)hz,
		       c.o->histogram);
	return c.received ? 0 : 1;
}
