/*
 * A minimal "driver" for the device-model tests: it programs a model only
 * through its trap operations and DMA memory, the way the datasheets say a
 * driver should (8254x SDM 14, 82576 DS 4.5), with iova = virtual address.
 */
#ifndef TEST_SIM_COMMON_H
#define TEST_SIM_COMMON_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cdk_sim.h"
#include "sim/e1000/e1000_regs.h"
#include "sim/igb/igb_regs.h"

#define T_MEM_SIZE (16u << 20)
#define T_TIMEOUT_MS 3000

struct t_queue {
	uint8_t *ring, *bufs;
	unsigned n, next, tail;
	uint32_t bufsize;
	int fmt; /* 0 legacy, 1 extended/advanced */
};

struct t_nic {
	struct cdk_sim_dev *dev;
	const struct cdk_cap_trap_ops *ops;
	void *ctx;
	uint8_t *mem;
	size_t brk;
	int igb;
	struct t_queue rx[IGB_QUEUES], tx[IGB_QUEUES];
};

static inline uint64_t t_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static inline void t_nap(void)
{
	struct timespec ts = {0, 50000};

	nanosleep(&ts, NULL);
}

/* Wait (bounded) until cond holds; evaluates to whether it did. */
#define T_WAIT(cond)                                                          \
	({                                                                    \
		uint64_t t_end_ = t_now_ms() + T_TIMEOUT_MS;                  \
		while (!(cond) && t_now_ms() < t_end_)                        \
			t_nap();                                              \
		(cond) ? 1 : 0;                                               \
	})

static inline uint32_t t_rd(struct t_nic *t, uint32_t off)
{
	return (uint32_t)t->ops->read(t->ctx, off, 4);
}

static inline void t_wr(struct t_nic *t, uint32_t off, uint32_t v)
{
	t->ops->write(t->ctx, off, v, 4);
}

static inline void *t_alloc(struct t_nic *t, size_t len, size_t align)
{
	void *p;

	t->brk = (t->brk + align - 1) & ~(align - 1);
	p = t->mem + t->brk;
	t->brk += len;
	return t->brk <= T_MEM_SIZE ? p : NULL;
}

static inline int t_open(struct t_nic *t, enum cdk_sim_kind kind,
			 const uint8_t mac[6], const struct cdk_sim_opts *o)
{
	memset(t, 0, sizeof(*t));
	t->dev = cdk_sim_create(kind, mac, o);
	if (!t->dev)
		return -1;
	t->ops = cdk_sim_trap_ops(t->dev, &t->ctx);
	t->igb = kind == CDK_SIM_82576;
	t->mem = aligned_alloc(4096, T_MEM_SIZE);
	if (!t->mem)
		return -1;
	memset(t->mem, 0, T_MEM_SIZE);
	if (cdk_sim_dma_map(t->dev, (uint64_t)(uintptr_t)t->mem, t->mem,
			    T_MEM_SIZE))
		return -1;
	cdk_sim_set_bus_master(t->dev, 1);
	return 0;
}

static inline void t_close(struct t_nic *t)
{
	cdk_sim_destroy(t->dev);
	free(t->mem);
	t->dev = NULL;
	t->mem = NULL;
}

static inline uint64_t t_iova(const void *p)
{
	return (uint64_t)(uintptr_t)p;
}

/* Ring registers of queue q for this NIC. */
static inline uint32_t t_rxreg(struct t_nic *t, unsigned q, uint32_t reg0)
{
	return t->igb ? IGB_RXQ_BASE + IGB_QSTRIDE * q + (reg0 - 0x2800)
		      : reg0 + 0x100 * q;
}

static inline uint32_t t_txreg(struct t_nic *t, unsigned q, uint32_t reg0)
{
	return t->igb ? IGB_TXQ_BASE + IGB_QSTRIDE * q + (reg0 - 0x3800)
		      : reg0 + 0x100 * q;
}

static inline void t_rx_arm(struct t_queue *r, unsigned i)
{
	uint8_t *d = r->ring + 16 * i;
	uint64_t a = t_iova(r->bufs + (size_t)i * r->bufsize);

	memcpy(d, &a, 8);
	memset(d + 8, 0, 8);
}

/* An rx ring of n descriptors with bufsize buffers; fmt 1 selects the
 * advanced (igb) or extended (82574L) format. */
static inline void t_rx_setup(struct t_nic *t, unsigned q, unsigned n,
			      uint32_t bufsize, int fmt)
{
	struct t_queue *r = &t->rx[q];

	r->n = n;
	r->bufsize = bufsize;
	r->fmt = fmt;
	r->next = 0;
	r->ring = t_alloc(t, 16 * n, 128);
	r->bufs = t_alloc(t, (size_t)n * bufsize, 64);
	for (unsigned i = 0; i < n; i++)
		t_rx_arm(r, i);
	t_wr(t, t_rxreg(t, q, 0x2800), (uint32_t)t_iova(r->ring));
	t_wr(t, t_rxreg(t, q, 0x2804), (uint32_t)(t_iova(r->ring) >> 32));
	t_wr(t, t_rxreg(t, q, 0x2808), 16 * n);
	t_wr(t, t_rxreg(t, q, 0x2810), 0);
	if (t->igb) {
		t_wr(t, IGB_SRRCTL(q), bufsize / 1024 |
			(fmt ? IGB_SRRCTL_DESCTYPE_ADV_ONEBUF << 25 : 0));
		t_wr(t, IGB_RXDCTL(q), t_rd(t, IGB_RXDCTL(q)) | IGB_XDCTL_ENABLE);
	}
	r->tail = n - 1;
	t_wr(t, t_rxreg(t, q, 0x2818), r->tail);
}

