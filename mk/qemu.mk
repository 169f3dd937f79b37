# QEMU guest tests (tests/qemu/, doc/testing.md "QEMU guest tests"):
#   make test-qemu    every tests/qemu/test_*.sh, with its output (exit 77: skipped)
#   make bench-qemu   io-forwarding in the guest, capdk against DPDK's testpmd
# `make test` runs the same scripts among all the others.
QEMU_TESTS := $(sort $(wildcard tests/qemu/test_*.sh))
QEMU_BENCH_ARGS ?=

.PHONY: test-qemu bench-qemu

test-qemu: $(LIB_A) $(BUILD)/examples/l2fwd
	$(Q)rc=0; for t in $(QEMU_TESTS); do \
		echo "== $$t"; \
		BUILD=$(BUILD) CC=$(CC) SANITIZE=$(SANITIZE) $$t; s=$$?; \
		if [ $$s = 77 ]; then echo "== $$t: skipped"; \
		elif [ $$s != 0 ]; then echo "== $$t: FAILED (exit $$s)"; rc=1; \
		else echo "== $$t: passed"; fi; \
	done; exit $$rc

bench-qemu: $(LIB_A) $(BUILD)/examples/l2fwd
	$(Q)BUILD=$(BUILD) SANITIZE=$(SANITIZE) tests/qemu/bench_qemu.sh $(QEMU_BENCH_ARGS)
