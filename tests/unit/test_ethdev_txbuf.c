/* Buffered transmit: a full buffer goes out, a flush sends the rest, what
 * the port refuses reaches the error callback. */
#include <errno.h>

#include "cdk_eal.h"
#include "cdk_ethdev.h"
#include "test_util.h"

static struct cdk_mempool *mp;

static int setup(void **state)
{
	struct cdk_eth_conf conf = { 0 };

	(void)state;
	if (test_eal_init("-l", "0", "--vdev", "net_ring0", NULL) < 0)
		return -1;
	mp = cdk_pktmbuf_pool_create("txbuf", 2047, 0, 0, CDK_MBUF_DEFAULT_BUF_SIZE, 0);
	if (mp == NULL || cdk_eth_dev_configure(0, 1, 1, &conf) ||
	    cdk_eth_rx_queue_setup(0, 0, 64, 0, NULL, mp) ||
	    cdk_eth_tx_queue_setup(0, 0, 64, 0, NULL) || cdk_eth_dev_start(0))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return cdk_eal_cleanup();
}

static void test_full_buffer_sends_and_flush_sends_rest(void **state)
{
	uint8_t mem[CDK_ETH_TX_BUFFER_SIZE(4)] __attribute__((aligned(8)));
	struct cdk_eth_dev_tx_buffer *b = (void *)mem;
	struct cdk_mbuf *got[8];

	(void)state;
	assert_int_equal(cdk_eth_tx_buffer_init(NULL, 4), -EINVAL);
	assert_int_equal(cdk_eth_tx_buffer_init(b, 0), -EINVAL);
	assert_int_equal(cdk_eth_tx_buffer_init(b, 4), 0);
	for (int i = 0; i < 3; i++)
		assert_int_equal(cdk_eth_tx_buffer(0, 0, b, cdk_pktmbuf_alloc(mp)), 0);
	assert_int_equal(cdk_eth_rx_burst(0, 0, got, 8), 0); /* still buffered */
	assert_int_equal(cdk_eth_tx_buffer(0, 0, b, cdk_pktmbuf_alloc(mp)), 4);
	assert_int_equal(b->length, 0);
	assert_int_equal(cdk_eth_tx_buffer(0, 0, b, cdk_pktmbuf_alloc(mp)), 0);
	assert_int_equal(cdk_eth_tx_buffer_flush(0, 0, b), 1);
	assert_int_equal(cdk_eth_tx_buffer_flush(0, 0, b), 0);
	assert_int_equal(cdk_eth_rx_burst(0, 0, got, 8), 5);
	cdk_pktmbuf_free_bulk(got, 5);
	assert_int_equal(cdk_mempool_in_use_count(mp), 0);
}

static void test_refused_packets_reach_the_callback(void **state)
{
	uint8_t mem[CDK_ETH_TX_BUFFER_SIZE(32)] __attribute__((aligned(8)));
	struct cdk_eth_dev_tx_buffer *b = (void *)mem;
	struct cdk_mbuf *got[32];
	uint64_t dropped = 0;
	unsigned sent = 0, n;

	(void)state;
	assert_int_equal(cdk_eth_tx_buffer_init(b, 32), 0);
	assert_int_equal(cdk_eth_tx_buffer_set_err_callback(b, cdk_eth_tx_buffer_count_callback,
							    &dropped), 0);
	assert_int_equal(cdk_eth_tx_buffer_set_err_callback(b, NULL, NULL), -EINVAL);
	/* a 1024-slot loopback ring takes 1023: the rest are counted and freed */
	for (int i = 0; i < 1100; i++)
		sent += cdk_eth_tx_buffer(0, 0, b, cdk_pktmbuf_alloc(mp));
	sent += cdk_eth_tx_buffer_flush(0, 0, b);
	assert_int_equal(sent, 1023);
	assert_int_equal(dropped, 1100 - 1023);
	while ((n = cdk_eth_rx_burst(0, 0, got, 32)) > 0)
		cdk_pktmbuf_free_bulk(got, n);
	assert_int_equal(cdk_mempool_in_use_count(mp), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_full_buffer_sends_and_flush_sends_rest,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_refused_packets_reach_the_callback, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
