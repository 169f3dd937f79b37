/*
 * Inside a device model: the device structure shared by the engine, the
 * DMA check, the wires and the models (sim/e1000, sim/igb).
 *
 * Locking. dev->lock is a reader/writer lock. Held for writing it makes
 * the holder the model's only user: every register access but a multi-queue
 * model's doorbells, the PCI configuration space, reset, wires plugged or
 * unplugged, and the whole data path of a single-queue model (e1000).
 *
 * A multi-queue model (82576: sim_model_ops.tx_queue) serves its queues
 * concurrently, as the hardware's per-queue DMA engines do (82576 DS 7.1,
 * 7.2): with dev->lock held for reading,
 *   - txq[q].lock guards tx queue q: its ring registers and gather context;
 *   - rxq[q].lock guards rx queue q: its ring registers and counters;
 *   - rx_dispatch guards the walk of the rx packet buffer (frames that had
 *     to wait, served strictly in arrival order) and the model's copy of
 *     the frame at its head;
 *   - what the whole device counts (the statistics block, ICR, the model's
 *     own counters) is gathered per service in a struct sim_acc and folded
 *     into the device under acc_lock before dev->lock is let go, so that a
 *     writer (a statistics read, ICR read) sees all of it.
 * Control registers only change with dev->lock held for writing, so a
 * reader may read them freely.
 *
 * Order: dev->lock, then rx_dispatch, then one rxq or txq lock, then the
 * leaves (fifo.lock, wire_lock, dma_lock, acc_lock, wake_lock). One thread
 * holds one model's locks at a time: frames for another model (a cable)
 * are staged and handed over after the sender has let go of its own.
 * Two device locks are only ever held together by connect/disconnect,
 * for writing, in address order.
 */
#ifndef SIM_INTERNAL_H
#define SIM_INTERNAL_H

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#include "cdk_log.h"
#include "cdk_sim.h"

#define SIM_BAR0_SIZE 0x20000u
#define SIM_MAX_QUEUES 16
#define SIM_MAX_FRAME 16384       /* largest frame a wire carries */
#define SIM_MIN_FRAME 60          /* without FCS */
#define SIM_FCS_LEN 4
#define SIM_DMA_MAX_REGIONS 256
#define SIM_FIFO_SLOTS 1024
#define SIM_ROUND_BUDGET 64       /* descriptors per queue per engine round */

struct cdk_sim_dev;

/* The SDM 13.7 statistics block (0x4000-0x40fc), counted per service. */
#define SIM_STATS_BASE 0x4000u
#define SIM_STATS_DWORDS 64u
#define SIM_STAGE_BYTES 65536u /* frames for another model, per tx pass */

/* One frame waiting in the rx packet buffer. */
struct sim_fifo_slot {
	uint8_t *buf;
	uint32_t cap;
	uint32_t len;
};

/* The rx packet buffer: frames that reached the port, not yet in a ring. */
struct sim_fifo {
	pthread_mutex_t lock;
	struct sim_fifo_slot slot[SIM_FIFO_SLOTS];
	unsigned head, count;
	uint64_t bytes, limit;
};

/* A wire: where the port's transmitted frames go, where frames come from. */
struct sim_wire_ops {
	const char *name;
	/* A frame leaves the port (dev->lock held). */
	void (*tx)(struct cdk_sim_dev *dev, const uint8_t *frame, size_t len);
	/* Pull arriving frames into the fifo (dev->lock held); frames taken. */
	int (*poll)(struct cdk_sim_dev *dev);
	/* Release the wire's resources (dev->lock held). */
	void (*close)(struct cdk_sim_dev *dev);
	/* The model a transmitted frame reaches (cable, loopback), for wires
	 * whose frames are staged and handed over after the sender's locks. */
	struct cdk_sim_dev *(*target)(struct cdk_sim_dev *dev);
};

/* Result of offering a frame to the model's receive path. */
enum sim_rx_result {
	SIM_RX_DONE = 0,   /* written into a ring, or dropped by the model */
	SIM_RX_BLOCKED,    /* no descriptors: keep it and retry later */
};

/* What a NIC model provides to the engine (all called with dev->lock; the
 * multi-queue operations with it held for reading, see the top). */
