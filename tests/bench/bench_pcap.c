/*
 * net_pcap with infinite_rx under io forwarding: one forwarding lcore
 * receives bursts of 64-byte frames replayed from a pcap file on port 0 and
 * sends them to a port that discards them, as testpmd's io engine does.
 *
 *   bench_pcap [EAL args] [-- --seconds S --rounds R --burst B --frames N
 *                             --pcap FILE]
 *   bench_pcap --write FILE [--frames N]     write the pcap file and exit
 *
 * Without --vdev it writes a file of N frames (default 256) and uses
 * "--vdev net_pcap0,rx_pcap=FILE,infinite_rx=1 --vdev net_null0": port 0
 * forwards to port 1. Given vdevs are used as they are; with a single port
 * it forwards 0 -> 0 (net_pcap without a tx sink drops, as DPDK's).
 *
 * Figures, medians over the rounds, one "name value unit" line each:
 *   capdk_pcap_iofwd_mpps                  packets forwarded per second
 *   capdk_pcap_iofwd_cycles_per_pkt        busy cycles / packets received
 *   capdk_pcap_iofwd_total_cycles_per_pkt  all loop cycles / packets
 * after a comment line per round: "# round pcap I BUSY TOTAL MPPS PKTS".
 */
#include <errno.h>
#include <pcap.h>
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
#define FRAME_LEN 64

struct opts {
	double seconds;
	unsigned rounds, burst, frames;
	const char *pcap;
};

struct round {
	uint64_t rx, tx, busy, total;
};

struct fwd_ctx {
	uint16_t rx_port, tx_port, burst;
	struct round r;
};

static volatile int stop_flag;

/* testpmd's io engine: cycles count only when the rx burst brought some. */
static int fwd_loop(void *arg)
{
	struct fwd_ctx *c = arg;
	struct cdk_mbuf *pkts[MAX_BURST];
	struct round r = { 0 };
	uint64_t start = cdk_rdtsc();

	while (!stop_flag) {
		uint64_t t0 = cdk_rdtsc();
		uint16_t nb_rx = cdk_eth_rx_burst(c->rx_port, 0, pkts, c->burst);
		uint16_t nb_tx;

		if (cdk_unlikely(nb_rx == 0))
			continue;
		r.rx += nb_rx;
		nb_tx = cdk_eth_tx_burst(c->tx_port, 0, pkts, nb_rx);
		r.tx += nb_tx;
		if (cdk_unlikely(nb_tx < nb_rx))
			cdk_pktmbuf_free_bulk(pkts + nb_tx, nb_rx - nb_tx);
		r.busy += cdk_rdtsc() - t0;
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

/* UDP/IPv4-looking 64-byte frames, each a little different. */
static int write_pcap(const char *file, unsigned n)
{
	pcap_t *dead = pcap_open_dead(DLT_EN10MB, 65535);
	pcap_dumper_t *d = dead ? pcap_dump_open(dead, file) : NULL;
	uint8_t f[FRAME_LEN];

	if (d == NULL) {
		fprintf(stderr, "bench_pcap: cannot write %s: %s\n", file,
			dead ? pcap_geterr(dead) : "no pcap handle");
		if (dead)
			pcap_close(dead);
		return -1;
	}
	for (unsigned i = 0; i < n; i++) {
		struct pcap_pkthdr h = { .ts = { 0, 0 }, .caplen = FRAME_LEN,
					 .len = FRAME_LEN };

		memset(f, 0, sizeof(f));
		memcpy(f, "\x02\x00\x00\x00\x00\x02\x02\x00\x00\x00\x00\x01"
			  "\x08\x00\x45\x00\x00\x32", 18);
		f[63] = (uint8_t)i;
		pcap_dump((u_char *)d, &h, f);
	}
	pcap_dump_close(d);
	pcap_close(dead);
	return 0;
}

static int parse_opts(int argc, char **argv, struct opts *o)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		char *end = NULL;
		unsigned long u;

		if (strcmp(a, "--") == 0)
			continue;
		if (v == NULL) {
			fprintf(stderr, "bench_pcap: %s needs a value\n", a);
			return -EINVAL;
		}
		i++;
		if (strcmp(a, "--pcap") == 0) {
			o->pcap = v;
			continue;
		}
		if (strcmp(a, "--seconds") == 0) {
			o->seconds = strtod(v, &end);
			if (*end || o->seconds <= 0 || o->seconds > 60)
				goto bad;
			continue;
		}
		errno = 0;
		u = strtoul(v, &end, 10);
		if (errno || *end || *v == '\0' || *v == '-')
			goto bad;
		if (strcmp(a, "--rounds") == 0 && u >= 1 && u <= MAX_ROUNDS)
			o->rounds = (unsigned)u;
		else if (strcmp(a, "--burst") == 0 && u >= 1 && u <= MAX_BURST)
			o->burst = (unsigned)u;
		else if (strcmp(a, "--frames") == 0 && u >= 1 && u <= 16384)
			o->frames = (unsigned)u;
		else
			goto bad;
		continue;
bad:
		fprintf(stderr, "bench_pcap: unknown option or bad value: %s %s\n",
			a, v);
		return -EINVAL;
	}
	return 0;
}

