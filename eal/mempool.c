/* Mempool control path: creation, object placement, DMA capability, registry. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cdk_log.h"
#include "cdk_memory.h"
#include "cdk_mempool.h"
#include "eal/registry.h"

/* Granule of physical contiguity without hugepages. */
#define MP_PAGE_SIZE 4096u

static const char *mempool_name(const void *mp)
{
	return ((const struct cdk_mempool *)mp)->name;
}

static struct cdk_registry registry = CDK_REGISTRY_INIT(mempool_name);

static void *create_fail(int err)
{
	errno = err;
	return NULL;
}

static uint32_t stride_of(const struct cdk_mempool *mp)
{
	return mp->elt_size + mp->trailer_size;
}

/* Whether bodies must stay within IOVA-contiguous ranges. In VA mode every
 * range is contiguous; some callers waive the need. */
static int must_check_pages(const struct cdk_mempool *mp)
{
	return !(mp->flags & CDK_MEMPOOL_F_NO_IOVA_CONTIG) &&
	       cdk_eal_iova_mode() != CDK_IOVA_VA;
}

/*
 * Offset from base of the next object body when the free space starts at
 * off, or SIZE_MAX if it cannot be placed. worst assumes no two pages are
 * contiguous (to size the block before it exists).
 */
static size_t next_body(const struct cdk_mempool *mp, uintptr_t base,
			size_t off, int check, int worst)
{
	size_t body = off + mp->header_size;
	uintptr_t a = base + body, len = stride_of(mp);
	uintptr_t page_mask = ~(uintptr_t)(MP_PAGE_SIZE - 1);

	if (!check || (a & page_mask) == ((a + len - 1) & page_mask))
		return body;
	if (!worst && cdk_mem_iova_contig((const void *)a, len))
		return body;
	if (len > MP_PAGE_SIZE)
		return SIZE_MAX;
	/* Start the body on the next page; its header stays behind. */
	return CDK_ALIGN_CEIL(a, (uintptr_t)MP_PAGE_SIZE) - base;
}

/* Bytes the block needs for every object, from a page-aligned base. */
static size_t block_len(const struct cdk_mempool *mp, int check)
{
	size_t off = 0, body;
	uint32_t i;

	if (!check)
		return (size_t)mp->size * (mp->header_size + stride_of(mp));
	for (i = 0; i < mp->size; i++) {
		body = next_body(mp, 0, off, 1, 1);
		if (body == SIZE_MAX) /* large objects: contiguity or nothing */
			return (size_t)mp->size *
			       (mp->header_size + stride_of(mp));
		off = body + stride_of(mp);
	}
	return off;
}

static int alloc_caches(struct cdk_mempool *mp)
{
	unsigned lcore, top = 0;
	uint32_t i;

	if (mp->cache_size == 0)
		return 0;
	CDK_LCORE_FOREACH(lcore)
		top = lcore + 1;
	if (top == 0)
		return 0;
	mp->local_cache = cdk_zmalloc_socket(
		"mempool_cache", sizeof(*mp->local_cache) * top,
		CDK_CACHE_LINE_SIZE, mp->socket_id);
	if (mp->local_cache == NULL)
		return -ENOMEM;
	for (i = 0; i < top; i++) {
		mp->local_cache[i].size = mp->cache_size;
		mp->local_cache[i].flushthresh =
			CDK_MEMPOOL_CALC_CACHE_FLUSHTHRESH(mp->cache_size);
	}
	mp->nb_caches = top;
	return 0;
}

static int check_args(const char *name, unsigned n, unsigned elt_size,
		      unsigned cache_size, unsigned flags)
{
	if (name == NULL || n == 0 || elt_size == 0 ||
	    (flags & ~CDK_MEMPOOL_F_USER_MASK))
		return -EINVAL;
	if (strnlen(name, CDK_MEMPOOL_NAMESIZE) >= CDK_MEMPOOL_NAMESIZE)
		return -ENAMETOOLONG;
	/* A cache that could hold the whole pool would starve other lcores. */
	if (cache_size > CDK_MEMPOOL_CACHE_MAX_SIZE ||
	    CDK_MEMPOOL_CALC_CACHE_FLUSHTHRESH(cache_size) > n)
		return -EINVAL;
	return 0;
}

static void set_sizes(struct cdk_mempool *mp, unsigned elt_size)
{
	unsigned align = (mp->flags & CDK_MEMPOOL_F_NO_CACHE_ALIGN)
				 ? sizeof(void *)
				 : CDK_CACHE_LINE_SIZE;

	mp->elt_size = elt_size;
	mp->header_size = CDK_ALIGN_CEIL(
		(unsigned)sizeof(struct cdk_mempool_objhdr), align);
	mp->trailer_size = CDK_ALIGN_CEIL(elt_size, align) - elt_size;
}

