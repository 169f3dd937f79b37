/*
 * The capability authority: mints roots, keeps the registry of every
 * capability it issued (the truth that validation compares against), derives,
 * seals, revokes, and handles faults. See doc/capabilities.md.
 */
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cdk_cap_authority.h"
#include "cdk_log.h"
#include "cdk_memory.h"

#define NO_PARENT UINT32_MAX
/* Slot 0 is never issued: a zeroed capability names it and is stale. */
#define SLOT_NULL 0u

struct cap_entry {
	int live;
	int fault_logged;
	int handed_on; /* sealed for someone else: they hold it now */
	uint32_t parent;
	uint32_t parent_epoch;
	cdk_cap_t cap;       /* exactly what was issued */
	uintptr_t root_base; /* base of the root: MMIO offsets are relative */
	const struct cdk_cap_trap_ops *trap;
	void *trap_ctx;
	char owner[CDK_CAP_OWNER_LEN];
	char label[CDK_CAP_LABEL_LEN];
};

uint32_t cdk_cap_epochs[CDK_CAP_MAX_SLOTS];

static struct cap_entry *cap_table;
static uint32_t cap_next_free = 1;
static uint32_t cap_next_otype = 1;
static pthread_mutex_t cap_lock = PTHREAD_MUTEX_INITIALIZER;
static enum cdk_cap_fault_policy cap_policy = CDK_CAP_FAULT_ERROR;
static uint64_t cap_fault_count[CDK_CAP_FAULT_KIND_MAX];
/* Faults of capabilities the registry does not list (revoked, made up):
 * logged once per kind. */
static int cap_unlisted_logged[CDK_CAP_FAULT_KIND_MAX];

static const int fault_errno[CDK_CAP_FAULT_KIND_MAX] = {
	[CDK_CAP_FAULT_BOUNDS] = EFAULT,  [CDK_CAP_FAULT_PERM] = EACCES,
	[CDK_CAP_FAULT_SEALED] = EPERM,   [CDK_CAP_FAULT_REVOKED] = ESTALE,
	[CDK_CAP_FAULT_INVALID] = EINVAL,
};
static const char *const fault_name[CDK_CAP_FAULT_KIND_MAX] = {
	"out of bounds", "permission denied", "sealed", "revoked",
	"invalid (forged or altered)",
};

static void bump_epoch(uint32_t slot)
{
	uint32_t e = cdk_cap_epochs[slot] + 1;

	if (e == 0) /* epoch 0 is what a zeroed capability carries */
		e = 1;
	__atomic_store_n(&cdk_cap_epochs[slot], e, __ATOMIC_RELEASE);
}

int cdk_cap_authority_init(void)
{
	pthread_mutex_lock(&cap_lock);
	if (cap_table == NULL) {
		cap_table = calloc(CDK_CAP_MAX_SLOTS, sizeof(*cap_table));
		if (cap_table == NULL) {
			pthread_mutex_unlock(&cap_lock);
			return -ENOMEM;
		}
	}
	cdk_cap_epochs[SLOT_NULL] = UINT32_MAX;
	cap_next_free = 1;
	pthread_mutex_unlock(&cap_lock);
	return 0;
}

void cdk_cap_authority_fini(void)
{
	pthread_mutex_lock(&cap_lock);
	if (cap_table != NULL) {
		/* Every capability of this lifetime becomes stale. */
		for (uint32_t s = 1; s < CDK_CAP_MAX_SLOTS; s++)
			if (cap_table[s].live)
				bump_epoch(s);
		free(cap_table);
		cap_table = NULL;
	}
	memset(cap_unlisted_logged, 0, sizeof(cap_unlisted_logged));
	cap_policy = CDK_CAP_FAULT_ERROR;
	pthread_mutex_unlock(&cap_lock);
}

/* ---- faults ---- */

