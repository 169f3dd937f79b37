/* mempool: creation errors, exhaustion, caches, iteration, DMA capability. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cdk_cap.h"
#include "cdk_eal.h"
#include "cdk_lcore.h"
#include "cdk_memory.h"
#include "cdk_mempool.h"
#include "test_util.h"

static int setup(void **state)
{
	(void)state;
	return test_eal_init("-l", "0-1", NULL) > 0 ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	cdk_mempool_registry_reset();
	cdk_ring_registry_reset();
	return cdk_eal_cleanup();
}

static void test_create_errors(void **state)
{
	char longname[CDK_MEMPOOL_NAMESIZE + 1];
	struct cdk_mempool *mp;

	(void)state;
	errno = 0;
	assert_null(cdk_mempool_create("z", 0, 64, 0, 0, NULL, NULL, -1, 0));
	assert_int_equal(errno, EINVAL);
	errno = 0;
	assert_null(cdk_mempool_create("z", 10, 0, 0, 0, NULL, NULL, -1, 0));
	assert_int_equal(errno, EINVAL);
	errno = 0;
	assert_null(cdk_mempool_create("z", 4096, 64,
				       CDK_MEMPOOL_CACHE_MAX_SIZE + 1, 0, NULL,
				       NULL, -1, 0));
	assert_int_equal(errno, EINVAL);
	/* A cache whose flush threshold exceeds the pool. */
	errno = 0;
	assert_null(cdk_mempool_create("z", 100, 64, 68, 0, NULL, NULL, -1, 0));
	assert_int_equal(errno, EINVAL);
	mp = cdk_mempool_create("z", 100, 64, 66, 0, NULL, NULL, -1, 0);
	assert_non_null(mp);
	cdk_mempool_free(mp);
	errno = 0;
	assert_null(cdk_mempool_create("z", 10, 64, 0, 0, NULL, NULL, -1,
				       0x1000));
	assert_int_equal(errno, EINVAL);

	memset(longname, 'p', sizeof(longname) - 1);
	longname[CDK_MEMPOOL_NAMESIZE] = '\0';
	errno = 0;
	assert_null(cdk_mempool_create(longname, 10, 64, 0, 0, NULL, NULL, -1, 0));
	assert_int_equal(errno, ENAMETOOLONG);
	longname[CDK_MEMPOOL_NAMESIZE - 1] = '\0';
	mp = cdk_mempool_create(longname, 10, 64, 0, 0, NULL, NULL, -1, 0);
	assert_non_null(mp);
	assert_ptr_equal(cdk_mempool_lookup(longname), mp);

	errno = 0;
	assert_null(cdk_mempool_create(longname, 10, 64, 0, 0, NULL, NULL, -1, 0));
	assert_int_equal(errno, EEXIST);
	cdk_mempool_free(mp);
	errno = 0;
	assert_null(cdk_mempool_lookup(longname));
	assert_int_equal(errno, ENOENT);

	/* Far more than the 64 MiB of EAL memory. */
	errno = 0;
	assert_null(cdk_mempool_create("huge", 1u << 20, 4096, 0, 0, NULL,
				       NULL, -1, 0));
	assert_int_equal(errno, ENOMEM);
	assert_null(cdk_mempool_lookup("huge"));
	cdk_mempool_free(NULL);
}

