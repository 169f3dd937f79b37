/*
 * A model's life cycle and identity: creation, destruction, PCI
 * configuration space, reset, statistics, trace and hostile-mode switches.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "e1000/e1000_regs.h"
#include "sim_internal.h"

#define SIM_PCI_BAR0 0x10
#define SIM_PCI_BAR0_DEFAULT 0xfebc0000u /* where firmware might put it */

static const struct {
	const char *name;
	const struct sim_model_ops *ops;
	uint16_t subsys_id;
} sim_kinds[CDK_SIM_KIND_MAX] = {
	[CDK_SIM_82540EM] = {"82540em", &sim_e1000_82540em_ops, 0x001e},
	[CDK_SIM_82574L] = {"82574l", &sim_e1000_82574l_ops, 0x0000},
	[CDK_SIM_82576] = {"82576", &sim_igb_82576_ops, 0x0000},
};

static unsigned sim_dev_seq;

/* Zeroed and cache-line aligned: what queues on different cores touch
 * (queue locks, gather contexts) must not share lines. */
static void *zalloc_lines(size_t n)
{
	void *p;

	n = (n + 63) & ~(size_t)63;
	if (posix_memalign(&p, 64, n))
		return NULL;
	return memset(p, 0, n);
}

int cdk_sim_kind_parse(const char *name, enum cdk_sim_kind *kind)
{
	for (int k = 0; name && k < CDK_SIM_KIND_MAX; k++) {
		if (!strcasecmp(name, sim_kinds[k].name)) {
			*kind = (enum cdk_sim_kind)k;
			return 0;
		}
	}
	return -EINVAL;
}

const char *cdk_sim_kind_name(enum cdk_sim_kind kind)
{
	return (unsigned)kind < CDK_SIM_KIND_MAX ? sim_kinds[kind].name : "?";
}

enum cdk_sim_kind cdk_sim_kind_of(const struct cdk_sim_dev *dev)
{
	return dev->kind;
}

unsigned cdk_sim_nb_queues(const struct cdk_sim_dev *dev)
{
	return dev->model->nb_queues;
}

static void pci_cfg_put(struct cdk_sim_dev *dev, unsigned off, uint32_t v,
			unsigned size)
{
	for (unsigned i = 0; i < size; i++)
		dev->pci_cfg[off + i] = (uint8_t)(v >> (8 * i));
}

static uint32_t pci_cfg_get(const struct cdk_sim_dev *dev, unsigned off,
			    unsigned size)
{
	uint32_t v = 0;

	for (unsigned i = 0; i < size; i++)
		v |= (uint32_t)dev->pci_cfg[off + i] << (8 * i);
	return v;
}

static void pci_cfg_init(struct cdk_sim_dev *dev, int master)
{
	pci_cfg_put(dev, 0x00, E1000_VENDOR_ID, 2);
	pci_cfg_put(dev, 0x02, dev->model->device_id, 2);
	/* Firmware enables memory decoding; bus mastering is the driver's. */
	pci_cfg_put(dev, CDK_SIM_PCI_COMMAND,
		    CDK_SIM_PCI_CMD_MEM | (master ? CDK_SIM_PCI_CMD_MASTER : 0),
		    2);
	pci_cfg_put(dev, 0x0b, 0x02, 1); /* class: network, Ethernet */
	pci_cfg_put(dev, SIM_PCI_BAR0, SIM_PCI_BAR0_DEFAULT, 4);
	pci_cfg_put(dev, 0x2c, E1000_VENDOR_ID, 2);
	pci_cfg_put(dev, 0x2e, sim_kinds[dev->kind].subsys_id, 2);
	pci_cfg_put(dev, 0x3d, 1, 1); /* INTA# */
}

void cdk_sim_pci_id(const struct cdk_sim_dev *dev, struct cdk_sim_pci_id *id)
{
	memset(id, 0, sizeof(*id));
	id->vendor_id = E1000_VENDOR_ID;
	id->device_id = dev->model->device_id;
	id->subsys_vendor_id = E1000_VENDOR_ID;
	id->subsys_id = sim_kinds[dev->kind].subsys_id;
	id->class_code = 0x020000;
	id->bar0_size = SIM_BAR0_SIZE;
}

uint32_t cdk_sim_pci_cfg_read(struct cdk_sim_dev *dev, unsigned off,
			      unsigned size)
{
	uint32_t v;

	if ((size != 1 && size != 2 && size != 4) || off + size > 256)
		return 0xffffffffu;
	sim_lock(dev);
	v = pci_cfg_get(dev, off, size);
	sim_unlock(dev);
	return v;
}

