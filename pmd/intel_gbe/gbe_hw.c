/*
 * Control-path helpers of the Intel gigabit family: reset, address, filters,
 * rings, receive modes and link, as the 8254x SDM and the 82576 DS describe
 * them for every member.
 */
#include <errno.h>
#include <string.h>

#include "cdk_cycles.h"
#include "pmd/intel_gbe/gbe_hw.h"

#define LINK_POLL_MS 5

static const cdk_cap_t *ctrl_of(struct cdk_eth_dev *dev)
{
	return &dev->device->ctrl;
}

void gbe_quiesce(const cdk_cap_t *ctrl, uint32_t eimc)
{
	gbe_write(ctrl, GBE_IMC, GBE_IRQ_ALL);
	if (eimc)
		gbe_write(ctrl, eimc, GBE_IRQ_ALL);
	gbe_write(ctrl, GBE_RCTL, 0);
	gbe_write(ctrl, GBE_TCTL, 0);
}

/* SDM 14.5, 82576 DS 4.3.1: the device clears RST when done; masks and
 * causes are back to their reset values, so mask and clear again. */
int gbe_reset(const cdk_cap_t *ctrl, uint32_t eimc, int polls, unsigned poll_us)
{
	gbe_write(ctrl, GBE_CTRL, gbe_read(ctrl, GBE_CTRL) | GBE_CTRL_RST);
	for (int i = 0; i < polls; i++) {
		cdk_delay_us(poll_us);
		if (!(gbe_read(ctrl, GBE_CTRL) & GBE_CTRL_RST)) {
			gbe_write(ctrl, GBE_IMC, GBE_IRQ_ALL);
			if (eimc)
				gbe_write(ctrl, eimc, GBE_IRQ_ALL);
			(void)gbe_read(ctrl, GBE_ICR); /* clear pending causes */
			return 0;
		}
	}
	return -ETIMEDOUT;
}

static int eerd_read(const cdk_cap_t *ctrl, const struct gbe_eerd *e,
		     uint16_t word, uint16_t *data)
{
	gbe_write(ctrl, GBE_EERD, (uint32_t)word << e->addr_shift | GBE_EERD_START);
	for (int i = 0; i < GBE_EERD_POLL_MAX; i++) {
		uint32_t v = gbe_read(ctrl, GBE_EERD);

		if (v & e->done) {
			*data = (uint16_t)(v >> GBE_EERD_DATA_SHIFT);
			return 0;
		}
		cdk_delay_us(GBE_EERD_POLL_US);
	}
	return -ETIMEDOUT;
}

int gbe_mac_read(const cdk_cap_t *ctrl, const struct gbe_eerd *eerd,
		 struct cdk_ether_addr *a)
{
	uint32_t lo = gbe_read(ctrl, GBE_RAL0), hi = gbe_read(ctrl, GBE_RAH0);

	if (hi & GBE_RAH_AV) {
		for (int i = 0; i < 4; i++)
			a->addr_bytes[i] = (uint8_t)(lo >> (8 * i));
		a->addr_bytes[4] = (uint8_t)hi;
		a->addr_bytes[5] = (uint8_t)(hi >> 8);
		return 0;
	}
	if (eerd == NULL)
		return -ENOENT;
	for (uint16_t w = 0; w < 3; w++) {
		uint16_t v;
		int rc = eerd_read(ctrl, eerd, GBE_NVM_MAC_WORD + w, &v);

		if (rc < 0)
			return rc;
		a->addr_bytes[2 * w] = (uint8_t)v;
		a->addr_bytes[2 * w + 1] = (uint8_t)(v >> 8);
	}
	return 0;
}

