/*
 * capdk's PCI drivers against QEMU's emulated NICs, inside the guest.
 *
 *   guest_e1000 [EAL args] -- [--pair A:B]... [--host P] [--count N]
 *               [--fwd A:B --count N --idle S]
 *               [--bench A:B --seconds S --tx-first N --burst B]
 *
 * Every port the EAL found is configured (one rx and one tx queue of 1024
 * descriptors, promiscuous), started and must report its link up. Then:
 *   --pair A:B  N frames of sizes 60..1514 sent on port A arrive byte-exact
 *               and in order on port B (two NICs on one QEMU hub); the port
 *               statistics agree (opackets of A, ipackets of B), and so
 *               do the NIC's own counters (GPTC of A, GPRC of B).
 *   --host P    port P is joined to the host (udp-peer.py echo --verify):
 *               N frames sent, each echoed back byte-exact; the same
 *               counters checked.
 *   --fwd A:B   forward A -> B and B -> A until N frames have gone through,
 *               or nothing came for S seconds (l2fwd without MAC updating).
 *   --bench A:B io-forward between A and B (both on one hub) after a burst
 *               of tx-first frames on each port, as testpmd's "start
 *               tx_first"; prints "qemu_iofwd_capdk_pps X pps" (the mean
 *               of one-second samples once forwarding runs, as testpmd's
 *               figure is taken) and the tx bursts per second (one TDT
 *               doorbell each).
 * Queue 0's capability slices are printed for each port, and the rx
 * doorbell must be [0x2818, +4) W. Prints "N passed, N failed"; exits 1 on
 * any failure.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cdk_eal.h"
#include "cdk_ethdev.h"
#include "cdk_lcore.h"
#include "cdk_mbuf.h"
#include "cdk_memory.h"

#include "guest_common.h"

#define NB_DESC 1024
#define MAX_PAIRS 8

static int port_up(uint16_t port)
{
	struct cdk_eth_dev_info info;
	struct cdk_eth_link link = { 0 };
	int sock = cdk_eth_dev_socket_id(port), rc;
	char name[64] = "?";
	double waited;

	if (sock < 0)
		sock = 0;
	cdk_eth_dev_get_name_by_port(port, name);
	rc = cdk_eth_dev_info_get(port, &info);
	if (rc == 0)
		rc = cdk_eth_dev_configure(port, 1, 1, &(struct cdk_eth_conf){ 0 });
	if (rc == 0)
		rc = cdk_eth_rx_queue_setup(port, 0, NB_DESC, (unsigned)sock, NULL, pool);
	if (rc == 0)
		rc = cdk_eth_tx_queue_setup(port, 0, NB_DESC, (unsigned)sock, NULL);
	if (rc == 0)
		rc = cdk_eth_dev_start(port);
	if (rc == 0)
		rc = cdk_eth_promiscuous_enable(port);
	if (rc == 0)
		rc = cdk_eth_macaddr_get(port, &macs[port]);
	if (rc < 0) {
		check(0, "port %u (%s) setup: %s", port, name, strerror(-rc));
		return rc;
	}
	waited = link_wait(port, &link, 100);
	check(link.link_status, "port %u %s %s mac " CDK_ETHER_ADDR_PRT_FMT
	      " link %s %u Mbps after %.1f s", port, name, info.driver_name,
	      CDK_ETHER_ADDR_BYTES(&macs[port]), link.link_status ? "up" : "down",
	      link.link_speed, waited);
	return link.link_status ? 0 : -ENOLINK;
}

/* Queue 0's slices of one port, as --cap-report prints them. */
static void cap_report(uint16_t port)
{
	char *buf = cap_text(port), *line, *save = NULL, want[32];
	int found = 0, other = 0;

	if (buf == NULL)
		return;
	printf("capability slices of port %u, queue 0:\n", port);
	snprintf(want, sizeof(want), "port%u/rxq0 ", port);
	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (strstr(line, "xq0 ") == NULL)
			continue;
		printf("%s\n", line);
		if (strstr(line, want) && strstr(line, " mmio ")) {
			if (strstr(line, "[0x2818, +4) W "))
				found = 1;
			else if (strstr(line, " W ")) /* any other writable register */
				other = 1;
		}
	}
	free(buf);
	check(found && !other, "port %u rx queue 0 doorbell slice is [0x2818, +4) W "
	      "and its only writable register", port);
}

