/*
 * Transmit: walk the descriptors from head to tail (SDM 3.3), gather each
 * frame's buffers until EOP, put the frame on the wire, and write status
 * back only where the driver asked for it with RS (SDM 3.3.3.2).
 */
#include <string.h>

#include "e1000_core.h"

void e1000_tx_gather(struct cdk_sim_dev *dev, struct e1000_txctx *t,
		     uint64_t iova, size_t len)
{
	if (!len || t->overflow)
		return;
	if (t->len + len > SIM_MAX_FRAME) {
		t->overflow = 1;
		return;
	}
	/* A refused read loses the frame; the descriptor still completes. */
	if (sim_dma_read(dev, iova, t->buf + t->len, len))
		t->overflow = 1;
	else
		t->len += len;
}

static void tx_reset(struct e1000_txctx *t)
{
	t->len = 0;
	t->overflow = 0;
	t->vlan = 0;
	t->tag = 0;
}

void e1000_tx_send(struct cdk_sim_dev *dev, struct e1000_txctx *t)
{
	if (t->overflow || t->len < 12) {
		tx_reset(t);
		return;
	}
	/* SDM 3.3.3 VLE with CTRL.VME: the tag from the descriptor goes in
	 * after the source address. */
	if (t->vlan && (sim_reg(dev, E1000_CTRL) & E1000_CTRL_VME)) {
		uint16_t vet = (uint16_t)sim_reg(dev, E1000_VET);

		memmove(t->buf + 16, t->buf + 12, t->len - 12);
		t->buf[12] = (uint8_t)(vet >> 8);
		t->buf[13] = (uint8_t)vet;
		t->buf[14] = (uint8_t)(t->tag >> 8);
		t->buf[15] = (uint8_t)t->tag;
		t->len += 4;
	}
	/* SDM 13.4.33 PSP: short frames are padded to 64 bytes with FCS. */
	if ((sim_reg(dev, E1000_TCTL) & E1000_TCTL_PSP) &&
	    t->len < SIM_MIN_FRAME) {
		memset(t->buf + t->len, 0, SIM_MIN_FRAME - t->len);
		t->len = SIM_MIN_FRAME;
	}
	sim_stats_tx(dev, t->buf, t->len + SIM_FCS_LEN);
	sim_port_transmit(dev, t->buf, t->len);
	t->sent++;
	t->sent_bytes += t->len;
	tx_reset(t);
}

int e1000_txd_legacy(struct cdk_sim_dev *dev, struct e1000_txctx *t,
		     uint8_t d[16])
{
	uint32_t lower = e1000_le32(d + 8), upper = e1000_le32(d + 12);
	uint32_t cmd = lower >> 24;
	size_t len = lower & 0xffff;

	if (cmd & E1000_TXD_CMD_DEXT) {
		/* SDM 3.3.6: context descriptors carry offload parameters
		 * only; offloads are not modelled, the descriptor is
		 * accepted and completed. */
		if (((lower >> E1000_TXD_DTYP_SHIFT) & 0xf) == E1000_TXD_DTYP_CTX)
			goto writeback;
		len = lower & E1000_TXD_DLEN_MASK; /* SDM 3.3.7 */
	}
	e1000_tx_gather(dev, t, e1000_le64(d), len);
	if (cmd & E1000_TXD_CMD_VLE) {
		t->vlan = 1;
		t->tag = (uint16_t)(upper >> 16);
	}
	if (cmd & E1000_TXD_CMD_EOP)
		e1000_tx_send(dev, t);
writeback:
	if (!(cmd & (E1000_TXD_CMD_RS | E1000_TXD_CMD_RPS)))
		return 0;
	/* DD set; EC, LC, TU clear: no collisions in full duplex. */
	d[12] = (uint8_t)((d[12] & 0xf0) | E1000_TXD_STAT_DD);
	return 1;
}

/* A ring the driver has not set up, or a head or tail outside it, is not
 * served (QEMU 7.2 stops at a wrapped head the same way). */
static int tx_ring_ok(unsigned n, unsigned head, unsigned tail)
{
	return n && head < n && tail < n;
}

int e1000_tx_ring(struct cdk_sim_dev *dev, const struct e1000_ring *r,
		  struct e1000_txctx *t, e1000_txd_fn fn)
{
	unsigned n = sim_reg(dev, r->len) / 16;
	unsigned head = sim_reg(dev, r->head), tail = sim_reg(dev, r->tail);
	uint64_t base = e1000_ring_base(dev, r);
	uint32_t cause = 0;
	int work = 0;
	uint8_t d[16];

	if (!tx_ring_ok(n, head, tail))
		return 0;
	/* A frame for another model waits in a bounded stage until this
	 * pass ends (sim_queue.c). */
	while (head != tail && work < SIM_ROUND_BUDGET && sim_stage_room(dev)) {
		uint64_t iova = base + 16ull * head;

		SIM_STAT_ADD(dev, desc_fetches, 1);
		/* A refused fetch skips the slot, as QEMU's failed DMA
		 * yields an empty descriptor. */
		if (!sim_dma_read(dev, iova, d, sizeof(d))) {
			sim_trace(dev, "TX fetch idx=%u buf=0x%llx w2=0x%08x",
				  head, (unsigned long long)e1000_le64(d),
				  e1000_le32(d + 8));
			if (fn(dev, t, d) && !sim_dma_write(dev, iova + 8, d + 8, 8))
				cause |= E1000_ICR_TXDW;
		}
		head = (head + 1) % n;
		work++;
	}
	sim_reg_set(dev, r->head, head);
	if (work && head == tail)
		cause |= E1000_ICR_TXQE;
	if (cause)
		e1000_set_cause(dev, cause);
	return work;
}
