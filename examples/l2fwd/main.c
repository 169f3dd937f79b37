/*
 * l2fwd: forward every frame received on a port to its paired port (0<->1,
 * 2<->3, ...), optionally rewriting the MAC addresses, with buffered tx, a
 * drain timer and a periodic statistics table. Behaves as DPDK's l2fwd:
 *   l2fwd [EAL options] -- -p PORTMASK [-q NQ] [-T PERIOD] [--[no-]mac-updating]
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdk_eal.h"
#include "cdk_ethdev.h"
#include "cdk_mbuf.h"

#define MAX_PKT_BURST 32
#define BURST_TX_DRAIN_US 100
#define MEMPOOL_CACHE_SIZE 256
#define MAX_RX_QUEUE_PER_LCORE 16
#define NB_RXD 1024
#define NB_TXD 1024

static volatile bool force_quit;
static int mac_updating = 1;
static uint32_t enabled_port_mask;
static unsigned rx_queue_per_lcore = 1;
static uint64_t timer_period = 10; /* seconds */

static uint32_t dst_ports[CDK_MAX_ETHPORTS];
static struct cdk_ether_addr port_eth_addr[CDK_MAX_ETHPORTS];
static struct cdk_eth_dev_tx_buffer *tx_buffer[CDK_MAX_ETHPORTS];

struct lcore_queue_conf {
	unsigned n_rx_port;
	unsigned rx_port_list[MAX_RX_QUEUE_PER_LCORE];
} __cdk_cache_aligned;
static struct lcore_queue_conf lcore_queue_conf[CDK_MAX_LCORE];

struct port_statistics {
	uint64_t tx, rx, dropped;
} __cdk_cache_aligned;
static struct port_statistics port_statistics[CDK_MAX_ETHPORTS];

static struct cdk_mempool *pktmbuf_pool;

static void print_stats(void)
{
	uint64_t total_tx = 0, total_rx = 0, total_drop = 0;

	/* clear the screen and go home, as DPDK's l2fwd does on a terminal */
	printf("%s", isatty(1) ? "\033[2J\033[1;1H" : "");
	printf("\nPort statistics ====================================");
	for (unsigned p = 0; p < CDK_MAX_ETHPORTS; p++) {
		if (!(enabled_port_mask & (1u << p)))
			continue;
		printf("\nStatistics for port %u ------------------------------"
		       "\nPackets sent: %24" PRIu64 "\nPackets received: %20" PRIu64
		       "\nPackets dropped: %21" PRIu64, p, port_statistics[p].tx,
		       port_statistics[p].rx, port_statistics[p].dropped);
		total_tx += port_statistics[p].tx;
		total_rx += port_statistics[p].rx;
		total_drop += port_statistics[p].dropped;
	}
	printf("\nAggregate statistics ==============================="
	       "\nTotal packets sent: %18" PRIu64 "\nTotal packets received: %14" PRIu64
	       "\nTotal packets dropped: %15" PRIu64
	       "\n====================================================\n",
	       total_tx, total_rx, total_drop);
	fflush(stdout);
}

static void mac_updating_fwd(struct cdk_mbuf *m, unsigned dest)
{
	struct cdk_ether_hdr *eth = cdk_pktmbuf_mtod(m, struct cdk_ether_hdr *);

	/* 02:00:00:00:00:xx, xx the destination port */
	memset(&eth->dst_addr, 0, sizeof(eth->dst_addr));
	eth->dst_addr.addr_bytes[0] = 0x02;
	eth->dst_addr.addr_bytes[5] = (uint8_t)dest;
	cdk_ether_addr_copy(&port_eth_addr[dest], &eth->src_addr);
}

static void simple_forward(struct cdk_mbuf *m, unsigned portid)
{
	unsigned dst = dst_ports[portid];
	uint16_t sent;

	if (mac_updating)
		mac_updating_fwd(m, dst);
	sent = cdk_eth_tx_buffer(dst, 0, tx_buffer[dst], m);
	port_statistics[dst].tx += sent;
}

