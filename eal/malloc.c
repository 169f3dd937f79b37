/*
 * The EAL heap: one per socket, first-fit over that socket's segments, with
 * address-ordered free lists so that neighbours coalesce. Blocks are whole
 * cache lines; a header just before the returned pointer says where the
 * block starts and ends.
 */
#include <errno.h>
#include <pthread.h>
#include <string.h>

#include "cdk_lcore.h"
#include "cdk_log.h"
#include "eal_private.h"

#define LINE CDK_CACHE_LINE_SIZE
#define HDR_MAGIC 0xcd4b6d616c6c6f63ull /* "cdKmalloc" */

struct free_block { /* lives in the free memory itself */
	size_t len;
	struct free_block *next;
};

struct alloc_hdr { /* the cache line before an allocation */
	uint64_t magic;
	uintptr_t start; /* block start */
	size_t len;      /* block length */
	int socket;
};

struct heap {
	pthread_mutex_t lock;
	struct free_block *free; /* ordered by address */
	size_t total, alloc;
	unsigned n_alloc;
	int used;
};

static struct heap heaps[CDK_MAX_NUMA_NODES];

int cdk_eal_heap_init(void)
{
	memset(heaps, 0, sizeof(heaps));
	for (unsigned i = 0; i < cdk_memseg_count(); i++) {
		const struct cdk_memseg *s = cdk_memseg_get(i);
		struct heap *h = &heaps[s->socket_id];
		struct free_block *b = s->addr;

		if (!h->used)
			pthread_mutex_init(&h->lock, NULL);
		h->used = 1;
		b->len = s->len;
		b->next = h->free; /* one segment per socket: order holds */
		h->free = b;
		h->total += s->len;
	}
	return 0;
}

void cdk_eal_heap_fini(void)
{
	for (int i = 0; i < CDK_MAX_NUMA_NODES; i++)
		if (heaps[i].used)
			pthread_mutex_destroy(&heaps[i].lock);
	memset(heaps, 0, sizeof(heaps));
}

/* Carve size bytes aligned to align from the first block that fits. */
static void *heap_alloc(struct heap *h, int socket, size_t size, size_t align)
{
	struct free_block **pp, *b;

	size = CDK_ALIGN_CEIL(size, LINE);
	for (pp = &h->free; (b = *pp) != NULL; pp = &b->next) {
		uintptr_t start = (uintptr_t)b, end = start + b->len;
		uintptr_t user = CDK_ALIGN_CEIL(start + LINE, align);
		struct alloc_hdr *hdr;

		if (user + size > end || user + size < user)
			continue;
		/* The tail stays free if it can hold a free-list node. */
		if (end - (user + size) >= LINE) {
			struct free_block *tail = (void *)(user + size);

			tail->len = end - (user + size);
			tail->next = b->next;
			*pp = tail;
			end = user + size;
		} else {
			*pp = b->next;
		}
		hdr = (struct alloc_hdr *)(user - sizeof(*hdr));
		*hdr = (struct alloc_hdr){ HDR_MAGIC, start, end - start, socket };
		h->alloc += end - start;
		h->n_alloc++;
		return (void *)user;
	}
	return NULL;
}

static void heap_release(struct heap *h, uintptr_t start, size_t len)
{
	struct free_block **pp = &h->free, *b = (void *)start, *prev = NULL;

	while (*pp != NULL && (uintptr_t)*pp < start) {
		prev = *pp;
		pp = &(*pp)->next;
	}
	b->len = len;
	b->next = *pp;
	*pp = b;
	if (b->next && start + len == (uintptr_t)b->next) {
		b->len += b->next->len;
		b->next = b->next->next;
	}
	if (prev && (uintptr_t)prev + prev->len == start) {
		prev->len += b->len;
		prev->next = b->next;
	}
	h->alloc -= len;
	h->n_alloc--;
}

static int valid_align(unsigned *align)
{
	if (*align == 0)
		*align = LINE;
	if (!CDK_IS_POWER_OF_2(*align))
		return 0;
	if (*align < LINE)
		*align = LINE;
	return 1;
}

static void *socket_alloc(int socket, size_t size, unsigned align)
{
	struct heap *h = &heaps[socket];
	void *p;

	if (!h->used)
		return NULL;
	pthread_mutex_lock(&h->lock);
	p = heap_alloc(h, socket, size, align);
	pthread_mutex_unlock(&h->lock);
	return p;
}

