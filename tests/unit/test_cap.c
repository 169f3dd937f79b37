/* The capability contract, property by property (doc/capabilities.md). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cdk_cap_authority.h"
#include "cdk_log.h"
#include "test_util.h"

#define RW (CDK_CAP_PERM_LOAD | CDK_CAP_PERM_STORE)
#define ALL (RW | CDK_CAP_PERM_DMA | CDK_CAP_PERM_DERIVE)

static uint8_t mem[4096] __attribute__((aligned(64)));
static cdk_cap_t root;

static int setup(void **state)
{
	(void)state;
	assert_int_equal(cdk_cap_authority_init(), 0);
	cdk_cap_stats_reset();
	cdk_log_set_level(CDK_LOGTYPE_CAP, CDK_LOG_ERR);
	memset(mem, 0, sizeof(mem));
	return cdk_cap_mint((uintptr_t)mem, sizeof(mem), 0x100000, ALL, "test",
			    "root", &root);
}

static int teardown(void **state)
{
	(void)state;
	cdk_cap_authority_fini();
	return 0;
}

static uint64_t faults(int kind)
{
	struct cdk_cap_stats s;

	cdk_cap_stats_get(&s);
	return kind < 0 ? s.faults : s.by_kind[kind];
}

static void test_in_bounds_access(void **state)
{
	uint32_t v32;
	uint64_t v64;
	uint8_t v8;

	(void)state;
	assert_int_equal(cdk_cap_write32(&root, 4092, 0xdeadbeef), 0);
	assert_int_equal(cdk_cap_read32(&root, 4092, &v32), 0);
	assert_int_equal(v32, 0xdeadbeef);
	assert_int_equal(cdk_cap_write64(&root, 0, 0x1122334455667788ull), 0);
	assert_int_equal(cdk_cap_read64(&root, 0, &v64), 0);
	assert_true(v64 == 0x1122334455667788ull);
	assert_int_equal(cdk_cap_read8(&root, 4095, &v8), 0);
	assert_int_equal(cdk_cap_write16(&root, 4094, 0xabcd), 0);
	assert_int_equal(mem[4094], 0xcd);
	assert_int_equal(faults(-1), 0);
}

static void test_out_of_bounds_by_one(void **state)
{
	cdk_cap_t s;
	uint32_t v = 0;
	uint8_t b;

	(void)state;
	assert_int_equal(cdk_cap_derive(&root, 64, 128, RW, "t", "slice", &s), 0);
	/* last byte and one past it */
	assert_int_equal(cdk_cap_read8(&s, 127, &b), 0);
	assert_int_equal(cdk_cap_read8(&s, 128, &b), -EFAULT);
	/* a 4-byte access straddling the end */
	assert_int_equal(cdk_cap_write32(&s, 125, 1), -EFAULT);
	assert_int_equal(mem[64 + 125], 0); /* nothing written */
	/* one byte before the slice, as an offset (wraps) and as an address */
	assert_int_equal(cdk_cap_read32(&s, (uint64_t)-1, &v), -EFAULT);
	assert_false(cdk_cap_covers(&s, mem + 63, 1, CDK_CAP_PERM_LOAD));
	assert_true(cdk_cap_covers(&s, mem + 64, 1, CDK_CAP_PERM_LOAD));
	assert_null(cdk_cap_ptr(&s, 0, 129, CDK_CAP_PERM_LOAD));
	assert_non_null(cdk_cap_ptr(&s, 0, 128, CDK_CAP_PERM_LOAD));
	assert_int_equal(faults(CDK_CAP_FAULT_BOUNDS), 4);
}

