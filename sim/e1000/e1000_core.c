/*
 * Register behaviour shared by the e1000 family models: EEPROM (EERD and
 * Microwire bit-banging through EECD), PHY through MDIC, interrupt causes,
 * link state and reset values.
 */
#include <string.h>

#include "e1000_core.h"

void e1000_eeprom_build(struct e1000_common *c, const uint8_t mac[6],
			uint16_t dev_id)
{
	uint16_t sum = 0;

	memset(c->eeprom, 0xff, sizeof(c->eeprom));
	/* SDM 5.6.1: words 0-2 hold the MAC, low byte first. */
	for (int i = 0; i < 3; i++)
		c->eeprom[i] = (uint16_t)(mac[2 * i] | mac[2 * i + 1] << 8);
	c->eeprom[0x0b] = 0x0000; /* SDM 5.6.6-5.6.9: subsystem, device, */
	c->eeprom[0x0c] = E1000_VENDOR_ID; /* vendor ids */
	c->eeprom[E1000_EEPROM_DEV_ID] = dev_id;
	c->eeprom[E1000_EEPROM_VEN_ID] = E1000_VENDOR_ID;
	/* SDM 5.6.23: words 0x00-0x3f must sum to 0xBABA. */
	for (int i = 0; i < E1000_EEPROM_CSUM; i++)
		sum = (uint16_t)(sum + c->eeprom[i]);
	c->eeprom[E1000_EEPROM_CSUM] = (uint16_t)(E1000_EEPROM_SUM - sum);
}

/* SDM 13.4.49: RAL0/RAH0 are loaded from the EEPROM, valid, at reset. */
static void e1000_load_ra0(struct cdk_sim_dev *dev, struct e1000_common *c)
{
	sim_reg_set(dev, E1000_RAL(0),
		    (uint32_t)c->eeprom[0] | (uint32_t)c->eeprom[1] << 16);
	sim_reg_set(dev, E1000_RAH(0), c->eeprom[2] | E1000_RAH_AV);
}

static void e1000_phy_reset(struct e1000_common *c, uint16_t phy_id2)
{
	/* Reset values as QEMU 7.2 gives them (SDM 13.5.1-13.5.4). */
	memset(c->phy, 0, sizeof(c->phy));
	c->phy[E1000_PHY_CTRL] = 0x1140;
	c->phy[E1000_PHY_STATUS] = 0x794d | E1000_PHY_STATUS_ANEG_DONE;
	c->phy[E1000_PHY_ID1] = 0x0141;
	c->phy[E1000_PHY_ID2] = phy_id2;
	c->phy[4] = 0x0de1; /* autonegotiation advertisement */
	c->phy[5] = 0x01e0; /* link partner ability */
	c->phy[9] = 0x0e00; /* 1000BASE-T control */
	c->phy[10] = 0x3c00; /* 1000BASE-T status */
	c->phy[17] = 0xac00; /* PHY specific status: 1000 FD, link */
}

void e1000_common_reset(struct cdk_sim_dev *dev, struct e1000_common *c,
			uint16_t phy_id2)
{
	memset(dev->regs, 0, sizeof(dev->regs));
	/* SDM 13.4.1: link and speed bits as QEMU 7.2 resets them. */
	sim_reg_set(dev, E1000_CTRL, E1000_CTRL_SWDPIN2 | E1000_CTRL_SWDPIN0 |
					     E1000_CTRL_SPD_1000 |
					     E1000_CTRL_SLU);
	sim_reg_set(dev, E1000_STATUS, E1000_STATUS_FD |
					       E1000_STATUS_SPEED_1000 |
					       E1000_STATUS_ASDV_1000 |
					       E1000_STATUS_MTXCKOK);
	sim_reg_set(dev, E1000_EECD, E1000_EECD_PRES);
	sim_reg_set(dev, E1000_VET, 0x8100); /* SDM 13.4.8 */
	sim_reg_set(dev, E1000_LEDCTL, 0x602);
	e1000_load_ra0(dev, c);
	e1000_phy_reset(c, phy_id2);
	memset(&c->uwire, 0, sizeof(c->uwire));
	c->rx_blocked = 0;
	c->ooo_pending = 0;
	c->ring_warned = 0;
}

