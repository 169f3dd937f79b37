#!/bin/bash
# The echo example end to end on a pair of ring ports: every request comes
# back, latency percentiles are printed, nothing leaks; bad options fail.
set -uo pipefail
B=${BUILD:?}
ECHO="$B/examples/echo"
EAL="--no-huge -m 128 -l 0-1 --log-level=warning --vdev net_ring0 --vdev net_ring1,peer=net_ring0"
fail() { echo "FAIL: $*"; exit 1; }

# a fixed number of requests, 4 in flight
out=$(timeout 60 "$ECHO" $EAL -- --server-port 1 --client-port 0 --count 20000 \
	--outstanding 4 --size 128 --histogram 2>&1) || fail "echo exited $?: $out"
echo "$out" | head -3
grep -q "client: sent 20000, received 20000, lost 0 (0.000 %), bad replies 0" <<<"$out" || fail "not every reply: $out"
grep -q "server: received 20000, echoed 20000, dropped 0, not requests 0" <<<"$out" || fail "server counts"
grep -Eq "rtt_us p50 [0-9.]+ p90 [0-9.]+ p99 [0-9.]+ p99.9 [0-9.]+ max [0-9.]+ \(20000 samples\)" <<<"$out" \
	|| fail "no percentiles"
grep -q "round-trip histogram" <<<"$out" || fail "no histogram"
grep -q "mbufs in use after closing the ports: 0" <<<"$out" || fail "mbufs leaked"

# open loop at a fixed rate for half a second: about rate/2 requests
out=$(timeout 60 "$ECHO" $EAL -- --server-port 1 --client-port 0 --rate 20000 \
	--seconds 0.5 2>&1) || fail "rate mode exited $?"
sent=$(sed -n 's/^client: sent \([0-9]*\),.*/\1/p' <<<"$out")
[ "$sent" -ge 9000 ] && [ "$sent" -le 10100 ] || fail "rate 20000/s for 0.5 s sent $sent"

# bad options: a message and a non-zero exit
for args in "--size 20 --server-port 1 --client-port 0" "--client-port 0" \
	"--server-port 1 --client-port 1" "--server-port 5" "--rate abc --server-port 1" \
	"--server-port 1 stray"; do
	# shellcheck disable=SC2086
	out=$(timeout 20 "$ECHO" $EAL -- $args 2>&1) && fail "'$args' accepted"
	grep -q "echo: invalid" <<<"$out" || fail "'$args': no message: $out"
done
echo "echo ok"