static inline void t_tx_setup(struct t_nic *t, unsigned q, unsigned n)
{
	struct t_queue *r = &t->tx[q];

	r->n = n;
	r->bufsize = 4096;
	r->ring = t_alloc(t, 16 * n, 128);
	r->bufs = t_alloc(t, (size_t)n * r->bufsize, 64);
	r->next = r->tail = 0;
	t_wr(t, t_txreg(t, q, 0x3800), (uint32_t)t_iova(r->ring));
	t_wr(t, t_txreg(t, q, 0x3804), (uint32_t)(t_iova(r->ring) >> 32));
	t_wr(t, t_txreg(t, q, 0x3808), 16 * n);
	t_wr(t, t_txreg(t, q, 0x3810), 0);
	t_wr(t, t_txreg(t, q, 0x3818), 0);
	if (t->igb)
		t_wr(t, IGB_TXDCTL(q), IGB_XDCTL_ENABLE);
}

/* RCTL bits for a buffer size (SDM 13.4.22). */
static inline uint32_t t_bsize_bits(uint32_t bufsize)
{
	switch (bufsize) {
	case 256: return 3u << 16;
	case 512: return 2u << 16;
	case 1024: return 1u << 16;
	case 4096: return 3u << 16 | E1000_RCTL_BSEX;
	case 8192: return 2u << 16 | E1000_RCTL_BSEX;
	case 16384: return 1u << 16 | E1000_RCTL_BSEX;
	default: return 0;
	}
}

static inline void t_enable(struct t_nic *t, uint32_t extra_rctl,
			    uint32_t bufsize)
{
	t_wr(t, E1000_RCTL, E1000_RCTL_EN | E1000_RCTL_BAM | E1000_RCTL_SECRC |
			    t_bsize_bits(bufsize) | extra_rctl);
	t_wr(t, E1000_TCTL, E1000_TCTL_EN | E1000_TCTL_PSP);
}

/* Queue a frame on tx queue q (legacy descriptor, or advanced data
 * descriptor when adv); cmd_rs asks for status write-back. Returns the
 * descriptor index. Does not ring the doorbell unless ring. */
static inline unsigned t_tx_put(struct t_nic *t, unsigned q, const void *f,
				size_t len, int rs, int adv, int ring)
{
	struct t_queue *r = &t->tx[q];
	unsigned i = r->tail;
	uint8_t *d = r->ring + 16 * i, *b = r->bufs + (size_t)i * r->bufsize;
	uint64_t a = t_iova(b);
	uint32_t w2, w3 = 0;

	memcpy(b, f, len);
	if (adv) {
		w2 = (uint32_t)len | IGB_TXD_DTYP_DATA << 20 | IGB_TXD_DCMD_DEXT |
		     IGB_TXD_DCMD_EOP | 1u << 25 | (rs ? IGB_TXD_DCMD_RS : 0);
		w3 = (uint32_t)len << 14;
	} else {
		w2 = (uint32_t)len | (E1000_TXD_CMD_EOP | E1000_TXD_CMD_IFCS |
				      (rs ? E1000_TXD_CMD_RS : 0)) << 24;
	}
	memcpy(d, &a, 8);
	memcpy(d + 8, &w2, 4);
	memcpy(d + 12, &w3, 4);
	r->tail = (i + 1) % r->n;
	if (ring)
		t_wr(t, t_txreg(t, q, 0x3818), r->tail);
	return i;
}

static inline int t_tx_dd(struct t_nic *t, unsigned q, unsigned i)
{
	return __atomic_load_n(t->tx[q].ring + 16 * i + 12, __ATOMIC_ACQUIRE) &
	       1;
}

static inline int t_rx_dd(struct t_queue *r, unsigned i)
{
	return __atomic_load_n(r->ring + 16 * i + (r->fmt ? 8 : 12),
			       __ATOMIC_ACQUIRE) & 1;
}

static inline int t_rx_eop(struct t_queue *r, unsigned i)
{
	return (r->ring[16 * i + (r->fmt ? 8 : 12)] >> 1) & 1;
}

static inline unsigned t_rx_len(struct t_queue *r, unsigned i)
{
	const uint8_t *d = r->ring + 16 * i + (r->fmt ? 12 : 8);

	return (unsigned)(d[0] | d[1] << 8);
}

/* Receive one frame from rx queue q into buf (gathering descriptors up to
 * EOP) and give the descriptors back. Length, or -1 on timeout. */
static inline int t_rx(struct t_nic *t, unsigned q, uint8_t *buf, size_t cap)
{
	struct t_queue *r = &t->rx[q];
	size_t got = 0;

	for (;;) {
		unsigned i = r->next, len;
		int eop;

		if (!T_WAIT(t_rx_dd(r, i)))
			return -1;
		len = t_rx_len(r, i);
		eop = t_rx_eop(r, i);
		if (got + len <= cap)
			memcpy(buf + got, r->bufs + (size_t)i * r->bufsize, len);
		got += len;
		t_rx_arm(r, i);
		r->next = (i + 1) % r->n;
		r->tail = i;
		t_wr(t, t_rxreg(t, q, 0x2818), i);
		if (eop)
			return (int)got;
	}
}

/* A test frame: dst, src, ethertype 0x88b5 (local experimental), then
 * a counting pattern seeded by seq. */
static inline size_t t_frame(uint8_t *f, const uint8_t dst[6],
			     const uint8_t src[6], size_t len, unsigned seq)
{
	memcpy(f, dst, 6);
	memcpy(f + 6, src, 6);
	f[12] = 0x88;
	f[13] = 0xb5;
	for (size_t i = 14; i < len; i++)
		f[i] = (uint8_t)(seq * 7 + i);
	return len;
}

#endif
