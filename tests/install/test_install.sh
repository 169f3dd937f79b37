#!/bin/bash
# make install into a temporary prefix, then build and run a program outside
# the tree with nothing but pkg-config's flags for capdk.
set -euo pipefail
B=${BUILD:?}
prefix=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$prefix" "$work"' EXIT
make --no-print-directory -s install BUILD="$B" PREFIX="$prefix" CC="${CC:-gcc}" \
	SANITIZE="${SANITIZE:-0}" >/dev/null
test -f "$prefix/lib/pkgconfig/capdk.pc"
test -f "$prefix/include/capdk/cdk_eal.h"
test ! -e "$prefix/include/capdk/cdk_cap_authority.h" # minting stays inside
cat >"$work/hello.c" <<'C'
#include <stdio.h>
#include <cdk_eal.h>
int main(int argc, char **argv)
{
	int n = cdk_eal_init(argc, argv);
	if (n < 0)
		return 1;
	printf("consumed %d lcores %u\n", n, cdk_lcore_count());
	return cdk_eal_cleanup();
}
C
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
# A sanitizer build of the library needs its runtime in the program too.
SAN=""
[ "${SANITIZE:-0}" = 1 ] && SAN="-fsanitize=address,undefined"
# shellcheck disable=SC2046
cc $SAN -o "$work/hello" "$work/hello.c" $(pkg-config --cflags --libs capdk)
out=$(LD_LIBRARY_PATH="$prefix/lib" "$work/hello" --no-huge -m 16 -l 0 --log-level=err)
echo "$out"
[ "$out" = "consumed 6 lcores 1" ]
# static linking through Libs.private
# shellcheck disable=SC2046
cc $SAN -o "$work/hello-static" "$work/hello.c" $(pkg-config --cflags capdk) \
	"$prefix/lib/libcapdk.a" $(pkg-config --static --libs-only-other --libs-only-l capdk | sed 's/-lcapdk//')
out=$("$work/hello-static" --no-huge -m 16 -l 0 --log-level=err)
[ "$out" = "consumed 6 lcores 1" ]
echo "install ok"