/* Get every object one by one, then one more. */
static void test_exhaustion_single(void **state)
{
	enum { N = 500 };
	struct cdk_mempool *mp;
	void *objs[N], *extra = (void *)1;
	unsigned i, j;

	(void)state;
	mp = cdk_mempool_create("ex", N, 100, 32, 0, NULL, NULL, -1, 0);
	assert_non_null(mp);
	assert_int_equal(cdk_mempool_avail_count(mp), N);
	assert_int_equal(cdk_mempool_in_use_count(mp), 0);
	assert_true(cdk_mempool_full(mp));
	for (i = 0; i < N; i++) {
		assert_int_equal(cdk_mempool_get(mp, &objs[i]), 0);
		assert_int_equal(cdk_mempool_in_use_count(mp), i + 1);
	}
	assert_int_equal(cdk_mempool_get(mp, &extra), -ENOENT);
	assert_ptr_equal(extra, (void *)1);
	assert_true(cdk_mempool_empty(mp));
	/* Every object distinct, cache aligned, of this pool. */
	for (i = 0; i < N; i++) {
		assert_true((uintptr_t)objs[i] % CDK_CACHE_LINE_SIZE == 0);
		assert_ptr_equal(cdk_mempool_from_obj(objs[i]), mp);
		for (j = i + 1; j < N; j++)
			assert_ptr_not_equal(objs[i], objs[j]);
	}
	for (i = 0; i < N; i++)
		cdk_mempool_put(mp, objs[i]);
	assert_int_equal(cdk_mempool_avail_count(mp), N);
	assert_true(cdk_mempool_full(mp));
	cdk_mempool_free(mp);
}

static void test_exhaustion_bulk(void **state)
{
	enum { N = 1000 };
	static void *a[N], *b[N];
	struct cdk_mempool *mp;

	(void)state;
	mp = cdk_mempool_create("exb", N, 64, 64, 0, NULL, NULL, -1,
				CDK_MEMPOOL_F_SP_PUT | CDK_MEMPOOL_F_SC_GET);
	assert_non_null(mp);
	assert_int_equal(cdk_mempool_get_bulk(mp, a, 600), 0);
	assert_int_equal(cdk_mempool_get_bulk(mp, b, 500), -ENOENT);
	assert_int_equal(cdk_mempool_avail_count(mp), 400);
	assert_int_equal(cdk_mempool_get_bulk(mp, b, 400), 0);
	assert_int_equal(cdk_mempool_get_bulk(mp, b + 400, 1), -ENOENT);
	assert_int_equal(cdk_mempool_in_use_count(mp), N);
	cdk_mempool_put_bulk(mp, a, 600);
	cdk_mempool_put_bulk(mp, b, 400);
	assert_int_equal(cdk_mempool_avail_count(mp), N);
	/* Small gets while the ring is nearly empty fall back to it. */
	assert_int_equal(cdk_mempool_get_bulk(mp, a, N - 5), 0);
	cdk_mempool_cache_flush(NULL, mp);
	assert_int_equal(cdk_mempool_get_bulk(mp, b, 5), 0);
	assert_true(cdk_mempool_empty(mp));
	cdk_mempool_put_bulk(mp, a, N - 5);
	cdk_mempool_put_bulk(mp, b, 5);
	assert_true(cdk_mempool_full(mp));
	cdk_mempool_free(mp);
}

