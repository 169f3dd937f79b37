/*
 * The driver side: how a poll-mode driver registers, what it declares it
 * needs (its slice manifest), what a probe receives, and the ops table the
 * ethdev layer calls. See doc/writing-a-pmd.md.
 */
#ifndef CDK_PMD_H
#define CDK_PMD_H

#include "cdk_cap.h"
#include "cdk_eal.h"
#include "cdk_ethdev.h"

struct cdk_eth_dev;

/* ---- devices and drivers ---- */

enum cdk_dev_kind { CDK_DEV_VDEV, CDK_DEV_PCI };

struct cdk_pci_id {
	uint16_t vendor_id, device_id;
};
#define CDK_PCI_VENDOR_INTEL 0x8086

struct cdk_pmd_driver;

/* A device a bus found: a vdev from --vdev, or a PCI function. */
struct cdk_device {
	char name[64];
	char args[256]; /* devargs: key=value,... */
	enum cdk_dev_kind kind;
	int numa_node;
	struct cdk_pci_id pci_id;
	const struct cdk_pmd_driver *driver;
	/* The PMD's control slice of BAR0 (control operations only). */
	cdk_cap_t ctrl;
	void *driver_private; /* what outlives the device's ports */
	/* Bus-private: the root of BAR0 (never handed to a driver). */
	cdk_cap_t bar_root_;
	void *bus_private_;
	struct cdk_device *next;
};

/* A per-queue register slice: at base + stride * queue, len bytes. */
struct cdk_slice_spec {
	const char *label;
	uint32_t base, stride, len;
	uint32_t perms;
};

/*
 * Everything a driver may touch, declared up front. The ethdev layer derives
 * exactly these slices per queue; --cap-report prints them.
 */
struct cdk_pmd_manifest {
	uint32_t bar_len;          /* BAR0 size the driver expects (PCI) */
	struct cdk_slice_spec rx_doorbell, rx_head;
	struct cdk_slice_spec tx_doorbell, tx_head;
	uint32_t rx_desc_size, tx_desc_size; /* 0: no descriptor ring memory */
	uint32_t ring_align;       /* ring base alignment in bytes */
	uint32_t ring_len_align;   /* ring length multiple in bytes */
};

struct cdk_pmd_driver {
	const char *name;                    /* DPDK's: net_null, net_e1000_em */
	enum cdk_dev_kind kind;
	const struct cdk_pci_id *id_table;   /* PCI: ends with a zero entry */
	const char *const *devargs_keys;     /* NULL-terminated; NULL: none */
	const struct cdk_pmd_manifest *manifest;
	int (*probe)(struct cdk_device *dev);
	int (*remove)(struct cdk_device *dev);
	struct cdk_pmd_driver *next;
};

void cdk_pmd_register(struct cdk_pmd_driver *drv);
const struct cdk_pmd_driver *cdk_pmd_find(const char *name,
					   enum cdk_dev_kind kind);
const struct cdk_pmd_driver *cdk_pmd_find_pci(struct cdk_pci_id id);

