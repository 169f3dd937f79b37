/*
 * net_e1000_em without a device: registration, PCI ids, the slice
 * manifest and the register facts the data path relies on.
 */
#include <string.h>

#include "cdk_pmd.h"
#include "pmd/e1000/e1000_regs.h"
#include "test_util.h"

static const struct cdk_pmd_driver *find(uint16_t dev_id)
{
	return cdk_pmd_find_pci((struct cdk_pci_id){ CDK_PCI_VENDOR_INTEL, dev_id });
}

static void test_pci_ids(void **state)
{
	static const uint16_t ids[] = { 0x100e, 0x100f, 0x10d3, 0x1015, 0x1076 };

	for (size_t i = 0; i < CDK_DIM(ids); i++) {
		const struct cdk_pmd_driver *d = find(ids[i]);

		assert_non_null(d);
		assert_string_equal(d->name, "net_e1000_em");
		assert_int_equal(d->kind, CDK_DEV_PCI);
	}
	/* 82576 belongs to igb, not to em. */
	const struct cdk_pmd_driver *igb = find(0x10c9);
	assert_true(igb == NULL || strcmp(igb->name, "net_e1000_em") != 0);
	assert_null(cdk_pmd_find_pci((struct cdk_pci_id){ 0x10ec, 0x100e }));
}

static void test_manifest(void **state)
{
	const struct cdk_pmd_manifest *m = find(0x100e)->manifest;

	assert_non_null(m);
	assert_int_equal(m->bar_len, 0x20000);
	assert_string_equal(m->rx_doorbell.label, "RDT");
	assert_int_equal(m->rx_doorbell.base, 0x2818);
	assert_int_equal(m->rx_doorbell.stride, 0x100);
	assert_int_equal(m->rx_doorbell.len, 4);
	assert_int_equal(m->rx_doorbell.perms, CDK_CAP_PERM_STORE);
	assert_int_equal(m->rx_head.base, 0x2810);
	assert_int_equal(m->rx_head.perms, CDK_CAP_PERM_LOAD);
	assert_int_equal(m->tx_doorbell.base, 0x3818);
	assert_int_equal(m->tx_doorbell.perms, CDK_CAP_PERM_STORE);
	assert_int_equal(m->tx_head.base, 0x3810);
	assert_int_equal(m->rx_desc_size, 16);
	assert_int_equal(m->tx_desc_size, 16);
	assert_int_equal(m->ring_align, 128);
	assert_int_equal(m->ring_len_align, 128);
	/* The doorbell slice of queue 1 is the datasheet's RDT(1). */
	assert_int_equal(m->rx_doorbell.base + m->rx_doorbell.stride, E1000_RDT(1));
	/* Neither slice overlaps the ring base/length registers. */
	assert_true(m->rx_head.base >= E1000_RDLEN(0) + 4);
}

static void test_register_facts(void **state)
{
	assert_int_equal(sizeof(struct e1000_rx_desc), 16);
	assert_int_equal(sizeof(struct e1000_tx_desc), 16);
	assert_int_equal(E1000_RDBAL(0), 0x2800);
	assert_int_equal(E1000_TDT(1), 0x3918);
	assert_int_equal(E1000_RAH(1), 0x540c);
	/* The write-back decoders read the upper quadword as the SDM lays it. */
	struct e1000_rx_desc d = { .length = 1514, .status = 3, .errors = 0x80 };
	uint64_t wb;
	memcpy(&wb, (char *)&d + 8, 8);
	assert_int_equal(E1000_RXD_WB_LEN(wb), 1514);
	assert_int_equal(E1000_RXD_WB_STATUS(wb), E1000_RXD_STAT_DD | E1000_RXD_STAT_EOP);
	assert_int_equal(E1000_RXD_WB_ERRORS(wb) & E1000_RXD_ERR_FRAME, E1000_RXD_ERR_RXE);
	/* The 128-byte ring length rule gives descriptor counts in 8s. */
	assert_int_equal(E1000_RING_LEN_ALIGN / E1000_DESC_SIZE, E1000_NB_DESC_ALIGN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pci_ids),
		cmocka_unit_test(test_manifest),
		cmocka_unit_test(test_register_facts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
