/*
 * Device-model cost: packets per second through a back-to-back pair of
 * models driven directly (no PMD): one thread fills A's tx ring and drains
 * B's rx ring; the two engine threads do the rest. Prints "name value unit".
 */
#include <stdio.h>

#include "tests/unit/test_sim_common.h"

#define BENCH_RING 1024
#define BENCH_BATCH 32
#define BENCH_MS 1500

static const uint8_t mac_a[6] = {0x02, 0, 0, 0, 0x09, 0x0a};
static const uint8_t mac_b[6] = {0x02, 0, 0, 0, 0x09, 0x0b};

struct bench {
	struct t_nic a, b;
	int adv;
	unsigned tx_clean; /* next descriptor whose completion we await */
	uint64_t rx, tx;
};

static int bench_open(struct bench *s, enum cdk_sim_kind kind)
{
	memset(s, 0, sizeof(*s));
	if (t_open(&s->a, kind, mac_a, NULL) || t_open(&s->b, kind, mac_b, NULL) ||
	    cdk_sim_connect(s->a.dev, s->b.dev))
		return -1;
	s->adv = kind == CDK_SIM_82576;
	t_tx_setup(&s->a, 0, BENCH_RING);
	t_rx_setup(&s->b, 0, BENCH_RING, 2048, s->adv);
	t_enable(&s->a, 0, 2048);
	t_enable(&s->b, 0, 2048);
	return 0;
}

/* Queue a batch when a batch of room is free; RS on the batch's last. */
static void bench_tx(struct bench *s, const uint8_t *f, size_t len)
{
	struct t_queue *r = &s->a.tx[0];
	unsigned used = (r->tail + r->n - s->tx_clean) % r->n;

	if (used && t_tx_dd(&s->a, 0, (s->tx_clean + BENCH_BATCH - 1) % r->n)) {
		s->tx_clean = (s->tx_clean + BENCH_BATCH) % r->n;
		used -= BENCH_BATCH;
	}
	if (used + BENCH_BATCH >= r->n)
		return;
	for (unsigned k = 0; k < BENCH_BATCH; k++) {
		unsigned i = r->tail;

		r->ring[16 * i + 12] = 0;
		t_tx_put(&s->a, 0, f, len, k == BENCH_BATCH - 1, s->adv,
			 k == BENCH_BATCH - 1);
	}
	s->tx += BENCH_BATCH;
}

static void bench_rx(struct bench *s)
{
	struct t_queue *r = &s->b.rx[0];
	unsigned n = 0;

	while (n < BENCH_BATCH && t_rx_dd(r, r->next)) {
		t_rx_arm(r, r->next);
		r->tail = r->next;
		r->next = (r->next + 1) % r->n;
		n++;
	}
	if (n)
		t_wr(&s->b, t_rxreg(&s->b, 0, 0x2818), r->tail);
	s->rx += n;
}

static void bench_run(const char *name, enum cdk_sim_kind kind, size_t len)
{
	struct bench s;
	uint8_t f[1514];
	uint64_t t0, t1;
	struct cdk_sim_stats st;

	if (bench_open(&s, kind)) {
		fprintf(stderr, "%s: cannot set up the pair\n", name);
		return;
	}
	t_frame(f, mac_b, mac_a, len, 0);
	t0 = t_now_ms();
	while ((t1 = t_now_ms()) - t0 < BENCH_MS) {
		bench_tx(&s, f, len);
		bench_rx(&s);
	}
	cdk_sim_stats_get(s.b.dev, &st);
	printf("%s %.3f Mpps\n", name, (double)s.rx / (double)(t1 - t0) / 1000.0);
	printf("%s_missed %.1f %%\n", name,
	       s.tx ? 100.0 * (double)st.rx_missed / (double)s.tx : 0.0);
	t_close(&s.a);
	t_close(&s.b);
}

int main(void)
{
	bench_run("sim_e1000_b2b_64B", CDK_SIM_82540EM, 60);
	bench_run("sim_e1000_b2b_1514B", CDK_SIM_82540EM, 1514);
	bench_run("sim_igb_b2b_64B", CDK_SIM_82576, 60);
	return 0;
}
