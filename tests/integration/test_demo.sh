#!/bin/bash
# make run's demo, short: frames flow from a pcap through two modelled
# NICs and l2fwd into another pcap, and everything sent is on the wire.
set -uo pipefail
B=${BUILD:?}
fail() { echo "FAIL: $*"; exit 1; }
out=$(BUILD=$B DEMO_SECONDS=2 tools/demo.sh 2>&1) || fail "demo failed: $(tail -5 <<<"$out")"
grep -q "port0/rxq0 *mmio *\[0x2818, +4) W *RDT" <<<"$out" || fail "no doorbell slice in the report"
line=$(grep "== summary" <<<"$out")
echo "$line"
grep -q "every frame sent reached the wire" <<<"$line" || fail "frames lost: $line"
n=$(sed -n 's/.*port 1 sent \([0-9]*\);.*/\1/p' <<<"$line")
[ "$n" -gt 1000 ] || fail "too few frames forwarded: $n"
grep -q "mbufs in use after closing the ports: 0" <<<"$out" || fail "mbufs leaked"
out=$(BUILD=$B DEMO=ring DEMO_SECONDS=1 tools/demo.sh 2>&1) || fail "ring demo failed"
grep -q "Bye" <<<"$out" || fail "ring demo did not end cleanly"
echo "demo ok"
