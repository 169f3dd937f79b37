/*
 * net_e1000_igb against QEMU 10's 82576 model (-device igb), inside the guest.
 *
 *   guest_igb [EAL args] -- [--queues P:N]... [--pair A:B]... [--host P]
 *             [--count N] [--rss P --flows F --per-flow K]
 *
 * Every port the EAL found is configured with N rx and N tx queues (default
 * 1; with N > 1, RSS over IPv4, IPv4/TCP and IPv4/UDP), promiscuous, started,
 * and must report its link up (QEMU brings the link back ~550 ms after the
 * PHY autonegotiation restart). Each queue's capability slices are checked:
 * its only writable registers are its own RDT (0xc018 + 0x40 q) and TDT
 * (0xe018 + 0x40 q), 4 bytes each. Then:
 *   --pair A:B  N frames of 60..1514 bytes from port A reach port B (QEMU
 *               hub) byte-exact and in order; opackets/ipackets and the
 *               NIC's GPTC/GPRC agree.
 *   --host P    the same frames go to udp-peer.py echo --verify on the host
 *               and come back byte-exact and in order (queue 0).
 *   --rss P     port P (several queues) asks igb-rss-peer.py on the host for
 *               F x K IPv4/UDP frames of F flows (different addresses and
 *               ports); each must arrive once, byte-exact, with
 *               CDK_MBUF_F_RX_RSS_HASH, hash.rss equal to the Toeplitz hash
 *               of (src ip, dst ip, src port, dst port) under the port's key,
 *               on queue RETA[hash & 127]; more than one queue must receive.
 * Prints "N passed, N failed"; exits 1 on any failure.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cdk_ethdev.h"
#include "cdk_mbuf.h"
#include "cdk_sim.h"

#include "guest_common.h"

#define NB_DESC_1Q 1024
#define NB_DESC_MQ 256
#define MAX_QUEUES 8
#define MAX_PAIRS 8
#define RETA_SIZE 128
#define MAX_FLOWS 1024
#define MAX_PER_FLOW 64

static uint16_t nq_of[CDK_MAX_ETHPORTS];

static int port_up(uint16_t port)
{
	uint16_t nq = nq_of[port] ? nq_of[port] : 1;
	uint16_t nb_desc = nq > 1 ? NB_DESC_MQ : NB_DESC_1Q;
	struct cdk_eth_conf conf = { 0 };
	struct cdk_eth_dev_info info;
	struct cdk_eth_link link = { 0 };
	int sock = cdk_eth_dev_socket_id(port), rc;
	char name[64] = "?";
	double waited;

	if (sock < 0)
		sock = 0;
	nq_of[port] = nq;
	cdk_eth_dev_get_name_by_port(port, name);
	if (nq > 1) {
		conf.rxmode.mq_mode = CDK_ETH_MQ_RX_RSS;
		conf.rx_adv_conf.rss_conf.rss_hf = CDK_ETH_RSS_IPV4 | CDK_ETH_RSS_TCP |
						   CDK_ETH_RSS_UDP;
	}
	rc = cdk_eth_dev_info_get(port, &info);
	if (rc == 0)
		rc = cdk_eth_dev_configure(port, nq, nq, &conf);
	for (uint16_t q = 0; rc == 0 && q < nq; q++) {
		rc = cdk_eth_rx_queue_setup(port, q, nb_desc, (unsigned)sock, NULL, pool);
		if (rc == 0)
			rc = cdk_eth_tx_queue_setup(port, q, nb_desc, (unsigned)sock, NULL);
	}
	if (rc == 0)
		rc = cdk_eth_dev_start(port);
	if (rc == 0)
		rc = cdk_eth_promiscuous_enable(port);
	if (rc == 0)
		rc = cdk_eth_macaddr_get(port, &macs[port]);
	if (rc < 0) {
		check(0, "port %u (%s) setup with %u queues: %s", port, name, nq,
		      strerror(-rc));
		return rc;
	}
	waited = link_wait(port, &link, 50);
	check(link.link_status, "port %u %s %s mac " CDK_ETHER_ADDR_PRT_FMT
	      " %u rx/tx queues of %u descriptors, link %s %u Mbps after %.2f s",
	      port, name, info.driver_name, CDK_ETHER_ADDR_BYTES(&macs[port]), nq,
	      nb_desc, link.link_status ? "up" : "down", link.link_speed, waited);
	return link.link_status ? 0 : -ENOLINK;
}

/* Each queue's only writable registers are its own RDT and TDT. */
static void cap_report(uint16_t port)
{
	char *buf = cap_text(port), *line, *save = NULL;
	unsigned found = 0, other = 0, nq = nq_of[port];

	if (buf == NULL)
		return;
	printf("capability slices of port %u:\n", port);
	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		unsigned p, q;
		char dir;
		char want[48];

		if (sscanf(line, " port%u/%cxq%u ", &p, &dir, &q) != 3 || p != port)
			continue;
		if (q == 0 || strstr(line, " mmio "))
			printf("%s\n", line);
		if (!strstr(line, " mmio ") || !strstr(line, ") W "))
			continue;
		snprintf(want, sizeof(want), "[0x%x, +4) W ",
			 (dir == 'r' ? 0xc018u : 0xe018u) + 0x40u * q);
		if (strstr(line, want))
			found++;
		else
			other++;
	}
	free(buf);
	check(found == 2 * nq && other == 0, "port %u: each of %u rx and %u tx queues "
	      "writes only its own doorbell, RDT 0xc018 + 0x40 q / TDT 0xe018 + 0x40 q "
	      "(%u found, %u other writable mmio slices)", port, nq, nq, found, other);
}

