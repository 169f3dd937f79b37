/* EAL arguments: every accepted form and every malformed one. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cdk_eal.h"
#include "cdk_log.h"
#include "cdk_cap.h"
#include "eal/eal_private.h"
#include "test_util.h"

static struct cdk_eal_config cfg;

/* Parse a NULL-terminated list of arguments after argv[0]. */
static int parse(const char *first, ...)
{
	char *argv[32] = { "prog" };
	int argc = 1;
	va_list ap;

	va_start(ap, first);
	for (const char *a = first; a; a = va_arg(ap, const char *))
		argv[argc++] = (char *)a;
	va_end(ap);
	return cdk_eal_parse_args(argc, argv, &cfg);
}

/* Parse, expecting failure, and return the logged message. */
static const char *parse_fail_msg(int rc)
{
	(void)rc;
	return test_log_end();
}

#define EXPECT_BAD(needle, ...)                                         \
	do {                                                            \
		test_log_begin();                                       \
		int rc_ = parse(__VA_ARGS__, NULL);                     \
		const char *m_ = parse_fail_msg(rc_);                   \
		assert_int_equal(rc_, -EINVAL);                         \
		if (strstr(m_, needle) == NULL)                         \
			fail_msg("message '%s' lacks '%s'", m_, needle); \
	} while (0)

static void test_corelist(void **state)
{
	(void)state;
	assert_int_equal(parse("-l", "0-1", NULL), 2);
	assert_int_equal(cfg.lcore_cpu[0], 0);
	assert_int_equal(cfg.lcore_cpu[1], 1);
	assert_int_equal(cfg.lcore_cpu[2], -1);
	assert_int_equal(cfg.lcore_count, 2);
	assert_int_equal(cfg.main_lcore, 0);
	assert_int_equal(parse("-l1", NULL), 1);
	assert_int_equal(cfg.lcore_count, 1);
	assert_int_equal(cfg.main_lcore, 1);
	assert_int_equal(parse("-l", "1,0", NULL), 2);
	assert_int_equal(cfg.lcore_count, 2);
	EXPECT_BAD("-l", "-l", "0-");
	EXPECT_BAD("-l", "-l", "a");
	EXPECT_BAD("-l", "-l", "1-0");
	EXPECT_BAD("given twice", "-l", "0,0");
	EXPECT_BAD("not available", "-l", "0,99");
	EXPECT_BAD("-l", "-l", "0,");
	EXPECT_BAD("a value is required", "-l");
}

static void test_coremask(void **state)
{
	(void)state;
	assert_int_equal(parse("-c", "0x3", NULL), 2);
	assert_int_equal(cfg.lcore_count, 2);
	assert_int_equal(parse("-c", "2", NULL), 2);
	assert_int_equal(cfg.lcore_count, 1);
	assert_int_equal(cfg.lcore_cpu[1], 1);
	EXPECT_BAD("hexadecimal", "-c", "0xg");
	EXPECT_BAD("selects no core", "-c", "0");
	EXPECT_BAD("not available", "-c", "0x100");
	EXPECT_BAD("only one of", "-c", "1", "-l", "0");
}

static void test_lcores(void **state)
{
	(void)state;
	assert_int_equal(parse("--lcores", "0-1", NULL), 2);
	assert_int_equal(cfg.lcore_count, 2);
	assert_int_equal(parse("--lcores=5@1,0", NULL), 1);
	assert_int_equal(cfg.lcore_cpu[5], 1);
	assert_int_equal(cfg.lcore_cpu[0], 0);
	assert_int_equal(cfg.lcore_count, 2);
	EXPECT_BAD("lcore@cpu", "--lcores", "0-1@1");
	EXPECT_BAD("--lcores", "--lcores", "3@");
	EXPECT_BAD("not available", "--lcores", "3@77");
}

static void test_main_lcore(void **state)
{
	(void)state;
	assert_int_equal(parse("-l", "0-1", "--main-lcore", "1", NULL), 4);
	assert_int_equal(cfg.main_lcore, 1);
	EXPECT_BAD("not enabled", "-l", "0", "--main-lcore", "1");
	EXPECT_BAD("--main-lcore", "--main-lcore", "x");
}