/* The cache's refill, threshold flush and explicit flush. */
static void test_cache_flush(void **state)
{
	enum { N = 1024, C = 32 };
	struct cdk_mempool_cache *cache;
	struct cdk_mempool *mp;
	void *objs[200];

	(void)state;
	mp = cdk_mempool_create("cf", N, 64, C, 0, NULL, NULL, -1, 0);
	assert_non_null(mp);
	cache = cdk_mempool_default_cache(mp, cdk_lcore_id());
	assert_non_null(cache);
	assert_null(cdk_mempool_default_cache(mp, CDK_LCORE_ID_ANY));
	assert_int_equal(cache->size, C);
	assert_int_equal(cache->flushthresh, C * 3 / 2);
	assert_int_equal(cache->len, 0);

	/* A miss refills the cache to its size on top of the request. */
	assert_int_equal(cdk_mempool_get_bulk(mp, objs, 10), 0);
	assert_int_equal(cache->len, C);
	assert_int_equal(cdk_ring_count(mp->ring), N - 10 - C);
	/* Puts up to the threshold stay in the cache. */
	cdk_mempool_put_bulk(mp, objs, 10);
	assert_int_equal(cache->len, C + 10);
	assert_int_equal(cdk_ring_count(mp->ring), N - 10 - C);
	/* The newest objects come out first. */
	assert_int_equal(cdk_mempool_get_bulk(mp, objs, 20), 0);
	assert_int_equal(cache->len, C + 10 - 20);
	cdk_mempool_put_bulk(mp, objs, 20);
	assert_int_equal(cdk_mempool_get_bulk(mp, objs, 30), 0);
	/* Crossing the threshold flushes the old contents to the ring. */
	cdk_mempool_put_bulk(mp, objs, 30); /* 12 + 30 = 42 <= 48 */
	assert_int_equal(cache->len, 42);
	assert_int_equal(cdk_mempool_get_bulk(mp, objs, 10), 0); /* 32 */
	cdk_mempool_put_bulk(mp, objs, 10);                      /* 42 */
	assert_int_equal(cdk_mempool_get_bulk(mp, objs, 20), 0); /* 22 */
	cdk_mempool_put_bulk(mp, objs, 20);                      /* 42 */
	assert_int_equal(cdk_mempool_get_bulk(mp, objs, 30), 0); /* 12 */
	assert_int_equal(cdk_mempool_get_bulk(mp, objs + 30, 30), 0);
	assert_int_equal(cache->len, 32); /* refilled: 12 + 50 - 30 */
	cdk_mempool_put_bulk(mp, objs, 40); /* 32 + 40 > 48: flush 32 */
	assert_int_equal(cache->len, 40);
	assert_int_equal(cdk_mempool_avail_count(mp), N - 20);
	cdk_mempool_put_bulk(mp, objs + 40, 20); /* 60 > 48: flush 40 */
	assert_int_equal(cache->len, 20);
	assert_int_equal(cdk_ring_count(mp->ring), N - 20);
	/* Requests above the threshold bypass the cache. */
	assert_int_equal(cdk_mempool_get_bulk(mp, objs, 100), 0);
	assert_int_equal(cache->len, 20);
	cdk_mempool_put_bulk(mp, objs, 100);
	assert_int_equal(cache->len, 20);
	assert_int_equal(cdk_ring_count(mp->ring), N - 20);
	/* Explicit flush empties the cache into the ring. */
	cdk_mempool_cache_flush(cache, mp);
	assert_int_equal(cache->len, 0);
	assert_int_equal(cdk_ring_count(mp->ring), N);
	assert_true(cdk_mempool_full(mp));
	cdk_mempool_free(mp);
}

/* Bursts of every size up to past the cache size: the copies in and out of
 * the cache move exactly n pointers (their inline tails and the memcpy path
 * alike), and a get right after a put returns the objects just put. */
static void test_cache_burst_sizes(void **state)
{
	enum { N = 1024, C = 64, MAXN = 72, GUARD = 4 };
	static void *big[N + 1];
	void *objs[MAXN + GUARD], *again[MAXN + GUARD];
	/* A run-time value, as callers pass: the compiler would rightly
	 * object to a constant count larger than the table. */
	volatile unsigned huge = UINT32_MAX;
	void *const guard = (void *)(uintptr_t)0x5a5a5a5a;
	struct cdk_mempool_cache *cache;
	struct cdk_mempool *mp;
	unsigned n, i, j, len;

	(void)state;
	mp = cdk_mempool_create("bs", N, 64, C, 0, NULL, NULL, -1, 0);
	assert_non_null(mp);
	cache = cdk_mempool_default_cache(mp, cdk_lcore_id());
	assert_non_null(cache);
	assert_int_equal(cdk_mempool_get_bulk(mp, objs, 0), 0);
	cdk_mempool_put_bulk(mp, objs, 0);
	assert_int_equal(cache->len, 0);
	for (n = 1; n <= MAXN; n++) {
		for (i = 0; i < MAXN + GUARD; i++)
			objs[i] = again[i] = guard;
		assert_int_equal(cdk_mempool_get_bulk(mp, objs, n), 0);
		for (i = 0; i < n; i++) {
			assert_ptr_not_equal(objs[i], guard);
			assert_ptr_equal(cdk_mempool_from_obj(objs[i]), mp);
			for (j = i + 1; j < n; j++)
				assert_ptr_not_equal(objs[i], objs[j]);
		}
		for (i = n; i < MAXN + GUARD; i++)
			assert_ptr_equal(objs[i], guard);
		len = cache->len;
		cdk_mempool_put_bulk(mp, objs, n);
		if (len + n <= cache->flushthresh)
			assert_int_equal(cache->len, len + n);
		/* Served from the cache whenever it holds n, even for n above
		 * its size: the same objects, in the same order. */
		assert_int_equal(cdk_mempool_get_bulk(mp, again, n), 0);
		for (i = 0; i < n; i++)
			assert_ptr_equal(again[i], objs[i]);
		for (i = n; i < MAXN + GUARD; i++)
			assert_ptr_equal(again[i], guard);
		cdk_mempool_put_bulk(mp, again, n);
		assert_int_equal(cdk_mempool_in_use_count(mp), 0);
	}
	/* No request, however large, gets through the cache's fast paths. */
	len = cache->len;
	assert_int_equal(cdk_mempool_get_bulk(mp, objs, huge), -ENOENT);
	assert_int_equal(cdk_mempool_get_bulk(mp, big, N + 1), -ENOENT);
	assert_int_equal(cache->len, len);
	assert_int_equal(cdk_mempool_in_use_count(mp), 0);
	cdk_mempool_free(mp);
}

