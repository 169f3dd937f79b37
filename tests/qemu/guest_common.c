/*
 * What guest_e1000 and guest_igb share (see guest_common.h).
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
#include "cdk_mbuf.h"
#include "cdk_mempool.h"

#include "guest_common.h"

static unsigned n_passed;
unsigned n_failed;
struct cdk_mempool *pool;
struct cdk_ether_addr macs[CDK_MAX_ETHPORTS];

void check(int ok, const char *fmt, ...)
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

double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int guest_init(int *argc, char ***argv)
{
	int n = cdk_eal_init(*argc, *argv);

	if (n < 0) {
		printf("EAL initialisation failed\n0 passed, 1 failed\n");
		return -1;
	}
	*argc -= n;
	*argv += n;
	/* Whole lines reach the console even if the guest is cut short. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	return 0;
}

int pool_init(void)
{
	pool = cdk_pktmbuf_pool_create("guest_pool", 8191, 256, 0,
				       CDK_MBUF_DEFAULT_BUF_SIZE, 0);
	if (pool == NULL) {
		check(0, "mbuf pool: %s", strerror(errno));
		return -1;
	}
	return 0;
}

int finish(void)
{
	uint16_t port;

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

/* QEMU raises the link some time after start (igb: ~550 ms after the PHY
 * autonegotiation restart); the time it took is worth printing. */
double link_wait(uint16_t port, struct cdk_eth_link *link, unsigned poll_ms)
{
	double t0 = now();

	do {
		cdk_eth_link_get_nowait(port, link);
		if (link->link_status)
			break;
		usleep(poll_ms * 1000);
	} while (now() - t0 < 10);
	return now() - t0;
}

char *cap_text(uint16_t port)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (f == NULL) {
		check(0, "open_memstream: %s", strerror(errno));
		return NULL;
	}
	cdk_eth_dev_cap_report(port, f);
	fclose(f);
	return buf;
}

/* Frame k: 60 and 1514 first, then sizes spread over 60..1514. The same
 * rule is in udp-peer.py (--verify). */
unsigned frame_len(unsigned k)
{
	if (k == 0)
		return FRAME_MIN;
	if (k == 1)
		return FRAME_MAX;
	return FRAME_MIN + (k * 397u) % (FRAME_MAX - FRAME_MIN + 1);
}

/* dst(6) src(6) type(2) seq(4, big endian) then byte i = (seq*31 + i*7) & 0xff. */
void frame_fill(uint8_t *p, unsigned len, unsigned seq,
		const struct cdk_ether_addr *dst, const struct cdk_ether_addr *src)
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
unsigned frame_copy(const struct cdk_mbuf *m, uint8_t *out, unsigned cap)
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

/*
 * Send frames 0..n-1 on queue 0 of tx, at most `window` ahead of what came
 * back on queue 0 of rx, and check each received frame byte-exact and in
 * order. dst is the destination MAC written into the frames. Gives up after
 * `limit` seconds without a frame. Returns frames received intact.
 */
unsigned exchange(uint16_t tx, uint16_t rx, unsigned n, unsigned window,
		  const struct cdk_ether_addr *dst, double limit, unsigned *bad_out)
{
	static uint8_t want[FRAME_MAX + 64], got[FRAME_MAX + 64];
	unsigned sent = 0, good = 0, bad = 0, next = 0;
	double last = now();

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

/* Zeroed first, so a port that fails to answer reads as no traffic. */
void stats_of(uint16_t port, struct cdk_eth_stats *st)
{
	memset(st, 0, sizeof(*st));
	cdk_eth_stats_get(port, st);
}

/* One extended statistic by name (the NIC's own counters: QEMU's model
 * counts them, not the driver); UINT64_MAX when there is none. */
uint64_t xstat(uint16_t port, const char *name)
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

struct hw_counts hw_of(uint16_t tx, uint16_t rx)
{
	return (struct hw_counts){ xstat(tx, "tx_hw_good_packets"),
				   xstat(rx, "rx_hw_good_packets") };
}

/* QEMU's igb counters are clear-on-read: the driver must accumulate. */
void check_hw(uint16_t tx, uint16_t rx, struct hw_counts h0, unsigned n)
{
	struct hw_counts h1 = hw_of(tx, rx);

	check(h0.tx != UINT64_MAX && h0.rx != UINT64_MAX &&
	      h1.tx - h0.tx == n && h1.rx - h0.rx == n,
	      "NIC counters: port %u GPTC +%llu, port %u GPRC +%llu (want +%u)", tx,
	      (unsigned long long)(h1.tx - h0.tx), rx,
	      (unsigned long long)(h1.rx - h0.rx), n);
}

/* The non-zero extended statistics of a port, to tell why frames went missing. */
void print_xstats(uint16_t port)
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
