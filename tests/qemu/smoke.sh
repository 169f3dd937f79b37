#!/usr/bin/env bash
# Smoke test of the QEMU guest: pci_probe reads each emulated NIC's registers
# through uio_pci_generic and exchanges frames through the hub and the host.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cache=${CAPDK_QEMU_CACHE:-$root/build/qemu}
fails=0

"$here/setup.sh"
mkdir -p "$cache/bin"
echo "[smoke] gcc -static pci_probe.c"
gcc -static -O2 -Wall -o "$cache/bin/pci_probe" "$here/pci_probe.c"

# case NAME EXPECT-LINES... -- run-guest.sh ARGS: the run must exit 0 and its
# output must contain every expected line (extended regular expressions).
case_() {
    local name=$1 expect=() out; shift
    while [[ $1 != -- ]]; do expect+=("$1"); shift; done; shift
    out=$cache/smoke-$name.log
    echo "[smoke] $name: run-guest.sh $*"
    local t0=$SECONDS rc=0
    "$here/run-guest.sh" --log "$out" "$@" > /dev/null 2>"$out.err" || rc=$?
    local bad=()
    ((rc == 0)) || bad+=("exit status $rc")
    for e in "${expect[@]}"; do grep -Eq "$e" "$out" 2>/dev/null || bad+=("missing: $e"); done
    grep -E '^(nic |pair:|echo:)' "$out" 2>/dev/null | sed 's/^/    /' || true
    if ((${#bad[@]})); then
        printf '    %s\n' "${bad[@]}"; tail -3 "$out.err" | sed 's/^/    /'
        echo "[smoke] FAIL $name ($((SECONDS - t0)) s, log $out)"; fails=$((fails + 1))
    else
        echo "[smoke] PASS $name ($((SECONDS - t0)) s)"
    fi
}

nicline() { # index id mac
    echo "^nic $1 [0-9a-f:.]+ $2 driver=uio_pci_generic .* mac=$3 av=1 busmaster=on$"
}
probe=$cache/bin/pci_probe

case_ e1000-pair "$(nicline 0 8086:100e 52:54:00:ca:fe:01)" "$(nicline 1 8086:100e 52:54:00:ca:fe:02)" \
    'pair: .*: 4/4 frames byte-exact' '^QEMU-GUEST-EXIT=0$' -- \
    --nic e1000,mac=52:54:00:ca:fe:01 --nic e1000,mac=52:54:00:ca:fe:02 --timeout 120 \
    -- "$probe" --pair 0 1 --pair 1 0

case_ e1000e-pair "$(nicline 0 8086:10d3 52:54:00:ca:fe:03)" "$(nicline 1 8086:10d3 52:54:00:ca:fe:04)" \
    'pair: .*: 4/4 frames byte-exact' -- \
    --nic e1000e,mac=52:54:00:ca:fe:03 --nic e1000e,mac=52:54:00:ca:fe:04 --timeout 120 \
    -- "$probe" --pair 0 1 --pair 1 0

port=$((40000 + RANDOM % 20000))
timeout 130 "$here/udp-peer.py" -p "$port" -l $((port + 1)) -n 4 -t 120 echo > "$cache/smoke-peer.log" 2>&1 &
peer=$!
case_ e1000-host-echo "$(nicline 0 8086:100e 52:54:00:12:34:56)" 'echo: .*: 4/4 frames byte-exact' -- \
    --nic "e1000,udp=$port:$((port + 1))" --timeout 120 -- "$probe" --echo 0
wait "$peer" || { echo "[smoke] host peer: $(tail -1 "$cache/smoke-peer.log")"; fails=$((fails + 1)); }

if [[ -f $cache/trixie/.ready ]]; then
    case_ igb-probe "$(nicline 0 8086:10c9 52:54:00:ca:fe:05)" "$(nicline 1 8086:10c9 52:54:00:ca:fe:06)" -- \
        --nic igb,mac=52:54:00:ca:fe:05 --nic igb,mac=52:54:00:ca:fe:06 --timeout 120 -- "$probe"
else
    echo "[smoke] SKIP igb: no QEMU >= 8 (run tests/qemu/setup-trixie-qemu.sh)"
fi

((fails == 0)) && echo "[smoke] all passed" || echo "[smoke] $fails failed"
((fails == 0))
