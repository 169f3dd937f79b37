/* The echo example's pieces: replies built right, replies recognised, and
 * latency statistics on a known sample. */
#include <string.h>

#include "cdk_eal.h"
#include "test_util.h"

#include "examples/echo/latency.c"
#include "examples/echo/server.c"
#include "examples/echo/client.c"

volatile bool echo_quit;
static struct cdk_mempool *mp;

static int setup(void **state)
{
	(void)state;
	if (test_eal_init("-l", "0", NULL) < 0)
		return -1;
	mp = cdk_pktmbuf_pool_create("echo_test", 63, 0, 0, CDK_MBUF_DEFAULT_BUF_SIZE, 0);
	return mp ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	return cdk_eal_cleanup();
}

/* A request as the client makes it. */
static struct cdk_mbuf *request(uint64_t seq_base, unsigned size)
{
	struct echo_opts o = { .size = size };
	struct client c = { .o = &o, .mp = mp, .sent = seq_base };

	memset(&c.src, 0x11, sizeof(c.src));
	memset(&c.dst, 0x22, sizeof(c.dst));
	return make_request(&c);
}

static void test_reply_swaps_everything_and_keeps_checksums(void **state)
{
	struct cdk_mbuf *m = request(5, 128);
	struct cdk_ether_hdr *eh;
	struct cdk_ipv4_hdr *ip;
	struct cdk_udp_hdr *udp;
	uint8_t before[128];

	(void)state;
	assert_non_null(m);
	memcpy(before, cdk_pktmbuf_mtod(m, void *), 128);
	assert_false(echo_reply_ok(m, 6)); /* a request is not a reply */
	assert_true(echo_make_reply(m, 0));
	eh = cdk_pktmbuf_mtod(m, struct cdk_ether_hdr *);
	ip = (struct cdk_ipv4_hdr *)(eh + 1);
	udp = (struct cdk_udp_hdr *)(ip + 1);
	assert_memory_equal(&eh->dst_addr, before + 6, 6);
	assert_memory_equal(&eh->src_addr, before + 0, 6);
	assert_int_equal(ip->src_addr, cdk_cpu_to_be_32(0x0a000002));
	assert_int_equal(ip->dst_addr, cdk_cpu_to_be_32(0x0a000001));
	assert_int_equal(udp->src_port, cdk_cpu_to_be_16(ECHO_UDP_PORT));
	assert_int_equal(udp->dst_port, cdk_cpu_to_be_16(1024 + 5));
	assert_int_equal(cdk_ipv4_cksum(ip), 0);            /* still valid */
	assert_memory_equal((uint8_t *)(udp + 1), before + 42, 128 - 42); /* payload */
	assert_true(echo_reply_ok(m, 6));
	assert_false(echo_reply_ok(m, 5)); /* a sequence number never sent */
	ip->time_to_live--;                 /* a header that no longer adds up */
	assert_false(echo_reply_ok(m, 6));
	cdk_pktmbuf_free(m);
}

static void test_non_requests_are_left_alone(void **state)
{
	struct cdk_mbuf *m = request(0, 64);
	struct cdk_ether_hdr *eh = cdk_pktmbuf_mtod(m, struct cdk_ether_hdr *);
	struct cdk_ipv4_hdr *ip = (struct cdk_ipv4_hdr *)(eh + 1);
	uint8_t before[64];

	(void)state;
	ip->next_proto_id = 6; /* TCP */
	memcpy(before, eh, 64);
	assert_false(echo_make_reply(m, 0));
	assert_memory_equal(eh, before, 64);
	eh->ether_type = cdk_cpu_to_be_16(0x88b5);
	assert_false(echo_make_reply(m, 0));    /* raw mode off */
	assert_true(echo_make_reply(m, 0x88b5)); /* raw mode: MACs swapped only */
	assert_memory_equal(&eh->dst_addr, before + 6, 6);
	assert_memory_equal((uint8_t *)eh + 14, before + 14, 50);
	m->data_len = 10; /* shorter than an Ethernet header */
	assert_false(echo_make_reply(m, 0x88b5));
	cdk_pktmbuf_free(m);
}

static void test_latency_statistics_on_a_known_sample(void **state)
{
	struct latency_summary s;

	(void)state;
	assert_int_equal(latency_init(10000), 0);
	/* 1..1000 us, in a scrambled order */
	for (uint64_t i = 0; i < 1000; i++)
		latency_add(((i * 7919) % 1000 + 1) * 1000);
	latency_summarize(&s);
	assert_int_equal(s.n, 1000);
	assert_true(s.p50 == 500.0);   /* nearest rank: the 500th of 1000 */
	assert_true(s.p90 == 900.0);
	assert_true(s.p99 == 990.0);
	assert_true(s.p999 == 999.0);
	assert_true(s.max == 1000.0);
	/* a histogram bucket per power of two: 1000 us falls in [524288, 1048576) ns */
	assert_int_equal(buckets[19], 1000 - 524);
	latency_free();
	/* more samples than kept: percentiles of those kept, max of all */
	assert_int_equal(latency_init(10), 0);
	for (uint64_t i = 1; i <= 20; i++)
		latency_add(i * 1000);
	latency_summarize(&s);
	assert_int_equal(s.n, 10);
	assert_true(s.max == 20.0);
	assert_true(s.p50 == 5.0);
	latency_free();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_reply_swaps_everything_and_keeps_checksums,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_non_requests_are_left_alone, setup,
						teardown),
		cmocka_unit_test(test_latency_statistics_on_a_known_sample),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
