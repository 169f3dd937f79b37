/* net_null: packet sizes, copy mode, stats, devargs errors. */
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
	mp = cdk_pktmbuf_pool_create("null_pool", 511, 0, 0, CDK_MBUF_DEFAULT_BUF_SIZE, 0);
	assert_non_null(mp);
	assert_int_equal(cdk_eth_dev_configure(port, 1, 1, &conf0), 0);
	assert_int_equal(cdk_eth_rx_queue_setup(port, 0, 64, 0, NULL, mp), 0);
	assert_int_equal(cdk_eth_tx_queue_setup(port, 0, 64, 0, NULL), 0);
	assert_int_equal(cdk_eth_dev_start(port), 0);
}

static void test_rx_sizes_and_tx_frees(void **state)
{
	struct cdk_mbuf *pkts[32];
	struct cdk_eth_stats st;

	(void)state;
	assert_true(test_eal_init("-l", "0", "--vdev", "net_null0,size=200,copy=1", NULL) > 0);
	start_port(0);
	assert_int_equal(cdk_eth_rx_burst(0, 0, pkts, 32), 32);
	for (int i = 0; i < 32; i++) {
		assert_int_equal(pkts[i]->pkt_len, 200);
		assert_int_equal(pkts[i]->data_len, 200);
		assert_int_equal(pkts[i]->port, 0);
	}
	assert_int_equal(cdk_mempool_in_use_count(mp), 32);
	assert_int_equal(cdk_eth_tx_burst(0, 0, pkts, 32), 32);
	assert_int_equal(cdk_mempool_in_use_count(mp), 0);
	assert_int_equal(cdk_eth_stats_get(0, &st), 0);
	assert_int_equal(st.ipackets, 32);
	assert_int_equal(st.ibytes, 32 * 200);
	assert_int_equal(st.opackets, 32);
	assert_int_equal(st.obytes, 32 * 200);
}

static void test_rx_stops_when_pool_is_empty(void **state)
{
	struct cdk_mbuf *pkts[32];
	unsigned got = 0;

	(void)state;
	assert_true(test_eal_init("-l", "0", "--vdev", "net_null0", NULL) > 0);
	start_port(0);
	for (int i = 0; i < 100; i++) {
		uint16_t n = cdk_eth_rx_burst(0, 0, pkts, 32);
		got += n;
		if (n == 0)
			break;
		/* keep them: the pool drains */
	}
	assert_true(got <= 511);
	assert_true(got >= 511 - 32);
	assert_int_equal(cdk_eth_rx_burst(0, 0, pkts, 32), 0);
}

static void test_pool_too_small_for_size(void **state)
{
	(void)state;
	assert_true(test_eal_init("-l", "0", "--vdev", "net_null0,size=4000", NULL) > 0);
	mp = cdk_pktmbuf_pool_create("null_pool", 511, 0, 0, CDK_MBUF_DEFAULT_BUF_SIZE, 0);
	assert_int_equal(cdk_eth_dev_configure(0, 1, 1, &conf0), 0);
	test_log_begin();
	assert_int_equal(cdk_eth_rx_queue_setup(0, 0, 64, 0, NULL, mp), -EINVAL);
	assert_non_null(strstr(test_log_end(), "size=4000"));
}

static void test_bad_devargs_fail_init(void **state)
{
	const char *bad[] = { "net_null0,size=0", "net_null0,size=99999", "net_null0,copy=2",
			      "net_null0,speed=10", "net_null0,size" };

	(void)state;
	for (size_t i = 0; i < CDK_DIM(bad); i++) {
		test_log_begin();
		assert_int_equal(test_eal_init("-l", "0", "--vdev", bad[i], NULL), -EINVAL);
		const char *m = test_log_end();
		if (!strstr(m, "net_null0"))
			fail_msg("no device name in '%s'", m);
		assert_false(cdk_eal_initialized());
	}
	test_log_begin();
	assert_int_equal(test_eal_init("-l", "0", "--vdev", "net_bogus0", NULL), -ENODEV);
	assert_non_null(strstr(test_log_end(), "no driver"));
	assert_true(test_eal_init("-l", "0", NULL) > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_rx_sizes_and_tx_frees, teardown),
		cmocka_unit_test_teardown(test_rx_stops_when_pool_is_empty, teardown),
		cmocka_unit_test_teardown(test_pool_too_small_for_size, teardown),
		cmocka_unit_test_teardown(test_bad_devargs_fail_init, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
