/*
 * net_e1000_igb registration: it claims the 82576, I350 and I210/I211
 * device ids (and no e1000 ones), and its manifest gives each queue only
 * its own 4-byte tail (write) and head (read) at 0x40 * q.
 */
#include <string.h>

#include "cdk_pmd.h"
#include "test_util.h"

static const uint16_t igb_ids[] = {
	0x10c9, 0x10e6, 0x10e7, 0x10e8, 0x1526, 0x150a, 0x1518, 0x150d, /* 82576 */
	0x1521, 0x1522, 0x1523, 0x1524,                                 /* I350 */
	0x1533, 0x1536, 0x1537, 0x1538, 0x157b, 0x157c, 0x1539,         /* I210/1 */
};

static void test_ids_claimed(void **state)
{
	for (unsigned i = 0; i < CDK_DIM(igb_ids); i++) {
		const struct cdk_pmd_driver *d =
			cdk_pmd_find_pci((struct cdk_pci_id){ 0x8086, igb_ids[i] });

		assert_non_null(d);
		assert_string_equal(d->name, "net_e1000_igb");
		assert_int_equal(d->kind, CDK_DEV_PCI);
	}
	/* an 82540EM and an 82574L are not igb's */
	const struct cdk_pmd_driver *em =
		cdk_pmd_find_pci((struct cdk_pci_id){ 0x8086, 0x100e });
	assert_true(em == NULL || strcmp(em->name, "net_e1000_igb") != 0);
	em = cdk_pmd_find_pci((struct cdk_pci_id){ 0x8086, 0x10d3 });
	assert_true(em == NULL || strcmp(em->name, "net_e1000_igb") != 0);
	assert_null(cdk_pmd_find_pci((struct cdk_pci_id){ 0x10ec, 0x10c9 }));
}

static void test_manifest(void **state)
{
	const struct cdk_pmd_driver *d = cdk_pmd_find("net_e1000_igb", CDK_DEV_PCI);
	const struct cdk_pmd_manifest *m;

	assert_non_null(d);
	m = d->manifest;
	assert_non_null(m);
	assert_int_equal(m->bar_len, 0x20000);
	assert_string_equal(m->rx_doorbell.label, "RDT");
	assert_int_equal(m->rx_doorbell.base, 0xc018);
	assert_int_equal(m->rx_doorbell.stride, 0x40);
	assert_int_equal(m->rx_doorbell.len, 4);
	assert_int_equal(m->rx_doorbell.perms, CDK_CAP_PERM_STORE);
	assert_string_equal(m->rx_head.label, "RDH");
	assert_int_equal(m->rx_head.base, 0xc010);
	assert_int_equal(m->rx_head.perms, CDK_CAP_PERM_LOAD);
	assert_int_equal(m->tx_doorbell.base, 0xe018);
	assert_int_equal(m->tx_head.base, 0xe010);
	assert_int_equal(m->tx_doorbell.stride, 0x40);
	assert_int_equal(m->tx_head.len, 4);
	assert_int_equal(m->rx_desc_size, 16);
	assert_int_equal(m->tx_desc_size, 16);
	assert_int_equal(m->ring_align, 128);
	assert_int_equal(m->ring_len_align, 128);
	/* a slice never reaches the next queue's: len <= stride - offset */
	assert_true(m->rx_doorbell.len <= m->rx_doorbell.stride - (0xc018 - 0xc000));
	assert_true(m->tx_doorbell.len <= m->tx_doorbell.stride - (0xe018 - 0xe000));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ids_claimed),
		cmocka_unit_test(test_manifest),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