static int port_setup(uint16_t port, struct cdk_mempool *mp)
{
	int rc = cdk_eth_dev_configure(port, 1, 1, &(struct cdk_eth_conf){ 0 });

	if (rc == 0)
		rc = cdk_eth_rx_queue_setup(port, 0, 1024, 0, NULL, mp);
	if (rc == 0)
		rc = cdk_eth_tx_queue_setup(port, 0, 1024, 0, NULL);
	if (rc == 0)
		rc = cdk_eth_dev_start(port);
	if (rc < 0)
		fprintf(stderr, "bench_pcap: port %u setup: %s\n", port,
			strerror(-rc));
	return rc;
}

static int forward(struct fwd_ctx *ctx, const struct opts *o, unsigned worker)
{
	double cpp[MAX_ROUNDS], tcpp[MAX_ROUNDS], mpps[MAX_ROUNDS];
	double hz = (double)cdk_get_tsc_hz();
	uint64_t fwd = 0;

	for (unsigned i = 0; i < o->rounds; i++) {
		double pkts;

		stop_flag = 0;
		if (cdk_eal_remote_launch(fwd_loop, ctx, worker) < 0)
			return -1;
		usleep((useconds_t)(o->seconds * 1e6));
		stop_flag = 1;
		cdk_eal_wait_lcore(worker);
		pkts = ctx->r.rx ? (double)ctx->r.rx : 1;
		cpp[i] = (double)ctx->r.busy / pkts;
		tcpp[i] = (double)ctx->r.total / pkts;
		mpps[i] = (double)ctx->r.tx / ((double)ctx->r.total / hz) / 1e6;
		fwd += ctx->r.tx;
		printf("# round pcap %u %.3f %.3f %.3f %llu\n", i + 1, cpp[i],
		       tcpp[i], mpps[i], (unsigned long long)ctx->r.tx);
	}
	printf("capdk_pcap_iofwd_mpps %.2f Mpps\n", median(mpps, o->rounds));
	printf("capdk_pcap_iofwd_cycles_per_pkt %.2f cycles/pkt\n",
	       median(cpp, o->rounds));
	printf("capdk_pcap_iofwd_total_cycles_per_pkt %.2f cycles/pkt\n",
	       median(tcpp, o->rounds));
	fflush(stdout);
	return fwd > 0 ? 0 : -1;
}

static int run(int argc, char **argv, const struct opts *o)
{
	struct cdk_mempool *mp = NULL;
	struct fwd_ctx ctx = { .rx_port = 0, .burst = (uint16_t)o->burst };
	unsigned worker;
	int ret = 1;

	if (cdk_eal_init(argc, argv) < 0)
		return 1;
	worker = cdk_get_next_lcore(-1, 1, 0);
	if (!cdk_eth_dev_is_valid_port(0) || worker >= CDK_MAX_LCORE) {
		fprintf(stderr, "bench_pcap: needs port 0 and a worker lcore "
			"(-l 0-1)\n");
		goto out;
	}
	ctx.tx_port = cdk_eth_dev_is_valid_port(1) ? 1 : 0;
	mp = cdk_pktmbuf_pool_create("pcap_bench_pool", 32768, 250, 0,
				     CDK_MBUF_DEFAULT_BUF_SIZE,
				     (int)cdk_lcore_to_socket_id(worker));
	if (mp == NULL) {
		fprintf(stderr, "bench_pcap: pool: %s\n", strerror(errno));
		goto out;
	}
	if (port_setup(0, mp) < 0 || (ctx.tx_port && port_setup(1, mp) < 0))
		goto out;
	ret = forward(&ctx, o, worker) < 0;
out:
	for (uint16_t p = 0; p < 2; p++)
		if (cdk_eth_dev_is_valid_port(p)) {
			cdk_eth_dev_stop(p);
			cdk_eth_dev_close(p);
		}
	cdk_mempool_free(mp);
	cdk_eal_cleanup();
	return ret;
}

int main(int argc, char **argv)
{
	struct opts o = { .seconds = 1.0, .rounds = 7, .burst = 32, .frames = 256 };
	char file[] = "/tmp/capdk-bench-pcap-XXXXXX", vdev[320];
	int eal_end = argc, has_vdev = 0, ret, fd;
	char **av;
	int ac = 0;

	if (argc >= 3 && strcmp(argv[1], "--write") == 0) {
		if (parse_opts(argc - 2, argv + 2, &o) < 0)
			return 1;
		return write_pcap(argv[2], o.frames) < 0;
	}
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			eal_end = i;
			break;
		}
		has_vdev |= strncmp(argv[i], "--vdev", 6) == 0;
	}
	if (parse_opts(argc - eal_end, argv + eal_end, &o) < 0)
		return 1;
	av = calloc((size_t)eal_end + 6, sizeof(*av));
	if (av == NULL)
		return 1;
	for (int i = 0; i < eal_end; i++)
		av[ac++] = argv[i];
	file[0] = '\0';
	if (!has_vdev) {
		if (o.pcap == NULL) {
			strcpy(file, "/tmp/capdk-bench-pcap-XXXXXX");
			fd = mkstemp(file);
			if (fd < 0 || write_pcap(file, o.frames) < 0) {
				free(av);
				return 1;
			}
			close(fd);
		}
		snprintf(vdev, sizeof(vdev), "net_pcap0,rx_pcap=%s,infinite_rx=1",
			 o.pcap ? o.pcap : file);
		av[ac++] = "--vdev";
		av[ac++] = vdev;
		av[ac++] = "--vdev";
		av[ac++] = "net_null0";
	}
	ret = run(ac, av, &o);
	if (file[0])
		unlink(file);
	free(av);
	return ret;
}