static int parse_pair(const char *s, uint16_t *a, uint16_t *b)
{
	unsigned x, y;
	char c;

	if (sscanf(s, "%u:%u%c", &x, &y, &c) != 2 || x >= CDK_MAX_ETHPORTS ||
	    y >= CDK_MAX_ETHPORTS || !cdk_eth_dev_is_valid_port((uint16_t)x) ||
	    !cdk_eth_dev_is_valid_port((uint16_t)y)) {
		fprintf(stderr, "guest_e1000: bad port pair '%s'\n", s);
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
	good = exchange(a, b, n, NB_DESC / 2, &macs[b], 5, &bad);
	check(good == n && bad == 0, "hub %u -> %u: %u/%u frames of 60..1514 bytes "
	      "byte-exact and in order (%u bad) in %.2f s", a, b, good, n, bad,
	      now() - t0);
	if (good != n) {
		print_xstats(a);
		print_xstats(b);
	}
	usleep(200 * 1000); /* nothing more may arrive */
	stats_of(a, &sa1);
	stats_of(b, &sb1);
	check(sa1.opackets - sa0.opackets == n && sb1.ipackets - sb0.ipackets == n,
	      "hub %u -> %u stats: port %u opackets +%llu obytes +%llu, port %u "
	      "ipackets +%llu ibytes +%llu (want +%u packets)", a, b, a,
	      (unsigned long long)(sa1.opackets - sa0.opackets),
	      (unsigned long long)(sa1.obytes - sa0.obytes), b,
	      (unsigned long long)(sb1.ipackets - sb0.ipackets),
	      (unsigned long long)(sb1.ibytes - sb0.ibytes), n);
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
	usleep(200 * 1000);
	stats_of(p, &s1);
	check(s1.opackets - s0.opackets == n && s1.ipackets - s0.ipackets == n,
	      "host echo stats: port %u opackets +%llu ipackets +%llu (want +%u)", p,
	      (unsigned long long)(s1.opackets - s0.opackets),
	      (unsigned long long)(s1.ipackets - s0.ipackets), n);
	check_hw(p, p, h0, n);
}

/* l2fwd without MAC updating, on the main lcore. */
static void test_fwd(uint16_t a, uint16_t b, unsigned n, double idle)
{
	uint64_t fwd[2] = { 0, 0 }, drop = 0;
	double last = now(), t0 = last;
	uint16_t ports[2] = { a, b };

	while (fwd[0] + fwd[1] < n && now() - last < idle) {
		for (int d = 0; d < 2; d++) {
			struct cdk_mbuf *pkts[32];
			uint16_t k = cdk_eth_rx_burst(ports[d], 0, pkts, 32), s;

			if (k == 0)
				continue;
			s = cdk_eth_tx_burst(ports[!d], 0, pkts, k);
			fwd[d] += s;
			drop += k - s;
			cdk_pktmbuf_free_bulk(pkts + s, k - s);
			last = now();
		}
	}
	check(fwd[0] + fwd[1] >= n && drop == 0, "forwarded %llu frames %u -> %u and "
	      "%llu %u -> %u, %llu dropped, in %.1f s", (unsigned long long)fwd[0],
	      a, b, (unsigned long long)fwd[1], b, a, (unsigned long long)drop,
	      now() - t0);
}

/* ---- io-forward benchmark ---- */

struct bench {
	uint16_t a, b, burst;
	volatile int stop;
	uint64_t live; /* frames forwarded so far, for the per-second samples */
	uint64_t fwd, drop, tx_bursts, rx_polls;
};

static int bench_loop(void *arg)
{
	struct bench *bc = arg;
	uint64_t fwd = 0, drop = 0, bursts = 0, polls = 0;
	uint16_t ports[2] = { bc->a, bc->b };

	while (!bc->stop) {
		for (int d = 0; d < 2; d++) {
			struct cdk_mbuf *pkts[BURST_MAX];
			uint16_t k = cdk_eth_rx_burst(ports[d], 0, pkts, bc->burst), s;

			polls++;
			if (k == 0)
				continue;
			s = cdk_eth_tx_burst(ports[!d], 0, pkts, k);
			bursts++;
			fwd += s;
			__atomic_store_n(&bc->live, fwd, __ATOMIC_RELAXED);
			if (s < k) {
				drop += k - s;
				cdk_pktmbuf_free_bulk(pkts + s, k - s);
			}
		}
	}
	bc->fwd = fwd;
	bc->drop = drop;
	bc->tx_bursts = bursts;
	bc->rx_polls = polls;
	return 0;
}

static int tx_first(uint16_t port, unsigned n)
{
	static const struct cdk_ether_addr peer = { { 0x02, 0, 0, 0, 0, 0x02 } };

	for (unsigned i = 0; i < n; i++) {
		struct cdk_mbuf *m = cdk_pktmbuf_alloc(pool);
		uint8_t *p = m ? (uint8_t *)cdk_pktmbuf_append(m, 64) : NULL;

		if (p == NULL)
			return -ENOMEM;
		frame_fill(p, 64, i, &peer, &macs[port]);
		if (cdk_eth_tx_burst(port, 0, &m, 1) != 1) {
			cdk_pktmbuf_free(m);
			return -ENOBUFS;
		}
	}
	return 0;
}

/*
 * Frames forwarded per second, sampled each second as testpmd's
 * --stats-period does and reduced as bench_qemu_figures.py reduces
 * testpmd's: the seconds before forwarding began and the first one after
 * (a partial second) are left out -- QEMU's e1000 holds received frames
 * back for a second after every RCTL write, so when forwarding begins
 * depends on the set-up. The mean of `seconds` samples after that.
 */
static double bench_sample(struct bench *bc, double seconds, double t0)
{
	uint64_t prev = 0, sum = 0;
	unsigned n = 0, want = seconds < 1 ? 1 : (unsigned)seconds;
	int started = 0;
	double next = t0 + 1;

	for (unsigned i = 0; n < want && i < want + 15; i++, next += 1) {
		uint64_t cur;
		double t = now();

		if (next > t)
			usleep((useconds_t)((next - t) * 1e6));
		cur = __atomic_load_n(&bc->live, __ATOMIC_RELAXED);
		printf("bench: second %u: %llu frames\n", i + 1,
		       (unsigned long long)(cur - prev));
		if (started) {
			sum += cur - prev;
			n++;
		} else if (cur != prev) {
			started = 1; /* the first second with frames is partial */
		}
		prev = cur;
	}
	return n ? (double)sum / n : 0;
}

static void bench(uint16_t a, uint16_t b, double seconds, unsigned txf,
		  unsigned burst)
{
	struct bench bc = { .a = a, .b = b, .burst = (uint16_t)burst };
	unsigned worker = cdk_get_next_lcore(-1, 1, 0);
	struct cdk_eth_stats sa, sb;
	double t0, dt, pps;

	if (worker >= CDK_MAX_LCORE) {
		check(0, "bench needs a worker lcore (-l 0-1)");
		return;
	}
	cdk_eth_stats_reset(a);
	cdk_eth_stats_reset(b);
	if (tx_first(a, txf) < 0 || tx_first(b, txf) < 0) {
		check(0, "bench: tx-first failed");
		return;
	}
	t0 = now();
	if (cdk_eal_remote_launch(bench_loop, &bc, worker) < 0) {
		check(0, "bench: launch failed");
		return;
	}
	pps = bench_sample(&bc, seconds, t0);
	bc.stop = 1;
	cdk_eal_wait_lcore(worker);
	dt = now() - t0;
	stats_of(a, &sa);
	stats_of(b, &sb);
	printf("bench: %llu frames forwarded in %.2f s, %llu dropped at tx, %llu tx "
	       "bursts (%.1f frames each), %llu rx polls; port %u ipackets %llu "
	       "opackets %llu, port %u ipackets %llu opackets %llu\n",
	       (unsigned long long)bc.fwd, dt, (unsigned long long)bc.drop,
	       (unsigned long long)bc.tx_bursts,
	       bc.tx_bursts ? (double)bc.fwd / (double)bc.tx_bursts : 0.0,
	       (unsigned long long)bc.rx_polls, a, (unsigned long long)sa.ipackets,
	       (unsigned long long)sa.opackets, b, (unsigned long long)sb.ipackets,
	       (unsigned long long)sb.opackets);
	printf("qemu_iofwd_capdk_pps %.0f pps\n", pps);
	printf("qemu_iofwd_capdk_tx_bursts_per_s %.0f bursts/s\n",
	       (double)bc.tx_bursts / dt);
	fflush(stdout);
	check(bc.fwd > 0, "bench: io-forward %u <-> %u moved frames", a, b);
}

/* EAL memory as the devices see it: with vfio every segment is mapped into
 * the IOMMU at its first page's IOVA, which is right only if the segment is
 * IOVA-contiguous. */
static void print_memsegs(void)
{
	for (unsigned i = 0; i < cdk_memseg_count(); i++) {
		const struct cdk_memseg *m = cdk_memseg_get(i);
		size_t pages = m->len / m->page_sz, runs = 1;

		for (size_t k = 1; k < pages; k++)
			runs += m->page_iova[k] != m->page_iova[k - 1] + m->page_sz;
		printf("memseg %u: %zu MiB of %zu KiB pages, iova 0x%llx (%s), %zu "
		       "IOVA-contiguous run%s\n", i, m->len >> 20, m->page_sz >> 10,
		       (unsigned long long)m->page_iova[0],
		       cdk_eal_iova_mode() == CDK_IOVA_PA ? "PA" : "VA", runs,
		       runs == 1 ? "" : "s");
	}
}

static void usage(void)
{
	fprintf(stderr, "usage: guest_e1000 [EAL args] -- [--pair A:B]... [--host P] "
		"[--count N] [--fwd A:B --idle S] [--bench A:B --seconds S "
		"--tx-first N --burst B]\n");
}

int main(int argc, char **argv)
{
	uint16_t pa[MAX_PAIRS], pb[MAX_PAIRS], fa = 0, fb = 0, ba = 0, bb = 0;
	unsigned n_pairs = 0, count = 200, txf = 32, burst = 32;
	int host = -1, fwd = 0, do_bench = 0;
	double idle = 10, seconds = 5;
	uint16_t port;

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
			if (parse_pair(v, &pa[n_pairs], &pb[n_pairs]) < 0)
				return 2;
			n_pairs++;
		} else if (strcmp(o, "--fwd") == 0) {
			if (parse_pair(v, &fa, &fb) < 0)
				return 2;
			fwd = 1;
		} else if (strcmp(o, "--bench") == 0) {
			if (parse_pair(v, &ba, &bb) < 0)
				return 2;
			do_bench = 1;
		} else if (strcmp(o, "--host") == 0) {
			host = atoi(v);
			if (!cdk_eth_dev_is_valid_port((uint16_t)host)) {
				fprintf(stderr, "guest_e1000: no port %s\n", v);
				return 2;
			}
		} else if (strcmp(o, "--count") == 0) {
			count = (unsigned)strtoul(v, NULL, 10);
		} else if (strcmp(o, "--idle") == 0) {
			idle = strtod(v, NULL);
		} else if (strcmp(o, "--seconds") == 0) {
			seconds = strtod(v, NULL);
		} else if (strcmp(o, "--tx-first") == 0) {
			txf = (unsigned)strtoul(v, NULL, 10);
		} else if (strcmp(o, "--burst") == 0) {
			burst = (unsigned)strtoul(v, NULL, 10);
			if (burst == 0 || burst > BURST_MAX)
				burst = 32;
		} else {
			usage();
			return 2;
		}
	}

	print_memsegs();
	check(cdk_eth_dev_count_avail() > 0, "%u ports found",
	      cdk_eth_dev_count_avail());
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
	if (fwd)
		test_fwd(fa, fb, count, idle);
	if (do_bench)
		bench(ba, bb, seconds, txf, burst);
out:
	return finish();
}