static void drain_tx(const struct lcore_queue_conf *qconf)
{
	for (unsigned i = 0; i < qconf->n_rx_port; i++) {
		unsigned dst = dst_ports[qconf->rx_port_list[i]];

		port_statistics[dst].tx +=
			cdk_eth_tx_buffer_flush(dst, 0, tx_buffer[dst]);
	}
}

/* The forwarding loop of one lcore; the main lcore also prints stats. */
static int l2fwd_main_loop(void *arg)
{
	struct cdk_mbuf *pkts[MAX_PKT_BURST];
	unsigned lcore = cdk_lcore_id();
	const struct lcore_queue_conf *qconf = &lcore_queue_conf[lcore];
	const uint64_t drain_tsc = (cdk_get_tsc_hz() + 1000000 - 1) / 1000000 *
				   BURST_TX_DRAIN_US;
	uint64_t prev_tsc = 0, timer_tsc = 0;

	(void)arg;
	if (qconf->n_rx_port == 0 && lcore != cdk_get_main_lcore())
		return 0;
	while (!force_quit) {
		uint64_t cur = cdk_rdtsc(), diff = cur - prev_tsc;

		if (cdk_unlikely(diff > drain_tsc)) {
			drain_tx(qconf);
			if (timer_period > 0 && lcore == cdk_get_main_lcore()) {
				timer_tsc += diff;
				if (cdk_unlikely(timer_tsc >= timer_period)) {
					print_stats();
					timer_tsc = 0;
				}
			}
			prev_tsc = cur;
		}
		for (unsigned i = 0; i < qconf->n_rx_port; i++) {
			unsigned portid = qconf->rx_port_list[i];
			uint16_t n = cdk_eth_rx_burst(portid, 0, pkts, MAX_PKT_BURST);

			port_statistics[portid].rx += n;
			for (uint16_t j = 0; j < n; j++) {
				cdk_prefetch0(cdk_pktmbuf_mtod(pkts[j], void *));
				simple_forward(pkts[j], portid);
			}
		}
	}
	return 0;
}

static void usage(const char *prg)
{
	printf("%s [EAL options] -- -p PORTMASK [-q NQ] [-T PERIOD]\n"
	       "  -p PORTMASK: hexadecimal bitmask of ports to configure\n"
	       "  -q NQ: number of queues (=ports) per lcore (default is 1)\n"
	       "  -T PERIOD: statistics refresh period in seconds (0 to disable, "
	       "10 default)\n"
	       "  --[no-]mac-updating: enable or disable MAC addresses updating "
	       "(enabled by default)\n", prg);
}

static long parse_num(const char *s, int base, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, base);
	if (errno || *s == '\0' || *end != '\0' || v < 0 || v > max)
		return -1;
	return v;
}

static int parse_args(int argc, char **argv)
{
	static const struct option lopts[] = {
		{ "mac-updating", no_argument, &mac_updating, 1 },
		{ "no-mac-updating", no_argument, &mac_updating, 0 },
		{ NULL, 0, 0, 0 },
	};
	const char *prg = argv[0];
	long v;
	int opt;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "p:q:T:", lopts, NULL)) != EOF) {
		switch (opt) {
		case 'p':
			v = parse_num(optarg, 16, UINT32_MAX);
			if (v <= 0) {
				printf("invalid portmask '%s'\n", optarg);
				return -1;
			}
			enabled_port_mask = (uint32_t)v;
			break;
		case 'q':
			v = parse_num(optarg, 10, MAX_RX_QUEUE_PER_LCORE);
			if (v <= 0) {
				printf("invalid queue number '%s' (1 to %d)\n", optarg,
				       MAX_RX_QUEUE_PER_LCORE);
				return -1;
			}
			rx_queue_per_lcore = (unsigned)v;
			break;
		case 'T':
			v = parse_num(optarg, 10, 86400);
			if (v < 0) {
				printf("invalid timer period '%s'\n", optarg);
				return -1;
			}
			timer_period = (uint64_t)v;
			break;
		case 0:
			break;
		default:
			usage(prg);
			return -1;
		}
	}
	if (optind < argc) {
		printf("unexpected argument '%s'\n", argv[optind]);
		usage(prg);
		return -1;
	}
	return 0;
}