static void test_each_missing_permission(void **state)
{
	cdk_cap_t ro, wo, nodma;
	uint32_t v;
	uint64_t iova;

	(void)state;
	assert_int_equal(cdk_cap_derive(&root, 0, 64, CDK_CAP_PERM_LOAD, "t", "ro", &ro), 0);
	assert_int_equal(cdk_cap_derive(&root, 0, 64, CDK_CAP_PERM_STORE, "t", "wo", &wo), 0);
	assert_int_equal(cdk_cap_derive(&root, 0, 64, RW, "t", "nodma", &nodma), 0);
	assert_int_equal(cdk_cap_write32(&ro, 0, 1), -EACCES);
	assert_int_equal(cdk_cap_read32(&wo, 0, &v), -EACCES);
	assert_int_equal(cdk_cap_write32(&wo, 0, 7), 0);
	assert_int_equal(cdk_cap_read32(&ro, 0, &v), 0);
	assert_int_equal(v, 7);
	assert_int_equal(cdk_cap_iova(&nodma, 0, 8, &iova), -EACCES);
	assert_null(cdk_cap_ptr(&ro, 0, 8, CDK_CAP_PERM_STORE));
	/* no DERIVE: no slices */
	cdk_cap_t sub;
	assert_int_equal(cdk_cap_derive(&ro, 0, 8, CDK_CAP_PERM_LOAD, "t", "x", &sub), -EACCES);
	assert_true(cdk_cap_is_null(&sub));
	assert_int_equal(faults(CDK_CAP_FAULT_PERM), 5);
}

static void test_iova(void **state)
{
	cdk_cap_t s;
	uint64_t iova;

	(void)state;
	assert_int_equal(cdk_cap_derive(&root, 256, 512, CDK_CAP_PERM_DMA, "t", "dma", &s), 0);
	assert_int_equal(cdk_cap_iova(&s, 10, 20, &iova), 0);
	assert_true(iova == 0x100000 + 256 + 10);
	assert_int_equal(cdk_cap_iova_of(&s, mem + 256 + 511, 1, &iova), 0);
	assert_int_equal(cdk_cap_iova_of(&s, mem + 256 + 511, 2, &iova), -EFAULT);
	assert_int_equal(cdk_cap_iova_of(&s, mem + 255, 1, &iova), -EFAULT);
}

static void test_widening_refused(void **state)
{
	cdk_cap_t s, w;
	uint32_t v;

	(void)state;
	assert_int_equal(cdk_cap_derive(&root, 0, 64, CDK_CAP_PERM_LOAD | CDK_CAP_PERM_DERIVE,
					"t", "ro", &s), 0);
	/* more permissions than the parent */
	assert_int_equal(cdk_cap_derive(&s, 0, 64, RW, "t", "w", &w), -EACCES);
	assert_true(cdk_cap_is_null(&w));
	assert_int_equal(cdk_cap_read32(&w, 0, &v), -EINVAL); /* invalid cap faults */
	/* a larger range, and one starting outside */
	assert_int_equal(cdk_cap_derive(&s, 0, 65, CDK_CAP_PERM_LOAD, "t", "w", &w), -EFAULT);
	assert_int_equal(cdk_cap_derive(&s, 64, 1, CDK_CAP_PERM_LOAD, "t", "w", &w), -EFAULT);
	assert_int_equal(cdk_cap_derive(&s, 1, UINT64_MAX, CDK_CAP_PERM_LOAD, "t", "w", &w), -EFAULT);
	/* attribute bits cannot be asked for */
	assert_int_equal(cdk_cap_derive(&root, 0, 8, CDK_CAP_PERM_LOAD | CDK_CAP_ATTR_TRAP,
					"t", "w", &w), -EACCES);
	assert_int_equal(faults(CDK_CAP_FAULT_PERM), 2);
	assert_int_equal(faults(CDK_CAP_FAULT_BOUNDS), 3);
}

static void test_forged_and_altered_rejected(void **state)
{
	cdk_cap_t s, forged, altered, out;

	(void)state;
	assert_int_equal(cdk_cap_derive(&root, 0, 64, CDK_CAP_PERM_LOAD | CDK_CAP_PERM_DERIVE,
					"t", "s", &s), 0);
	assert_int_equal(cdk_cap_validate(&s), 0);
	/* made by hand */
	forged = (cdk_cap_t){ .base = (uintptr_t)mem, .len = 4096,
			      .perms = ALL, .slot = 5, .epoch = 1 };
	assert_int_equal(cdk_cap_validate(&forged), -EINVAL);
	memset(&forged, 0, sizeof(forged));
	assert_int_not_equal(cdk_cap_validate(&forged), 0);
	/* a copy, edited: longer, more permissions, moved, different IOVA */
	altered = s;
	altered.len = 4096;
	assert_int_equal(cdk_cap_validate(&altered), -EINVAL);
	assert_int_equal(cdk_cap_derive(&altered, 0, 128, CDK_CAP_PERM_LOAD, "t", "x", &out), -EINVAL);
	altered = s;
	altered.perms |= CDK_CAP_PERM_STORE;
	assert_int_equal(cdk_cap_validate(&altered), -EINVAL);
	altered = s;
	altered.base += 64;
	assert_int_equal(cdk_cap_validate(&altered), -EINVAL);
	altered = s;
	altered.iova = 0;
	assert_int_equal(cdk_cap_validate(&altered), -EINVAL);
	altered = s;
	altered.perms &= ~CDK_CAP_ATTR_SEALED;
	assert_int_equal(cdk_cap_validate(&altered), 0); /* unchanged: a copy is fine */
	assert_int_equal(cdk_cap_revoke(&forged), -EINVAL);
	assert_int_equal(cdk_cap_validate(&s), 0);
	assert_true(faults(CDK_CAP_FAULT_INVALID) >= 6);
}

