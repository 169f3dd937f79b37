#!/bin/bash
# Run every benchmark; each prints "name value unit" lines.
set -u
B=${BUILD:-build/gcc}
EAL="--no-huge -m 256 -l 0-1 --no-pci --log-level=err"
for b in "$B"/tests/bench/bench_*; do
	[ -x "$b" ] || continue
	echo "# $(basename "$b")"
	extra=()
	# the driver paths also with igb queues on one lcore and on two
	[ "$(basename "$b")" = bench_driver_path ] && extra=(-- --scale 1)
	"$b" $EAL "${extra[@]}" || echo "# $(basename "$b") failed: exit $?"
done
for s in tests/bench/compare-*.sh; do
	[ -x "$s" ] || continue
	echo "# $(basename "$s")"
	BUILD="$B" "$s" || echo "# $(basename "$s") failed: exit $?"
done
