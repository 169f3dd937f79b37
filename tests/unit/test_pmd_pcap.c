/*
 * net_pcap: frames read from files byte for byte, frames written to files
 * that libpcap reads back, infinite_rx, several queues, jumbo frames in
 * chains, truncated and malformed files, devargs errors, restart, and live
 * interfaces on a veth pair in a private network namespace.
 */
#include <errno.h>
#include <pcap.h>
#include <net/if.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cdk_cycles.h"
#include "cdk_eal.h"
#include "cdk_ethdev.h"
#include "test_util.h"

#define MAX_FRAMES 64
#define JUMBO 9000

static char dir[64];
static const struct cdk_eth_conf conf0;

struct frames {
	unsigned n;
	uint32_t len[MAX_FRAMES];
	uint8_t *data[MAX_FRAMES];
};

/* ---- helpers ---- */

static const char *path(const char *name)
{
	static char buf[4][128];
	static int k;

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof(buf[k]), "%s/%s", dir, name);
	return buf[k];
}

static void frames_free(struct frames *f)
{
	for (unsigned i = 0; i < f->n; i++)
		free(f->data[i]);
	f->n = 0;
}

/* A frame that says which it is: seed in the source MAC and the payload. */
static void frames_add(struct frames *f, uint32_t len, unsigned seed)
{
	uint8_t *d = malloc(len ? len : 1);

	assert_non_null(d);
	for (uint32_t k = 0; k < len; k++)
		d[k] = (uint8_t)(seed * 31 + k * 7);
	if (len >= 14) {
		memset(d, 0xff, 6);
		memcpy(d + 6, (uint8_t[]){ 0x02, 0, 0, 0, 0, (uint8_t)seed }, 6);
		d[12] = 0x88; /* IEEE local experimental ethertype */
		d[13] = 0xb5;
	}
	f->len[f->n] = len;
	f->data[f->n++] = d;
}

static void write_pcap(const char *file, const struct frames *f)
{
	pcap_t *dead = pcap_open_dead(DLT_EN10MB, 65535);
	pcap_dumper_t *d = pcap_dump_open(dead, file);

	assert_non_null(d);
	for (unsigned i = 0; i < f->n; i++) {
		struct pcap_pkthdr h = { .ts = { 1700000000 + i, 0 },
					 .caplen = f->len[i], .len = f->len[i] };

		pcap_dump((u_char *)d, &h, f->data[i]);
	}
	pcap_dump_close(d);
	pcap_close(dead);
}

static void read_pcap(const char *file, struct frames *out)
{
	char err[PCAP_ERRBUF_SIZE];
	pcap_t *p = pcap_open_offline(file, err);
	struct pcap_pkthdr *h;
	const u_char *data;

	if (p == NULL)
		fail_msg("libpcap cannot read %s: %s", file, err);
	assert_int_equal(pcap_datalink(p), DLT_EN10MB);
	out->n = 0;
	while (pcap_next_ex(p, &h, &data) == 1 && out->n < MAX_FRAMES) {
		assert_int_equal(h->caplen, h->len);
		out->data[out->n] = malloc(h->caplen ? h->caplen : 1);
		memcpy(out->data[out->n], data, h->caplen);
		out->len[out->n++] = h->caplen;
	}
	pcap_close(p);
}

static void assert_mbuf_is(const struct cdk_mbuf *m, const uint8_t *data,
			   uint32_t len)
{
	static uint8_t tmp[65536];
	const uint8_t *got;

	assert_int_equal(m->pkt_len, len);
	got = cdk_pktmbuf_read(m, 0, len, tmp);
	assert_non_null(got);
	assert_memory_equal(got, data, len);
}

static void assert_frames_equal(const struct frames *a, const struct frames *b)
{
	assert_int_equal(a->n, b->n);
	for (unsigned i = 0; i < a->n; i++) {
		assert_int_equal(a->len[i], b->len[i]);
		assert_memory_equal(a->data[i], b->data[i], a->len[i]);
	}
}

static struct cdk_mempool *pool(const char *name, unsigned n, uint16_t room)
{
	struct cdk_mempool *mp = cdk_pktmbuf_pool_create(
		name, n, 0, 0, (uint16_t)(room + CDK_PKTMBUF_HEADROOM), 0);

