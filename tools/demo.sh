#!/bin/bash
# make run: l2fwd between two modelled Intel 82540EM NICs driven by the real
# e1000 driver. Frames from a generated pcap file arrive on NIC 0's wire,
# l2fwd forwards them to NIC 1, whose wire writes them to another pcap file.
# The capability report comes first, then the statistics every second, then
# a summary comparing frames in and out. DEMO=ring runs it on ring ports.
set -euo pipefail
B=${BUILD:-build/gcc}
SECS=${DEMO_SECONDS:-4}
OUT="$B/demo"
mkdir -p "$OUT"
EAL="--no-huge -m 256 -l 0-1 --log-level=warning --cap-report"

if [ "${DEMO:-sim}" = ring ]; then
	echo "== l2fwd on two net_ring ports, each primed with 256 frames, for $SECS s"
	exec timeout --preserve-status -s INT "$SECS" "$B/examples/l2fwd" $EAL \
		--vdev net_ring0,fill=256 --vdev net_ring1,fill=256 -- -p 3 -T 1
fi

"$B/tools/mkpcap" "$OUT/in.pcap" 10000 64
rm -f "$OUT/out.pcap"
cat <<MSG
== l2fwd between two modelled 82540EM NICs (sim0, sim1), for $SECS s
   sim0's wire replays $OUT/in.pcap (10000 UDP frames, looped);
   sim1's wire writes what it transmits to $OUT/out.pcap.
   Each queue holds only its slices: see [0x2818, +4) W, the RX doorbell.
MSG
log="$OUT/l2fwd.log"
timeout --preserve-status -s INT "$SECS" "$B/examples/l2fwd" $EAL \
	--vdev sim0,model=82540em,rx_pcap="$OUT/in.pcap",loop=1 \
	--vdev sim1,model=82540em,tx_pcap="$OUT/out.pcap" \
	-- -p 3 -T 1 2>&1 | tee "$log"
received=$(sed -n 's/^Packets received: *//p' "$log" | tail -2 | head -1)
sent=$(sed -n 's/^Packets sent: *//p' "$log" | tail -1)
captured=$("$B/tools/mkpcap" --count "$OUT/out.pcap")
echo "== summary: port 0 received $received frames from its wire; port 1 sent $sent;" \
	"$captured frames are in $OUT/out.pcap" \
	"($( [ "$sent" = "$captured" ] && echo "every frame sent reached the wire" || echo "MISMATCH"))"
[ "$sent" = "$captured" ]
