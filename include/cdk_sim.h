/*
 * Device models: register-level models of Intel NICs (82540EM, 82574L,
 * 82576) written from Intel's datasheets, and the wires their ports are
 * connected to (doc/testing.md, "Device models").
 *
 * A model is a register file behind trap operations (its BAR0 is not plain
 * memory: every access calls the model), a small PCI configuration space and
 * a DMA engine running on a thread of its own. Every DMA goes through an
 * IOMMU-like check against memory registered with cdk_sim_dma_map(); an
 * access outside it is refused, counted and logged, never performed.
 *
 * Thread safety: the trap operations and every function here may be called
 * from any thread while the model's engine runs, except cdk_sim_destroy(),
 * which must not race with other calls on the same model.
 */
#ifndef CDK_SIM_H
#define CDK_SIM_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cdk_cap.h"

/* Which NIC a model is. */
enum cdk_sim_kind {
	CDK_SIM_82540EM = 0, /* 8086:100e, one queue pair, legacy descriptors */
	CDK_SIM_82574L,      /* 8086:10d3, adds extended rx descriptors */
	CDK_SIM_82576,       /* 8086:10c9, 16 queue pairs, advanced, RSS */
	CDK_SIM_KIND_MAX
};

/* Hostile-device behaviours, for fault and fuzz tests of drivers. */
#define CDK_SIM_HOSTILE_BAD_LEN (1u << 0)   /* rx write-back length > buffer */
#define CDK_SIM_HOSTILE_FLIP_STATUS (1u << 1) /* random status/error bits */
#define CDK_SIM_HOSTILE_OUT_OF_ORDER (1u << 2) /* rx frames written back
						  pairwise swapped */
#define CDK_SIM_HOSTILE_GHOST_DD (1u << 3)  /* DD set on the descriptor at the
					       tail, never posted */
#define CDK_SIM_HOSTILE_BAD_HEAD (1u << 4)  /* RDH/TDH read back past the ring */
#define CDK_SIM_HOSTILE_ALL 0x1fu

/* Creation options; a zeroed struct (or NULL) gives the defaults. */
struct cdk_sim_opts {
	uint32_t hostile;       /* CDK_SIM_HOSTILE_* from the start */
	uint64_t seed;          /* hostile-mode randomness (0: fixed default) */
	uint32_t rx_fifo_bytes; /* rx packet buffer; 0: the PBA reset value */
	FILE *trace;            /* trace every register write, descriptor
				   fetch and DMA fault here (NULL: off) */
	int bus_master;         /* start with PCI bus mastering on */
};

struct cdk_sim_dev;

/* PCI identity of a model. */
struct cdk_sim_pci_id {
	uint16_t vendor_id;    /* 0x8086 */
	uint16_t device_id;    /* 0x100e, 0x10d3, 0x10c9 */
	uint16_t subsys_vendor_id;
	uint16_t subsys_id;
	uint8_t revision;
	uint32_t class_code;   /* 0x020000: Ethernet controller */
	uint64_t bar0_size;    /* bytes of register space */
};

/* What a model did; all counters since creation or cdk_sim_stats_reset. */
struct cdk_sim_stats {
	uint64_t tx_frames, tx_bytes;   /* put on the wire */
	uint64_t rx_frames, rx_bytes;   /* written into an rx ring */
	uint64_t rx_filtered;           /* refused by the address filter */
	uint64_t rx_missed;             /* dropped: rx packet buffer full */
	uint64_t rx_oversize;           /* dropped: longer than allowed */
	uint64_t desc_fetches;          /* descriptors read */
	uint64_t dma_reads, dma_writes; /* DMA operations performed */
	uint64_t dma_faults;            /* refused: outside registered memory */
	uint64_t dma_no_master;         /* refused: bus master off */
	uint64_t reg_reads, reg_writes; /* trapped register accesses */
	uint64_t resets;                /* CTRL.RST or cdk_sim_reset */
	uint64_t hostile_events;        /* misbehaviours performed */
};

/* The last DMA fault, for tests and reports. */
struct cdk_sim_dma_fault {
	uint64_t iova;
	uint64_t len;
	int write;    /* 1: device to memory */
	int no_master; /* 1: refused because bus master was off */
};

/* ---- Life cycle ---- */

/* A model of kind with MAC address mac; NULL on failure (errno set). */
struct cdk_sim_dev *cdk_sim_create(enum cdk_sim_kind kind,
				   const uint8_t mac[6],
				   const struct cdk_sim_opts *opts);
/* Stop its engine (joining the thread), unplug its wire, free it. */
void cdk_sim_destroy(struct cdk_sim_dev *dev);

/* "82540em", "82574l", "82576" (case-insensitive); 0 or -EINVAL. */
int cdk_sim_kind_parse(const char *name, enum cdk_sim_kind *kind);
const char *cdk_sim_kind_name(enum cdk_sim_kind kind);
enum cdk_sim_kind cdk_sim_kind_of(const struct cdk_sim_dev *dev);
/* Number of rx (= tx) queues the model has. */
unsigned cdk_sim_nb_queues(const struct cdk_sim_dev *dev);

/* ---- PCI ---- */

void cdk_sim_pci_id(const struct cdk_sim_dev *dev, struct cdk_sim_pci_id *id);
/*
 * Configuration space (256 bytes): vendor/device, command (memory space,
 * bus master), status, class, BAR0, subsystem ids. size 1, 2 or 4.
 */
