/*
 * The port table and the life cycle of a port: configure, queue setup,
 * start, stop, close, with DPDK's order and error codes. Capabilities are
 * granted in ethdev_caps.c.
 */
#include <errno.h>
#include <string.h>

#include "cdk_log.h"
#include "cdk_pmd.h"
#include "pmd/ethdev_private.h"

struct cdk_eth_fp_ops cdk_eth_fp_ops[CDK_MAX_ETHPORTS];
static struct cdk_eth_dev eth_devs[CDK_MAX_ETHPORTS];

#define LOG_PORT(lvl, port, fmt, ...)                                    \
	cdk_log(CDK_LOG_##lvl, CDK_LOGTYPE_ETHDEV, "port %u: " fmt, port,     \
		##__VA_ARGS__)

struct cdk_eth_dev *cdk_eth_dev_get(uint16_t port_id)
{
	if (port_id >= CDK_MAX_ETHPORTS || !eth_devs[port_id].attached)
		return NULL;
	return &eth_devs[port_id];
}

int cdk_eth_dev_is_valid_port(uint16_t port_id)
{
	return cdk_eth_dev_get(port_id) != NULL;
}

uint16_t cdk_eth_find_next(uint16_t port_id)
{
	while (port_id < CDK_MAX_ETHPORTS && !eth_devs[port_id].attached)
		port_id++;
	return port_id;
}

uint16_t cdk_eth_dev_count_avail(void)
{
	uint16_t n = 0, p;

	CDK_ETH_FOREACH_DEV(p)
		n++;
	return n;
}

uint16_t cdk_eth_dev_count_total(void)
{
	return cdk_eth_dev_count_avail();
}

int cdk_eth_dev_get_port_by_name(const char *name, uint16_t *port_id)
{
	uint16_t p;

	if (name == NULL || port_id == NULL)
		return -EINVAL;
	CDK_ETH_FOREACH_DEV(p)
		if (strcmp(eth_devs[p].name, name) == 0) {
			*port_id = p;
			return 0;
		}
	return -ENODEV;
}

int cdk_eth_dev_get_name_by_port(uint16_t port_id, char *name)
{
	struct cdk_eth_dev *dev = cdk_eth_dev_get(port_id);

	if (dev == NULL)
		return -ENODEV;
	if (name == NULL)
		return -EINVAL;
	strcpy(name, dev->name);
	return 0;
}

int cdk_eth_dev_socket_id(uint16_t port_id)
{
	struct cdk_eth_dev *dev = cdk_eth_dev_get(port_id);

	return dev ? dev->socket_id : -1;
}

struct cdk_eth_dev *cdk_eth_dev_allocate(const char *name,
					 struct cdk_device *device,
					 const struct cdk_pmd_driver *drv,
					 size_t private_size)
{
	struct cdk_eth_dev *dev = NULL;
	uint16_t p;

	if (name == NULL || strlen(name) >= CDK_ETH_NAME_MAX_LEN)
		return NULL;
	CDK_ETH_FOREACH_DEV(p)
		if (strcmp(eth_devs[p].name, name) == 0) {
			cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_ETHDEV,
				"port name %s already in use", name);
			return NULL;
		}
	for (p = 0; p < CDK_MAX_ETHPORTS && dev == NULL; p++)
		if (!eth_devs[p].attached && eth_devs[p].name[0] == '\0')
			dev = &eth_devs[p];
	if (dev == NULL) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_ETHDEV,
			"no free port for %s (at most %d)", name, CDK_MAX_ETHPORTS);
		return NULL;
	}
	memset(dev, 0, sizeof(*dev));
	dev->port_id = (uint16_t)(dev - eth_devs);
	strcpy(dev->name, name);
	dev->device = device;
	dev->driver = drv;
	dev->socket_id = device ? device->numa_node : 0;
	dev->mtu = CDK_ETHER_MTU;
	if (private_size) {
		dev->dev_private = cdk_zmalloc_socket("ethdev private", private_size,
						      0, CDK_SOCKET_ID_ANY);
		if (dev->dev_private == NULL) {
			dev->name[0] = '\0';
			return NULL;
		}
	}
	if (ethdev_sealer_create(dev) < 0) {
		cdk_free(dev->dev_private);
		dev->name[0] = '\0';
		return NULL;
	}
	return dev;
}

