/*
 * Receive: shape an arriving frame as the MAC would, then write it into
 * the descriptors between head and tail, splitting it over as many buffers
 * as it needs (EOP on the last, SDM 3.2.4), write each descriptor back with
 * DD and advance the head. Head never passes tail: a frame that does not fit
 * waits in the packet buffer.
 */
#include <string.h>

#include "e1000_core.h"

#define E1000_RXD_ERR_RXE 0x80u        /* SDM 3.2.3.2: rx data error */
#define E1000_RXDEXT_ERR_RXE (1u << 31) /* 82574 DS 7.1.4.2; 82576 7.1.5 */
#define E1000_MAX_LPE_FRAME 16384

/* SDM 13.4.22: BSIZE, scaled by 16 with BSEX. */
uint32_t e1000_rctl_bufsize(uint32_t rctl)
{
	static const uint32_t base[4] = {2048, 1024, 512, 256};
	unsigned bs = (rctl >> E1000_RCTL_BSIZE_SHIFT) & 3;

	if (rctl & E1000_RCTL_BSEX)
		return bs ? base[bs] * 16 : 2048; /* 00 with BSEX: reserved */
	return base[bs];
}

static int rx_is_vlan(struct cdk_sim_dev *dev, const uint8_t *f)
{
	return (uint32_t)(f[12] << 8 | f[13]) == (sim_reg(dev, E1000_VET) & 0xffff);
}

/* Runts are padded and counted (RUC), as QEMU 7.2 does. */
static const uint8_t *rx_pad(struct cdk_sim_dev *dev, uint8_t *buf,
			     const uint8_t *frame, size_t *len)
{
	if (*len >= SIM_MIN_FRAME)
		return frame;
	memcpy(buf, frame, *len);
	memset(buf + *len, 0, SIM_MIN_FRAME - *len);
	*len = SIM_MIN_FRAME;
	sim_reg_inc(dev, E1000_RUC, 1);
	return buf;
}

size_t e1000_rx_prepare(struct cdk_sim_dev *dev, uint8_t *buf,
			const uint8_t *frame, size_t len, size_t max_len,
			uint32_t ra_hi_base, unsigned nb_ra_hi,
			struct e1000_rx_meta *m)
{
	uint32_t rctl = sim_reg(dev, E1000_RCTL);

	memset(m, 0, sizeof(*m));
	frame = rx_pad(dev, buf, frame, &len);
	/* SDM 13.4.22 LPE: without it, frames over 1518 bytes (1522 when
	 * tagged, FCS included) are refused and counted in ROC. */
	if (!max_len)
		max_len = (rctl & E1000_RCTL_LPE)
				  ? E1000_MAX_LPE_FRAME
				  : 1518 - SIM_FCS_LEN +
					    (rx_is_vlan(dev, frame) ? 4 : 0);
	if (len > max_len) {
		sim_reg_inc(dev, E1000_ROC, 1);
		SIM_STAT_ADD(dev, rx_oversize, 1);
		return 0;
	}
	if (!sim_addr_filter(dev, frame, rctl, ra_hi_base, nb_ra_hi)) {
		SIM_STAT_ADD(dev, rx_filtered, 1);
		return 0;
	}
	if (frame != buf)
		memcpy(buf, frame, len);
	m->wire_len = len;
	/* SDM 3.2.3 / 13.4.1 VME: the tag moves into the descriptor. */
	if ((sim_reg(dev, E1000_CTRL) & E1000_CTRL_VME) && rx_is_vlan(dev, frame)) {
		m->vlan = (uint16_t)(buf[14] << 8 | buf[15]);
		m->vp = 1;
		memmove(buf + 12, buf + 16, len - 16);
		len -= 4;
	}
	/* SDM 13.4.22 SECRC: without it the FCS lands in host memory. */
	if (!(rctl & E1000_RCTL_SECRC)) {
		uint32_t fcs = sim_crc32(buf, len);

		e1000_put_le32(buf + len, fcs);
		len += SIM_FCS_LEN;
	}
	return len;
}