/* Make the pool's ring, its caches and its name entry. Caller holds the
 * registry lock and has checked that the name is free. */
static int setup_locked(struct cdk_mempool *mp)
{
	char rg_name[CDK_RING_NAMESIZE];
	unsigned rflags = CDK_RING_F_EXACT_SZ;

	if (mp->flags & CDK_MEMPOOL_F_SP_PUT)
		rflags |= CDK_RING_F_SP_ENQ;
	if (mp->flags & CDK_MEMPOOL_F_SC_GET)
		rflags |= CDK_RING_F_SC_DEQ;
	snprintf(rg_name, sizeof(rg_name), "MP_%s", mp->name);
	mp->ring = cdk_ring_create(rg_name, mp->size, mp->socket_id, rflags);
	if (mp->ring == NULL)
		return -errno;
	if (alloc_caches(mp) < 0 || cdk_registry_add_locked(&registry, mp) < 0) {
		cdk_free(mp->local_cache);
		cdk_ring_free(mp->ring);
		return -ENOMEM;
	}
	return 0;
}

struct cdk_mempool *cdk_mempool_create_empty(const char *name, unsigned n,
					     unsigned elt_size,
					     unsigned cache_size,
					     unsigned private_data_size,
					     int socket_id, unsigned flags)
{
	struct cdk_mempool *mp;
	int rc = check_args(name, n, elt_size, cache_size, flags);

	if (rc) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_MEMPOOL,
			"mempool %s: bad arguments (n %u, elt %u, cache %u, "
			"flags 0x%x)\n", name ? name : "(null)", n, elt_size,
			cache_size, flags);
		return create_fail(-rc);
	}
	cdk_registry_lock(&registry);
	if (cdk_registry_find_locked(&registry, name)) {
		rc = -EEXIST;
		goto fail;
	}
	mp = cdk_zmalloc_socket("mempool",
				sizeof(*mp) + CDK_ALIGN_CEIL(private_data_size,
							     CDK_CACHE_LINE_SIZE),
				CDK_CACHE_LINE_SIZE, socket_id);
	if (mp == NULL) {
		rc = -ENOMEM;
		goto fail;
	}
	strcpy(mp->name, name);
	mp->flags = flags;
	mp->socket_id = socket_id;
	mp->size = n;
	mp->cache_size = cache_size;
	mp->private_data_size = private_data_size;
	set_sizes(mp, elt_size);
	rc = setup_locked(mp);
	if (rc) {
		cdk_free(mp);
		goto fail;
	}
	cdk_registry_unlock(&registry);
	return mp;

fail:
	cdk_registry_unlock(&registry);
	cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_MEMPOOL, "mempool %s: %s\n", name,
		strerror(-rc));
	return create_fail(-rc);
}

/* Lay the objects out in the block, recording header, IOVA and order. */
static int place_objects(struct cdk_mempool *mp, int check)
{
	uintptr_t base = (uintptr_t)mp->mem;
	int va = cdk_eal_iova_mode() == CDK_IOVA_VA;
	size_t off = 0, body;
	uint32_t i;

	for (i = 0; i < mp->size; i++) {
		body = next_body(mp, base, off, check, 0);
		if (body == SIZE_MAX || body + stride_of(mp) > mp->mem_len) {
			cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_MEMPOOL,
				"mempool %s: %u-byte objects need IOVA-"
				"contiguous memory (hugepages, --iova-mode=va "
				"or CDK_MEMPOOL_F_NO_IOVA_CONTIG)\n",
				mp->name, stride_of(mp));
			return -ENOMEM;
		}
		void *obj = (char *)mp->mem + body;
		struct cdk_mempool_objhdr *h = cdk_mempool_get_header(obj);

		h->mp = mp;
		h->iova = va ? (uint64_t)(uintptr_t)obj : cdk_mem_virt2iova(obj);
		h->next = NULL;
		if (mp->obj_tail)
			mp->obj_tail->next = h;
		else
			mp->obj_head = h;
		mp->obj_tail = h;
		off = body + stride_of(mp);
	}
	mp->populated_size = mp->size;
	return 0;
}

static int derive_dma_cap(struct cdk_mempool *mp)
{
	const struct cdk_memseg *ms = cdk_mem_virt2memseg(mp->mem);
	char owner[CDK_MEMPOOL_NAMESIZE + 16]; /* the authority truncates */

	if (ms == NULL)
		return -EINVAL;
	snprintf(owner, sizeof(owner), "mempool %s", mp->name);
	return cdk_cap_derive_addr(&ms->cap, mp->mem, mp->mem_len,
				   CDK_CAP_PERM_LOAD | CDK_CAP_PERM_STORE |
					   CDK_CAP_PERM_DMA |
					   CDK_CAP_PERM_DERIVE,
				   owner, "objects", &mp->dma_cap);
}

