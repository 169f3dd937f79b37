/*
 * io forwarding between two ports on one forwarding lcore, as testpmd's
 * "--forward-mode=io --record-core-cycles": two streams (port 0 rx -> port 1
 * tx, port 1 rx -> port 0 tx), bursts of 32, what tx refuses is freed.
 *
 *   bench_iofwd [EAL args] [-- --seconds S --rounds R --burst B
 *                              --mode NAME --tx-first N --mbufs N --cache N]
 *
 * Ports 0 and 1 come from the EAL arguments (--vdev net_null0 --vdev
 * net_null1, or two net_ring ports). Without any --vdev it runs itself three
 * times: null, ring (each net_ring port looping back on itself, the topology
 * of DPDK's "--vdev net_ring0 --vdev net_ring1") and ring_pair (peer=).
 *
 * Figures, medians over the rounds, one "name value unit" line each:
 *   capdk_iofwd_<mode>_cycles_per_pkt        busy cycles / packets received
 *   capdk_iofwd_<mode>_total_cycles_per_pkt  all loop cycles / packets
 *   capdk_iofwd_<mode>_mpps                  packets forwarded per second
 *   capdk_iofwd_<mode>_pkts                  packets forwarded, all rounds
 * after a comment line per round: "# round MODE I BUSY TOTAL MPPS PKTS".
 * "Busy" counts only iterations that received at least one packet, from
 * before the rx burst to after the drop, which is what testpmd accumulates
 * and divides by the packets received.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cdk_cycles.h"
#include "cdk_eal.h"
#include "cdk_ethdev.h"
#include "cdk_lcore.h"
#include "cdk_mbuf.h"

#define MAX_BURST 512
#define MAX_ROUNDS 101

struct opts {
	double seconds;
	unsigned rounds, burst, mbufs, cache;
	int tx_first; /* per port; -1: by driver (ring: one burst, null: 0) */
	char mode[32];
};

/* What the forwarding lcore reports for one round. */
struct round {
	uint64_t rx, tx, dropped;
	uint64_t busy, total; /* TSC cycles */
};

struct fwd_ctx {
	uint16_t burst;
	struct round r;
};

/* Written by the main lcore, read on every loop iteration of the worker:
 * the same single load testpmd's loop makes to see "stop". */
static volatile int stop_flag;

/* One stream, as testpmd's io engine: the cycles count only when the rx
 * burst brought something. */
static inline __attribute__((always_inline)) void
fwd_stream(uint16_t rx_port, uint16_t tx_port, uint16_t burst,
	   struct round *r)
{
	struct cdk_mbuf *pkts[MAX_BURST];
	uint64_t t0 = cdk_rdtsc();
	uint16_t nb_rx = cdk_eth_rx_burst(rx_port, 0, pkts, burst);
	uint16_t nb_tx;

	if (cdk_unlikely(nb_rx == 0))
		return;
	r->rx += nb_rx;
	nb_tx = cdk_eth_tx_burst(tx_port, 0, pkts, nb_rx);
	r->tx += nb_tx;
	if (cdk_unlikely(nb_tx < nb_rx)) {
		r->dropped += nb_rx - nb_tx;
		cdk_pktmbuf_free_bulk(pkts + nb_tx, nb_rx - nb_tx);
	}
	r->busy += cdk_rdtsc() - t0;
}

static int fwd_loop(void *arg)
{
	struct fwd_ctx *c = arg;
	struct round r = { 0 };
	uint16_t burst = c->burst;
	uint64_t start = cdk_rdtsc();

	while (!stop_flag) {
		fwd_stream(0, 1, burst, &r);
		fwd_stream(1, 0, burst, &r);
	}
	r.total = cdk_rdtsc() - start;
	c->r = r;
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v, unsigned n)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void usage(const char *prg)
{
	fprintf(stderr,
		"usage: %s [EAL args] [-- --seconds S --rounds R --burst B\n"
		"          --mode NAME --tx-first N --mbufs N --cache N]\n",
		prg);
}