void cdk_eth_dev_probing_finish(struct cdk_eth_dev *dev)
{
	dev->attached = 1;
}

void cdk_eth_dev_release_port(struct cdk_eth_dev *dev)
{
	if (dev == NULL)
		return;
	ethdev_sealer_destroy(dev);
	cdk_free(dev->dev_private);
	memset(&cdk_eth_fp_ops[dev->port_id], 0, sizeof(cdk_eth_fp_ops[0]));
	memset(dev, 0, sizeof(*dev));
}

/* The port, or NULL with *rc set to DPDK's error for a bad one. */
static struct cdk_eth_dev *port_or_err(uint16_t port_id, int *rc)
{
	struct cdk_eth_dev *dev = cdk_eth_dev_get(port_id);

	*rc = dev ? 0 : -ENODEV;
	if (dev == NULL)
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_ETHDEV, "invalid port id %u",
			port_id);
	return dev;
}

int cdk_eth_dev_info_get(uint16_t port_id, struct cdk_eth_dev_info *info)
{
	int rc;
	struct cdk_eth_dev *dev = port_or_err(port_id, &rc);

	if (dev == NULL)
		return rc;
	if (info == NULL)
		return -EINVAL;
	memset(info, 0, sizeof(*info));
	info->driver_name = dev->driver ? dev->driver->name : "?";
	info->device_name = dev->name;
	info->min_mtu = CDK_ETHER_MIN_MTU;
	info->max_mtu = UINT16_MAX;
	info->rx_desc_lim = (struct cdk_eth_desc_lim){ UINT16_MAX, 0, 1, 0, 0 };
	info->tx_desc_lim = info->rx_desc_lim;
	info->max_rx_pktlen = CDK_ETHER_MAX_LEN;
	rc = dev->dev_ops->dev_infos_get(dev, info);
	if (info->max_rx_queues > CDK_MAX_QUEUES_PER_PORT)
		info->max_rx_queues = CDK_MAX_QUEUES_PER_PORT;
	if (info->max_tx_queues > CDK_MAX_QUEUES_PER_PORT)
		info->max_tx_queues = CDK_MAX_QUEUES_PER_PORT;
	info->nb_rx_queues = dev->nb_rx_queues;
	info->nb_tx_queues = dev->nb_tx_queues;
	return rc;
}

static void release_queues(struct cdk_eth_dev *dev, enum cdk_queue_dir dir,
			   uint16_t from)
{
	uint16_t n = dir == CDK_RXQ ? dev->nb_rx_queues : dev->nb_tx_queues;

	for (uint16_t q = from; q < n; q++)
		ethdev_queue_release(dev, dir, q);
}

