/* ethdev: call order, errors, stats, xstats, capabilities granted and revoked. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cdk_eal.h"
#include "cdk_ethdev.h"
#include "cdk_pmd.h"
#include "test_util.h"

static struct cdk_mempool *mp;

static int setup(void **state)
{
	(void)state;
	if (test_eal_init("-l", "0", "--vdev", "net_ring0", "--vdev", "net_null0,size=100",
			  NULL) < 0)
		return -1;
	mp = cdk_pktmbuf_pool_create("eth_pool", 1023, 32, 0,
				     CDK_MBUF_DEFAULT_BUF_SIZE, 0);
	return mp ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	return cdk_eal_cleanup();
}

static const struct cdk_eth_conf conf0;

static void bring_up(uint16_t port, uint16_t nq)
{
	assert_int_equal(cdk_eth_dev_configure(port, nq, nq, &conf0), 0);
	for (uint16_t q = 0; q < nq; q++) {
		assert_int_equal(cdk_eth_rx_queue_setup(port, q, 256, 0, NULL, mp), 0);
		assert_int_equal(cdk_eth_tx_queue_setup(port, q, 256, 0, NULL), 0);
	}
	assert_int_equal(cdk_eth_dev_start(port), 0);
}

static void test_ports_and_names(void **state)
{
	uint16_t p, n = 0, id;
	char name[CDK_ETH_NAME_MAX_LEN];
	struct cdk_eth_dev_info info;

	(void)state;
	assert_int_equal(cdk_eth_dev_count_avail(), 2);
	CDK_ETH_FOREACH_DEV(p)
		n++;
	assert_int_equal(n, 2);
	assert_int_equal(cdk_eth_dev_get_port_by_name("net_null0", &id), 0);
	assert_int_equal(id, 1);
	assert_int_equal(cdk_eth_dev_get_name_by_port(0, name), 0);
	assert_string_equal(name, "net_ring0");
	assert_int_equal(cdk_eth_dev_get_port_by_name("nope", &id), -ENODEV);
	assert_int_equal(cdk_eth_dev_info_get(0, &info), 0);
	assert_string_equal(info.driver_name, "net_ring");
	assert_int_equal(info.max_rx_queues, 16);
	assert_int_equal(cdk_eth_dev_socket_id(0), 0);
	assert_int_equal(cdk_eth_dev_socket_id(9), -1);
	assert_false(cdk_eth_dev_is_valid_port(2));
	assert_false(cdk_eth_dev_is_valid_port(UINT16_MAX));
}

static void test_call_order_errors(void **state)
{
	struct cdk_eth_conf conf = { 0 };

	(void)state;
	/* start before configure */
	assert_int_equal(cdk_eth_dev_start(0), -EINVAL);
	/* queue setup before configure: the queue is not configured */
	assert_int_equal(cdk_eth_rx_queue_setup(0, 0, 256, 0, NULL, mp), -EINVAL);
	assert_int_equal(cdk_eth_dev_configure(0, 17, 1, &conf), -EINVAL);
	assert_int_equal(cdk_eth_dev_configure(0, 0, 0, &conf), -EINVAL);
	assert_int_equal(cdk_eth_dev_configure(0, 1, 1, NULL), -EINVAL);
	conf.rxmode.offloads = CDK_ETH_RX_OFFLOAD_TCP_CKSUM;
	assert_int_equal(cdk_eth_dev_configure(0, 1, 1, &conf), -EINVAL);
	conf.rxmode.offloads = 0;
	assert_int_equal(cdk_eth_dev_configure(0, 2, 1, &conf), 0);
	/* start with a queue not set up */
	assert_int_equal(cdk_eth_rx_queue_setup(0, 0, 256, 0, NULL, mp), 0);
	assert_int_equal(cdk_eth_dev_start(0), -EINVAL);
	assert_int_equal(cdk_eth_rx_queue_setup(0, 1, 256, 0, NULL, mp), 0);
	assert_int_equal(cdk_eth_rx_queue_setup(0, 2, 256, 0, NULL, mp), -EINVAL);
	assert_int_equal(cdk_eth_rx_queue_setup(0, 0, 256, 0, NULL, NULL), -EINVAL);
	assert_int_equal(cdk_eth_tx_queue_setup(0, 0, 256, 0, NULL), 0);
	assert_int_equal(cdk_eth_dev_start(0), 0);
	/* reconfigure or set up queues while started */
	assert_int_equal(cdk_eth_dev_configure(0, 1, 1, &conf), -EBUSY);
	assert_int_equal(cdk_eth_tx_queue_setup(0, 0, 256, 0, NULL), -EBUSY);
	assert_int_equal(cdk_eth_dev_close(0), -EINVAL);
	assert_int_equal(cdk_eth_dev_stop(0), 0);
	assert_int_equal(cdk_eth_dev_stop(0), 0);
	assert_int_equal(cdk_eth_dev_close(0), 0);
	/* a closed port is gone */
	assert_int_equal(cdk_eth_dev_start(0), -ENODEV);
	assert_int_equal(cdk_eth_dev_count_avail(), 1);
	/* bad port ids everywhere */
	struct cdk_eth_stats st;
	struct cdk_ether_addr mac;
	assert_int_equal(cdk_eth_dev_configure(40, 1, 1, &conf), -ENODEV);
	assert_int_equal(cdk_eth_stats_get(40, &st), -ENODEV);
	assert_int_equal(cdk_eth_macaddr_get(7, &mac), -ENODEV);
	assert_int_equal(cdk_eth_promiscuous_enable(7), -ENODEV);
	assert_int_equal(cdk_eth_dev_set_mtu(7, 1500), -ENODEV);
	assert_int_equal(cdk_eth_xstats_get_names(7, NULL, 0), -ENODEV);
}

