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
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cdk_eal.h"
#include "cdk_ethdev.h"
#include "cdk_lcore.h"
#include "cdk_mbuf.h"
#include "cdk_memory.h"
#include "cdk_mempool.h"

#define NB_DESC 1024
#define BURST_MAX 64
#define MAX_PAIRS 8
#define ETHERTYPE 0x88b5 /* IEEE local experimental */
#define FRAME_MIN 60
#define FRAME_MAX 1514

static unsigned n_passed, n_failed;

static void check(int ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void check(int ok, const char *fmt, ...)
{
	va_list ap;

	printf("%s: ", ok ? "PASS" : "FAIL");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	if (ok)
		n_passed++;
	else
		n_failed++;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Frame k: 60 and 1514 first, then sizes spread over 60..1514. The same
 * rule is in udp-peer.py (--verify). */
static unsigned frame_len(unsigned k)
{
	if (k == 0)
		return FRAME_MIN;
	if (k == 1)
		return FRAME_MAX;
	return FRAME_MIN + (k * 397u) % (FRAME_MAX - FRAME_MIN + 1);
}

/* dst(6) src(6) type(2) seq(4, big endian) then byte i = (seq*31 + i*7) & 0xff. */
static void frame_fill(uint8_t *p, unsigned len, unsigned seq,
		       const struct cdk_ether_addr *dst,
		       const struct cdk_ether_addr *src)
{
	memcpy(p, dst->addr_bytes, 6);
	memcpy(p + 6, src->addr_bytes, 6);
	p[12] = ETHERTYPE >> 8;
	p[13] = ETHERTYPE & 0xff;
	p[14] = (uint8_t)(seq >> 24);
	p[15] = (uint8_t)(seq >> 16);
	p[16] = (uint8_t)(seq >> 8);
	p[17] = (uint8_t)seq;
	for (unsigned i = 18; i < len; i++)
		p[i] = (uint8_t)(seq * 31u + i * 7u);
}

/* Linearise a received frame (a chain if the driver split it). */
static unsigned frame_copy(const struct cdk_mbuf *m, uint8_t *out, unsigned cap)
{
	unsigned n = 0;

	for (const struct cdk_mbuf *s = m; s != NULL; s = s->next) {
		unsigned k = s->data_len;

		if (n + k > cap)
			k = cap - n;
		memcpy(out + n, cdk_pktmbuf_mtod(s, const uint8_t *), k);
		n += k;
	}
	return n;
}

static struct cdk_mempool *pool;
static struct cdk_ether_addr macs[CDK_MAX_ETHPORTS];

static int port_up(uint16_t port)
{
	struct cdk_eth_dev_info info;
	struct cdk_eth_link link = { 0 };
	int sock = cdk_eth_dev_socket_id(port), rc;
	char name[64] = "?";
	double t0;

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
	t0 = now();
	do {
		cdk_eth_link_get_nowait(port, &link);
		if (link.link_status)
			break;
		usleep(100 * 1000);
	} while (now() - t0 < 10);
	check(link.link_status, "port %u %s %s mac " CDK_ETHER_ADDR_PRT_FMT
	      " link %s %u Mbps after %.1f s", port, name, info.driver_name,
	      CDK_ETHER_ADDR_BYTES(&macs[port]), link.link_status ? "up" : "down",
	      link.link_speed, now() - t0);
	return link.link_status ? 0 : -ENOLINK;
}

/* Queue 0's slices of one port, as --cap-report prints them. */
static void cap_report(uint16_t port)
{
	char *buf = NULL, *line, *save = NULL, want[32];
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int found = 0, other = 0;

	if (f == NULL) {
		check(0, "open_memstream: %s", strerror(errno));
		return;
	}
	cdk_eth_dev_cap_report(port, f);
	fclose(f);
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

/*
 * Send frames 0..n-1 on tx, at most `window` ahead of what came back on rx,
 * and check each received frame byte-exact and in order. dst is the
 * destination MAC written into the frames. Returns frames received intact.
 */
static unsigned exchange(uint16_t tx, uint16_t rx, unsigned n, unsigned window,
			 const struct cdk_ether_addr *dst, double limit,
			 unsigned *bad_out)
{
	static uint8_t want[FRAME_MAX + 64], got[FRAME_MAX + 64];
	unsigned sent = 0, good = 0, bad = 0, next = 0;
	double t0 = now(), last = t0;

	while (next < n && now() - last < limit) {
		struct cdk_mbuf *pkts[BURST_MAX];
		uint16_t k = 0, nb;

		while (sent + k < n && sent + k < next + window && k < 32) {
			unsigned len = frame_len(sent + k);
			struct cdk_mbuf *m = cdk_pktmbuf_alloc(pool);
			uint8_t *p;

			if (m == NULL)
				break;
			p = (uint8_t *)cdk_pktmbuf_append(m, (uint16_t)len);
			if (p == NULL) {
				cdk_pktmbuf_free(m);
				break;
			}
			frame_fill(p, len, sent + k, dst, &macs[tx]);
			pkts[k++] = m;
		}
		if (k) {
			nb = cdk_eth_tx_burst(tx, 0, pkts, k);
			sent += nb;
			if (nb < k)
				cdk_pktmbuf_free_bulk(pkts + nb, k - nb);
		}
		nb = cdk_eth_rx_burst(rx, 0, pkts, BURST_MAX);
		for (uint16_t i = 0; i < nb; i++) {
			unsigned len = frame_copy(pkts[i], got, sizeof(got));
			unsigned elen = frame_len(next);

			frame_fill(want, elen, next, dst, &macs[tx]);
			if (len == elen && pkts[i]->pkt_len == elen &&
			    memcmp(got, want, elen) == 0) {
				good++;
			} else {
				if (bad < 5)
					printf("  frame %u: got %u bytes (pkt_len %u, %u segs), "
					       "want %u%s\n", next, len, pkts[i]->pkt_len,
					       pkts[i]->nb_segs, elen,
					       len == elen ? ", content differs" : "");
				bad++;
			}
			next++;
			last = now();
		}
		cdk_pktmbuf_free_bulk(pkts, nb);
	}
	*bad_out = bad;
	return good;
}

static void stats_of(uint16_t port, struct cdk_eth_stats *st)
{
	memset(st, 0, sizeof(*st));
	cdk_eth_stats_get(port, st);
}

/* One extended statistic by name (the NIC's own counters: QEMU's model
 * counts them, not the driver); UINT64_MAX when there is none. */
static uint64_t xstat(uint16_t port, const char *name)
{
	int n = cdk_eth_xstats_get(port, NULL, 0);
	struct cdk_eth_xstat *xs;
	uint64_t id, v = UINT64_MAX;

	if (n <= 0 || cdk_eth_xstats_get_id_by_name(port, name, &id) < 0)
		return UINT64_MAX;
	xs = calloc((size_t)n, sizeof(*xs));
	if (xs && cdk_eth_xstats_get(port, xs, (unsigned)n) == n)
		for (int i = 0; i < n; i++)
			if (xs[i].id == id)
				v = xs[i].value;
	free(xs);
	return v;
}

/* The NIC's counters of frames sent by tx and received by rx. */
struct hw_counts {
	uint64_t tx, rx;
};

static struct hw_counts hw_of(uint16_t tx, uint16_t rx)
{
	return (struct hw_counts){ xstat(tx, "tx_hw_good_packets"),
				   xstat(rx, "rx_hw_good_packets") };
}

static void check_hw(uint16_t tx, uint16_t rx, struct hw_counts h0, unsigned n)
{
	struct hw_counts h1 = hw_of(tx, rx);

	check(h0.tx != UINT64_MAX && h0.rx != UINT64_MAX &&
	      h1.tx - h0.tx == n && h1.rx - h0.rx == n,
	      "NIC counters: port %u GPTC +%llu, port %u GPRC +%llu (want +%u)", tx,
	      (unsigned long long)(h1.tx - h0.tx), rx,
	      (unsigned long long)(h1.rx - h0.rx), n);
}

/* The non-zero extended statistics of a port, to tell why frames went missing. */
static void print_xstats(uint16_t port)
{
	int n = cdk_eth_xstats_get_names(port, NULL, 0);
	struct cdk_eth_xstat_name *names;
	struct cdk_eth_xstat *xs;

	if (n <= 0)
		return;
	names = calloc((size_t)n, sizeof(*names));
	xs = calloc((size_t)n, sizeof(*xs));
	if (names && xs && cdk_eth_xstats_get_names(port, names, (unsigned)n) == n &&
	    cdk_eth_xstats_get(port, xs, (unsigned)n) == n) {
		printf("  port %u xstats:", port);
		for (int i = 0; i < n; i++)
			if (xs[i].value)
				printf(" %s=%llu", names[xs[i].id].name,
				       (unsigned long long)xs[i].value);
		printf("\n");
	}
	free(names);
	free(xs);
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
	int n = cdk_eal_init(argc, argv);

	if (n < 0) {
		printf("EAL initialisation failed\n0 passed, 1 failed\n");
		return 1;
	}
	argc -= n;
	argv += n;
	setvbuf(stdout, NULL, _IOLBF, 0);
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
	pool = cdk_pktmbuf_pool_create("guest_pool", 8191, 256, 0,
				       CDK_MBUF_DEFAULT_BUF_SIZE, 0);
	if (pool == NULL) {
		check(0, "mbuf pool: %s", strerror(errno));
		goto out;
	}
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
	CDK_ETH_FOREACH_DEV(port) {
		cdk_eth_dev_stop(port);
		cdk_eth_dev_close(port);
	}
	if (pool) {
		unsigned used = cdk_mempool_in_use_count(pool);

		check(used == 0, "every mbuf back in the pool (%u in use)", used);
		cdk_mempool_free(pool);
	}
	cdk_eal_cleanup();
	printf("%u passed, %u failed\n", n_passed, n_failed);
	return n_failed ? 1 : 0;
}