struct sim_model_ops {
	const char *name;
	uint16_t device_id;
	unsigned nb_queues;
	size_t priv_size;
	void (*reset)(struct cdk_sim_dev *dev);
	uint32_t (*read)(struct cdk_sim_dev *dev, uint32_t off);
	uint32_t (*peek)(struct cdk_sim_dev *dev, uint32_t off);
	/* Returns nonzero when the write should wake the engine. */
	int (*write)(struct cdk_sim_dev *dev, uint32_t off, uint32_t val);
	int (*tx_poll)(struct cdk_sim_dev *dev);
	enum sim_rx_result (*rx_frame)(struct cdk_sim_dev *dev,
				       const uint8_t *frame, size_t len);
	void (*link_change)(struct cdk_sim_dev *dev, int up);
	void (*rx_missed)(struct cdk_sim_dev *dev, uint32_t n);

	/* Multi-queue models only. Is off a tail register (its canonical
	 * offset in *canon)? The queue, or -1. */
	int (*doorbell)(uint32_t off, uint32_t *canon, int *is_tx);
	/* Serve tx queue q once (txq[q].lock held). */
	int (*tx_queue)(struct cdk_sim_dev *dev, unsigned q);
	/* A frame from the wire while nothing waits in the packet buffer:
	 * into its queue's ring, or (returns 1) left waiting there. *held
	 * is the rx queue whose lock the caller holds (-1: none); the model
	 * keeps it across frames for the same queue and changes it as
	 * needed; the caller lets the last one go. */
	int (*rx_fast)(struct cdk_sim_dev *dev, const uint8_t *frame,
		       size_t len, int *held);
};

/* A lock of its own cache line: queues served on different cores must not
 * share one. */
struct sim_qlock {
	pthread_mutex_t lock;
} __attribute__((aligned(64)));

struct cdk_sim_dev {
	const struct sim_model_ops *model;
	enum cdk_sim_kind kind;
	uint8_t mac[6];
	char name[24];

	pthread_rwlock_t lock;
	struct sim_qlock rxq[SIM_MAX_QUEUES], txq[SIM_MAX_QUEUES];
	pthread_mutex_t rx_dispatch, acc_lock, wire_lock;
	uint32_t regs[SIM_BAR0_SIZE / 4];
	uint8_t pci_cfg[256];
	void *priv; /* the model's own state */

	/* DMA check */
	pthread_rwlock_t dma_lock;
	struct {
		uint64_t iova, len;
		uint8_t *va;
	} dma[SIM_DMA_MAX_REGIONS];
	unsigned nb_dma;
	struct cdk_sim_dma_fault last_fault;
	int has_fault;

	struct sim_fifo fifo;
	uint32_t pending_missed; /* atomically: MPC not yet in the registers */

	/* wire */
	const struct sim_wire_ops *wire;
	void *wire_priv;
	struct cdk_sim_dev *peer;

	/* engine */
	pthread_t thread;
	pthread_mutex_t wake_lock;
	pthread_cond_t wake_cond;
	int kick, sleeping, stop, paused, running;
	uint64_t round, idle_round;

	struct cdk_sim_stats stats; /* updated atomically */
	uint32_t hostile;
	uint64_t rng;
	FILE *trace;
	cdk_sim_irq_fn irq_fn;
	void *irq_arg;
};

extern const struct sim_model_ops sim_e1000_82540em_ops;
extern const struct sim_model_ops sim_e1000_82574l_ops;
extern const struct sim_model_ops sim_igb_82576_ops;

/*
 * What one service of a multi-queue model counts for the whole device,
 * folded in at its end (sim_acc_end): the device-wide counters would
 * otherwise bounce between the cores serving different queues.
 */
struct sim_acc {
	struct cdk_sim_dev *dev;
	int dirty;
	uint32_t icr;                     /* causes to post */
	uint64_t used, pair;              /* which dwords; which are 64-bit */
	uint64_t reg[SIM_STATS_DWORDS];   /* deltas to the statistics block */
	uint64_t stat[sizeof(struct cdk_sim_stats) / sizeof(uint64_t)];
};

extern __thread struct sim_acc *sim_acc_cur;

/* The accumulator of this thread's service of dev, or NULL. */
static inline struct sim_acc *sim_acc_of(const struct cdk_sim_dev *dev)
{
	struct sim_acc *a = sim_acc_cur;

	return a && a->dev == dev ? a : NULL;
}

/* Start and end a service of dev (dev->lock held for reading): the DMA
 * table is read-locked once for it, counters are gathered and folded. */
void sim_acc_begin(struct sim_acc *a, struct cdk_sim_dev *dev);
void sim_acc_end(struct sim_acc *a);

