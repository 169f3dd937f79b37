#!/bin/bash
# More of DPDK 22.11's samples, unmodified, built against capdk with their
# own Makefiles and run: helloworld (lcores), l2fwd (tx buffers, stats),
# rxtx_callbacks (rx/tx callbacks, dynamic mbuf fields). A sample that uses
# what capdk lacks must fail to build, naming it. The rte_ headers compile
# cleanly with -Wall -Wextra -Werror.
set -uo pipefail
. "$(dirname "$0")/compat_lib.sh"

# every provided header, alone, warning-free (C11 and the samples' -O3)
for h in "$(dirname "$0")"/../../include/rte/rte_*.h; do
	grep -q '^#error' "$h" && continue
	printf '#include <%s>\nint main(void) { return 0; }\n' "$(basename "$h")" >"$WORK/h.c"
	# shellcheck disable=SC2046
	cc -std=gnu11 -O3 -Wall -Wextra -Werror -DALLOW_EXPERIMENTAL_API \
		$(PKG_CONFIG_PATH="$PC_DIR" pkg-config --cflags libdpdk) -c "$WORK/h.c" -o "$WORK/h.o" \
		2>"$WORK/h.log" || fail "$(basename "$h") does not compile cleanly: $(cat "$WORK/h.log")"
done
echo "headers: each compiles cleanly"

# helloworld: "hello from core N" from each lcore, then a clean exit
build_sample helloworld
for bin in "$SHARED" "$STATIC"; do
	out=$(timeout 20 "$bin" $EAL -l 0-1 2>&1) || fail "helloworld exited $?: $out"
	grep -q "hello from core 0" <<<"$out" && grep -q "hello from core 1" <<<"$out" ||
		fail "helloworld: not every lcore said hello: $out"
done
echo "helloworld: ok"

# l2fwd: prints its statistics every second (-T 1); ring ports primed with frames
build_sample l2fwd
total() { sed -n "s/^Total packets $1: *//p" <<<"$2" | tail -1; }
for bin in "$SHARED" "$STATIC"; do
	out=$(timeout --preserve-status -s INT 3 "$bin" $EAL -l 0-1 \
		--vdev net_ring0,fill=64 --vdev net_ring1,fill=64 -- -p 3 -T 1 2>&1)
	rc=$?
	[ $rc = 0 ] || fail "l2fwd exited $rc: $out"
	rx=$(total received "$out"); tx=$(total sent "$out"); drop=$(total dropped "$out")
	echo "l2fwd ($(basename "$bin")): received $rx sent $tx dropped $drop"
	[ -n "$rx" ] && [ "$rx" -gt 1280 ] || fail "l2fwd: too few packets: $out"
	[ $((tx + drop)) -le $((rx + 128)) ] && [ $((tx + drop)) -ge "$rx" ] ||
		fail "l2fwd: sent+dropped $((tx + drop)) does not match received $rx"
	grep -q "Bye" <<<"$out" || fail "l2fwd: no clean exit"
done

# rxtx_callbacks: an rx callback stamps each mbuf (dynamic field), a tx
# callback averages the latency and prints it every 100M packets; no exit,
# so read what it printed through a pty (line-buffered) and kill it.
build_sample rxtx_callbacks
command -v script >/dev/null || skip "script (util-linux) is not installed"
for bin in "$SHARED" "$STATIC"; do
	out=$(timeout -s KILL 8 script -qfec "$bin $EAL -l 0 --vdev net_ring0,fill=64 \
		--vdev net_ring1,peer=net_ring0,fill=64" /dev/null 2>&1)
	n=$(grep -c "Latency = [0-9]* cycles" <<<"$out")
	echo "rxtx_callbacks ($(basename "$bin")): $n latency reports"
	[ "$n" -ge 1 ] || fail "rxtx_callbacks: no latency reported: $out"
done

# link_status_interrupt needs link interrupts: it must not build, and say why
cp -r "$EXAMPLES/link_status_interrupt" "$WORK/lsi"
if PKG_CONFIG_PATH="$PC_DIR" make -C "$WORK/lsi" static >"$WORK/lsi.log" 2>&1; then
	fail "link_status_interrupt built, but capdk has no link interrupts"
fi
grep -q "rte_eth_dev_callback_register.*not supported by capdk" "$WORK/lsi.log" ||
	fail "link_status_interrupt: no clear message: $(tail -5 "$WORK/lsi.log")"
echo "link_status_interrupt: refused at compile time, naming rte_eth_dev_callback_register"
echo "samples ok"