/* Threads that are not lcores use the ring directly. */
static void *non_eal_thread(void *arg)
{
	struct cdk_mempool *mp = arg;
	void *objs[8];
	intptr_t ok = cdk_lcore_id() == CDK_LCORE_ID_ANY;

	ok = ok && cdk_mempool_get_bulk(mp, objs, 8) == 0;
	ok = ok && cdk_ring_count(mp->ring) == mp->size - 8;
	cdk_mempool_put_bulk(mp, objs, 8);
	ok = ok && cdk_ring_count(mp->ring) == mp->size;
	return (void *)ok;
}

static void test_non_eal_thread(void **state)
{
	struct cdk_mempool *mp;
	pthread_t t;
	void *ok = NULL;

	(void)state;
	mp = cdk_mempool_create("noneal", 64, 32, 16, 0, NULL, NULL, -1, 0);
	assert_non_null(mp);
	assert_int_equal(pthread_create(&t, NULL, non_eal_thread, mp), 0);
	pthread_join(t, &ok);
	assert_true(ok != NULL);
	cdk_mempool_free(mp);
}

struct iter_state {
	unsigned calls;
	unsigned next_idx;
	int ordered;
	void *arg;
};

static void init_obj(struct cdk_mempool *mp, void *arg, void *obj, unsigned i)
{
	struct iter_state *s = arg;

	memset(obj, 0, mp->elt_size);
	*(uint32_t *)obj = 0xc0de0000u + i;
	s->calls++;
}

static void visit(struct cdk_mempool *mp, void *arg, void *obj, unsigned i)
{
	struct iter_state *s = arg;

	if (i != s->next_idx++ || *(uint32_t *)obj != 0xc0de0000u + i)
		s->ordered = 0;
	s->calls++;
}

static void test_obj_iter(void **state)
{
	struct iter_state init = { 0 }, it = { .ordered = 1 };
	struct cdk_mempool *mp;

	(void)state;
	mp = cdk_mempool_create("iter", 777, 48, 0, 0, init_obj, &init, -1, 0);
	assert_non_null(mp);
	assert_int_equal(init.calls, 777);
	assert_int_equal(cdk_mempool_obj_iter(mp, visit, &it), 777);
	assert_int_equal(it.calls, 777);
	assert_true(it.ordered);
	cdk_mempool_free(mp);
}

struct cover {
	const cdk_cap_t *cap;
	unsigned bad_cover, bad_iova, crossing;
};

