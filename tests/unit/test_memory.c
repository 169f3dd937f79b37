/* EAL memory: segments, capabilities, the heap, IOVA in both modes. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cdk_eal.h"
#include "cdk_cap.h"
#include "test_util.h"

static int setup(void **state)
{
	(void)state;
	return test_eal_init(NULL) > 0 ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	return cdk_eal_cleanup();
}

static void test_segment_is_a_root_capability(void **state)
{
	const struct cdk_memseg *s;
	uint32_t v;

	(void)state;
	assert_int_equal(cdk_memseg_count(), 1);
	s = cdk_memseg_get(0);
	assert_non_null(s);
	assert_int_equal(s->len, 64u << 20);
	assert_int_equal(s->socket_id, 0);
	assert_int_equal(s->hugepage, 0); /* --no-huge */
	assert_int_equal(cdk_cap_validate(&s->cap), 0);
	assert_true(s->cap.base == (uintptr_t)s->addr && s->cap.len == s->len);
	assert_true(s->cap.perms & CDK_CAP_PERM_DMA);
	assert_int_equal(cdk_cap_read32(&s->cap, s->len - 4, &v), 0);
	assert_int_equal(cdk_cap_read32(&s->cap, s->len, &v), -EFAULT);
	assert_null(cdk_memseg_get(1));
	assert_int_equal(cdk_eal_iova_mode(), CDK_IOVA_VA);
}

static void test_alloc_alignment_and_zeroing(void **state)
{
	void *p[8];
	unsigned aligns[] = { 0, 64, 128, 4096, 1 << 21 };

	(void)state;
	for (unsigned i = 0; i < CDK_DIM(aligns); i++) {
		unsigned char *q = cdk_zmalloc("t", 1000 + i, aligns[i]);

		assert_non_null(q);
		assert_int_equal((uintptr_t)q % (aligns[i] ? aligns[i] : 64), 0);
		for (unsigned k = 0; k < 1000 + i; k++)
			assert_int_equal(q[k], 0);
		memset(q, 0xa5, 1000 + i);
		p[i] = q;
		assert_int_equal(cdk_mem_socket_of(q), 0);
		assert_non_null(cdk_mem_virt2memseg(q));
	}
	for (unsigned i = 0; i < CDK_DIM(aligns); i++)
		cdk_free(p[i]);
	/* freed memory is handed out zeroed by zmalloc again */
	unsigned char *q = cdk_zmalloc("t", 4096, 0);
	for (int k = 0; k < 4096; k++)
		assert_int_equal(q[k], 0);
	cdk_free(q);
}

static void test_bad_requests(void **state)
{
	(void)state;
	assert_null(cdk_malloc("t", 0, 0));
	assert_null(cdk_malloc("t", 100, 3)); /* not a power of two */
	assert_null(cdk_malloc("t", (size_t)1 << 40, 0));
	assert_null(cdk_malloc_socket("t", 64, 0, 7)); /* no memory there */
	assert_null(cdk_malloc_socket("t", 64, 0, 100));
	assert_null(cdk_calloc("t", SIZE_MAX / 2, 4, 0));
	/* freeing something that is not ours is reported, not a crash */
	int on_stack;
	test_log_begin();
	cdk_free(&on_stack);
	const char *m = test_log_end();
	assert_non_null(strstr(m, "not an allocation"));
}

static void test_heap_coalesces_back_to_full(void **state)
{
	struct cdk_malloc_socket_stats before, mid, after;
	void *p[64];

	(void)state;
	assert_int_equal(cdk_malloc_get_socket_stats(0, &before), 0);
	for (int i = 0; i < 64; i++)
		assert_non_null(p[i] = cdk_malloc("t", 1000 * (i + 1), 0));
	assert_int_equal(cdk_malloc_get_socket_stats(0, &mid), 0);
	assert_int_equal(mid.alloc_count, before.alloc_count + 64);
	/* free in an interleaved order */
	for (int i = 0; i < 64; i += 2)
		cdk_free(p[i]);
	for (int i = 1; i < 64; i += 2)
		cdk_free(p[i]);
	assert_int_equal(cdk_malloc_get_socket_stats(0, &after), 0);
	assert_int_equal(after.alloc_count, before.alloc_count);
	assert_int_equal(after.heap_allocsz_bytes, before.heap_allocsz_bytes);
	assert_int_equal(after.free_count, before.free_count);
	/* one block the size of nearly the whole heap fits again */
	void *big = cdk_malloc("t", (64u << 20) - 4096, 0);
	assert_non_null(big);
	cdk_free(big);
	assert_int_equal(cdk_malloc_get_socket_stats(-2, &after), -EINVAL);
}

static void test_exhaustion_and_realloc(void **state)
{
	char *p, *q;

	(void)state;
	assert_null(cdk_malloc("t", 65u << 20, 0));
	p = cdk_malloc("t", 100, 0);
	memcpy(p, "capability", 11);
	q = cdk_realloc(p, 100000, 0);
	assert_non_null(q);
	assert_string_equal(q, "capability");
	cdk_free(q);
}

