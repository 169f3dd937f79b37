/*
 * The rx packet buffer: frames that reached the port and wait for receive
 * descriptors. Its capacity in bytes is the rx part of PBA (SDM 13.4.25), so
 * a driver that stops replenishing its ring sees frames pile up here and
 * then the missed packet counter grow, as on the hardware.
 *
 * One producer side (a wire: the peer's engine, a pcap reader, an injector)
 * and one consumer (the engine, or whoever holds rx_dispatch). The consumer
 * reads the head slot without the lock: producers only ever write free
 * slots. The count is also read without the lock, as a hint
 * (sim_fifo_busy()).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sim_internal.h"

void sim_fifo_init(struct sim_fifo *f)
{
	memset(f, 0, sizeof(*f));
	pthread_mutex_init(&f->lock, NULL);
}

void sim_fifo_fini(struct sim_fifo *f)
{
	for (unsigned i = 0; i < SIM_FIFO_SLOTS; i++)
		free(f->slot[i].buf);
	pthread_mutex_destroy(&f->lock);
}

void sim_fifo_flush(struct sim_fifo *f)
{
	pthread_mutex_lock(&f->lock);
	f->head = 0;
	__atomic_store_n(&f->count, 0, __ATOMIC_RELEASE);
	f->bytes = 0;
	pthread_mutex_unlock(&f->lock);
}

static int fifo_fits(const struct sim_fifo *f, size_t len)
{
	return f->count < SIM_FIFO_SLOTS && f->bytes + len <= f->limit;
}

int sim_fifo_has_room(struct sim_fifo *f, size_t len)
{
	int ok;

	pthread_mutex_lock(&f->lock);
	ok = fifo_fits(f, len);
	pthread_mutex_unlock(&f->lock);
	return ok;
}

int sim_fifo_push_first(struct sim_fifo *f, const void *frame, size_t len,
			int *first)
{
	struct sim_fifo_slot *s;

	pthread_mutex_lock(&f->lock);
	*first = f->count == 0;
	if (!fifo_fits(f, len)) {
		pthread_mutex_unlock(&f->lock);
		return -ENOBUFS;
	}
	s = &f->slot[(f->head + f->count) % SIM_FIFO_SLOTS];
	if (s->cap < len) {
		uint8_t *b = realloc(s->buf, len);

		if (!b) {
			pthread_mutex_unlock(&f->lock);
			return -ENOMEM;
		}
		s->buf = b;
		s->cap = (uint32_t)len;
	}
	memcpy(s->buf, frame, len);
	s->len = (uint32_t)len;
	f->bytes += len;
	__atomic_store_n(&f->count, f->count + 1, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&f->lock);
	return 0;
}

int sim_fifo_push(struct sim_fifo *f, const void *frame, size_t len)
{
	int first;

	return sim_fifo_push_first(f, frame, len, &first);
}

struct sim_fifo_slot *sim_fifo_front(struct sim_fifo *f)
{
	struct sim_fifo_slot *s = NULL;

	pthread_mutex_lock(&f->lock);
	if (f->count)
		s = &f->slot[f->head];
	pthread_mutex_unlock(&f->lock);
	return s;
}

void sim_fifo_pop(struct sim_fifo *f)
{
	pthread_mutex_lock(&f->lock);
	if (f->count) {
		f->bytes -= f->slot[f->head].len;
		f->head = (f->head + 1) % SIM_FIFO_SLOTS;
		__atomic_store_n(&f->count, f->count - 1, __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&f->lock);
}

unsigned sim_fifo_count(struct sim_fifo *f)
{
	unsigned n;

	pthread_mutex_lock(&f->lock);
	n = f->count;
	pthread_mutex_unlock(&f->lock);
	return n;
}
