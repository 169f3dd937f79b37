/*
 * Every fuzz target for a few seconds with inputs mutated from its seeds
 * (a short stand-in for `make fuzz`, run by `make test` and under the
 * sanitizers). A target fails by crashing or aborting on a broken
 * invariant; the test asserts each ran a useful number of inputs.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <time.h>

#include "fuzz_eal_args.c"
#include "fuzz_devargs.c"
#include "fuzz_pcap.c"
#include "fuzz_rx_wb.c"

#define BRIEF_SECONDS 3.0

static uint64_t brief_rng = 0x9e3779b97f4a7c15ull;

static uint32_t brief_rand(void)
{
	brief_rng ^= brief_rng << 13;
	brief_rng ^= brief_rng >> 7;
	brief_rng ^= brief_rng << 17;
	return (uint32_t)brief_rng;
}

static double brief_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A seed with a few bytes flipped, inserted, deleted or randomised. */
static size_t brief_mutate(const uint8_t *seed, size_t n, uint8_t *out, size_t cap)
{
	size_t len = n < cap ? n : cap;

	memcpy(out, seed, len);
	for (unsigned k = 1 + brief_rand() % 6; k > 0; k--) {
		size_t at = len ? brief_rand() % len : 0;

		switch (brief_rand() % 5) {
		case 0:
			if (len)
				out[at] ^= (uint8_t)(1u << (brief_rand() % 8));
			break;
		case 1:
			if (len)
				out[at] = (uint8_t)brief_rand();
			break;
		case 2:
			if (len < cap) {
				memmove(out + at + 1, out + at, len - at);
				out[at] = (uint8_t)brief_rand();
				len++;
			}
			break;
		case 3:
			if (len) {
				memmove(out + at, out + at + 1, len - at - 1);
				len--;
			}
			break;
		default: { /* an interesting value */
			static const uint8_t iv[] = { 0, 1, 0x7f, 0x80, 0xff, '=', ',', '-' };

			if (len)
				out[at] = iv[brief_rand() % sizeof(iv)];
		}
		}
	}
	return len;
}

struct seed {
	const void *data;
	size_t len;
};
#define SEED(s) { s, sizeof(s) - 1 }

static unsigned brief_run(int (*one)(const uint8_t *, size_t),
			  const struct seed *seeds, size_t nseeds, double seconds)
{
	static uint8_t buf[8192];
	double end = brief_now() + seconds;
	unsigned n = 0;

	for (size_t i = 0; i < nseeds; i++, n++)
		one(seeds[i].data, seeds[i].len);
	while (brief_now() < end) {
		const struct seed *s = &seeds[brief_rand() % nseeds];

		one(buf, brief_mutate(s->data, s->len, buf, sizeof(buf)));
		n++;
	}
	return n;
}

static void test_fuzz_eal_args(void **state)
{
	static const struct seed seeds[] = {
		SEED("-l\0" "0\0--log-level=debug\0--iova-mode=va"),
		SEED("-c 3 --main-lcore 1 --in-memory --no-pci --"),
		SEED("--vdev net_null0 --vdev net_ring0,fill=4 -a 0000:00:03.0 -b 00:04.0"),
		SEED("--lcores 0-1 --proc-type auto --log-level cap:err -v"),
		SEED("--vdev sim0,model=82576,hostile=3 --cap-report"),
	};
	unsigned n = brief_run(fuzz_eal_args_one, seeds, CDK_DIM(seeds), BRIEF_SECONDS);

	printf("fuzz_eal_args_execs %u execs\n", n);
	assert_true(n > CDK_DIM(seeds));
}

static void test_fuzz_devargs(void **state)
{
	static const struct seed seeds[] = {
		SEED("\x00model=82540em,mac=02:00:00:00:00:09"),
		SEED("\x04size=64,copy=1"),
		SEED("\x08" "fill=16,peer=net_ring0"),
		SEED("\x00model=82576,hostile=31,loop=yes"),
		SEED("\x01" "a=b,c,=d,e=,,=,model=x"),
	};
	unsigned n = brief_run(fuzz_devargs_one, seeds, CDK_DIM(seeds), BRIEF_SECONDS);

	printf("fuzz_devargs_execs %u execs\n", n);
	assert_true(n > CDK_DIM(seeds));
}

/* A pcap file of two 60-byte frames (little-endian, microseconds). */
static const uint8_t pcap_seed[] = {
	0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0xff, 0xff, 0, 0, 1, 0, 0, 0,
	1, 0, 0, 0, 0, 0, 0, 0, 60, 0, 0, 0, 60, 0, 0, 0,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 2, 0, 0, 0, 0, 1, 0x08, 0x00,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	2, 0, 0, 0, 0, 0, 0, 0, 60, 0, 0, 0, 0xdc, 5, 0, 0,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 2, 0, 0, 0, 0, 2, 0x08, 0x00,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

static void test_fuzz_pcap(void **state)
{
	const struct seed seeds[] = { { pcap_seed, sizeof(pcap_seed) } };
	unsigned n = brief_run(fuzz_pcap_one, seeds, CDK_DIM(seeds), BRIEF_SECONDS);

	printf("fuzz_pcap_execs %u execs\n", n);
	assert_true(n > CDK_DIM(seeds));
}

static void test_fuzz_rx_wb(void **state)
{
	static const struct seed seeds[] = {
		/* e1000: frames, a burst, a too-long write-back, a burst */
		SEED("\x00\x00\x01\x00\x06\x00\x02\x00\x05\x00\x02\x02\x00\x00\xff\xff\x00\x00\x03\x00\x1f\x05"),
		/* igb: ghost DD far ahead, head moved back, hostile all */
		SEED("\x01\x00\x00\x80\x02\x30\x00\x00\x00\x00\x00\x00\x00\x00\x40\x00\x00\x00\x03\x00\x00\x03\x00\x01\x01\x1f\x00\x02\x00\x05\x0b"),
		/* EOP never set: a chain that never ends */
		SEED("\x00\x02\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x08\x00\x00\x01\x00\x00\x00\x02\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00\x08\x00\x00\x01\x00\x00\x00\x05"),
	};
	unsigned n = brief_run(fuzz_rx_wb_one, seeds, CDK_DIM(seeds), BRIEF_SECONDS);

	fuzz_rx_wb_fini();
	printf("fuzz_rx_wb_execs %u execs\n", n);
	assert_true(n > CDK_DIM(seeds));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fuzz_eal_args),
		cmocka_unit_test(test_fuzz_devargs),
		cmocka_unit_test(test_fuzz_pcap),
		cmocka_unit_test(test_fuzz_rx_wb),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
