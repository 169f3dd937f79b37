#!/usr/bin/env bash
# Run a static program in a QEMU guest whose emulated Intel NICs are bound to
# uio_pci_generic; print the console and exit with the program's status
# (125: the guest did not boot or did not finish in time).
#
# run-guest.sh [--nic SPEC]... [--timeout S] [--hugepages N] [--bind DRIVER]
#              [--file HOST[:GUEST]]... [--dump DIR] [--log FILE]
#              [--qemu-arg ARG]... -- PROGRAM [ARGS...]
#   SPEC    MODEL[,mac=MAC][,hub=N | ,udp=PEERPORT:LOCALPORT | ,none]
#           MODEL is e1000, e1000e or igb (igb needs setup-trixie-qemu.sh).
#           Default link: hub 0, where every frame a port sends reaches the
#           other ports. udp=P:L joins the NIC to a host program: QEMU sends
#           each frame as one datagram to 127.0.0.1:P and receives on :L.
#           MACs default to 52:54:00:12:34:56, :57, ... in --nic order.
#   DRIVER  uio_pci_generic (default) or vfio-pci (adds an emulated IOMMU).
#   --file  copies HOST into the guest as /capdk/GUEST (default: its name);
#           the program runs in /capdk.
#   --dump  writes DIR/nicN.pcap with each NIC's traffic.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cache=${CAPDK_QEMU_CACHE:-$root/build/qemu}
trixie=$cache/trixie

nics=() files=() extra=() timeout=120 pages=64 bind=uio_pci_generic dump='' log=''
usage() { sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 125; }
while (($#)); do
    case $1 in
        --nic) nics+=("$2"); shift 2 ;;
        --timeout) timeout=$2; shift 2 ;;
        --hugepages) pages=$2; shift 2 ;;
        --bind) bind=$2; shift 2 ;;
        --file) files+=("$2"); shift 2 ;;
        --dump) dump=$2; shift 2 ;;
        --log) log=$2; shift 2 ;;
        --qemu-arg) extra+=("$2"); shift 2 ;;
        --) shift; break ;;
        *) usage ;;
    esac
