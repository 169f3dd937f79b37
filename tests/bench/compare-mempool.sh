#!/bin/bash
# Mempool get+put, cycles per object, capdk's bench_mempool against the same
# loop on DPDK 22.11's mempool (dpdk_mempool.c, built here against Debian's
# libdpdk), alternating runs, medians; the ratios capdk/DPDK (below 1: capdk
# is cheaper). DPDK's own mempool_perf_autotest measures the same work but
# reaches its cached cases only after about 20 minutes.
set -uo pipefail
B=${BUILD:-build/gcc}
here=$(dirname "$0")
pkg-config --exists libdpdk 2>/dev/null || { echo "# compare-mempool: no libdpdk (dpdk-dev)"; exit 0; }
W=$(mktemp -d)
trap 'rm -rf "$W" /var/run/dpdk/capdkmp$$' EXIT
# shellcheck disable=SC2046
cc -O2 -march=corei7 -o "$W/dpdk_mempool" "$here/dpdk_mempool.c" $(pkg-config --cflags --libs libdpdk) \
	2>"$W/cc.log" || { echo "# compare-mempool: build failed: $(head -3 "$W/cc.log")"; exit 0; }
for i in 1 2 3 4 5; do
	timeout 60 "$B/tests/bench/bench_mempool" 2>/dev/null | grep -v 2cores >>"$W/capdk"
	timeout 60 "$W/dpdk_mempool" -l 0 --no-huge -m 256 --no-pci --file-prefix capdkmp$$ \
		--log-level=error 2>/dev/null >>"$W/dpdk"
done
med() { awk -v n="$1" '$1 == n { print $2 }' "$2" | sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }
for t in cache512_bulk32 cache512_bulk8 cache512_bulk1 nocache_bulk32; do
	c=$(med "mempool_$t" "$W/capdk"); d=$(med "dpdk_mempool_$t" "$W/dpdk")
	echo "capdk_mempool_$t $c cycles/obj"
	echo "dpdk_mempool_$t $d cycles/obj"
	awk -v c="$c" -v d="$d" -v t="$t" 'BEGIN { if (d > 0) printf "ratio_mempool_%s_capdk_over_dpdk %.2f x\n", t, c / d }'
done
