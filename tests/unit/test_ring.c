/* ring: sizes, bulk and burst, wrap-around, names, MP/MC under threads. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include "cdk_eal.h"
#include "cdk_lcore.h"
#include "cdk_ring.h"
#include "test_util.h"

static int group_setup(void **state)
{
	(void)state;
	return test_eal_init("-l", "0-1", NULL) > 0 ? 0 : -1;
}

static int group_teardown(void **state)
{
	(void)state;
	cdk_ring_registry_reset();
	return cdk_eal_cleanup();
}

/* Object i as a pointer: never NULL, so a lost slot shows. */
#define OBJ(i) ((void *)(uintptr_t)((i) + 1))
#define VAL(p) ((uintptr_t)(p) - 1)

static void test_create_errors(void **state)
{
	char longname[CDK_RING_NAMESIZE + 1];
	struct cdk_ring *r, *r2;

	(void)state;
	errno = 0;
	assert_null(cdk_ring_create("bad0", 0, CDK_SOCKET_ID_ANY, 0));
	assert_int_equal(errno, EINVAL);
	errno = 0;
	assert_null(cdk_ring_create("bad3", 3, CDK_SOCKET_ID_ANY, 0));
	assert_int_equal(errno, EINVAL);
	errno = 0;
	assert_null(cdk_ring_create("bad1", 1, CDK_SOCKET_ID_ANY, 0));
	assert_int_equal(errno, EINVAL);
	errno = 0;
	assert_null(cdk_ring_create("badflags", 8, CDK_SOCKET_ID_ANY, 0x100));
	assert_int_equal(errno, EINVAL);
	errno = 0;
	assert_null(cdk_ring_create(NULL, 8, CDK_SOCKET_ID_ANY, 0));
	assert_int_equal(errno, EINVAL);

	memset(longname, 'x', CDK_RING_NAMESIZE);
	longname[CDK_RING_NAMESIZE] = '\0';
	errno = 0;
	assert_null(cdk_ring_create(longname, 8, CDK_SOCKET_ID_ANY, 0));
	assert_int_equal(errno, ENAMETOOLONG);
	longname[CDK_RING_NAMESIZE - 1] = '\0'; /* longest allowed */
	r = cdk_ring_create(longname, 8, CDK_SOCKET_ID_ANY, 0);
	assert_non_null(r);
	assert_ptr_equal(cdk_ring_lookup(longname), r);
	cdk_ring_free(r);

	r = cdk_ring_create("dup", 16, CDK_SOCKET_ID_ANY, 0);
	assert_non_null(r);
	errno = 0;
	assert_null(cdk_ring_create("dup", 16, CDK_SOCKET_ID_ANY, 0));
	assert_int_equal(errno, EEXIST);
	r2 = cdk_ring_create("dup2", 16, 0, 0);
	assert_non_null(r2);
	assert_ptr_equal(cdk_ring_lookup("dup"), r);
	assert_ptr_equal(cdk_ring_lookup("dup2"), r2);
	cdk_ring_free(r);
	errno = 0;
	assert_null(cdk_ring_lookup("dup"));
	assert_int_equal(errno, ENOENT);
	/* The name is free again. */
	r = cdk_ring_create("dup", 16, CDK_SOCKET_ID_ANY, 0);
	assert_non_null(r);
	cdk_ring_free(r);
	cdk_ring_free(r2);
	cdk_ring_free(NULL);
}

