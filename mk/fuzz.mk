# make fuzz: each tests/fuzz/fuzz_*.c target built with libFuzzer (clang,
# -fsanitize=fuzzer,address,undefined) against the library compiled with
# -fsanitize=fuzzer-no-link,address,undefined in build/fuzz, then run for
# FUZZ_SECONDS each from its seed corpus (tests/fuzz/corpus/<target>/;
# new inputs go to build/fuzz/corpus/<target>/). One line per target:
#   fuzz_<target>_execs N execs
FUZZ_SECONDS ?= 30
FUZZ_CC ?= clang
FUZZ_BUILD := build/fuzz
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_TARGETS := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BINS := $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)

.PHONY: fuzz fuzz-build fuzz-lib
fuzz-lib:
	$(Q)$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) \
		EXTRA_CFLAGS="-fsanitize=fuzzer-no-link $(FUZZ_SAN)" \
		$(FUZZ_BUILD)/libcapdk.a

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h fuzz-lib
	@echo "  FUZZ    $@"
	$(Q)$(FUZZ_CC) $(CFLAGS_BASE) -DCDK_LIBFUZZER -fsanitize=fuzzer $(FUZZ_SAN) \
		-o $@ $< -Wl,--whole-archive $(FUZZ_BUILD)/libcapdk.a \
		-Wl,--no-whole-archive $(LDLIBS)

fuzz-build: $(FUZZ_BINS)

fuzz: fuzz-build
	$(Q)for t in $(FUZZ_TARGETS); do \
		mkdir -p $(FUZZ_BUILD)/corpus/$$t; \
		leaks=1; [ $$t = rx_wb ] && leaks=0; \
		$(FUZZ_BUILD)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
			-detect_leaks=$$leaks -print_final_stats=1 \
			-artifact_prefix=$(FUZZ_BUILD)/crash-$$t- \
			$(FUZZ_BUILD)/corpus/$$t tests/fuzz/corpus/$$t \
			>$(FUZZ_BUILD)/fuzz_$$t.log 2>&1; \
		rc=$$?; \
		n=$$(sed -n 's/^stat::number_of_executed_units: *//p' $(FUZZ_BUILD)/fuzz_$$t.log); \
		cov=$$(grep -o 'cov: [0-9]*' $(FUZZ_BUILD)/fuzz_$$t.log | tail -1); \
		echo "fuzz_$${t}_execs $${n:-0} execs ($$cov)"; \
		if [ $$rc != 0 ]; then echo "fuzz_$$t: FAILED, see $(FUZZ_BUILD)/fuzz_$$t.log"; exit 1; fi; \
	done