static int classify(const cdk_cap_t *c, uint64_t off, uint64_t n,
		    uint32_t need)
{
	uint32_t slot = c->slot & (CDK_CAP_MAX_SLOTS - 1);

	if (slot == SLOT_NULL || c->slot >= CDK_CAP_MAX_SLOTS)
		return CDK_CAP_FAULT_INVALID;
	if (__atomic_load_n(&cdk_cap_epochs[slot], __ATOMIC_RELAXED) != c->epoch)
		return CDK_CAP_FAULT_REVOKED;
	if (c->perms & CDK_CAP_ATTR_SEALED)
		return CDK_CAP_FAULT_SEALED;
	if (off >= c->len || c->len - off < n || n == 0)
		return CDK_CAP_FAULT_BOUNDS;
	if ((c->perms & need) != need)
		return CDK_CAP_FAULT_PERM;
	return -1;
}

static int raise_fault(int kind, const cdk_cap_t *c, uint64_t off, uint64_t n,
		       uint32_t need, const char *op)
{
	uint32_t slot = c->slot & (CDK_CAP_MAX_SLOTS - 1);
	int *logged = &cap_unlisted_logged[kind];
	char want[16], have[16];

	__atomic_fetch_add(&cap_fault_count[kind], 1, __ATOMIC_RELAXED);
	if (cap_table != NULL && slot != SLOT_NULL && cap_table[slot].live)
		logged = &cap_table[slot].fault_logged;
	if (!__atomic_exchange_n(logged, 1, __ATOMIC_RELAXED) ||
	    cap_policy == CDK_CAP_FAULT_ABORT) {
		const char *owner = logged != &cap_unlisted_logged[kind]
					    ? cap_table[slot].owner : "?";
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_CAP,
			"capability fault: %s: %s of %" PRIu64 " bytes at +0x%" PRIx64
			" wanting %s; capability [0x%" PRIxPTR ", +0x%" PRIx64
			") %s slot %u epoch %u owner '%s'",
			fault_name[kind], op, n, off,
			cdk_cap_perm_str(need, want, sizeof(want)), c->base, c->len,
			cdk_cap_perm_str(c->perms, have, sizeof(have)), c->slot,
			c->epoch, owner);
	}
	if (cap_policy == CDK_CAP_FAULT_ABORT)
		abort();
	return -fault_errno[kind];
}

int cdk_cap_fault(const cdk_cap_t *c, uint64_t off, uint64_t n, uint32_t need)
{
	int kind = classify(c, off, n, need);

	/* Reached with a valid access only for an empty range. */
	if (kind < 0)
		kind = CDK_CAP_FAULT_BOUNDS;
	return raise_fault(kind, c, off, n, need, "access");
}

/* ---- the accessors' slow paths: faults and device-model registers ---- */

static int trap_target(const cdk_cap_t *c, uint64_t off, unsigned n,
		       uint32_t need, struct cap_entry **e)
{
#if CDK_CAP_CHECKS
	int kind = classify(c, off, n, need);

	if (kind >= 0)
		return raise_fault(kind, c, off, n, need,
				   need == CDK_CAP_PERM_LOAD ? "load" : "store");
#endif
	*e = NULL;
	if ((c->perms & CDK_CAP_ATTR_TRAP) && cap_table != NULL)
		*e = &cap_table[c->slot & (CDK_CAP_MAX_SLOTS - 1)];
	return 0;
}

int cdk_cap_slow_read(const cdk_cap_t *c, uint64_t off, unsigned n,
		      uint64_t *v)
{
	struct cap_entry *e;
	int rc = trap_target(c, off, n, CDK_CAP_PERM_LOAD, &e);

	if (rc < 0)
		return rc;
	if (e != NULL && e->trap != NULL) {
		*v = e->trap->read(e->trap_ctx, c->base + off - e->root_base, n);
		return 0;
	}
	switch (n) { /* only reachable with checks compiled out */
	case 1: *v = *(volatile uint8_t *)(c->base + off); break;
	case 2: *v = *(volatile uint16_t *)(c->base + off); break;
	case 4: *v = *(volatile uint32_t *)(c->base + off); break;
	default: *v = *(volatile uint64_t *)(c->base + off); break;
	}
	return 0;
}

