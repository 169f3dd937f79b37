#!/bin/sh
# In the guest: run ./l2fwd with the given arguments until it has sent at
# least N frames and then nothing more for 2 s (copies of the host's probe
# frame may be among them, so a bare count could stop it early), or S
# seconds have passed; stop it with SIGINT, show its output.
#   guest-igb-l2fwd.sh N S L2FWD-ARGS...
# Exits 0 when l2fwd exited 0 having sent at least N frames.
n=$1 secs=$2
shift 2
./l2fwd "$@" > /tmp/l2fwd.log 2>&1 &
pid=$!
sent=0 prev=-1 still=0 t=0
while [ "$t" -lt "$secs" ] && kill -0 "$pid" 2>/dev/null; do
    sleep 1
    t=$((t + 1))
    sent=$(sed -n 's/^Total packets sent: *//p' /tmp/l2fwd.log | tail -1)
    sent=${sent:-0}
    if [ "$sent" -eq "$prev" ]; then still=$((still + 1)); else still=0; fi
    prev=$sent
    [ "$sent" -ge "$n" ] && [ "$still" -ge 2 ] && break
done
kill -INT "$pid" 2>/dev/null
wait "$pid"
rc=$?
grep -v '^$' /tmp/l2fwd.log | grep -v -e '^Packets \(sent\|received\|dropped\)' \
    -e '^Statistics for port' -e '^Port statistics' -e '^Aggregate' -e '^====' \
    -e '^Total packets' -e '^  queue ' | sed 's/^/l2fwd: /'
# The last statistics table: per port, per queue.
awk '/^Port statistics/ { blk = "" } /^Statistics for port|^  queue / { blk = blk $0 "\n" }
     END { printf "%s", blk }' /tmp/l2fwd.log | sed 's/^/l2fwd: /'
sed -n '/^Aggregate statistics/,/^====/p' /tmp/l2fwd.log | tail -5 | sed 's/^/l2fwd: /'
sent=$(sed -n 's/^Total packets sent: *//p' /tmp/l2fwd.log | tail -1)
echo "guest-l2fwd: l2fwd exited $rc after ${t} s, ${sent:-0} frames sent (want >= $n)"
[ "$rc" -eq 0 ] && [ "${sent:-0}" -ge "$n" ] || exit 1
# With --queues, the host's flows into port 0 must reach more than one queue.
case " $* " in
*" --queues "*)
    q=$(awk '/^Port statistics/ { p = -1; k = 0 } /^Statistics for port/ { p = $4 }
             p == 0 && /^  queue / { sub(",", "", $4); if ($4 > 0) k++ } END { print k + 0 }' \
        /tmp/l2fwd.log)
    echo "guest-l2fwd: port 0: $q queues received (want > 1)"
    [ "$q" -gt 1 ] ;;
esac
