# capdk: one entry point. See README.md.
#   make               libcapdk.a, libcapdk.so, examples
#   make test          every test (unit, integration, security, ...)
#   make run           the demo
#   make bench         benchmarks, one "name value unit" line per figure
#   make install PREFIX=/usr/local
# Switches: SANITIZE=1 (ASan+UBSan), CDK_CAP_CHECKS=0 (checks compiled out,
# only to measure their cost), CC=clang.

CC := $(if $(filter default,$(origin CC)),gcc,$(CC))
SANITIZE ?= 0
CDK_CAP_CHECKS ?= 1
PREFIX ?= /usr/local
V ?= 0

BUILD ?= build/$(notdir $(CC))$(if $(filter 1,$(SANITIZE)),-san)$(if $(filter 0,$(CDK_CAP_CHECKS)),-nocap)

Q := $(if $(filter 1,$(V)),,@)

CFLAGS_BASE := -std=c11 -D_GNU_SOURCE -O2 -g -fPIC -pthread \
	-Wall -Wextra -Werror -Wno-unused-parameter \
	-Iinclude -I. -Itests/common -DCDK_CAP_CHECKS=$(CDK_CAP_CHECKS) -MMD -MP
ifeq ($(SANITIZE),1)
CFLAGS_BASE += -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
endif
CFLAGS := $(CFLAGS_BASE) $(EXTRA_CFLAGS)
LDLIBS := -lnuma -lpcap -pthread -lm

LIB_SRCS := $(sort $(wildcard eal/*.c pmd/*.c pmd/*/*.c sim/*.c sim/*/*.c))
LIB_OBJS := $(LIB_SRCS:%.c=$(BUILD)/obj/%.o)
LIB_A := $(BUILD)/libcapdk.a
LIB_SO := $(BUILD)/libcapdk.so
# Drivers register themselves from constructors: take every object.
LINK_LIB := -Wl,--whole-archive $(LIB_A) -Wl,--no-whole-archive

example_objs = $(patsubst %.c,$(BUILD)/obj/%.o,$(wildcard examples/$(1)/*.c))
EXAMPLES := $(notdir $(wildcard examples/*))
EXAMPLE_BINS := $(EXAMPLES:%=$(BUILD)/examples/%)

TEST_SRCS := $(sort $(wildcard tests/unit/test_*.c tests/integration/test_*.c \
	tests/security/test_*.c tests/fuzz/test_*.c))
TEST_BINS := $(TEST_SRCS:%.c=$(BUILD)/%)
TEST_COMMON := $(wildcard tests/common/*.c)
TEST_COMMON_OBJS := $(TEST_COMMON:%.c=$(BUILD)/obj/%.o)
TEST_SCRIPTS := $(sort $(wildcard tests/*/test_*.sh))
BENCH_SRCS := $(sort $(wildcard tests/bench/bench_*.c))
BENCH_BINS := $(BENCH_SRCS:%.c=$(BUILD)/%)

DEPS_STAMP := build/.deps-ok

.SECONDEXPANSION:
.SECONDARY:
.PHONY: all lib examples tests test bench run install uninstall clean deps
all: lib examples

lib: $(LIB_A) $(LIB_SO)
examples: $(EXAMPLE_BINS)

# On a fresh machine, install what is missing before the first compile.
$(DEPS_STAMP): tools/install-deps.sh
	$(Q)mkdir -p $(dir $@)
	$(Q)if ! tools/install-deps.sh --check; then \
		echo "make: missing dependencies; installing them with tools/install-deps.sh"; \
		tools/install-deps.sh || exit 1; \
	fi
	$(Q)touch $@
deps: $(DEPS_STAMP)

$(BUILD)/obj/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS) -c $< -o $@

$(LIB_A): $(LIB_OBJS)
	@echo "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $^

$(LIB_SO): $(LIB_OBJS)
	@echo "  LD      $@"
	$(Q)$(CC) -shared -Wl,-soname,libcapdk.so $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/examples/%: $(LIB_A) $$(call example_objs,$$*)
	@mkdir -p $(dir $@)
	@echo "  LINK    $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $(filter %.o,$^) $(LINK_LIB) $(LDLIBS)

$(BUILD)/tests/%: $(BUILD)/obj/tests/%.o $(TEST_COMMON_OBJS) $(LIB_A)
	@mkdir -p $(dir $@)
	@echo "  LINK    $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $< $(TEST_COMMON_OBJS) $(LINK_LIB) $(LDLIBS) -lcmocka

# Build every test and benchmark without running them (e.g. CC=clang).
tests: $(TEST_BINS) $(BENCH_BINS)

test: $(TEST_BINS) $(EXAMPLE_BINS) $(LIB_SO)
	$(Q)BUILD=$(BUILD) CC=$(CC) SANITIZE=$(SANITIZE) tests/run-tests.sh $(TEST_BINS) $(TEST_SCRIPTS)

bench: $(BENCH_BINS) $(EXAMPLE_BINS)
	$(Q)BUILD=$(BUILD) tests/bench/run-bench.sh

run: $(EXAMPLE_BINS)
	$(Q)BUILD=$(BUILD) tools/demo.sh

PUBLIC_HEADERS := $(filter-out include/cdk_cap_authority.h,$(wildcard include/*.h))

install: lib
	install -d $(DESTDIR)$(PREFIX)/include/capdk $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 644 $(PUBLIC_HEADERS) $(DESTDIR)$(PREFIX)/include/capdk/
	install -m 644 $(LIB_A) $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(LIB_SO) $(DESTDIR)$(PREFIX)/lib/
	sed -e 's|@PREFIX@|$(PREFIX)|g' tools/capdk.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/capdk.pc

uninstall:
	rm -rf $(DESTDIR)$(PREFIX)/include/capdk
	rm -f $(DESTDIR)$(PREFIX)/lib/libcapdk.a $(DESTDIR)$(PREFIX)/lib/libcapdk.so \
		$(DESTDIR)$(PREFIX)/lib/pkgconfig/capdk.pc

clean:
	rm -rf build

# Further rules, one concern per file (e.g. mk/compat.mk: libdpdk.pc).
-include $(sort $(wildcard mk/*.mk))

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
