# make soak: l2fwd on two modelled NICs for SOAK_PACKETS packets (10^8 by
# default); reports packets, leaked mbufs, capability faults and resident
# memory over the run (tests/soak/soak.sh).
SOAK_PACKETS ?= 100000000
SOAK_SAMPLE ?= 5

.PHONY: soak
soak: $(BUILD)/examples/l2fwd $(BUILD)/tools/mkpcap
	$(Q)BUILD=$(BUILD) tests/soak/soak.sh $(SOAK_PACKETS) $(SOAK_SAMPLE)
