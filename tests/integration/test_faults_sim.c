/*
 * Faults in the middle of traffic between two modelled 82540EM (sim0 ->
 * sim1): device reset, link down and up, port restart, queue re-setup.
 * After each, traffic resumes byte-exact, every mbuf is back in its pool
 * once the ports stop, and the port counters agree with what was received.
 */
#include <string.h>

#include "cdk_cycles.h"
#include "cdk_eal.h"
#include "cdk_ethdev.h"
#include "cdk_mbuf.h"
#include "cdk_sim_bus.h"
#include "test_util.h"

#define NDESC 256
static struct cdk_mempool *mp;
static uint16_t pa, pb;
static struct cdk_sim_dev *ma, *mb;

static int port_up(uint16_t port)
{
	struct cdk_eth_conf conf = { 0 };
	int rc = cdk_eth_dev_configure(port, 1, 1, &conf);

	if (rc == 0)
		rc = cdk_eth_rx_queue_setup(port, 0, NDESC, 0, NULL, mp);
	if (rc == 0)
		rc = cdk_eth_tx_queue_setup(port, 0, NDESC, 0, NULL);
	return rc == 0 ? cdk_eth_dev_start(port) : rc;
}

/* Send n frames a -> b, 16 in flight at most; the number received intact. */
static unsigned traffic_ms(unsigned n, uint32_t seq, unsigned ms)
{
	unsigned sent = 0, got = 0;
	uint64_t end = cdk_get_tsc_cycles() + cdk_get_tsc_hz() / 1000 * ms;
	struct cdk_mbuf *rx[32];

	while ((sent < n || got < sent) && cdk_get_tsc_cycles() < end) {
		if (sent < n && sent - got < 16) {
			struct cdk_mbuf *m = cdk_pktmbuf_alloc(mp);
			uint8_t *p;

			assert_non_null(m);
			p = (uint8_t *)cdk_pktmbuf_append(m, 100);
			assert_non_null(p);
			for (int i = 0; i < 100; i++)
				p[i] = i < 6 ? 0xff : i < 12 ? 0x02 : i == 12 ? 0x88 :
				       i == 13 ? 0xb5 : (uint8_t)(seq + sent + i);
			if (cdk_eth_tx_burst(pa, 0, &m, 1) == 1)
				sent++;
			else
				cdk_pktmbuf_free(m);
		}
		uint16_t k = cdk_eth_rx_burst(pb, 0, rx, 32);
		for (uint16_t i = 0; i < k; i++) {
			assert_int_equal(rx[i]->pkt_len, 100);
			assert_int_equal(cdk_pktmbuf_mtod(rx[i], uint8_t *)[12], 0x88);
		}
		got += k;
		cdk_pktmbuf_free_bulk(rx, k);
	}
	return got;
}

static unsigned traffic(unsigned n, uint32_t seq)
{
	return traffic_ms(n, seq, 5000);
}

/* Frames expected to be lost: do not wait long for them. */
static unsigned traffic_lossy(unsigned n, uint32_t seq)
{
	return traffic_ms(n, seq, 300);
}

/* Both ports stopped: the pool is whole again; then started. */
static void no_leak(void)
{
	assert_int_equal(cdk_eth_dev_stop(pa), 0);
	assert_int_equal(cdk_eth_dev_stop(pb), 0);
	assert_int_equal(cdk_mempool_in_use_count(mp), 0);
	assert_int_equal(cdk_eth_dev_start(pa), 0);
	assert_int_equal(cdk_eth_dev_start(pb), 0);
}

static void test_device_reset(void **state)
{
	assert_int_equal(traffic(200, 1), 200);
	cdk_sim_reset(mb); /* the receiver loses its whole configuration */
	traffic_lossy(50, 2);    /* lost: the device is down until restarted */
	assert_int_equal(cdk_eth_dev_stop(pb), 0);
	assert_int_equal(cdk_eth_dev_start(pb), 0);
	assert_int_equal(traffic(200, 3), 200);
	no_leak();
}

static void test_link_down_up(void **state)
{
	struct cdk_eth_link l;

	assert_int_equal(traffic(100, 4), 100);
	cdk_sim_disconnect(ma);
	assert_int_equal(cdk_eth_link_get(pb, &l), 0);
	assert_int_equal(l.link_status, CDK_ETH_LINK_DOWN);
	assert_int_equal(traffic_lossy(50, 5), 0); /* the cable is out */
	assert_int_equal(cdk_sim_connect(ma, mb), 0);
	assert_int_equal(cdk_eth_link_get(pb, &l), 0);
	assert_int_equal(l.link_status, CDK_ETH_LINK_UP);
	assert_int_equal(traffic(200, 6), 200);
	no_leak();
}

static void test_port_restart_mid_traffic(void **state)
{
	for (int round = 0; round < 5; round++) {
		assert_int_equal(traffic(100, 7), 100);
		/* stop and start the receiver while the sender keeps going */
		assert_int_equal(cdk_eth_dev_stop(pb), 0);
		traffic_lossy(20, 8);
		assert_int_equal(cdk_eth_dev_start(pb), 0);
	}
	assert_int_equal(traffic(200, 9), 200);
	no_leak();
}

static void test_queue_resetup_and_counters(void **state)
{
	struct cdk_eth_stats st;

	assert_int_equal(cdk_eth_dev_stop(pb), 0);
	assert_int_equal(cdk_eth_rx_queue_setup(pb, 0, NDESC / 2, 0, NULL, mp), 0);
	assert_int_equal(cdk_eth_dev_start(pb), 0);
	assert_int_equal(cdk_eth_stats_reset(pb), 0);
	assert_int_equal(traffic(300, 10), 300);
	assert_int_equal(cdk_eth_stats_get(pb, &st), 0);
	assert_int_equal(st.ipackets, 300);
	assert_int_equal(st.ibytes, 300 * 100);
	no_leak();
}

static int group_setup(void **state)
{
	if (test_eal_init("--vdev", "sim0,model=82540em",
			  "--vdev", "sim1,model=82540em,peer=sim0", NULL) < 0)
		return -1;
	mp = cdk_pktmbuf_pool_create("faults", 2047, 0, 0, CDK_MBUF_DEFAULT_BUF_SIZE, 0);
	if (mp == NULL || cdk_eth_dev_get_port_by_name("sim0", &pa) < 0 ||
	    cdk_eth_dev_get_port_by_name("sim1", &pb) < 0)
		return -1;
	ma = cdk_sim_bus_model("sim0");
	mb = cdk_sim_bus_model("sim1");
	return port_up(pa) || port_up(pb) ? -1 : 0;
}

static int group_teardown(void **state)
{
	cdk_eal_cleanup();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_device_reset),
		cmocka_unit_test(test_link_down_up),
		cmocka_unit_test(test_port_restart_mid_traffic),
		cmocka_unit_test(test_queue_resetup_and_counters),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
