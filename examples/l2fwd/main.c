/*
 * l2fwd: forward every frame received on a port to its paired port (0<->1,
 * 2<->3, ...), optionally rewriting the MAC addresses, with buffered tx, a
 * drain timer and a periodic statistics table. Behaves as DPDK's l2fwd:
 *   l2fwd [EAL options] -- -p PORTMASK [-q NQ] [-T PERIOD] [--[no-]mac-updating]
 *                           [--queues N]
 * --queues N (capdk's addition) gives each port N rx and N tx queues with RSS
 * spreading flows over them; -q then counts (port, queue) pairs per lcore.
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
#define MAX_QUEUES 8

static volatile bool force_quit;
static int mac_updating = 1;
static uint32_t enabled_port_mask;
static unsigned rx_queue_per_lcore = 1;
static uint64_t timer_period = 10; /* seconds */
static unsigned nb_queues = 1;

static uint32_t dst_ports[CDK_MAX_ETHPORTS];
static struct cdk_ether_addr port_eth_addr[CDK_MAX_ETHPORTS];
/* Queue q of a port is served by one lcore, which alone sends on queue q of
 * the paired port: no tx queue or buffer is shared between lcores. */
static struct cdk_eth_dev_tx_buffer *tx_buffer[CDK_MAX_ETHPORTS][MAX_QUEUES];

struct rx_slot {
	uint16_t port, queue;
};

struct lcore_queue_conf {
	unsigned n_rx_port;
	struct rx_slot rx_list[MAX_RX_QUEUE_PER_LCORE];
} __cdk_cache_aligned;
static struct lcore_queue_conf lcore_queue_conf[CDK_MAX_LCORE];

struct port_statistics {
	uint64_t tx, rx, dropped;
} __cdk_cache_aligned;
/* per port and queue: each is written by the one lcore serving the queue */
static struct port_statistics port_statistics[CDK_MAX_ETHPORTS][MAX_QUEUES];

static struct port_statistics port_total(unsigned p)
{
	struct port_statistics t = { 0 };

	for (unsigned q = 0; q < nb_queues; q++) {
		t.tx += port_statistics[p][q].tx;
		t.rx += port_statistics[p][q].rx;
		t.dropped += port_statistics[p][q].dropped;
	}
	return t;
}

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
		struct port_statistics t = port_total(p);

		printf("\nStatistics for port %u ------------------------------"
		       "\nPackets sent: %24" PRIu64 "\nPackets received: %20" PRIu64
		       "\nPackets dropped: %21" PRIu64, p, t.tx, t.rx, t.dropped);
		for (unsigned q = 0; nb_queues > 1 && q < nb_queues; q++)
			printf("\n  queue %u: received %" PRIu64 ", sent %" PRIu64, q,
			       port_statistics[p][q].rx, port_statistics[p][q].tx);
		total_tx += t.tx;
		total_rx += t.rx;
		total_drop += t.dropped;
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

static void simple_forward(struct cdk_mbuf *m, unsigned portid, unsigned q)
{
	unsigned dst = dst_ports[portid];
	uint16_t sent;

	if (mac_updating)
		mac_updating_fwd(m, dst);
	sent = cdk_eth_tx_buffer(dst, q, tx_buffer[dst][q], m);
	port_statistics[dst][q].tx += sent;
}

