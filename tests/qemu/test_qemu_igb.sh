#!/usr/bin/env bash
# net_e1000_igb against QEMU 10's 82576 model (-device igb) in a guest, the
# NICs bound to uio_pci_generic: guest_igb (host echo byte-exact both ways,
# a hub pair, RSS over 4 queues checked against Toeplitz and RETA), then the
# l2fwd example forwarding host traffic between two guest igb NICs, with one
# queue and with --queues 2 (RSS spreading UDP flows over 2 lcores).
# Exit 0: all passed; 77: the Debian 13 root with QEMU 10 cannot be built
# here, or QEMU cannot start (the reason is printed).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
cache=${CAPDK_QEMU_CACHE:-$root/build/qemu}
count=${CAPDK_QEMU_FRAMES:-200}
flows=${CAPDK_QEMU_FLOWS:-64} per_flow=${CAPDK_QEMU_PER_FLOW:-4}
t_start=$SECONDS
fails=0 peers=() guest=

say() { echo "[qemu-igb] $*"; }
skip() { echo "SKIP: $*"; exit 77; }
stop_all() {
    local p
    [[ -n $guest ]] && kill "$guest" 2>/dev/null && wait "$guest" 2>/dev/null
    for p in "${peers[@]}"; do kill "$p" 2>/dev/null || true; done
}
trap stop_all EXIT
trap 'exit 1' INT TERM

# The guest (kernel, initramfs) and QEMU 10 in a Debian 13 root.
tmp=${TMPDIR:-/tmp}/capdk-qemu-igb-setup.$$
if ! "$here/setup.sh" > "$tmp" 2>&1; then
    tail -5 "$tmp"; rm -f "$tmp"
    skip "tests/qemu/setup.sh failed (kernel or busybox not available)"
fi
if ! "$here/setup-trixie-qemu.sh" > "$tmp" 2>&1; then
    tail -5 "$tmp"; rm -f "$tmp"
    skip "tests/qemu/setup-trixie-qemu.sh could not build the Debian 13 root with QEMU 10 (-device igb)"
fi
say "$(tail -1 "$tmp" | sed 's/^\[qemu-trixie\] //')"
rm -f "$tmp"

# The guest programs, static: guest_igb and l2fwd.
"$here/build-guest.sh" > /dev/null
bin=$cache/bin
[[ -x $bin/guest_igb ]] || { say "FAIL: guest_igb did not build"; exit 1; }

# peer LOG ARGS...: start a host peer (killed at exit if still running).
peer_pids=()
peer() {
    local log=$1
    shift
    timeout 100 "$@" > "$log" 2>&1 &
    peer_pids+=($!)
    peers+=($!)
}

# run NAME -- RUN-GUEST-ARGS: the guest program must exit 0, and every peer
# started with peer() since the last run must exit 0.
run() {
    local name=$1 log=$cache/test-igb-$1.log t0=$SECONDS rc=0 prc=0 p s
    shift 2
    "$here/run-guest.sh" --log "$log" --timeout 90 "$@" > /dev/null 2> "$log.err" &
    guest=$!
    wait "$guest" || rc=$?
    guest=
    for p in "${peer_pids[@]}"; do
        for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
        kill "$p" 2>/dev/null || true
        s=0; wait "$p" || s=$?
        ((s)) && prc=$s
    done
    peer_pids=()
    grep -E '^(PASS|FAIL|RSS|RETA|guest-l2fwd|l2fwd: (Total|Lcore|Port|MAC|Statistics|  queue)|[0-9]+ passed|  (port[0-9]|flow|frame) )' \
        "$log" 2>/dev/null | sed 's/^/    /' || true
    for p in "$log".peer*; do [[ -f $p ]] && sed 's/^/    host: /' "$p"; done
    # No kernel driver may hold an igb NIC (the initramfs has no igb module).
    if grep -q '^guest: running' "$log" 2>/dev/null; then
        local nics held
        nics=$(grep -cE '^  [0-9a-f:.]+ 0x0200[0-9a-f]{2} 8086:10c9 ' "$log" || true)
        held=$(grep -E '^  [0-9a-f:.]+ 0x0200[0-9a-f]{2} 8086:10c9 ' "$log" | grep -vc ' uio_pci_generic$' || true)
        echo "    guest: $nics igb NICs (8086:10c9), $held not on uio_pci_generic"
        ((nics > 0 && held == 0)) || { ((rc)) || rc=1; }
    fi
    if ((rc == 125)) && ! grep -q '^guest: ' "$log" 2>/dev/null; then
        tail -3 "$log.err" | sed 's/^/    /'
        if ((fails == 0)) && [[ $name == uio-igb ]]; then
            skip "QEMU 10 did not start the guest ($(tail -1 "$log.err"))"
        fi
    fi
    if ((rc != 0 || prc != 0)); then
        say "FAIL $name: guest exit $rc, host peer exit $prc ($((SECONDS - t0)) s, log $log)"
        fails=$((fails + 1))
    else
        say "PASS $name ($((SECONDS - t0)) s)"
    fi
}