static void enqueue_all(struct cdk_mempool *mp)
{
	struct cdk_mempool_objhdr *h;
	void *batch[64];
	unsigned k = 0;

	for (h = mp->obj_head; h; h = h->next) {
		batch[k++] = (char *)h + sizeof(*h);
		if (k == CDK_DIM(batch)) {
			cdk_ring_enqueue_bulk(mp->ring, batch, k, NULL);
			k = 0;
		}
	}
	if (k)
		cdk_ring_enqueue_bulk(mp->ring, batch, k, NULL);
}

static void release_block(struct cdk_mempool *mp)
{
	cdk_free(mp->mem);
	mp->mem = NULL;
	mp->mem_len = 0;
	mp->obj_head = mp->obj_tail = NULL;
	mp->populated_size = 0;
}

int cdk_mempool_populate_default(struct cdk_mempool *mp)
{
	int check, rc;

	if (mp == NULL)
		return -EINVAL;
	if (mp->flags & CDK_MEMPOOL_F_POOL_CREATED)
		return -EEXIST;
	check = must_check_pages(mp);
	mp->mem_len = block_len(mp, check);
	mp->mem = cdk_zmalloc_socket("mempool_objects", mp->mem_len,
				     check ? MP_PAGE_SIZE : CDK_CACHE_LINE_SIZE,
				     mp->socket_id);
	if (mp->mem == NULL) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_MEMPOOL,
			"mempool %s: no memory for %zu bytes on socket %d\n",
			mp->name, mp->mem_len, mp->socket_id);
		mp->mem_len = 0;
		return -ENOMEM;
	}
	rc = place_objects(mp, check);
	if (rc == 0)
		rc = derive_dma_cap(mp);
	if (rc) {
		release_block(mp);
		return rc;
	}
	enqueue_all(mp);
	mp->flags |= CDK_MEMPOOL_F_POOL_CREATED;
	return (int)mp->size;
}

struct cdk_mempool *cdk_mempool_create(const char *name, unsigned n,
				       unsigned elt_size, unsigned cache_size,
				       unsigned private_data_size,
				       cdk_mempool_obj_cb_t *obj_init,
				       void *obj_init_arg, int socket_id,
				       unsigned flags)
{
	struct cdk_mempool *mp;
	int rc;

	mp = cdk_mempool_create_empty(name, n, elt_size, cache_size,
				      private_data_size, socket_id, flags);
	if (mp == NULL)
		return NULL;
	rc = cdk_mempool_populate_default(mp);
	if (rc < 0) {
		cdk_mempool_free(mp);
		return create_fail(-rc);
	}
	if (obj_init)
		cdk_mempool_obj_iter(mp, obj_init, obj_init_arg);
	return mp;
}

void cdk_mempool_free(struct cdk_mempool *mp)
{
	if (mp == NULL)
		return;
	cdk_registry_remove(&registry, mp);
	/* Revoke before freeing, so that no driver can reach the memory once
	 * the heap hands it to someone else. */
	if (mp->flags & CDK_MEMPOOL_F_POOL_CREATED)
		cdk_cap_revoke(&mp->dma_cap);
	cdk_ring_free(mp->ring);
	cdk_free(mp->local_cache);
	if (mp->mem)
		release_block(mp);
	cdk_free(mp);
}

struct cdk_mempool *cdk_mempool_lookup(const char *name)
{
	return cdk_registry_lookup(&registry, name);
}

uint32_t cdk_mempool_obj_iter(struct cdk_mempool *mp, cdk_mempool_obj_cb_t *cb,
			      void *arg)
{
	struct cdk_mempool_objhdr *h;
	uint32_t i = 0;

	for (h = mp->obj_head; h; h = h->next, i++)
		cb(mp, arg, (char *)h + sizeof(*h), i);
	return i;
}

struct walk_ctx {
	void (*cb)(struct cdk_mempool *mp, void *arg);
	void *arg;
};

static void walk_one(void *mp, void *ctx)
{
	struct walk_ctx *w = ctx;

	w->cb(mp, w->arg);
}

void cdk_mempool_walk(void (*cb)(struct cdk_mempool *mp, void *arg),
		      void *arg)
{
	struct walk_ctx w = { cb, arg };

	cdk_registry_walk(&registry, walk_one, &w);
}