	assert_non_null(mp);
	return mp;
}

static void start_port(uint16_t port, uint16_t nrx, uint16_t ntx,
		       struct cdk_mempool *mp)
{
	assert_int_equal(cdk_eth_dev_configure(port, nrx, ntx, &conf0), 0);
	for (uint16_t q = 0; q < nrx; q++)
		assert_int_equal(cdk_eth_rx_queue_setup(port, q, 64, 0, NULL, mp), 0);
	for (uint16_t q = 0; q < ntx; q++)
		assert_int_equal(cdk_eth_tx_queue_setup(port, q, 64, 0, NULL), 0);
	assert_int_equal(cdk_eth_dev_start(port), 0);
}

static void close_port(uint16_t port)
{
	assert_int_equal(cdk_eth_dev_stop(port), 0);
	assert_int_equal(cdk_eth_dev_close(port), 0);
}

/* Receive everything until a burst brings nothing; mbufs are freed. */
static unsigned rx_expect(uint16_t port, uint16_t q, const struct frames *f)
{
	struct cdk_mbuf *pkts[8];
	unsigned got = 0;
	uint16_t n;

	while ((n = cdk_eth_rx_burst(port, q, pkts, 8)) > 0) {
		for (uint16_t i = 0; i < n; i++, got++) {
			assert_true(got < f->n);
			assert_mbuf_is(pkts[i], f->data[got], f->len[got]);
			assert_int_equal(pkts[i]->port, port);
		}
		cdk_pktmbuf_free_bulk(pkts, n);
	}
	return got;
}

static char vdev[512];