static void test_sealing(void **state)
{
	cdk_cap_t s, sealer, other, sealed, unsealed, fake, d;
	uint32_t v;

	(void)state;
	assert_int_equal(cdk_cap_derive(&root, 0, 64, RW | CDK_CAP_PERM_DERIVE, "t", "s", &s), 0);
	assert_int_equal(cdk_cap_sealer_new("port0", &sealer), 0);
	assert_int_equal(cdk_cap_sealer_new("port1", &other), 0);
	assert_int_equal(cdk_cap_seal(&s, &sealer, &sealed), 0);
	assert_int_not_equal(sealed.otype, 0);
	assert_int_equal(cdk_cap_read32(&sealed, 0, &v), -EPERM);
	assert_int_equal(cdk_cap_write32(&sealed, 0, 1), -EPERM);
	assert_int_equal(cdk_cap_derive(&sealed, 0, 8, CDK_CAP_PERM_LOAD, "t", "d", &d), -EPERM);
	/* another owner's sealer does not open it */
	assert_int_equal(cdk_cap_unseal(&sealed, &other, &unsealed), -EACCES);
	/* a sealer without UNSEAL cannot either */
	cdk_cap_t seal_only;
	assert_int_equal(cdk_cap_derive(&sealer, 0, 1, CDK_CAP_PERM_SEAL, "t", "so", &seal_only), 0);
	assert_int_equal(cdk_cap_unseal(&sealed, &seal_only, &unsealed), -EACCES);
	/* clearing the seal by hand is detected at the boundary */
	fake = sealed;
	fake.perms &= ~CDK_CAP_ATTR_SEALED;
	fake.otype = 0;
	assert_int_equal(cdk_cap_validate(&fake), -EINVAL);
	assert_int_equal(cdk_cap_unseal(&sealed, &sealer, &unsealed), 0);
	assert_int_equal(cdk_cap_write32(&unsealed, 0, 42), 0);
	assert_int_equal(cdk_cap_read32(&s, 0, &v), 0);
	assert_int_equal(v, 42);
	/* double seal refused */
	assert_int_equal(cdk_cap_seal(&sealed, &sealer, &d), -EPERM);
	/* what owners starting with "t" hold: the root ("test"), and, as s was
	 * handed on sealed, only its opened copy, plus the seal-only slice */
	assert_int_equal(cdk_cap_count("t"), 3);
}

static void test_revocation(void **state)
{
	cdk_cap_t parent, child, grandchild, copy, reuse;
	uint32_t v;

	(void)state;
	assert_int_equal(cdk_cap_derive(&root, 0, 1024, RW | CDK_CAP_PERM_DERIVE, "t", "p", &parent), 0);
	assert_int_equal(cdk_cap_derive(&parent, 0, 64, RW | CDK_CAP_PERM_DERIVE, "t", "c", &child), 0);
	assert_int_equal(cdk_cap_derive(&child, 0, 8, RW, "t", "g", &grandchild), 0);
	copy = child;
	assert_int_equal(cdk_cap_revoke(&parent), 0);
	assert_int_equal(cdk_cap_read32(&parent, 0, &v), -ESTALE);
	assert_int_equal(cdk_cap_write32(&child, 0, 1), -ESTALE);
	assert_int_equal(cdk_cap_write32(&copy, 0, 1), -ESTALE);
	assert_int_equal(cdk_cap_read32(&grandchild, 0, &v), -ESTALE);
	assert_int_equal(cdk_cap_validate(&copy), -ESTALE);
	assert_int_equal(cdk_cap_revoke(&copy), -ESTALE);
	assert_int_equal(mem[0], 0);
	/* the root is untouched, and a new capability reusing a slot does not
	 * bring the stale copies back */
	assert_int_equal(cdk_cap_write32(&root, 0, 5), 0);
	for (int i = 0; i < 4; i++)
		assert_int_equal(cdk_cap_derive(&root, 0, 64, RW, "t", "r", &reuse), 0);
	assert_int_equal(cdk_cap_read32(&copy, 0, &v), -ESTALE);
	assert_int_equal(faults(CDK_CAP_FAULT_REVOKED), 7);
}

