# DPDK compatibility: include/rte/ over the cdk_ API, and pkg-config files
# named libdpdk so that a DPDK application's own Makefile builds it against
# capdk:  PKG_CONFIG_PATH=$(BUILD)/pkgconfig make   (in the app's folder).
#
#   $(BUILD)/pkgconfig/libdpdk.pc, libdpdk-libs.pc   point at this tree
#   make install   adds $(PREFIX)/include/capdk/rte and
#                  $(PREFIX)/lib/capdk/pkgconfig/libdpdk*.pc (a folder of
#                  their own, so that an installed DPDK is not shadowed)

COMPAT_PC_DIR := $(BUILD)/pkgconfig
COMPAT_PC := $(COMPAT_PC_DIR)/libdpdk.pc $(COMPAT_PC_DIR)/libdpdk-libs.pc
COMPAT_HEADERS := $(wildcard include/rte/*.h)
COMPAT_DPDK_VERSION := 22.11.0
compat_comma := ,
COMPAT_SAN_LIBS := $(if $(filter 1,$(SANITIZE)),-fsanitize=address$(compat_comma)undefined)

.PHONY: compat install-compat uninstall-compat
compat: $(COMPAT_PC)
all: compat
test: compat
install: install-compat
uninstall: uninstall-compat

# The compatibility shims are built with the rte_ headers in view.
$(BUILD)/obj/pmd/compat_%.o $(BUILD)/obj/eal/compat_%.o: CFLAGS += -Iinclude/rte

# compat_pc_libs(prefix, libdir, includedir): libdpdk-libs.pc
define compat_pc_libs
prefix=$(1)
libdir=$(2)
includedir=$(3)

Name: dpdk-libs
Description: capdk's DPDK $(COMPAT_DPDK_VERSION) API (use libdpdk.pc)
Version: $(COMPAT_DPDK_VERSION)
Libs: -Wl,--as-needed -L$${libdir} -Wl,-rpath,$${libdir} -lcapdk $(COMPAT_SAN_LIBS)
Libs.private: -lnuma -lpcap -pthread -lm
Cflags: -I$${includedir}/rte -I$${includedir} -include rte_config.h
endef

# compat_pc_main(prefix, libdir, includedir): libdpdk.pc
define compat_pc_main
prefix=$(1)
libdir=$(2)
includedir=$(3)

Name: DPDK
Description: capdk, a poll-mode driver framework, with DPDK $(COMPAT_DPDK_VERSION)'s API
Version: $(COMPAT_DPDK_VERSION)
Requires: libdpdk-libs
Libs.private: -Wl,--whole-archive -L$${libdir} -l:libcapdk.a -Wl,--no-whole-archive -lnuma -lpcap -lpthread -lm
Cflags: -I$${includedir}/rte -I$${includedir}
endef

$(COMPAT_PC_DIR)/libdpdk-libs.pc: mk/compat.mk | $(LIB_A) $(LIB_SO)
	@$(shell mkdir -p $(dir $@))true
	@echo "  GEN     $@"
	$(file >$@,$(call compat_pc_libs,$(abspath $(BUILD)),$${prefix},$(CURDIR)/include))

$(COMPAT_PC_DIR)/libdpdk.pc: mk/compat.mk | $(LIB_A) $(LIB_SO)
	@$(shell mkdir -p $(dir $@))true
	@echo "  GEN     $@"
	$(file >$@,$(call compat_pc_main,$(abspath $(BUILD)),$${prefix},$(CURDIR)/include))

COMPAT_INST_PC_DIR := $(BUILD)/pkgconfig/install
.PHONY: compat-inst-pc
compat-inst-pc:
	@$(shell mkdir -p $(COMPAT_INST_PC_DIR))true
	$(file >$(COMPAT_INST_PC_DIR)/libdpdk-libs.pc,$(call compat_pc_libs,$(PREFIX),$${prefix}/lib,$${prefix}/include/capdk))
	$(file >$(COMPAT_INST_PC_DIR)/libdpdk.pc,$(call compat_pc_main,$(PREFIX),$${prefix}/lib,$${prefix}/include/capdk))

install-compat: lib compat-inst-pc
	install -d $(DESTDIR)$(PREFIX)/include/capdk/rte $(DESTDIR)$(PREFIX)/lib/capdk/pkgconfig
	install -m 644 $(COMPAT_HEADERS) $(DESTDIR)$(PREFIX)/include/capdk/rte/
	install -m 644 $(COMPAT_INST_PC_DIR)/libdpdk.pc $(COMPAT_INST_PC_DIR)/libdpdk-libs.pc \
		$(DESTDIR)$(PREFIX)/lib/capdk/pkgconfig/

uninstall-compat:
	rm -rf $(DESTDIR)$(PREFIX)/include/capdk/rte $(DESTDIR)$(PREFIX)/lib/capdk