void *cdk_malloc_socket(const char *type, size_t size, unsigned align,
			int socket)
{
	void *p = NULL;

	(void)type;
	if (size == 0 || size > (SIZE_MAX >> 1) || !valid_align(&align) ||
	    socket >= CDK_MAX_NUMA_NODES || socket < CDK_SOCKET_ID_ANY)
		return NULL;
	if (socket != CDK_SOCKET_ID_ANY)
		return socket_alloc(socket, size, align);
	/* Any socket: the caller's first, then the others. */
	socket = cdk_lcore_id() == CDK_LCORE_ID_ANY ? 0 : (int)cdk_socket_id();
	p = socket_alloc(socket, size, align);
	for (int s = 0; p == NULL && s < CDK_MAX_NUMA_NODES; s++)
		if (s != socket)
			p = socket_alloc(s, size, align);
	return p;
}

void *cdk_zmalloc_socket(const char *type, size_t size, unsigned align,
			 int socket)
{
	void *p = cdk_malloc_socket(type, size, align, socket);

	if (p)
		memset(p, 0, size);
	return p;
}

void *cdk_malloc(const char *type, size_t size, unsigned align)
{
	return cdk_malloc_socket(type, size, align, CDK_SOCKET_ID_ANY);
}

void *cdk_zmalloc(const char *type, size_t size, unsigned align)
{
	return cdk_zmalloc_socket(type, size, align, CDK_SOCKET_ID_ANY);
}

void *cdk_calloc(const char *type, size_t num, size_t size, unsigned align)
{
	if (size && num > SIZE_MAX / size)
		return NULL;
	return cdk_zmalloc(type, num * size, align);
}

/* The header of p if p is a live heap allocation, else NULL. */
static struct alloc_hdr *header_of(const void *p)
{
	struct alloc_hdr *hdr;

	if (p == NULL || ((uintptr_t)p % LINE) || cdk_mem_virt2memseg(p) == NULL ||
	    cdk_mem_virt2memseg((const char *)p - LINE) == NULL)
		return NULL;
	hdr = (struct alloc_hdr *)((uintptr_t)p - sizeof(*hdr));
	if (hdr->magic != HDR_MAGIC || hdr->socket < 0 ||
	    hdr->socket >= CDK_MAX_NUMA_NODES)
		return NULL;
	return hdr;
}

void cdk_free(void *p)
{
	struct alloc_hdr *hdr;
	struct heap *h;

	if (p == NULL)
		return;
	hdr = header_of(p);
	if (hdr == NULL) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_MEM,
			"cdk_free(%p): not an allocation of the EAL heap", p);
		return;
	}
	h = &heaps[hdr->socket];
	pthread_mutex_lock(&h->lock);
	hdr->magic = 0; /* a second free is caught above */
	heap_release(h, hdr->start, hdr->len);
	pthread_mutex_unlock(&h->lock);
}

void *cdk_realloc(void *ptr, size_t size, unsigned align)
{
	struct alloc_hdr *hdr;
	size_t old;
	void *n;

	if (ptr == NULL)
		return cdk_malloc(NULL, size, align);
	hdr = header_of(ptr);
	if (hdr == NULL)
		return NULL;
	old = hdr->start + hdr->len - (uintptr_t)ptr;
	n = cdk_malloc_socket(NULL, size, align, hdr->socket);
	if (n == NULL)
		return NULL;
	memcpy(n, ptr, CDK_MIN(old, size));
	cdk_free(ptr);
	return n;
}

int cdk_malloc_get_socket_stats(int socket, struct cdk_malloc_socket_stats *s)
{
	memset(s, 0, sizeof(*s));
	if (socket < CDK_SOCKET_ID_ANY || socket >= CDK_MAX_NUMA_NODES)
		return -EINVAL;
	for (int i = 0; i < CDK_MAX_NUMA_NODES; i++) {
		struct heap *h = &heaps[i];

		if (!h->used || (socket != CDK_SOCKET_ID_ANY && socket != i))
			continue;
		pthread_mutex_lock(&h->lock);
		s->heap_totalsz_bytes += h->total;
		s->heap_allocsz_bytes += h->alloc;
		s->alloc_count += h->n_alloc;
		for (struct free_block *b = h->free; b; b = b->next)
			s->free_count++;
		pthread_mutex_unlock(&h->lock);
	}
	s->heap_freesz_bytes = s->heap_totalsz_bytes - s->heap_allocsz_bytes;
	return 0;
}

void cdk_malloc_dump_stats(FILE *f)
{
	struct cdk_malloc_socket_stats s;

	for (int i = 0; i < CDK_MAX_NUMA_NODES; i++) {
		if (!heaps[i].used)
			continue;
		cdk_malloc_get_socket_stats(i, &s);
		fprintf(f, "socket %d: total %zu, allocated %zu in %u blocks, "
			   "free %zu in %u blocks\n", i, s.heap_totalsz_bytes,
			s.heap_allocsz_bytes, s.alloc_count, s.heap_freesz_bytes,
			s.free_count);
	}
}