/* argv[0] is the program name, as after DPDK's EAL parsing. */
static int parse_opts(int argc, char **argv, struct opts *o)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		char *end = NULL;
		unsigned long u = 0;

		if (strcmp(a, "--") == 0)
			continue;
		if (v == NULL) {
			fprintf(stderr, "bench_iofwd: %s needs a value\n", a);
			return -EINVAL;
		}
		if (strcmp(a, "--mode") == 0) {
			snprintf(o->mode, sizeof(o->mode), "%s", v);
			i++;
			continue;
		}
		if (strcmp(a, "--seconds") == 0) {
			o->seconds = strtod(v, &end);
			if (*end || o->seconds <= 0 || o->seconds > 600) {
				fprintf(stderr, "bench_iofwd: bad --seconds %s\n", v);
				return -EINVAL;
			}
			i++;
			continue;
		}
		errno = 0;
		u = strtoul(v, &end, 10);
		if (errno || *end || *v == '\0' || *v == '-') {
			fprintf(stderr, "bench_iofwd: bad value %s for %s\n", v, a);
			return -EINVAL;
		}
		if (strcmp(a, "--rounds") == 0 && u >= 1 && u <= MAX_ROUNDS)
			o->rounds = (unsigned)u;
		else if (strcmp(a, "--burst") == 0 && u >= 1 && u <= MAX_BURST)
			o->burst = (unsigned)u;
		else if (strcmp(a, "--tx-first") == 0 && u <= 4096)
			o->tx_first = (int)u;
		else if (strcmp(a, "--mbufs") == 0 && u >= 1024 && u <= (1u << 22))
			o->mbufs = (unsigned)u;
		else if (strcmp(a, "--cache") == 0 && u <= 512)
			o->cache = (unsigned)u;
		else {
			fprintf(stderr, "bench_iofwd: unknown option or value out "
				"of range: %s %s\n", a, v);
			return -EINVAL;
		}
		i++;
	}
	return 0;
}

static int port_setup(uint16_t port, struct cdk_mempool *mp)
{
	int socket = cdk_eth_dev_socket_id(port);
	int rc;

	if (socket < 0)
		socket = 0;
	rc = cdk_eth_dev_configure(port, 1, 1, &(struct cdk_eth_conf){ 0 });
	if (rc == 0)
		rc = cdk_eth_rx_queue_setup(port, 0, 1024, (unsigned)socket,
					    NULL, mp);
	if (rc == 0)
		rc = cdk_eth_tx_queue_setup(port, 0, 1024, (unsigned)socket,
					    NULL);
	if (rc == 0)
		rc = cdk_eth_dev_start(port);
	if (rc < 0)
		fprintf(stderr, "bench_iofwd: port %u setup: %s\n", port,
			strerror(-rc));
	return rc;
}

/* testpmd's tx_first: bursts sent on each port before forwarding starts,
 * so a ring topology has something to move. */
static int tx_first(uint16_t port, struct cdk_mempool *mp, unsigned n,
		    unsigned burst)
{
	struct cdk_mbuf *pkts[MAX_BURST];

	while (n > 0) {
		unsigned k = n < burst ? n : burst;
		uint16_t sent;

		if (cdk_pktmbuf_alloc_bulk(mp, pkts, k) != 0)
			return -ENOMEM;
		for (unsigned i = 0; i < k; i++) {
			char *d = cdk_pktmbuf_append(pkts[i], 64);

			memset(d, 0, 64);
			memset(d, 0xff, 6); /* broadcast, like txonly's frames */
		}
		sent = cdk_eth_tx_burst(port, 0, pkts, (uint16_t)k);
		if (sent < k) {
			cdk_pktmbuf_free_bulk(pkts + sent, k - sent);
			return -ENOBUFS;
		}
		n -= k;
	}
	return 0;
}