static void test_slot_reuse_after_revoke(void **state)
{
	cdk_cap_t a, b;
	uint32_t v;

	(void)state;
	/* Fill the registry's next slots until one is reused. */
	assert_int_equal(cdk_cap_derive(&root, 0, 64, RW, "t", "a", &a), 0);
	assert_int_equal(cdk_cap_revoke(&a), 0);
	for (unsigned i = 0; i < CDK_CAP_MAX_SLOTS; i++) {
		assert_int_equal(cdk_cap_derive(&root, 0, 64, RW, "t", "b", &b), 0);
		if (b.slot == a.slot)
			break;
		assert_int_equal(cdk_cap_revoke(&b), 0);
	}
	assert_int_equal(b.slot, a.slot);
	assert_int_not_equal(b.epoch, a.epoch);
	assert_int_equal(cdk_cap_read32(&b, 0, &v), 0);
	assert_int_equal(cdk_cap_read32(&a, 0, &v), -ESTALE);
}

static void test_fault_logged_once(void **state)
{
	cdk_cap_t s;
	uint32_t v;
	const char *log;

	(void)state;
	assert_int_equal(cdk_cap_derive(&root, 0, 16, CDK_CAP_PERM_LOAD, "port3/rxq1", "ring", &s), 0);
	test_log_begin();
	for (int i = 0; i < 10; i++)
		assert_int_equal(cdk_cap_read32(&s, 16 + i, &v), -EFAULT);
	log = test_log_end();
	assert_int_equal(test_count(log, "capability fault"), 1);
	assert_non_null(strstr(log, "out of bounds"));
	assert_non_null(strstr(log, "port3/rxq1"));
	assert_non_null(strstr(log, "+0x10"));
	assert_int_equal(faults(CDK_CAP_FAULT_BOUNDS), 10);
}

static void test_abort_policy(void **state)
{
	int status;
	pid_t pid;

	(void)state;
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		uint32_t v;

		cdk_log_set_level(CDK_LOGTYPE_CAP, 0 + CDK_LOG_EMERG);
		cdk_cap_set_fault_policy(CDK_CAP_FAULT_ABORT);
		cdk_cap_read32(&root, 4096, &v);
		_exit(0); /* not reached if the policy holds */
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGABRT);
	/* the error policy in this process returns instead */
	uint32_t v;
	assert_int_equal(cdk_cap_read32(&root, 4096, &v), -EFAULT);
}

/* A device model's registers: accesses go to the model, offsets from BAR0. */
static uint64_t trap_last_off, trap_last_val;
static unsigned trap_writes;
static uint64_t trap_read(void *ctx, uint64_t off, unsigned size)
{
	(void)ctx;
	trap_last_off = off;
	return 0x1000 + off + size;
}
static void trap_write(void *ctx, uint64_t off, uint64_t val, unsigned size)
{
	(void)ctx;
	(void)size;
	trap_last_off = off;
	trap_last_val = val;
	trap_writes++;
}
static const struct cdk_cap_trap_ops trap_ops = { trap_read, trap_write };

