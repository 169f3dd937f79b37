#!/usr/bin/env bash
# Build the programs the guest runs, statically linked (the guest has no C
# library): guest_e1000, guest_igb (each with guest_common.c) and the l2fwd
# example, into build/qemu/bin/.
# The library comes from $BUILD (default build/gcc); a sanitizer build
# cannot be linked statically, so then build/gcc is used (and built).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
cache=${CAPDK_QEMU_CACHE:-$root/build/qemu}
build=${BUILD:-build/gcc}
if [[ ${SANITIZE:-0} == 1 || $build == *-san* ]]; then
    build=build/gcc
fi
bin=$cache/bin
mkdir -p "$bin"

lib=$build/libcapdk.a l2obj=$build/obj/examples/l2fwd/main.o
if [[ ! -f $lib || ! -f $l2obj ]]; then
    echo "[qemu-build] make BUILD=$build"
    make -s BUILD="$build" SANITIZE=0 "$lib" "$build/examples/l2fwd" > /dev/null
fi

# libpcap.a needs libdbus-1.a, which needs two functions of libsystemd
# (no static archive in Debian): static_stubs.c stands in for them.
link=(-static -Wl,--whole-archive "$lib" -Wl,--no-whole-archive
      -lnuma -lpcap -ldbus-1 -lpthread -lm)
cflags=(-std=c11 -D_GNU_SOURCE -O2 -g -Wall -Wextra -Werror -Iinclude -I.)
# glibc warns that NSS functions (getpwnam...) need its shared libraries at
# run time; nothing in the guest calls them.
quiet() { grep -v -e 'in statically linked applications requires' -e ': in function' >&2 || true; }

for g in guest_e1000 guest_igb; do
    echo "[qemu-build] $bin/$g (static, $lib)"
    gcc "${cflags[@]}" -o "$bin/$g" "$here/$g.c" "$here/guest_common.c" \
        "$here/static_stubs.c" "${link[@]}" 2> >(quiet)
done
echo "[qemu-build] $bin/l2fwd (static)"
gcc "${cflags[@]}" -o "$bin/l2fwd" "$l2obj" "$here/static_stubs.c" "${link[@]}" 2> >(quiet)
wait