int cdk_cap_slow_write(const cdk_cap_t *c, uint64_t off, unsigned n,
		       uint64_t v)
{
	struct cap_entry *e;
	int rc = trap_target(c, off, n, CDK_CAP_PERM_STORE, &e);

	if (rc < 0)
		return rc;
	if (e != NULL && e->trap != NULL) {
		e->trap->write(e->trap_ctx, c->base + off - e->root_base, v, n);
		return 0;
	}
	switch (n) {
	case 1: *(volatile uint8_t *)(c->base + off) = (uint8_t)v; break;
	case 2: *(volatile uint16_t *)(c->base + off) = (uint16_t)v; break;
	case 4: *(volatile uint32_t *)(c->base + off) = (uint32_t)v; break;
	default: *(volatile uint64_t *)(c->base + off) = v; break;
	}
	return 0;
}

int cdk_cap_slow_iova(const cdk_cap_t *c, uint64_t off, uint64_t n,
		      uint64_t *iova)
{
	int kind = classify(c, off, n, CDK_CAP_PERM_DMA);
	const void *va = (const void *)(c->base + off);

	if (kind >= 0)
		return raise_fault(kind, c, off, n, CDK_CAP_PERM_DMA, "iova");
	if (!(c->perms & CDK_CAP_ATTR_PAGED)) {
		*iova = c->iova + off;
		return 0;
	}
	/* A device sees one address per descriptor: the range must not span
	 * physically discontiguous pages. */
	if (!cdk_mem_iova_contig(va, n) ||
	    (*iova = cdk_mem_virt2iova(va)) == CDK_BAD_IOVA)
		return raise_fault(CDK_CAP_FAULT_BOUNDS, c, off, n,
				   CDK_CAP_PERM_DMA, "iova (discontiguous)");
	return 0;
}

/* ---- registry ---- */

static uint32_t slot_alloc(void)
{
	for (uint32_t i = 0; i < CDK_CAP_MAX_SLOTS - 1; i++) {
		uint32_t s = cap_next_free + i;

		if (s >= CDK_CAP_MAX_SLOTS)
			s -= CDK_CAP_MAX_SLOTS - 1;
		if (!cap_table[s].live) {
			cap_next_free = s + 1 < CDK_CAP_MAX_SLOTS ? s + 1 : 1;
			return s;
		}
	}
	return SLOT_NULL;
}

static void set_name(char *dst, const char *src)
{
	snprintf(dst, CDK_CAP_OWNER_LEN, "%s", src ? src : "");
}

/* Register *c (base, len, iova, perms, otype set) under a new slot. */
static int issue(cdk_cap_t *c, const struct cap_entry *parent,
		 const char *owner, const char *label)
{
	uint32_t s;
	struct cap_entry *e;

	if (cap_table == NULL)
		return -ENODEV;
	s = slot_alloc();
	if (s == SLOT_NULL) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_CAP,
			"capability registry full (%u slots)", CDK_CAP_MAX_SLOTS);
		return -ENOSPC;
	}
	e = &cap_table[s];
	memset(e, 0, sizeof(*e));
	bump_epoch(s);
	c->slot = s;
	c->epoch = cdk_cap_epochs[s];
	e->live = 1;
	e->cap = *c;
	e->parent = parent ? parent->cap.slot : NO_PARENT;
	e->parent_epoch = parent ? parent->cap.epoch : 0;
	e->root_base = parent ? parent->root_base : c->base;
	e->trap = parent ? parent->trap : NULL;
	e->trap_ctx = parent ? parent->trap_ctx : NULL;
	set_name(e->owner, owner ? owner : parent ? parent->owner : "");
	set_name(e->label, label);
	return 0;
}

/* Is c exactly a live capability of the registry? Lock held. */
static int check_registered(const cdk_cap_t *c)
{
	const struct cap_entry *e;

	if (cap_table == NULL || c->slot == SLOT_NULL ||
	    c->slot >= CDK_CAP_MAX_SLOTS)
		return CDK_CAP_FAULT_INVALID;
	e = &cap_table[c->slot];
	if (e->live && cdk_cap_epochs[c->slot] == c->epoch)
		return memcmp(&e->cap, c, sizeof(*c)) == 0 ? -1
							    : CDK_CAP_FAULT_INVALID;
	/* Not live: revoked if it is what the slot once held, else made up.
	 * (A slot remembers only its last capability.) */
	return e->cap.epoch >= c->epoch && c->epoch != 0 && c->base == e->cap.base &&
			       c->len == e->cap.len && c->perms == e->cap.perms
		       ? CDK_CAP_FAULT_REVOKED
		       : CDK_CAP_FAULT_INVALID;
}