#define CDK_PMD_REGISTER(drv)                                          \
	CDK_INIT_PRIO(cdk_pmd_register_##drv, 200)                     \
	{                                                              \
		cdk_pmd_register(&(drv));                              \
	}

/* ---- devargs: key=value,... shared by every driver ---- */

#define CDK_KVARGS_MAX 16
struct cdk_kvargs {
	unsigned count;
	struct {
		char key[32];
		char value[224];
	} pairs[CDK_KVARGS_MAX];
};

/*
 * Parse args, accepting only the given keys; an unknown key, a missing '=',
 * an empty key or too many pairs is -EINVAL with a message naming it.
 */
int cdk_kvargs_parse(struct cdk_kvargs *kv, const char *devname,
		     const char *args, const char *const *valid_keys);
/* The value of key, or NULL; count of a key. */
const char *cdk_kvargs_get(const struct cdk_kvargs *kv, const char *key);
unsigned cdk_kvargs_count(const struct cdk_kvargs *kv, const char *key);
/* Unsigned number in [min, max]: -EINVAL with a message otherwise. */
int cdk_kvargs_get_uint(const struct cdk_kvargs *kv, const char *devname,
			const char *key, unsigned long min, unsigned long max,
			unsigned long *out);
/* 0/1 (also accepts true/false, yes/no, on/off). */
int cdk_kvargs_get_bool(const struct cdk_kvargs *kv, const char *devname,
			const char *key, int *out);

/* ---- what a queue's driver holds ---- */

#define CDK_QUEUE_MAX_POOLS 8

/*
 * The capabilities of one queue. The ethdev layer hands them sealed to the
 * port; the driver opens them with cdk_eth_queue_caps_open. Any of them may
 * be null (a virtual device has no registers).
 */
struct cdk_queue_caps {
	cdk_cap_t doorbell;  /* tail register: write */
	cdk_cap_t head;      /* head register: read */
	cdk_cap_t ring;      /* descriptor ring memory: read, write, DMA */
	unsigned n_pools;
	cdk_cap_t pools[CDK_QUEUE_MAX_POOLS]; /* mempools it may DMA to/from */
	uint16_t nb_desc;
};

enum cdk_queue_dir { CDK_RXQ = 0, CDK_TXQ = 1 };

/* ---- the port a driver creates ---- */

struct cdk_eth_dev_ops {
	int (*dev_configure)(struct cdk_eth_dev *dev);
	int (*dev_infos_get)(struct cdk_eth_dev *dev,
			     struct cdk_eth_dev_info *info);
	int (*dev_start)(struct cdk_eth_dev *dev);
	int (*dev_stop)(struct cdk_eth_dev *dev);
	int (*dev_close)(struct cdk_eth_dev *dev);
	int (*rx_queue_setup)(struct cdk_eth_dev *dev, uint16_t q,
			      uint16_t nb_desc, unsigned socket,
			      const struct cdk_eth_rxconf *conf,
			      struct cdk_mempool *mp);
	int (*tx_queue_setup)(struct cdk_eth_dev *dev, uint16_t q,
			      uint16_t nb_desc, unsigned socket,
			      const struct cdk_eth_txconf *conf);
	void (*rx_queue_release)(struct cdk_eth_dev *dev, uint16_t q);
	void (*tx_queue_release)(struct cdk_eth_dev *dev, uint16_t q);
	/* Take a queue's (sealed) capabilities: after setup, and at every
	 * start (stop revoked the previous ones). */
	int (*queue_caps_grant)(struct cdk_eth_dev *dev, enum cdk_queue_dir dir,
				uint16_t q, const struct cdk_queue_caps *sealed);
	int (*link_update)(struct cdk_eth_dev *dev, int wait_to_complete);
	int (*stats_get)(struct cdk_eth_dev *dev, struct cdk_eth_stats *st);
	int (*stats_reset)(struct cdk_eth_dev *dev);
	/* Driver-specific xstats, after the generic ones. */
	int (*xstats_get_names)(struct cdk_eth_dev *dev,
				struct cdk_eth_xstat_name *names, unsigned n);
	int (*xstats_get)(struct cdk_eth_dev *dev, struct cdk_eth_xstat *xs,
			  unsigned n);
	int (*xstats_reset)(struct cdk_eth_dev *dev);
	int (*promiscuous_enable)(struct cdk_eth_dev *dev);
	int (*promiscuous_disable)(struct cdk_eth_dev *dev);
	int (*allmulticast_enable)(struct cdk_eth_dev *dev);
	int (*allmulticast_disable)(struct cdk_eth_dev *dev);
	int (*mac_addr_set)(struct cdk_eth_dev *dev, struct cdk_ether_addr *a);
	int (*mtu_set)(struct cdk_eth_dev *dev, uint16_t mtu);
	/* One queue of a started port: stop halts its DMA and gives its
	 * mbufs back; start programs its ring again, refills and enables it.
	 * The ethdev layer unpublishes the queue and revokes its capabilities
	 * around stop, and grants them again before start. */
	int (*rx_queue_start)(struct cdk_eth_dev *dev, uint16_t q);
	int (*rx_queue_stop)(struct cdk_eth_dev *dev, uint16_t q);
	int (*tx_queue_start)(struct cdk_eth_dev *dev, uint16_t q);
	int (*tx_queue_stop)(struct cdk_eth_dev *dev, uint16_t q);
	int (*rss_hash_update)(struct cdk_eth_dev *dev,
			       struct cdk_eth_rss_conf *conf);
	int (*rss_hash_conf_get)(struct cdk_eth_dev *dev,
				 struct cdk_eth_rss_conf *conf);
	int (*reta_update)(struct cdk_eth_dev *dev,
			   struct cdk_eth_rss_reta_entry64 *reta, uint16_t size);
	int (*reta_query)(struct cdk_eth_dev *dev,
			  struct cdk_eth_rss_reta_entry64 *reta, uint16_t size);
	/* The packet types the rx bursts can report, ending with
	 * CDK_PTYPE_UNKNOWN; NULL or absent: the driver classifies none. */
	const uint32_t *(*dev_supported_ptypes_get)(struct cdk_eth_dev *dev);
	/* Report only the layers in mask (whole layers; 0: no
	 * classification, which spares the rx burst the work). */
	int (*dev_ptypes_set)(struct cdk_eth_dev *dev, uint32_t mask);
};

/* Queue bookkeeping of the ethdev layer (drivers do not touch it). */
struct cdk_eth_queue_slot {
	int setup;
	uint16_t nb_desc;
	unsigned socket;
	struct cdk_mempool *mp;   /* rx */
	void *ring_mem;           /* descriptor ring memory, if any */
	size_t ring_len;
	struct cdk_queue_caps granted; /* unsealed originals, for revocation */
	uint8_t deferred;         /* not started with the port (queue conf) */
	uint8_t started;          /* running: published, capabilities held */
};

struct cdk_eth_dev {
	uint16_t port_id;
	char name[CDK_ETH_NAME_MAX_LEN];
	int attached, configured, started;
	const struct cdk_eth_dev_ops *dev_ops;
	cdk_eth_rx_burst_t rx_pkt_burst;
	cdk_eth_tx_burst_t tx_pkt_burst;
	struct cdk_device *device;
	const struct cdk_pmd_driver *driver;
	void *dev_private;
	int socket_id;
	struct cdk_eth_conf conf;
	uint16_t nb_rx_queues, nb_tx_queues;
	void *rx_queues[CDK_MAX_QUEUES_PER_PORT];
	void *tx_queues[CDK_MAX_QUEUES_PER_PORT];
	struct cdk_ether_addr mac_addr;
	uint16_t mtu;
	uint8_t promiscuous, all_multicast;
	struct cdk_eth_link link;
	uint64_t rx_mbuf_alloc_failed;
	/* ethdev-private */
	cdk_cap_t sealer_;
	struct cdk_eth_queue_slot rxq_slot_[CDK_MAX_QUEUES_PER_PORT];
	struct cdk_eth_queue_slot txq_slot_[CDK_MAX_QUEUES_PER_PORT];
};

/* Create a port for a device (probe); NULL if the table is full. */
struct cdk_eth_dev *cdk_eth_dev_allocate(const char *name,
					 struct cdk_device *device,
					 const struct cdk_pmd_driver *drv,
					 size_t private_size);
/* Called by probe once ops, bursts and MAC are set: the port appears. */
void cdk_eth_dev_probing_finish(struct cdk_eth_dev *dev);
/* Remove a port (driver remove, or probe failure). */
void cdk_eth_dev_release_port(struct cdk_eth_dev *dev);
struct cdk_eth_dev *cdk_eth_dev_get(uint16_t port_id);

/*
 * Open the sealed capabilities granted to a queue of this port. Refused
 * (-EACCES) when they were sealed for another port; every capability is
 * validated on the way.
 */
int cdk_eth_queue_caps_open(struct cdk_eth_dev *dev,
			    const struct cdk_queue_caps *sealed,
			    struct cdk_queue_caps *out);

/*
 * Open a queue's sealed capabilities and check they fit it: a ring of at
 * least ring_len bytes, 4-byte doorbell and head registers, and at least
 * min_pools pools. -EINVAL (logged) when they do not.
 */
int cdk_eth_queue_caps_take(struct cdk_eth_dev *dev, enum cdk_queue_dir dir,
			    uint16_t q, const struct cdk_queue_caps *sealed,
			    uint64_t ring_len, unsigned min_pools,
			    struct cdk_queue_caps *out);

/* ---- data-path helpers for drivers with descriptor rings ---- */

/*
 * A burst checks once that its ring (and pool, if any) is usable, on local
 * copies of the capabilities, so that stores into packets and descriptors
 * cannot make the compiler read them again; a fault is recorded when not.
 */
static __cdk_always_inline int cdk_eth_burst_caps_ok(const cdk_cap_t *ring,
						     uint32_t ring_perms,
						     uint32_t desc_size,
						     const cdk_cap_t *pool)
{
	if (cdk_likely(cdk_cap_usable(ring, ring_perms) &&
		       (pool == NULL || cdk_cap_usable(pool, CDK_CAP_PERM_DMA))))
		return 1;
	if (!cdk_cap_usable(ring, ring_perms))
		cdk_cap_fault(ring, 0, desc_size, ring_perms);
	else
		cdk_cap_fault(pool, 0, 1, CDK_CAP_PERM_DMA);
	return 0;
}

/* Descriptor idx of a ring checked usable for this burst: only the range
 * is tested here. NULL outside the ring. */
static __cdk_always_inline void *cdk_eth_desc_in(const cdk_cap_t *ring,
						 uint16_t idx, uint32_t size)
{
	void *d = (char *)ring->base + (size_t)idx * size;

	if (cdk_likely(cdk_cap_contains(ring, d, size)))
		return d;
	/* a forged or corrupted index: refused, and counted as the fault it is */
	cdk_cap_fault(ring, (uint64_t)idx * size, size,
		      CDK_CAP_PERM_LOAD | CDK_CAP_PERM_STORE);
	return NULL;
}

/*
 * The range half of every descriptor access a burst makes, once per burst:
 * the ring capability holds all nb_desc descriptors of size bytes, and the
 * burst starts at descriptor idx, one of them. A burst that then moves its
 * index only forward modulo nb_desc reaches each descriptor with
 * cdk_eth_desc_at and no test of its own, as cdk_eth_desc_in would have
 * allowed. A forged or corrupted index or count: a bounds fault, and 0.
 */
static __cdk_always_inline int cdk_eth_ring_span_ok(const cdk_cap_t *ring,
						    uint16_t nb_desc,
						    uint32_t size, uint16_t idx)
{
#if CDK_CAP_CHECKS
	if (cdk_likely(idx < nb_desc && (uint64_t)nb_desc * size <= ring->len))
		return 1;
	cdk_cap_fault(ring, (uint64_t)idx * size, size,
		      CDK_CAP_PERM_LOAD | CDK_CAP_PERM_STORE);
	return 0;
#else
	(void)ring;
	(void)nb_desc;
	(void)size;
	(void)idx;
	return 1;
#endif
}

/* Descriptor idx < nb_desc of a ring whose span was checked for this burst
 * (cdk_eth_ring_span_ok). */
static __cdk_always_inline void *cdk_eth_desc_at(const cdk_cap_t *ring,
						 uint16_t idx, uint32_t size)
{
	return (void *)(ring->base + (uintptr_t)idx * size);
}

/* The rare case of cdk_eth_tx_pool_iova: another of the n granted pools
 * holds [p, p+len); it becomes *cur and *last its index. */
int cdk_eth_tx_pool_iova_other(const cdk_cap_t *pools, unsigned n,
			       uint16_t *last, cdk_cap_t *cur, const void *p,
			       uint32_t len, uint64_t *iova);

/*
 * The IOVA of a tx buffer [p, p+len) from the pools a queue was granted:
 * *cur is the burst's copy of the one that matched last (checked usable
 * for this burst), else another is looked up. -1 when none holds it.
 */
static __cdk_always_inline int cdk_eth_tx_pool_iova(const cdk_cap_t *pools,
						    unsigned n, uint16_t *last,
						    cdk_cap_t *cur, const void *p,
						    uint32_t len, uint64_t *iova)
{
	if (cdk_likely(cdk_cap_contains(cur, p, len)))
		return cdk_cap_iova_in(cur, p, len, iova);
	return cdk_eth_tx_pool_iova_other(pools, n, last, cur, p, len, iova);
}

/*
 * A DMA capability as a burst's per-buffer checks use it: three scalars the
 * compiler keeps in registers, and one compare per buffer. The window is
 * made for buffers of up to n bytes (cdk_dma_win_sized): its len counts the
 * offsets at which any of them fits, so an offset below len is the whole
 * check -- the same single compare the unchecked build spends on telling
 * paged capabilities apart. The burst checked the capability usable once
 * (cdk_eth_burst_caps_ok). What a window cannot answer -- a paged
 * capability, a buffer outside it or in its last n - 1 bytes -- it refuses,
 * and the caller asks the capability itself (cdk_cap_iova_in), which
 * translates, or faults.
 */
struct cdk_dma_win {
	uintptr_t base;
	uint64_t len;  /* offsets that pass; 0: every lookup goes to the cap */
	uint64_t iova; /* IOVA of base */
};

static __cdk_always_inline struct cdk_dma_win cdk_dma_win_sized(const cdk_cap_t *c,
							       uint64_t n)
{
	struct cdk_dma_win w = { c->base, c->len, c->iova };

	w.len = !(c->perms & CDK_CAP_ATTR_PAGED) && w.len >= n ? w.len - n + 1 : 0;
	return w;
}

/* IOVA of a buffer at p of at most the window's n bytes; -1 when the
 * window cannot say. */
static __cdk_always_inline int cdk_dma_win_buf(const struct cdk_dma_win *w,
					       const void *p, uint64_t *iova)
{
	uint64_t off = (uint64_t)((uintptr_t)p - w->base);

#if CDK_CAP_CHECKS
	if (cdk_unlikely(off >= w->len))
#else
	if (cdk_unlikely(w->len == 0))
#endif
		return -1;
	*iova = w->iova + off;
	return 0;
}

/* A tx window: any segment (data_len is 16 bits). */
#define CDK_DMA_WIN_TX_SPAN UINT16_MAX

/*
 * cdk_eth_tx_pool_iova with the burst's window of *cur in front (made by
 * cdk_dma_win_sized(cur, CDK_DMA_WIN_TX_SPAN)): the window answers for
 * segments of the pool that matched last; anything else goes to the
 * granted pools, and the window follows the one that matched.
 */
static __cdk_always_inline int cdk_eth_tx_win_iova(const cdk_cap_t *pools,
						   unsigned n, uint16_t *last,
						   cdk_cap_t *cur,
						   struct cdk_dma_win *win,
						   const void *p, uint16_t len,
						   uint64_t *iova)
{
	uint64_t t; /* the slow path's own: *iova stays in a register */

	if (cdk_likely(cdk_dma_win_buf(win, p, iova) == 0))
		return 0;
	if (cdk_eth_tx_pool_iova(pools, n, last, cur, p, len, &t) < 0)
		return -1;
	*iova = t;
	*win = cdk_dma_win_sized(cur, CDK_DMA_WIN_TX_SPAN);
	return 0;
}

/* Owner string of a port's queue: "port0/rxq1". */
void cdk_eth_queue_owner(char *buf, size_t sz, uint16_t port,
			 enum cdk_queue_dir dir, uint16_t q);

/* ethdev helpers for drivers */
static inline void cdk_eth_linkstatus_set(struct cdk_eth_dev *dev,
					  const struct cdk_eth_link *l)
{
	dev->link = *l;
}

#endif
