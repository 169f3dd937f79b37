/* The responder: UDP/IPv4 requests come back with MAC, IP and UDP ports
 * swapped (checksums are unchanged by a swap); frames of the chosen raw
 * ethertype come back with MACs swapped; anything else is dropped. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "echo.h"

static struct echo_server_stats st;

static void swap_mac(struct cdk_ether_hdr *eh)
{
	struct cdk_ether_addr t = eh->dst_addr;

	eh->dst_addr = eh->src_addr;
	eh->src_addr = t;
}

/* Turn a request into its reply in place; false if it is not one. */
bool echo_make_reply(struct cdk_mbuf *m, uint16_t ethertype)
{
	struct cdk_ether_hdr *eh = cdk_pktmbuf_mtod(m, struct cdk_ether_hdr *);
	struct cdk_ipv4_hdr *ip;
	struct cdk_udp_hdr *udp;
	uint32_t a;
	uint16_t p;

	if (m->data_len < sizeof(*eh))
		return false;
	if (ethertype && eh->ether_type == cdk_cpu_to_be_16(ethertype)) {
		swap_mac(eh);
		return true;
	}
	if (eh->ether_type != cdk_cpu_to_be_16(CDK_ETHER_TYPE_IPV4) ||
	    m->data_len < sizeof(*eh) + sizeof(*ip) + sizeof(*udp))
		return false;
	ip = (struct cdk_ipv4_hdr *)(eh + 1);
	if (ip->next_proto_id != CDK_IPPROTO_UDP || (ip->version_ihl & 0xf) != 5)
		return false;
	udp = (struct cdk_udp_hdr *)(ip + 1);
	swap_mac(eh);
	a = ip->src_addr, ip->src_addr = ip->dst_addr, ip->dst_addr = a;
	p = udp->src_port, udp->src_port = udp->dst_port, udp->dst_port = p;
	return true;
}

int echo_server_loop(void *arg)
{
	const struct echo_opts *o = arg;
	uint16_t port = (uint16_t)o->server_port;
	struct cdk_mbuf *pkts[ECHO_BURST], *out[ECHO_BURST];

	while (!echo_quit) {
		uint16_t n = cdk_eth_rx_burst(port, 0, pkts, ECHO_BURST), k = 0, sent;

		for (uint16_t i = 0; i < n; i++) {
			if (echo_make_reply(pkts[i], o->ethertype)) {
				out[k++] = pkts[i];
			} else {
				st.ignored++;
				cdk_pktmbuf_free(pkts[i]);
			}
		}
		sent = cdk_eth_tx_burst(port, 0, out, k);
		if (sent < k)
			cdk_pktmbuf_free_bulk(out + sent, k - sent);
		st.rx += n;
		st.tx += sent;
		st.dropped += k - sent;
	}
	return 0;
}

void echo_server_report(void)
{
	printf("server: received %" PRIu64 ", echoed %" PRIu64 ", dropped %" PRIu64
	       ", not requests %" PRIu64 "\n", st.rx, st.tx, st.dropped, st.ignored);
}