int cdk_eth_dev_configure(uint16_t port_id, uint16_t nb_rxq, uint16_t nb_txq,
			  const struct cdk_eth_conf *conf)
{
	struct cdk_eth_dev_info info;
	struct cdk_eth_dev *dev;
	int rc = cdk_eth_dev_info_get(port_id, &info);

	if (rc < 0)
		return rc;
	dev = cdk_eth_dev_get(port_id);
	if (conf == NULL)
		return -EINVAL;
	if (dev->started) {
		LOG_PORT(ERR, port_id, "cannot configure a started port: stop it first");
		return -EBUSY;
	}
	if (nb_rxq > info.max_rx_queues || nb_txq > info.max_tx_queues) {
		LOG_PORT(ERR, port_id, "%u rx / %u tx queues asked, at most %u / %u",
			 nb_rxq, nb_txq, info.max_rx_queues, info.max_tx_queues);
		return -EINVAL;
	}
	if (nb_rxq == 0 && nb_txq == 0) {
		LOG_PORT(ERR, port_id, "at least one rx or tx queue is needed");
		return -EINVAL;
	}
	if (conf->rxmode.mtu && (conf->rxmode.mtu < info.min_mtu ||
				 conf->rxmode.mtu > info.max_mtu)) {
		LOG_PORT(ERR, port_id, "MTU %u outside [%u, %u]", conf->rxmode.mtu,
			 info.min_mtu, info.max_mtu);
		return -EINVAL;
	}
	if ((conf->rxmode.offloads & ~info.rx_offload_capa) ||
	    (conf->txmode.offloads & ~info.tx_offload_capa)) {
		LOG_PORT(ERR, port_id, "offloads not supported: rx 0x%llx tx 0x%llx",
			 (unsigned long long)(conf->rxmode.offloads & ~info.rx_offload_capa),
			 (unsigned long long)(conf->txmode.offloads & ~info.tx_offload_capa));
		return -EINVAL;
	}
	/* Fewer queues than before: release the ones that go. */
	release_queues(dev, CDK_RXQ, nb_rxq);
	release_queues(dev, CDK_TXQ, nb_txq);
	dev->conf = *conf;
	dev->nb_rx_queues = nb_rxq;
	dev->nb_tx_queues = nb_txq;
	if (conf->rxmode.mtu)
		dev->mtu = (uint16_t)conf->rxmode.mtu;
	rc = dev->dev_ops->dev_configure ? dev->dev_ops->dev_configure(dev) : 0;
	dev->configured = rc == 0;
	return rc;
}

int cdk_eth_dev_adjust_nb_rx_tx_desc(uint16_t port_id, uint16_t *nb_rx,
				     uint16_t *nb_tx)
{
	struct cdk_eth_dev_info info;
	int rc = cdk_eth_dev_info_get(port_id, &info);

	if (rc < 0)
		return rc;
	if (nb_rx)
		*nb_rx = ethdev_fit_desc(*nb_rx, &info.rx_desc_lim);
	if (nb_tx)
		*nb_tx = ethdev_fit_desc(*nb_tx, &info.tx_desc_lim);
	return 0;
}

/* Checks common to rx and tx queue setup. */
static struct cdk_eth_dev *queue_setup_checks(uint16_t port_id, uint16_t q,
					      enum cdk_queue_dir dir,
					      uint16_t *nb_desc, int *rc)
{
	struct cdk_eth_dev_info info;
	struct cdk_eth_dev *dev;
	const struct cdk_eth_desc_lim *lim;

	if ((*rc = cdk_eth_dev_info_get(port_id, &info)) < 0)
		return NULL;
	dev = cdk_eth_dev_get(port_id);
	*rc = -EINVAL;
	if (q >= (dir == CDK_RXQ ? dev->nb_rx_queues : dev->nb_tx_queues)) {
		LOG_PORT(ERR, port_id, "%s queue %u is not configured",
			 dir == CDK_RXQ ? "rx" : "tx", q);
		return NULL;
	}
	if (dev->started) {
		LOG_PORT(ERR, port_id, "queue setup on a started port");
		*rc = -EBUSY;
		return NULL;
	}
	lim = dir == CDK_RXQ ? &info.rx_desc_lim : &info.tx_desc_lim;
	if (*nb_desc == 0)
		*nb_desc = 512; /* DPDK's fallback ring size */
	if (*nb_desc > lim->nb_max || *nb_desc < lim->nb_min ||
	    (lim->nb_align && *nb_desc % lim->nb_align)) {
		LOG_PORT(ERR, port_id, "%u descriptors: must be in [%u, %u] and a "
			 "multiple of %u", *nb_desc, lim->nb_min, lim->nb_max,
			 lim->nb_align);
		return NULL;
	}
	*rc = 0;
	return dev;
}

int cdk_eth_rx_queue_setup(uint16_t port_id, uint16_t q, uint16_t nb_desc,
			   unsigned socket, const struct cdk_eth_rxconf *conf,
			   struct cdk_mempool *mp)
{
	int rc;
	struct cdk_eth_dev *dev = queue_setup_checks(port_id, q, CDK_RXQ,
						     &nb_desc, &rc);
	struct cdk_eth_rxconf defconf = { 0 };

