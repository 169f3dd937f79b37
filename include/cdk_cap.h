/*
 * Capabilities: bounded, permission-restricted, revocable handles to memory,
 * device registers and DMA memory (doc/capabilities.md).
 *
 * The model is CHERI's: a capability carries its bounds, permissions, an
 * object type (non-zero when sealed) and validity. Only the authority
 * (eal/cap.c) mints roots; everyone else derives monotonic slices. A
 * capability records the revocation slot it was derived under; revoking the
 * slot (and so every slice of it) makes every copy fault on use.
 *
 * Accessors are inline. The hot path is one bounds test, one permission test
 * (which also catches sealed and trapped capabilities) and one epoch load for
 * revocation, each a predictable branch. Full validation against the
 * authority's registry (cdk_cap_validate) happens at trust boundaries.
 */
#ifndef CDK_CAP_H
#define CDK_CAP_H

#include <stdint.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "cdk_common.h"

#ifndef CDK_CAP_CHECKS
#define CDK_CAP_CHECKS 1
#endif

/* Permissions (a subset of CHERI's, named for what I/O needs). */
#define CDK_CAP_PERM_LOAD (1u << 0)   /* read data */
#define CDK_CAP_PERM_STORE (1u << 1)  /* write data */
#define CDK_CAP_PERM_MMIO (1u << 2)   /* the range is device registers */
#define CDK_CAP_PERM_DMA (1u << 3)    /* its IOVA may be handed to a device */
#define CDK_CAP_PERM_SEAL (1u << 4)   /* a sealer: may seal with its otype */
#define CDK_CAP_PERM_UNSEAL (1u << 5) /* a sealer: may unseal its otype */
#define CDK_CAP_PERM_DERIVE (1u << 6) /* may have slices derived from it */
#define CDK_CAP_PERM_ALL 0x7fu

/*
 * Attribute bits kept in the same word so that the hot path's single
 * permission test also sends sealed and trapped capabilities to the slow path.
 * They are set only by the authority and cannot be cleared by derivation.
 */
#define CDK_CAP_ATTR_PAGED (1u << 29)  /* IOVA not linear: translate per page */
#define CDK_CAP_ATTR_TRAP (1u << 30)   /* registers of a device model */
#define CDK_CAP_ATTR_SEALED (1u << 31) /* sealed: no access until unsealed */

/* Revocation slots: one per registered capability. */
#define CDK_CAP_MAX_SLOTS 16384u
#define CDK_CAP_OWNER_LEN 32
#define CDK_CAP_LABEL_LEN 32

typedef struct cdk_cap {
	uintptr_t base; /* first byte */
	uint64_t len;   /* bytes */
	uint64_t iova;  /* IOVA of base (DMA caps); first otype (sealers) */
	uint32_t perms; /* CDK_CAP_PERM_* | CDK_CAP_ATTR_* */
	uint32_t otype; /* 0: unsealed */
	uint32_t slot;  /* revocation slot in the authority's registry */
	uint32_t epoch; /* slot epoch when issued; stale if it differs */
} cdk_cap_t;

/* What happens on a capability fault. */
enum cdk_cap_fault_policy {
	CDK_CAP_FAULT_ERROR = 0, /* count, log once, return an error */
	CDK_CAP_FAULT_ABORT,     /* count, log, abort() (CHERI's SIGPROT) */
};

/* Why an access faulted; each is counted. */
enum cdk_cap_fault_kind {
	CDK_CAP_FAULT_BOUNDS = 0, /* -EFAULT */
	CDK_CAP_FAULT_PERM,       /* -EACCES */
	CDK_CAP_FAULT_SEALED,     /* -EPERM */
	CDK_CAP_FAULT_REVOKED,    /* -ESTALE */
	CDK_CAP_FAULT_INVALID,    /* -EINVAL: forged, altered, widened */
	CDK_CAP_FAULT_KIND_MAX
};

struct cdk_cap_stats {
	uint64_t faults; /* all kinds */
	uint64_t by_kind[CDK_CAP_FAULT_KIND_MAX];
};

/* Registers of a simulated device: accesses trap into the model. */
struct cdk_cap_trap_ops {
	uint64_t (*read)(void *ctx, uint64_t off, unsigned size);
	void (*write)(void *ctx, uint64_t off, uint64_t val, unsigned size);
};

/* Epoch of every slot; read on each access to detect revocation. */
extern uint32_t cdk_cap_epochs[CDK_CAP_MAX_SLOTS];

