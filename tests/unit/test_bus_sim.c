/* The sim bus: models from EAL arguments, as PCI functions behind trapped
 * capabilities; bad arguments are clear errors that leave nothing behind. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cdk_eal.h"
#include "cdk_sim_bus.h"
#include "test_util.h"

static int teardown(void **state)
{
	(void)state;
	if (cdk_eal_initialized())
		cdk_eal_cleanup();
	return 0;
}

static void test_two_models_back_to_back(void **state)
{
	struct cdk_sim_dev *a, *b;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	(void)state;
	assert_true(test_eal_init("-l", "0", "--vdev", "sim0,model=82540em",
				  "--vdev", "sim1,model=82574l,peer=sim0,mac=02:aa:00:00:00:01",
				  NULL) > 0);
	a = cdk_sim_bus_model("sim0");
	b = cdk_sim_bus_model("sim1");
	assert_non_null(a);
	assert_non_null(b);
	assert_null(cdk_sim_bus_model("sim2"));
	assert_int_equal(cdk_sim_kind_of(b), CDK_SIM_82574L);
	assert_string_equal(cdk_sim_wire_name(a), "b2b");
	/* the bus turned bus mastering on, as the kernel's uio/vfio path does */
	assert_true(cdk_sim_pci_cfg_read(a, CDK_SIM_PCI_COMMAND, 2) & CDK_SIM_PCI_CMD_MASTER);
	/* the MAC given, and the default 02:00:00:00:00:<N> (RAL0/RAH0) */
	assert_int_equal(cdk_sim_reg_peek(b, 0x5400), 0x0000aa02);
	assert_int_equal(cdk_sim_reg_peek(a, 0x5404) & 0xffff, 0x0000);
	assert_int_equal(cdk_sim_reg_peek(a, 0x5400), 0x00000002);
	/* each BAR is a trapped root the EAL holds */
	f = open_memstream(&buf, &len);
	cdk_cap_report(f, "eal/sim");
	fclose(f);
	assert_int_equal(test_count(buf, "BAR0"), 2);
	assert_non_null(strstr(buf, "[0x0, +131072) RW+"));
	free(buf);
}

static void test_models_go_with_cleanup(void **state)
{
	(void)state;
	for (int i = 0; i < 3; i++) {
		assert_true(test_eal_init("-l", "0", "--vdev", "sim0,model=82576,loopback=1",
					  NULL) > 0);
		assert_non_null(cdk_sim_bus_model("sim0"));
		assert_string_equal(cdk_sim_wire_name(cdk_sim_bus_model("sim0")), "loopback");
		assert_int_equal(cdk_eal_cleanup(), 0);
		assert_null(cdk_sim_bus_model("sim0"));
	}
}

static void test_bad_arguments(void **state)
{
	static const struct {
		const char *a, *b, *needle;
	} bad[] = {
		{ "sim0", NULL, "model=(missing)" },
		{ "sim0,model=82599", NULL, "model=82599" },
		{ "sim0,model=82540em,mac=01:00:00:00:00:01", NULL, "mac=01:00" },
		{ "sim0,model=82540em,mac=zz", NULL, "mac=zz" },
		{ "sim0,model=82540em,peer=sim7", NULL, "peer=sim7" },
		{ "sim0,model=82540em,loopback=1,peer=sim0", NULL, "give one wire" },
		{ "sim0,model=82540em,hostile=4096", NULL, "hostile=4096" },
		{ "sim0,model=82540em,speed=1", NULL, "unknown device argument 'speed'" },
		{ "sim0,model=82540em,trace=/nonexistent/dir/t", NULL, "trace=" },
		{ "sim0,model=82540em", "sim1,model=82540em,peer=sim0,rx_pcap=/nonexistent.pcap",
		  "sim1" },
	};

	(void)state;
	for (size_t i = 0; i < CDK_DIM(bad); i++) {
		test_log_begin();
		int rc = bad[i].b ? test_eal_init("-l", "0", "--vdev", bad[i].a, "--vdev",
						  bad[i].b, NULL)
				  : test_eal_init("-l", "0", "--vdev", bad[i].a, NULL);
		const char *m = test_log_end();
		if (rc >= 0 || strstr(m, bad[i].needle) == NULL)
			fail_msg("'%s': rc %d, log '%s' lacks '%s'", bad[i].a, rc, m,
				 bad[i].needle);
		assert_false(cdk_eal_initialized());
		assert_null(cdk_sim_bus_model("sim0"));
	}
	assert_true(test_eal_init("-l", "0", "--vdev", "sim0,model=82540em", NULL) > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_two_models_back_to_back, teardown),
		cmocka_unit_test_teardown(test_models_go_with_cleanup, teardown),
		cmocka_unit_test_teardown(test_bad_arguments, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