	if (dev == NULL)
		return rc;
	if (mp == NULL || cdk_pktmbuf_data_room_size(mp) <= CDK_PKTMBUF_HEADROOM) {
		LOG_PORT(ERR, port_id, "rx queue %u needs a packet mbuf pool", q);
		return -EINVAL;
	}
	ethdev_queue_release(dev, CDK_RXQ, q);
	rc = dev->dev_ops->rx_queue_setup(dev, q, nb_desc, socket,
					  conf ? conf : &defconf, mp);
	if (rc < 0)
		return rc;
	rc = ethdev_queue_attach(dev, CDK_RXQ, q, nb_desc, socket, mp);
	if (rc < 0)
		ethdev_queue_release(dev, CDK_RXQ, q);
	else
		dev->rxq_slot_[q].deferred = conf && conf->rx_deferred_start;
	return rc;
}

int cdk_eth_tx_queue_setup(uint16_t port_id, uint16_t q, uint16_t nb_desc,
			   unsigned socket, const struct cdk_eth_txconf *conf)
{
	int rc;
	struct cdk_eth_dev *dev = queue_setup_checks(port_id, q, CDK_TXQ,
						     &nb_desc, &rc);
	struct cdk_eth_txconf defconf = { 0 };

	if (dev == NULL)
		return rc;
	ethdev_queue_release(dev, CDK_TXQ, q);
	rc = dev->dev_ops->tx_queue_setup(dev, q, nb_desc, socket,
					  conf ? conf : &defconf);
	if (rc < 0)
		return rc;
	rc = ethdev_queue_attach(dev, CDK_TXQ, q, nb_desc, socket, NULL);
	if (rc < 0)
		ethdev_queue_release(dev, CDK_TXQ, q);
	else
		dev->txq_slot_[q].deferred = conf && conf->tx_deferred_start;
	return rc;
}

/* Publish the started queues of a port (on) or none of them. */
static void fp_publish(struct cdk_eth_dev *dev, int on)
{
	struct cdk_eth_fp_ops *fp = &cdk_eth_fp_ops[dev->port_id];

	fp->rx_pkt_burst = dev->rx_pkt_burst;
	fp->tx_pkt_burst = dev->tx_pkt_burst;
	for (uint16_t q = 0; q < CDK_MAX_QUEUES_PER_PORT; q++) {
		fp->rxq[q] = on && q < dev->nb_rx_queues && dev->rxq_slot_[q].started
				     ? dev->rx_queues[q] : NULL;
		fp->txq[q] = on && q < dev->nb_tx_queues && dev->txq_slot_[q].started
				     ? dev->tx_queues[q] : NULL;
	}
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}

/* Every queue started but the deferred ones, which hold no capabilities
 * until they are started on their own. */
static void queues_mark_started(struct cdk_eth_dev *dev)
{
	for (uint16_t q = 0; q < dev->nb_rx_queues; q++) {
		dev->rxq_slot_[q].started = !dev->rxq_slot_[q].deferred;
		if (dev->rxq_slot_[q].deferred)
			ethdev_revoke_queue(dev, CDK_RXQ, q);
	}
	for (uint16_t q = 0; q < dev->nb_tx_queues; q++) {
		dev->txq_slot_[q].started = !dev->txq_slot_[q].deferred;
		if (dev->txq_slot_[q].deferred)
			ethdev_revoke_queue(dev, CDK_TXQ, q);
	}
}

static void queues_mark_stopped(struct cdk_eth_dev *dev)
{
	for (uint16_t q = 0; q < CDK_MAX_QUEUES_PER_PORT; q++)
		dev->rxq_slot_[q].started = dev->txq_slot_[q].started = 0;
}

