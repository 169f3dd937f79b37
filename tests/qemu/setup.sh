#!/usr/bin/env bash
# Prepare the QEMU guest: host packages, a Debian kernel and a busybox
# initramfs with uio_pci_generic (and vfio-pci). Idempotent; results are
# cached under build/qemu/.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cache=${CAPDK_QEMU_CACHE:-$root/build/qemu}
mkdir -p "$cache"

say() { echo "[qemu-setup] $*"; }

# Host tools. The guest kernel is not installed on the host: its package is
# only downloaded and unpacked into the cache.
need=()
for p in qemu-system-x86 busybox-static cpio kmod xz-utils zstd; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || need+=("$p")
done
if ((${#need[@]})); then
    say "installing ${need[*]}"
    timeout 600 apt-get update -qq
    DEBIAN_FRONTEND=noninteractive timeout 900 \
        apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

# Kernel: the package linux-image-amd64 currently depends on.
kpkg=$(apt-cache depends linux-image-amd64 2>/dev/null |
       awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
if [[ -z $kpkg ]]; then
    timeout 600 apt-get update -qq
    kpkg=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
fi
kver=${kpkg#linux-image-}
kdir=$cache/kernel-$kver
if [[ ! -f $kdir/vmlinuz ]]; then
    say "fetching $kpkg"
    tmp=$(mktemp -d "$cache/tmp.XXXXXX")
    trap 'rm -rf "$tmp"' EXIT
    (cd "$tmp" && timeout 600 apt-get download -q "$kpkg" 2>&1 | grep -v '^W: Download is performed unsandboxed' || true)
    dpkg-deb -x "$tmp"/"$kpkg"_*.deb "$tmp/x"
    mkdir -p "$kdir.new/modules"
    cp "$tmp/x/boot/vmlinuz-$kver" "$kdir.new/vmlinuz"
    cp "$tmp/x/boot/config-$kver" "$kdir.new/config"
    cp -a "$tmp/x/lib/modules/$kver/." "$kdir.new/modules/"
    rm -rf "$kdir" && mv "$kdir.new" "$kdir"
    rm -rf "$tmp"; trap - EXIT
fi

# Modules wanted in the guest, with their dependencies in load order. No
# e1000/e1000e/igb: no kernel driver may claim the NICs.
wanted="uio_pci_generic vfio_iommu_type1 vfio-pci"
mods=()
add_mod() { # name: append its dependencies, then itself
    local f dep
    f=$(find "$kdir/modules/kernel" -name "$1.ko*" -o -name "${1//_/-}.ko*" | head -1)
    [[ -n $f ]] || { say "module $1 not in $kpkg"; exit 1; }
    for dep in $(modinfo -F depends "$f" | tr ',' ' '); do add_mod "$dep"; done
    [[ " ${mods[*]-} " == *" $f "* ]] || mods+=("$f")
}
for m in $wanted; do add_mod "$m"; done

initrd=$cache/initramfs-$kver.cpio.gz
stamp="$kpkg $(sha256sum "$here/init" "$here/setup.sh" /bin/busybox | cut -c1-16 | tr '\n' ' ')"
if [[ -f $initrd && -f $initrd.stamp && $(cat "$initrd.stamp") == "$stamp" ]]; then
    say "initramfs up to date: $initrd ($(du -h "$initrd" | cut -f1))"
else
    say "building initramfs for $kver"
    st=$(mktemp -d "$cache/tmp.XXXXXX")
    trap 'rm -rf "$st"' EXIT
    mkdir -p "$st"/{bin,dev,proc,sys,tmp,run,capdk} "$st/lib/modules/$kver"
    cp /bin/busybox "$st/bin/busybox"
    for a in $(/bin/busybox --list); do
        [[ $a == busybox ]] || ln -s busybox "$st/bin/$a"
    done
    ln -s bin "$st/sbin"
    cp "$here/init" "$st/init"; chmod 755 "$st/init"
    : > "$st/lib/modules/$kver/load-order"
    for f in "${mods[@]}"; do
        rel=${f#"$kdir/modules/"}
        mkdir -p "$st/lib/modules/$kver/$(dirname "$rel")"
        case $f in
            *.xz)  xz -dc "$f" > "$st/lib/modules/$kver/${rel%.xz}" ;;
            *.zst) zstd -qdc "$f" > "$st/lib/modules/$kver/${rel%.zst}" ;;
            *)     cp "$f" "$st/lib/modules/$kver/$rel" ;;
        esac
        echo "$rel" | sed -E 's/\.(xz|zst|gz)$//' >> "$st/lib/modules/$kver/load-order"
    done
    cp "$kdir/modules/modules.builtin" "$st/lib/modules/$kver/"
    depmod -b "$st" "$kver" 2>/dev/null
    (cd "$st" && find . | LC_ALL=C sort | cpio -o -H newc --owner 0:0 --quiet) | gzip -9 > "$initrd.new"
    truncate -s %4 "$initrd.new"  # a cpio appended per run must start 4-aligned
    mv "$initrd.new" "$initrd"
    echo "$stamp" > "$initrd.stamp"
    rm -rf "$st"; trap - EXIT
    say "modules: $(for f in "${mods[@]}"; do basename "$f"; done | tr '\n' ' ')"
    say "initramfs: $initrd ($(du -h "$initrd" | cut -f1))"
fi
ln -sf "kernel-$kver/vmlinuz" "$cache/vmlinuz"
ln -sf "initramfs-$kver.cpio.gz" "$cache/initramfs.cpio.gz"
say "kernel $kver, $(qemu-system-x86_64 --version | head -1)"
