#!/usr/bin/env bash
# io-forwarding between two QEMU e1000 NICs on one hub, in one guest, with
# capdk's net_e1000_em (guest_e1000 --bench) and with DPDK 22.11's
# net_e1000_em (Debian's dpdk-testpmd, --forward-mode=io --tx-first),
# alternately. Prints one "name value unit" line per figure:
#   qemu_iofwd_capdk_pps, qemu_iofwd_dpdk_pps, ratio_qemu_iofwd_capdk_over_dpdk
#   bench_qemu.sh [--rounds R] [--seconds S] [--model e1000|e1000e] [--no-mmio]
# Then, unless --no-mmio, one more boot with QEMU tracing every MMIO access
# for one 2 s round of each, and the NIC register accesses per 32 forwarded
# frames (tracing slows the guest: that run counts, it does not time).
# bench_qemu_figures.py computes the figures.
# The guest CPU is "-cpu max": Debian's DPDK needs SSE4.2, which the default
# qemu64 model lacks (testpmd dies of SIGILL there).
# Exit 77 when QEMU or Debian's dpdk package is not there.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
cache=${CAPDK_QEMU_CACHE:-$root/build/qemu}
rounds=15 secs=5 model=e1000 mmio=1
while (($#)); do
    case $1 in
        --rounds) rounds=$2; shift 2 ;;
        --seconds) secs=$2; shift 2 ;;
        --model) model=$2; shift 2 ;;
        --no-mmio) mmio=0; shift ;;
        *) echo "usage: $0 [--rounds R] [--seconds S] [--model e1000|e1000e] [--no-mmio]" >&2; exit 2 ;;
    esac
done
[[ $rounds =~ ^[1-9][0-9]{0,2}$ && $secs =~ ^[1-9][0-9]{0,2}$ ]] ||
    { echo "$0: --rounds and --seconds take whole numbers 1-999 (got '$rounds', '$secs')" >&2; exit 2; }
[[ $model == e1000 || $model == e1000e ]] ||
    { echo "$0: --model e1000 or e1000e (got '$model')" >&2; exit 2; }

say() { echo "# [bench-qemu] $*"; }
"$here/setup.sh" > /dev/null 2>&1 || { say "SKIP: tests/qemu/setup.sh failed"; exit 77; }
testpmd=$(command -v dpdk-testpmd || true)
pmds=$(ls -d /usr/lib/x86_64-linux-gnu/dpdk/pmds-* 2>/dev/null | tail -1)
if [[ -z $testpmd || -z $pmds || ! -f $pmds/librte_net_e1000.so ]]; then
    say "SKIP: no dpdk-testpmd / net_e1000 plugin (apt-get install dpdk)"
    exit 77
fi
"$here/build-guest.sh" > /dev/null

# testpmd, the dynamic loader and every library it and its two plugins
# (the ring mempool and net_e1000) need, for the guest's /capdk/dpdk.
stage=$cache/dpdk-stage
rm -rf "$stage"
mkdir -p "$stage/lib"
plugins=("$pmds/librte_mempool_ring.so.23" "$pmds/librte_net_e1000.so.23")
cp -L "$testpmd" "$stage/dpdk-testpmd"
cp -L /lib64/ld-linux-x86-64.so.2 "$stage/ld.so"
cp -L "${plugins[@]}" "$stage/lib/"
ldd "$testpmd" "${plugins[@]}" | awk '$2 == "=>" && $3 ~ /^\// {print $3}' | sort -u |
    while read -r l; do cp -L "$l" "$stage/lib/"; done
say "testpmd with $(ls "$stage/lib" | wc -l) libraries ($(du -sh "$stage" | cut -f1)) from $(dpkg-query -W -f='${Package} ${Version}' dpdk 2>/dev/null)"

trap 'rm -rf "$stage"' EXIT

log=$cache/bench-qemu.log
grc=0
"$here/run-guest.sh" --log "$log" --timeout $((60 + rounds * (2 * secs + 30))) \
    --hugepages 128 --qemu-arg -cpu --qemu-arg max --nic "$model" --nic "$model" \
    --file "$cache/bin/guest_e1000" --file "$stage:dpdk" \
    -- "$here/guest-bench.sh" "$rounds" "$secs" > /dev/null 2> "$log.err" || grc=$?
grep -E '^(bench:|guest-bench:|qemu_iofwd|FAIL)' "$log" | sed 's/^/# /' || true
rc=0
if ((grc != 0)); then
    tail -30 "$log" | sed 's/^/# /'
    say "guest exit $grc (log $log)"
    rc=1
fi
"$here/bench_qemu_figures.py" pps "$log" || rc=1

if ((mmio)); then
    trace=$cache/bench-qemu-mmio.trace
    rm -f "$trace"
    mrc=0
    "$here/run-guest.sh" --log "$log.mmio" --timeout 240 \
        --hugepages 128 --qemu-arg -cpu --qemu-arg max --nic "$model" --nic "$model" \
        --qemu-arg -D --qemu-arg "$trace" --qemu-arg -trace --qemu-arg 'memory_region_ops_*' \
        --file "$cache/bin/guest_e1000" --file "$stage:dpdk" \
        -- "$here/guest-bench.sh" 1 2 > /dev/null 2> "$log.mmio.err" || mrc=$?
    ((mrc == 0)) || { say "traced run: guest exit $mrc (log $log.mmio)"; rc=1; }
    "$here/bench_qemu_figures.py" mmio "$trace" "$log.mmio" || rc=1
    rm -f "$trace"
fi
exit "$rc"