static void test_iova_va_mode(void **state)
{
	char *p = cdk_malloc("t", 8192, 0);

	(void)state;
	assert_true(cdk_mem_virt2iova(p) == (uint64_t)(uintptr_t)p);
	assert_true(cdk_mem_iova_contig(p, 8192));
	int x;
	assert_true(cdk_mem_virt2iova(&x) == CDK_BAD_IOVA);
	cdk_free(p);
}

static void test_iova_pa_mode(void **state)
{
	int probe = 1;

	(void)state;
	if (cdk_mem_virt2phy(&probe) == CDK_BAD_IOVA) {
		/* Without CAP_SYS_ADMIN pagemap hides frame numbers: PA must fail. */
		assert_int_equal(cdk_eal_cleanup(), 0);
		test_log_begin();
		assert_int_equal(test_eal_init("--iova-mode=pa", NULL), -EPERM);
		assert_non_null(strstr(test_log_end(), "pagemap"));
		assert_true(test_eal_init(NULL) > 0);
		TEST_SKIP("pagemap gives no frame numbers here (not root)");
	}
	assert_int_equal(cdk_eal_cleanup(), 0);
	assert_true(test_eal_init("--iova-mode=pa", NULL) > 0);
	assert_int_equal(cdk_eal_iova_mode(), CDK_IOVA_PA);
	char *p = cdk_malloc("t", 4096, 4096);
	uint64_t iova = cdk_mem_virt2iova(p);
	assert_true(iova != CDK_BAD_IOVA);
	assert_true(iova == cdk_mem_virt2phy(p));
	assert_true(cdk_mem_virt2iova(p + 100) == iova + 100);
	assert_int_equal(iova % 4096, 0);
	/* 4 KiB pages are physically scattered: the root carries PAGED when so,
	 * and an IOVA through it is checked for contiguity */
	const struct cdk_memseg *s = cdk_memseg_get(0);
	uint64_t got;
	assert_int_equal(cdk_cap_iova_of(&s->cap, p, 64, &got), 0);
	assert_true(got == iova);
	cdk_free(p);
}

static void test_socket_mem_limits(void **state)
{
	(void)state;
	assert_int_equal(cdk_eal_cleanup(), 0);
	char *argv[] = { "t", "--socket-mem=16", "--log-level=err", NULL };
	assert_true(cdk_eal_init(3, argv) > 0);
	assert_int_equal(cdk_memseg_get(0)->len, 16u << 20);
	assert_null(cdk_malloc("t", 17u << 20, 0));
}

static long read_nr_hugepages(void)
{
	FILE *f = fopen("/proc/sys/vm/nr_hugepages", "r");
	long n = -1;

	if (f) {
		if (fscanf(f, "%ld", &n) != 1)
			n = -1;
		fclose(f);
	}
	return n;
}

static int write_nr_hugepages(long n)
{
	FILE *f = fopen("/proc/sys/vm/nr_hugepages", "w");

	if (f == NULL)
		return -1;
	fprintf(f, "%ld\n", n);
	return fclose(f);
}

/* With free hugepages the EAL uses them (the test reserves 32 and gives them
 * back; the EAL itself never reserves any). */
static void test_hugepage_segment(void **state)
{
	long before = read_nr_hugepages();

	(void)state;
	assert_int_equal(cdk_eal_cleanup(), 0);
	if (before < 0 || write_nr_hugepages(before + 32) != 0 ||
	    read_nr_hugepages() < before + 32) {
		write_nr_hugepages(before);
		assert_true(test_eal_init(NULL) > 0);
		TEST_SKIP("cannot reserve 2 MiB hugepages here");
	}
	char *argv[] = { "t", "-m", "64", "--no-pci", "--log-level=err", NULL };
	int rc = cdk_eal_init(5, argv);
	const struct cdk_memseg *s = cdk_memseg_get(0);
	int huge = rc > 0 && s && s->hugepage && s->page_sz == (2u << 20);
	void *p = rc > 0 ? cdk_malloc("t", 3u << 20, 0) : NULL;
	int contig = p && cdk_mem_iova_contig(p, 3u << 20);
	cdk_free(p);
	if (rc > 0)
		cdk_eal_cleanup();
	write_nr_hugepages(before);
	assert_true(rc > 0);
	assert_true(huge);
	assert_true(cdk_eal_has_hugepages() == 0); /* reset by cleanup */
	assert_true(contig); /* VA mode: always */
	assert_true(test_eal_init(NULL) > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_segment_is_a_root_capability),
		T(test_alloc_alignment_and_zeroing),
		T(test_bad_requests),
		T(test_heap_coalesces_back_to_full),
		T(test_exhaustion_and_realloc),
		T(test_iova_va_mode),
		T(test_iova_pa_mode),
		T(test_socket_mem_limits),
		T(test_hugepage_segment),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
