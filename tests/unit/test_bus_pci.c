/* The PCI bus against a fake sysfs tree: binding checks, -a/-b, BAR0 as a
 * root capability, bus mastering, IOVA mode. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cdk_eal.h"
#include "cdk_pmd.h"
#include "test_util.h"

static char root[64];
static struct cdk_device *probed[4];
static int n_probed;
static uint32_t status_seen;

static const struct cdk_pci_id fake_ids[] = { { 0x8086, 0x1234 }, { 0, 0 } };
static const struct cdk_pmd_manifest fake_manifest = { .bar_len = 0x1000 };

static int fake_probe(struct cdk_device *d)
{
	probed[n_probed++] = d;
	/* the control slice reaches BAR0: read "STATUS" at 0x8 */
	return cdk_cap_read32(&d->ctrl, 8, &status_seen);
}

static int fake_remove(struct cdk_device *d)
{
	(void)d;
	n_probed--;
	return 0;
}

static struct cdk_pmd_driver fake_pci_driver = {
	.name = "net_fake_pci",
	.kind = CDK_DEV_PCI,
	.id_table = fake_ids,
	.manifest = &fake_manifest,
	.probe = fake_probe,
	.remove = fake_remove,
};
CDK_PMD_REGISTER(fake_pci_driver)

static void write_file(const char *dir, const char *name, const char *text)
{
	char p[256];
	FILE *f;

	snprintf(p, sizeof(p), "%s/%s", dir, name);
	f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* A function at addr with id, bound to drv (NULL: unbound). */
static void add_function(const char *addr, const char *device, const char *drv)
{
	char dir[128], p[256], target[128];
	uint8_t cfg[256] = { 0x86, 0x80 };
	uint32_t bar[0x1000 / 4] = { 0 };
	FILE *f;

	snprintf(dir, sizeof(dir), "%s/%s", root, addr);
	mkdir(dir, 0755);
	write_file(dir, "vendor", "0x8086\n");
	write_file(dir, "device", device);
	write_file(dir, "numa_node", "-1\n");
	snprintf(p, sizeof(p), "%s/config", dir);
	f = fopen(p, "w");
	fwrite(cfg, 1, sizeof(cfg), f);
	fclose(f);
	bar[2] = 0x80080783; /* STATUS */
	snprintf(p, sizeof(p), "%s/resource0", dir);
	f = fopen(p, "w");
	fwrite(bar, 1, sizeof(bar), f);
	fclose(f);
	if (drv) {
		snprintf(target, sizeof(target), "../../../bus/pci/drivers/%s", drv);
		snprintf(p, sizeof(p), "%s/driver", dir);
		assert_int_equal(symlink(target, p), 0);
	}
}

static int setup(void **state)
{
	(void)state;
	strcpy(root, "/tmp/capdk-sysfs-XXXXXX");
	if (mkdtemp(root) == NULL)
		return -1;
	setenv("CDK_PCI_SYSFS", root, 1);
	n_probed = 0;
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	if (cdk_eal_initialized())
		cdk_eal_cleanup();
	snprintf(cmd, sizeof(cmd), "rm -rf %s", root);
	assert_int_equal(system(cmd), 0);
	unsetenv("CDK_PCI_SYSFS");
	return 0;
}

static int init_pci(const char *extra1, const char *extra2)
{
	char *argv[] = { "t", "--no-huge", "-m", "16", "-l", "0", "--log-level=warning",
			 (char *)extra1, (char *)extra2, NULL };
	int argc = 7 + (extra1 != NULL) + (extra2 != NULL);

	return cdk_eal_init(argc, argv);
}

static uint16_t config_command(const char *addr)
{
	char p[256];
	uint16_t cmd = 0;
	int fd;

	snprintf(p, sizeof(p), "%s/%s/config", root, addr);
	fd = open(p, O_RDONLY);
	assert_int_equal(pread(fd, &cmd, 2, 4), 2);
	close(fd);
	return cmd;
}

static void test_uio_function_is_probed(void **state)
{
	(void)state;
	add_function("0000:00:03.0", "0x1234\n", "uio_pci_generic");
	add_function("0000:00:05.0", "0x9999\n", "uio_pci_generic"); /* no driver */
	assert_true(init_pci(NULL, NULL) > 0);
	assert_int_equal(n_probed, 1);
	assert_string_equal(probed[0]->name, "0000:00:03.0");
	assert_int_equal(status_seen, 0x80080783);
	assert_int_equal(probed[0]->ctrl.len, 0x1000);
	/* uio has no IOMMU: the EAL chose physical addresses */
	assert_int_equal(cdk_eal_iova_mode(), CDK_IOVA_PA);
	/* bus mastering and memory space turned on in config space */
	assert_int_equal(config_command("0000:00:03.0") & 0x6, 0x6);
	assert_int_equal(cdk_eal_cleanup(), 0);
	assert_int_equal(n_probed, 0);
}

static void test_kernel_bound_function_is_explained(void **state)
{
	const char *m;

	(void)state;
	add_function("0000:00:04.0", "0x1234\n", "e1000");
	test_log_begin();
	assert_true(init_pci(NULL, NULL) > 0);
	m = test_log_end();
	assert_int_equal(n_probed, 0);
	assert_non_null(strstr(m, "bound to e1000"));
	assert_non_null(strstr(m, "capdk-devbind --bind=uio_pci_generic 0000:00:04.0"));
	assert_int_equal(cdk_eal_cleanup(), 0);
	/* asked for by -a, it is an error */
	test_log_begin();
	assert_int_equal(init_pci("-a", "00:04.0"), -ENODEV);
	test_log_end();
	assert_false(cdk_eal_initialized());
}

static void test_unbound_function(void **state)
{
	(void)state;
	add_function("0000:00:06.0", "0x1234\n", NULL);
	test_log_begin();
	assert_int_equal(init_pci("-a", "0000:00:06.0"), -ENODEV);
	assert_non_null(strstr(test_log_end(), "bound to (none)"));
}

static void test_allow_block_and_no_pci(void **state)
{
	(void)state;
	add_function("0000:00:03.0", "0x1234\n", "uio_pci_generic");
	add_function("0000:00:07.0", "0x1234\n", "uio_pci_generic");
	assert_true(init_pci("-b", "0000:00:03.0") > 0);
	assert_int_equal(n_probed, 1);
	assert_string_equal(probed[0]->name, "0000:00:07.0");
	assert_int_equal(cdk_eal_cleanup(), 0);
	assert_true(init_pci("-a", "00:03.0") > 0);
	assert_int_equal(n_probed, 1);
	assert_string_equal(probed[0]->name, "0000:00:03.0");
	assert_int_equal(cdk_eal_cleanup(), 0);
	assert_true(init_pci("--no-pci", NULL) > 0);
	assert_int_equal(n_probed, 0);
	assert_int_equal(cdk_eal_iova_mode(), CDK_IOVA_VA);
}

static void test_uio_with_va_mode_is_refused(void **state)
{
	(void)state;
	add_function("0000:00:03.0", "0x1234\n", "uio_pci_generic");
	test_log_begin();
	assert_int_equal(init_pci("--iova-mode=va", NULL), -EINVAL);
	assert_non_null(strstr(test_log_end(), "--iova-mode=pa"));
	assert_false(cdk_eal_initialized());
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_uio_function_is_probed),
		T(test_kernel_bound_function_is_explained),
		T(test_unbound_function),
		T(test_allow_block_and_no_pci),
		T(test_uio_with_va_mode_is_refused),
	};
	if (geteuid() != 0) {
		printf("SKIP: test_bus_pci: uio needs physical addresses, which need root\n");
		return 0;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