static void test_trapped_mmio_slices(void **state)
{
	static uint8_t bar_space[0x20000];
	cdk_cap_t bar, db;
	uint32_t v;

	(void)state;
	assert_int_equal(cdk_cap_mint_trapped((uintptr_t)bar_space, sizeof(bar_space),
					      RW | CDK_CAP_PERM_MMIO | CDK_CAP_PERM_DERIVE,
					      &trap_ops, NULL, "eal/pci", "BAR0", &bar), 0);
	assert_int_equal(cdk_cap_derive(&bar, 0x2818, 4, CDK_CAP_PERM_STORE | CDK_CAP_PERM_MMIO,
					"port0/rxq0", "RDT doorbell", &db), 0);
	assert_int_equal(cdk_cap_write32(&db, 0, 77), 0);
	assert_int_equal(trap_last_off, 0x2818);
	assert_int_equal(trap_last_val, 77);
	/* the doorbell reaches neither RDLEN (0x2808) nor anything past it */
	assert_int_equal(cdk_cap_write32(&db, (uint64_t)-16, 0), -EFAULT);
	assert_int_equal(cdk_cap_write32(&db, 4, 0), -EFAULT);
	assert_int_equal(cdk_cap_read32(&db, 0, &v), -EACCES);
	assert_int_equal(trap_writes, 1);
	assert_int_equal(cdk_cap_read32(&bar, 0x8, &v), 0);
	assert_int_equal(v, 0x1000 + 8 + 4);
	/* no byte of the range was touched as memory */
	for (size_t i = 0; i < sizeof(bar_space); i++)
		assert_int_equal(bar_space[i], 0);
}

static void test_report(void **state)
{
	static uint8_t bar_space[0x20000];
	cdk_cap_t bar, db, ring;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	(void)state;
	assert_int_equal(cdk_cap_mint_trapped((uintptr_t)bar_space, sizeof(bar_space),
					      RW | CDK_CAP_PERM_MMIO | CDK_CAP_PERM_DERIVE,
					      &trap_ops, NULL, "eal/pci", "BAR0", &bar), 0);
	assert_int_equal(cdk_cap_derive(&bar, 0x2818, 4, CDK_CAP_PERM_STORE | CDK_CAP_PERM_MMIO,
					"port0/rxq0", "RDT doorbell", &db), 0);
	assert_int_equal(cdk_cap_derive(&root, 0, 4096, RW | CDK_CAP_PERM_DMA, "port0/rxq0",
					"ring", &ring), 0);
	assert_int_equal(cdk_cap_report(f, "port0/"), 2);
	fclose(f);
	assert_non_null(strstr(buf, "[0x2818, +4) W "));
	assert_non_null(strstr(buf, "RDT doorbell"));
	assert_non_null(strstr(buf, "RWD"));
	assert_null(strstr(buf, "BAR0"));
	assert_int_equal(cdk_cap_count("port0/"), 2);
	assert_int_equal(cdk_cap_revoke(&db), 0);
	assert_int_equal(cdk_cap_count("port0/"), 1);
	free(buf);
}

static void test_perm_str(void **state)
{
	char b[16];

	(void)state;
	assert_string_equal(cdk_cap_perm_str(CDK_CAP_PERM_ALL, b, sizeof(b)), "RWMDSU+");
	assert_string_equal(cdk_cap_perm_str(0, b, sizeof(b)), "-");
	assert_string_equal(cdk_cap_perm_str(CDK_CAP_PERM_STORE, b, sizeof(b)), "W");
}

static void test_stale_after_authority_restart(void **state)
{
	cdk_cap_t s = root;
	uint32_t v;

	(void)state;
	cdk_cap_authority_fini();
	assert_int_equal(cdk_cap_authority_init(), 0);
	assert_int_equal(cdk_cap_read32(&s, 0, &v), -ESTALE);
	/* the new registry never issued it */
	assert_int_equal(cdk_cap_validate(&s), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_in_bounds_access),
		T(test_out_of_bounds_by_one),
		T(test_each_missing_permission),
		T(test_iova),
		T(test_widening_refused),
		T(test_forged_and_altered_rejected),
		T(test_sealing),
		T(test_revocation),
		T(test_slot_reuse_after_revoke),
		T(test_fault_logged_once),
		T(test_abort_policy),
		T(test_trapped_mmio_slices),
		T(test_report),
		T(test_perm_str),
		T(test_stale_after_authority_restart),
	};
#if !CDK_CAP_CHECKS
	printf("SKIP: test_cap: capability checks are compiled out (CDK_CAP_CHECKS=0)\n");
	return 0;
#endif
	return cmocka_run_group_tests(tests, NULL, NULL);
}
