/*
 * BAR0 as trap operations: every access of the register file calls the
 * model under the device lock (a multi-queue model's tail writes under
 * their queue's lock only). Registers are 32 bits wide (SDM 13.3); 8-byte
 * accesses are split low dword first, 1- and 2-byte accesses act on the
 * containing dword (a narrow write is merged with the current value).
 */
#include "sim_internal.h"

static int trap_mem_on(const struct cdk_sim_dev *dev)
{
	return (dev->pci_cfg[CDK_SIM_PCI_COMMAND] & CDK_SIM_PCI_CMD_MEM) != 0;
}

static uint32_t trap_read32(struct cdk_sim_dev *dev, uint32_t off)
{
	uint32_t v;

	sim_lock(dev);
	/* A disabled memory decoder makes the access a master abort. */
	v = trap_mem_on(dev) ? dev->model->read(dev, off) : 0xffffffffu;
	sim_unlock(dev);
	SIM_STAT_ADD(dev, reg_reads, 1);
	return v;
}

/* A multi-queue model's tail write: only its queue is locked, so that
 * queues served on different cores do not wait for each other. */
static int trap_doorbell(struct cdk_sim_dev *dev, uint32_t off, uint32_t val)
{
	uint32_t canon;
	int is_tx, q, on;

	if (!dev->model->doorbell ||
	    (q = dev->model->doorbell(off, &canon, &is_tx)) < 0)
		return 0;
	pthread_rwlock_rdlock(&dev->lock);
	on = trap_mem_on(dev);
	if (on) {
		sim_trace(dev, "W 0x%05x = 0x%08x", off, val);
		sim_queue_doorbell_write(dev, canon, val, (unsigned)q, is_tx);
	}
	pthread_rwlock_unlock(&dev->lock);
	SIM_STAT_ADD(dev, reg_writes, 1);
	if (on)
		sim_engine_doorbell(dev, (unsigned)q, is_tx);
	return 1;
}

static void trap_write32(struct cdk_sim_dev *dev, uint32_t off, uint32_t val,
			 int merge_mask_bytes, uint32_t mask)
{
	int kick = 0;

	if (!merge_mask_bytes && trap_doorbell(dev, off, val))
		return;

	sim_lock(dev);
	if (trap_mem_on(dev)) {
		if (merge_mask_bytes)
			val = (dev->model->peek(dev, off) & ~mask) | (val & mask);
		sim_trace(dev, "W 0x%05x = 0x%08x", off, val);
		kick = dev->model->write(dev, off, val);
	}
	sim_unlock(dev);
	SIM_STAT_ADD(dev, reg_writes, 1);
	if (kick)
		sim_engine_kick(dev);
}

static int trap_bad(uint64_t off, unsigned size)
{
	if (size != 1 && size != 2 && size != 4 && size != 8)
		return 1;
	if (off >= SIM_BAR0_SIZE || SIM_BAR0_SIZE - off < size)
		return 1;
	/* No access may straddle two registers, except the 8-byte pair. */
	return size == 8 ? (off & 3) != 0 : (off & 3) + size > 4;
}

static uint64_t trap_read(void *ctx, uint64_t off, unsigned size)
{
	struct cdk_sim_dev *dev = ctx;
	uint32_t v;

	if (trap_bad(off, size)) {
		cdk_log(CDK_LOG_WARNING, CDK_LOGTYPE_SIM,
			"%s: bad register read off 0x%llx size %u", dev->name,
			(unsigned long long)off, size);
		return ~0ull;
	}
	if (size == 8)
		return trap_read32(dev, (uint32_t)off) |
		       (uint64_t)trap_read32(dev, (uint32_t)off + 4) << 32;
	v = trap_read32(dev, (uint32_t)off & ~3u) >> (8 * (off & 3));
	return size == 4 ? v : v & ((1u << (8 * size)) - 1);
}

static void trap_write(void *ctx, uint64_t off, uint64_t val, unsigned size)
{
	struct cdk_sim_dev *dev = ctx;
	unsigned sh = 8 * (unsigned)(off & 3);

	if (trap_bad(off, size)) {
		cdk_log(CDK_LOG_WARNING, CDK_LOGTYPE_SIM,
			"%s: bad register write off 0x%llx size %u", dev->name,
			(unsigned long long)off, size);
		return;
	}
	if (size == 8) {
		trap_write32(dev, (uint32_t)off, (uint32_t)val, 0, 0);
		trap_write32(dev, (uint32_t)off + 4, (uint32_t)(val >> 32), 0, 0);
	} else if (size == 4) {
		trap_write32(dev, (uint32_t)off, (uint32_t)val, 0, 0);
	} else {
		uint32_t mask = ((1u << (8 * size)) - 1) << sh;

		trap_write32(dev, (uint32_t)off & ~3u, (uint32_t)val << sh, 1,
			     mask);
	}
}

static const struct cdk_cap_trap_ops sim_trap_ops = {
	.read = trap_read,
	.write = trap_write,
};

const struct cdk_cap_trap_ops *cdk_sim_trap_ops(struct cdk_sim_dev *dev,
						void **ctx)
{
	if (ctx)
		*ctx = dev;
	return &sim_trap_ops;
}

uint32_t cdk_sim_reg_read(struct cdk_sim_dev *dev, uint32_t off)
{
	return (uint32_t)trap_read(dev, off, 4);
}

void cdk_sim_reg_write(struct cdk_sim_dev *dev, uint32_t off, uint32_t val)
{
	trap_write(dev, off, val, 4);
}

uint32_t cdk_sim_reg_peek(struct cdk_sim_dev *dev, uint32_t off)
{
	uint32_t v;

	if (off >= SIM_BAR0_SIZE)
		return ~0u;
	sim_lock(dev);
	v = dev->model->peek(dev, off & ~3u);
	sim_unlock(dev);
	return v;
}