static void signal_handler(int signum)
{
	if (signum == SIGINT || signum == SIGTERM) {
		printf("\n\nSignal %d received, preparing to exit...\n", signum);
		force_quit = true;
	}
}

/* Pair enabled ports in order: 0<->1, 2<->3. */
static unsigned pair_ports(void)
{
	unsigned last = 0, n = 0;
	uint16_t p;

	CDK_ETH_FOREACH_DEV(p) {
		if (!(enabled_port_mask & (1u << p)))
			continue;
		if (n % 2) {
			dst_ports[p] = last;
			dst_ports[last] = p;
		} else {
			last = p;
		}
		n++;
	}
	if (n % 2) {
		printf("Notice: odd number of ports in portmask.\n");
		dst_ports[last] = last;
	}
	return n;
}

/* Give each lcore up to rx_queue_per_lcore rx ports. */
static void assign_lcores(void)
{
	unsigned lcore = cdk_get_next_lcore(-1, 0, 0);
	uint16_t p;

	CDK_ETH_FOREACH_DEV(p) {
		if (!(enabled_port_mask & (1u << p)))
			continue;
		while (lcore < CDK_MAX_LCORE &&
		       lcore_queue_conf[lcore].n_rx_port == rx_queue_per_lcore)
			lcore = cdk_get_next_lcore(lcore, 0, 0);
		if (lcore >= CDK_MAX_LCORE)
			cdk_exit(EXIT_FAILURE, "Not enough cores\n");
		lcore_queue_conf[lcore].rx_port_list[lcore_queue_conf[lcore].n_rx_port++] = p;
		printf("Lcore %u: RX port %u TX port %u\n", lcore, p, dst_ports[p]);
	}
}

static void init_port(uint16_t portid)
{
	struct cdk_eth_conf conf = { 0 };
	uint16_t nb_rxd = NB_RXD, nb_txd = NB_TXD;
	int rc;

	printf("Initializing port %u... ", portid);
	fflush(stdout);
	rc = cdk_eth_dev_configure(portid, 1, 1, &conf);
	if (rc < 0)
		cdk_exit(EXIT_FAILURE, "Cannot configure device: err=%d, port=%u\n", rc, portid);
	rc = cdk_eth_dev_adjust_nb_rx_tx_desc(portid, &nb_rxd, &nb_txd);
	if (rc < 0)
		cdk_exit(EXIT_FAILURE, "Cannot adjust number of descriptors: err=%d, port=%u\n",
			 rc, portid);
	cdk_eth_macaddr_get(portid, &port_eth_addr[portid]);
	rc = cdk_eth_rx_queue_setup(portid, 0, nb_rxd, cdk_eth_dev_socket_id(portid),
				    NULL, pktmbuf_pool);
	if (rc < 0)
		cdk_exit(EXIT_FAILURE, "rx queue setup: err=%d, port=%u\n", rc, portid);
	rc = cdk_eth_tx_queue_setup(portid, 0, nb_txd, cdk_eth_dev_socket_id(portid), NULL);
	if (rc < 0)
		cdk_exit(EXIT_FAILURE, "tx queue setup: err=%d, port=%u\n", rc, portid);
	tx_buffer[portid] = cdk_zmalloc_socket("tx_buffer", CDK_ETH_TX_BUFFER_SIZE(MAX_PKT_BURST),
					       0, cdk_eth_dev_socket_id(portid));
	if (tx_buffer[portid] == NULL)
		cdk_exit(EXIT_FAILURE, "Cannot allocate buffer for tx on port %u\n", portid);
	cdk_eth_tx_buffer_init(tx_buffer[portid], MAX_PKT_BURST);
	cdk_eth_tx_buffer_set_err_callback(tx_buffer[portid], cdk_eth_tx_buffer_count_callback,
					   &port_statistics[portid].dropped);
	rc = cdk_eth_dev_start(portid);
	if (rc < 0)
		cdk_exit(EXIT_FAILURE, "cdk_eth_dev_start: err=%d, port=%u\n", rc, portid);
	cdk_eth_promiscuous_enable(portid);
	printf("done:\nPort %u, MAC address: " CDK_ETHER_ADDR_PRT_FMT "\n\n", portid,
	       CDK_ETHER_ADDR_BYTES(&port_eth_addr[portid]));
}

