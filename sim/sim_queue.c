/*
 * How a multi-queue model (the 82576) is served without one lock for the
 * whole device: a tail write serves its own queue, frames reaching the port
 * go straight into the ring of the queue they are classified to, and what
 * the whole device counts is gathered per service and folded in at its end.
 * See sim_internal.h for the locks and their order.
 *
 * The 82576 classifies a frame (filters, RSS) as it arrives and moves it
 * by the DMA engine of its queue (82576 DS 7.1.2, 7.1.4); frames wait in the
 * shared packet buffer only when their queue has no descriptors. The model
 * keeps that buffer a single FIFO, as before: once a frame waits there,
 * every later arrival queues behind it and the buffer is served in order
 * (the head-of-line blocking that SRRCTL.DROP_EN exists to avoid, 82576 DS
 * 8.10.2), so classification and order are the same as with one lock.
 */
#include <string.h>

#include "e1000/e1000_regs.h"
#include "sim_internal.h"

__thread struct sim_acc *sim_acc_cur;

/* Frames a tx pass produced for another model, handed over after it. */
struct sim_stage {
	struct cdk_sim_dev *dev, *target;
	size_t used;
	int full;
	uint8_t buf[SIM_STAGE_BYTES];
};

static __thread struct sim_stage *stage_cur;

void sim_acc_begin(struct sim_acc *a, struct cdk_sim_dev *dev)
{
	a->dev = dev;
	a->dirty = 0;
	a->icr = 0;
	a->used = a->pair = 0;
	memset(a->stat, 0, sizeof(a->stat));
	pthread_rwlock_rdlock(&dev->dma_lock);
	sim_acc_cur = a;
}

static uint32_t acc_sat(uint32_t v, uint64_t n)
{
	return n >= 0xffffffffull - v ? 0xffffffffu : v + (uint32_t)n;
}

void sim_acc_end(struct sim_acc *a)
{
	struct cdk_sim_dev *dev = a->dev;
	uint64_t *stat = (uint64_t *)&dev->stats;

	sim_acc_cur = NULL;
	pthread_rwlock_unlock(&dev->dma_lock);
	if (!a->dirty)
		return;
	pthread_mutex_lock(&dev->acc_lock);
	for (uint64_t m = a->used; m; m &= m - 1) {
		unsigned i = (unsigned)__builtin_ctzll(m);
		uint32_t off = SIM_STATS_BASE + 4 * i;

		if (a->pair & (1ull << i))
			sim_reg_add64(dev, off, a->reg[i]);
		else
			sim_reg_set(dev, off, acc_sat(sim_reg(dev, off), a->reg[i]));
	}
	if (a->icr) {
		sim_reg_set(dev, E1000_ICR, sim_reg(dev, E1000_ICR) | a->icr);
		sim_irq_raise(dev);
	}
	pthread_mutex_unlock(&dev->acc_lock);
	for (size_t i = 0; i < sizeof(a->stat) / sizeof(a->stat[0]); i++)
		if (a->stat[i])
			__atomic_fetch_add(&stat[i], a->stat[i], __ATOMIC_RELAXED);
}

/* ---- staging: [uint32_t len][frame], 4-byte aligned ---- */

int sim_stage_room(const struct cdk_sim_dev *dev)
{
	struct sim_stage *st = stage_cur;

	if (!st || st->dev != dev || !st->target)
		return 1;
	if (SIM_STAGE_BYTES - st->used >= SIM_MAX_FRAME + 16)
		return 1;
	st->full = 1;
	return 0;
}

int sim_stage_put(struct cdk_sim_dev *dev, const uint8_t *frame, size_t len)
{
	struct sim_stage *st = stage_cur;
	uint32_t l = (uint32_t)len;

	if (!st || st->dev != dev || !st->target)
		return 0;
	/* sim_stage_room() kept a whole frame's room. */
	memcpy(st->buf + st->used, &l, sizeof(l));
	memcpy(st->buf + st->used + sizeof(l), frame, len);
	st->used += (sizeof(l) + len + 3) & ~(size_t)3;
	return 1;
}

/* Frames reaching a multi-queue model, from a stage (no lock held). */
static void port_receive_staged(struct cdk_sim_dev *dev,
				const struct sim_stage *st)
{
	struct sim_acc acc;
	int kick = 0, held = -1;

	if (!dev->model->rx_fast) {
		for (size_t o = 0; o < st->used;) {
			uint32_t l;

			memcpy(&l, st->buf + o, sizeof(l));
			sim_port_enqueue(dev, st->buf + o + sizeof(l), l);
			o += (sizeof(l) + l + 3) & ~(size_t)3;
		}
		sim_engine_kick(dev);
		return;
	}
	pthread_rwlock_rdlock(&dev->lock);
	sim_acc_begin(&acc, dev);
	for (size_t o = 0; o < st->used;) {
		const uint8_t *f = st->buf + o + sizeof(uint32_t);
		uint32_t l;

		memcpy(&l, st->buf + o, sizeof(l));
		o += (sizeof(l) + l + 3) & ~(size_t)3;
		if (!l || l > SIM_MAX_FRAME)
			continue;
		/* Behind a waiting frame, or while the model is held (pause,
		 * hostile mode's tricks work on the buffer): wait in order. */
		if (sim_fifo_busy(&dev->fifo) ||
		    __atomic_load_n(&dev->paused, __ATOMIC_ACQUIRE) ||
		    __atomic_load_n(&dev->stop, __ATOMIC_ACQUIRE) ||
		    __atomic_load_n(&dev->hostile, __ATOMIC_RELAXED)) {
			sim_port_enqueue(dev, f, l);
			kick = 1;
			continue;
		}
		kick |= dev->model->rx_fast(dev, f, l, &held);
	}
	if (held >= 0)
		pthread_mutex_unlock(&dev->rxq[held].lock);
	sim_acc_end(&acc);
	pthread_rwlock_unlock(&dev->lock);
	/* Something waits: whoever serves the buffer next takes it, and a
	 * tail written meanwhile must not have been missed. */
	if (kick)
		sim_engine_kick(dev);
}