static int boundary_fault(const cdk_cap_t *c, const char *op)
{
	int kind = check_registered(c);

	return kind < 0 ? 0 : raise_fault(kind, c, 0, 0, 0, op);
}

int cdk_cap_validate(const cdk_cap_t *c)
{
	int rc;

	pthread_mutex_lock(&cap_lock);
	rc = boundary_fault(c, "validate");
	pthread_mutex_unlock(&cap_lock);
	return rc;
}

static int mint(cdk_cap_t *c, const struct cdk_cap_trap_ops *ops, void *ctx,
		const char *owner, const char *label)
{
	int rc;

	pthread_mutex_lock(&cap_lock);
	rc = issue(c, NULL, owner, label);
	if (rc == 0 && ops != NULL) {
		cap_table[c->slot].trap = ops;
		cap_table[c->slot].trap_ctx = ctx;
	}
	pthread_mutex_unlock(&cap_lock);
	return rc;
}

int cdk_cap_mint(uintptr_t base, uint64_t len, uint64_t iova, uint32_t perms,
		 const char *owner, const char *label, cdk_cap_t *out)
{
	cdk_cap_t c = { .base = base, .len = len, .iova = iova };

	memset(out, 0, sizeof(*out));
	if (len == 0 || base + len < base ||
	    (perms & ~(CDK_CAP_PERM_ALL | CDK_CAP_ATTR_PAGED)))
		return -EINVAL;
	c.perms = perms;
	int rc = mint(&c, NULL, NULL, owner, label);
	if (rc == 0)
		*out = c;
	return rc;
}

int cdk_cap_mint_trapped(uintptr_t base, uint64_t len, uint32_t perms,
			 const struct cdk_cap_trap_ops *ops, void *ctx,
			 const char *owner, const char *label, cdk_cap_t *out)
{
	cdk_cap_t c = { .base = base, .len = len };

	memset(out, 0, sizeof(*out));
	if (len == 0 || ops == NULL || ops->read == NULL || ops->write == NULL ||
	    (perms & ~CDK_CAP_PERM_ALL))
		return -EINVAL;
	c.perms = perms | CDK_CAP_ATTR_TRAP;
	int rc = mint(&c, ops, ctx, owner, label);
	if (rc == 0)
		*out = c;
	return rc;
}

int cdk_cap_derive(const cdk_cap_t *parent, uint64_t off, uint64_t len,
		   uint32_t perms, const char *owner, const char *label,
		   cdk_cap_t *out)
{
	cdk_cap_t c;
	int kind, rc;

	memset(out, 0, sizeof(*out));
	pthread_mutex_lock(&cap_lock);
	kind = check_registered(parent);
	if (kind < 0 && (parent->perms & CDK_CAP_ATTR_SEALED))
		kind = CDK_CAP_FAULT_SEALED;
	if (kind < 0 && (off >= parent->len || parent->len - off < len || !len))
		kind = CDK_CAP_FAULT_BOUNDS;
	/* Monotonic: no permission the parent lacks, and DERIVE to derive. */
	if (kind < 0 && ((perms & ~CDK_CAP_PERM_ALL) ||
			 (perms & ~parent->perms) ||
			 !(parent->perms & CDK_CAP_PERM_DERIVE)))
		kind = CDK_CAP_FAULT_PERM;
	if (kind >= 0) {
		rc = raise_fault(kind, parent, off, len, perms | CDK_CAP_PERM_DERIVE,
				 "derive");
		pthread_mutex_unlock(&cap_lock);
		return rc;
	}
	c = (cdk_cap_t){
		.base = parent->base + off,
		.len = len,
		.iova = parent->iova + off,
		.perms = perms | (parent->perms & (CDK_CAP_ATTR_TRAP |
						   CDK_CAP_ATTR_PAGED)),
	};
	rc = issue(&c, &cap_table[parent->slot], owner, label);
	pthread_mutex_unlock(&cap_lock);
	if (rc == 0)
		*out = c;
	return rc;
}