int cdk_eth_dev_start(uint16_t port_id)
{
	int rc;
	struct cdk_eth_dev *dev = port_or_err(port_id, &rc);

	if (dev == NULL)
		return rc;
	if (!dev->configured) {
		LOG_PORT(ERR, port_id, "start before configure");
		return -EINVAL;
	}
	if (dev->started) {
		LOG_PORT(INFO, port_id, "already started");
		return 0;
	}
	for (uint16_t q = 0; q < dev->nb_rx_queues; q++)
		if (!dev->rxq_slot_[q].setup) {
			LOG_PORT(ERR, port_id, "rx queue %u is not set up", q);
			return -EINVAL;
		}
	for (uint16_t q = 0; q < dev->nb_tx_queues; q++)
		if (!dev->txq_slot_[q].setup) {
			LOG_PORT(ERR, port_id, "tx queue %u is not set up", q);
			return -EINVAL;
		}
	rc = ethdev_grant_all(dev);
	if (rc == 0)
		rc = dev->dev_ops->dev_start(dev);
	if (rc < 0) {
		ethdev_revoke_all(dev);
		return rc;
	}
	dev->started = 1;
	queues_mark_started(dev);
	fp_publish(dev, 1);
	if (cdk_eal_get_config()->cap_report) {
		FILE *f = cdk_log_get_stream();

		fprintf(f, "port %u (%s) started; its queues hold:\n", port_id, dev->name);
		cdk_eth_dev_cap_report(port_id, f);
	}
	return 0;
}

int cdk_eth_dev_stop(uint16_t port_id)
{
	int rc;
	struct cdk_eth_dev *dev = port_or_err(port_id, &rc);

	if (dev == NULL)
		return rc;
	if (!dev->started)
		return 0;
	fp_publish(dev, 0);
	rc = dev->dev_ops->dev_stop(dev);
	dev->started = 0;
	queues_mark_stopped(dev);
	/* Whatever the driver kept of its queue capabilities is now stale. */
	ethdev_revoke_all(dev);
	return rc;
}

/* The port and its set-up queue q, or NULL with *rc set: -ENODEV, -EINVAL,
 * or -ENOTSUP when the driver has no op for it. */
static struct cdk_eth_dev *queue_or_err(uint16_t port_id, enum cdk_queue_dir dir,
					uint16_t q, int has_op, int *rc)
{
	struct cdk_eth_dev *dev = port_or_err(port_id, rc);

	if (dev == NULL)
		return NULL;
	*rc = -EINVAL;
	if (q >= (dir == CDK_RXQ ? dev->nb_rx_queues : dev->nb_tx_queues) ||
	    !(dir == CDK_RXQ ? dev->rxq_slot_ : dev->txq_slot_)[q].setup) {
		LOG_PORT(ERR, port_id, "%s queue %u is not set up",
			 dir == CDK_RXQ ? "rx" : "tx", q);
		return NULL;
	}
	*rc = has_op ? 0 : -ENOTSUP;
	return has_op ? dev : NULL;
}

/* Bursts on the queue get nothing from now on; then the driver halts it,
 * and whatever it kept of the queue's capabilities goes stale. */
static int queue_stop(struct cdk_eth_dev *dev, enum cdk_queue_dir dir,
		      uint16_t q, int (*op)(struct cdk_eth_dev *, uint16_t))
{
	struct cdk_eth_queue_slot *slot = dir == CDK_RXQ ? &dev->rxq_slot_[q]
							 : &dev->txq_slot_[q];
	int rc;

	if (!dev->started || !slot->started)
		return 0;
	slot->started = 0;
	fp_publish(dev, 1);
	rc = op(dev, q);
	ethdev_revoke_queue(dev, dir, q);
	return rc;
}

/* Fresh capabilities, the driver starts the queue, then bursts reach it. */
static int queue_start(struct cdk_eth_dev *dev, enum cdk_queue_dir dir,
		       uint16_t q, int (*op)(struct cdk_eth_dev *, uint16_t))
{
	struct cdk_eth_queue_slot *slot = dir == CDK_RXQ ? &dev->rxq_slot_[q]
							 : &dev->txq_slot_[q];
	int rc;

	if (!dev->started) {
		LOG_PORT(ERR, dev->port_id, "start the port before one of its queues");
		return -EINVAL;
	}
	if (slot->started)
		return 0;
	rc = ethdev_grant_queue(dev, dir, q);
	if (rc == 0)
		rc = op(dev, q);
	if (rc < 0) {
		ethdev_revoke_queue(dev, dir, q);
		return rc;
	}
	slot->started = 1;
	fp_publish(dev, 1);
	return 0;
}

