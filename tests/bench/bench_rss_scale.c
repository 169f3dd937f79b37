/*
 * RSS scaling: io forwarding between two modelled 82576 NICs cabled back to
 * back, two queues per port with RSS, served by one lcore (both queues) and
 * then by two lcores (queue i of both ports on lcore i): the same device
 * work, one core against two. For reference also one queue per port (no
 * RSS) on one lcore. Frames of many UDP flows are injected first; RSS
 * spreads them over the queues. Prints packets per second and the ratio,
 * and the same per second of CPU time the lcores were given: on a busy
 * machine an lcore thread may get only part of its core, which the
 * wall-clock ratio cannot tell from contention inside the model.
 *   bench_rss_scale [EAL args: -l 0-1 ...] [-- --seconds S --rounds R]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cdk_eal.h"
#include "cdk_ethdev.h"

#define BURST 32
#define FLOWS 64
#define IN_FLIGHT 512 /* per port */

static volatile int stop_flag;

struct fwd {
	uint16_t queue;
	uint64_t pkts;
	double cpu; /* seconds of CPU time the loop was given */
};

static double thread_cpu(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static uint64_t fwd_queues(uint16_t q0, uint16_t q1);

static int fwd_loop(void *arg)
{
	struct fwd *f = arg;
	double c0 = thread_cpu();

	while (!stop_flag)
		f->pkts += fwd_queues(f->queue, (uint16_t)(f->queue + 1));
	f->cpu = thread_cpu() - c0;
	return 0;
}

static int port_up(uint16_t port, uint16_t nq, struct cdk_mempool *mp)
{
	struct cdk_eth_conf conf = { 0 };
	int rc;

	if (nq > 1) {
		conf.rxmode.mq_mode = CDK_ETH_MQ_RX_RSS;
		conf.rx_adv_conf.rss_conf.rss_hf = CDK_ETH_RSS_IP | CDK_ETH_RSS_UDP;
	}
	rc = cdk_eth_dev_configure(port, nq, nq, &conf);
	for (uint16_t q = 0; rc == 0 && q < nq; q++) {
		rc = cdk_eth_rx_queue_setup(port, q, 1024, 0, NULL, mp);
		if (rc == 0)
			rc = cdk_eth_tx_queue_setup(port, q, 1024, 0, NULL);
	}
	if (rc == 0)
		rc = cdk_eth_dev_start(port);
	if (rc == 0)
		rc = cdk_eth_promiscuous_enable(port);
	return rc;
}

/* UDP frames of FLOWS flows into the port's queue 0: RSS at the far end
 * spreads them. */
static int inject(uint16_t port, struct cdk_mempool *mp)
{
	for (unsigned i = 0; i < IN_FLIGHT; i++) {
		struct cdk_mbuf *m = cdk_pktmbuf_alloc(mp);
		uint8_t *f;

		if (m == NULL || (f = (uint8_t *)cdk_pktmbuf_append(m, 64)) == NULL)
			return -1;
		memset(f, 0, 64);
		memset(f, 0xff, 6);
		f[6] = 2;
		f[12] = 8;
		f[14] = 0x45;
		f[17] = 50;
		f[22] = 64;
		f[23] = 17;
		f[26] = 10, f[29] = (uint8_t)(i % FLOWS);
		f[30] = 10, f[33] = 1;
		f[34] = 4, f[35] = (uint8_t)(i % FLOWS * 7);
		f[37] = 9;
		if (cdk_eth_tx_burst(port, 0, &m, 1) != 1) {
			cdk_pktmbuf_free(m);
			return -1;
		}
	}
	return 0;
}

/* One burst of each queue in [q0, q1) of both ports; packets forwarded. */
static uint64_t fwd_queues(uint16_t q0, uint16_t q1)
{
	struct cdk_mbuf *pkts[BURST];
	uint64_t fwd = 0;

	for (uint16_t q = q0; q < q1; q++) {
		for (uint16_t p = 0; p < 2; p++) {
			uint16_t n = cdk_eth_rx_burst(p, q, pkts, BURST);
			uint16_t s = cdk_eth_tx_burst((uint16_t)(p ^ 1), q, pkts, n);

			if (s < n)
				cdk_pktmbuf_free_bulk(pkts + s, n - s);
			fwd += s;
		}
	}
	return fwd;
}

/* Packets per second with nq queues per port on nl lcores (1, or one per
 * queue); *per_cpu: per second of CPU time, times nl (what nl lcores with
 * whole cores would do). */
static double run(uint16_t nq, uint16_t nl, double seconds, struct cdk_mempool *mp,
		  double *per_cpu)
{
	struct fwd f[2] = { { 0, 0, 0 }, { 1, 0, 0 } };
	uint64_t t0, hz = cdk_get_tsc_hz();
	double c0;
	unsigned worker = cdk_get_next_lcore(-1, 1, 0);

	for (uint16_t p = 0; p < 2; p++)
		if (port_up(p, nq, mp) < 0 || inject(p, mp) < 0)
			return -1;
	stop_flag = 0;
	c0 = thread_cpu();
	t0 = cdk_rdtsc();
	if (nl > 1)
		cdk_eal_remote_launch(fwd_loop, &f[1], worker);
	/* the main lcore forwards queue 0 (or all of them alone) and keeps time */
	while (!stop_flag) {
		f[0].pkts += fwd_queues(0, nl > 1 ? 1 : nq);
		if (cdk_rdtsc() - t0 > (uint64_t)(seconds * (double)hz))
			stop_flag = 1;
	}
	f[0].cpu = thread_cpu() - c0;
	cdk_eal_mp_wait_lcore();
	for (uint16_t p = 0; p < 2; p++)
		cdk_eth_dev_stop(p);
	*per_cpu = (double)(f[0].pkts + f[1].pkts) / (f[0].cpu + f[1].cpu) * nl;
	return (double)(f[0].pkts + f[1].pkts) / seconds;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	double seconds = 1, base[9], one[9], two[9], base_c[9], one_c[9], two_c[9];
	unsigned rounds = 3;
	struct cdk_mempool *mp;
	int n = cdk_eal_init(argc, argv);

	if (n < 0)
		return 1;
	for (int i = n + 1; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "--seconds"))
			seconds = atof(argv[i + 1]);
		else if (!strcmp(argv[i], "--rounds"))
			rounds = (unsigned)atoi(argv[i + 1]);
	}
	if (rounds < 1 || rounds > 9 || seconds <= 0)
		return 2;
	if (cdk_eth_dev_count_avail() < 2 || cdk_lcore_count() < 2) {
		/* run-bench.sh passes no ports: bring our own */
		char *av[] = { argv[0], "--no-huge", "-m", "512", "-l", "0-1", "--no-pci",
			       "--log-level=err", "--vdev", "sim0,model=82576", "--vdev",
			       "sim1,model=82576,peer=sim0", NULL };

		cdk_eal_cleanup();
		if (cdk_eal_init(12, av) < 0)
			return 1;
	}
	mp = cdk_pktmbuf_pool_create("rss_pool", 16383, 256, 0, CDK_MBUF_DEFAULT_BUF_SIZE, 0);
	if (mp == NULL)
		return 1;
	for (unsigned r = 0; r < rounds; r++) {
		base[r] = run(1, 1, seconds, mp, &base_c[r]);
		one[r] = run(2, 1, seconds, mp, &one_c[r]);
		two[r] = run(2, 2, seconds, mp, &two_c[r]);
		if (base[r] < 0 || one[r] < 0 || two[r] < 0) {
			fprintf(stderr, "bench_rss_scale: port setup failed\n");
			return 1;
		}
		printf("# round %u: 1 queue 1 lcore %.0f pps; 2 queues: 1 lcore %.0f pps, "
		       "2 lcores %.0f pps; per CPU second %.0f, %.0f, %.0f\n", r, base[r],
		       one[r], two[r], base_c[r], one_c[r], two_c[r]);
	}
	qsort(base, rounds, sizeof(double), cmp);
	qsort(one, rounds, sizeof(double), cmp);
	qsort(two, rounds, sizeof(double), cmp);
	qsort(one_c, rounds, sizeof(double), cmp);
	qsort(two_c, rounds, sizeof(double), cmp);
	printf("rss_scale_igb_1queue_1lcore %.0f pps\n", base[rounds / 2]);
	printf("rss_scale_igb_1lcore %.0f pps\n", one[rounds / 2]);
	printf("rss_scale_igb_2lcores %.0f pps\n", two[rounds / 2]);
	printf("rss_scale_igb_ratio %.2f x\n", two[rounds / 2] / one[rounds / 2]);
	printf("rss_scale_igb_cpu_ratio %.2f x\n", two_c[rounds / 2] / one_c[rounds / 2]);
	cdk_eal_cleanup();
	return 0;
}
