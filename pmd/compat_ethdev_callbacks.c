/*
 * DPDK's rx/tx burst callbacks (rte_ethdev.h). A callback list per port and
 * queue; rte_eth_rx_burst and rte_eth_tx_burst, inline, run it. Lists are
 * changed under a lock and published with release stores, so a burst on
 * another lcore sees either the old list or the new one, whole.
 */
#include <errno.h>
#include <pthread.h>

#include <rte_ethdev.h>
#include <rte_malloc.h>

struct rte_eth_rxtx_callback
	*cdk_compat_rx_callbacks[RTE_MAX_ETHPORTS][RTE_MAX_QUEUES_PER_PORT];
struct rte_eth_rxtx_callback
	*cdk_compat_tx_callbacks[RTE_MAX_ETHPORTS][RTE_MAX_QUEUES_PER_PORT];

static pthread_mutex_t cb_lock = PTHREAD_MUTEX_INITIALIZER;

/* The list head for a configured queue, or NULL with errno EINVAL. */
static struct rte_eth_rxtx_callback **cb_head(uint16_t port_id, uint16_t queue_id,
					      int rx, const void *fn)
{
	struct rte_eth_dev_info info;

	if (fn == NULL || cdk_eth_dev_info_get(port_id, &info) != 0 ||
	    queue_id >= (rx ? info.nb_rx_queues : info.nb_tx_queues) ||
	    queue_id >= RTE_MAX_QUEUES_PER_PORT) {
		errno = EINVAL;
		return NULL;
	}
	return rx ? &cdk_compat_rx_callbacks[port_id][queue_id] :
		    &cdk_compat_tx_callbacks[port_id][queue_id];
}

static struct rte_eth_rxtx_callback *cb_new(void *param)
{
	struct rte_eth_rxtx_callback *cb =
		rte_zmalloc("rxtx_callback", sizeof(*cb), 0);

	if (cb == NULL) {
		errno = ENOMEM;
		return NULL;
	}
	cb->param = param;
	return cb;
}

/* Append (first = 0) or prepend cb to the list at head. */
static void cb_link(struct rte_eth_rxtx_callback **head,
		    struct rte_eth_rxtx_callback *cb, int first)
{
	struct rte_eth_rxtx_callback **pp = head;

	pthread_mutex_lock(&cb_lock);
	if (first) {
		cb->next = *head;
	} else {
		while (*pp != NULL)
			pp = &(*pp)->next;
	}
	__atomic_store_n(first ? head : pp, cb, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&cb_lock);
}

static const struct rte_eth_rxtx_callback *
add_rx(uint16_t port_id, uint16_t queue_id, rte_rx_callback_fn fn,
       void *user_param, int first)
{
	struct rte_eth_rxtx_callback **head = cb_head(port_id, queue_id, 1, fn);
	struct rte_eth_rxtx_callback *cb;

	if (head == NULL || (cb = cb_new(user_param)) == NULL)
		return NULL;
	cb->fn.rx = fn;
	cb_link(head, cb, first);
	return cb;
}

const struct rte_eth_rxtx_callback *
rte_eth_add_rx_callback(uint16_t port_id, uint16_t queue_id,
			rte_rx_callback_fn fn, void *user_param)
{
	return add_rx(port_id, queue_id, fn, user_param, 0);
}

const struct rte_eth_rxtx_callback *
rte_eth_add_first_rx_callback(uint16_t port_id, uint16_t queue_id,
			      rte_rx_callback_fn fn, void *user_param)
{
	return add_rx(port_id, queue_id, fn, user_param, 1);
}

const struct rte_eth_rxtx_callback *
rte_eth_add_tx_callback(uint16_t port_id, uint16_t queue_id,
			rte_tx_callback_fn fn, void *user_param)
{
	struct rte_eth_rxtx_callback **head = cb_head(port_id, queue_id, 0, fn);
	struct rte_eth_rxtx_callback *cb;

	if (head == NULL || (cb = cb_new(user_param)) == NULL)
		return NULL;
	cb->fn.tx = fn;
	cb_link(head, cb, 0);
	return cb;
}

static int cb_unlink(struct rte_eth_rxtx_callback **head,
		     const struct rte_eth_rxtx_callback *user_cb)
{
	struct rte_eth_rxtx_callback **pp;
	int rc = -EINVAL;

	pthread_mutex_lock(&cb_lock);
	for (pp = head; *pp != NULL; pp = &(*pp)->next) {
		if (*pp == user_cb) {
			__atomic_store_n(pp, user_cb->next, __ATOMIC_RELEASE);
			rc = 0;
			break;
		}
	}
	pthread_mutex_unlock(&cb_lock);
	return rc;
}

int rte_eth_remove_rx_callback(uint16_t port_id, uint16_t queue_id,
			       const struct rte_eth_rxtx_callback *user_cb)
{
	if (user_cb == NULL || port_id >= RTE_MAX_ETHPORTS ||
	    queue_id >= RTE_MAX_QUEUES_PER_PORT)
		return -EINVAL;
	return cb_unlink(&cdk_compat_rx_callbacks[port_id][queue_id], user_cb);
}

int rte_eth_remove_tx_callback(uint16_t port_id, uint16_t queue_id,
			       const struct rte_eth_rxtx_callback *user_cb)
{
	if (user_cb == NULL || port_id >= RTE_MAX_ETHPORTS ||
	    queue_id >= RTE_MAX_QUEUES_PER_PORT)
		return -EINVAL;
	return cb_unlink(&cdk_compat_tx_callbacks[port_id][queue_id], user_cb);
}