static const char *vdev_args(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
static const char *vdev_args(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(vdev, sizeof(vdev), fmt, ap);
	va_end(ap);
	return vdev;
}

static int teardown(void **state)
{
	(void)state;
	return cdk_eal_initialized() ? cdk_eal_cleanup() : 0;
}

/* ---- files ---- */

static void test_rx_file_byte_exact(void **state)
{
	struct frames f = { 0 };
	struct cdk_mbuf *pkts[4];
	struct cdk_eth_stats st;
	uint64_t bytes = 0;
	struct cdk_mempool *mp;

	(void)state;
	for (unsigned i = 0; i < 20; i++) {
		frames_add(&f, 60 + i * 77, i);
		bytes += 60 + i * 77;
	}
	write_pcap(path("in.pcap"), &f);
	assert_true(test_eal_init("-l", "0", "--vdev",
				  vdev_args("net_pcap0,rx_pcap=%s", path("in.pcap")),
				  NULL) > 0);
	mp = pool("p", 255, 2048);
	start_port(0, 1, 1, mp);
	assert_int_equal(rx_expect(0, 0, &f), 20);
	/* the end of the file is the end: nothing more, however often asked */
	for (int i = 0; i < 3; i++)
		assert_int_equal(cdk_eth_rx_burst(0, 0, pkts, 4), 0);
	assert_int_equal(cdk_eth_stats_get(0, &st), 0);
	assert_int_equal(st.ipackets, 20);
	assert_int_equal(st.ibytes, bytes);
	assert_int_equal(st.q_ipackets[0], 20);
	assert_int_equal(st.ierrors, 0);
	assert_int_equal(cdk_mempool_in_use_count(mp), 0);
	close_port(0);
	frames_free(&f);
}

static void test_restart_reads_from_start(void **state)
{
	struct frames f = { 0 };
	struct cdk_mempool *mp;

	(void)state;
	for (unsigned i = 0; i < 5; i++)
		frames_add(&f, 64, i);
	write_pcap(path("in.pcap"), &f);
	assert_true(test_eal_init("-l", "0", "--vdev",
				  vdev_args("net_pcap0,rx_pcap=%s", path("in.pcap")),
				  NULL) > 0);
	mp = pool("p", 255, 2048);
	start_port(0, 1, 1, mp);
	assert_int_equal(rx_expect(0, 0, &f), 5);
	assert_int_equal(cdk_eth_dev_stop(0), 0);
	assert_int_equal(cdk_eth_dev_start(0), 0);
	assert_int_equal(rx_expect(0, 0, &f), 5);
	close_port(0);
	frames_free(&f);
}

static void test_tx_file_read_back(void **state)
{
	struct frames f = { 0 }, back = { 0 };
	struct cdk_mbuf *pkts[10], *tail;
	struct cdk_eth_stats st;
	struct cdk_mempool *mp;
	uint64_t bytes = 0;

	(void)state;
	for (unsigned i = 0; i < 9; i++) {
		frames_add(&f, 60 + i * 150, i);
		bytes += 60 + i * 150;
	}
	frames_add(&f, 300, 99); /* sent as a chain of two segments */
	bytes += 300;
	assert_true(test_eal_init("-l", "0", "--vdev",
				  vdev_args("net_pcap0,tx_pcap=%s", path("out.pcap")),
				  NULL) > 0);
	mp = pool("p", 255, 2048);
	start_port(0, 1, 1, mp);
	for (unsigned i = 0; i < 10; i++) {
		pkts[i] = cdk_pktmbuf_alloc(mp);
		assert_non_null(pkts[i]);
	}
	for (unsigned i = 0; i < 9; i++)
		memcpy(cdk_pktmbuf_append(pkts[i], (uint16_t)f.len[i]), f.data[i],
		       f.len[i]);
	tail = cdk_pktmbuf_alloc(mp);
	memcpy(cdk_pktmbuf_append(pkts[9], 200), f.data[9], 200);
	memcpy(cdk_pktmbuf_append(tail, 100), f.data[9] + 200, 100);
	assert_int_equal(cdk_pktmbuf_chain(pkts[9], tail), 0);

	assert_int_equal(cdk_eth_tx_burst(0, 0, pkts, 10), 10);
	assert_int_equal(cdk_mempool_in_use_count(mp), 0);
	assert_int_equal(cdk_eth_stats_get(0, &st), 0);
	assert_int_equal(st.opackets, 10);
	assert_int_equal(st.obytes, bytes);
	assert_int_equal(st.q_opackets[0], 10);
	assert_int_equal(st.oerrors, 0);
	/* stop alone makes the file complete */
	assert_int_equal(cdk_eth_dev_stop(0), 0);
	read_pcap(path("out.pcap"), &back);
	assert_frames_equal(&f, &back);
	assert_int_equal(cdk_eth_dev_close(0), 0);
	frames_free(&back);
	read_pcap(path("out.pcap"), &back);
	assert_frames_equal(&f, &back);
	frames_free(&back);
	frames_free(&f);
}

static void test_rx_only_port_drops_tx(void **state)
{
	struct frames f = { 0 };
	struct cdk_mbuf *pkts[4];
	struct cdk_eth_stats st;
	struct cdk_eth_dev_info info;
	struct cdk_mempool *mp;

	(void)state;
	frames_add(&f, 100, 1);
	write_pcap(path("in.pcap"), &f);
	assert_true(test_eal_init("-l", "0", "--vdev",
				  vdev_args("net_pcap0,rx_pcap=%s", path("in.pcap")),
				  NULL) > 0);
	assert_int_equal(cdk_eth_dev_info_get(0, &info), 0);
	assert_string_equal(info.driver_name, "net_pcap");
	assert_int_equal(info.max_rx_queues, 1);
	assert_int_equal(info.max_tx_queues, 1);
	mp = pool("p", 255, 2048);
	start_port(0, 1, 1, mp);
	assert_int_equal(cdk_eth_rx_burst(0, 0, pkts, 4), 1);
	pkts[1] = cdk_pktmbuf_alloc(mp);
	cdk_pktmbuf_append(pkts[1], 64);
	assert_int_equal(cdk_eth_tx_burst(0, 0, pkts, 2), 2);
	assert_int_equal(cdk_mempool_in_use_count(mp), 0);
	assert_int_equal(cdk_eth_stats_get(0, &st), 0);
	assert_int_equal(st.opackets, 2);
	assert_int_equal(st.obytes, 164);
	close_port(0);
	frames_free(&f);
}

static void test_infinite_rx_loops(void **state)
{
	struct frames f = { 0 };
	struct cdk_mbuf *pkts[32];
	struct cdk_eth_stats st;
	struct cdk_mempool *mp;
	unsigned seen = 0;

	(void)state;
	for (unsigned i = 0; i < 3; i++)
		frames_add(&f, 64 + i, i);
	write_pcap(path("in.pcap"), &f);
	assert_true(test_eal_init("-l", "0", "--vdev",
				  vdev_args("net_pcap0,rx_pcap=%s,infinite_rx=1",
					    path("in.pcap")), NULL) > 0);
	mp = pool("p", 255, 2048);
	start_port(0, 1, 1, mp);
	/* the three loaded packets stay out of the pool */
	assert_int_equal(cdk_mempool_in_use_count(mp), 3);
	for (int b = 0; b < 10; b++) {
		uint16_t n = cdk_eth_rx_burst(0, 0, pkts, 32);

		assert_int_equal(n, 32);
		for (uint16_t i = 0; i < n; i++, seen++)
			assert_mbuf_is(pkts[i], f.data[seen % 3], f.len[seen % 3]);
		cdk_pktmbuf_free_bulk(pkts, n);
	}
	assert_int_equal(cdk_mempool_in_use_count(mp), 3);
	assert_int_equal(cdk_eth_stats_get(0, &st), 0);
	assert_int_equal(st.ipackets, 320);
	/* a restart goes on replaying */
	assert_int_equal(cdk_eth_dev_stop(0), 0);
	assert_int_equal(cdk_eth_dev_start(0), 0);
	assert_int_equal(cdk_eth_rx_burst(0, 0, pkts, 32), 32);
	cdk_pktmbuf_free_bulk(pkts, 32);
	close_port(0);
	assert_int_equal(cdk_mempool_in_use_count(mp), 0);
	frames_free(&f);
}

static void test_infinite_rx_pool_too_small(void **state)
{
	struct frames f = { 0 };
	struct cdk_mempool *mp;

	(void)state;
	for (unsigned i = 0; i < 40; i++)
		frames_add(&f, 64, i);
	write_pcap(path("in.pcap"), &f);
	assert_true(test_eal_init("-l", "0", "--vdev",
				  vdev_args("net_pcap0,rx_pcap=%s,infinite_rx=1",
					    path("in.pcap")), NULL) > 0);
	mp = pool("p", 31, 2048);
	assert_int_equal(cdk_eth_dev_configure(0, 1, 1, &conf0), 0);
	assert_int_equal(cdk_eth_rx_queue_setup(0, 0, 64, 0, NULL, mp), 0);
	assert_int_equal(cdk_eth_tx_queue_setup(0, 0, 64, 0, NULL), 0);
	test_log_begin();
	assert_true(cdk_eth_dev_start(0) < 0);
	assert_non_null(strstr(test_log_end(), "too few mbufs"));
	assert_int_equal(cdk_mempool_in_use_count(mp), 0);
	frames_free(&f);
}

static void test_multiple_queues(void **state)
{
	struct frames a = { 0 }, b = { 0 }, back = { 0 };
	struct cdk_mbuf *pkts[8];
	struct cdk_eth_stats st;
	struct cdk_mempool *mp;

	(void)state;
	for (unsigned i = 0; i < 4; i++)
		frames_add(&a, 100 + i, i);
	for (unsigned i = 0; i < 6; i++)
		frames_add(&b, 200 + i, 50 + i);
	write_pcap(path("a.pcap"), &a);
	write_pcap(path("b.pcap"), &b);
	assert_true(test_eal_init("-l", "0", "--vdev",
				  vdev_args("net_pcap0,rx_pcap=%s,rx_pcap=%s,"
					    "tx_pcap=%s,tx_pcap=%s", path("a.pcap"),
					    path("b.pcap"), path("c.pcap"),
					    path("d.pcap")), NULL) > 0);
	mp = pool("p", 255, 2048);
	/* one queue per file given, no more */
	test_log_begin();
	assert_int_equal(cdk_eth_dev_configure(0, 3, 2, &conf0), -EINVAL);
	test_log_end();
	start_port(0, 2, 2, mp);
	assert_int_equal(rx_expect(0, 1, &b), 6);
	assert_int_equal(rx_expect(0, 0, &a), 4);
	assert_int_equal(cdk_eth_stats_get(0, &st), 0);
	assert_int_equal(st.q_ipackets[0], 4);
	assert_int_equal(st.q_ipackets[1], 6);
	assert_int_equal(st.ipackets, 10);

	/* tx queue 0 writes c, tx queue 1 writes d */
	for (unsigned i = 0; i < 3; i++) {
		pkts[i] = cdk_pktmbuf_alloc(mp);
		memcpy(cdk_pktmbuf_append(pkts[i], (uint16_t)b.len[i]), b.data[i],
		       b.len[i]);
	}
	assert_int_equal(cdk_eth_tx_burst(0, 1, pkts, 3), 3);
	close_port(0);
	read_pcap(path("c.pcap"), &back);
	assert_int_equal(back.n, 0);
	read_pcap(path("d.pcap"), &back);
	b.n = 3; /* compare the three sent */
	assert_frames_equal(&b, &back);
	b.n = 6;
	frames_free(&back);
	frames_free(&a);
	frames_free(&b);
}

static void test_jumbo_frame_chained(void **state)
{
	struct frames f = { 0 }, back = { 0 };
	struct cdk_mbuf *pkts[4];
	struct cdk_eth_stats st;
	struct cdk_mempool *mp;

	(void)state;
	frames_add(&f, 64, 1);
	frames_add(&f, JUMBO, 2);
	frames_add(&f, 513, 3);
	write_pcap(path("in.pcap"), &f);
	assert_true(test_eal_init("-l", "0", "--vdev",
				  vdev_args("net_pcap0,rx_pcap=%s,tx_pcap=%s",
					    path("in.pcap"), path("out.pcap")),
				  NULL) > 0);
	mp = pool("small", 255, 512);
	start_port(0, 1, 1, mp);
	assert_int_equal(cdk_eth_rx_burst(0, 0, pkts, 4), 3);
	assert_int_equal(pkts[0]->nb_segs, 1);
	assert_int_equal(pkts[1]->nb_segs, (JUMBO + 511) / 512);
	assert_int_equal(pkts[2]->nb_segs, 2);
	for (int i = 0; i < 3; i++)
		assert_mbuf_is(pkts[i], f.data[i], f.len[i]);
	/* and out again, whole */
	assert_int_equal(cdk_eth_tx_burst(0, 0, pkts, 3), 3);
	assert_int_equal(cdk_mempool_in_use_count(mp), 0);
	assert_int_equal(cdk_eth_stats_get(0, &st), 0);
	assert_int_equal(st.ibytes, 64 + JUMBO + 513);
	assert_int_equal(st.obytes, 64 + JUMBO + 513);
	close_port(0);
	read_pcap(path("out.pcap"), &back);
	assert_frames_equal(&f, &back);
	frames_free(&back);
	frames_free(&f);
}

static void test_jumbo_without_enough_mbufs_is_dropped(void **state)
{
	struct frames f = { 0 };
	struct cdk_mbuf *pkts[4];
	struct cdk_eth_stats st;
	struct cdk_mempool *mp;

	(void)state;
	frames_add(&f, JUMBO, 1);
	frames_add(&f, 100, 2);
	write_pcap(path("in.pcap"), &f);
	assert_true(test_eal_init("-l", "0", "--vdev",
				  vdev_args("net_pcap0,rx_pcap=%s", path("in.pcap")),
				  NULL) > 0);
	mp = pool("tiny", 8, 512); /* 8 x 512 bytes: no room for 9000 */
	start_port(0, 1, 1, mp);
	assert_int_equal(cdk_eth_rx_burst(0, 0, pkts, 4), 1);
	assert_mbuf_is(pkts[0], f.data[1], f.len[1]);
	cdk_pktmbuf_free(pkts[0]);
	assert_int_equal(cdk_mempool_in_use_count(mp), 0);
	assert_int_equal(cdk_eth_stats_get(0, &st), 0);
	assert_int_equal(st.ipackets, 1);
	assert_int_equal(st.ierrors, 1);
	close_port(0);
	frames_free(&f);
}

static void test_zero_length_frames_skipped(void **state)
{
	struct frames f = { 0 }, want = { 0 };
	struct cdk_eth_stats st;
	struct cdk_mempool *mp;

	(void)state;
	frames_add(&f, 80, 1);
	frames_add(&f, 0, 2);
	frames_add(&f, 90, 3);
	frames_add(&want, 80, 1);
	frames_add(&want, 90, 3);
	write_pcap(path("in.pcap"), &f);
	assert_true(test_eal_init("-l", "0", "--vdev",
				  vdev_args("net_pcap0,rx_pcap=%s", path("in.pcap")),
				  NULL) > 0);
	mp = pool("p", 255, 2048);
	start_port(0, 1, 1, mp);
	assert_int_equal(rx_expect(0, 0, &want), 2);
	assert_int_equal(cdk_eth_stats_get(0, &st), 0);
	assert_int_equal(st.ierrors, 1);
	close_port(0);
	frames_free(&f);
	frames_free(&want);
}

static void test_truncated_file_ends_cleanly(void **state)
{
	struct frames f = { 0 };
	struct cdk_mbuf *pkts[8];
	struct cdk_mempool *mp;

	(void)state;
	for (unsigned i = 0; i < 5; i++)
		frames_add(&f, 100, i);
	write_pcap(path("cut.pcap"), &f);
	/* header 24, records 16 + 100: cut in the middle of the third frame */
	assert_int_equal(truncate(path("cut.pcap"), 24 + 2 * 116 + 16 + 50), 0);
	assert_true(test_eal_init("-l", "0", "--vdev",
				  vdev_args("net_pcap0,rx_pcap=%s", path("cut.pcap")),
				  NULL) > 0);
	mp = pool("p", 255, 2048);
	start_port(0, 1, 1, mp);
	test_log_begin();
	assert_int_equal(rx_expect(0, 0, &f), 2);
	assert_non_null(strstr(test_log_end(), "ends early"));
	assert_int_equal(cdk_eth_rx_burst(0, 0, pkts, 8), 0);
	assert_int_equal(cdk_mempool_in_use_count(mp), 0);
	close_port(0);

	/* a record header cut short ends it as well */
	assert_int_equal(truncate(path("cut.pcap"), 24 + 116 + 7), 0);
	assert_int_equal(cdk_eal_cleanup(), 0);
	assert_true(test_eal_init("-l", "0", "--vdev",
				  vdev_args("net_pcap0,rx_pcap=%s", path("cut.pcap")),
				  NULL) > 0);
	mp = pool("p", 255, 2048);
	start_port(0, 1, 1, mp);
	test_log_begin();
	assert_int_equal(rx_expect(0, 0, &f), 1);
	test_log_end();
	close_port(0);
	frames_free(&f);
}

static void write_bytes(const char *file, const void *b, size_t n)
{
	FILE *fp = fopen(file, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(b, 1, n, fp), n);
	fclose(fp);
}

static void test_bad_files_fail_probe(void **state)
{
	static const uint8_t hdr[24] = { 0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0,
					 0, 0, 0, 0, 0, 0, 0, 0,
					 0xff, 0xff, 0, 0, 1, 0, 0, 0 };
	const char *cases[4];
	struct frames f = { 0 };

	(void)state;
	write_bytes(path("garbage.pcap"), "this is not a capture file, not at all\n", 40);
	write_bytes(path("empty.pcap"), "", 0);
	write_bytes(path("header_cut.pcap"), hdr, 10);
	cases[0] = path("missing.pcap");
	cases[1] = path("garbage.pcap");
	cases[2] = path("empty.pcap");
	cases[3] = path("header_cut.pcap");
	for (int i = 0; i < 4; i++) {
		const char *m;

		test_log_begin();
		assert_true(test_eal_init("-l", "0", "--vdev",
					  vdev_args("net_pcap0,rx_pcap=%s", cases[i]),
					  NULL) < 0);
		m = test_log_end();
		if (!strstr(m, "net_pcap0") || !strstr(m, cases[i]))
			fail_msg("no device or file named in '%s'", m);
		assert_false(cdk_eal_initialized());
	}
	/* an unwritable dump file too */
	test_log_begin();
	assert_true(test_eal_init("-l", "0", "--vdev",
				  vdev_args("net_pcap0,tx_pcap=%s/no/such/dir/out.pcap",
					    dir), NULL) < 0);
	assert_non_null(strstr(test_log_end(), "/no/such/dir/out.pcap"));
	/* infinite_rx with a file holding nothing to replay fails at start */
	write_pcap(path("none.pcap"), &f);
	assert_true(test_eal_init("-l", "0", "--vdev",
				  vdev_args("net_pcap0,rx_pcap=%s,infinite_rx=1",
					    path("none.pcap")), NULL) > 0);
	assert_int_equal(cdk_eth_dev_configure(0, 1, 1, &conf0), 0);
	assert_int_equal(cdk_eth_rx_queue_setup(0, 0, 64, 0, NULL,
						pool("p", 63, 2048)), 0);
	assert_int_equal(cdk_eth_tx_queue_setup(0, 0, 64, 0, NULL), 0);
	test_log_begin();
	assert_true(cdk_eth_dev_start(0) < 0);
	assert_non_null(strstr(test_log_end(), "no packet"));
}

static void test_bad_devargs(void **state)
{
	struct {
		const char *args, *says;
	} bad[] = {
		{ "net_pcap0,rx_pcap=%s,bogus=1", "bogus" },
		{ "net_pcap0", "rx_pcap" },
		{ "net_pcap0,rx_pcap=", "rx_pcap" },
		{ "net_pcap0,rx_pcap=%s,phy_mac=1", "phy_mac" },
		{ "net_pcap0,tx_pcap=%s,infinite_rx=1", "infinite_rx" },
		{ "net_pcap0,rx_pcap=%s,infinite_rx=2", "infinite_rx" },
		{ "net_pcap0,iface=lo,rx_pcap=%s", "iface" },
		{ "net_pcap0,iface=lo,iface=lo", "iface" },
		{ "net_pcap0,iface=capdk_no_such_if", "capdk_no_such_if" },
	};
	struct frames f = { 0 };

	(void)state;
	frames_add(&f, 64, 1);
	write_pcap(path("in.pcap"), &f);
	for (size_t i = 0; i < CDK_DIM(bad); i++) {
		const char *m;

		test_log_begin();
		assert_true(test_eal_init("-l", "0", "--vdev",
					  vdev_args(bad[i].args, path("in.pcap")),
					  NULL) < 0);
		m = test_log_end();
		if (!strstr(m, "net_pcap0") || !strstr(m, bad[i].says))
			fail_msg("'%s': no device or '%s' in '%s'", vdev,
				 bad[i].says, m);
		assert_false(cdk_eal_initialized());
	}
	frames_free(&f);
}

/* ---- live interfaces ---- */

static int sh(const char *cmd)
{
	char buf[256];

	snprintf(buf, sizeof(buf), "%s >/dev/null 2>&1", cmd);
	return system(buf);
}

/* A private network namespace holding veth0 <-> veth1, or why not. */
static const char *make_veth_netns(void)
{
	if (geteuid() != 0)
		return "not root: cannot create a network namespace";
	if (unshare(CLONE_NEWNET) != 0)
		return "unshare(CLONE_NEWNET) refused (no namespaces here)";
	if (sh("ip link add veth0 type veth peer name veth1") != 0)
		return "cannot create a veth pair (no veth support?)";
	/* IPv6 would put its own neighbour discovery on the wire. */
	sh("sysctl -w net.ipv6.conf.all.disable_ipv6=1");
	sh("sysctl -w net.ipv6.conf.default.disable_ipv6=1");
	if (sh("ip link set veth0 up") != 0 || sh("ip link set veth1 up") != 0)
		return "cannot bring the veth pair up";
	return NULL;
}

/* From the kernel (sysfs still shows the namespace it was mounted in). */
static void read_mac(const char *ifname, uint8_t mac[6])
{
	struct ifreq ifr;
	int fd = socket(AF_INET, SOCK_DGRAM, 0);

	assert_true(fd >= 0);
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", ifname);
	assert_int_equal(ioctl(fd, SIOCGIFHWADDR, &ifr), 0);
	memcpy(mac, ifr.ifr_hwaddr.sa_data, 6);
	close(fd);
}

/* Frames of our ethertype received on port within a second, in order. */
static unsigned live_collect(uint16_t port, const struct frames *f)
{
	uint64_t end = cdk_get_tsc_cycles() + cdk_get_tsc_hz();
	struct cdk_mbuf *pkts[8];
	unsigned got = 0;

	while (got < f->n && cdk_get_tsc_cycles() < end) {
		uint16_t n = cdk_eth_rx_burst(port, 0, pkts, 8);

		for (uint16_t i = 0; i < n; i++) {
			const uint8_t *d = cdk_pktmbuf_mtod(pkts[i], const uint8_t *);

			if (pkts[i]->pkt_len >= 14 && d[12] == 0x88 && d[13] == 0xb5) {
				assert_true(got < f->n);
				assert_mbuf_is(pkts[i], f->data[got], f->len[got]);
				got++;
			}
		}
		cdk_pktmbuf_free_bulk(pkts, n);
	}
	return got;
}

static void live_send(uint16_t port, struct cdk_mempool *mp,
		      const struct frames *f)
{
	for (unsigned i = 0; i < f->n; i++) {
		struct cdk_mbuf *m = cdk_pktmbuf_alloc(mp);

		memcpy(cdk_pktmbuf_append(m, (uint16_t)f->len[i]), f->data[i],
		       f->len[i]);
		assert_int_equal(cdk_eth_tx_burst(port, 0, &m, 1), 1);
	}
}

static void test_live_veth_pair(void **state)
{
	const char *why = make_veth_netns();
	struct frames f = { 0 }, g = { 0 };
	struct cdk_ether_addr mac;
	struct cdk_eth_stats st;
	struct cdk_mempool *mp;
	uint8_t want[6];

	(void)state;
	if (why)
		TEST_SKIP(why);
	for (unsigned i = 0; i < 8; i++)
		frames_add(&f, 60 + i * 100, i);
	for (unsigned i = 0; i < 5; i++)
		frames_add(&g, 1514 - i, 100 + i);
	assert_true(test_eal_init("-l", "0", "--vdev", "net_pcap0,iface=veth0,phy_mac=1",
				  "--vdev", "net_pcap1,rx_iface=veth1,tx_iface=veth1",
				  NULL) > 0);
	read_mac("veth0", want);
	assert_int_equal(cdk_eth_macaddr_get(0, &mac), 0);
	assert_memory_equal(mac.addr_bytes, want, 6);
	mp = pool("p", 511, 2048);
	start_port(0, 1, 1, mp);
	start_port(1, 1, 1, mp);

	live_send(0, mp, &f);
	assert_int_equal(live_collect(1, &f), f.n);
	live_send(1, mp, &g);
	/* iface= captures inbound only: port 0 sees g, not its own f */
	assert_int_equal(live_collect(0, &g), g.n);
	assert_int_equal(cdk_eth_stats_get(0, &st), 0);
	assert_int_equal(st.opackets, f.n);
	assert_true(st.ipackets >= g.n);
	close_port(0);
	close_port(1);
	assert_int_equal(cdk_mempool_in_use_count(mp), 0);
	frames_free(&f);
	frames_free(&g);
}

static int group_setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/capdk-pcap-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int group_teardown(void **state)
{
	char cmd[96];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_rx_file_byte_exact, teardown),
		cmocka_unit_test_teardown(test_restart_reads_from_start, teardown),
		cmocka_unit_test_teardown(test_tx_file_read_back, teardown),
		cmocka_unit_test_teardown(test_rx_only_port_drops_tx, teardown),
		cmocka_unit_test_teardown(test_infinite_rx_loops, teardown),
		cmocka_unit_test_teardown(test_infinite_rx_pool_too_small, teardown),
		cmocka_unit_test_teardown(test_multiple_queues, teardown),
		cmocka_unit_test_teardown(test_jumbo_frame_chained, teardown),
		cmocka_unit_test_teardown(test_jumbo_without_enough_mbufs_is_dropped,
					  teardown),
		cmocka_unit_test_teardown(test_zero_length_frames_skipped, teardown),
		cmocka_unit_test_teardown(test_truncated_file_ends_cleanly, teardown),
		cmocka_unit_test_teardown(test_bad_files_fail_probe, teardown),
		cmocka_unit_test_teardown(test_bad_devargs, teardown),
		/* last: it leaves the process in its own network namespace */
		cmocka_unit_test_teardown(test_live_veth_pair, teardown),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