uint32_t e1000_status(struct cdk_sim_dev *dev)
{
	uint32_t v = sim_reg(dev, E1000_STATUS);

	/* Link is up while a wire is plugged in (QEMU: while the peer is). */
	return sim_port_linked(dev) ? v | E1000_STATUS_LU : v & ~E1000_STATUS_LU;
}

void e1000_eerd_write(struct cdk_sim_dev *dev, struct e1000_common *c,
		      uint32_t val)
{
	unsigned shift = c->eerd_8257x ? E1000_EERD_ADDR_SHIFT_8257X
				       : E1000_EERD_ADDR_SHIFT_8254X;
	uint32_t mask = c->eerd_8257x ? 0x3fff : 0xff;
	uint32_t done = c->eerd_8257x ? E1000_EERD_DONE_8257X
				      : E1000_EERD_DONE_8254X;
	uint32_t addr = (val >> shift) & mask;
	uint32_t data = 0;

	if (!(val & E1000_EERD_START)) {
		sim_reg_set(dev, E1000_EERD, val & ~done);
		return;
	}
	/* SDM 13.4.4: the read completes at once here; beyond the image
	 * the data reads as zero (as in QEMU 7.2). */
	if (addr < E1000_EEPROM_WORDS)
		data = c->eeprom[addr];
	sim_reg_set(dev, E1000_EERD,
		    (addr << shift) | done | data << E1000_EERD_DATA_SHIFT);
}

/* Microwire READ (SDM 5.3.2.1): start bit 1, opcode 10, 6 address bits,
 * then a dummy 0 and 16 data bits, MSB first, one per rising SK edge. */
static void uwire_clock(struct e1000_common *c, uint32_t *eecd)
{
	struct e1000_uwire *u = &c->uwire;
	int out = 0;

	if (u->reading) {
		if (u->bit == 16) {
			u->bit = 0;
			u->addr = (uint16_t)((u->addr + 1) % E1000_EEPROM_WORDS);
		}
		out = (c->eeprom[u->addr] >> (15 - u->bit)) & 1;
		u->bit++;
	} else {
		u->in = u->in << 1 | !!(*eecd & E1000_EECD_DI);
		if (++u->nbits == 9 && (u->in >> 6) == 6) {
			u->reading = 1;
			u->addr = u->in & 0x3f;
			u->bit = 0;
		}
	}
	*eecd = out ? *eecd | E1000_EECD_DO : *eecd & ~E1000_EECD_DO;
}

void e1000_eecd_write(struct cdk_sim_dev *dev, struct e1000_common *c,
		      uint32_t val)
{
	uint32_t old = sim_reg(dev, E1000_EECD);
	uint32_t keep = E1000_EECD_SK | E1000_EECD_CS | E1000_EECD_DI |
			E1000_EECD_REQ;
	uint32_t v = (val & keep) | (old & ~keep & ~E1000_EECD_GNT);

	/* SDM 13.4.3: GNT follows REQ (no other agent competes). */
	if (v & E1000_EECD_REQ)
		v |= E1000_EECD_GNT;
	if (!(v & E1000_EECD_CS)) {
		memset(&c->uwire, 0, sizeof(c->uwire));
		v &= ~E1000_EECD_DO;
	} else if ((v & E1000_EECD_SK) && !(old & E1000_EECD_SK)) {
		uwire_clock(c, &v);
	}
	sim_reg_set(dev, E1000_EECD, v);
}

