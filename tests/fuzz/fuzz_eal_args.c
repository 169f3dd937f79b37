/*
 * EAL arguments: any argument vector either initialises the EAL (which is
 * then cleaned up) or is refused with a negative errno; nothing crashes,
 * nothing is left half-initialised (a second init must work).
 */
#include "fuzz_common.h"

static int fuzz_eal_args_one(const uint8_t *data, size_t size)
{
	char buf[4096];
	char *tok[FUZZ_MAX_ARGS], *argv[FUZZ_MAX_ARGS + 8];
	int ntok = fuzz_split(data, size, buf, sizeof(buf), tok, FUZZ_MAX_ARGS);
	int argc = 0, rc;

	argv[argc++] = "fuzz";
	/* Anonymous memory, small, no PCI scan: the parser is the target. */
	argv[argc++] = "--no-huge";
	argv[argc++] = "-m";
	argv[argc++] = "32";
	argv[argc++] = "--no-pci";
	for (int i = 0; i < ntok; i++)
		if (!fuzz_arg_unsafe(tok[i]))
			argv[argc++] = tok[i];
	argv[argc] = NULL;
	fuzz_quiet();
	rc = cdk_eal_init(argc, argv);
	if (rc >= 0) {
		if (rc > argc)
			abort(); /* consumed more than it was given */
		cdk_eal_cleanup();
	} else if (rc < -4095) {
		abort(); /* not a negative errno */
	}
	if (cdk_eal_initialized())
		abort(); /* a refusal must leave nothing behind */
	return 0;
}

#ifdef CDK_LIBFUZZER
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_eal_args_one(data, size);
}
#endif