/* One EAL lifetime: set up ports 0 and 1, forward for the rounds, print. */
static int run(int argc, char **argv, const char *prg)
{
	struct opts o = { .seconds = 1.0, .rounds = 5, .burst = 32,
			  .mbufs = 32768, .cache = 250, .tx_first = -1 };
	double cpp[MAX_ROUNDS], tcpp[MAX_ROUNDS], mpps[MAX_ROUNDS];
	uint64_t fwd_total = 0, drop_total = 0;
	struct cdk_mempool *mp = NULL;
	struct cdk_eth_dev_info info;
	struct fwd_ctx ctx;
	unsigned worker;
	double hz;
	int ret = 1, n = cdk_eal_init(argc, argv);

	if (n < 0) {
		usage(prg);
		return 1;
	}
	if (parse_opts(argc - n, argv + n, &o) < 0) {
		usage(prg);
		goto out;
	}
	if (cdk_eth_dev_count_avail() < 2 || !cdk_eth_dev_is_valid_port(0) ||
	    !cdk_eth_dev_is_valid_port(1)) {
		fprintf(stderr, "bench_iofwd: needs ports 0 and 1 (--vdev)\n");
		goto out;
	}
	worker = cdk_get_next_lcore(-1, 1, 0);
	if (worker >= CDK_MAX_LCORE) {
		fprintf(stderr, "bench_iofwd: needs a worker lcore (-l 0-1)\n");
		goto out;
	}
	if (cdk_eth_dev_info_get(0, &info) < 0)
		goto out;
	if (o.mode[0] == '\0')
		snprintf(o.mode, sizeof(o.mode), "%s",
			 strncmp(info.driver_name, "net_", 4) == 0 ?
				 info.driver_name + 4 : info.driver_name);
	if (o.tx_first < 0)
		o.tx_first = strcmp(info.driver_name, "net_ring") == 0 ?
				     (int)o.burst : 0;

	/* testpmd's pool: default data room, per-lcore caches of 250. */
	mp = cdk_pktmbuf_pool_create("iofwd_pool", o.mbufs, o.cache, 0,
				     CDK_MBUF_DEFAULT_BUF_SIZE,
				     (int)cdk_lcore_to_socket_id(worker));
	if (mp == NULL) {
		fprintf(stderr, "bench_iofwd: pool: %s\n", strerror(errno));
		goto out;
	}
	if (port_setup(0, mp) < 0 || port_setup(1, mp) < 0)
		goto out;
	if (tx_first(0, mp, (unsigned)o.tx_first, o.burst) < 0 ||
	    tx_first(1, mp, (unsigned)o.tx_first, o.burst) < 0) {
		fprintf(stderr, "bench_iofwd: tx-first failed\n");
		goto out;
	}

	hz = (double)cdk_get_tsc_hz();
	ctx.burst = (uint16_t)o.burst;
	for (unsigned i = 0; i < o.rounds; i++) {
		uint64_t pkts;

		stop_flag = 0;
		if (cdk_eal_remote_launch(fwd_loop, &ctx, worker) < 0) {
			fprintf(stderr, "bench_iofwd: launch failed\n");
			goto out;
		}
		usleep((useconds_t)(o.seconds * 1e6));
		stop_flag = 1;
		cdk_eal_wait_lcore(worker);
		pkts = ctx.r.rx ? ctx.r.rx : 1;
		cpp[i] = (double)ctx.r.busy / (double)pkts;
		tcpp[i] = (double)ctx.r.total / (double)pkts;
		mpps[i] = (double)ctx.r.tx / ((double)ctx.r.total / hz) / 1e6;
		fwd_total += ctx.r.tx;
		drop_total += ctx.r.dropped;
		/* Per round too, so that a caller can pool rounds of runs. */
		printf("# round %s %u %.3f %.3f %.3f %llu\n", o.mode, i + 1,
		       cpp[i], tcpp[i], mpps[i], (unsigned long long)ctx.r.tx);
	}
	printf("capdk_iofwd_%s_cycles_per_pkt %.2f cycles/pkt\n", o.mode,
	       median(cpp, o.rounds));
	printf("capdk_iofwd_%s_total_cycles_per_pkt %.2f cycles/pkt\n", o.mode,
	       median(tcpp, o.rounds));
	printf("capdk_iofwd_%s_mpps %.2f Mpps\n", o.mode, median(mpps, o.rounds));
	printf("capdk_iofwd_%s_pkts %llu pkts\n", o.mode,
	       (unsigned long long)fwd_total);
	if (drop_total)
		printf("# capdk_iofwd_%s: %llu dropped at tx\n", o.mode,
		       (unsigned long long)drop_total);
	fflush(stdout);
	ret = fwd_total > 0 ? 0 : 1;
out:
	for (uint16_t p = 0; p < 2; p++) {
		if (cdk_eth_dev_is_valid_port(p)) {
			cdk_eth_dev_stop(p);
			cdk_eth_dev_close(p);
		}
	}
	cdk_mempool_free(mp);
	cdk_eal_cleanup();
	return ret;
}

/* Without --vdev: the three topologies, one EAL lifetime each. */
static int run_all(int argc, char **argv)
{
	static const char *const sets[][5] = {
		{ "null", "--vdev", "net_null0", "--vdev", "net_null1" },
		{ "ring", "--vdev", "net_ring0", "--vdev", "net_ring1" },
		{ "ring_pair", "--vdev", "net_ring0", "--vdev",
		  "net_ring1,peer=net_ring0" },
	};
	int eal_end = argc, ret = 0;

	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--") == 0) {
			eal_end = i;
			break;
		}
	for (size_t s = 0; s < CDK_DIM(sets); s++) {
		/* EAL args, the two vdevs, "--", own args, --mode NAME. */
		char **av = calloc((size_t)argc + 8, sizeof(*av));
		int ac = 0;

		if (av == NULL)
			return 1;
		for (int i = 0; i < eal_end; i++)
			av[ac++] = argv[i];
		for (int k = 1; k < 5; k++)
			av[ac++] = (char *)sets[s][k];
		av[ac++] = "--";
		for (int i = eal_end + 1; i < argc; i++)
			av[ac++] = argv[i];
		av[ac++] = "--mode";
		av[ac++] = (char *)sets[s][0];
		ret |= run(ac, av, argv[0]);
		free(av);
	}
	return ret;
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "--vdev") == 0 ||
		    strncmp(argv[i], "--vdev=", 7) == 0)
			return run(argc, argv, argv[0]);
	return run_all(argc, argv);
}
