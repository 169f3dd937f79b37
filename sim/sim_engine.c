/*
 * The device engine: one thread per model. A round transmits what the tx
 * rings hold up to their tails and moves frames from the rx packet buffer
 * into the rx rings. When rounds find nothing to do the thread spins a
 * little (a burst usually follows a burst), then sleeps on a condition
 * variable until a doorbell, an arriving frame or a short timeout.
 */
#include <errno.h>
#include <sched.h>
#include <time.h>

#include "cdk_common.h"
#include "sim_internal.h"

#define SIM_SPIN_ROUNDS 2000
#define SIM_SLEEP_NS_WIRE_POLL 1000000ull  /* pcap, live: poll each 1 ms */
#define SIM_SLEEP_NS_IDLE 50000000ull      /* otherwise a safety net */

static __thread int on_engine_thread; /* it may hold a model's lock */

static void engine_wake(struct cdk_sim_dev *dev)
{
	__atomic_store_n(&dev->kick, 1, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&dev->sleeping, __ATOMIC_SEQ_CST)) {
		pthread_mutex_lock(&dev->wake_lock);
		pthread_cond_broadcast(&dev->wake_cond);
		pthread_mutex_unlock(&dev->wake_lock);
	}
}

/* Fold missed packets counted by other threads into the registers. */
static void engine_fold_missed(struct cdk_sim_dev *dev)
{
	uint32_t n = __atomic_exchange_n(&dev->pending_missed, 0,
					 __ATOMIC_RELAXED);

	if (n && dev->model->rx_missed)
		dev->model->rx_missed(dev, n);
}

/* Offer buffered frames to the rx rings; frames moved (or dropped). */
static int engine_rx(struct cdk_sim_dev *dev)
{
	struct sim_fifo_slot *s;
	int n = 0;

	while (n < SIM_ROUND_BUDGET && (s = sim_fifo_front(&dev->fifo))) {
		if (dev->model->rx_frame(dev, s->buf, s->len) == SIM_RX_BLOCKED)
			break;
		sim_fifo_pop(&dev->fifo);
		n++;
	}
	return n;
}

static int engine_round(struct cdk_sim_dev *dev)
{
	int work = 0;

	if (dev->model->tx_queue)
		return sim_queue_round(dev);
	sim_lock(dev);
	if (dev->wire && dev->wire->poll)
		work += dev->wire->poll(dev);
	engine_fold_missed(dev);
	work += dev->model->tx_poll(dev);
	work += engine_rx(dev);
	sim_unlock(dev);
	return work;
}

static void engine_sleep(struct cdk_sim_dev *dev)
{
	struct timespec ts;
	const struct sim_wire_ops *w = __atomic_load_n(&dev->wire,
						       __ATOMIC_RELAXED);
	uint64_t ns = w && w->poll ? SIM_SLEEP_NS_WIRE_POLL : SIM_SLEEP_NS_IDLE;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_nsec += (long)(ns % 1000000000ull);
	ts.tv_sec += (time_t)(ns / 1000000000ull) + ts.tv_nsec / 1000000000L;
	ts.tv_nsec %= 1000000000L;
	pthread_mutex_lock(&dev->wake_lock);
	__atomic_store_n(&dev->sleeping, 1, __ATOMIC_SEQ_CST);
	while (!__atomic_load_n(&dev->kick, __ATOMIC_SEQ_CST) && !dev->stop) {
		if (pthread_cond_timedwait(&dev->wake_cond, &dev->wake_lock,
					   &ts) == ETIMEDOUT)
			break;
	}
	__atomic_store_n(&dev->sleeping, 0, __ATOMIC_SEQ_CST);
	pthread_mutex_unlock(&dev->wake_lock);
}

static void engine_wait_resume(struct cdk_sim_dev *dev)
{
	pthread_mutex_lock(&dev->wake_lock);
	while (dev->paused && !dev->stop)
		pthread_cond_wait(&dev->wake_cond, &dev->wake_lock);
	pthread_mutex_unlock(&dev->wake_lock);
}

static void *engine_main(void *arg)
{
	struct cdk_sim_dev *dev = arg;
	unsigned idle = 0;

	on_engine_thread = 1;
	while (!__atomic_load_n(&dev->stop, __ATOMIC_ACQUIRE)) {
		if (__atomic_load_n(&dev->paused, __ATOMIC_ACQUIRE)) {
			engine_wait_resume(dev);
			continue;
		}
		__atomic_store_n(&dev->kick, 0, __ATOMIC_SEQ_CST);
		int work = engine_round(dev);
		uint64_t r = __atomic_add_fetch(&dev->round, 1, __ATOMIC_ACQ_REL);

		if (work) {
			idle = 0;
			continue;
		}
		__atomic_store_n(&dev->idle_round, r, __ATOMIC_RELEASE);
		if (++idle < SIM_SPIN_ROUNDS) {
			if (idle % 64 == 0)
				sched_yield();
			else
				cdk_pause();
			continue;
		}
		engine_sleep(dev);
		idle = SIM_SPIN_ROUNDS / 2;
	}
	return NULL;
}

/*
 * Doorbells are also served at once on the thread that rang them: on a
 * small machine a poll-mode lcore keeps its core busy, and a model thread
 * that has to wait for a time slice would add milliseconds to every round
 * trip. A frame the round delivers to another model (a cable) kicks that one,
 * which is served after this round has let go of its lock, so two models
 * never hold each other's locks. The engine thread stays for wires that must
 * be polled (pcap, live) and as a safety net: a doorbell served here does not
 * wake it (a woken engine spins a while, on a core a forwarding lcore
 * wants), only work left over does.
 */