static int parse_pair(const char *s, uint16_t *a, uint16_t *b, int ports)
{
	unsigned x, y;
	char c;

	if (sscanf(s, "%u:%u%c", &x, &y, &c) != 2 || x >= CDK_MAX_ETHPORTS ||
	    (ports && (y >= CDK_MAX_ETHPORTS || !cdk_eth_dev_is_valid_port((uint16_t)y))) ||
	    !cdk_eth_dev_is_valid_port((uint16_t)x)) {
		fprintf(stderr, "guest_igb: bad pair '%s'\n", s);
		return -1;
	}
	*a = (uint16_t)x;
	*b = (uint16_t)y;
	return 0;
}

static void test_pair(uint16_t a, uint16_t b, unsigned n)
{
	struct cdk_eth_stats sa0, sb0, sa1, sb1;
	struct hw_counts h0 = hw_of(a, b);
	unsigned bad, good;
	double t0;

	stats_of(a, &sa0);
	stats_of(b, &sb0);
	t0 = now();
	good = exchange(a, b, n, NB_DESC_MQ / 2, &macs[b], 5, &bad);
	check(good == n && bad == 0, "hub %u -> %u: %u/%u frames of 60..1514 bytes "
	      "byte-exact and in order (%u bad) in %.2f s", a, b, good, n, bad,
	      now() - t0);
	if (good != n) {
		print_xstats(a);
		print_xstats(b);
	}
	usleep(200 * 1000);
	stats_of(a, &sa1);
	stats_of(b, &sb1);
	check(sa1.opackets - sa0.opackets == n && sb1.ipackets - sb0.ipackets == n,
	      "hub %u -> %u stats: port %u opackets +%llu, port %u ipackets +%llu "
	      "(want +%u)", a, b, a, (unsigned long long)(sa1.opackets - sa0.opackets),
	      b, (unsigned long long)(sb1.ipackets - sb0.ipackets), n);
	check_hw(a, b, h0, n);
}

