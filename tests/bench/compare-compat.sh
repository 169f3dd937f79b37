#!/bin/bash
# One application, two frameworks: DPDK 22.11's own l2fwd sample, unmodified,
# built (shared, as Debian ships DPDK) once against capdk (its libdpdk.pc)
# and once against Debian's DPDK,
# forwarding between two net_null ports on one lcore, in the same run.
# Rate = growth of l2fwd's own "Total packets sent" per second, median of
# its once-a-second statistics. Prints "name value unit" lines and the ratio.
set -uo pipefail
B=$(cd "${BUILD:-build/gcc}" && pwd)
SECS=${COMPAT_BENCH_SECONDS:-6}
EX=/usr/share/dpdk/examples/l2fwd
for p in dpdk-doc:$EX/Makefile dpdk-dev:/usr/lib/x86_64-linux-gnu/pkgconfig/libdpdk.pc; do
	if [ ! -e "${p#*:}" ]; then
		[ "$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${p%%:*}" \
			>/dev/null 2>&1 || { echo "# compare-compat: ${p%%:*} not available"; exit 0; }
	fi
done
W=$(mktemp -d)
trap 'rm -rf "$W" /var/run/dpdk/capdkcompat$$' EXIT
build() { # build NAME PKG_CONFIG_PATH
	cp -r "$EX" "$W/$1"
	PKG_CONFIG_PATH="$2" make -C "$W/$1" shared >"$W/$1.log" 2>&1 ||
		{ echo "# compare-compat: $1 build failed: $(tail -3 "$W/$1.log" | tr '\n' ' ')"; return 1; }
}
build capdk "$B/pkgconfig" && build dpdk "" || exit 0
rate() { # rate BINARY [EAL...]: median per-second growth of total sent
	timeout -s INT "$SECS" "$@" --vdev net_null0 --vdev net_null1 -l 1 -- -p 3 -q 2 -T 1 2>&1 |
		sed -n 's/^Total packets sent: *//p' |
		awk 'NR > 1 { print $1 - prev } { prev = $1 }' | sort -n |
		awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'
}
c=$(rate "$W/capdk/build/l2fwd-shared" --no-huge -m 512 --log-level=error)
d=$(rate "$W/dpdk/build/l2fwd-shared" --no-huge -m 512 --no-pci --file-prefix capdkcompat$$ \
	--log-level=error)
echo "compat_l2fwd_null_capdk_pps ${c:-0} pps"
echo "compat_l2fwd_null_dpdk_pps ${d:-0} pps"
awk -v c="${c:-0}" -v d="${d:-0}" 'BEGIN { if (d > 0) printf "ratio_compat_l2fwd_null_capdk_over_dpdk %.2f x\n", c / d }'
