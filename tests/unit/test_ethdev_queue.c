/*
 * Per-queue start and stop in the ethdev layer: DPDK's errors, the order
 * of unpublishing, driver call and revocation (and the reverse to start),
 * capabilities revoked and granted again for that queue only, deferred
 * start. net_null's ops are wrapped to watch the calls; net_ring has no
 * queue start/stop and answers -ENOTSUP.
 */
#include <errno.h>
#include <string.h>

#include "cdk_eal.h"
#include "cdk_ethdev.h"
#include "cdk_pmd.h"
#include "test_util.h"

#define NQ 3

static struct cdk_mempool *mp;
static uint16_t null_port, ring_port;
static struct cdk_eth_dev_ops spy_ops;

/* What the ethdev layer had done when the driver was called. */
static struct {
	char calls[16];
	unsigned n;
	int published;  /* the queue was in cdk_eth_fp_ops */
	int held_caps;  /* the queue held its capabilities */
} seen;

static int slot_holds(struct cdk_eth_dev *dev, enum cdk_queue_dir dir, uint16_t q)
{
	const struct cdk_eth_queue_slot *s = dir == CDK_RXQ ? &dev->rxq_slot_[q]
							    : &dev->txq_slot_[q];

	return s->granted.n_pools > 0;
}

static int spy(struct cdk_eth_dev *dev, enum cdk_queue_dir dir, uint16_t q, char c)
{
	void *const *fp = dir == CDK_RXQ ? cdk_eth_fp_ops[dev->port_id].rxq
					 : cdk_eth_fp_ops[dev->port_id].txq;

	seen.calls[seen.n++ % sizeof(seen.calls)] = c;
	seen.published = fp[q] != NULL;
	seen.held_caps = slot_holds(dev, dir, q);
	return 0;
}

static int spy_rx_start(struct cdk_eth_dev *dev, uint16_t q) { return spy(dev, CDK_RXQ, q, 'R'); }
static int spy_rx_stop(struct cdk_eth_dev *dev, uint16_t q) { return spy(dev, CDK_RXQ, q, 'r'); }
static int spy_tx_start(struct cdk_eth_dev *dev, uint16_t q) { return spy(dev, CDK_TXQ, q, 'T'); }
static int spy_tx_stop(struct cdk_eth_dev *dev, uint16_t q) { return spy(dev, CDK_TXQ, q, 't'); }

static int setup(void **state)
{
	struct cdk_eth_dev *dev;

	if (test_eal_init("-l", "0", "--vdev", "net_ring0", "--vdev", "net_null0",
			  NULL) < 0)
		return -1;
	mp = cdk_pktmbuf_pool_create("q_pool", 1023, 32, 0,
				     CDK_MBUF_DEFAULT_BUF_SIZE, 0);
	if (mp == NULL || cdk_eth_dev_get_port_by_name("net_null0", &null_port) < 0 ||
	    cdk_eth_dev_get_port_by_name("net_ring0", &ring_port) < 0)
		return -1;
	dev = cdk_eth_dev_get(null_port);
	spy_ops = *dev->dev_ops;
	spy_ops.rx_queue_start = spy_rx_start;
	spy_ops.rx_queue_stop = spy_rx_stop;
	spy_ops.tx_queue_start = spy_tx_start;
	spy_ops.tx_queue_stop = spy_tx_stop;
	dev->dev_ops = &spy_ops;
	return 0;
}

static int teardown(void **state)
{
	return cdk_eal_cleanup();
}

static const struct cdk_eth_conf conf0;

/* NQ queues each way; rx queue 1 and tx queue 2 deferred if asked. */
static void bring_up(uint16_t port, int deferred)
{
	struct cdk_eth_rxconf rc = { .rx_deferred_start = 1 };
	struct cdk_eth_txconf tc = { .tx_deferred_start = 1 };

	assert_int_equal(cdk_eth_dev_configure(port, NQ, NQ, &conf0), 0);
	for (uint16_t q = 0; q < NQ; q++) {
		assert_int_equal(cdk_eth_rx_queue_setup(port, q, 256, 0,
							deferred && q == 1 ? &rc : NULL, mp), 0);
		assert_int_equal(cdk_eth_tx_queue_setup(port, q, 256, 0,
							deferred && q == 2 ? &tc : NULL), 0);
	}
	assert_int_equal(cdk_eth_dev_start(port), 0);
}

static void test_errors(void **state)
{
	bring_up(null_port, 0);
	assert_int_equal(cdk_eth_dev_rx_queue_stop(CDK_MAX_ETHPORTS, 0), -ENODEV);
	assert_int_equal(cdk_eth_dev_tx_queue_start(CDK_MAX_ETHPORTS - 1, 0), -ENODEV);
	assert_int_equal(cdk_eth_dev_rx_queue_stop(null_port, NQ), -EINVAL);
	assert_int_equal(cdk_eth_dev_tx_queue_start(null_port, CDK_MAX_QUEUES_PER_PORT), -EINVAL);
	/* a driver without the ops: DPDK's -ENOTSUP */
	bring_up(ring_port, 0);
	assert_int_equal(cdk_eth_dev_rx_queue_stop(ring_port, 0), -ENOTSUP);
	assert_int_equal(cdk_eth_dev_rx_queue_start(ring_port, 0), -ENOTSUP);
	assert_int_equal(cdk_eth_dev_tx_queue_stop(ring_port, 0), -ENOTSUP);
	assert_int_equal(cdk_eth_dev_tx_queue_start(ring_port, 0), -ENOTSUP);
	assert_int_equal(cdk_eth_dev_stop(ring_port), 0);
	/* a stopped port: its queues are stopped, none can start alone */
	assert_int_equal(cdk_eth_dev_stop(null_port), 0);
	seen.n = 0;
	assert_int_equal(cdk_eth_dev_rx_queue_stop(null_port, 0), 0);
	assert_int_equal(cdk_eth_dev_rx_queue_start(null_port, 0), -EINVAL);
	assert_int_equal(seen.n, 0);
}

