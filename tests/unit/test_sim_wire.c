/*
 * Wires of the device models: pcap files (tx readable by libpcap, rx
 * replayed, looped), loopback, tap, live interface (veth in a private
 * network namespace), and the rx packet buffer's overflow.
 */
#include <errno.h>
#include <sched.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <pcap/pcap.h>

#include "test_sim_common.h"

static const uint8_t mac_a[6] = {0x02, 0x00, 0x00, 0x00, 0x02, 0x0a};
static const uint8_t mac_b[6] = {0x02, 0x00, 0x00, 0x00, 0x02, 0x0b};

static void nic_up(struct t_nic *t, const uint8_t *mac)
{
	assert_int_equal(t_open(t, CDK_SIM_82540EM, mac, NULL), 0);
	t_tx_setup(t, 0, 32);
	t_rx_setup(t, 0, 32, 2048, 0);
	t_enable(t, 0, 2048);
}

static void tmp_path(char *buf, size_t n, const char *what)
{
	snprintf(buf, n, "/tmp/cdk_sim_%s_%d.pcap", what, (int)getpid());
}

static void test_pcap_tx_readable(void **state)
{
	static const size_t lens[3] = {60, 333, 1514};
	char path[128], err[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr *h;
	const u_char *data;
	uint8_t f[1514];
	struct t_nic t;
	pcap_t *p;

	tmp_path(path, sizeof(path), "tx");
	nic_up(&t, mac_a);
	assert_int_equal(cdk_sim_wire_pcap(t.dev, NULL, path, 0), 0);
	assert_string_equal(cdk_sim_wire_name(t.dev), "pcap");
	assert_true(t_rd(&t, E1000_STATUS) & E1000_STATUS_LU);
	for (unsigned i = 0; i < 3; i++) {
		t_frame(f, mac_b, mac_a, lens[i], i);
		t_tx_put(&t, 0, f, lens[i], 1, 0, 1);
	}
	assert_int_equal(cdk_sim_quiesce(t.dev, T_TIMEOUT_MS), 0);
	cdk_sim_disconnect(t.dev); /* closes the file */
	p = pcap_open_offline(path, err);
	assert_non_null(p);
	assert_int_equal(pcap_datalink(p), DLT_EN10MB);
	for (unsigned i = 0; i < 3; i++) {
		assert_int_equal(pcap_next_ex(p, &h, &data), 1);
		assert_int_equal(h->caplen, lens[i]);
		t_frame(f, mac_b, mac_a, lens[i], i);
		assert_memory_equal(data, f, lens[i]);
	}
	assert_int_equal(pcap_next_ex(p, &h, &data), PCAP_ERROR_BREAK);
	pcap_close(p);
	unlink(path);
	t_close(&t);
}

static void write_pcap(const char *path, unsigned n)
{
	pcap_t *dead = pcap_open_dead(DLT_EN10MB, 65535);
	pcap_dumper_t *d = pcap_dump_open(dead, path);
	uint8_t f[200];

	assert_non_null(d);
	for (unsigned i = 0; i < n; i++) {
		struct pcap_pkthdr h = {.caplen = 100 + i, .len = 100 + i};

		t_frame(f, mac_b, mac_a, 100 + i, i);
		pcap_dump((u_char *)d, &h, f);
	}
	pcap_dump_close(d);
	pcap_close(dead);
}

static void test_pcap_rx_once_and_loop(void **state)
{
	char path[128];
	uint8_t f[200], g[2048];
	struct t_nic t;

	tmp_path(path, sizeof(path), "rx");
	write_pcap(path, 4);
	for (int loop = 0; loop <= 1; loop++) {
		nic_up(&t, mac_b);
		assert_int_equal(cdk_sim_wire_pcap(t.dev, path, NULL, loop), 0);
		for (unsigned i = 0; i < (loop ? 10u : 4u); i++) {
			t_frame(f, mac_b, mac_a, 100 + i % 4, i % 4);
			assert_int_equal(t_rx(&t, 0, g, sizeof(g)), 100 + i % 4);
			assert_memory_equal(f, g, 100 + i % 4);
		}
		if (!loop) {
			assert_int_equal(cdk_sim_quiesce(t.dev, T_TIMEOUT_MS), 0);
			assert_false(t_rx_dd(&t.rx[0], t.rx[0].next));
		}
		t_close(&t);
	}
	/* A missing file is refused and leaves the port unplugged. */
	nic_up(&t, mac_b);
	assert_true(cdk_sim_wire_pcap(t.dev, "/nonexistent/x.pcap", NULL, 0) < 0);
	assert_string_equal(cdk_sim_wire_name(t.dev), "none");
	t_close(&t);
	unlink(path);
}

static void test_loopback(void **state)
{
	uint8_t f[300], g[2048];
	struct t_nic t;

	nic_up(&t, mac_a);
	assert_int_equal(cdk_sim_wire_loopback(t.dev), 0);
	assert_int_equal(cdk_sim_wire_loopback(t.dev), -EBUSY);
	t_frame(f, mac_a, mac_a, sizeof(f), 7);
	t_tx_put(&t, 0, f, sizeof(f), 1, 0, 1);
	assert_int_equal(t_rx(&t, 0, g, sizeof(g)), sizeof(f));
	assert_memory_equal(f, g, sizeof(f));
	t_close(&t);
}

struct tap_seen {
	int n;
	size_t len;
	uint8_t last[2048];
};

static void tap_fn(void *arg, const void *frame, size_t len)
{
	struct tap_seen *s = arg;

	memcpy(s->last, frame, len < sizeof(s->last) ? len : sizeof(s->last));
	s->len = len;
	__atomic_fetch_add(&s->n, 1, __ATOMIC_RELEASE);
}

static void test_tap(void **state)
{
	static struct tap_seen seen;
	uint8_t f[128];
	struct t_nic t;

	nic_up(&t, mac_a);
	assert_int_equal(cdk_sim_wire_tap(t.dev, tap_fn, &seen), 0);
	t_frame(f, mac_b, mac_a, sizeof(f), 1);
	t_tx_put(&t, 0, f, sizeof(f), 1, 0, 1);
	assert_true(T_WAIT(__atomic_load_n(&seen.n, __ATOMIC_ACQUIRE) == 1));
	assert_int_equal(seen.len, sizeof(f));
	assert_memory_equal(seen.last, f, sizeof(f));
	t_close(&t);
}

static void test_fifo_overflow(void **state)
{
	struct cdk_sim_opts o = {.rx_fifo_bytes = 1000};
	struct cdk_sim_stats st;
	uint8_t f[400];
	struct t_nic t;

	assert_int_equal(t_open(&t, CDK_SIM_82540EM, mac_b, &o), 0);
	/* Receiver not set up: frames wait, then overflow the buffer. */
	cdk_sim_pause(t.dev);
	t_frame(f, mac_b, mac_a, sizeof(f), 0);
	assert_int_equal(cdk_sim_inject(t.dev, f, sizeof(f)), 0);
	assert_int_equal(cdk_sim_inject(t.dev, f, sizeof(f)), 0);
	assert_int_equal(cdk_sim_inject(t.dev, f, sizeof(f)), -ENOBUFS);
	cdk_sim_stats_get(t.dev, &st);
	assert_int_equal(st.rx_missed, 1);
	cdk_sim_resume(t.dev);
	assert_true(T_WAIT(cdk_sim_reg_peek(t.dev, E1000_MPC) == 1));
	assert_int_equal(cdk_sim_inject(t.dev, f, 0), -EINVAL);
	t_close(&t);
}

/* The live wire, in a child with a network namespace of its own so that
 * the host's interfaces are never touched. Exit status 0 pass, 77 skip. */
static int live_child(void)
{
	char err[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr *h;
	const u_char *data;
	uint8_t f[100], g[2048];
	struct t_nic t;
	pcap_t *peer;
	int rc;

	if (unshare(CLONE_NEWNET) ||
	    system("ip link add vsim0 type veth peer name vsim1 2>/dev/null &&"
		   " ip link set vsim0 up && ip link set vsim1 up"))
		return 77;
	if (t_open(&t, CDK_SIM_82540EM, mac_a, NULL))
		return 1;
	t_tx_setup(&t, 0, 16);
	t_rx_setup(&t, 0, 16, 2048, 0);
	t_enable(&t, 0, 2048);
	if (cdk_sim_wire_live(t.dev, "vsim0"))
		return 2;
	peer = pcap_open_live("vsim1", 65535, 1, 10, err);
	if (!peer)
		return 3;
	/* Model to interface. */
	t_frame(f, mac_b, mac_a, sizeof(f), 1);
	t_tx_put(&t, 0, f, sizeof(f), 1, 0, 1);
	rc = 4;
	for (uint64_t end = t_now_ms() + T_TIMEOUT_MS; t_now_ms() < end;) {
		if (pcap_next_ex(peer, &h, &data) == 1 && h->caplen == sizeof(f) &&
		    !memcmp(data, f, sizeof(f))) {
			rc = 0;
			break;
		}
	}
	/* Interface to model. */
	t_frame(f, mac_a, mac_b, sizeof(f), 2);
	if (!rc && pcap_inject(peer, f, sizeof(f)) != (int)sizeof(f))
		rc = 5;
	if (!rc && (t_rx(&t, 0, g, sizeof(g)) != (int)sizeof(f) ||
		    memcmp(f, g, sizeof(f))))
		rc = 6;
	pcap_close(peer);
	t_close(&t);
	return rc;
}

static void test_live_veth(void **state)
{
	int status;
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0)
		_exit(live_child());
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	if (WEXITSTATUS(status) == 77) {
		printf("SKIP: test_live_veth: no network namespace / veth here\n");
		skip();
	}
	assert_int_equal(WEXITSTATUS(status), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pcap_tx_readable),
		cmocka_unit_test(test_pcap_rx_once_and_loop),
		cmocka_unit_test(test_loopback),
		cmocka_unit_test(test_tap),
		cmocka_unit_test(test_fifo_overflow),
		cmocka_unit_test(test_live_veth),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