static void shut_down(void)
{
	uint16_t p;

	/* What is still buffered goes out (or is counted dropped) first. */
	CDK_ETH_FOREACH_DEV(p)
		if (enabled_port_mask & (1u << p))
			port_statistics[p].tx += cdk_eth_tx_buffer_flush(p, 0, tx_buffer[p]);
	CDK_ETH_FOREACH_DEV(p) {
		if (!(enabled_port_mask & (1u << p)))
			continue;
		printf("Closing port %u...", p);
		cdk_eth_dev_stop(p);
		cdk_eth_dev_close(p);
		cdk_free(tx_buffer[p]);
		printf(" Done\n");
	}
	print_stats();
	printf("mbufs in use after closing the ports: %u\n",
	       cdk_mempool_in_use_count(pktmbuf_pool));
	cdk_mempool_free(pktmbuf_pool);
}

int main(int argc, char **argv)
{
	unsigned nb_ports = 0, nb_lcores;
	uint16_t p;
	int ret = cdk_eal_init(argc, argv);

	if (ret < 0)
		cdk_exit(EXIT_FAILURE, "Invalid EAL arguments\n");
	argc -= ret;
	argv += ret;
	force_quit = false;
	signal(SIGINT, signal_handler);
	signal(SIGTERM, signal_handler);
	if (parse_args(argc, argv) < 0)
		cdk_exit(EXIT_FAILURE, "Invalid L2FWD arguments\n");
	printf("MAC updating %s\n", mac_updating ? "enabled" : "disabled");
	timer_period *= cdk_get_tsc_hz();
	if (cdk_eth_dev_count_avail() == 0)
		cdk_exit(EXIT_FAILURE, "No Ethernet ports - bye\n");
	CDK_ETH_FOREACH_DEV(p)
		nb_ports = p + 1;
	if (enabled_port_mask & ~((1ull << nb_ports) - 1))
		cdk_exit(EXIT_FAILURE, "Invalid portmask; possible (0x%llx)\n",
			 (1ull << nb_ports) - 1);
	nb_ports = pair_ports();
	assign_lcores();
	nb_lcores = cdk_lcore_count();
	pktmbuf_pool = cdk_pktmbuf_pool_create("mbuf_pool",
		CDK_MAX(nb_ports * (NB_RXD + NB_TXD + MAX_PKT_BURST +
				    nb_lcores * MEMPOOL_CACHE_SIZE), 8192u),
		MEMPOOL_CACHE_SIZE, 0, CDK_MBUF_DEFAULT_BUF_SIZE, (int)cdk_socket_id());
	if (pktmbuf_pool == NULL)
		cdk_exit(EXIT_FAILURE, "Cannot init mbuf pool\n");
	CDK_ETH_FOREACH_DEV(p)
		if (enabled_port_mask & (1u << p))
			init_port(p);
	cdk_eal_mp_remote_launch(l2fwd_main_loop, NULL, CDK_CALL_MAIN);
	cdk_eal_mp_wait_lcore();
	shut_down();
	cdk_eal_cleanup();
	printf("Bye...\n");
	return 0;
}