static void test_memsize_and_sizes(void **state)
{
	struct cdk_ring *r;

	(void)state;
	assert_int_equal(cdk_ring_get_memsize(3, 0), -EINVAL);
	assert_int_equal(cdk_ring_get_memsize(0, CDK_RING_F_EXACT_SZ), -EINVAL);
	assert_int_equal(cdk_ring_get_memsize(4, 0),
			 sizeof(struct cdk_ring) + 64);
	assert_int_equal(cdk_ring_get_memsize(1024, 0),
			 sizeof(struct cdk_ring) + 1024 * sizeof(void *));
	/* EXACT_SZ 1024 needs 2048 slots. */
	assert_int_equal(cdk_ring_get_memsize(1024, CDK_RING_F_EXACT_SZ),
			 sizeof(struct cdk_ring) + 2048 * sizeof(void *));

	r = cdk_ring_create("sizes", 8, CDK_SOCKET_ID_ANY, 0);
	assert_non_null(r);
	assert_int_equal(cdk_ring_get_size(r), 8);
	assert_int_equal(cdk_ring_get_capacity(r), 7);
	assert_true(((uintptr_t)r % CDK_CACHE_LINE_SIZE) == 0);
	cdk_ring_free(r);

	r = cdk_ring_create("exact", 8, CDK_SOCKET_ID_ANY, CDK_RING_F_EXACT_SZ);
	assert_non_null(r);
	assert_int_equal(cdk_ring_get_size(r), 16);
	assert_int_equal(cdk_ring_get_capacity(r), 8);
	cdk_ring_free(r);

	r = cdk_ring_create("exact5", 5, CDK_SOCKET_ID_ANY, CDK_RING_F_EXACT_SZ);
	assert_non_null(r);
	assert_int_equal(cdk_ring_get_size(r), 8);
	assert_int_equal(cdk_ring_get_capacity(r), 5);
	cdk_ring_free(r);
}

/* Fill to capacity, check full/empty and counts at every step. */
static void fill_and_drain(struct cdk_ring *r)
{
	unsigned cap = cdk_ring_get_capacity(r), i;
	void *o = NULL;

	assert_true(cdk_ring_empty(r));
	assert_false(cdk_ring_full(r));
	for (i = 0; i < cap; i++) {
		assert_int_equal(cdk_ring_count(r), i);
		assert_int_equal(cdk_ring_free_count(r), cap - i);
		assert_int_equal(cdk_ring_enqueue(r, OBJ(i)), 0);
	}
	assert_true(cdk_ring_full(r));
	assert_false(cdk_ring_empty(r));
	assert_int_equal(cdk_ring_count(r), cap);
	assert_int_equal(cdk_ring_free_count(r), 0);
	assert_int_equal(cdk_ring_enqueue(r, OBJ(99)), -ENOBUFS);
	assert_int_equal(cdk_ring_mp_enqueue(r, OBJ(99)), -ENOBUFS);
	assert_int_equal(cdk_ring_sp_enqueue(r, OBJ(99)), -ENOBUFS);
	for (i = 0; i < cap; i++) {
		assert_int_equal(cdk_ring_dequeue(r, &o), 0);
		assert_int_equal(VAL(o), i);
	}
	assert_true(cdk_ring_empty(r));
	o = OBJ(77);
	assert_int_equal(cdk_ring_dequeue(r, &o), -ENOENT);
	assert_int_equal(cdk_ring_mc_dequeue(r, &o), -ENOENT);
	assert_int_equal(cdk_ring_sc_dequeue(r, &o), -ENOENT);
	assert_int_equal(VAL(o), 77); /* untouched */
}

static void test_full_empty(void **state)
{
	struct cdk_ring *r;

	(void)state;
	r = cdk_ring_create("fe", 16, CDK_SOCKET_ID_ANY, 0);
	assert_non_null(r);
	fill_and_drain(r);
	fill_and_drain(r); /* again, from a non-zero index */
	cdk_ring_free(r);
	r = cdk_ring_create("fe_exact", 10, CDK_SOCKET_ID_ANY,
			    CDK_RING_F_EXACT_SZ | CDK_RING_F_SP_ENQ |
				    CDK_RING_F_SC_DEQ);
	assert_non_null(r);
	assert_int_equal(cdk_ring_get_capacity(r), 10);
	fill_and_drain(r);
	fill_and_drain(r);
	cdk_ring_free(r);
}