port() { echo $((20000 + RANDOM % 40000)); }
eal=(-l 0-1 --iova-mode=pa -m 128)
rm -f "$cache"/test-igb-*.log*

# guest_igb: port 0 echoed by the host, port 1 (4 queues, RSS) fed UDP flows
# by the host, ports 2 and 3 on hub 0 (2 queues each, RSS on: the test
# frames are not IP and all land on queue 0).
pe=$(port) pr=$(port)
peer "$cache/test-igb-uio-igb.log.peer-echo" "$here/udp-peer.py" -p "$pe" -l $((pe + 1)) \
    -n "$count" -t 80 --verify echo
peer "$cache/test-igb-uio-igb.log.peer-rss" "$here/igb-rss-peer.py" -p "$pr" -l $((pr + 1)) \
    -f "$flows" -k "$per_flow" -t 80 rss
run uio-igb -- --hugepages 128 \
    --nic "igb,udp=$pe:$((pe + 1))" --nic "igb,udp=$pr:$((pr + 1))" --nic igb --nic igb \
    -- "$bin/guest_igb" "${eal[@]}" -- --queues 1:4 --queues 2:2 --queues 3:2 \
    --host 0 --rss 1 --flows "$flows" --per-flow "$per_flow" \
    --pair 2:3 --pair 3:2 --count "$count"

# l2fwd, one queue: the host sends test frames into NIC 0 (udp p0) and
# expects them back, byte-exact and in order, from NIC 1 (udp p1).
p0=$(port) p1=$(port)
peer "$cache/test-igb-l2fwd.log.peer" "$here/udp-peer.py" -p "$p1" -l $((p0 + 1)) -n 100 -t 60 fwd
run l2fwd -- --hugepages 128 \
    --nic "igb,udp=$p0:$((p0 + 1))" --nic "igb,udp=$p1:$((p1 + 1))" \
    --file "$bin/l2fwd" -- "$here/guest-l2fwd.sh" 100 45 \
    "${eal[@]}" -- -p 0x3 --no-mac-updating -T 1

# l2fwd --queues 2 -q 2: RSS spreads the host's UDP flows over 2 queues per
# port, one lcore per queue pair; each flow must come back in order.
p0=$(port) p1=$(port)
peer "$cache/test-igb-l2fwd-q2.log.peer" "$here/igb-rss-peer.py" -p "$p1" -l $((p0 + 1)) \
    -f "$flows" -k "$per_flow" -t 60 fwd
run l2fwd-q2 -- --hugepages 128 \
    --nic "igb,udp=$p0:$((p0 + 1))" --nic "igb,udp=$p1:$((p1 + 1))" \
    --file "$bin/l2fwd" -- "$here/guest-igb-l2fwd.sh" $((flows * per_flow)) 45 \
    "${eal[@]}" -- -p 0x3 --no-mac-updating -T 1 --queues 2 -q 2

say "$((SECONDS - t_start)) s in all"
if ((fails)); then
    say "$fails failed"
    exit 1
fi
say "all passed"