void cdk_sim_pci_cfg_write(struct cdk_sim_dev *dev, unsigned off, uint32_t val,
			   unsigned size)
{
	if ((size != 1 && size != 2 && size != 4) || off + size > 256)
		return;
	sim_lock(dev);
	if (off == CDK_SIM_PCI_COMMAND && size >= 2) {
		/* Only I/O, memory, master, parity, SERR, INTx-disable. */
		pci_cfg_put(dev, off, val & 0x0547, 2);
	} else if (off == SIM_PCI_BAR0 && size == 4) {
		/* Sizing: the low bits of a 128 KB BAR read back as zero. */
		pci_cfg_put(dev, off, val & ~(SIM_BAR0_SIZE - 1), 4);
	} else if (off == 0x3c && size == 1) {
		pci_cfg_put(dev, off, val, 1);
	}
	sim_unlock(dev);
}

void cdk_sim_set_bus_master(struct cdk_sim_dev *dev, int on)
{
	uint32_t cmd = cdk_sim_pci_cfg_read(dev, CDK_SIM_PCI_COMMAND, 2);

	cmd = on ? cmd | CDK_SIM_PCI_CMD_MASTER : cmd & ~CDK_SIM_PCI_CMD_MASTER;
	cdk_sim_pci_cfg_write(dev, CDK_SIM_PCI_COMMAND, cmd, 2);
}

static int dev_init(struct cdk_sim_dev *dev, enum cdk_sim_kind kind,
		    const uint8_t mac[6], const struct cdk_sim_opts *o)
{
	pthread_rwlockattr_t ra;

	dev->kind = kind;
	dev->model = sim_kinds[kind].ops;
	memcpy(dev->mac, mac, 6);
	snprintf(dev->name, sizeof(dev->name), "sim%u-%s",
		 __atomic_fetch_add(&sim_dev_seq, 1, __ATOMIC_RELAXED),
		 sim_kinds[kind].name);
	if (dev->model->priv_size &&
	    !(dev->priv = zalloc_lines(dev->model->priv_size)))
		return -ENOMEM;
	pthread_rwlockattr_init(&ra);
	/* Lanes keep the lock read-held nearly all the time: a register
	 * access (a writer) must not wait for a gap between them. Readers
	 * never nest (sim_internal.h), which this kind requires. */
	pthread_rwlockattr_setkind_np(&ra,
				      PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP);
	pthread_rwlock_init(&dev->lock, &ra);
	pthread_rwlockattr_destroy(&ra);
	for (unsigned q = 0; q < SIM_MAX_QUEUES; q++) {
		pthread_mutex_init(&dev->rxq[q].lock, NULL);
		pthread_mutex_init(&dev->txq[q].lock, NULL);
	}
	pthread_mutex_init(&dev->rx_dispatch, NULL);
	pthread_mutex_init(&dev->acc_lock, NULL);
	pthread_mutex_init(&dev->wire_lock, NULL);
	pthread_rwlock_init(&dev->dma_lock, NULL);
	sim_fifo_init(&dev->fifo);
	pci_cfg_init(dev, o->bus_master);
	dev->hostile = o->hostile;
	dev->rng = o->seed ? o->seed : 0x9e3779b97f4a7c15ull;
	dev->trace = o->trace;
	dev->model->reset(dev);
	dev->fifo.limit = o->rx_fifo_bytes
		? o->rx_fifo_bytes
		: (uint64_t)(sim_reg(dev, E1000_PBA) & E1000_PBA_RXA_MASK) * 1024;
	return 0;
}