static void test_bulk_vs_burst(void **state)
{
	void *in[16], *out[16];
	unsigned i, fs = 1234, av = 1234;
	struct cdk_ring *r;

	(void)state;
	for (i = 0; i < 16; i++)
		in[i] = OBJ(i);
	r = cdk_ring_create("bb", 8, CDK_SOCKET_ID_ANY, 0); /* capacity 7 */
	assert_non_null(r);

	assert_int_equal(cdk_ring_enqueue_bulk(r, in, 5, &fs), 5);
	assert_int_equal(fs, 2);
	/* Bulk: all or nothing, free space still reported. */
	fs = 1234;
	assert_int_equal(cdk_ring_mp_enqueue_bulk(r, in + 5, 3, &fs), 0);
	assert_int_equal(fs, 2);
	assert_int_equal(cdk_ring_count(r), 5);
	/* Burst: as many as fit. */
	assert_int_equal(cdk_ring_sp_enqueue_burst(r, in + 5, 3, &fs), 2);
	assert_int_equal(fs, 0);
	assert_int_equal(cdk_ring_mp_enqueue_burst(r, in + 7, 3, NULL), 0);
	assert_true(cdk_ring_full(r));

	assert_int_equal(cdk_ring_dequeue_bulk(r, out, 8, &av), 0);
	assert_int_equal(av, 7);
	assert_int_equal(cdk_ring_sc_dequeue_bulk(r, out, 3, &av), 3);
	assert_int_equal(av, 4);
	assert_int_equal(cdk_ring_mc_dequeue_burst(r, out + 3, 10, &av), 4);
	assert_int_equal(av, 0);
	for (i = 0; i < 7; i++)
		assert_ptr_equal(out[i], in[i]);
	assert_int_equal(cdk_ring_dequeue_burst(r, out, 10, &av), 0);
	assert_int_equal(cdk_ring_sc_dequeue_burst(r, out, 10, NULL), 0);
	assert_int_equal(cdk_ring_mc_dequeue_bulk(r, out, 1, NULL), 0);

	/* Zero-length requests move nothing. */
	assert_int_equal(cdk_ring_enqueue_burst(r, in, 0, &fs), 0);
	assert_int_equal(fs, 7);
	assert_int_equal(cdk_ring_enqueue_bulk(r, in, 0, NULL), 0);
	assert_true(cdk_ring_empty(r));
	cdk_ring_free(r);
}

/* Objects come out in order, whatever the batch sizes and wrap points. */
static void run_wrap(struct cdk_ring *r, unsigned rounds)
{
	void *in[64], *out[64];
	uintptr_t next_in = 0, next_out = 0;
	unsigned k, n, i, got;

	for (k = 0; k < rounds; k++) {
		n = 1 + (k * 7) % 37; /* every residue mod 4, varied wraps */
		for (i = 0; i < n; i++)
			in[i] = OBJ(next_in + i);
		n = cdk_ring_enqueue_burst(r, in, n, NULL);
		next_in += n;
		got = cdk_ring_dequeue_burst(r, out, 1 + (k * 5) % 41, NULL);
		for (i = 0; i < got; i++)
			assert_int_equal(VAL(out[i]), next_out++);
		assert_int_equal(cdk_ring_count(r), next_in - next_out);
	}
	while ((got = cdk_ring_dequeue_burst(r, out, 64, NULL)) > 0)
		for (i = 0; i < got; i++)
			assert_int_equal(VAL(out[i]), next_out++);
	assert_int_equal(next_in, next_out);
	assert_true(next_in > 10 * cdk_ring_get_size(r));
}

static void test_wraparound(void **state)
{
	struct cdk_ring *r;

	(void)state;
	r = cdk_ring_create("wrap", 64, CDK_SOCKET_ID_ANY, 0);
	assert_non_null(r);
	run_wrap(r, 5000);
	cdk_ring_free(r);
	r = cdk_ring_create("wrap_s", 32, CDK_SOCKET_ID_ANY,
			    CDK_RING_F_SP_ENQ | CDK_RING_F_SC_DEQ |
				    CDK_RING_F_EXACT_SZ);
	assert_non_null(r);
	run_wrap(r, 5000);
	cdk_ring_free(r);
}

/* The 32-bit indexes overflow: counts and order must not notice. */
static void test_index_overflow(void **state)
{
	struct cdk_ring *r;

	(void)state;
	r = cdk_ring_create("ovf", 64, CDK_SOCKET_ID_ANY, 0);
	assert_non_null(r);
	r->prod.head = r->prod.tail = UINT32_MAX - 40;
	r->cons.head = r->cons.tail = UINT32_MAX - 40;
	assert_true(cdk_ring_empty(r));
	run_wrap(r, 500);
	assert_true(r->prod.tail < 1u << 20); /* it did wrap */
	cdk_ring_reset(r);
	assert_int_equal(r->prod.tail, 0);
	assert_true(cdk_ring_empty(r));
	cdk_ring_free(r);
}