/* One pass over tx queue q (dev->lock held for reading); frames for
 * another model are left in st. */
static int queue_tx_pass(struct cdk_sim_dev *dev, unsigned q,
			 struct sim_stage *st)
{
	struct sim_acc acc;
	int work;

	st->dev = dev;
	st->target = dev->wire && dev->wire->target ? dev->wire->target(dev)
						    : NULL;
	st->used = 0;
	st->full = 0;
	sim_acc_begin(&acc, dev);
	stage_cur = st;
	pthread_mutex_lock(&dev->txq[q].lock);
	work = dev->model->tx_queue(dev, q);
	pthread_mutex_unlock(&dev->txq[q].lock);
	stage_cur = NULL;
	sim_acc_end(&acc);
	return work;
}

static int held(struct cdk_sim_dev *dev)
{
	return __atomic_load_n(&dev->paused, __ATOMIC_ACQUIRE) ||
	       __atomic_load_n(&dev->stop, __ATOMIC_ACQUIRE);
}

int sim_queue_serve_tx(struct cdk_sim_dev *dev, unsigned q, unsigned passes,
		       int *left)
{
	struct sim_stage st;
	int total = 0, more = 0;

	do {
		int work;

		pthread_rwlock_rdlock(&dev->lock);
		if (held(dev)) { /* resume runs a round */
			pthread_rwlock_unlock(&dev->lock);
			break;
		}
		work = queue_tx_pass(dev, q, &st);
		pthread_rwlock_unlock(&dev->lock);
		if (st.target && st.used)
			port_receive_staged(st.target, &st);
		total += work;
		more = work >= SIM_ROUND_BUDGET || st.full;
	} while (more && --passes);
	if (left)
		*left = more;
	return total;
}

/* Fold missed packets counted by other threads into the registers. */
static void fold_missed(struct cdk_sim_dev *dev)
{
	uint32_t n = __atomic_exchange_n(&dev->pending_missed, 0,
					 __ATOMIC_RELAXED);

	if (n && dev->model->rx_missed)
		dev->model->rx_missed(dev, n);
}

int sim_queue_dispatch(struct cdk_sim_dev *dev)
{
	struct sim_fifo_slot *s;
	struct sim_acc acc;
	int n = 0;

	pthread_rwlock_rdlock(&dev->lock);
	if (held(dev)) {
		pthread_rwlock_unlock(&dev->lock);
		return 0;
	}
	pthread_mutex_lock(&dev->rx_dispatch);
	sim_acc_begin(&acc, dev);
	fold_missed(dev);
	while (n < SIM_ROUND_BUDGET && (s = sim_fifo_front(&dev->fifo))) {
		if (dev->model->rx_frame(dev, s->buf, s->len) == SIM_RX_BLOCKED)
			break;
		sim_fifo_pop(&dev->fifo);
		n++;
	}
	sim_acc_end(&acc);
	pthread_mutex_unlock(&dev->rx_dispatch);
	pthread_rwlock_unlock(&dev->lock);
	return n;
}

int sim_queue_round(struct cdk_sim_dev *dev)
{
	const struct sim_wire_ops *w = __atomic_load_n(&dev->wire,
						       __ATOMIC_ACQUIRE);
	int work = 0;

	/* Only polled wires need the whole device (pcap, live). */
	if (w && w->poll) {
		sim_lock(dev);
		if (dev->wire && dev->wire->poll)
			work += dev->wire->poll(dev);
		sim_unlock(dev);
	}
	for (unsigned q = 0; q < dev->model->nb_queues; q++)
		work += sim_queue_serve_tx(dev, q, 1, NULL);
	work += sim_queue_dispatch(dev);
	return work;
}

void sim_queue_doorbell_write(struct cdk_sim_dev *dev, uint32_t off,
			      uint32_t val, unsigned q, int is_tx)
{
	pthread_mutex_t *l = is_tx ? &dev->txq[q].lock : &dev->rxq[q].lock;

	/* dev->lock for reading: the caller holds it. 82576 DS 8.10.5,
	 * 8.12.5: 16-bit tails. */
	pthread_mutex_lock(l);
	sim_reg_set(dev, off, val & 0xffff);
	pthread_mutex_unlock(l);
}