/* The driver's op for starting or stopping a queue of dir, or NULL. */
static int (*queue_op(const struct cdk_eth_dev *dev, enum cdk_queue_dir dir,
		      int start))(struct cdk_eth_dev *, uint16_t)
{
	const struct cdk_eth_dev_ops *o = dev->dev_ops;

	if (dir == CDK_RXQ)
		return start ? o->rx_queue_start : o->rx_queue_stop;
	return start ? o->tx_queue_start : o->tx_queue_stop;
}

static int queue_switch(uint16_t port_id, enum cdk_queue_dir dir, uint16_t q,
			int start)
{
	struct cdk_eth_dev *dev = cdk_eth_dev_get(port_id);
	int rc;

	dev = queue_or_err(port_id, dir, q, dev && queue_op(dev, dir, start), &rc);
	if (dev == NULL)
		return rc;
	return start ? queue_start(dev, dir, q, queue_op(dev, dir, 1))
		     : queue_stop(dev, dir, q, queue_op(dev, dir, 0));
}

int cdk_eth_dev_rx_queue_start(uint16_t port_id, uint16_t q)
{
	return queue_switch(port_id, CDK_RXQ, q, 1);
}

int cdk_eth_dev_rx_queue_stop(uint16_t port_id, uint16_t q)
{
	return queue_switch(port_id, CDK_RXQ, q, 0);
}

int cdk_eth_dev_tx_queue_start(uint16_t port_id, uint16_t q)
{
	return queue_switch(port_id, CDK_TXQ, q, 1);
}

int cdk_eth_dev_tx_queue_stop(uint16_t port_id, uint16_t q)
{
	return queue_switch(port_id, CDK_TXQ, q, 0);
}

int cdk_eth_dev_is_started(uint16_t port_id)
{
	struct cdk_eth_dev *dev = cdk_eth_dev_get(port_id);

	return dev ? dev->started : 0;
}

int cdk_eth_dev_close(uint16_t port_id)
{
	int rc;
	struct cdk_eth_dev *dev = port_or_err(port_id, &rc);

	if (dev == NULL)
		return rc;
	if (dev->started) {
		LOG_PORT(ERR, port_id, "cannot close a started port: stop it first");
		return -EINVAL;
	}
	release_queues(dev, CDK_RXQ, 0);
	release_queues(dev, CDK_TXQ, 0);
	rc = dev->dev_ops->dev_close ? dev->dev_ops->dev_close(dev) : 0;
	cdk_eth_dev_release_port(dev);
	return rc;
}

int cdk_eth_dev_reset(uint16_t port_id)
{
	int rc;
	struct cdk_eth_dev *dev = port_or_err(port_id, &rc);

	if (dev == NULL)
		return rc;
	rc = cdk_eth_dev_stop(port_id);
	dev->configured = 0;
	return rc;
}

/* Release every port (EAL cleanup), as close does. */
void ethdev_release_all(void)
{
	for (uint16_t p = 0; p < CDK_MAX_ETHPORTS; p++) {
		if (!eth_devs[p].attached)
			continue;
		cdk_eth_dev_stop(p);
		cdk_eth_dev_close(p);
	}
	memset(eth_devs, 0, sizeof(eth_devs));
	memset(cdk_eth_fp_ops, 0, sizeof(cdk_eth_fp_ops));
}

/* Ports outlive nothing: whatever a driver left open goes at cleanup, after
 * every bus (this one registers first, so it is torn down last). */
static struct cdk_bus ethdev_bus = {
	.name = "ethdev",
	.cleanup = ethdev_release_all,
};

CDK_INIT_PRIO(ethdev_bus_register, 110)
{
	cdk_bus_register(&ethdev_bus);
}