static void test_host(uint16_t p, unsigned n)
{
	static const struct cdk_ether_addr host = { { 0x02, 0, 0, 0, 0, 0x01 } };
	struct cdk_eth_stats s0, s1;
	struct hw_counts h0 = hw_of(p, p);
	unsigned bad, good;
	double t0;

	stats_of(p, &s0);
	t0 = now();
	good = exchange(p, p, n, 8, &host, 10, &bad);
	check(good == n && bad == 0, "host echo on port %u: %u/%u frames of "
	      "60..1514 bytes sent and received back byte-exact (%u bad) in %.2f s",
	      p, good, n, bad, now() - t0);
	if (good != n)
		print_xstats(p);
	usleep(200 * 1000);
	stats_of(p, &s1);
	check(s1.opackets - s0.opackets == n && s1.ipackets - s0.ipackets == n,
	      "host echo stats: port %u opackets +%llu ipackets +%llu (want +%u)", p,
	      (unsigned long long)(s1.opackets - s0.opackets),
	      (unsigned long long)(s1.ipackets - s0.ipackets), n);
	check_hw(p, p, h0, n);
}

/* ---- RSS against host-sent flows (igb-rss-peer.py builds the same) ---- */

/* Flow f: 10.1.(f/200).(f%200+1):(1024 + 37 f) -> 10.2.0.(f%7+1):(5000 + f).
 * Frame (f, k): UDP payload of 18 + (f*5 + k*3) % 64 bytes, byte i =
 * (f*13 + k*7 + i) & 0xff, bytes 0..3 f and 4..7 k (big endian). */
static void flow_tuple(unsigned f, uint8_t t[12])
{
	unsigned sport = 1024 + 37 * f, dport = 5000 + f;

	t[0] = 10, t[1] = 1, t[2] = (uint8_t)(f / 200), t[3] = (uint8_t)(f % 200 + 1);
	t[4] = 10, t[5] = 2, t[6] = 0, t[7] = (uint8_t)(f % 7 + 1);
	t[8] = (uint8_t)(sport >> 8), t[9] = (uint8_t)sport;
	t[10] = (uint8_t)(dport >> 8), t[11] = (uint8_t)dport;
}

static unsigned flow_payload_len(unsigned f, unsigned k)
{
	return 18 + (f * 5 + k * 3) % 64;
}