/* The write-back of one descriptor in format type. */
static void rx_writeback(struct cdk_sim_dev *dev, uint8_t d[16],
			 enum e1000_rxd_type type, uint32_t seg_len, int eop,
			 int err, uint32_t bufsize, const struct e1000_rx_meta *m)
{
	uint32_t st = E1000_RXD_STAT_DD | (eop ? E1000_RXD_STAT_EOP : 0) |
		      (m->vp && eop ? E1000_RXD_STAT_VP : 0);

	if (sim_hostile(dev, CDK_SIM_HOSTILE_BAD_LEN)) {
		seg_len = CDK_MIN(bufsize + 1 + (sim_rand(dev) & 0x3ff), 0xffffu);
		SIM_STAT_ADD(dev, hostile_events, 1);
	}
	if (sim_hostile(dev, CDK_SIM_HOSTILE_FLIP_STATUS)) {
		st ^= sim_rand(dev) & 0xfe; /* DD stays, the rest is noise */
		err = 1;
		SIM_STAT_ADD(dev, hostile_events, 1);
	}
	if (type == E1000_RXD_LEGACY) {
		/* SDM 3.2.3: the buffer address (bytes 0-7) is kept. */
		d[8] = (uint8_t)seg_len;
		d[9] = (uint8_t)(seg_len >> 8);
		d[10] = d[11] = 0;
		d[12] = (uint8_t)st;
		d[13] = err ? E1000_RXD_ERR_RXE : 0;
		d[14] = (uint8_t)(eop ? m->vlan : 0);
		d[15] = (uint8_t)(eop ? m->vlan >> 8 : 0);
		return;
	}
	/* Extended and advanced write-backs overwrite the buffer address. */
	e1000_put_le32(d, type == E1000_RXD_ADVANCED
				  ? (m->rss_type & 0xf) | m->pkt_type << 4
				  : 0);
	e1000_put_le32(d + 4, m->rss_hash);
	e1000_put_le32(d + 8, st | (err ? E1000_RXDEXT_ERR_RXE : 0));
	e1000_put_le32(d + 12, seg_len | (uint32_t)(eop ? m->vlan : 0) << 16);
}

/* Fill descriptor idx with [off, off+seg) of buf; 0 or -1 if the
 * descriptor itself could not be fetched or written. */
static int rx_fill(struct cdk_sim_dev *dev, const uint8_t *buf,
		   uint64_t base, unsigned idx, unsigned queue,
		   enum e1000_rxd_type type, uint32_t bufsize, size_t off,
		   size_t seg, int eop, const struct e1000_rx_meta *m)
{
	uint64_t iova = base + 16ull * idx;
	uint8_t d[16];
	int err;

	SIM_STAT_ADD(dev, desc_fetches, 1);
	if (sim_dma_read(dev, iova, d, sizeof(d)))
		return -1;
	sim_trace(dev, "RX q%u fetch idx=%u buf=0x%llx", queue, idx,
		  (unsigned long long)e1000_le64(d));
	err = sim_dma_write(dev, e1000_le64(d), buf + off, seg) != 0;
	rx_writeback(dev, d, type, (uint32_t)seg, eop, err, bufsize, m);
	return sim_dma_write_desc(dev, iova, d) ? -1 : 0;
}

/* Hostile: DD on the descriptor at the tail, which was never posted. */
static void rx_ghost_dd(struct cdk_sim_dev *dev, uint64_t base, unsigned tail,
			enum e1000_rxd_type type)
{
	uint8_t d[16] = {0};
	struct e1000_rx_meta m = {0};

	rx_writeback(dev, d, type, 64, 1, 0, 2048, &m);
	if (!sim_dma_write_desc(dev, base + 16ull * tail, d))
		SIM_STAT_ADD(dev, hostile_events, 1);
}

static void rx_done(struct cdk_sim_dev *dev, const uint8_t *buf,
		    const struct e1000_rx_meta *m, unsigned left, unsigned n)
{
	unsigned rdmts = (sim_reg(dev, E1000_RCTL) >> 8) & 3;
	uint32_t cause = E1000_ICR_RXT0;

	sim_stats_rx(dev, buf, m->wire_len + SIM_FCS_LEN);
	SIM_STAT_ADD(dev, rx_frames, 1);
	SIM_STAT_ADD(dev, rx_bytes, m->wire_len);
	/* SDM 13.4.22 RDMTS: few free descriptors left (1/2, 1/4, 1/8). */
	if (left <= (n >> (1 + rdmts)))
		cause |= E1000_ICR_RXDMT0;
	e1000_set_cause(dev, cause);
}