struct cdk_sim_dev *cdk_sim_create(enum cdk_sim_kind kind,
				   const uint8_t mac[6],
				   const struct cdk_sim_opts *opts)
{
	static const struct cdk_sim_opts defaults;
	struct cdk_sim_dev *dev;
	int rc;

	if ((unsigned)kind >= CDK_SIM_KIND_MAX || !mac) {
		errno = EINVAL;
		return NULL;
	}
	dev = zalloc_lines(sizeof(*dev));
	if (!dev) {
		errno = ENOMEM;
		return NULL;
	}
	rc = dev_init(dev, kind, mac, opts ? opts : &defaults);
	if (!rc)
		rc = sim_engine_start(dev);
	if (rc) {
		free(dev->priv);
		free(dev);
		errno = -rc;
		return NULL;
	}
	cdk_log(CDK_LOG_DEBUG, CDK_LOGTYPE_SIM,
		"%s: model created, %02x:%02x:%02x:%02x:%02x:%02x", dev->name,
		mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
	return dev;
}

void cdk_sim_destroy(struct cdk_sim_dev *dev)
{
	if (!dev)
		return;
	cdk_sim_disconnect(dev);
	sim_engine_stop(dev);
	sim_fifo_fini(&dev->fifo);
	pthread_rwlock_destroy(&dev->dma_lock);
	pthread_mutex_destroy(&dev->wire_lock);
	pthread_mutex_destroy(&dev->acc_lock);
	pthread_mutex_destroy(&dev->rx_dispatch);
	for (unsigned q = 0; q < SIM_MAX_QUEUES; q++) {
		pthread_mutex_destroy(&dev->rxq[q].lock);
		pthread_mutex_destroy(&dev->txq[q].lock);
	}
	pthread_rwlock_destroy(&dev->lock);
	free(dev->priv);
	free(dev);
}

void cdk_sim_reset(struct cdk_sim_dev *dev)
{
	sim_lock(dev);
	dev->model->reset(dev);
	sim_fifo_flush(&dev->fifo);
	__atomic_store_n(&dev->pending_missed, 0, __ATOMIC_RELAXED);
	sim_unlock(dev);
	SIM_STAT_ADD(dev, resets, 1);
}

void cdk_sim_set_hostile(struct cdk_sim_dev *dev, uint32_t flags)
{
	__atomic_store_n(&dev->hostile, flags & CDK_SIM_HOSTILE_ALL,
			 __ATOMIC_RELAXED);
}

uint32_t cdk_sim_get_hostile(struct cdk_sim_dev *dev)
{
	return __atomic_load_n(&dev->hostile, __ATOMIC_RELAXED);
}

void cdk_sim_set_trace(struct cdk_sim_dev *dev, FILE *f)
{
	__atomic_store_n(&dev->trace, f, __ATOMIC_RELAXED);
}

void sim_trace(struct cdk_sim_dev *dev, const char *fmt, ...)
{
	FILE *f = __atomic_load_n(&dev->trace, __ATOMIC_RELAXED);
	va_list ap;

	if (!f)
		return;
	flockfile(f);
	fprintf(f, "%s: ", dev->name);
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fputc('\n', f);
	funlockfile(f);
}

void cdk_sim_stats_get(struct cdk_sim_dev *dev, struct cdk_sim_stats *s)
{
	uint64_t *dst = (uint64_t *)s, *src = (uint64_t *)&dev->stats;

	for (size_t i = 0; i < sizeof(*s) / sizeof(uint64_t); i++)
		dst[i] = __atomic_load_n(&src[i], __ATOMIC_RELAXED);
}

void cdk_sim_stats_reset(struct cdk_sim_dev *dev)
{
	uint64_t *p = (uint64_t *)&dev->stats;

	for (size_t i = 0; i < sizeof(dev->stats) / sizeof(uint64_t); i++)
		__atomic_store_n(&p[i], 0, __ATOMIC_RELAXED);
}

void cdk_sim_set_irq(struct cdk_sim_dev *dev, cdk_sim_irq_fn fn, void *arg)
{
	sim_lock(dev);
	dev->irq_fn = fn;
	dev->irq_arg = arg;
	sim_unlock(dev);
}

/*
 * Interrupts are edge events here (there is no interrupt controller): the
 * hook runs when a cause is posted while unmasked. It is called with the
 * device lock held (for reading, with acc_lock, when queues post it), so it
 * must not touch the model; it should only wake
 * whoever services the interrupt.
 */
void sim_irq_raise(struct cdk_sim_dev *dev)
{
	if (dev->irq_fn && (sim_reg(dev, E1000_ICR) & sim_reg(dev, E1000_IMS)))
		dev->irq_fn(dev->irq_arg);
}

/* xorshift64*: reproducible misbehaviour from the creation seed. Queues
 * served at once may both draw. */
uint32_t sim_rand(struct cdk_sim_dev *dev)
{
	uint64_t old = __atomic_load_n(&dev->rng, __ATOMIC_RELAXED), x;

	do {
		x = old;
		x ^= x >> 12;
		x ^= x << 25;
		x ^= x >> 27;
	} while (!__atomic_compare_exchange_n(&dev->rng, &old, x, 1,
					      __ATOMIC_RELAXED,
					      __ATOMIC_RELAXED));
	return (uint32_t)((x * 0x2545f4914f6cdd1dull) >> 32);
}
