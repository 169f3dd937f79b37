#!/bin/bash
# Instructions per packet of the e1000 and igb rx and tx bursts alone
# (bench_driver_path under callgrind: inclusive Ir of each burst function
# divided by the packets it handled). Prints "name value unit" lines:
#   driver_<drv>_rx_instr_per_pkt, driver_<drv>_tx_instr_per_pkt (drv: e1000,
#   igb, igb_l2: igb with packet types and RSS off, as l2fwd sets it)
# BUILD selects the build (build/gcc, build/gcc-nocap, ...).
set -eu
B=${BUILD:-build/gcc}
BIN=${BIN:-$B/tests/bench/bench_driver_path}
command -v valgrind >/dev/null || { echo "# valgrind missing: skipped"; exit 0; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# igb_l2 is igb with packet types and RSS off: the same functions, so each
# driver gets a run of its own
for d in e1000 igb igb_l2; do
	valgrind --tool=callgrind --callgrind-out-file="$out/cg.$d" "$BIN" \
		-l 0-1 --no-huge -m 512 --no-pci --log-level=err -- \
		--iters 200 --rounds 5 --driver "$d" >"$out/stdout.$d" 2>"$out/stderr" ||
		{ cat "$out/stderr" >&2; exit 1; }
	callgrind_annotate --inclusive=yes --threshold=100 "$out/cg.$d" >"$out/ann.$d" 2>/dev/null
done
ir_of() { # inclusive Ir of function $2 in driver $1's run
	awk -v f="$2" '$0 ~ (":" f " ") || $0 ~ (":" f "$") { gsub(",", "", $1); print $1; exit }' "$out/ann.$1"
}
for d in e1000 igb igb_l2; do
	pkts=$(awk -v n="driver_${d}_pkts" '$1 == n { print $2 }' "$out/stdout.$d")
	[ -n "$pkts" ] || continue
	# the warm-up laps are in the counts too: 4 laps of 512 + 16 bursts of 32
	pkts=$((pkts + 4 * 512 + 16 * 32))
	fn=${d%_l2}
	rx=$(ir_of "$d" "${fn}_recv_pkts"); tx=$(ir_of "$d" "${fn}_xmit_pkts")
	awk -v d="$d" -v rx="$rx" -v tx="$tx" -v p="$pkts" 'BEGIN {
		printf "driver_%s_rx_instr_per_pkt %.1f instr\n", d, rx / p
		printf "driver_%s_tx_instr_per_pkt %.1f instr\n", d, tx / p
		printf "driver_%s_fwd_instr_per_pkt %.1f instr\n", d, (rx + tx) / p }'
done