static void test_memory_args(void **state)
{
	(void)state;
	assert_int_equal(parse("-n", "4", "-m", "128", "--no-huge", NULL), 5);
	assert_int_equal(cfg.mem_channels, 4);
	assert_int_equal(cfg.mem_mb, 128);
	assert_int_equal(cfg.no_huge, 1);
	assert_int_equal(parse("--socket-mem=64,32", NULL), 1);
	assert_int_equal(cfg.socket_mem_set, 1);
	assert_int_equal(cfg.socket_mem_mb[0], 64);
	assert_int_equal(cfg.socket_mem_mb[1], 32);
	assert_int_equal(parse("--huge-dir", "/tmp", NULL), 2);
	assert_string_equal(cfg.huge_dir, "/tmp");
	assert_int_equal(parse("--iova-mode=pa", NULL), 1);
	assert_int_equal(cfg.iova_mode, CDK_IOVA_PA);
	assert_int_equal(parse("--iova-mode", "va", NULL), 2);
	assert_int_equal(cfg.iova_mode, CDK_IOVA_VA);
	EXPECT_BAD("memory channels", "-n", "0");
	EXPECT_BAD("size in MiB", "-m", "12x");
	EXPECT_BAD("size in MiB", "-m", "-5");
	EXPECT_BAD("megabytes per socket", "--socket-mem", "64,,3");
	EXPECT_BAD("not a size in MiB", "--socket-mem", "64,x");
	EXPECT_BAD("either -m or --socket-mem", "-m", "64", "--socket-mem", "64");
	EXPECT_BAD("--no-huge", "--no-huge", "--socket-mem", "64");
	EXPECT_BAD("not a directory", "--huge-dir", "/nonexistent/dir");
	EXPECT_BAD("pa or va", "--iova-mode", "pv");
}

static void test_devices(void **state)
{
	(void)state;
	assert_int_equal(parse("-a", "0000:00:03.0", "--allow", "00:04.0,rxq=2", NULL), 4);
	assert_int_equal(cfg.n_allow, 2);
	assert_string_equal(cfg.allow[0].name, "0000:00:03.0");
	assert_string_equal(cfg.allow[1].name, "0000:00:04.0");
	assert_string_equal(cfg.allow[1].args, "rxq=2");
	assert_int_equal(parse("-b", "01:00.1", NULL), 2);
	assert_string_equal(cfg.block[0].name, "0000:01:00.1");
	assert_int_equal(parse("--vdev", "net_ring0", "--vdev=net_null1,size=128", NULL), 3);
	assert_int_equal(cfg.n_vdev, 2);
	assert_string_equal(cfg.vdev[1].name, "net_null1");
	assert_string_equal(cfg.vdev[1].args, "size=128");
	assert_int_equal(parse("--no-pci", NULL), 1);
	assert_int_equal(cfg.no_pci, 1);
	EXPECT_BAD("PCI address", "-a", "00:1f.8");
	EXPECT_BAD("PCI address", "-a", "xyz");
	EXPECT_BAD("PCI address", "-b", "0000:100:00.0");
	EXPECT_BAD("cannot be combined", "-a", "00:03.0", "-b", "00:04.0");
	EXPECT_BAD("given twice", "--vdev", "net_ring0", "--vdev", "net_ring0,x=1");
	EXPECT_BAD("device name", "--vdev", ",size=3");
}

static void test_misc_args(void **state)
{
	(void)state;
	assert_int_equal(parse("--file-prefix", "abc", "--in-memory", "--proc-type=primary",
			       "--cap-report", "--cap-fault=abort", NULL), 6);
	assert_string_equal(cfg.file_prefix, "abc");
	assert_int_equal(cfg.in_memory, 1);
	assert_int_equal(cfg.cap_report, 1);
	assert_int_equal(cfg.cap_fault_abort, 1);
	assert_int_equal(parse("--cap-fault", "error", "--proc-type", "auto", NULL), 4);
	assert_int_equal(cfg.cap_fault_abort, 0);
	EXPECT_BAD("without '/'", "--file-prefix", "a/b");
	EXPECT_BAD("not supported", "--proc-type", "secondary");
	EXPECT_BAD("primary, secondary or auto", "--proc-type", "tertiary");
	EXPECT_BAD("abort or error", "--cap-fault", "ignore");
	EXPECT_BAD("unknown option", "--bogus");
	EXPECT_BAD("unknown option", "-Z");
	EXPECT_BAD("takes no value", "--no-pci=1");
}

static void test_log_level_arg(void **state)
{
	(void)state;
	assert_int_equal(parse("--log-level", "debug", NULL), 2);
	assert_int_equal(cdk_log_get_level(CDK_LOGTYPE_EAL), CDK_LOG_DEBUG);
	assert_int_equal(parse("--log-level=cap:3", NULL), 1);
	assert_int_equal(cdk_log_get_level(CDK_LOGTYPE_CAP), CDK_LOG_CRIT);
	assert_int_equal(cdk_log_get_level(CDK_LOGTYPE_EAL), CDK_LOG_DEBUG);
	assert_int_equal(parse("--log-level=m*:err", NULL), 1);
	assert_int_equal(cdk_log_get_level(CDK_LOGTYPE_MEM), CDK_LOG_ERR);
	assert_int_equal(cdk_log_get_level(CDK_LOGTYPE_MBUF), CDK_LOG_ERR);
	cdk_log_reset();
	EXPECT_BAD("expected a level", "--log-level", "loud");
	EXPECT_BAD("expected a level", "--log-level", "eal:9");
	EXPECT_BAD("type name", "--log-level", ":info");
	cdk_log_reset();
}