done
(($#)) || usage
prog=$1; shift
[[ -f $prog ]] || { echo "run-guest: no such program: $prog" >&2; exit 125; }
[[ -f $cache/vmlinuz && -f $cache/initramfs.cpio.gz ]] ||
    { echo "run-guest: run tests/qemu/setup.sh first" >&2; exit 125; }
if readelf -l "$prog" 2>/dev/null | grep -q 'Requesting program interpreter'; then
    echo "run-guest: warning: $prog is dynamically linked; the guest has no libraries" >&2
fi

# igb exists only in QEMU >= 8: use the trixie root's QEMU for it.
use_trixie=${CAPDK_QEMU_TRIXIE:-0}
for n in "${nics[@]}"; do [[ ${n%%,*} == igb ]] && use_trixie=1; done
if ((use_trixie)) && [[ ! -f $trixie/.ready ]]; then
    echo "run-guest: igb needs QEMU >= 8: run tests/qemu/setup-trixie-qemu.sh" >&2
    exit 125
fi
vis=$cache                       # the cache as QEMU sees it
((use_trixie)) && vis=/mnt/capdk

run=$(mktemp -d "$cache/run.XXXXXX")
qpid=
cleanup() {
    if [[ -n $qpid ]]; then
        kill -TERM "$qpid" 2>/dev/null || true
        wait "$qpid" 2>/dev/null || true
    fi
    rm -rf "$run"
}
trap cleanup EXIT
trap 'exit 125' INT TERM

# Per-run overlay, appended to the base initramfs.
mkdir -p "$run/ov/capdk"
cp "$prog" "$run/ov/capdk/prog"; chmod 755 "$run/ov/capdk/prog"
basename "$prog" > "$run/ov/capdk/name"
: > "$run/ov/capdk/args"
for a in "$@"; do printf '%s\n' "$a" >> "$run/ov/capdk/args"; done
for f in "${files[@]}"; do
    src=${f%%:*} dst=${f#*:}; [[ $f == *:* ]] || dst=$(basename "$src")
    mkdir -p "$run/ov/capdk/$(dirname "$dst")"; cp -r "$src" "$run/ov/capdk/$dst"
done
(cd "$run/ov" && find . | LC_ALL=C sort | cpio -o -H newc --owner 0:0 --quiet) > "$run/ov.cpio"
cat "$cache/initramfs.cpio.gz" "$run/ov.cpio" > "$run/initrd"

append="console=ttyS0 quiet panic=-1 capdk.hugepages=$pages capdk.bind=$bind"
machine=q35
if [[ $bind == vfio-pci ]]; then
    machine=q35,kernel-irqchip=split
    append+=" intel_iommu=on iommu=pt"
    extra=(-device "intel-iommu,intremap=on,aw-bits=${CAPDK_QEMU_IOMMU_AW:-48}" "${extra[@]}")
fi
qargs=(-accel tcg -M "$machine" -m 1024 -smp 2 -nographic -no-reboot -nic none -vga none
       -kernel "$vis/vmlinuz" -initrd "$vis/${run##*/}/initrd" -append "$append")
i=0
for n in "${nics[@]}"; do
    model=${n%%,*} mac=$(printf '52:54:00:12:34:%02x' $((0x56 + i))) link=hub=0
    IFS=, read -ra kv <<< "${n#"$model"}"
    for o in "${kv[@]}"; do
        case $o in
            '') ;;
            mac=*) mac=${o#mac=} ;;
            hub=*|udp=*|none) link=$o ;;
            *) echo "run-guest: bad --nic option: $o" >&2; exit 125 ;;
        esac
    done
    case $link in
        hub=*) qargs+=(-netdev "hubport,id=n$i,hubid=${link#hub=}") ;;
        udp=*) p=${link#udp=}
               qargs+=(-netdev "socket,id=n$i,udp=127.0.0.1:${p%%:*},localaddr=127.0.0.1:${p#*:}") ;;
    esac
    # Slots 1, 3, 5...: QEMU 10's igb reserves slot+16 and slot+17 for its VFs.
    dev="$model,mac=$mac,romfile=,addr=$(printf '%#x' $((1 + 2 * i))).0"
    if [[ $link == none ]]; then
        qargs+=(-device "$dev")
    else
        qargs+=(-device "$dev,netdev=n$i")
        [[ -n $dump ]] && qargs+=(-object "filter-dump,id=d$i,netdev=n$i,file=$vis/${run##*/}/nic$i.pcap")
    fi
    i=$((i + 1))
done
qargs+=("${extra[@]}")

if ((use_trixie)); then
    qemu=(unshare --mount --propagation private sh -c '
        t=$1; c=$2; shift 2
        mount --bind /dev "$t/dev" && mount -t proc proc "$t/proc" &&
        mkdir -p "$t/mnt/capdk" && mount --bind "$c" "$t/mnt/capdk" &&
        exec chroot "$t" qemu-system-x86_64 "$@"' sh "$trixie" "$cache" "${qargs[@]}")
else
    qemu=(qemu-system-x86_64 "${qargs[@]}")
fi

echo "run-guest: $( ((use_trixie)) && echo 'trixie ')qemu-system-x86_64 ${qargs[*]}" >&2
start=$(date +%s.%N)
# The console exists before tail looks for it: the background job's own
# redirection may come later, and a tail that finds no file gives up.
: > "$run/console"
timeout -k 5 "$timeout" "${qemu[@]}" < /dev/null >> "$run/console" 2>&1 &
qpid=$!
tail -s 0.2 -n +1 -f --pid="$qpid" "$run/console" | sed -u 's/\r//g'
qrc=0; wait "$qpid" || qrc=$?
qpid=
secs=$(echo "$(date +%s.%N) - $start" | bc)
tr -d '\r' < "$run/console" > "$run/console.txt"
[[ -n $log ]] && cp "$run/console.txt" "$log"
if [[ -n $dump ]]; then mkdir -p "$dump"; cp "$run"/nic*.pcap "$dump"/ 2>/dev/null || true; fi

rc=$(sed -n 's/^.*QEMU-GUEST-EXIT=\([0-9]\{1,3\}\)$/\1/p' "$run/console.txt" | tail -1)
if [[ -z $rc ]]; then
    if ((qrc == 124 || qrc == 137)); then
        echo "run-guest: timed out after ${timeout}s" >&2
    else
        echo "run-guest: guest failed (qemu status $qrc)" >&2
    fi
    exit 125
fi
printf 'run-guest: program exited %s, guest ran %.1f s\n' "$rc" "$secs" >&2
exit "$rc"