static uint16_t ip_csum(const uint8_t *h)
{
	uint32_t s = 0;

	for (int i = 0; i < 20; i += 2)
		s += (uint32_t)h[i] << 8 | h[i + 1];
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

/* The whole frame (f, k) as the host sends it; returns its length. */
static unsigned flow_frame(uint8_t *p, unsigned f, unsigned k,
			   const struct cdk_ether_addr *dst)
{
	static const uint8_t src[6] = { 0x02, 0, 0, 0, 0, 0x01 };
	unsigned pl = flow_payload_len(f, k), udp_len = 8 + pl, ip_len = 20 + udp_len;
	uint8_t t[12], *ip = p + 14, *udp = ip + 20, *d = udp + 8;
	unsigned len;
	uint16_t c;

	flow_tuple(f, t);
	memcpy(p, dst->addr_bytes, 6);
	memcpy(p + 6, src, 6);
	p[12] = 0x08, p[13] = 0x00;
	memset(ip, 0, 20);
	ip[0] = 0x45, ip[2] = (uint8_t)(ip_len >> 8), ip[3] = (uint8_t)ip_len;
	ip[4] = (uint8_t)(k >> 8), ip[5] = (uint8_t)k, ip[8] = 64, ip[9] = 17;
	memcpy(ip + 12, t, 8);
	c = ip_csum(ip);
	ip[10] = (uint8_t)(c >> 8), ip[11] = (uint8_t)c;
	memcpy(udp, t + 8, 4);
	udp[4] = (uint8_t)(udp_len >> 8), udp[5] = (uint8_t)udp_len;
	udp[6] = 0, udp[7] = 0;
	for (unsigned i = 0; i < pl; i++)
		d[i] = (uint8_t)(f * 13 + k * 7 + i);
	d[0] = (uint8_t)(f >> 24), d[1] = (uint8_t)(f >> 16), d[2] = (uint8_t)(f >> 8),
	d[3] = (uint8_t)f;
	d[4] = (uint8_t)(k >> 24), d[5] = (uint8_t)(k >> 16), d[6] = (uint8_t)(k >> 8),
	d[7] = (uint8_t)k;
	len = 14 + ip_len;
	if (len < FRAME_MIN) {
		memset(p + len, 0, FRAME_MIN - len);
		len = FRAME_MIN;
	}
	return len;
}

/* A control frame to the host: 0x88b5, then text ("RSS-READY n", "RSS-DONE"). */
static void send_ctl(uint16_t port, const char *text)
{
	static const struct cdk_ether_addr host = { { 0x02, 0, 0, 0, 0, 0x01 } };
	struct cdk_mbuf *m = cdk_pktmbuf_alloc(pool);
	uint8_t *p = m ? (uint8_t *)cdk_pktmbuf_append(m, FRAME_MIN) : NULL;

	if (p == NULL) {
		if (m)
			cdk_pktmbuf_free(m);
		return;
	}
	memset(p, 0, FRAME_MIN);
	memcpy(p, host.addr_bytes, 6);
	memcpy(p + 6, macs[port].addr_bytes, 6);
	p[12] = ETHERTYPE >> 8, p[13] = ETHERTYPE & 0xff;
	memcpy(p + 14, text, strnlen(text, FRAME_MIN - 15));
	if (cdk_eth_tx_burst(port, 0, &m, 1) != 1)
		cdk_pktmbuf_free(m);
}

static void test_rss(uint16_t p, unsigned flows, unsigned per_flow)
{
	static uint8_t seen[MAX_FLOWS][MAX_PER_FLOW];
	struct cdk_eth_rss_reta_entry64 reta[RETA_SIZE / CDK_ETH_RETA_GROUP_SIZE];
	uint8_t key[40], want[FRAME_MAX + 64], got[FRAME_MAX + 64];
	struct cdk_eth_rss_conf rc = { .rss_key = key, .rss_key_len = sizeof(key) };
	unsigned nq = nq_of[p], total = flows * per_flow, got_n = 0, dup = 0, bad = 0;
	unsigned no_flag = 0, bad_hash = 0, bad_queue = 0, other = 0, used = 0, round = 0;
	unsigned per_q[MAX_QUEUES] = { 0 }, reta_q[MAX_QUEUES] = { 0 };
	struct cdk_eth_stats s0, s1;
	double t0 = now(), last_ready = 0, last_rx = 0;
	int rc_r;

	if (nq < 2) {
		check(0, "--rss %u: the port needs --queues %u:N with N > 1", p, p);
		return;
	}
	memset(seen, 0, sizeof(seen));
	memset(reta, 0, sizeof(reta));
	for (unsigned g = 0; g < RETA_SIZE / CDK_ETH_RETA_GROUP_SIZE; g++)
		reta[g].mask = ~0ull;
	rc_r = cdk_eth_dev_rss_reta_query(p, reta, RETA_SIZE);
	check(rc_r == 0, "port %u RETA query (128 entries): %s", p,
	      rc_r ? strerror(-rc_r) : "ok");
	rc_r = cdk_eth_dev_rss_hash_conf_get(p, &rc);
	check(rc_r == 0 && rc.rss_key_len == 40 && (rc.rss_hf & CDK_ETH_RSS_UDP),
	      "port %u RSS key of %u bytes (%02x%02x%02x%02x...), hash functions 0x%llx",
	      p, rc.rss_key_len, key[0], key[1], key[2], key[3],
	      (unsigned long long)rc.rss_hf);
	for (unsigned i = 0; i < RETA_SIZE; i++)
		reta_q[reta[i / 64].reta[i % 64] % MAX_QUEUES]++;
	printf("RETA entries per queue:");
	for (unsigned q = 0; q < nq; q++)
		printf(" q%u=%u", q, reta_q[q]);
	printf("\n");
	stats_of(p, &s0);

	while (got_n < total) {
		double t = now();

		if (last_rx == 0 && t - last_ready > 1.0) {
			char text[32];

			snprintf(text, sizeof(text), "RSS-READY %u %u %u", ++round, flows,
				 per_flow);
			send_ctl(p, text);
			last_ready = t;
		}
		if ((last_rx ? t - last_rx : t - t0) > (last_rx ? 5.0 : 30.0))
			break;
		for (uint16_t q = 0; q < nq; q++) {
			struct cdk_mbuf *pkts[BURST_MAX];
			uint16_t nb = cdk_eth_rx_burst(p, q, pkts, BURST_MAX);

			for (uint16_t i = 0; i < nb; i++) {
				struct cdk_mbuf *m = pkts[i];
				unsigned len = frame_copy(m, got, sizeof(got)), f, k, elen;
				uint32_t h;

				if (len < 14 + 20 + 8 + 8 || got[12] != 0x08 || got[13] != 0 ||
				    got[23] != 17) {
					other++;
					continue;
				}
				last_rx = now();
				f = (unsigned)got[42] << 24 | (unsigned)got[43] << 16 |
				    (unsigned)got[44] << 8 | got[45];
				k = (unsigned)got[46] << 24 | (unsigned)got[47] << 16 |
				    (unsigned)got[48] << 8 | got[49];
				if (f >= flows || k >= per_flow) {
					bad++;
					continue;
				}
				elen = flow_frame(want, f, k, &macs[p]);
				/* The guest's MAC as the host wrote it: promiscuous anyway. */
				memcpy(want, got, 6);
				if (len != elen || m->pkt_len != elen ||
				    memcmp(got, want, elen) != 0) {
					if (bad < 5)
						printf("  flow %u frame %u: got %u bytes, want %u%s\n",
						       f, k, len, elen, len == elen ?
						       ", content differs" : "");
					bad++;
					continue;
				}
				if (seen[f][k]++) {
					dup++;
					continue;
				}
				got_n++;
				per_q[q]++;
				h = cdk_sim_toeplitz(key, got + 26, 12);
				if (!(m->ol_flags & CDK_MBUF_F_RX_RSS_HASH)) {
					if (no_flag++ < 3)
						printf("  flow %u: no CDK_MBUF_F_RX_RSS_HASH\n", f);
				} else if (m->hash.rss != h) {
					if (bad_hash++ < 5)
						printf("  flow %u: hash.rss 0x%08x, Toeplitz 0x%08x\n",
						       f, m->hash.rss, h);
				}
				if (reta[(h & 127) / 64].reta[(h & 127) % 64] != q) {
					if (bad_queue++ < 5)
						printf("  flow %u: hash 0x%08x on queue %u, RETA[%u] = %u\n",
						       f, h, q, h & 127,
						       reta[(h & 127) / 64].reta[(h & 127) % 64]);
				}
			}
			cdk_pktmbuf_free_bulk(pkts, nb);
		}
	}
	send_ctl(p, "RSS-DONE");
	for (uint16_t q = 0; q < nq; q++)
		used += per_q[q] > 0;
	printf("RSS: frames per queue:");
	for (uint16_t q = 0; q < nq; q++)
		printf(" q%u=%u", q, per_q[q]);
	printf(" (%u requests, %u other frames)\n", round, other);
	check(got_n == total && bad == 0, "RSS on port %u: %u/%u frames of %u UDP flows "
	      "arrived byte-exact, %u bad, %u duplicates, in %.2f s", p, got_n, total,
	      flows, bad, dup, now() - t0);
	check(got_n > 0 && no_flag == 0 && bad_hash == 0, "RSS on port %u: every mbuf's "
	      "hash.rss is the Toeplitz hash of (src ip, dst ip, src port, dst port) "
	      "(%u without the flag, %u differ)", p, no_flag, bad_hash);
	check(got_n > 0 && bad_queue == 0, "RSS on port %u: every frame on queue "
	      "RETA[hash & 127] (%u elsewhere)", p, bad_queue);
	check(used > 1, "RSS on port %u: %u of %u queues received", p, used, nq);
	stats_of(p, &s1);
	{
		int ok = s1.ipackets - s0.ipackets >= got_n;

		for (uint16_t q = 0; q < nq && q < CDK_ETHDEV_QUEUE_STAT_CNTRS; q++)
			ok &= s1.q_ipackets[q] - s0.q_ipackets[q] >= per_q[q];
		check(ok, "RSS on port %u stats: ipackets +%llu, per queue counts cover "
		      "what each queue delivered", p,
		      (unsigned long long)(s1.ipackets - s0.ipackets));
	}
}

static void usage(void)
{
	fprintf(stderr, "usage: guest_igb [EAL args] -- [--queues P:N]... [--pair A:B]... "
		"[--host P] [--count N] [--rss P --flows F --per-flow K]\n");
}

int main(int argc, char **argv)
{
	uint16_t pa[MAX_PAIRS], pb[MAX_PAIRS], port;
	unsigned n_pairs = 0, count = 200, flows = 64, per_flow = 4;
	int host = -1, rss = -1;

	if (guest_init(&argc, &argv) < 0)
		return 1;
	for (int i = 1; i < argc; i++) {
		const char *o = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(o, "--") == 0)
			continue;
		if (v == NULL) {
			usage();
			return 2;
		}
		i++;
		if (strcmp(o, "--pair") == 0 && n_pairs < MAX_PAIRS) {
			if (parse_pair(v, &pa[n_pairs], &pb[n_pairs], 1) < 0)
				return 2;
			n_pairs++;
		} else if (strcmp(o, "--queues") == 0) {
			uint16_t qp, qn;

			if (parse_pair(v, &qp, &qn, 0) < 0 || qn == 0 || qn > MAX_QUEUES)
				return 2;
			nq_of[qp] = qn;
		} else if (strcmp(o, "--host") == 0 || strcmp(o, "--rss") == 0) {
			int x = atoi(v);

			if (!cdk_eth_dev_is_valid_port((uint16_t)x)) {
				fprintf(stderr, "guest_igb: no port %s\n", v);
				return 2;
			}
			*(strcmp(o, "--host") == 0 ? &host : &rss) = x;
		} else if (strcmp(o, "--count") == 0) {
			count = (unsigned)strtoul(v, NULL, 10);
		} else if (strcmp(o, "--flows") == 0) {
			flows = (unsigned)strtoul(v, NULL, 10);
		} else if (strcmp(o, "--per-flow") == 0) {
			per_flow = (unsigned)strtoul(v, NULL, 10);
		} else {
			usage();
			return 2;
		}
	}
	if (flows == 0 || flows > MAX_FLOWS || per_flow == 0 || per_flow > MAX_PER_FLOW) {
		fprintf(stderr, "guest_igb: --flows 1..%u, --per-flow 1..%u\n", MAX_FLOWS,
			MAX_PER_FLOW);
		return 2;
	}

	check(cdk_eth_dev_count_avail() > 0, "%u ports found", cdk_eth_dev_count_avail());
	if (pool_init() < 0)
		goto out;
	CDK_ETH_FOREACH_DEV(port) {
		if (port_up(port) == 0)
			cap_report(port);
	}
	if (n_failed)
		goto out;
	for (unsigned i = 0; i < n_pairs; i++)
		test_pair(pa[i], pb[i], count);
	if (host >= 0)
		test_host((uint16_t)host, count);
	if (rss >= 0)
		test_rss((uint16_t)rss, flows, per_flow);
out:
	return finish();
}