uint32_t cdk_sim_pci_cfg_read(struct cdk_sim_dev *dev, unsigned off,
			      unsigned size);
void cdk_sim_pci_cfg_write(struct cdk_sim_dev *dev, unsigned off, uint32_t val,
			   unsigned size);
#define CDK_SIM_PCI_COMMAND 0x04
#define CDK_SIM_PCI_CMD_MEM (1u << 1)
#define CDK_SIM_PCI_CMD_MASTER (1u << 2)
/* Shorthand for setting or clearing the command register's bus master bit. */
void cdk_sim_set_bus_master(struct cdk_sim_dev *dev, int on);

/* BAR0: the trap operations and the context to pass them. */
const struct cdk_cap_trap_ops *cdk_sim_trap_ops(struct cdk_sim_dev *dev,
						void **ctx);
/* Shorthands for the trap operations (32-bit, with side effects). */
uint32_t cdk_sim_reg_read(struct cdk_sim_dev *dev, uint32_t off);
void cdk_sim_reg_write(struct cdk_sim_dev *dev, uint32_t off, uint32_t val);
/* A register's value without read side effects (debugging, tests). */
uint32_t cdk_sim_reg_peek(struct cdk_sim_dev *dev, uint32_t off);

/* ---- DMA (IOMMU-like) ---- */

/* Let the model DMA to [iova, iova+len), backed by va. 0 or -errno. */
int cdk_sim_dma_map(struct cdk_sim_dev *dev, uint64_t iova, void *va,
		    uint64_t len);
/* Withdraw a mapping made with exactly this iova. 0 or -ENOENT. */
int cdk_sim_dma_unmap(struct cdk_sim_dev *dev, uint64_t iova);
/* 1 and *f filled if a DMA fault happened since creation, else 0. */
int cdk_sim_dma_fault_last(struct cdk_sim_dev *dev,
			   struct cdk_sim_dma_fault *f);

/* ---- Control ---- */

/* Stop / restart the engine (registers stay accessible while paused). */
void cdk_sim_pause(struct cdk_sim_dev *dev);
void cdk_sim_resume(struct cdk_sim_dev *dev);
/* Device reset, as CTRL.RST: registers to reset values, rx buffer flushed. */
void cdk_sim_reset(struct cdk_sim_dev *dev);
/*
 * Wait until the engine has nothing left to do (tx rings drained up to
 * their tails, rx packet buffer empty or blocked on a full ring) or
 * timeout_ms passes. 0 or -ETIMEDOUT.
 */
int cdk_sim_quiesce(struct cdk_sim_dev *dev, unsigned timeout_ms);
void cdk_sim_set_hostile(struct cdk_sim_dev *dev, uint32_t flags);
uint32_t cdk_sim_get_hostile(struct cdk_sim_dev *dev);
/* Trace to f (NULL: off). */
void cdk_sim_set_trace(struct cdk_sim_dev *dev, FILE *f);
void cdk_sim_stats_get(struct cdk_sim_dev *dev, struct cdk_sim_stats *s);
void cdk_sim_stats_reset(struct cdk_sim_dev *dev);
/*
 * fn(arg) is called whenever a cause is posted while unmasked (ICR & IMS),
 * from the engine thread or the thread writing ICS/IMS, with the model
 * locked: it must not access the model, only wake whoever services it.
 */
typedef void (*cdk_sim_irq_fn)(void *arg);
void cdk_sim_set_irq(struct cdk_sim_dev *dev, cdk_sim_irq_fn fn, void *arg);

/* ---- Wires ---- */

/* Back-to-back cable between two models' ports. 0 or -errno (-EBUSY if
 * either is already wired). */
int cdk_sim_connect(struct cdk_sim_dev *a, struct cdk_sim_dev *b);
/* What a port transmits it receives. */
int cdk_sim_wire_loopback(struct cdk_sim_dev *dev);
/*
 * pcap files: frames of rx_path (NULL: none) arrive on the port, replayed
 * from the start at the end if loop; frames transmitted are appended to
 * tx_path (NULL: discarded), a pcap file tcpdump reads.
 */
int cdk_sim_wire_pcap(struct cdk_sim_dev *dev, const char *rx_path,
		      const char *tx_path, int loop);
/* A live interface (e.g. one end of a veth pair) through libpcap. */
int cdk_sim_wire_live(struct cdk_sim_dev *dev, const char *ifname);
/* A far end that is a function: it gets every frame the port transmits. */
typedef void (*cdk_sim_tap_fn)(void *arg, const void *frame, size_t len);
int cdk_sim_wire_tap(struct cdk_sim_dev *dev, cdk_sim_tap_fn fn, void *arg);
/* Unplug (both ends of a cable). Link goes down. */
void cdk_sim_disconnect(struct cdk_sim_dev *dev);
/* Make a frame (without FCS) arrive at the port as if from its wire.
 * 0, or -ENOBUFS when the rx packet buffer is full (counted as missed). */
int cdk_sim_inject(struct cdk_sim_dev *dev, const void *frame, size_t len);
/* Short description of the wire: "none", "b2b", "loopback", "pcap"... */
const char *cdk_sim_wire_name(struct cdk_sim_dev *dev);

/* ---- Helpers shared with tests and drivers' tests ---- */

/* Toeplitz hash of n bytes of data with a 40-byte key (RSS). */
uint32_t cdk_sim_toeplitz(const uint8_t key[40], const uint8_t *data,
			  size_t n);

#endif
