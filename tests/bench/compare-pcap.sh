#!/bin/bash
# net_pcap with infinite_rx, capdk against DPDK 22.11, side by side in one
# run: the same pcap file of 64-byte frames, one port, io forwarding on one
# forwarding lcore (-l 0-1), bursts of 32, 32768 mbufs with caches of 250,
# --no-huge on both sides.
#
#   capdk  $BUILD/tests/bench/bench_pcap --vdev net_pcap0,rx_pcap=F,infinite_rx=1
#   DPDK   dpdk-testpmd --vdev net_pcap0,rx_pcap=F,infinite_rx=1
#          --port-topology=loop --forward-mode=io --record-core-cycles,
#          driven through its prompt ("start", wait, "stop") for the rounds
#
# One port forwards to itself: net_pcap without a tx sink drops and frees
# what it is given on both sides, so both loops do the same work (one
# stream; with a second port testpmd would also forward that port's rx).
# Environment: BUILD (default build/gcc), ROUNDS (5), SECONDS_PER_ROUND (1).
# Output: "name value unit" lines, and ratio_pcap_iofwd_capdk_over_dpdk
# (Mpps: above 1 means capdk forwards more).
set -u
BUILD=${BUILD:-build/gcc}
ROUNDS=${ROUNDS:-5}
SECS=${SECONDS_PER_ROUND:-1}
PREFIX=capdkpcap$$
TMP=$(mktemp -d /tmp/capdk-compare-pcap.XXXXXX) || exit 1
BENCH="$BUILD/tests/bench/bench_pcap"
EAL="-l 0-1 --no-huge -m 1024 --no-pci"

CHILDREN=""
bounded() { # $1 = seconds, rest: the command
	local secs=$1
	shift
	timeout -k 5 "$secs" "$@" &
	local pid=$!
	CHILDREN="$CHILDREN $pid"
	wait "$pid"
}
# shellcheck disable=SC2317 # run by the trap
cleanup() {
	# shellcheck disable=SC2086
	[ -n "$CHILDREN" ] && kill $CHILDREN 2>/dev/null
	wait 2>/dev/null
	rm -rf "$TMP" "/var/run/dpdk/$PREFIX"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ ! -x "$BENCH" ]; then
	echo "# $BENCH missing: run make tests first"
	exit 0
fi
F="$TMP/frames.pcap"
"$BENCH" --write "$F" --frames 256 || exit 1
VDEV="net_pcap0,rx_pcap=$F,infinite_rx=1"

# ---- capdk ----
echo "# capdk: $BENCH $EAL --log-level=err --vdev $VDEV -- --rounds $ROUNDS --seconds $SECS"
# shellcheck disable=SC2086
bounded $((ROUNDS * SECS + 30)) "$BENCH" $EAL --log-level=err --vdev "$VDEV" \
	-- --rounds "$ROUNDS" --seconds "$SECS" >"$TMP/capdk.out" 2>"$TMP/capdk.err" ||
	echo "# capdk failed: $(tail -n 2 "$TMP/capdk.err" | tr '\n' ' ')"
grep -v '^#' "$TMP/capdk.out"
capdk_mpps=$(awk '$1 == "capdk_pcap_iofwd_mpps" { print $2 }' "$TMP/capdk.out")

# ---- DPDK ----
if ! command -v dpdk-testpmd >/dev/null 2>&1; then
	echo "# dpdk-testpmd not installed (apt-get install dpdk): no DPDK figures"
	exit 0
fi
echo "# $(dpkg-query -W -f '${Package} ${Version}' dpdk 2>/dev/null || echo dpdk)"
args="$EAL --file-prefix $PREFIX --vdev $VDEV -- -i --port-topology=loop --forward-mode=io --record-core-cycles --burst=32 --total-num-mbufs=32768 --mbcache=250"
echo "# dpdk: dpdk-testpmd $args  (rounds: 'start', ${SECS}s, 'stop')"
out="$TMP/dpdk.txt"
: >"$out"
# Commands go in through a pipe, each once testpmd shows its prompt.
feed() {
	for _ in $(seq 1 300); do
		grep -q 'testpmd> ' "$out" 2>/dev/null && break
		sleep 0.1
	done
	for _ in $(seq 1 "$ROUNDS"); do
		echo "start"
		sleep "$SECS"
		echo "stop"
		sleep 0.2
	done
	echo "quit"
}
# shellcheck disable=SC2086
feed | timeout -k 5 $((ROUNDS * (SECS + 1) + 40)) dpdk-testpmd $args >"$out" 2>&1
rm -rf "/var/run/dpdk/$PREFIX"
# Each "stop" prints the round's accumulated RX-packets and cycles/packet;
# Mpps is packets over the round's wall time (testpmd gives no loop time).
awk -v secs="$SECS" '
	/Accumulated forward statistics/ { acc = 1; next }
	acc && /RX-packets:/ { rx = $2; acc = 0 }
	/CPU cycles\/packet=/ {
		v = $0; sub(/.*CPU cycles\/packet=/, "", v); sub(/ .*/, "", v)
		print v + 0, rx / secs / 1e6
	}' "$out" >"$TMP/dpdk.rounds"
if [ ! -s "$TMP/dpdk.rounds" ]; then
	echo "# dpdk testpmd gave no figures: $(grep -m 2 -E 'EAL: (FATAL|Error)|Cause|rror' "$out" | tr '\n' ' ')"
	exit 0
fi
awk '
	function med(a, n,    i, j, t) {
		for (i = 1; i < n; i++)
			for (j = i; j > 0 && a[j - 1] > a[j]; j--) {
				t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
			}
		return n % 2 ? a[int(n / 2)] : (a[n / 2 - 1] + a[n / 2]) / 2
	}
	BEGIN { n = 0 }
	{ c[n] = $1; m[n] = $2; n++ }
	END {
		printf "dpdk_pcap_iofwd_mpps %.2f Mpps\n", med(m, n)
		printf "dpdk_pcap_iofwd_cycles_per_pkt %.2f cycles/pkt\n", med(c, n)
	}' "$TMP/dpdk.rounds" | tee "$TMP/dpdk.fig"
dpdk_mpps=$(awk '$1 == "dpdk_pcap_iofwd_mpps" { print $2 }' "$TMP/dpdk.fig")
if [ -n "$capdk_mpps" ] && [ -n "$dpdk_mpps" ]; then
	awk -v c="$capdk_mpps" -v d="$dpdk_mpps" 'BEGIN {
		if (d > 0) printf "ratio_pcap_iofwd_capdk_over_dpdk %.2f x\n", c / d
	}'
fi