static void test_caller_memory(void **state)
{
	ssize_t sz = cdk_ring_get_memsize(32, 0);
	struct cdk_ring *r;
	void *o;

	(void)state;
	assert_true(sz > 0);
	r = aligned_alloc(CDK_CACHE_LINE_SIZE, (size_t)sz);
	assert_non_null(r);
	assert_int_equal(cdk_ring_init(r, "mine", 32, 0), 0);
	assert_int_equal(cdk_ring_get_capacity(r), 31);
	assert_null(cdk_ring_lookup("mine")); /* not registered */
	assert_int_equal(cdk_ring_init(r, "mine", 33, 0), -EINVAL);
	assert_int_equal(cdk_ring_init(r, "x123456789012345678901234567890x",
				       32, 0), -ENAMETOOLONG);
	assert_int_equal(cdk_ring_init(r, "mine", 32, CDK_RING_F_SP_ENQ), 0);
	assert_int_equal(cdk_ring_enqueue(r, OBJ(5)), 0);
	assert_int_equal(cdk_ring_count(r), 1);
	cdk_ring_reset(r);
	assert_int_equal(cdk_ring_dequeue(r, &o), -ENOENT);
	free(r);
}

static void test_dump(void **state)
{
	struct cdk_ring *r;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	(void)state;
	r = cdk_ring_create("dumped", 16, CDK_SOCKET_ID_ANY, 0);
	assert_non_null(r);
	assert_int_equal(cdk_ring_enqueue(r, OBJ(1)), 0);
	f = open_memstream(&buf, &len);
	cdk_ring_dump(f, r);
	cdk_ring_list_dump(f);
	fclose(f);
	assert_int_equal(test_count(buf, "ring <dumped>"), 2);
	assert_non_null(strstr(buf, "used=1\n"));
	assert_non_null(strstr(buf, "avail=14\n"));
	free(buf);
	cdk_ring_free(r);
}

/* ---- threads ---- */

#define PER_PRODUCER 200000u
#define NPROD 2
#define NCONS 2

struct mt {
	struct cdk_ring *r;
	int single; /* use the sp/sc calls */
	volatile unsigned consumed;
	uint64_t sum[NCONS];
	uint64_t count[NCONS];
	int order_ok[NCONS];
};

struct worker {
	struct mt *mt;
	unsigned id;
};

/* Producer id's objects carry (id << 32 | seq), seq from 1. */
static void *producer(void *arg)
{
	struct worker *w = arg;
	struct mt *mt = w->mt;
	void *objs[32];
	uint64_t seq = 1;
	unsigned n, i, k = 0;

	while (seq <= PER_PRODUCER) {
		n = 1 + (k++ % 32);
		if (seq + n - 1 > PER_PRODUCER)
			n = (unsigned)(PER_PRODUCER - seq + 1);
		for (i = 0; i < n; i++)
			objs[i] = (void *)(uintptr_t)((uint64_t)w->id << 32 |
						      (seq + i));
		if (k & 1)
			n = mt->single ? cdk_ring_sp_enqueue_burst(mt->r, objs, n, NULL)
				       : cdk_ring_mp_enqueue_burst(mt->r, objs, n, NULL);
		else
			n = mt->single ? cdk_ring_sp_enqueue_bulk(mt->r, objs, n, NULL)
				       : cdk_ring_mp_enqueue_bulk(mt->r, objs, n, NULL);
		if (n == 0)
			sched_yield();
		seq += n;
	}
	return NULL;
}