/* The out-of-line paths of the accessors. */
int cdk_cap_fault(const cdk_cap_t *c, uint64_t off, uint64_t n, uint32_t need)
	__cdk_cold __cdk_noinline;
int cdk_cap_slow_read(const cdk_cap_t *c, uint64_t off, unsigned n,
		      uint64_t *v);
int cdk_cap_slow_write(const cdk_cap_t *c, uint64_t off, unsigned n,
		       uint64_t v);
int cdk_cap_slow_iova(const cdk_cap_t *c, uint64_t off, uint64_t n,
		      uint64_t *iova);

/*
 * Is an n-byte access at off with permissions need allowed? Sealed and
 * trapped capabilities also answer no, so that the caller takes its slow path.
 */
static __cdk_always_inline int cdk_cap_ok(const cdk_cap_t *c, uint64_t off,
					  uint64_t n, uint32_t need)
{
#if CDK_CAP_CHECKS
	return !(off >= c->len || c->len - off < n ||
		 (c->perms & (need | CDK_CAP_ATTR_SEALED | CDK_CAP_ATTR_TRAP)) !=
			 need ||
		 __atomic_load_n(&cdk_cap_epochs[c->slot & (CDK_CAP_MAX_SLOTS - 1)],
				 __ATOMIC_RELAXED) != c->epoch);
#else
	(void)off;
	(void)n;
	(void)need;
	return !(c->perms & CDK_CAP_ATTR_TRAP);
#endif
}