void gbe_mac_write(const cdk_cap_t *ctrl, const struct cdk_ether_addr *a)
{
	const uint8_t *b = a->addr_bytes;

	gbe_write(ctrl, GBE_RAL0, (uint32_t)b[0] | (uint32_t)b[1] << 8 |
					  (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24);
	gbe_write(ctrl, GBE_RAH0, (uint32_t)b[4] | (uint32_t)b[5] << 8 | GBE_RAH_AV);
}

void gbe_filters_clear(const cdk_cap_t *ctrl, unsigned nb_rar,
		       uint32_t (*ral)(unsigned i))
{
	for (unsigned i = 0; i < GBE_MTA_WORDS; i++)
		gbe_write(ctrl, GBE_MTA(i), 0);
	for (unsigned i = 1; i < nb_rar; i++) {
		gbe_write(ctrl, ral(i), 0);
		gbe_write(ctrl, ral(i) + 4, 0);
	}
}

int gbe_ring_program(const cdk_cap_t *ctrl, const cdk_cap_t *ring,
		     uint16_t nb_desc, uint32_t bal)
{
	uint32_t bytes = (uint32_t)nb_desc * GBE_DESC_SIZE;
	uint64_t iova;
	int rc = cdk_cap_iova(ring, 0, bytes, &iova);

	if (rc < 0)
		return rc;
	gbe_write(ctrl, bal + GBE_QREG_BAL, (uint32_t)iova);
	gbe_write(ctrl, bal + GBE_QREG_BAH, (uint32_t)(iova >> 32));
	gbe_write(ctrl, bal + GBE_QREG_LEN, bytes);
	gbe_write(ctrl, bal + GBE_QREG_HEAD, 0);
	gbe_write(ctrl, bal + GBE_QREG_TAIL, 0);
	return 0;
}

uint32_t gbe_rctl_of(const struct cdk_eth_dev *dev, uint32_t frame)
{
	uint32_t rctl = GBE_RCTL_EN | GBE_RCTL_BAM | GBE_RCTL_SECRC |
			GBE_RCTL_RDMTS_HALF;

	if (frame > CDK_ETHER_MAX_LEN)
		rctl |= GBE_RCTL_LPE;
	if (dev->promiscuous)
		rctl |= GBE_RCTL_UPE | GBE_RCTL_MPE;
	if (dev->all_multicast)
		rctl |= GBE_RCTL_MPE;
	return rctl;
}

void gbe_lpe_set(const cdk_cap_t *ctrl, uint32_t frame)
{
	gbe_set_bits(ctrl, GBE_RCTL, GBE_RCTL_LPE, frame > CDK_ETHER_MAX_LEN);
}

/* Speed and duplex as the MAC resolved them (SDM 13.4.2, 82576 DS 8.2.2);
 * 0 when the link changed, -1 when not (DPDK's link_update). */
int gbe_link_update(struct cdk_eth_dev *dev, int wait_polls)
{
	static const uint32_t speeds[4] = { CDK_ETH_SPEED_NUM_10M,
		CDK_ETH_SPEED_NUM_100M, CDK_ETH_SPEED_NUM_1G, CDK_ETH_SPEED_NUM_1G };
	const cdk_cap_t *ctrl = ctrl_of(dev);
	struct cdk_eth_link old = dev->link, l = { 0 };
	uint32_t st = gbe_read(ctrl, GBE_STATUS);

	for (int i = 0; !(st & GBE_STATUS_LU) && i < wait_polls; i++) {
		cdk_delay_ms(LINK_POLL_MS);
		st = gbe_read(ctrl, GBE_STATUS);
	}
	if (st & GBE_STATUS_LU) {
		l.link_status = CDK_ETH_LINK_UP;
		l.link_speed = speeds[(st & GBE_STATUS_SPEED_MASK) >>
				      GBE_STATUS_SPEED_SHIFT];
		l.link_duplex = st & GBE_STATUS_FD ? CDK_ETH_LINK_FULL_DUPLEX
						   : CDK_ETH_LINK_HALF_DUPLEX;
		l.link_autoneg = CDK_ETH_LINK_AUTONEG;
	}
	cdk_eth_linkstatus_set(dev, &l);
	return memcmp(&old, &l, sizeof(l)) ? 0 : -1;
}

static int rctl_mode(struct cdk_eth_dev *dev, uint32_t bits, int on)
{
	gbe_set_bits(ctrl_of(dev), GBE_RCTL, bits, on);
	return 0;
}

int gbe_promiscuous_enable(struct cdk_eth_dev *dev)
{
	return rctl_mode(dev, GBE_RCTL_UPE | GBE_RCTL_MPE, 1);
}

/* Multicast stays promiscuous while all-multicast is on. */
int gbe_promiscuous_disable(struct cdk_eth_dev *dev)
{
	rctl_mode(dev, GBE_RCTL_UPE, 0);
	return rctl_mode(dev, GBE_RCTL_MPE, dev->all_multicast);
}

int gbe_allmulticast_enable(struct cdk_eth_dev *dev)
{
	return rctl_mode(dev, GBE_RCTL_MPE, 1);
}

int gbe_allmulticast_disable(struct cdk_eth_dev *dev)
{
	return rctl_mode(dev, GBE_RCTL_MPE, dev->promiscuous);
}