void e1000_mdic_write(struct cdk_sim_dev *dev, struct e1000_common *c,
		      uint32_t val)
{
	unsigned phy = (val >> E1000_MDIC_PHY_SHIFT) & 0x1f;
	unsigned reg = (val >> E1000_MDIC_REG_SHIFT) & 0x1f;
	uint32_t data = val & E1000_MDIC_DATA_MASK;

	/* SDM 13.4.7: the internal PHY answers at address 1 only. */
	if (phy != 1) {
		sim_reg_set(dev, E1000_MDIC, val | E1000_MDIC_ERROR |
						     E1000_MDIC_READY);
		return;
	}
	if ((val & (3u << 26)) == E1000_MDIC_OP_READ) {
		data = c->phy[reg];
	} else if ((val & (3u << 26)) == E1000_MDIC_OP_WRITE) {
		/* PHY_CTRL reset (bit 15) and restart autoneg (bit 9) are
		 * self-clearing and complete at once. */
		if (reg == E1000_PHY_CTRL)
			data &= ~(1u << 15 | 1u << 9);
		if (reg != E1000_PHY_STATUS && reg != E1000_PHY_ID1 &&
		    reg != E1000_PHY_ID2)
			c->phy[reg] = (uint16_t)data;
	}
	sim_reg_set(dev, E1000_MDIC,
		    (val & ~E1000_MDIC_DATA_MASK & ~E1000_MDIC_ERROR) | data |
			    E1000_MDIC_READY);
}

uint32_t e1000_icr_read(struct cdk_sim_dev *dev, int int_asserted)
{
	uint32_t v = sim_reg(dev, E1000_ICR);

	/* 82574 DS 10.2.4.1: bit 31 tells that an unmasked cause is set. */
	if (int_asserted && (v & sim_reg(dev, E1000_IMS)))
		v |= E1000_ICR_INT_ASSERTED;
	/* SDM 13.4.17: reading ICR clears it. */
	sim_reg_set(dev, E1000_ICR, 0);
	return v;
}

void e1000_set_cause(struct cdk_sim_dev *dev, uint32_t cause)
{
	struct sim_acc *a = sim_acc_of(dev);

	if (a) { /* posted when the queue's service ends */
		a->icr |= cause;
		a->dirty = 1;
		return;
	}
	sim_reg_set(dev, E1000_ICR, sim_reg(dev, E1000_ICR) | cause);
	sim_irq_raise(dev);
}

void e1000_irq_write(struct cdk_sim_dev *dev, uint32_t off, uint32_t val)
{
	switch (off) {
	case E1000_ICR: /* write 1 to clear (QEMU 7.2) */
		sim_reg_set(dev, E1000_ICR, sim_reg(dev, E1000_ICR) & ~val);
		break;
	case E1000_ICS: /* SDM 13.4.19: set causes */
		e1000_set_cause(dev, val);
		break;
	case E1000_IMS: /* SDM 13.4.20: writing 1 enables */
		sim_reg_set(dev, E1000_IMS, sim_reg(dev, E1000_IMS) | val);
		sim_irq_raise(dev);
		break;
	case E1000_IMC: /* SDM 13.4.21: writing 1 disables */
		sim_reg_set(dev, E1000_IMS, sim_reg(dev, E1000_IMS) & ~val);
		break;
	}
}

void e1000_link_change(struct cdk_sim_dev *dev, int up)
{
	struct e1000_common *c = dev->priv;

	if (up)
		c->phy[E1000_PHY_STATUS] |= E1000_PHY_STATUS_LINK;
	else
		c->phy[E1000_PHY_STATUS] &= ~E1000_PHY_STATUS_LINK;
	e1000_set_cause(dev, E1000_ICR_LSC);
}

void e1000_rx_missed(struct cdk_sim_dev *dev, uint32_t n)
{
	sim_reg_inc(dev, E1000_MPC, n);
	e1000_set_cause(dev, E1000_ICR_RXO);
}

uint32_t e1000_head_read(struct cdk_sim_dev *dev, const struct e1000_ring *r)
{
	uint32_t h = sim_reg(dev, r->head);

	if (sim_hostile(dev, CDK_SIM_HOSTILE_BAD_HEAD)) {
		SIM_STAT_ADD(dev, hostile_events, 1);
		/* A head past the end of the ring. */
		return sim_reg(dev, r->len) / 16 + (sim_rand(dev) & 0xff);
	}
	return h;
}