/* Registers (dev->lock held; see the top for which lock guards which). */
static inline uint32_t sim_reg(const struct cdk_sim_dev *dev, uint32_t off)
{
	return dev->regs[off >> 2];
}
static inline void sim_reg_set(struct cdk_sim_dev *dev, uint32_t off,
			       uint32_t v)
{
	dev->regs[off >> 2] = v;
}
static inline int sim_acc_reg(struct sim_acc *a, uint32_t off, uint64_t n,
			      int pair)
{
	unsigned i = (off - SIM_STATS_BASE) >> 2;

	if (!a || off < SIM_STATS_BASE || i >= SIM_STATS_DWORDS)
		return 0;
	/* reg[] is only meaningful where used says so (not cleared). */
	a->reg[i] = (a->used & (1ull << i) ? a->reg[i] : 0) + n;
	a->used |= 1ull << i;
	if (pair)
		a->pair |= 1ull << i;
	a->dirty = 1;
	return 1;
}
/* Saturating counter increment (SDM 13.7: counters stick at all ones). */
static inline void sim_reg_inc(struct cdk_sim_dev *dev, uint32_t off,
			       uint32_t n)
{
	uint32_t v = dev->regs[off >> 2];

	if (sim_acc_reg(sim_acc_of(dev), off, n, 0))
		return;
	dev->regs[off >> 2] = v + n < v ? 0xffffffffu : v + n;
}
/* A 64-bit counter kept in a low/high register pair. */
static inline void sim_reg_add64(struct cdk_sim_dev *dev, uint32_t lo,
				 uint64_t n)
{
	uint64_t v = ((uint64_t)sim_reg(dev, lo + 4) << 32) | sim_reg(dev, lo);

	if (sim_acc_reg(sim_acc_of(dev), lo, n, 1))
		return;
	v += n;
	sim_reg_set(dev, lo, (uint32_t)v);
	sim_reg_set(dev, lo + 4, (uint32_t)(v >> 32));
}

static inline void sim_stat_add(struct cdk_sim_dev *dev, uint64_t *field,
				uint64_t n)
{
	struct sim_acc *a = sim_acc_of(dev);

	if (a) {
		a->stat[field - (uint64_t *)&dev->stats] += n;
		a->dirty = 1;
		return;
	}
	__atomic_fetch_add(field, n, __ATOMIC_RELAXED);
}
#define SIM_STAT_ADD(dev, field, n) \
	sim_stat_add((dev), &(dev)->stats.field, (n))
/* At once, with the count before: for log throttling. */
#define SIM_STAT_FETCH_ADD(dev, field, n) \
	__atomic_fetch_add(&(dev)->stats.field, (n), __ATOMIC_RELAXED)

/* The whole-device lock (see the top). */
static inline void sim_lock(struct cdk_sim_dev *dev)
{
	pthread_rwlock_wrlock(&dev->lock);
}
static inline void sim_unlock(struct cdk_sim_dev *dev)
{
	pthread_rwlock_unlock(&dev->lock);
}

/* DMA through the IOMMU-like check (sim_dma.c); dev->lock held. 0 or
 * -EFAULT (outside registered memory) / -EPERM (bus master off). */
int sim_dma_read(struct cdk_sim_dev *dev, uint64_t iova, void *dst,
		 size_t len);
int sim_dma_write(struct cdk_sim_dev *dev, uint64_t iova, const void *src,
		  size_t len);
/* Write a 16-byte descriptor so that its upper half (status, DD) lands
 * last, as hardware's single write-back does. */
int sim_dma_write_desc(struct cdk_sim_dev *dev, uint64_t iova,
		       const void *desc);

/* Rx packet buffer (sim_fifo.c). */
void sim_fifo_init(struct sim_fifo *f);
void sim_fifo_fini(struct sim_fifo *f);
void sim_fifo_flush(struct sim_fifo *f);
int sim_fifo_push(struct sim_fifo *f, const void *frame, size_t len);
struct sim_fifo_slot *sim_fifo_front(struct sim_fifo *f);
void sim_fifo_pop(struct sim_fifo *f);
/* Push; *first tells whether the frame is now at the head. */
int sim_fifo_push_first(struct sim_fifo *f, const void *frame, size_t len,
			int *first);
/* Whether frames wait, without the lock: a hint for the fast path. */
static inline int sim_fifo_busy(const struct sim_fifo *f)
{
	return __atomic_load_n(&f->count, __ATOMIC_ACQUIRE) != 0;
}
int sim_fifo_has_room(struct sim_fifo *f, size_t len);
unsigned sim_fifo_count(struct sim_fifo *f);

