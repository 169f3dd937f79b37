/*
 * Hostile mode: the model misbehaves on purpose so that drivers can be
 * tested against a malicious or broken device. Each mode must do exactly
 * what it says, observably.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include <cmocka.h>

#include "test_sim_common.h"

static const uint8_t mac_a[6] = {0x02, 0x00, 0x00, 0x00, 0x03, 0x0a};
static const uint8_t mac_b[6] = {0x02, 0x00, 0x00, 0x00, 0x03, 0x0b};

static void rx_nic(struct t_nic *t, uint32_t hostile)
{
	struct cdk_sim_opts o = {.hostile = hostile, .seed = 42};

	assert_int_equal(t_open(t, CDK_SIM_82540EM, mac_b, &o), 0);
	t_rx_setup(t, 0, 16, 2048, 0);
	t_enable(t, 0, 2048);
	assert_int_equal(cdk_sim_get_hostile(t->dev), hostile);
}

static void inject(struct t_nic *t, size_t len, unsigned seq)
{
	uint8_t f[2048];

	t_frame(f, mac_b, mac_a, len, seq);
	assert_int_equal(cdk_sim_inject(t->dev, f, len), 0);
}

static void test_bad_len(void **state)
{
	struct cdk_sim_stats st;
	struct t_nic t;

	rx_nic(&t, CDK_SIM_HOSTILE_BAD_LEN);
	inject(&t, 100, 0);
	assert_true(T_WAIT(t_rx_dd(&t.rx[0], 0)));
	/* The written-back length claims more than the buffer holds. */
	assert_true(t_rx_len(&t.rx[0], 0) > 2048);
	cdk_sim_stats_get(t.dev, &st);
	assert_true(st.hostile_events >= 1);
	/* Switched off, lengths are true again. */
	cdk_sim_set_hostile(t.dev, 0);
	inject(&t, 100, 1);
	assert_true(T_WAIT(t_rx_dd(&t.rx[0], 1)));
	assert_int_equal(t_rx_len(&t.rx[0], 1), 100);
	t_close(&t);
}

static void test_flip_status(void **state)
{
	struct t_nic t;
	int odd = 0;

	rx_nic(&t, CDK_SIM_HOSTILE_FLIP_STATUS);
	for (unsigned i = 0; i < 12; i++) {
		inject(&t, 80, i);
		assert_true(T_WAIT(t_rx_dd(&t.rx[0], i)));
		/* DD stays set so the driver sees the descriptor; the other
		 * status bits and the error byte are noise. */
		if (t.rx[0].ring[16 * i + 12] != (E1000_RXD_STAT_DD |
						  E1000_RXD_STAT_EOP) ||
		    t.rx[0].ring[16 * i + 13])
			odd++;
	}
	assert_true(odd >= 6);
	t_close(&t);
}

static void test_out_of_order(void **state)
{
	uint8_t f0[90], f1[90];
	struct t_nic t;
	struct t_queue *r;

	rx_nic(&t, CDK_SIM_HOSTILE_OUT_OF_ORDER);
	r = &t.rx[0];
	cdk_sim_pause(t.dev);
	inject(&t, 90, 0);
	inject(&t, 90, 1);
	cdk_sim_resume(t.dev);
	assert_true(T_WAIT(t_rd(&t, E1000_RDH(0)) == 2));
	assert_true(t_rx_dd(r, 0) && t_rx_dd(r, 1));
	/* The first frame went to the second descriptor and vice versa. */
	t_frame(f0, mac_b, mac_a, 90, 0);
	t_frame(f1, mac_b, mac_a, 90, 1);
	assert_memory_equal(r->bufs, f1, 90);
	assert_memory_equal(r->bufs + r->bufsize, f0, 90);
	t_close(&t);
}

static void test_ghost_dd(void **state)
{
	struct t_nic t;
	struct t_queue *r;

	rx_nic(&t, CDK_SIM_HOSTILE_GHOST_DD);
	r = &t.rx[0];
	/* Give only descriptors 0-3; descriptor 4 was never posted. */
	t_wr(&t, E1000_RDT(0), 4);
	assert_false(t_rx_dd(r, 4));
	inject(&t, 64, 0);
	assert_true(T_WAIT(t_rx_dd(r, 0)));
	assert_true(T_WAIT(t_rx_dd(r, 4)));
	assert_int_equal(t_rd(&t, E1000_RDH(0)), 1);
	t_close(&t);
}

static void test_bad_head(void **state)
{
	struct t_nic t;

	rx_nic(&t, CDK_SIM_HOSTILE_BAD_HEAD);
	/* 16 descriptors: a sane head is below 16. */
	assert_true(t_rd(&t, E1000_RDH(0)) >= 16);
	t_wr(&t, E1000_TDLEN(0), 8 * 16);
	assert_true(t_rd(&t, E1000_TDH(0)) >= 8);
	cdk_sim_set_hostile(t.dev, 0);
	assert_int_equal(t_rd(&t, E1000_RDH(0)), 0);
	t_close(&t);
}

static void test_hostile_flags_masked(void **state)
{
	struct t_nic t;

	rx_nic(&t, 0);
	cdk_sim_set_hostile(t.dev, 0xffffffffu);
	assert_int_equal(cdk_sim_get_hostile(t.dev), CDK_SIM_HOSTILE_ALL);
	t_close(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_len),
		cmocka_unit_test(test_flip_status),
		cmocka_unit_test(test_out_of_order),
		cmocka_unit_test(test_ghost_dd),
		cmocka_unit_test(test_bad_head),
		cmocka_unit_test(test_hostile_flags_masked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