static void *consumer(void *arg)
{
	struct worker *w = arg;
	struct mt *mt = w->mt;
	uint64_t last[NPROD] = { 0 };
	unsigned nprod = mt->single ? 1 : NPROD;
	uint64_t total = (uint64_t)nprod * PER_PRODUCER;
	void *objs[32];
	unsigned n, i, k = 0;

	mt->order_ok[w->id] = 1;
	while (__atomic_load_n(&mt->consumed, __ATOMIC_RELAXED) < total) {
		n = 1 + (k++ % 32);
		if (k & 1)
			n = mt->single ? cdk_ring_sc_dequeue_burst(mt->r, objs, n, NULL)
				       : cdk_ring_mc_dequeue_burst(mt->r, objs, n, NULL);
		else
			n = mt->single ? cdk_ring_sc_dequeue_bulk(mt->r, objs, n, NULL)
				       : cdk_ring_mc_dequeue_bulk(mt->r, objs, n, NULL);
		if (n == 0) {
			sched_yield();
			continue;
		}
		for (i = 0; i < n; i++) {
			uint64_t v = (uint64_t)(uintptr_t)objs[i];
			unsigned p = (unsigned)(v >> 32);
			uint64_t seq = v & 0xffffffffu;

			/* Each producer's objects arrive in its order. */
			if (p >= NPROD || seq <= last[p])
				mt->order_ok[w->id] = 0;
			else
				last[p] = seq;
			mt->sum[w->id] += v;
			mt->count[w->id]++;
		}
		__atomic_add_fetch(&mt->consumed, n, __ATOMIC_RELAXED);
	}
	return NULL;
}

static uint64_t expected_sum(unsigned nprod)
{
	uint64_t s = 0;

	for (unsigned p = 0; p < nprod; p++)
		s += (uint64_t)p * PER_PRODUCER * (1ull << 32) +
		     (uint64_t)PER_PRODUCER * (PER_PRODUCER + 1) / 2;
	return s;
}

static void test_mpmc_threads(void **state)
{
	pthread_t pt[NPROD], ct[NCONS];
	struct worker pw[NPROD], cw[NCONS];
	struct mt mt = { 0 };
	uint64_t sum = 0, count = 0;
	unsigned i;

	(void)state;
	mt.r = cdk_ring_create("mpmc", 256, CDK_SOCKET_ID_ANY, 0);
	assert_non_null(mt.r);
	for (i = 0; i < NCONS; i++) {
		cw[i] = (struct worker){ &mt, i };
		assert_int_equal(pthread_create(&ct[i], NULL, consumer, &cw[i]), 0);
	}
	for (i = 0; i < NPROD; i++) {
		pw[i] = (struct worker){ &mt, i };
		assert_int_equal(pthread_create(&pt[i], NULL, producer, &pw[i]), 0);
	}
	for (i = 0; i < NPROD; i++)
		pthread_join(pt[i], NULL);
	for (i = 0; i < NCONS; i++)
		pthread_join(ct[i], NULL);
	for (i = 0; i < NCONS; i++) {
		sum += mt.sum[i];
		count += mt.count[i];
		assert_true(mt.order_ok[i]);
	}
	assert_int_equal(count, (uint64_t)NPROD * PER_PRODUCER);
	assert_true(sum == expected_sum(NPROD));
	assert_true(cdk_ring_empty(mt.r));
	cdk_ring_free(mt.r);
}

/* SP/SC across lcores: producer on lcore 1, consumer on the main lcore. */
static int lcore_producer(void *arg)
{
	producer(arg);
	return 0;
}

static void test_spsc_lcores(void **state)
{
	struct mt mt = { .single = 1 };
	struct worker pw = { &mt, 0 }, cw = { &mt, 0 };

	(void)state;
	mt.r = cdk_ring_create("spsc", 512, CDK_SOCKET_ID_ANY,
			       CDK_RING_F_SP_ENQ | CDK_RING_F_SC_DEQ);
	assert_non_null(mt.r);
	assert_int_equal(cdk_eal_remote_launch(lcore_producer, &pw, 1), 0);
	consumer(&cw);
	assert_int_equal(cdk_eal_wait_lcore(1), 0);
	assert_true(mt.order_ok[0]);
	assert_int_equal(mt.count[0], PER_PRODUCER);
	assert_true(mt.sum[0] == expected_sum(1));
	assert_true(cdk_ring_empty(mt.r));
	cdk_ring_free(mt.r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_errors),
		cmocka_unit_test(test_memsize_and_sizes),
		cmocka_unit_test(test_full_empty),
		cmocka_unit_test(test_bulk_vs_burst),
		cmocka_unit_test(test_wraparound),
		cmocka_unit_test(test_index_overflow),
		cmocka_unit_test(test_caller_memory),
		cmocka_unit_test(test_dump),
		cmocka_unit_test(test_mpmc_threads),
		cmocka_unit_test(test_spsc_lcores),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