int cdk_cap_derive_addr(const cdk_cap_t *parent, const void *addr,
			uint64_t len, uint32_t perms, const char *owner,
			const char *label, cdk_cap_t *out)
{
	return cdk_cap_derive(parent, (uint64_t)((uintptr_t)addr - parent->base),
			      len, perms, owner, label, out);
}

/* ---- sealing ---- */

int cdk_cap_sealer_new(const char *owner, cdk_cap_t *out)
{
	cdk_cap_t c = { .len = 1, .perms = CDK_CAP_PERM_SEAL |
					   CDK_CAP_PERM_UNSEAL |
					   CDK_CAP_PERM_DERIVE };
	int rc;

	memset(out, 0, sizeof(*out));
	pthread_mutex_lock(&cap_lock);
	c.iova = cap_next_otype++;
	c.base = (uintptr_t)c.iova;
	rc = issue(&c, NULL, owner, "sealer");
	pthread_mutex_unlock(&cap_lock);
	if (rc == 0)
		*out = c;
	return rc;
}

/* Seal (otype != 0) or unseal (otype == 0) c into a new registered copy. */
static int reseal(const cdk_cap_t *c, const cdk_cap_t *sealer, uint32_t need,
		  cdk_cap_t *out)
{
	int kind, rc;
	int sealing = need == CDK_CAP_PERM_SEAL;
	cdk_cap_t n = *c;

	memset(out, 0, sizeof(*out));
	pthread_mutex_lock(&cap_lock);
	kind = check_registered(c);
	if (kind < 0)
		kind = check_registered(sealer);
	if (kind < 0 && ((sealer->perms & need) != need ||
			 (sealer->perms & CDK_CAP_ATTR_SEALED)))
		kind = CDK_CAP_FAULT_PERM;
	if (kind < 0 && sealing && (c->perms & CDK_CAP_ATTR_SEALED))
		kind = CDK_CAP_FAULT_SEALED;
	if (kind < 0 && !sealing &&
	    (!(c->perms & CDK_CAP_ATTR_SEALED) || c->otype != sealer->iova))
		kind = CDK_CAP_FAULT_PERM;
	if (kind >= 0) {
		rc = raise_fault(kind, c, 0, 0, need, sealing ? "seal" : "unseal");
		pthread_mutex_unlock(&cap_lock);
		return rc;
	}
	n.otype = sealing ? (uint32_t)sealer->iova : 0;
	n.perms = sealing ? c->perms | CDK_CAP_ATTR_SEALED
			  : c->perms & ~CDK_CAP_ATTR_SEALED;
	rc = issue(&n, &cap_table[c->slot], NULL, cap_table[c->slot].label);
	if (rc == 0 && sealing)
		cap_table[c->slot].handed_on = 1;
	pthread_mutex_unlock(&cap_lock);
	if (rc == 0)
		*out = n;
	return rc;
}

int cdk_cap_seal(const cdk_cap_t *c, const cdk_cap_t *sealer, cdk_cap_t *out)
{
	return reseal(c, sealer, CDK_CAP_PERM_SEAL, out);
}

int cdk_cap_unseal(const cdk_cap_t *c, const cdk_cap_t *sealer, cdk_cap_t *out)
{
	return reseal(c, sealer, CDK_CAP_PERM_UNSEAL, out);
}

/* ---- revocation ---- */

static void revoke_slot(uint32_t s)
{
	uint32_t epoch = cap_table[s].cap.epoch;

	cap_table[s].live = 0;
	bump_epoch(s);
	/* Children name this slot and the epoch it had when they were made. */
	for (uint32_t i = 1; i < CDK_CAP_MAX_SLOTS; i++)
		if (cap_table[i].live && cap_table[i].parent == s &&
		    cap_table[i].parent_epoch == epoch)
			revoke_slot(i);
}

int cdk_cap_revoke(const cdk_cap_t *c)
{
	int rc;

	pthread_mutex_lock(&cap_lock);
	rc = boundary_fault(c, "revoke");
	if (rc == 0)
		revoke_slot(c->slot);
	pthread_mutex_unlock(&cap_lock);
	return rc;
}