static void test_burst_on_bad_or_stopped_queue_is_empty(void **state)
{
	struct cdk_mbuf *pkts[4];

	(void)state;
	assert_int_equal(cdk_eth_rx_burst(0, 0, pkts, 4), 0); /* not started */
	bring_up(1, 1);
	assert_int_equal(cdk_eth_rx_burst(1, 0, pkts, 4), 4);
	assert_int_equal(pkts[0]->pkt_len, 100);
	assert_int_equal(cdk_eth_tx_burst(1, 0, pkts, 4), 4);
	assert_int_equal(cdk_eth_rx_burst(1, 1, pkts, 4), 0);  /* no such queue */
	assert_int_equal(cdk_eth_rx_burst(1, 999, pkts, 4), 0);
	assert_int_equal(cdk_eth_rx_burst(999, 0, pkts, 4), 0);
	assert_int_equal(cdk_eth_tx_burst(999, 0, pkts, 4), 0);
	assert_int_equal(cdk_eth_dev_stop(1), 0);
	assert_int_equal(cdk_eth_rx_burst(1, 0, pkts, 4), 0);
	assert_int_equal(cdk_mempool_in_use_count(mp), 0);
}

static void test_ring_loopback_and_stats(void **state)
{
	struct cdk_mbuf *pkts[8], *got[8];
	struct cdk_eth_stats st;

	(void)state;
	bring_up(0, 1);
	assert_int_equal(cdk_pktmbuf_alloc_bulk(mp, pkts, 8), 0);
	for (int i = 0; i < 8; i++) {
		char *d = cdk_pktmbuf_append(pkts[i], 60);
		memset(d, i, 60);
	}
	assert_int_equal(cdk_eth_tx_burst(0, 0, pkts, 8), 8);
	assert_int_equal(cdk_eth_rx_burst(0, 0, got, 8), 8);
	for (int i = 0; i < 8; i++) {
		assert_ptr_equal(got[i], pkts[i]);
		assert_int_equal(cdk_pktmbuf_mtod(got[i], uint8_t *)[59], i);
	}
	cdk_pktmbuf_free_bulk(got, 8);
	assert_int_equal(cdk_eth_stats_get(0, &st), 0);
	assert_int_equal(st.ipackets, 8);
	assert_int_equal(st.opackets, 8);
	assert_int_equal(st.q_ipackets[0], 8);
	assert_int_equal(cdk_eth_stats_reset(0), 0);
	assert_int_equal(cdk_eth_stats_get(0, &st), 0);
	assert_int_equal(st.ipackets, 0);
}