/* A frame arriving at dev's port from its wire (any thread, no dev lock):
 * queued in the packet buffer or counted as missed. 0 or -ENOBUFS. */
int sim_port_receive(struct cdk_sim_dev *dev, const void *frame, size_t len);
/* The same without waking anyone: the caller serves or kicks dev. */
int sim_port_enqueue(struct cdk_sim_dev *dev, const void *frame, size_t len);
/* A frame leaving dev's port (dev->lock held). */
void sim_port_transmit(struct cdk_sim_dev *dev, const uint8_t *frame,
		       size_t len);
int sim_port_linked(const struct cdk_sim_dev *dev);
/* Attach a wire; dev->lock held by the caller. */
void sim_port_attach(struct cdk_sim_dev *dev, const struct sim_wire_ops *ops,
		     void *priv);
/* Attach a peerless wire under the lock; -EBUSY if the port is wired. */
int sim_port_plug(struct cdk_sim_dev *dev, const struct sim_wire_ops *ops,
		  void *priv);

/* Multi-queue service (sim_queue.c). Serve tx queue q, up to passes
 * passes (*left: it stopped with descriptors left); move waiting frames
 * into the rings; a whole round (engine). */
int sim_queue_serve_tx(struct cdk_sim_dev *dev, unsigned q, unsigned passes,
		       int *left);
int sim_queue_dispatch(struct cdk_sim_dev *dev);
int sim_queue_round(struct cdk_sim_dev *dev);
/* Store a tail (dev->lock held for reading). */
void sim_queue_doorbell_write(struct cdk_sim_dev *dev, uint32_t off,
			      uint32_t val, unsigned q, int is_tx);

/* Engine (sim_engine.c). */
int sim_engine_start(struct cdk_sim_dev *dev);
void sim_engine_stop(struct cdk_sim_dev *dev);
void sim_engine_kick(struct cdk_sim_dev *dev);
/* A multi-queue model's tail register write (its doorbell). */
void sim_engine_doorbell(struct cdk_sim_dev *dev, unsigned q, int is_tx);
/* Is there room to stage one more frame of dev's (tx walkers stop when
 * not)? */
int sim_stage_room(const struct cdk_sim_dev *dev);
/* Stage a frame dev transmits for the model at the other end of its wire;
 * 0 when the wire is not staged (the caller hands it to wire->tx). */
int sim_stage_put(struct cdk_sim_dev *dev, const uint8_t *frame, size_t len);

/* Interrupt delivery (sim_dev.c): call the hook if causes are unmasked
 * (dev->lock held, and acc_lock when folding). */
void sim_irq_raise(struct cdk_sim_dev *dev);

/* Trace a line if tracing is on. */
void sim_trace(struct cdk_sim_dev *dev, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static inline int sim_tracing(const struct cdk_sim_dev *dev)
{
	return __atomic_load_n(&dev->trace, __ATOMIC_RELAXED) != NULL;
}

/* Hostile mode helpers (sim_hostile.c). */
static inline int sim_hostile(const struct cdk_sim_dev *dev, uint32_t flag)
{
	return (__atomic_load_n(&dev->hostile, __ATOMIC_RELAXED) & flag) != 0;
}
uint32_t sim_rand(struct cdk_sim_dev *dev);

/* Frame helpers shared by the models (sim_frame.c). */
uint32_t sim_crc32(const uint8_t *p, size_t n);
/* Does the receive filter accept frame? The 16 RAL/RAH entries at 0x5400
 * and nb_ra_hi more at ra_hi_base (82576) are the exact filters. */
int sim_addr_filter(struct cdk_sim_dev *dev, const uint8_t *frame,
		    uint32_t rctl, uint32_t ra_hi_base, unsigned nb_ra_hi);
/* Count a received / transmitted frame in the SDM 13.7 statistics block. */
void sim_stats_rx(struct cdk_sim_dev *dev, const uint8_t *frame,
		  size_t len_with_fcs);
void sim_stats_tx(struct cdk_sim_dev *dev, const uint8_t *frame,
		  size_t len_with_fcs);
/* Is the register at off a clear-on-read statistic; and the read. */
int sim_stats_is_counter(uint32_t off);
uint32_t sim_stats_read_clear(struct cdk_sim_dev *dev, uint32_t off);

#endif