static void test_stop_start_order(void **state)
{
	struct cdk_eth_dev *dev;
	struct cdk_mbuf *pkts[4];

	bring_up(null_port, 0);
	dev = cdk_eth_dev_get(null_port);
	memset(&seen, 0, sizeof(seen));
	assert_true(cdk_eth_rx_burst(null_port, 1, pkts, 4) > 0);
	cdk_pktmbuf_free_bulk(pkts, 4);

	/* stop: unpublished before the driver is called, revoked after */
	assert_int_equal(cdk_eth_dev_rx_queue_stop(null_port, 1), 0);
	assert_int_equal(seen.n, 1);
	assert_int_equal(seen.calls[0], 'r');
	assert_false(seen.published);
	assert_true(seen.held_caps);
	assert_false(slot_holds(dev, CDK_RXQ, 1));
	assert_true(slot_holds(dev, CDK_RXQ, 0) && slot_holds(dev, CDK_RXQ, 2));
	for (uint16_t q = 0; q < NQ; q++)
		assert_true(slot_holds(dev, CDK_TXQ, q));
	assert_int_equal(cdk_eth_rx_burst(null_port, 1, pkts, 4), 0);
	assert_int_equal(cdk_eth_rx_burst(null_port, 0, pkts, 4), 4);
	cdk_pktmbuf_free_bulk(pkts, 4);
	/* stopping it again does nothing */
	assert_int_equal(cdk_eth_dev_rx_queue_stop(null_port, 1), 0);
	assert_int_equal(seen.n, 1);

	/* start: granted before the driver is called, published after */
	assert_int_equal(cdk_eth_dev_rx_queue_start(null_port, 1), 0);
	assert_int_equal(seen.n, 2);
	assert_int_equal(seen.calls[1], 'R');
	assert_false(seen.published);
	assert_true(seen.held_caps);
	assert_true(slot_holds(dev, CDK_RXQ, 1));
	assert_int_equal(cdk_eth_rx_burst(null_port, 1, pkts, 4), 4);
	cdk_pktmbuf_free_bulk(pkts, 4);
	assert_int_equal(cdk_eth_dev_rx_queue_start(null_port, 1), 0);
	assert_int_equal(seen.n, 2);

	/* tx likewise */
	assert_int_equal(cdk_eth_dev_tx_queue_stop(null_port, 0), 0);
	assert_false(slot_holds(dev, CDK_TXQ, 0));
	assert_true(slot_holds(dev, CDK_TXQ, 1));
	assert_null(cdk_eth_fp_ops[null_port].txq[0]);
	assert_int_equal(cdk_eth_dev_tx_queue_start(null_port, 0), 0);
	assert_string_equal(seen.calls, "rRtT");
	assert_non_null(cdk_eth_fp_ops[null_port].txq[0]);
	assert_int_equal(cdk_eth_dev_stop(null_port), 0);
}

/* A deferred queue is set up but not started with the port. */
static void test_deferred_start(void **state)
{
	struct cdk_eth_dev *dev = cdk_eth_dev_get(null_port);
	struct cdk_mbuf *pkts[4];

	bring_up(null_port, 1);
	assert_null(cdk_eth_fp_ops[null_port].rxq[1]);
	assert_null(cdk_eth_fp_ops[null_port].txq[2]);
	assert_non_null(cdk_eth_fp_ops[null_port].rxq[0]);
	assert_false(slot_holds(dev, CDK_RXQ, 1));
	assert_false(slot_holds(dev, CDK_TXQ, 2));
	assert_int_equal(cdk_eth_rx_burst(null_port, 1, pkts, 4), 0);
	assert_int_equal(cdk_eth_dev_rx_queue_start(null_port, 1), 0);
	assert_int_equal(cdk_eth_dev_tx_queue_start(null_port, 2), 0);
	assert_true(slot_holds(dev, CDK_RXQ, 1) && slot_holds(dev, CDK_TXQ, 2));
	assert_int_equal(cdk_eth_rx_burst(null_port, 1, pkts, 4), 4);
	cdk_pktmbuf_free_bulk(pkts, 4);
	/* after a port stop and start, deferred again */
	assert_int_equal(cdk_eth_dev_stop(null_port), 0);
	assert_int_equal(cdk_eth_dev_start(null_port), 0);
	assert_null(cdk_eth_fp_ops[null_port].rxq[1]);
	assert_int_equal(cdk_eth_dev_stop(null_port), 0);
	assert_int_equal(cdk_mempool_in_use_count(mp), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_stop_start_order),
		cmocka_unit_test(test_deferred_start),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
