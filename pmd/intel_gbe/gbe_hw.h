/*
 * Control-path helpers of the Intel gigabit family (net_e1000_em and
 * net_e1000_igb): the registers both drivers program the same way, reached
 * through the device's control slice only. Each driver keeps what its
 * members do differently (reset extras, EEPROM layout, queue enables).
 */
#ifndef PMD_INTEL_GBE_HW_H
#define PMD_INTEL_GBE_HW_H

#include "cdk_pmd.h"
#include "pmd/intel_gbe/gbe_regs.h"

/* Register access through the control slice. A fault was already counted
 * and logged by the accessor; a read that faults reads 0. */
static inline uint32_t gbe_read(const cdk_cap_t *ctrl, uint32_t reg)
{
	uint32_t v = 0;

	cdk_cap_read32(ctrl, reg, &v);
	return v;
}

static inline void gbe_write(const cdk_cap_t *ctrl, uint32_t reg, uint32_t v)
{
	cdk_cap_write32(ctrl, reg, v);
}

static inline void gbe_set_bits(const cdk_cap_t *ctrl, uint32_t reg,
				uint32_t bits, int on)
{
	uint32_t v = gbe_read(ctrl, reg);

	gbe_write(ctrl, reg, on ? v | bits : v & ~bits);
}

/* Where EERD puts DONE and the word address on a member (SDM 13.4.4 vs
 * 82574 DS 10.2.2.5 / 82576 DS 8.4.2). */
struct gbe_eerd {
	uint32_t done;
	unsigned addr_shift;
};

/* Mask interrupts (IMC and, if not 0, the extended mask register) and stop
 * rx and tx: the first half of a reset, before the counters are read. */
void gbe_quiesce(const cdk_cap_t *ctrl, uint32_t eimc);
/* Set CTRL.RST and wait for the device to clear it, then mask again and
 * clear pending causes; -ETIMEDOUT after polls x poll_us. */
int gbe_reset(const cdk_cap_t *ctrl, uint32_t eimc, int polls, unsigned poll_us);

/* The permanent address: RAL0/RAH0 as the device loaded them, else NVM
 * words 0-2 through EERD (eerd NULL: no EERD, -ENOENT). */
int gbe_mac_read(const cdk_cap_t *ctrl, const struct gbe_eerd *eerd,
		 struct cdk_ether_addr *a);
void gbe_mac_write(const cdk_cap_t *ctrl, const struct cdk_ether_addr *a);
/* An empty multicast table, unicast filters 1..nb_rar-1 off; ral(i) is the
 * member's RAL of entry i (RAH is 4 above it). */
void gbe_filters_clear(const cdk_cap_t *ctrl, unsigned nb_rar,
		       uint32_t (*ral)(unsigned i));

/* Program a ring's base and length from its capability, head and tail at
 * zero; bal is the queue's base-low register. */
int gbe_ring_program(const cdk_cap_t *ctrl, const cdk_cap_t *ring,
		     uint16_t nb_desc, uint32_t bal);

/* RCTL for a started port: enable, broadcast, strip FCS, LPE when frame
 * (FCS included, no VLAN tag) is over 1518 bytes, and the port's modes. */
uint32_t gbe_rctl_of(const struct cdk_eth_dev *dev, uint32_t frame);
void gbe_lpe_set(const cdk_cap_t *ctrl, uint32_t frame);

/* ethdev ops both drivers use as they are. */
int gbe_link_update(struct cdk_eth_dev *dev, int wait_polls);
int gbe_promiscuous_enable(struct cdk_eth_dev *dev);
int gbe_promiscuous_disable(struct cdk_eth_dev *dev);
int gbe_allmulticast_enable(struct cdk_eth_dev *dev);
int gbe_allmulticast_disable(struct cdk_eth_dev *dev);

#endif
