#!/bin/bash
# l2fwd end to end: on two primed ring ports and on two null ports it
# forwards, its counters agree, every mbuf returns to the pool, and it stops
# cleanly on SIGINT; bad options fail with a message.
set -uo pipefail
B=${BUILD:?}
L2FWD="$B/examples/l2fwd"
EAL="--no-huge -m 128 -l 0-1 --log-level=warning"
fail() { echo "FAIL: $*"; exit 1; }
total() { sed -n "s/^Total packets $1: *//p" <<<"$2" | tail -1; }

# ring ports: 2 x 128 frames circulate between the ports
out=$(timeout --preserve-status -s INT 2 "$L2FWD" $EAL --vdev net_ring0,fill=128 --vdev net_ring1,fill=128 \
	-- -p 3 -T 0 2>&1)
rc=$?
[ $rc = 0 ] || fail "l2fwd on ring ports exited $rc: $out"
rx=$(total received "$out"); tx=$(total sent "$out"); drop=$(total dropped "$out")
echo "ring: received $rx sent $tx dropped $drop"
[ "$rx" -gt 256 ] || fail "ring: too few packets received ($rx)"
# what went out was received, or is one of the 256 primed frames
[ $((tx + drop)) -le $((rx + 256)) ] || fail "ring: sent+dropped $((tx + drop)) > received $rx + 256"
[ $((tx + drop)) -ge "$rx" ] || fail "ring: received $rx but only $((tx + drop)) sent or dropped"
grep -q "mbufs in use after closing the ports: 0" <<<"$out" || fail "ring: mbufs leaked: $out"
grep -q "Bye" <<<"$out" || fail "ring: no clean exit"

# null ports: every packet received is sent (null tx takes all)
out=$(timeout --preserve-status -s INT 1 "$L2FWD" $EAL --vdev net_null0 --vdev net_null1 -- -p 3 -T 0 --no-mac-updating 2>&1)
rc=$?
[ $rc = 0 ] || fail "l2fwd on null ports exited $rc"
rx=$(total received "$out"); tx=$(total sent "$out"); drop=$(total dropped "$out")
echo "null: received $rx sent $tx dropped $drop"
[ "$rx" -gt 1000 ] || fail "null: too few packets ($rx)"
[ "$rx" = "$tx" ] || fail "null: received $rx != sent $tx"
[ "$drop" = 0 ] || fail "null: dropped $drop"
grep -q "MAC updating disabled" <<<"$out" || fail "null: --no-mac-updating ignored"
grep -q "mbufs in use after closing the ports: 0" <<<"$out" || fail "null: mbufs leaked"

# a stop asked for while the EAL is still starting: a clean exit, not death
# by SIGINT (the handler is installed before the EAL starts)
out=$(timeout --preserve-status -s INT 0.05 "$L2FWD" $EAL --vdev net_null0 --vdev net_null1 -- -p 3 2>&1)
rc=$?
[ $rc = 0 ] || fail "early SIGINT: exit $rc: $out"
grep -q "Bye" <<<"$out" || fail "early SIGINT: no clean end: $out"

# bad application options: non-zero exit and a message naming the problem
for args in "-p 0" "-p zz" "-q 0" "-T -1" "-p 3 extra" "-p 4"; do
	# shellcheck disable=SC2086
	out=$(timeout 10 "$L2FWD" $EAL --vdev net_null0 --vdev net_null1 -- $args 2>&1)
	[ $? != 0 ] || fail "'$args' accepted"
	grep -qiE "invalid|unexpected" <<<"$out" || fail "'$args': no message: $out"
done
echo "l2fwd ok"