static void test_stops_at_double_dash_and_non_option(void **state)
{
	(void)state;
	assert_int_equal(parse("-l", "0", "--", "-p", "3", NULL), 3);
	assert_int_equal(parse("-l", "0", "app-arg", "--bogus", NULL), 2);
	assert_int_equal(parse(NULL), 0);
}

/* A fresh copy each time: cdk_eal_init writes the program name into it. */
static char **init_argv(void)
{
	static char *argv[11];
	char *src[] = { "prog", "--no-huge", "-m", "32", "-l", "0-1", "--log-level=err",
			"--", "-p", "3", NULL };

	memcpy(argv, src, sizeof(src));
	return argv;
}

static void test_init_returns_consumed_and_cleans_up(void **state)
{
	char *bad[] = { "prog", "--no-huge", "-m", "32", "--bogus", NULL };
	char **argv;
	int rc;

	(void)state;
	test_log_begin();
	rc = cdk_eal_init(5, bad);
	const char *m = test_log_end();
	assert_int_equal(rc, -EINVAL);
	assert_non_null(strstr(m, "--bogus"));
	assert_false(cdk_eal_initialized());
	/* a failed init leaves nothing behind: the next one works */
	argv = init_argv();
	assert_int_equal(cdk_eal_init(10, argv), 7);
	assert_string_equal(argv[7], "prog"); /* argv + 7 reads as a command */
	assert_string_equal(argv[8], "-p");
	assert_true(cdk_eal_initialized());
	assert_int_equal(cdk_lcore_count(), 2);
	assert_int_equal(cdk_eal_init(10, init_argv()), -EALREADY);
	assert_int_equal(cdk_eal_cleanup(), 0);
	assert_int_equal(cdk_eal_cleanup(), -EINVAL);
	assert_int_equal(cdk_eal_init(10, init_argv()), 7);
	assert_int_equal(cdk_eal_cleanup(), 0);
	cdk_log_reset();
}

static void test_failed_memory_init_leaves_nothing(void **state)
{
	char *argv[] = { "prog", "--no-huge", "-m", "1073741824", "--log-level=emerg", NULL };
	char *ok[] = { "prog", "--no-huge", "-m", "16", "--log-level=err", NULL };

	(void)state;
	/* 1 PiB cannot be mapped: init fails cleanly, and the next one works */
	assert_int_equal(cdk_eal_init(5, argv), -ENOMEM);
	assert_false(cdk_eal_initialized());
	assert_int_equal(cdk_cap_count(NULL), 0);
	assert_int_equal(cdk_eal_init(5, ok), 4);
	assert_int_equal(cdk_eal_cleanup(), 0);
	cdk_log_reset();
}

static void test_help_exits_zero_with_usage(void **state)
{
	int fds[2], status;
	char buf[4096] = { 0 };
	pid_t pid;

	(void)state;
	assert_int_equal(pipe(fds), 0);
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		char *argv[] = { "prog", "-h", NULL };

		dup2(fds[1], 1);
		cdk_eal_init(2, argv);
		_exit(3);
	}
	close(fds[1]);
	ssize_t n = 0, r;
	while ((r = read(fds[0], buf + n, sizeof(buf) - 1 - n)) > 0)
		n += r;
	close(fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_non_null(strstr(buf, "--cap-report"));
	assert_non_null(strstr(buf, "--vdev"));
}

static void test_version_logs_and_continues(void **state)
{
	(void)state;
	test_log_begin();
	int rc = parse("-v", "-l", "0", NULL);
	const char *m = test_log_end();
	assert_int_equal(rc, 3);
	assert_non_null(strstr(m, CDK_VERSION_STR));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corelist),
		cmocka_unit_test(test_coremask),
		cmocka_unit_test(test_lcores),
		cmocka_unit_test(test_main_lcore),
		cmocka_unit_test(test_memory_args),
		cmocka_unit_test(test_devices),
		cmocka_unit_test(test_misc_args),
		cmocka_unit_test(test_log_level_arg),
		cmocka_unit_test(test_stops_at_double_dash_and_non_option),
		cmocka_unit_test(test_init_returns_consumed_and_cleans_up),
		cmocka_unit_test(test_failed_memory_init_leaves_nothing),
		cmocka_unit_test(test_help_exits_zero_with_usage),
		cmocka_unit_test(test_version_logs_and_continues),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
