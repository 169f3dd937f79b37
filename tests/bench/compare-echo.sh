#!/bin/bash
# Echo round trips side by side in one run: capdk's echo example over
# (a) two net_ring ports joined as a pair, (b) two modelled 82540EM NICs
# back to back (when the e1000 driver is there), and (c) a kernel UDP socket
# echo over loopback. Prints "name value unit" lines and ratios.
set -uo pipefail
B=${BUILD:-build/gcc}
EAL="--no-huge -m 256 -l 0-1 --log-level=error"
ECHO="$B/examples/echo"

# echo's output line: rtt_us p50 X p90 X p99 X p99.9 X max X (...)
field() { sed -n "s/.* $1 \([0-9.]*\).*/\1/p" <<<"$2" | head -1; }
rate() { sed -n 's/.* \([0-9]*\) replies\/s/\1/p' <<<"$1" | head -1; }

run_capdk() { # name, vdev args...
	local name=$1; shift
	for o in 1 8; do
		out=$(timeout 30 "$ECHO" $EAL "$@" -- --server-port 1 --client-port 0 \
			--seconds 2 --outstanding $o 2>&1) || { echo "# $name o$o failed: $out" | head -3; continue; }
		echo "capdk_echo_${name}_o${o}_rtt_p50 $(field p50 "$out") us"
		echo "capdk_echo_${name}_o${o}_rtt_p99 $(field p99 "$out") us"
		echo "capdk_echo_${name}_o${o}_rate $(rate "$out") replies/s"
	done
}

results=$(
	run_capdk ring --vdev net_ring0 --vdev net_ring1,peer=net_ring0
	if "$ECHO" $EAL --vdev sim0,model=82540em -- --server-port 0 --seconds 0 \
		--client-port 9 >/dev/null 2>&1 || grep -q net_e1000_em "$B/libcapdk.a" 2>/dev/null; then
		run_capdk sim_e1000 --vdev sim0,model=82540em --vdev sim1,model=82540em,peer=sim0
	fi
	"$B/tests/bench/bench_sock_echo"
)
echo "$results"
get() { awk -v n="$1" '$1 == n { print $2 }' <<<"$results"; }
ratio() { # name, numerator, denominator
	local a b
	a=$(get "$2"); b=$(get "$3")
	[ -n "$a" ] && [ -n "$b" ] && awk -v a="$a" -v b="$b" -v n="$1" \
		'BEGIN { if (b > 0) printf "%s %.2f x\n", n, a / b }'
}
for o in 1 8; do
	ratio "ratio_echo_o${o}_rtt_p50_sock_over_capdk_ring" "sock_echo_o${o}_rtt_p50" "capdk_echo_ring_o${o}_rtt_p50"
	ratio "ratio_echo_o${o}_rate_capdk_ring_over_sock" "capdk_echo_ring_o${o}_rate" "sock_echo_o${o}_rate"
	ratio "ratio_echo_o${o}_rtt_p50_sock_over_capdk_sim_e1000" "sock_echo_o${o}_rtt_p50" "capdk_echo_sim_e1000_o${o}_rtt_p50"
	ratio "ratio_echo_o${o}_rate_capdk_sim_e1000_over_sock" "capdk_echo_sim_e1000_o${o}_rate" "sock_echo_o${o}_rate"
done