/*
 * Hostile out-of-order: when two one-buffer frames are waiting, the first
 * goes to head+1 and is written back before head gets the second. Returns
 * the index to use and how far the head moves (0: not yet).
 */
static unsigned rx_ooo_slot(struct cdk_sim_dev *dev, struct e1000_common *c,
			    unsigned queue, unsigned head, unsigned n,
			    unsigned avail, unsigned need, unsigned *advance)
{
	*advance = need;
	if (c->ooo_pending && c->ooo_queue == queue) {
		c->ooo_pending = 0;
		/* A larger frame skips the reserved slot, which stays empty. */
		*advance = need + (need == 1 ? 1 : 2);
		return need == 1 ? head : (head + 2) % n;
	}
	if (!c->ooo_pending && need == 1 && avail >= 2 &&
	    sim_fifo_count(&dev->fifo) >= 2) {
		c->ooo_pending = 1;
		c->ooo_queue = queue;
		*advance = 0;
		SIM_STAT_ADD(dev, hostile_events, 1);
		return (head + 1) % n;
	}
	return head;
}

/* Descriptors the hardware owns that this frame may use. */
static unsigned rx_avail(const struct e1000_common *c, unsigned queue,
			 unsigned head, unsigned tail, unsigned n,
			 unsigned need)
{
	unsigned raw = (tail + n - head) % n;
	unsigned used = 0;

	if (c->ooo_pending && c->ooo_queue == queue)
		used = need == 1 ? 1 : 2;
	return raw >= used ? raw - used : 0;
}

static int rx_ring_ok(struct cdk_sim_dev *dev, struct e1000_common *c,
		      unsigned n, unsigned head, unsigned tail)
{
	if (n && head < n && tail < n)
		return 1;
	/* Queues served at once may both find theirs bad. */
	if (n && !__atomic_exchange_n(&c->ring_warned, 1, __ATOMIC_RELAXED)) {
		cdk_log(CDK_LOG_WARNING, CDK_LOGTYPE_SIM,
			"%s: rx ring head %u / tail %u outside %u descriptors",
			dev->name, head, tail, n);
	}
	return 0;
}

enum sim_rx_result e1000_rx_put(struct cdk_sim_dev *dev,
				struct e1000_common *c, const uint8_t *buf,
				int *blocked, const struct e1000_ring *r,
				unsigned queue, enum e1000_rxd_type type,
				uint32_t bufsize, size_t len,
				const struct e1000_rx_meta *m)
{
	unsigned n = sim_reg(dev, r->len) / 16;
	unsigned head = sim_reg(dev, r->head), tail = sim_reg(dev, r->tail);
	unsigned need = (unsigned)((len + bufsize - 1) / bufsize);
	unsigned avail, idx, advance;
	uint64_t base = e1000_ring_base(dev, r);

	if (!rx_ring_ok(dev, c, n, head, tail))
		return SIM_RX_BLOCKED;
	if (need >= n) { /* could never fit: QEMU 7.2 drops it too */
		SIM_STAT_ADD(dev, rx_oversize, 1);
		return SIM_RX_DONE;
	}
	avail = rx_avail(c, queue, head, tail, n, need);
	if (avail < need) {
		if (!*blocked) /* SDM 13.7: no buffers, once per frame */
			sim_reg_inc(dev, E1000_RNBC, 1);
		*blocked = 1;
		return SIM_RX_BLOCKED;
	}
	*blocked = 0;
	idx = head;
	advance = need;
	if (sim_hostile(dev, CDK_SIM_HOSTILE_OUT_OF_ORDER) ||
	    (c->ooo_pending && c->ooo_queue == queue))
		idx = rx_ooo_slot(dev, c, queue, head, n, avail, need, &advance);
	for (unsigned i = 0; i < need; i++) {
		size_t off = (size_t)i * bufsize;

		if (rx_fill(dev, buf, base, (idx + i) % n, queue, type, bufsize,
			    off, CDK_MIN((size_t)bufsize, len - off),
			    i == need - 1, m))
			break; /* the frame is lost; descriptors are consumed */
	}
	sim_reg_set(dev, r->head, (head + advance) % n);
	if (sim_hostile(dev, CDK_SIM_HOSTILE_GHOST_DD))
		rx_ghost_dd(dev, base, tail, type);
	rx_done(dev, buf, m, avail - need, n);
	return SIM_RX_DONE;
}
