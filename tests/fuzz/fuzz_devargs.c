/*
 * devargs: the key=value parser with arbitrary strings, and the drivers'
 * probes through --vdev with them (sim models, null and ring devices).
 */
#include "cdk_pmd.h"
#include "fuzz_common.h"

static int fuzz_devargs_one(const uint8_t *data, size_t size)
{
	static const char *const keys[] = { "model", "mac", "peer", "loop", "size",
					    "copy", "fill", "hostile", NULL };
	static const char *const prefix[] = { "sim0,", "net_null0,", "net_ring0,",
					      "sim1," };
	struct cdk_kvargs kv;
	char s[512], vdev[600];
	char *argv[12];
	unsigned long u;
	int b, argc = 0, rc;
	size_t n = size < sizeof(s) - 1 ? size : sizeof(s) - 1;

	if (size == 0)
		return 0;
	memcpy(s, data + 1, n ? n - 1 : 0);
	s[n ? n - 1 : 0] = '\0';
	fuzz_quiet();
	rc = cdk_kvargs_parse(&kv, "fuzz0", s, keys);
	if (rc == 0) {
		if (kv.count > CDK_KVARGS_MAX)
			abort();
		for (unsigned i = 0; i < kv.count; i++) {
			if (cdk_kvargs_get(&kv, kv.pairs[i].key) == NULL)
				abort();
			cdk_kvargs_get_uint(&kv, "fuzz0", kv.pairs[i].key, 0, 100000, &u);
			cdk_kvargs_get_bool(&kv, "fuzz0", kv.pairs[i].key, &b);
		}
	} else if (rc != -EINVAL) {
		abort();
	}
	/* One input in four goes to a driver's probe (an EAL life cycle). */
	if ((data[0] & 3) != 0 || fuzz_arg_unsafe(s))
		return 0;
	snprintf(vdev, sizeof(vdev), "%s%s", prefix[(data[0] >> 2) & 3], s);
	argv[argc++] = "fuzz";
	argv[argc++] = "--no-huge";
	argv[argc++] = "-m";
	argv[argc++] = "32";
	argv[argc++] = "--no-pci";
	argv[argc++] = "--vdev";
	argv[argc++] = vdev;
	argv[argc] = NULL;
	rc = cdk_eal_init(argc, argv);
	if (rc >= 0)
		cdk_eal_cleanup();
	if (cdk_eal_initialized())
		abort();
	return 0;
}

#ifdef CDK_LIBFUZZER
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_devargs_one(data, size);
}
#endif
