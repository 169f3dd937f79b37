/* net_ring: loopback, pairs, prefill, errors, and no mbuf left behind. */
#include <errno.h>
#include <string.h>

#include "cdk_eal.h"
#include "cdk_ethdev.h"
#include "test_util.h"

static struct cdk_mempool *mp;
static const struct cdk_eth_conf conf0;

static int teardown(void **state)
{
	(void)state;
	return cdk_eal_cleanup();
}

static void start_port(uint16_t port)
{
	assert_int_equal(cdk_eth_dev_configure(port, 1, 1, &conf0), 0);
	assert_int_equal(cdk_eth_rx_queue_setup(port, 0, 64, 0, NULL, mp), 0);
	assert_int_equal(cdk_eth_tx_queue_setup(port, 0, 64, 0, NULL), 0);
	assert_int_equal(cdk_eth_dev_start(port), 0);
}

static void make_pool(void)
{
	mp = cdk_pktmbuf_pool_create("ring_pool", 2047, 0, 0, CDK_MBUF_DEFAULT_BUF_SIZE, 0);
	assert_non_null(mp);
}

static void test_pair_crosses_over(void **state)
{
	struct cdk_mbuf *m, *got[4];

	(void)state;
	assert_true(test_eal_init("-l", "0", "--vdev", "net_ring0", "--vdev",
				  "net_ring1,peer=net_ring0", NULL) > 0);
	make_pool();
	start_port(0);
	start_port(1);
	m = cdk_pktmbuf_alloc(mp);
	assert_int_equal(cdk_eth_tx_burst(0, 0, &m, 1), 1);
	assert_int_equal(cdk_eth_rx_burst(0, 0, got, 4), 0); /* not looped back */
	assert_int_equal(cdk_eth_rx_burst(1, 0, got, 4), 1);
	assert_ptr_equal(got[0], m);
	assert_int_equal(cdk_eth_tx_burst(1, 0, got, 1), 1);
	assert_int_equal(cdk_eth_rx_burst(0, 0, got, 4), 1);
	cdk_pktmbuf_free(got[0]);
}

static void test_fill_primes_rx_once(void **state)
{
	struct cdk_mbuf *got[64];
	unsigned n = 0, k;

	(void)state;
	assert_true(test_eal_init("-l", "0", "--vdev", "net_ring0,fill=100", NULL) > 0);
	make_pool();
	start_port(0);
	while ((k = cdk_eth_rx_burst(0, 0, got, 64)) > 0) {
		for (unsigned i = 0; i < k; i++) {
			assert_int_equal(got[i]->pkt_len, 64);
			struct cdk_ether_hdr *eh = cdk_pktmbuf_mtod(got[i], struct cdk_ether_hdr *);
			assert_true(cdk_is_broadcast_ether_addr(&eh->dst_addr));
		}
		cdk_pktmbuf_free_bulk(got, k);
		n += k;
	}
	assert_int_equal(n, 100);
	assert_int_equal(cdk_eth_dev_stop(0), 0);
	assert_int_equal(cdk_eth_dev_start(0), 0);
	assert_int_equal(cdk_eth_rx_burst(0, 0, got, 64), 0);
}

static void test_full_ring_counts_tx_errors(void **state)
{
	struct cdk_mbuf *pkts[1100];
	struct cdk_eth_stats st;
	unsigned sent = 0;

	(void)state;
	assert_true(test_eal_init("-l", "0", "--vdev", "net_ring0", NULL) > 0);
	make_pool();
	start_port(0);
	assert_int_equal(cdk_pktmbuf_alloc_bulk(mp, pkts, 1100), 0);
	for (int i = 0; i < 1100; i += 100)
		sent += cdk_eth_tx_burst(0, 0, pkts + i, 100);
	assert_int_equal(sent, 1023); /* a 1024-slot ring holds 1023 */
	assert_int_equal(cdk_eth_stats_get(0, &st), 0);
	assert_int_equal(st.opackets, 1023);
	assert_int_equal(st.oerrors, 1100 - 1023);
	cdk_pktmbuf_free_bulk(pkts + 1023, 1100 - 1023);
	/* closing with 1023 mbufs in the ring returns them all */
	assert_int_equal(cdk_eth_dev_stop(0), 0);
	assert_int_equal(cdk_eth_dev_close(0), 0);
	assert_int_equal(cdk_mempool_in_use_count(mp), 0);
}

static void test_peer_errors(void **state)
{
	(void)state;
	test_log_begin();
	assert_int_equal(test_eal_init("-l", "0", "--vdev", "net_ring1,peer=net_ring0", NULL),
			 -EINVAL);
	assert_non_null(strstr(test_log_end(), "peer=net_ring0"));
	test_log_begin();
	assert_int_equal(test_eal_init("-l", "0", "--vdev", "net_ring0", "--vdev",
				       "net_ring1,peer=net_ring0", "--vdev",
				       "net_ring2,peer=net_ring0", NULL), -EBUSY);
	assert_non_null(strstr(test_log_end(), "already paired"));
	test_log_begin();
	assert_int_equal(test_eal_init("-l", "0", "--vdev", "net_ring0,fill=99999", NULL),
			 -EINVAL);
	test_log_end();
	assert_true(test_eal_init("-l", "0", NULL) > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_pair_crosses_over, teardown),
		cmocka_unit_test_teardown(test_fill_primes_rx_once, teardown),
		cmocka_unit_test_teardown(test_full_ring_counts_tx_errors, teardown),
		cmocka_unit_test_teardown(test_peer_errors, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
