#!/bin/bash
# What the capability checks cost on a forwarding lcore: the same io-forward
# through two modelled 82540EM NICs and the e1000 driver, built with the
# checks (the normal build) and without (CDK_CAP_CHECKS=0, a build that
# exists only for this), alternating rounds in one run; medians.
set -uo pipefail
B=${BUILD:-build/gcc}
CC_NAME=$(basename "$B" | sed 's/-.*//')
NOCAP="build/${CC_NAME}-nocap"
make --no-print-directory -s CC="$CC_NAME" CDK_CAP_CHECKS=0 \
	"$NOCAP/tests/bench/bench_iofwd" >/dev/null || { echo "# cannot build $NOCAP"; exit 0; }
EAL="-l 0-1 --no-huge -m 512 --no-pci --log-level=err --vdev sim0,model=82540em --vdev sim1,model=82540em,peer=sim0"
APP="-- --seconds 1 --rounds 1 --tx-first 256"
med() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }
checked=(); unchecked=()
for i in 1 2 3 4 5; do
	for v in checked unchecked; do
		bin="$B/tests/bench/bench_iofwd"; [ $v = unchecked ] && bin="$NOCAP/tests/bench/bench_iofwd"
		# shellcheck disable=SC2086
		c=$(timeout 60 "$bin" $EAL $APP --mode sim_e1000 2>/dev/null |
			awk '$1 == "capdk_iofwd_sim_e1000_cycles_per_pkt" { print $2 }')
		[ -n "$c" ] || continue
		if [ $v = checked ]; then checked+=("$c"); else unchecked+=("$c"); fi
	done
done
c=$(printf '%s\n' "${checked[@]}" | med); u=$(printf '%s\n' "${unchecked[@]}" | med)
echo "capcost_sim_e1000_checked_cycles_per_pkt $c cycles/pkt"
echo "capcost_sim_e1000_unchecked_cycles_per_pkt $u cycles/pkt"
awk -v c="$c" -v u="$u" 'BEGIN { if (u > 0) printf "capcost_sim_e1000_overhead %.1f %%\n", (c - u) * 100 / u }'