int cdk_mempool_get_short_(struct cdk_mempool *mp, void **obj_table,
			   unsigned n, struct cdk_mempool_cache *cache)
{
	unsigned from_cache, i;

	if (cache == NULL || cache->len == 0)
		return -ENOENT;
	from_cache = CDK_MIN(n, cache->len);
	if (n > from_cache &&
	    cdk_ring_dequeue_bulk(mp->ring, obj_table + from_cache,
				  n - from_cache, NULL) == 0)
		return -ENOENT;
	for (i = 0; i < from_cache; i++)
		obj_table[i] = cache->objs[--cache->len];
	return 0;
}

int cdk_mempool_cache_get_miss_(struct cdk_mempool *mp, void **obj_table,
				unsigned n, struct cdk_mempool_cache *cache)
{
	uint32_t len = cache->len;
	/* Back to size once n are taken, in one ring access. */
	uint32_t req = n + (cache->size - len);

	if (!cdk_ring_dequeue_bulk(mp->ring, &cache->objs[len], req, NULL)) {
		/* The ring is short of a refill: try for exactly n. */
		if (cdk_ring_dequeue_bulk(mp->ring, obj_table, n, NULL))
			return 0;
		return cdk_mempool_get_short_(mp, obj_table, n, cache);
	}
	len += req - n;
	cache->len = len;
	cdk_ptr_copy_(obj_table, &cache->objs[len], n);
	return 0;
}

void cdk_mempool_cache_put_over_(struct cdk_mempool *mp,
				 void *const *obj_table, unsigned n,
				 struct cdk_mempool_cache *cache)
{
	if (n > cache->flushthresh) {
		/* The ring has room for every object of the pool, so this
		 * succeeds unless objects were put twice. */
		cdk_ring_enqueue_bulk(mp->ring, obj_table, n, NULL);
		return;
	}
	/* The older contents go to the ring; the n just put are the
	 * cache-hot ones and stay. */
	cdk_ring_enqueue_bulk(mp->ring, cache->objs, cache->len, NULL);
	cache->len = n;
	cdk_ptr_copy_(cache->objs, obj_table, n);
}

unsigned cdk_mempool_avail_count(const struct cdk_mempool *mp)
{
	unsigned count = cdk_ring_count(mp->ring);
	uint32_t i;

	for (i = 0; i < mp->nb_caches; i++)
		count += __atomic_load_n(&mp->local_cache[i].len,
					 __ATOMIC_RELAXED);
	/* Caches are read while their lcores run: the sum may overshoot. */
	return count > mp->size ? mp->size : count;
}

unsigned cdk_mempool_in_use_count(const struct cdk_mempool *mp)
{
	return mp->size - cdk_mempool_avail_count(mp);
}

void cdk_mempool_registry_reset(void)
{
	cdk_registry_reset(&registry);
}

void cdk_mempool_dump(FILE *f, const struct cdk_mempool *mp)
{
	char perms[16];
	uint32_t i;

	fprintf(f, "mempool <%s>@%p\n", mp->name, (const void *)mp);
	fprintf(f, "  flags=0x%x\n", mp->flags);
	fprintf(f, "  socket_id=%d\n", mp->socket_id);
	fprintf(f, "  size=%u\n", mp->size);
	fprintf(f, "  populated_size=%u\n", mp->populated_size);
	fprintf(f, "  header_size=%u\n", mp->header_size);
	fprintf(f, "  elt_size=%u\n", mp->elt_size);
	fprintf(f, "  trailer_size=%u\n", mp->trailer_size);
	fprintf(f, "  private_data_size=%u\n", mp->private_data_size);
	fprintf(f, "  mem=%p len=%zu\n", mp->mem, mp->mem_len);
	fprintf(f, "  dma_cap base=0x%lx len=%lu iova=0x%lx perms=%s\n",
		(unsigned long)mp->dma_cap.base,
		(unsigned long)mp->dma_cap.len,
		(unsigned long)mp->dma_cap.iova,
		cdk_cap_perm_str(mp->dma_cap.perms, perms, sizeof(perms)));
	fprintf(f, "  cache_size=%u\n", mp->cache_size);
	for (i = 0; i < mp->nb_caches; i++)
		if (mp->local_cache[i].len)
			fprintf(f, "    cache_count[%u]=%u\n", i,
				mp->local_cache[i].len);
	fprintf(f, "  common_pool_count=%u\n", cdk_ring_count(mp->ring));
	fprintf(f, "  avail_count=%u\n", cdk_mempool_avail_count(mp));
	fprintf(f, "  in_use_count=%u\n", cdk_mempool_in_use_count(mp));
}

static void dump_one(void *mp, void *f)
{
	cdk_mempool_dump(f, mp);
}

void cdk_mempool_list_dump(FILE *f)
{
	cdk_registry_walk(&registry, dump_one, f);
}
