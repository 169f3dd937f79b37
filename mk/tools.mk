# Helper programs under tools/: the pcap generator used by the demo and tests.
TOOL_BINS := $(BUILD)/tools/mkpcap

all: $(TOOL_BINS)
test run bench: $(TOOL_BINS)

$(BUILD)/tools/%: tools/%.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)$(CC) $(CFLAGS) -o $@ $< -lpcap