static void check_cover(struct cdk_mempool *mp, void *arg, void *obj,
			unsigned i)
{
	struct cover *c = arg;
	uint64_t iova = 0;
	uintptr_t a = (uintptr_t)obj;

	if (!cdk_cap_covers(c->cap, obj, mp->elt_size,
			    CDK_CAP_PERM_LOAD | CDK_CAP_PERM_STORE |
				    CDK_CAP_PERM_DMA))
		c->bad_cover++;
	if (cdk_cap_iova_of(c->cap, obj, mp->elt_size, &iova) != 0 ||
	    iova != cdk_mempool_virt2iova(obj) ||
	    iova != cdk_mem_virt2iova(obj))
		c->bad_iova++;
	/* A body crossing a page must be IOVA-contiguous. */
	if ((a >> 12) != ((a + mp->elt_size - 1) >> 12)) {
		c->crossing++;
		if (!cdk_mem_iova_contig(obj, mp->elt_size))
			c->bad_iova++;
	}
}

/* Every object lies in the pool's one DMA capability; free revokes it. */
static void check_dma_cap(unsigned elt_size, unsigned *crossing)
{
	struct cdk_mempool *mp;
	struct cover c = { 0 };
	cdk_cap_t copy;
	uint8_t v;

	mp = cdk_mempool_create("dma", 300, elt_size, 0, 0, NULL, NULL, -1, 0);
	assert_non_null(mp);
	c.cap = cdk_mempool_dma_cap(mp);
	assert_int_equal(cdk_cap_validate(c.cap), 0);
	assert_true(c.cap->perms & CDK_CAP_PERM_DMA);
	assert_int_equal(c.cap->base, (uintptr_t)mp->mem);
	assert_int_equal(c.cap->len, mp->mem_len);
	assert_int_equal(cdk_cap_count("mempool dma"), 1);
	assert_int_equal(cdk_mempool_obj_iter(mp, check_cover, &c), 300);
	assert_int_equal(c.bad_cover, 0);
	assert_int_equal(c.bad_iova, 0);
	*crossing = c.crossing;
	/* Just past the end is outside. */
	assert_false(cdk_cap_covers(c.cap, (char *)mp->mem + mp->mem_len, 1,
				    CDK_CAP_PERM_LOAD));

	copy = *c.cap;
	assert_int_equal(cdk_cap_read8(&copy, 0, &v), 0);
	cdk_mempool_free(mp);
	test_log_begin();
	assert_int_equal(cdk_cap_read8(&copy, 0, &v), -ESTALE);
	assert_int_not_equal(cdk_cap_validate(&copy), 0);
	test_log_end();
	assert_int_equal(cdk_cap_count("mempool dma"), 0);
}

static void test_dma_cap(void **state)
{
	unsigned crossing;

	(void)state;
	check_dma_cap(2304, &crossing); /* an mbuf's size */
	check_dma_cap(40, &crossing);
}

static int setup_pa(void **state)
{
	(void)state;
	if (test_eal_init("-l", "0-1", "--iova-mode=pa", NULL) <= 0)
		*state = NULL;
	else
		*state = (void *)1;
	return 0;
}

static int teardown_pa(void **state)
{
	if (*state)
		return teardown(state);
	return 0;
}

/* Without hugepages, PA-mode memory is scattered 4 KiB pages: bodies may
 * not straddle a non-contiguous boundary. */
static void test_dma_cap_pa(void **state)
{
	unsigned crossing;

	if (*state == NULL) {
		TEST_SKIP("--iova-mode=pa unavailable (needs root)");
		return;
	}
	assert_int_equal(cdk_eal_iova_mode(), CDK_IOVA_PA);
	check_dma_cap(2304, &crossing);
	check_dma_cap(1000, &crossing);
	check_dma_cap(64, &crossing);
}

/* Both lcores get and put at once; an object handed out twice shows. */
#define MT_ITERS 100000
struct mt {
	struct cdk_mempool *mp;
	unsigned double_alloc;
};