static void test_xstats_by_name(void **state)
{
	struct cdk_eth_xstat_name names[64];
	struct cdk_eth_xstat xs[64];
	struct cdk_mbuf *pkts[5];
	uint64_t id;
	int n;

	(void)state;
	bring_up(1, 2);
	assert_int_equal(cdk_eth_rx_burst(1, 1, pkts, 5), 5);
	assert_int_equal(cdk_eth_tx_burst(1, 0, pkts, 5), 5);
	n = cdk_eth_xstats_get_names(1, NULL, 0);
	assert_int_equal(n, 8 + 2 * 3 + 2 * 2);
	assert_int_equal(cdk_eth_xstats_get_names(1, names, 64), n);
	assert_string_equal(names[0].name, "rx_good_packets");
	assert_string_equal(names[8].name, "rx_q0_packets");
	assert_string_equal(names[11].name, "rx_q1_packets");
	assert_string_equal(names[14].name, "tx_q0_packets");
	assert_int_equal(cdk_eth_xstats_get(1, xs, 64), n);
	assert_int_equal(cdk_eth_xstats_get_id_by_name(1, "rx_q1_packets", &id), 0);
	assert_int_equal(xs[id].value, 5);
	assert_int_equal(cdk_eth_xstats_get_id_by_name(1, "rx_q1_bytes", &id), 0);
	assert_int_equal(xs[id].value, 500);
	assert_int_equal(cdk_eth_xstats_get_id_by_name(1, "tx_good_packets", &id), 0);
	assert_int_equal(xs[id].value, 5);
	assert_int_equal(cdk_eth_xstats_get_id_by_name(1, "no_such", &id), -EINVAL);
	/* too small an array: the size is returned, nothing written */
	assert_int_equal(cdk_eth_xstats_get(1, xs, 3), n);
	assert_int_equal(cdk_eth_xstats_reset(1), 0);
	assert_int_equal(cdk_eth_xstats_get(1, xs, 64), n);
	assert_int_equal(xs[0].value, 0);
}

static void test_settings(void **state)
{
	struct cdk_ether_addr mac, set = { { 0x02, 1, 2, 3, 4, 5 } }, bad = { { 1, 0, 0, 0, 0, 0 } };
	struct cdk_eth_link link;
	uint16_t mtu;
	char s[64];

	(void)state;
	assert_int_equal(cdk_eth_macaddr_get(0, &mac), 0);
	assert_true(cdk_is_valid_assigned_ether_addr(&mac));
	assert_int_equal(cdk_eth_dev_default_mac_addr_set(0, &set), 0);
	assert_int_equal(cdk_eth_macaddr_get(0, &mac), 0);
	assert_memory_equal(&mac, &set, 6);
	assert_int_equal(cdk_eth_dev_default_mac_addr_set(0, &bad), -EINVAL); /* multicast */
	assert_int_equal(cdk_eth_promiscuous_get(0), 0);
	assert_int_equal(cdk_eth_promiscuous_enable(0), 0);
	assert_int_equal(cdk_eth_promiscuous_get(0), 1);
	assert_int_equal(cdk_eth_dev_set_mtu(0, 9000), 0);
	assert_int_equal(cdk_eth_dev_get_mtu(0, &mtu), 0);
	assert_int_equal(mtu, 9000);
	assert_int_equal(cdk_eth_dev_set_mtu(0, 10), -EINVAL);
	assert_int_equal(cdk_eth_link_get_nowait(0, &link), 0);
	assert_int_equal(link.link_status, 0); /* not started */
	bring_up(0, 1);
	assert_int_equal(cdk_eth_link_get(0, &link), 0);
	assert_int_equal(link.link_status, 1);
	cdk_eth_link_to_str(s, sizeof(s), &link);
	assert_string_equal(s, "Link up at 10 Gbps FDX Fixed");
	/* no RSS on a ring port */
	struct cdk_eth_rss_conf rss = { 0 };
	assert_int_equal(cdk_eth_dev_rss_hash_update(0, &rss), -ENOTSUP);
}

/* Queue capabilities: granted at setup, revoked by stop, re-granted by start,
 * revoked for good by release/close. */
static void test_queue_caps_lifecycle(void **state)
{
	unsigned base = cdk_cap_count(NULL);

	(void)state;
	assert_int_equal(cdk_cap_count("port1/"), 0);
	assert_int_equal(cdk_eth_dev_configure(1, 1, 1, &conf0), 0);
	assert_int_equal(cdk_eth_rx_queue_setup(1, 0, 256, 0, NULL, mp), 0);
	/* the rx queue holds one capability: its pool's, as the driver opened it */
	assert_int_equal(cdk_cap_count("port1/rxq0"), 1);
	assert_int_equal(cdk_eth_tx_queue_setup(1, 0, 256, 0, NULL), 0);
	assert_int_equal(cdk_eth_dev_start(1), 0);
	/* a virtual port's queues hold their pools and no registers */
	unsigned live = cdk_cap_count("port1/");
	assert_int_equal(live, 2);
	assert_int_equal(cdk_eth_dev_stop(1), 0);
	assert_int_equal(cdk_cap_count("port1/"), 0);
	assert_int_equal(cdk_eth_dev_start(1), 0);
	assert_int_equal(cdk_cap_count("port1/"), live);
	struct cdk_mbuf *pkts[2];
	assert_int_equal(cdk_eth_rx_burst(1, 0, pkts, 2), 2); /* works with the new ones */
	cdk_pktmbuf_free_bulk(pkts, 2);
	assert_int_equal(cdk_eth_dev_stop(1), 0);
	assert_int_equal(cdk_eth_dev_close(1), 0);
	assert_int_equal(cdk_cap_count("port1/"), 0);
	assert_true(cdk_cap_count(NULL) <= base);
}