static void drain_tx(const struct lcore_queue_conf *qconf)
{
	for (unsigned i = 0; i < qconf->n_rx_port; i++) {
		unsigned dst = dst_ports[qconf->rx_list[i].port];
		unsigned q = qconf->rx_list[i].queue;

		port_statistics[dst][q].tx +=
			cdk_eth_tx_buffer_flush(dst, q, tx_buffer[dst][q]);
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
			unsigned portid = qconf->rx_list[i].port, q = qconf->rx_list[i].queue;
			uint16_t n = cdk_eth_rx_burst(portid, q, pkts, MAX_PKT_BURST);

			port_statistics[portid][q].rx += n;
			for (uint16_t j = 0; j < n; j++) {
				cdk_prefetch0(cdk_pktmbuf_mtod(pkts[j], void *));
				simple_forward(pkts[j], portid, q);
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
	       "(enabled by default)\n"
	       "  --queues N: rx and tx queues per port, flows spread by RSS "
	       "(1 to %d, 1 default)\n", prg, MAX_QUEUES);
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
		{ "queues", required_argument, NULL, 'Q' },
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
		case 'Q':
			v = parse_num(optarg, 10, MAX_QUEUES);
			if (v <= 0) {
				printf("invalid --queues '%s' (1 to %d)\n", optarg, MAX_QUEUES);
				return -1;
			}
			nb_queues = (unsigned)v;
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

/* Give each lcore up to rx_queue_per_lcore (port, queue) pairs. */
static void assign_lcores(void)
{
	unsigned lcore = cdk_get_next_lcore(-1, 0, 0);
	uint16_t p;

	for (unsigned q = 0; q < nb_queues; q++) {
		CDK_ETH_FOREACH_DEV(p) {
			struct lcore_queue_conf *c;

			if (!(enabled_port_mask & (1u << p)))
				continue;
			while (lcore < CDK_MAX_LCORE &&
			       lcore_queue_conf[lcore].n_rx_port == rx_queue_per_lcore)
				lcore = cdk_get_next_lcore(lcore, 0, 0);
			if (lcore >= CDK_MAX_LCORE)
				cdk_exit(EXIT_FAILURE, "Not enough cores\n");
			c = &lcore_queue_conf[lcore];
			c->rx_list[c->n_rx_port++] = (struct rx_slot){ p, (uint16_t)q };
			printf("Lcore %u: RX port %u queue %u TX port %u\n", lcore, p, q,
			       dst_ports[p]);
		}
	}
}

/* Several queues: let RSS spread flows over them, on what the port hashes. */
static void rss_conf(uint16_t portid, struct cdk_eth_conf *conf)
{
	struct cdk_eth_dev_info info;

	if (nb_queues == 1 || cdk_eth_dev_info_get(portid, &info) < 0)
		return;
	if (info.flow_type_rss_offloads == 0)
		cdk_exit(EXIT_FAILURE, "port %u has no RSS: use --queues 1\n", portid);
	conf->rxmode.mq_mode = CDK_ETH_MQ_RX_RSS;
	conf->rx_adv_conf.rss_conf.rss_hf = info.flow_type_rss_offloads &
		(CDK_ETH_RSS_IP | CDK_ETH_RSS_TCP | CDK_ETH_RSS_UDP);
}

static void setup_tx_buffer(uint16_t portid, unsigned q)
{
	struct cdk_eth_dev_tx_buffer *b = cdk_zmalloc_socket("tx_buffer",
		CDK_ETH_TX_BUFFER_SIZE(MAX_PKT_BURST), 0, cdk_eth_dev_socket_id(portid));

	if (b == NULL)
		cdk_exit(EXIT_FAILURE, "Cannot allocate buffer for tx on port %u\n", portid);
	cdk_eth_tx_buffer_init(b, MAX_PKT_BURST);
	cdk_eth_tx_buffer_set_err_callback(b, cdk_eth_tx_buffer_count_callback,
					   &port_statistics[portid][q].dropped);
	tx_buffer[portid][q] = b;
}

static void init_port(uint16_t portid)
{
	struct cdk_eth_conf conf = { 0 };
	uint16_t nb_rxd = NB_RXD, nb_txd = NB_TXD;
	int rc;

	printf("Initializing port %u... ", portid);
	fflush(stdout);
	rss_conf(portid, &conf);
	rc = cdk_eth_dev_configure(portid, (uint16_t)nb_queues, (uint16_t)nb_queues, &conf);
	if (rc < 0)
		cdk_exit(EXIT_FAILURE, "Cannot configure device: err=%d, port=%u\n", rc, portid);
	rc = cdk_eth_dev_adjust_nb_rx_tx_desc(portid, &nb_rxd, &nb_txd);
	if (rc < 0)
		cdk_exit(EXIT_FAILURE, "Cannot adjust number of descriptors: err=%d, port=%u\n",
			 rc, portid);
	cdk_eth_macaddr_get(portid, &port_eth_addr[portid]);
	for (unsigned q = 0; q < nb_queues; q++) {
		rc = cdk_eth_rx_queue_setup(portid, (uint16_t)q, nb_rxd,
					    cdk_eth_dev_socket_id(portid), NULL, pktmbuf_pool);
		if (rc < 0)
			cdk_exit(EXIT_FAILURE, "rx queue setup: err=%d, port=%u\n", rc, portid);
		rc = cdk_eth_tx_queue_setup(portid, (uint16_t)q, nb_txd,
					    cdk_eth_dev_socket_id(portid), NULL);
		if (rc < 0)
			cdk_exit(EXIT_FAILURE, "tx queue setup: err=%d, port=%u\n", rc, portid);
		setup_tx_buffer(portid, q);
	}
	/* Forwarding never reads packet_type: spare the rx path the work. */
	if (cdk_eth_dev_set_ptypes(portid, CDK_PTYPE_UNKNOWN, NULL, 0) < 0)
		printf("Port %u, Failed to disable Ptype parsing\n", portid);
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
		for (unsigned q = 0; (enabled_port_mask & (1u << p)) && q < nb_queues; q++)
			port_statistics[p][q].tx +=
				cdk_eth_tx_buffer_flush(p, (uint16_t)q, tx_buffer[p][q]);
	CDK_ETH_FOREACH_DEV(p) {
		if (!(enabled_port_mask & (1u << p)))
			continue;
		printf("Closing port %u...", p);
		cdk_eth_dev_stop(p);
		cdk_eth_dev_close(p);
		for (unsigned q = 0; q < nb_queues; q++)
			cdk_free(tx_buffer[p][q]);
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
	int ret;

	/* Before the EAL's start, which can take a while: a stop asked for
	 * then is honoured once the ports are up, with a clean shut-down. */
	signal(SIGINT, signal_handler);
	signal(SIGTERM, signal_handler);
	ret = cdk_eal_init(argc, argv);
	if (ret < 0)
		cdk_exit(EXIT_FAILURE, "Invalid EAL arguments\n");
	argc -= ret;
	argv += ret;
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
		CDK_MAX(nb_ports * (nb_queues * (NB_RXD + NB_TXD + MAX_PKT_BURST) +
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
