/*
 * What the 8254x/82574 models and the 82576 model share: EEPROM, PHY,
 * interrupt cause registers, and the descriptor ring walkers for receive
 * and transmit (the 82576 keeps the legacy block and layouts).
 */
#ifndef SIM_E1000_CORE_H
#define SIM_E1000_CORE_H

#include "../sim_internal.h"
#include "e1000_regs.h"

/* Offsets of one queue's ring registers. */
struct e1000_ring {
	uint32_t bal, bah, len, head, tail;
};

/* Receive descriptor formats. */
enum e1000_rxd_type {
	E1000_RXD_LEGACY = 0, /* SDM 3.2.3 */
	E1000_RXD_EXTENDED,   /* 82574 DS 7.1.4.2 (RFCTL.EXTEN) */
	E1000_RXD_ADVANCED,   /* 82576 DS 7.1.5 (SRRCTL.DESCTYPE=001) */
};

/* What the write-back says about a frame besides its length. */
struct e1000_rx_meta {
	uint32_t rss_hash;
	uint32_t rss_type;  /* advanced: 4 bits */
	uint32_t pkt_type;  /* advanced: bits 4-16 of dword 0 */
	uint16_t vlan;
	int vp;             /* a tag was stripped into vlan */
	size_t wire_len;    /* as it arrived (padded), without FCS */
};

/* A frame being gathered from tx descriptors until EOP (a line of its own:
 * queues are served on different cores). */
struct __attribute__((aligned(64))) e1000_txctx {
	uint8_t buf[SIM_MAX_FRAME + 8];
	size_t len;
	int overflow;
	int vlan;
	uint16_t tag;
	uint16_t ctx_vlan[8]; /* 82576: VLAN tags of context descriptors */
	uint32_t sent;        /* frames sent from this queue */
	uint64_t sent_bytes;
};

/* EEPROM access through EECD bit-banging (Microwire, SDM 5.3.2). */
struct e1000_uwire {
	uint32_t in;
	unsigned nbits;
	int reading;
	unsigned bit;
	uint16_t addr;
};

/* State every model of the family keeps; first member of their priv. */
struct e1000_common {
	uint16_t eeprom[E1000_EEPROM_WORDS];
	uint16_t phy[32];
	struct e1000_uwire uwire;
	int eerd_8257x;          /* EERD layout of 82574/82576 */
	uint8_t rxbuf[SIM_MAX_FRAME + 8]; /* the waiting frame, shaped */
	int rx_blocked;          /* RNBC counted for the waiting frame */
	int ooo_pending;         /* hostile: slot at head reserved */
	uint32_t ooo_queue;
	int ring_warned;
};

/* Reset values and EEPROM image (e1000_core.c). */
void e1000_eeprom_build(struct e1000_common *c, const uint8_t mac[6],
			uint16_t dev_id);
void e1000_common_reset(struct cdk_sim_dev *dev, struct e1000_common *c,
			uint16_t phy_id2);
uint32_t e1000_status(struct cdk_sim_dev *dev);

/* Register side effects shared by the family (e1000_core.c). */
void e1000_eerd_write(struct cdk_sim_dev *dev, struct e1000_common *c,
		      uint32_t val);
void e1000_eecd_write(struct cdk_sim_dev *dev, struct e1000_common *c,
		      uint32_t val);
void e1000_mdic_write(struct cdk_sim_dev *dev, struct e1000_common *c,
		      uint32_t val);
uint32_t e1000_icr_read(struct cdk_sim_dev *dev, int int_asserted);
void e1000_irq_write(struct cdk_sim_dev *dev, uint32_t off, uint32_t val);
void e1000_set_cause(struct cdk_sim_dev *dev, uint32_t cause);
void e1000_link_change(struct cdk_sim_dev *dev, int up);
void e1000_rx_missed(struct cdk_sim_dev *dev, uint32_t n);
uint32_t e1000_head_read(struct cdk_sim_dev *dev, const struct e1000_ring *r);

/* Receive (e1000_rx.c). */
uint32_t e1000_rctl_bufsize(uint32_t rctl);
/*
 * Filter and shape an arriving frame into buf (SIM_MAX_FRAME + 8 bytes):
 * pad runts, refuse oversize, strip a VLAN tag under CTRL.VME, append the
 * FCS unless RCTL.SECRC. Returns the length to write, 0 when the frame is
 * dropped.
 */
size_t e1000_rx_prepare(struct cdk_sim_dev *dev, uint8_t *buf,
			const uint8_t *frame, size_t len, size_t max_len,
			uint32_t ra_hi_base, unsigned nb_ra_hi,
			struct e1000_rx_meta *m);
/* Write the len bytes shaped in buf into ring r. *blocked says that RNBC
 * was counted for this frame already (it waits). */
enum sim_rx_result e1000_rx_put(struct cdk_sim_dev *dev,
				struct e1000_common *c, const uint8_t *buf,
				int *blocked, const struct e1000_ring *r,
				unsigned queue, enum e1000_rxd_type type,
				uint32_t bufsize, size_t len,
				const struct e1000_rx_meta *m);

/* Transmit (e1000_tx.c). Handle one fetched descriptor: gather, send on
 * EOP, and say whether (and with what upper half) to write it back. */
typedef int (*e1000_txd_fn)(struct cdk_sim_dev *dev, struct e1000_txctx *t,
			    uint8_t desc[16]);
int e1000_tx_ring(struct cdk_sim_dev *dev, const struct e1000_ring *r,
		  struct e1000_txctx *t, e1000_txd_fn fn);
/* Append len bytes at iova to the frame being gathered. */
void e1000_tx_gather(struct cdk_sim_dev *dev, struct e1000_txctx *t,
		     uint64_t iova, size_t len);
/* The frame is complete: pad, tag and put it on the wire. */
void e1000_tx_send(struct cdk_sim_dev *dev, struct e1000_txctx *t);
/* The legacy and 8254x extended formats (also accepted by the 82576). */
int e1000_txd_legacy(struct cdk_sim_dev *dev, struct e1000_txctx *t,
		     uint8_t desc[16]);

static inline uint32_t e1000_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}
static inline uint64_t e1000_le64(const uint8_t *p)
{
	return e1000_le32(p) | (uint64_t)e1000_le32(p + 4) << 32;
}
static inline void e1000_put_le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}
static inline uint64_t e1000_ring_base(struct cdk_sim_dev *dev,
				       const struct e1000_ring *r)
{
	return (uint64_t)sim_reg(dev, r->bah) << 32 |
	       (sim_reg(dev, r->bal) & ~0xfu);
}

#endif
