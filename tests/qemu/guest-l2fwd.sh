#!/bin/sh
# In the guest: run ./l2fwd with the given arguments until it has sent N
# frames or S seconds have passed, stop it with SIGINT, show its output.
#   guest-l2fwd.sh N S L2FWD-ARGS...
# Exits 0 when l2fwd exited 0 having sent at least N frames.
n=$1 secs=$2
shift 2
./l2fwd "$@" > /tmp/l2fwd.log 2>&1 &
pid=$!
sent=0 t=0
while [ "$t" -lt "$secs" ] && kill -0 "$pid" 2>/dev/null; do
    sleep 1
    t=$((t + 1))
    sent=$(sed -n 's/^Total packets sent: *//p' /tmp/l2fwd.log | tail -1)
    [ "${sent:-0}" -ge "$n" ] && break
done
kill -INT "$pid" 2>/dev/null
wait "$pid"
rc=$?
grep -v '^$' /tmp/l2fwd.log | grep -v -e '^Packets \(sent\|received\|dropped\)' \
    -e '^Statistics for port' -e '^Port statistics' -e '^Aggregate' -e '^====' \
    -e '^Total packets' | sed 's/^/l2fwd: /'
sed -n '/^Aggregate statistics/,/^====/p' /tmp/l2fwd.log | tail -5 | sed 's/^/l2fwd: /'
sent=$(sed -n 's/^Total packets sent: *//p' /tmp/l2fwd.log | tail -1)
echo "guest-l2fwd: l2fwd exited $rc after ${t} s, ${sent:-0} frames sent (want >= $n)"
[ "$rc" -eq 0 ] && [ "${sent:-0}" -ge "$n" ]