/* Checked loads and stores of 8/16/32/64 bits at byte offset off. */
#define CDK_CAP_ACCESSORS(bits)                                                \
	static __cdk_always_inline int cdk_cap_read##bits(                     \
		const cdk_cap_t *c, uint64_t off, uint##bits##_t *v)           \
	{                                                                      \
		if (cdk_likely(cdk_cap_ok(c, off, bits / 8, CDK_CAP_PERM_LOAD))) { \
			*v = *(const volatile uint##bits##_t *)(c->base + off); \
			return 0;                                              \
		}                                                              \
		uint64_t w = 0;                                                \
		int rc = cdk_cap_slow_read(c, off, bits / 8, &w);              \
		*v = (uint##bits##_t)w;                                        \
		return rc;                                                     \
	}                                                                      \
	static __cdk_always_inline int cdk_cap_write##bits(                    \
		const cdk_cap_t *c, uint64_t off, uint##bits##_t v)            \
	{                                                                      \
		if (cdk_likely(cdk_cap_ok(c, off, bits / 8, CDK_CAP_PERM_STORE))) { \
			*(volatile uint##bits##_t *)(c->base + off) = v;       \
			return 0;                                              \
		}                                                              \
		return cdk_cap_slow_write(c, off, bits / 8, v);                \
	}

CDK_CAP_ACCESSORS(8)
CDK_CAP_ACCESSORS(16)
CDK_CAP_ACCESSORS(32)
CDK_CAP_ACCESSORS(64)

/*
 * A checked pointer to [off, off+n) for accesses with perms (ring entries,
 * packet data). NULL after a fault. Not for trapped (model) registers.
 */
static __cdk_always_inline void *cdk_cap_ptr(const cdk_cap_t *c, uint64_t off,
					     uint64_t n, uint32_t perms)
{
	if (cdk_likely(cdk_cap_ok(c, off, n, perms) && n))
		return (void *)(c->base + off);
	cdk_cap_fault(c, off, n, perms);
	return NULL;
}

/* IOVA of [off, off+n) for a device to DMA to; needs PERM_DMA. */
static __cdk_always_inline int cdk_cap_iova(const cdk_cap_t *c, uint64_t off,
					    uint64_t n, uint64_t *iova)
{
	if (cdk_likely(cdk_cap_ok(c, off, n, CDK_CAP_PERM_DMA) && n &&
		       !(c->perms & CDK_CAP_ATTR_PAGED))) {
		*iova = c->iova + off;
		return 0;
	}
	return cdk_cap_slow_iova(c, off, n, iova);
}

/* The same for an address that must lie inside the capability. */
static __cdk_always_inline int cdk_cap_iova_of(const cdk_cap_t *c,
					       const void *p, uint64_t n,
					       uint64_t *iova)
{
	return cdk_cap_iova(c, (uint64_t)((uintptr_t)p - c->base), n, iova);
}

/* Is [p, p+n) inside c with perms? (No fault; for filtering, e.g. tx.) */
static __cdk_always_inline int cdk_cap_covers(const cdk_cap_t *c,
					      const void *p, uint64_t n,
					      uint32_t perms)
{
	return cdk_cap_ok(c, (uint64_t)((uintptr_t)p - c->base), n, perms);
}

/*
 * The same check in two halves, for a burst: whether c may be used with
 * need at all (permissions, seal, revocation) once per burst, then only the
 * range per packet. A revocation cannot land inside a burst: queues are
 * revoked after their port stopped publishing them.
 */
static __cdk_always_inline int cdk_cap_usable(const cdk_cap_t *c, uint32_t need)
{
#if CDK_CAP_CHECKS
	return (c->perms & (need | CDK_CAP_ATTR_SEALED | CDK_CAP_ATTR_TRAP)) == need &&
	       __atomic_load_n(&cdk_cap_epochs[c->slot & (CDK_CAP_MAX_SLOTS - 1)],
			       __ATOMIC_RELAXED) == c->epoch;
#else
	(void)c;
	(void)need;
	return 1;
#endif
}

static __cdk_always_inline int cdk_cap_contains(const cdk_cap_t *c,
						const void *p, uint64_t n)
{
#if CDK_CAP_CHECKS
	uint64_t off = (uint64_t)((uintptr_t)p - c->base);

	return !(off >= c->len || c->len - off < n);
#else
	(void)c;
	(void)p;
	(void)n;
	return 1;
#endif
}

/* IOVA of [p, p+n) in c, checking the range only: for a burst that already
 * checked cdk_cap_usable(c, CDK_CAP_PERM_DMA). */
static __cdk_always_inline int cdk_cap_iova_in(const cdk_cap_t *c,
					       const void *p, uint64_t n,
					       uint64_t *iova)
{
	uint64_t off = (uint64_t)((uintptr_t)p - c->base);

	if (cdk_likely(cdk_cap_contains(c, p, n) &&
		       !(c->perms & CDK_CAP_ATTR_PAGED))) {
		*iova = c->iova + off;
		return 0;
	}
	return cdk_cap_slow_iova(c, off, n, iova);
}

/* ---- Derivation, sealing, revocation, validation (control path) ---- */

/*
 * A slice [off, off+len) of parent with perms (a subset of the parent's).
 * Asking for more than the parent has, or a range outside it, faults and
 * leaves *out invalid (zeroed). owner and label name it in reports.
 */
int cdk_cap_derive(const cdk_cap_t *parent, uint64_t off, uint64_t len,
		   uint32_t perms, const char *owner, const char *label,
		   cdk_cap_t *out);

/* The same, by address rather than offset. */
int cdk_cap_derive_addr(const cdk_cap_t *parent, const void *addr,
			uint64_t len, uint32_t perms, const char *owner,
			const char *label, cdk_cap_t *out);

/* A new sealer with a fresh object type (SEAL|UNSEAL). */
int cdk_cap_sealer_new(const char *owner, cdk_cap_t *out);
/* Seal c with sealer's object type; a sealed capability allows no access. */
int cdk_cap_seal(const cdk_cap_t *c, const cdk_cap_t *sealer, cdk_cap_t *out);
/* Unseal: refused unless sealer holds UNSEAL for c's object type. */
int cdk_cap_unseal(const cdk_cap_t *c, const cdk_cap_t *sealer,
		   cdk_cap_t *out);

/* Revoke c and every capability derived from it. */
int cdk_cap_revoke(const cdk_cap_t *c);

/*
 * Trust-boundary check: c must be exactly what the authority issued and still
 * live. 0, -ESTALE (revoked) or -EINVAL (made or altered by hand); a failure
 * is a capability fault.
 */
int cdk_cap_validate(const cdk_cap_t *c);

/* Permissions as letters: R W M D S U + (derive). buf >= 8 bytes. */
const char *cdk_cap_perm_str(uint32_t perms, char *buf, size_t sz);

/* Print every live capability whose owner starts with prefix (NULL: all). */
int cdk_cap_report(FILE *f, const char *owner_prefix);
/* Number of live capabilities whose owner starts with prefix. */
unsigned cdk_cap_count(const char *owner_prefix);

void cdk_cap_set_fault_policy(enum cdk_cap_fault_policy p);
enum cdk_cap_fault_policy cdk_cap_get_fault_policy(void);
void cdk_cap_stats_get(struct cdk_cap_stats *s);
void cdk_cap_stats_reset(void);

static inline int cdk_cap_is_null(const cdk_cap_t *c)
{
	return c->len == 0 && c->epoch == 0;
}

#endif
