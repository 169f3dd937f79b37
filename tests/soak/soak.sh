#!/bin/bash
# l2fwd on two modelled 82540EM NICs until PACKETS frames went through:
# sim0 receives a pcap file on a loop, l2fwd forwards to sim1, whose wire
# discards (tx_pcap=/dev/null). Prints packets, leaked mbufs, capability
# faults and resident memory (first/last/max of samples every few seconds).
# Exit 1 on a leak, a capability fault, or memory growing over the run.
#   soak.sh PACKETS [SAMPLE_SECONDS]
set -uo pipefail
B=${BUILD:-build/gcc}
PACKETS=${1:-100000000}
SAMPLE=${2:-5}
L2FWD="$B/examples/l2fwd"
MKPCAP="$B/tools/mkpcap"
[ -x "$L2FWD" ] && [ -x "$MKPCAP" ] || { echo "soak: build l2fwd and mkpcap first"; exit 1; }
dir=$(mktemp -d /tmp/capdk-soak.XXXXXX)
trap 'rm -rf "$dir"' EXIT
"$MKPCAP" "$dir/in.pcap" 1024 64 >/dev/null || exit 1
"$L2FWD" --no-huge -m 128 -l 0-1 --log-level=warning --log-level=cap:err \
	--vdev "sim0,model=82540em,rx_pcap=$dir/in.pcap,loop=1" \
	--vdev sim1,model=82540em,tx_pcap=/dev/null \
	-- -p 3 -T 1 --no-mac-updating >"$dir/out" 2>&1 &
pid=$!
rss=()
start=$(date +%s)
total=0
while kill -0 $pid 2>/dev/null; do
	sleep "$SAMPLE"
	r=$(awk '/^VmRSS/ {print $2}' /proc/$pid/status 2>/dev/null) && rss+=("$r")
	total=$(sed -n 's/^Total packets sent: *//p' "$dir/out" | tail -1)
	total=${total:-0}
	[ "$total" -ge "$PACKETS" ] && break
done
kill -INT $pid 2>/dev/null
wait $pid
rc=$?
secs=$(( $(date +%s) - start ))
total=$(sed -n 's/^Total packets sent: *//p' "$dir/out" | tail -1)
leaked=$(sed -n 's/^mbufs in use after closing the ports: //p' "$dir/out")
faults=$(grep -c "capability fault" "$dir/out")
first=${rss[0]:-0}; last=${rss[-1]:-0}; max=0
for r in "${rss[@]}"; do [ "$r" -gt "$max" ] && max=$r; done
echo "soak_packets ${total:-0} packets"
echo "soak_seconds $secs s"
echo "soak_rate $(( ${total:-0} / (secs > 0 ? secs : 1) )) packets/s"
echo "soak_leaked_mbufs ${leaked:-unknown} mbufs"
echo "soak_cap_faults $faults faults"
echo "soak_rss_first $first KiB"
echo "soak_rss_last $last KiB"
echo "soak_rss_max $max KiB"
echo "soak_rss_samples ${#rss[@]} samples"
ok=1
[ $rc = 0 ] || { echo "soak: l2fwd exited $rc"; tail -20 "$dir/out"; ok=0; }
[ "${total:-0}" -ge "$PACKETS" ] || { echo "soak: only ${total:-0} of $PACKETS packets"; ok=0; }
[ "${leaked:-x}" = 0 ] || { echo "soak: mbufs leaked"; ok=0; }
[ "$faults" = 0 ] || { echo "soak: capability faults"; grep "capability fault" "$dir/out" | head; ok=0; }
# Flat memory: the last sample within 10 % (and 8 MiB) of the first
# steady one (the first sample includes start-up).
if [ ${#rss[@]} -ge 3 ]; then
	base=${rss[1]}
	[ "$last" -le $(( base + base / 10 + 8192 )) ] || { echo "soak: RSS grew from $base to $last KiB"; ok=0; }
fi
[ $ok = 1 ]
