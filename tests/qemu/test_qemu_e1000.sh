#!/usr/bin/env bash
# net_e1000_em against QEMU's e1000 (82540EM) and e1000e (82574L) in a guest:
# guest_e1000 through uio_pci_generic on each model, through vfio-pci, and
# the l2fwd example forwarding host traffic between two guest NICs.
# Exit 0: all passed; 77: QEMU cannot start here (the reason is printed).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
cache=${CAPDK_QEMU_CACHE:-$root/build/qemu}
count=${CAPDK_QEMU_FRAMES:-200}
t_start=$SECONDS
fails=0 peers=() guest=

say() { echo "[qemu-e1000] $*"; }
skip() { echo "SKIP: $*"; exit 77; }
# On any exit, stop what is still running: run-guest.sh kills its QEMU when
# it gets SIGTERM.
stop_all() {
    local p
    [[ -n $guest ]] && kill "$guest" 2>/dev/null && wait "$guest" 2>/dev/null
    for p in "${peers[@]}"; do kill "$p" 2>/dev/null || true; done
}
trap stop_all EXIT
trap 'exit 1' INT TERM

# The guest: kernel, initramfs, QEMU.
if ! "$here/setup.sh" > "${TMPDIR:-/tmp}/capdk-qemu-setup.$$" 2>&1; then
    tail -5 "${TMPDIR:-/tmp}/capdk-qemu-setup.$$"
    rm -f "${TMPDIR:-/tmp}/capdk-qemu-setup.$$"
    skip "tests/qemu/setup.sh failed (QEMU, kernel or busybox not available)"
fi
rm -f "${TMPDIR:-/tmp}/capdk-qemu-setup.$$"
command -v qemu-system-x86_64 > /dev/null || skip "no qemu-system-x86_64"

# The guest programs, static: guest_e1000 and the l2fwd example.
"$here/build-guest.sh" > /dev/null
bin=$cache/bin

# run NAME PEER-ARGS -- RUN-GUEST-ARGS: the guest program must exit 0 and
# print "0 failed" (or guest-l2fwd's line); the host peer, if any, must
# exit 0. PEER-ARGS is "-" for no peer.
run() {
    local name=$1 peer_args=$2 log=$cache/test-$1.log t0=$SECONDS rc=0 prc=0 peer=
    shift 3
    if [[ $peer_args != - ]]; then
        # shellcheck disable=SC2086
        timeout 100 "$here/udp-peer.py" $peer_args > "$log.peer" 2>&1 &
        peer=$!
        peers+=("$peer")
    fi
    "$here/run-guest.sh" --log "$log" --timeout 90 "$@" > /dev/null 2> "$log.err" &
    guest=$!
    wait "$guest" || rc=$?
    guest=
    if [[ -n $peer ]]; then
        # The peer ends by itself (count reached, or idle); give it a moment.
        for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$peer" 2>/dev/null || break; sleep 0.5; done
        kill "$peer" 2>/dev/null || true
        wait "$peer" || prc=$?
    fi
    grep -E '^(PASS|FAIL|bench|guest-l2fwd|l2fwd: Total|[0-9]+ passed|  port0/.xq0 )' "$log" 2>/dev/null |
        sed 's/^/    /' || true
    [[ -n $peer ]] && sed 's/^/    host: /' "$log.peer"
    if ((rc == 125)) && ! grep -q '^guest: ' "$log" 2>/dev/null; then
        tail -3 "$log.err" | sed 's/^/    /'
        if ((fails == 0)) && [[ $name == uio-e1000 ]]; then
            skip "QEMU did not start the guest ($(tail -1 "$log.err"))"
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
eal_pa=(-l 0-1 --iova-mode=pa -m 64)
eal_va=(-l 0-1 --iova-mode=va -m 64)
tests=(-- --pair 0:1 --pair 1:0 --host 2 --count "$count")

for model in e1000 e1000e; do
    p=$(port)
    run "uio-$model" "-p $p -l $((p + 1)) -n $count -t 80 --verify echo" -- \
        --nic "$model" --nic "$model" --nic "$model,udp=$p:$((p + 1))" \
        -- "$bin/guest_e1000" "${eal_pa[@]}" "${tests[@]}"
done

p=$(port)
# vfio-pci with IOVA = VA (the IOMMU maps EAL memory at its virtual addresses).
run vfio "-p $p -l $((p + 1)) -n $count -t 80 --verify echo" -- \
    --bind vfio-pci --nic e1000 --nic e1000e --nic "e1000,udp=$p:$((p + 1))" \
    -- "$bin/guest_e1000" "${eal_va[@]}" "${tests[@]}"

# vfio-pci with IOVA = PA: the IOMMU maps each IOVA-contiguous run of the
# guest's scattered hugepages (CAPDK_QEMU_VFIO_PA=0 leaves it out).
if [[ ${CAPDK_QEMU_VFIO_PA:-1} == 1 ]]; then
    p=$(port)
    run vfio-pa "-p $p -l $((p + 1)) -n $count -t 80 --verify echo" -- \
        --bind vfio-pci --nic e1000 --nic e1000e --nic "e1000,udp=$p:$((p + 1))" \
        -- "$bin/guest_e1000" "${eal_pa[@]}" "${tests[@]}"
fi

# l2fwd: the host sends into NIC 0 (udp p0) and receives from NIC 1 (udp p1).
p0=$(port) p1=$(port)
run l2fwd "-p $p1 -l $((p0 + 1)) -n 100 -t 60 fwd" -- \
    --nic "e1000,udp=$p0:$((p0 + 1))" --nic "e1000,udp=$p1:$((p1 + 1))" \
    --file "$bin/l2fwd" -- "$here/guest-l2fwd.sh" 100 45 \
    "${eal_pa[@]}" -- -p 0x3 --no-mac-updating -T 1

say "$((SECONDS - t_start)) s in all"
if ((fails)); then
    say "$fails failed"
    exit 1
fi
say "all passed"
