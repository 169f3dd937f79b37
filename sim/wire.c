/*
 * A model's port and the simple wires: a back-to-back cable to another
 * model, a loopback, and a tap whose far end is a function. Files and live
 * interfaces are in wire_pcap.c and wire_live.c.
 */
#include <errno.h>
#include <stdlib.h>

#include "sim_internal.h"

int sim_port_enqueue(struct cdk_sim_dev *dev, const void *frame, size_t len)
{
	int rc;

	if (!len || len > SIM_MAX_FRAME)
		return -EINVAL;
	rc = sim_fifo_push(&dev->fifo, frame, len);
	if (rc == -ENOBUFS) {
		/* The packet buffer overflowed: a missed packet (MPC). */
		__atomic_fetch_add(&dev->pending_missed, 1, __ATOMIC_RELAXED);
		SIM_STAT_FETCH_ADD(dev, rx_missed, 1);
	}
	return rc;
}

int sim_port_receive(struct cdk_sim_dev *dev, const void *frame, size_t len)
{
	int rc = sim_port_enqueue(dev, frame, len);

	if (rc != -EINVAL)
		sim_engine_kick(dev);
	return rc;
}

void sim_port_transmit(struct cdk_sim_dev *dev, const uint8_t *frame,
		       size_t len)
{
	SIM_STAT_ADD(dev, tx_frames, 1);
	SIM_STAT_ADD(dev, tx_bytes, len);
	if (!dev->wire || sim_stage_put(dev, frame, len))
		return;
	if (sim_acc_of(dev)) {
		/* Queues transmitting at once share the wire's state. */
		pthread_mutex_lock(&dev->wire_lock);
		dev->wire->tx(dev, frame, len);
		pthread_mutex_unlock(&dev->wire_lock);
	} else {
		dev->wire->tx(dev, frame, len);
	}
}

int sim_port_linked(const struct cdk_sim_dev *dev)
{
	return dev->wire != NULL;
}

void sim_port_attach(struct cdk_sim_dev *dev, const struct sim_wire_ops *ops,
		     void *priv)
{
	dev->wire_priv = priv;
	__atomic_store_n(&dev->wire, ops, __ATOMIC_RELEASE);
	if (dev->model->link_change)
		dev->model->link_change(dev, 1);
}

/* Unplug dev's wire; dev->lock (and a peer's) held. */
static void port_detach(struct cdk_sim_dev *dev)
{
	if (!dev->wire)
		return;
	if (dev->wire->close)
		dev->wire->close(dev);
	__atomic_store_n(&dev->wire, NULL, __ATOMIC_RELEASE);
	dev->wire_priv = NULL;
	dev->peer = NULL;
	if (dev->model->link_change)
		dev->model->link_change(dev, 0);
}

static void lock_pair(struct cdk_sim_dev *a, struct cdk_sim_dev *b)
{
	if (a > b) {
		struct cdk_sim_dev *t = a;
		a = b;
		b = t;
	}
	sim_lock(a);
	sim_lock(b);
}

static void unlock_pair(struct cdk_sim_dev *a, struct cdk_sim_dev *b)
{
	sim_unlock(a);
	sim_unlock(b);
}

/* ---- back-to-back ---- */

static void b2b_tx(struct cdk_sim_dev *dev, const uint8_t *frame, size_t len)
{
	/* The peer stays valid: unplugging needs this device's lock. */
	sim_port_receive(dev->peer, frame, len);
}

static struct cdk_sim_dev *b2b_target(struct cdk_sim_dev *dev)
{
	return dev->peer;
}

static const struct sim_wire_ops wire_b2b = {
	.name = "b2b", .tx = b2b_tx, .target = b2b_target};

int cdk_sim_connect(struct cdk_sim_dev *a, struct cdk_sim_dev *b)
{
	int rc = 0;

	if (!a || !b || a == b)
		return -EINVAL;
	lock_pair(a, b);
	if (a->wire || b->wire) {
		rc = -EBUSY;
	} else {
		a->peer = b;
		b->peer = a;
		sim_port_attach(a, &wire_b2b, NULL);
		sim_port_attach(b, &wire_b2b, NULL);
	}
	unlock_pair(a, b);
	return rc;
}

void cdk_sim_disconnect(struct cdk_sim_dev *dev)
{
	struct cdk_sim_dev *peer;

	sim_lock(dev);
	peer = dev->peer;
	if (!peer) {
		port_detach(dev);
		sim_unlock(dev);
		return;
	}
	sim_unlock(dev);
	lock_pair(dev, peer);
	if (dev->peer == peer) {
		port_detach(dev);
		port_detach(peer);
	}
	unlock_pair(dev, peer);
}

/* ---- loopback ---- */

static void loop_tx(struct cdk_sim_dev *dev, const uint8_t *frame, size_t len)
{
	sim_port_receive(dev, frame, len);
}

static struct cdk_sim_dev *loop_target(struct cdk_sim_dev *dev)
{
	return dev;
}

static const struct sim_wire_ops wire_loopback = {
	.name = "loopback", .tx = loop_tx, .target = loop_target};

/* Attach a wire that has no peer, refusing if the port is wired. */
int sim_port_plug(struct cdk_sim_dev *dev, const struct sim_wire_ops *ops,
		  void *priv)
{
	int rc = 0;

	sim_lock(dev);
	if (dev->wire)
		rc = -EBUSY;
	else
		sim_port_attach(dev, ops, priv);
	sim_unlock(dev);
	return rc;
}

int cdk_sim_wire_loopback(struct cdk_sim_dev *dev)
{
	return sim_port_plug(dev, &wire_loopback, NULL);
}

/* ---- tap ---- */

struct wire_tap {
	cdk_sim_tap_fn fn;
	void *arg;
};

static void tap_tx(struct cdk_sim_dev *dev, const uint8_t *frame, size_t len)
{
	struct wire_tap *t = dev->wire_priv;

	t->fn(t->arg, frame, len);
}

static void tap_close(struct cdk_sim_dev *dev)
{
	free(dev->wire_priv);
}

static const struct sim_wire_ops wire_tap = {
	.name = "tap", .tx = tap_tx, .close = tap_close};

int cdk_sim_wire_tap(struct cdk_sim_dev *dev, cdk_sim_tap_fn fn, void *arg)
{
	struct wire_tap *t;
	int rc;

	if (!fn)
		return -EINVAL;
	t = malloc(sizeof(*t));
	if (!t)
		return -ENOMEM;
	t->fn = fn;
	t->arg = arg;
	rc = sim_port_plug(dev, &wire_tap, t);
	if (rc)
		free(t);
	return rc;
}

int cdk_sim_inject(struct cdk_sim_dev *dev, const void *frame, size_t len)
{
	return sim_port_receive(dev, frame, len);
}

const char *cdk_sim_wire_name(struct cdk_sim_dev *dev)
{
	const struct sim_wire_ops *w = __atomic_load_n(&dev->wire,
						       __ATOMIC_ACQUIRE);

	return w ? w->name : "none";
}
