/* Ring control path: sizing, initialisation, the name registry, dumps. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cdk_log.h"
#include "cdk_memory.h"
#include "cdk_ring.h"
#include "eal/registry.h"

/* Named rings, newest first. Entries are plain heap nodes so that the list
 * survives nothing but itself: cdk_ring_registry_reset drops it wholesale. */
static const char *ring_name(const void *r)
{
	return ((const struct cdk_ring *)r)->name;
}

static struct cdk_registry registry = CDK_REGISTRY_INIT(ring_name);

/* Slot count for a requested count, or 0 if the request is impossible. */
static uint32_t ring_slots(unsigned count, unsigned flags)
{
	if (flags & CDK_RING_F_EXACT_SZ) {
		if (count == 0 || count > CDK_RING_SZ_MASK)
			return 0;
		return cdk_align32pow2(count + 1);
	}
	if (!CDK_IS_POWER_OF_2(count) || count < 2 || count > CDK_RING_SZ_MASK)
		return 0;
	return count;
}

ssize_t cdk_ring_get_memsize(unsigned count, unsigned flags)
{
	uint32_t slots = ring_slots(count, flags);

	if (slots == 0)
		return -EINVAL;
	return (ssize_t)(sizeof(struct cdk_ring) +
			 CDK_ALIGN_CEIL((size_t)slots * sizeof(void *),
					(size_t)CDK_CACHE_LINE_SIZE));
}

static int check_name(const char *name)
{
	if (name == NULL)
		return -EINVAL;
	if (strnlen(name, CDK_RING_NAMESIZE) >= CDK_RING_NAMESIZE)
		return -ENAMETOOLONG;
	return 0;
}

int cdk_ring_init(struct cdk_ring *r, const char *name, unsigned count,
		  unsigned flags)
{
	uint32_t slots = ring_slots(count, flags);
	int rc = check_name(name);

	if (rc)
		return rc;
	if (r == NULL || slots == 0 || (flags & ~CDK_RING_F_MASK)) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_RING,
			"ring %s: bad count %u or flags 0x%x\n", name, count,
			flags);
		return -EINVAL;
	}
	memset(r, 0, sizeof(*r));
	strcpy(r->name, name);
	r->flags = flags;
	r->socket_id = CDK_SOCKET_ID_ANY;
	r->size = slots;
	r->mask = slots - 1;
	r->capacity = (flags & CDK_RING_F_EXACT_SZ) ? count : slots - 1;
	r->prod.single = !!(flags & CDK_RING_F_SP_ENQ);
	r->cons.single = !!(flags & CDK_RING_F_SC_DEQ);
	return 0;
}

void cdk_ring_reset(struct cdk_ring *r)
{
	r->prod.head = r->prod.tail = 0;
	r->cons.head = r->cons.tail = 0;
}

static struct cdk_ring *create_fail(int err)
{
	errno = err;
	return NULL;
}

struct cdk_ring *cdk_ring_create(const char *name, unsigned count,
				 int socket_id, unsigned flags)
{
	ssize_t sz = cdk_ring_get_memsize(count, flags);
	struct cdk_ring *r;
	int rc = check_name(name);

	if (rc)
		return create_fail(-rc);
	if (sz < 0 || (flags & ~CDK_RING_F_MASK)) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_RING,
			"ring %s: bad count %u or flags 0x%x\n", name, count,
			flags);
		return create_fail(EINVAL);
	}
	cdk_registry_lock(&registry);
	if (cdk_registry_find_locked(&registry, name)) {
		cdk_registry_unlock(&registry);
		return create_fail(EEXIST);
	}
	r = cdk_zmalloc_socket("ring", (size_t)sz, CDK_CACHE_LINE_SIZE,
			       socket_id);
	if (r == NULL) {
		cdk_registry_unlock(&registry);
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_RING,
			"ring %s: no memory for %zd bytes on socket %d\n",
			name, sz, socket_id);
		return create_fail(ENOMEM);
	}
	cdk_ring_init(r, name, count, flags);
	r->socket_id = socket_id;
	r->allocated = 1;
	if (cdk_registry_add_locked(&registry, r) < 0) {
		cdk_registry_unlock(&registry);
		cdk_free(r);
		return create_fail(ENOMEM);
	}
	cdk_registry_unlock(&registry);
	return r;
}

void cdk_ring_free(struct cdk_ring *r)
{
	if (r == NULL)
		return;
	if (!r->allocated) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_RING,
			"ring %s: not made by cdk_ring_create, not freed\n",
			r->name);
		return;
	}
	cdk_registry_remove(&registry, r);
	cdk_free(r);
}

struct cdk_ring *cdk_ring_lookup(const char *name)
{
	return cdk_registry_lookup(&registry, name);
}

void cdk_ring_registry_reset(void)
{
	cdk_registry_reset(&registry);
}

void cdk_ring_dump(FILE *f, const struct cdk_ring *r)
{
	fprintf(f, "ring <%s>@%p\n", r->name, (const void *)r);
	fprintf(f, "  flags=0x%x\n", r->flags);
	fprintf(f, "  size=%u\n", r->size);
	fprintf(f, "  capacity=%u\n", r->capacity);
	fprintf(f, "  ct=%u\n", r->cons.tail);
	fprintf(f, "  ch=%u\n", r->cons.head);
	fprintf(f, "  pt=%u\n", r->prod.tail);
	fprintf(f, "  ph=%u\n", r->prod.head);
	fprintf(f, "  used=%u\n", cdk_ring_count(r));
	fprintf(f, "  avail=%u\n", cdk_ring_free_count(r));
}

static void dump_one(void *r, void *f)
{
	cdk_ring_dump(f, r);
}

void cdk_ring_list_dump(FILE *f)
{
	cdk_registry_walk(&registry, dump_one, f);
}
