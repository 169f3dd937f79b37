#!/usr/bin/env bash
# Optional: a minimal Debian 13 (trixie) root under build/qemu/trixie whose
# QEMU (>= 8) emulates the 82576 (-device igb). run-guest.sh runs it through
# chroot. Idempotent; takes a few minutes the first time.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cache=${CAPDK_QEMU_CACHE:-$root/build/qemu}
dir=$cache/trixie
say() { echo "[qemu-trixie] $*"; }

if [[ -f $dir/.ready ]]; then
    say "ready: $(chroot "$dir" qemu-system-x86_64 --version | head -1)"
    exit 0
fi

dpkg-query -W -f='${Status}' debootstrap 2>/dev/null | grep -q 'ok installed' || {
    say "installing debootstrap"
    DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq debootstrap
}

# The Debian archive this host's apt uses (not the security archive).
mirror=$(
    { cat /etc/apt/sources.list 2>/dev/null | awk '$1 == "deb" && $3 !~ /security/ {print $2}'
      for f in /etc/apt/sources.list.d/*.list; do
          [[ -f $f ]] && awk '$1 == "deb" && $3 !~ /security/ {print $2}' "$f"; done
      for f in /etc/apt/sources.list.d/*.sources; do
          [[ -f $f ]] && awk -v RS= '/Types:[^\n]*deb/ && /Suites:/ && !/-security/ {
              if (match($0, /URIs:[ \t]*[^ \t\n]+/)) { u = substr($0, RSTART, RLENGTH); sub(/URIs:[ \t]*/, "", u); print u } }' "$f"
      done; } | grep -E '/debian/?$' | head -1)
[[ -n $mirror ]] || { say "no Debian archive found in /etc/apt/sources.list*"; exit 1; }
say "mirror $mirror"

if [[ ! -x $dir/usr/bin/apt-get ]]; then
    say "debootstrap trixie (minbase) into $dir"
    rm -rf "$dir"
    timeout 900 debootstrap --variant=minbase trixie "$dir" "$mirror" > "$cache/trixie-debootstrap.log" 2>&1 ||
        { tail -20 "$cache/trixie-debootstrap.log"; say "debootstrap failed (log: $cache/trixie-debootstrap.log)"; exit 1; }
fi

say "installing qemu-system-x86 in the trixie root"
cp /etc/resolv.conf "$dir/etc/resolv.conf"
unshare --mount --propagation private sh -c '
    d=$1
    mount -t proc proc "$d/proc" && mount --bind /dev "$d/dev" &&
    chroot "$d" sh -c "export DEBIAN_FRONTEND=noninteractive;
        apt-get update -qq && apt-get install -y -qq --no-install-recommends qemu-system-x86 &&
        apt-get clean"' sh "$dir" > "$cache/trixie-apt.log" 2>&1 ||
    { tail -20 "$cache/trixie-apt.log"; say "apt-get inside the root failed (log: $cache/trixie-apt.log)"; exit 1; }
mkdir -p "$dir/mnt/capdk"
touch "$dir/.ready"
say "ready: $(chroot "$dir" qemu-system-x86_64 --version | head -1), $(du -sh "$dir" | cut -f1)"
