#!/bin/bash
# What the capability checks cost the drivers: the e1000 and igb bursts
# alone against a fake device (bench_driver_path), built with the checks
# (the normal build) and without (CDK_CAP_CHECKS=0, a build that exists only
# for this). Cycles per packet, alternating runs, medians; and instructions
# per packet under callgrind, which do not depend on the machine's load;
# and io forwarding against the e1000 model, the whole forwarding lcore:
# cycles (noisy: the model's share varies from run to run by more than the
# checks cost) and, under callgrind, instructions, also against the 82576
# model for igb.
set -uo pipefail
B=${BUILD:-build/gcc}
CC_NAME=$(basename "$B" | sed 's/-.*//')
NOCAP="build/${CC_NAME}-nocap"
make --no-print-directory -s BUILD="$NOCAP" CC="$CC_NAME" CDK_CAP_CHECKS=0 \
	"$NOCAP/tests/bench/bench_driver_path" "$NOCAP/tests/bench/bench_iofwd" >/dev/null ||
	{ echo "# cannot build $NOCAP"; exit 0; }
EAL="-l 0-1 --no-huge -m 512 --no-pci --log-level=err"
med() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }
declare -A runs
for i in 1 2 3 4 5; do
	for v in checked unchecked; do
		bin="$B/tests/bench/bench_driver_path"; [ $v = unchecked ] && bin="$NOCAP/tests/bench/bench_driver_path"
		# shellcheck disable=SC2086
		out=$(timeout 120 "$bin" $EAL 2>/dev/null)
		for d in e1000 igb; do
			runs[$v.$d]+="$(awk -v n="driver_${d}_fwd_cycles_per_pkt" '$1 == n { print $2 }' <<<"$out") "
		done
	done
done
for d in e1000 igb; do
	c=$(tr ' ' '\n' <<<"${runs[checked.$d]}" | grep . | med)
	u=$(tr ' ' '\n' <<<"${runs[unchecked.$d]}" | grep . | med)
	echo "capcost_${d}_checked_cycles_per_pkt $c cycles/pkt"
	echo "capcost_${d}_unchecked_cycles_per_pkt $u cycles/pkt"
	awk -v c="$c" -v u="$u" -v d="$d" 'BEGIN { if (u > 0) printf "capcost_%s_cycles_overhead %.1f %%\n", d, (c - u) * 100 / u }'
done
# The issue's own measure: io forwarding between two modelled 82540EM NICs
# cabled back to back, cycles per packet on the forwarding lcore (which
# also serves the models' doorbells). The model's work dominates; the
# driver-only figures above bound what the checks add.
for i in 1 2 3 4 5; do
	for v in checked unchecked; do
		bin="$B/tests/bench/bench_iofwd"; [ $v = unchecked ] && bin="$NOCAP/tests/bench/bench_iofwd"
		# shellcheck disable=SC2086
		out=$(timeout 120 "$bin" $EAL --vdev sim0,model=82540em --vdev sim1,model=82540em,peer=sim0 \
			-- --mode e1000_sim --tx-first 64 --seconds 1 --rounds 3 2>/dev/null)
		runs[$v.model]+="$(awk '$1 == "capdk_iofwd_e1000_sim_cycles_per_pkt" { print $2 }' <<<"$out") "
	done
done
c=$(tr ' ' '\n' <<<"${runs[checked.model]}" | grep . | med)
u=$(tr ' ' '\n' <<<"${runs[unchecked.model]}" | grep . | med)
echo "# model runs, checked: ${runs[checked.model]}"
echo "# model runs, unchecked: ${runs[unchecked.model]}"
echo "capcost_e1000_model_checked_cycles_per_pkt $c cycles/pkt"
echo "capcost_e1000_model_unchecked_cycles_per_pkt $u cycles/pkt"
awk -v c="$c" -v u="$u" 'BEGIN { if (u > 0) printf "capcost_e1000_model_cycles_overhead %.1f %%\n", (c - u) * 100 / u }'
if command -v valgrind >/dev/null; then
	ci=$(BUILD=$B tests/bench/callgrind-driver-path.sh 2>/dev/null)
	ui=$(BUILD=$NOCAP tests/bench/callgrind-driver-path.sh 2>/dev/null)
	for d in e1000 igb; do
		c=$(awk -v d="$d" '$1 ~ "^driver_" d "_(rx|tx)_instr_per_pkt$" { s += $2 } END { print s }' <<<"$ci")
		u=$(awk -v d="$d" '$1 ~ "^driver_" d "_(rx|tx)_instr_per_pkt$" { s += $2 } END { print s }' <<<"$ui")
		echo "capcost_${d}_checked_instr_per_pkt $c instructions/pkt"
		echo "capcost_${d}_unchecked_instr_per_pkt $u instructions/pkt"
		awk -v c="$c" -v u="$u" -v d="$d" 'BEGIN { if (u > 0) printf "capcost_%s_instr_overhead %.1f %%\n", d, (c - u) * 100 / u }'
	done
fi
# The forwarding lcore's instructions per packet against the models
# (inclusive Ir of bench_iofwd's fwd_loop over the packets it forwarded):
# the issue's measure without the noise.
fwd_instr() { # build model mode -> instructions per packet
	local cg
	cg=$(mktemp)
	# shellcheck disable=SC2086
	pk=$(valgrind --tool=callgrind --callgrind-out-file="$cg" "$1/tests/bench/bench_iofwd" $EAL \
		--vdev "sim0,model=$2" --vdev "sim1,model=$2,peer=sim0" -- --mode "$3" \
		--tx-first 64 --seconds 2 --rounds 1 2>/dev/null |
		awk -v n="capdk_iofwd_$3_pkts" '$1 == n { print $2 }')
	ir=$(callgrind_annotate --inclusive=yes "$cg" 2>/dev/null |
		awk '/bench_iofwd.c:fwd_loop / { gsub(",", "", $1); print $1; exit }')
	rm -f "$cg"
	awk -v i="$ir" -v p="$pk" 'BEGIN { if (p > 0 && i > 0) printf "%.1f", i / p }'
}
if command -v valgrind >/dev/null; then
	for m in "e1000 82540em e1000_sim" "igb 82576 igb_sim"; do
		read -r d model mode <<<"$m"
		c=$(fwd_instr "$B" "$model" "$mode")
		u=$(fwd_instr "$NOCAP" "$model" "$mode")
		echo "capcost_${d}_model_checked_instr_per_pkt $c instructions/pkt"
		echo "capcost_${d}_model_unchecked_instr_per_pkt $u instructions/pkt"
		awk -v c="$c" -v u="$u" -v d="$d" 'BEGIN { if (u > 0) printf "capcost_%s_model_instr_overhead %.2f %%\n", d, (c - u) * 100 / u }'
	done
fi
