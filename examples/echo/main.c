/*
 * echo: a UDP echo responder and a latency client, on any ports.
 *   echo [EAL options] -- [--server-port P] [--client-port P] [--peer-mac MAC]
 *        [--rate PPS | --outstanding N] [--count N] [--seconds S] [--size B]
 *        [--ethertype 0xXXXX] [--histogram]
 * With both ports in one process (e.g. two NICs back to back), the server
 * runs on a worker lcore and the client on the main lcore.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdk_eal.h"
#include "echo.h"

void echo_client_set(struct cdk_mempool *mp, const struct cdk_ether_addr *peer);

volatile bool echo_quit;

static void on_signal(int sig)
{
	(void)sig;
	echo_quit = true;
}

static int bad(const char *opt, const char *val, const char *why)
{
	fprintf(stderr, "echo: invalid %s '%s': %s\n", opt, val, why);
	return -1;
}

static int num(const char *opt, const char *s, double min, double max, double *out)
{
	char *end;

	*out = strtod(s, &end);
	if (*s == '\0' || *end != '\0' || *out < min || *out > max)
		return bad(opt, s, "out of range or not a number");
	return 0;
}

static int parse(int argc, char **argv, struct echo_opts *o, struct cdk_ether_addr *peer,
		 int *have_peer)
{
	static const struct option lo[] = {
		{ "server-port", 1, 0, 's' }, { "client-port", 1, 0, 'c' },
		{ "peer-mac", 1, 0, 'm' }, { "rate", 1, 0, 'r' },
		{ "outstanding", 1, 0, 'o' }, { "count", 1, 0, 'n' },
		{ "seconds", 1, 0, 't' }, { "size", 1, 0, 'z' },
		{ "ethertype", 1, 0, 'e' }, { "histogram", 0, 0, 'H' }, { 0, 0, 0, 0 },
	};
	double v;
	int opt;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "", lo, NULL)) != -1) {
		const char *name = lo[0].name;

		for (int i = 0; lo[i].name; i++)
			if (lo[i].val == opt)
				name = lo[i].name;
		if (opt == '?')
			return -1;
		if (opt == 'H') {
			o->histogram = true;
			continue;
		}
		if (opt == 'm') {
			if (cdk_ether_unformat_addr(optarg, peer) < 0)
				return bad(name, optarg, "not a MAC address");
			*have_peer = 1;
			continue;
		}
		if (num(name, optarg, 0, opt == 'e' ? 0xffff : 1e12, &v) < 0) {
			if (opt != 'e' || sscanf(optarg, "0x%lf", &v) != 1)
				return -1;
		}
		switch (opt) {
		case 's': o->server_port = (int)v; break;
		case 'c': o->client_port = (int)v; break;
		case 'r': o->rate = (uint64_t)v; break;
		case 'o': o->outstanding = (unsigned)v; break;
		case 'n': o->count = (uint64_t)v; break;
		case 't': o->seconds = v; break;
		case 'z': o->size = (unsigned)v; break;
		case 'e': o->ethertype = (uint16_t)strtoul(optarg, NULL, 0); break;
		}
	}
	if (optind < argc)
		return bad("argument", argv[optind], "unexpected");
	return 0;
}

static int check(const struct echo_opts *o, int have_peer)
{
	unsigned min = sizeof(struct cdk_ether_hdr) + sizeof(struct cdk_ipv4_hdr) +
		       sizeof(struct cdk_udp_hdr) + sizeof(struct echo_payload);

	if (o->server_port < 0 && o->client_port < 0)
		return bad("ports", "", "give --server-port and/or --client-port");
	if (o->server_port >= 0 && !cdk_eth_dev_is_valid_port((uint16_t)o->server_port))
		return bad("--server-port", "", "no such port");
	if (o->client_port >= 0 && !cdk_eth_dev_is_valid_port((uint16_t)o->client_port))
		return bad("--client-port", "", "no such port");
	if (o->client_port >= 0 && o->client_port == o->server_port)
		return bad("--client-port", "", "must differ from --server-port");
	if (o->size < min || o->size > 1514)
		return bad("--size", "", "frame size must be 60..1514 and hold the payload");
	if (o->client_port >= 0 && o->server_port < 0 && !have_peer)
		return bad("--peer-mac", "", "needed when the server is elsewhere");
	if (o->server_port >= 0 && o->client_port >= 0 && cdk_lcore_count() < 2)
		return bad("-l", "", "server and client in one process need two lcores");
	return 0;
}

static int setup_port(uint16_t port, struct cdk_mempool *mp)
{
	struct cdk_eth_conf conf = { 0 };
	int rc = cdk_eth_dev_configure(port, 1, 1, &conf);

	if (rc == 0)
		rc = cdk_eth_rx_queue_setup(port, 0, 512, cdk_eth_dev_socket_id(port), NULL, mp);
	if (rc == 0)
		rc = cdk_eth_tx_queue_setup(port, 0, 512, cdk_eth_dev_socket_id(port), NULL);
	if (rc == 0)
		rc = cdk_eth_dev_start(port);
	if (rc == 0)
		cdk_eth_promiscuous_enable(port);
	return rc;
}

static void shut(int port)
{
	if (port >= 0) {
		cdk_eth_dev_stop((uint16_t)port);
		cdk_eth_dev_close((uint16_t)port);
	}
}

int main(int argc, char **argv)
{
	struct echo_opts o = { .server_port = -1, .client_port = -1, .outstanding = 1,
			       .size = 64, .seconds = 2 };
	struct cdk_ether_addr peer;
	struct cdk_mempool *mp;
	int have_peer = 0, rc;

	/* Before the EAL's start, so that a stop asked for then is honoured. */
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	rc = cdk_eal_init(argc, argv);
	if (rc < 0)
		return 1;
	if (parse(argc - rc, argv + rc, &o, &peer, &have_peer) < 0 || check(&o, have_peer) < 0)
		cdk_exit(2, "bad echo arguments (see the comment at the top of main.c)\n");
	mp = cdk_pktmbuf_pool_create("echo_pool", 8191, 256, 0, CDK_MBUF_DEFAULT_BUF_SIZE,
				     (int)cdk_socket_id());
	if (mp == NULL || (o.server_port >= 0 && setup_port((uint16_t)o.server_port, mp)) ||
	    (o.client_port >= 0 && setup_port((uint16_t)o.client_port, mp)))
		cdk_exit(1, "cannot set up the ports\n");
	if (o.server_port >= 0 && !have_peer)
		cdk_eth_macaddr_get((uint16_t)o.server_port, &peer);
	echo_client_set(mp, &peer);
	if (o.client_port >= 0 && latency_init(o.count ? o.count : 50000000) < 0)
		cdk_exit(1, "no memory for latency samples\n");
	rc = 0;
	if (o.server_port >= 0 && o.client_port >= 0) {
		cdk_eal_remote_launch(echo_server_loop, &o, cdk_get_next_lcore(-1, 1, 0));
		rc = echo_client_loop(&o);
		echo_quit = true;
		cdk_eal_mp_wait_lcore();
	} else if (o.client_port >= 0) {
		rc = echo_client_loop(&o);
	} else {
		echo_server_loop(&o);
	}
	if (o.server_port >= 0)
		echo_server_report();
	shut(o.server_port);
	shut(o.client_port);
	latency_free();
	printf("mbufs in use after closing the ports: %u\n", cdk_mempool_in_use_count(mp));
	cdk_mempool_free(mp);
	cdk_eal_cleanup();
	return rc;
}