static int churn(void *arg)
{
	struct mt *mt = arg;
	void *objs[32];
	unsigned k, i, n;

	for (k = 0; k < MT_ITERS; k++) {
		n = 1 + k % 32;
		if (cdk_mempool_get_bulk(mt->mp, objs, n) != 0)
			continue;
		for (i = 0; i < n; i++)
			if (__atomic_exchange_n((uint32_t *)objs[i], 1,
						__ATOMIC_RELAXED) != 0)
				__atomic_add_fetch(&mt->double_alloc, 1,
						   __ATOMIC_RELAXED);
		for (i = 0; i < n; i++)
			__atomic_store_n((uint32_t *)objs[i], 0,
					 __ATOMIC_RELAXED);
		cdk_mempool_put_bulk(mt->mp, objs, n);
	}
	return 0;
}

static void test_two_lcores(void **state)
{
	struct mt mt = { 0 };

	(void)state;
	mt.mp = cdk_mempool_create("mt", 256, 64, 32, 0, NULL, NULL, -1, 0);
	assert_non_null(mt.mp);
	assert_int_equal(cdk_eal_remote_launch(churn, &mt, 1), 0);
	churn(&mt);
	assert_int_equal(cdk_eal_wait_lcore(1), 0);
	assert_int_equal(mt.double_alloc, 0);
	assert_int_equal(cdk_mempool_avail_count(mt.mp), 256);
	cdk_mempool_free(mt.mp);
}

static void count_pools(struct cdk_mempool *mp, void *arg)
{
	(*(unsigned *)arg)++;
}

static void test_dump_walk_priv(void **state)
{
	struct cdk_mempool *a, *b;
	unsigned n = 0;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	(void)state;
	a = cdk_mempool_create("wa", 64, 64, 0, 100, NULL, NULL, -1, 0);
	b = cdk_mempool_create("wb", 64, 64, 16, 0, NULL, NULL, 0, 0);
	assert_non_null(a);
	assert_non_null(b);
	cdk_mempool_walk(count_pools, &n);
	assert_int_equal(n, 2);
	/* The private area is usable and zeroed. */
	assert_int_equal(((uint8_t *)cdk_mempool_get_priv(a))[99], 0);
	memset(cdk_mempool_get_priv(a), 0xab, 100);
	assert_non_null(cdk_ring_lookup("MP_wa"));
	f = open_memstream(&buf, &len);
	cdk_mempool_dump(f, a);
	cdk_mempool_list_dump(f);
	fclose(f);
	assert_int_equal(test_count(buf, "mempool <wa>"), 2);
	assert_int_equal(test_count(buf, "mempool <wb>"), 1);
	assert_non_null(strstr(buf, "avail_count=64"));
	free(buf);
	cdk_mempool_free(a);
	cdk_mempool_free(b);
	assert_null(cdk_ring_lookup("MP_wa"));
}

/* create_empty then populate: and populate twice is refused. */
static void test_empty_populate(void **state)
{
	struct cdk_mempool *mp;
	void *o = NULL;

	(void)state;
	mp = cdk_mempool_create_empty("ep", 32, 64, 0, 0, -1, 0);
	assert_non_null(mp);
	assert_int_equal(cdk_mempool_get(mp, &o), -ENOENT);
	assert_int_equal(cdk_mempool_populate_default(mp), 32);
	assert_int_equal(cdk_mempool_populate_default(mp), -EEXIST);
	assert_int_equal(cdk_mempool_avail_count(mp), 32);
	assert_int_equal(cdk_mempool_get(mp, &o), 0);
	cdk_mempool_put(mp, o);
	cdk_mempool_free(mp);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_create_errors),
		T(test_exhaustion_single),
		T(test_exhaustion_bulk),
		T(test_cache_flush),
		T(test_cache_burst_sizes),
		T(test_non_eal_thread),
		T(test_obj_iter),
		T(test_dma_cap),
		cmocka_unit_test_setup_teardown(test_dma_cap_pa, setup_pa,
						teardown_pa),
		T(test_two_lcores),
		T(test_dump_walk_priv),
		T(test_empty_populate),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