/* ---- policy, statistics, reports ---- */

void cdk_cap_set_fault_policy(enum cdk_cap_fault_policy p)
{
	cap_policy = p;
}

enum cdk_cap_fault_policy cdk_cap_get_fault_policy(void)
{
	return cap_policy;
}

void cdk_cap_stats_get(struct cdk_cap_stats *s)
{
	memset(s, 0, sizeof(*s));
	for (int k = 0; k < CDK_CAP_FAULT_KIND_MAX; k++) {
		s->by_kind[k] = __atomic_load_n(&cap_fault_count[k], __ATOMIC_RELAXED);
		s->faults += s->by_kind[k];
	}
}

void cdk_cap_stats_reset(void)
{
	for (int k = 0; k < CDK_CAP_FAULT_KIND_MAX; k++)
		__atomic_store_n(&cap_fault_count[k], 0, __ATOMIC_RELAXED);
}

const char *cdk_cap_perm_str(uint32_t perms, char *buf, size_t sz)
{
	static const char letters[] = "RWMDSU+";
	size_t n = 0;

	for (int i = 0; letters[i] && n + 1 < sz; i++)
		if (perms & (1u << i))
			buf[n++] = letters[i];
	if (n == 0 && sz > 1)
		buf[n++] = '-';
	if (sz)
		buf[n < sz ? n : sz - 1] = '\0';
	return buf;
}

static const char *kind_of(const cdk_cap_t *c)
{
	if (c->perms & CDK_CAP_ATTR_SEALED)
		return "sealed";
	if (c->perms & CDK_CAP_PERM_MMIO)
		return "mmio";
	if (c->perms & (CDK_CAP_PERM_SEAL | CDK_CAP_PERM_UNSEAL))
		return "sealer";
	if (c->perms & CDK_CAP_PERM_DMA)
		return "dma";
	return "mem";
}

/*
 * What an owner holds: a capability handed on sealed appears once, as the
 * copy its recipient unsealed; the sealed envelope and the grantor's
 * original (kept only to revoke) are not listed.
 */
static int owner_match(const struct cap_entry *e, const char *prefix)
{
	return e->live && !e->handed_on && !(e->cap.perms & CDK_CAP_ATTR_SEALED) &&
	       (prefix == NULL || strncmp(e->owner, prefix, strlen(prefix)) == 0);
}

static void report_one(FILE *f, const struct cap_entry *e)
{
	const cdk_cap_t *c = &e->cap;
	char p[16];

	cdk_cap_perm_str(c->perms & ~(CDK_CAP_PERM_MMIO), p, sizeof(p));
	if (c->perms & CDK_CAP_PERM_MMIO)
		fprintf(f, "  %-22s %-6s [0x%" PRIxPTR ", +%" PRIu64 ") %-4s %s\n",
			e->owner, kind_of(c), c->base - e->root_base, c->len, p,
			e->label);
	else
		fprintf(f, "  %-22s %-6s [%p, +%" PRIu64 ") %-4s %s iova 0x%" PRIx64
			"%s\n", e->owner, kind_of(c), (void *)c->base, c->len, p,
			e->label, c->iova,
			c->perms & CDK_CAP_ATTR_PAGED ? " (not IOVA-contiguous)" : "");
}

int cdk_cap_report(FILE *f, const char *owner_prefix)
{
	int n = 0;

	pthread_mutex_lock(&cap_lock);
	for (uint32_t s = 1; cap_table != NULL && s < CDK_CAP_MAX_SLOTS; s++)
		if (owner_match(&cap_table[s], owner_prefix)) {
			report_one(f, &cap_table[s]);
			n++;
		}
	pthread_mutex_unlock(&cap_lock);
	return n;
}

unsigned cdk_cap_count(const char *owner_prefix)
{
	unsigned n = 0;

	pthread_mutex_lock(&cap_lock);
	for (uint32_t s = 1; cap_table != NULL && s < CDK_CAP_MAX_SLOTS; s++)
		n += owner_match(&cap_table[s], owner_prefix);
	pthread_mutex_unlock(&cap_lock);
	return n;
}