#define SIM_INLINE_MAX 16
#define SIM_INLINE_ROUNDS 16
static __thread struct cdk_sim_dev *inline_pending[SIM_INLINE_MAX];
static __thread int inline_n, inline_active;

static void serve_inline(struct cdk_sim_dev *dev)
{
	if (__atomic_load_n(&dev->paused, __ATOMIC_ACQUIRE) ||
	    __atomic_load_n(&dev->stop, __ATOMIC_ACQUIRE))
		return;
	/* A round serves at most SIM_ROUND_BUDGET descriptors per queue:
	 * as long as one may have stopped there, go on, so that the engine
	 * thread need not be woken for the rest. */
	for (int i = 0; engine_round(dev) >= SIM_ROUND_BUDGET; i++) {
		if (i == SIM_INLINE_ROUNDS) {
			engine_wake(dev);
			break;
		}
	}
}

static void serve_deferred(void)
{
	while (inline_n > 0)
		serve_inline(inline_pending[--inline_n]);
	inline_active = 0;
}

static void defer_inline(struct cdk_sim_dev *dev)
{
	for (int i = 0; i < inline_n; i++)
		if (inline_pending[i] == dev)
			return;
	if (inline_n < SIM_INLINE_MAX)
		inline_pending[inline_n++] = dev;
	else
		engine_wake(dev);
}

void sim_engine_kick(struct cdk_sim_dev *dev)
{
	if (on_engine_thread) {
		engine_wake(dev);
		return; /* an engine: the kicked model's own loop does the work */
	}
	if (inline_active) {
		defer_inline(dev);
		return;
	}
	inline_active = 1;
	serve_inline(dev);
	serve_deferred();
}

/*
 * A multi-queue model's tail write serves that queue only: a tx tail its
 * ring, an rx tail the frames waiting in the packet buffer, if any (with
 * none waiting, arriving frames go straight to the rings). Another queue's
 * doorbell on another core goes on at the same time.
 */
void sim_engine_doorbell(struct cdk_sim_dev *dev, unsigned q, int is_tx)
{
	int left = 0;

	if (on_engine_thread) {
		engine_wake(dev);
		return;
	}
	if (inline_active) {
		defer_inline(dev);
		return;
	}
	inline_active = 1;
	if (is_tx)
		sim_queue_serve_tx(dev, q, SIM_INLINE_ROUNDS, &left);
	else if (sim_fifo_busy(&dev->fifo) ||
		 __atomic_load_n(&dev->pending_missed, __ATOMIC_RELAXED))
		for (int i = 0; sim_queue_dispatch(dev) >= SIM_ROUND_BUDGET;)
			if (++i == SIM_INLINE_ROUNDS) {
				left = 1;
				break;
			}
	if (left)
		engine_wake(dev);
	serve_deferred();
}

int sim_engine_start(struct cdk_sim_dev *dev)
{
	pthread_condattr_t ca;
	int rc;

	pthread_mutex_init(&dev->wake_lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&dev->wake_cond, &ca);
	pthread_condattr_destroy(&ca);
	rc = pthread_create(&dev->thread, NULL, engine_main, dev);
	if (rc)
		return -rc;
	dev->running = 1;
	return 0;
}

void sim_engine_stop(struct cdk_sim_dev *dev)
{
	if (!dev->running)
		return;
	pthread_mutex_lock(&dev->wake_lock);
	__atomic_store_n(&dev->stop, 1, __ATOMIC_RELEASE);
	pthread_cond_broadcast(&dev->wake_cond);
	pthread_mutex_unlock(&dev->wake_lock);
	pthread_join(dev->thread, NULL);
	dev->running = 0;
	pthread_cond_destroy(&dev->wake_cond);
	pthread_mutex_destroy(&dev->wake_lock);
}

void cdk_sim_pause(struct cdk_sim_dev *dev)
{
	pthread_mutex_lock(&dev->wake_lock);
	__atomic_store_n(&dev->paused, 1, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&dev->wake_lock);
	/* Returning while a round is in flight would let it finish after
	 * pause() returned; taking the device lock waits it out. */
	sim_lock(dev);
	sim_unlock(dev);
}

void cdk_sim_resume(struct cdk_sim_dev *dev)
{
	pthread_mutex_lock(&dev->wake_lock);
	__atomic_store_n(&dev->paused, 0, __ATOMIC_RELEASE);
	pthread_cond_broadcast(&dev->wake_cond);
	pthread_mutex_unlock(&dev->wake_lock);
}

int cdk_sim_quiesce(struct cdk_sim_dev *dev, unsigned timeout_ms)
{
	struct timespec start, now, nap = {0, 100000};
	uint64_t r0 = __atomic_load_n(&dev->round, __ATOMIC_ACQUIRE);

	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		if (__atomic_load_n(&dev->paused, __ATOMIC_ACQUIRE))
			return 0;
		/* An idle round that began after we were called. */
		if (__atomic_load_n(&dev->idle_round, __ATOMIC_ACQUIRE) >
		    r0 + 1)
			return 0;
		sim_engine_kick(dev);
		clock_gettime(CLOCK_MONOTONIC, &now);
		if ((now.tv_sec - start.tv_sec) * 1000 +
			    (now.tv_nsec - start.tv_nsec) / 1000000 >=
		    (long)timeout_ms)
			return -ETIMEDOUT;
		engine_wake(dev);
		nanosleep(&nap, NULL);
	}
}