/* A port's sealed queue capabilities do not open on another port. */
static void test_caps_sealed_to_their_port(void **state)
{
	struct cdk_eth_dev *a, *b;
	struct cdk_queue_caps sealed, out;
	cdk_cap_t sa, sb;

	(void)state;
	a = cdk_eth_dev_get(0);
	b = cdk_eth_dev_get(1);
	memset(&sealed, 0, sizeof(sealed));
	assert_int_equal(cdk_cap_derive(cdk_mempool_dma_cap(mp), 0, 64,
					CDK_CAP_PERM_LOAD, "t", "x", &sa), 0);
	assert_int_equal(cdk_cap_seal(&sa, &a->sealer_, &sb), 0);
	sealed.pools[0] = sb;
	sealed.n_pools = 1;
	test_log_begin();
	assert_int_equal(cdk_eth_queue_caps_open(b, &sealed, &out), -EACCES);
	test_log_end();
	assert_true(cdk_cap_is_null(&out.pools[0]));
	assert_int_equal(cdk_eth_queue_caps_open(a, &sealed, &out), 0);
	assert_int_equal(cdk_cap_validate(&out.pools[0]), 0);
	/* a sealed bundle with a forged count is refused */
	sealed.n_pools = 100;
	assert_int_equal(cdk_eth_queue_caps_open(a, &sealed, &out), -EINVAL);
}

static void test_queue_count_shrinks_on_reconfigure(void **state)
{
	(void)state;
	bring_up(0, 4);
	assert_int_equal(cdk_eth_dev_stop(0), 0);
	assert_int_equal(cdk_eth_dev_configure(0, 1, 1, &conf0), 0);
	assert_int_equal(cdk_cap_count("port0/rxq3"), 0);
	assert_int_equal(cdk_eth_dev_start(0), 0);
	struct cdk_eth_dev_info info;
	assert_int_equal(cdk_eth_dev_info_get(0, &info), 0);
	assert_int_equal(info.nb_rx_queues, 1);
}

/* A driver that classifies nothing (ring, null, e1000) answers as DPDK
 * does for one: no supported type, and set succeeds with none set. */
static void test_ptypes_unclassified(void **state)
{
	uint32_t list[4] = { 7, 7, 7, 7 };

	(void)state;
	assert_int_equal(cdk_eth_dev_get_supported_ptypes(0, CDK_PTYPE_ALL_MASK, list, 4), 0);
	assert_int_equal(list[0], 7);
	assert_int_equal(cdk_eth_dev_get_supported_ptypes(0, CDK_PTYPE_ALL_MASK, NULL, 0), 0);
	assert_int_equal(cdk_eth_dev_get_supported_ptypes(0, 0, list, -1), -EINVAL);
	assert_int_equal(cdk_eth_dev_set_ptypes(0, CDK_PTYPE_UNKNOWN, list, 4), 0);
	assert_int_equal(list[0], CDK_PTYPE_UNKNOWN);
	assert_int_equal(cdk_eth_dev_set_ptypes(0, CDK_PTYPE_L3_MASK, NULL, 0), 0);
	/* the mask is checked first: half a layer is wrong for any driver */
	assert_int_equal(cdk_eth_dev_set_ptypes(0, CDK_PTYPE_L4_TCP, NULL, 0), -EINVAL);
	assert_int_equal(cdk_eth_dev_set_ptypes(0, 0xf0000000u, NULL, 0), -EINVAL);
	assert_int_equal(cdk_eth_dev_set_ptypes(0, 0, NULL, 2), -EINVAL);
	assert_int_equal(cdk_eth_dev_set_ptypes(77, 0, NULL, 0), -ENODEV);
	assert_int_equal(cdk_eth_dev_get_supported_ptypes(77, 0, NULL, 0), -ENODEV);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_ports_and_names),
		T(test_call_order_errors),
		T(test_burst_on_bad_or_stopped_queue_is_empty),
		T(test_ring_loopback_and_stats),
		T(test_xstats_by_name),
		T(test_settings),
		T(test_queue_caps_lifecycle),
		T(test_caps_sealed_to_their_port),
		T(test_queue_count_shrinks_on_reconfigure),
		T(test_ptypes_unclassified),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
