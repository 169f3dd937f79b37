# Helpers for the DPDK compatibility tests (sourced).
B=$(cd "${BUILD:?}" && pwd)
PC_DIR="$B/pkgconfig"
EXAMPLES=/usr/share/dpdk/examples
EAL="--no-huge -m 128 --log-level=warning"
fail() { echo "FAIL: $*"; exit 1; }
skip() { echo "SKIP: $*"; exit 77; }

# apt-get install, as root, what is missing; skip the test if impossible.
need_pkg() { # need_pkg PACKAGE TEST-PATH
	[ -e "$2" ] && return 0
	[ "$(id -u)" = 0 ] || skip "$1 is not installed and we are not root to install it"
	command -v apt-get >/dev/null || skip "$1 is not installed and there is no apt-get"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >/dev/null 2>&1 ||
		skip "cannot install $1 with apt-get"
	[ -e "$2" ] || skip "$1 installed but $2 is missing"
}

[ -f "$PC_DIR/libdpdk.pc" ] || fail "$PC_DIR/libdpdk.pc missing (make compat)"
need_pkg dpdk-doc "$EXAMPLES/skeleton/Makefile"
command -v pkg-config >/dev/null || skip "pkg-config is not installed"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# build_sample NAME: copy DPDK's sample, unmodified, and build both targets
# with its own Makefile against capdk. Leaves the binaries in $WORK/NAME/build.
build_sample() {
	cp -r "$EXAMPLES/$1" "$WORK/$1"
	for t in shared static; do
		PKG_CONFIG_PATH="$PC_DIR" make -C "$WORK/$1" "$t" >"$WORK/$1.$t.log" 2>&1 ||
			fail "$1: make $t failed: $(tail -20 "$WORK/$1.$t.log")"
	done
	local app
	app=$(sed -n 's/^APP *= *//p' "$WORK/$1/Makefile")
	SHARED="$WORK/$1/build/$app-shared"
	STATIC="$WORK/$1/build/$app-static"
	[ -x "$SHARED" ] && [ -x "$STATIC" ] || fail "$1: binaries missing"
	# each is linked against this build of capdk, the way its name says
	local deps
	deps=$(ldd "$SHARED")
	grep -q "$B/libcapdk.so" <<<"$deps" || fail "$1: shared binary does not use $B/libcapdk.so"
	deps=$(ldd "$STATIC")
	! grep -q libcapdk <<<"$deps" || fail "$1: static binary loads libcapdk.so"
	deps=$(nm "$STATIC")
	grep -q ' T cdk_eal_init$' <<<"$deps" || fail "$1: static binary lacks capdk"
	echo "$1: built (shared and static)"
}

# port_stats PID: "ipackets opackets" of ports 0 and 1 (one line each) of a
# running capdk process, read in one stop by calling cdk_eth_stats_get in it
# under gdb, so that the two are a consistent snapshot.
port_stats() {
	gdb -p "$1" -batch -nx \
		-ex 'set $st = (struct cdk_eth_stats *) malloc(sizeof(struct cdk_eth_stats))' \
		-ex 'printf "rc=%d\n", (int)cdk_eth_stats_get(0, $st)' \
		-ex 'printf "stats %lu %lu\n", $st->ipackets, $st->opackets' \
		-ex 'printf "rc=%d\n", (int)cdk_eth_stats_get(1, $st)' \
		-ex 'printf "stats %lu %lu\n", $st->ipackets, $st->opackets' 2>/dev/null |
		awk '/^rc=/ {ok = ($0 == "rc=0")} /^stats / && ok {print $2, $3}'
}

# pcap_hex FILE: the frames of a pcap file, one hex line each (no times).
pcap_hex() {
	tcpdump -r "$1" -n -t -xx 2>/dev/null | awk '
		/^[^\t ]/ { if (f != "") print f; f = ""; next }
		{ for (i = 2; i <= NF; i++) f = f $i }
		END { if (f != "") print f }'
}
