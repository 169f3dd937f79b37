#!/bin/bash
# A pcap file written by net_pcap is one tcpdump reads: frames go from a
# file through l2fwd (net_pcap0 rx_pcap -> net_pcap1 tx_pcap) into another
# file, which tcpdump must read whole and find identical, byte for byte, to
# the input. Exit 0: pass, 77: skip (no tcpdump or no l2fwd), else fail.
set -uo pipefail
B=${BUILD:?}
L2FWD="$B/examples/l2fwd"
N=20
fail() { echo "FAIL: $*"; exit 1; }

command -v tcpdump >/dev/null 2>&1 || { echo "SKIP: tcpdump not installed"; exit 77; }
[ -x "$L2FWD" ] || { echo "SKIP: $L2FWD not built"; exit 77; }
TMP=$(mktemp -d /tmp/capdk-pcap-tcpdump.XXXXXX) || exit 1
trap 'rm -rf "$TMP"' EXIT

# A classic pcap file (little endian, microseconds, Ethernet) of N frames
# of 60 + i bytes: broadcast, from 02:00:00:00:00:i, ethertype 0x88b5.
byte() { printf '%b' "$(printf '\\x%02x' "$1")"; }
le32() { byte $(($1 & 255)); byte $(($1 >> 8 & 255)); byte $(($1 >> 16 & 255)); byte $(($1 >> 24 & 255)); }
{
	printf '\xd4\xc3\xb2\xa1\x02\x00\x04\x00'
	le32 0; le32 0; le32 65535; le32 1
	for i in $(seq 0 $((N - 1))); do
		len=$((60 + i))
		le32 $((1700000000 + i)); le32 0; le32 $len; le32 $len
		printf '\xff\xff\xff\xff\xff\xff\x02\x00\x00\x00\x00'
		byte "$i"
		printf '\x88\xb5'
		for k in $(seq 14 $((len - 1))); do byte $(((k * 7 + i) & 255)); done
	done
} >"$TMP/in.pcap"
tcpdump -r "$TMP/in.pcap" -nn >/dev/null 2>&1 || fail "tcpdump cannot read the input file made here"

out=$(timeout --preserve-status -s INT 2 "$L2FWD" --no-huge -m 128 -l 0-1 --no-pci \
	--log-level=warning --vdev "net_pcap0,rx_pcap=$TMP/in.pcap" \
	--vdev "net_pcap1,tx_pcap=$TMP/out.pcap" -- -p 3 -T 0 --no-mac-updating 2>&1)
rc=$?
[ $rc = 0 ] || fail "l2fwd exited $rc: $out"
[ -s "$TMP/out.pcap" ] || fail "net_pcap1 wrote nothing"

# one line per frame starts with its timestamp; unknown payloads add hex lines
got=$(tcpdump -r "$TMP/out.pcap" -c $N -nn 2>"$TMP/err" | grep -c "^[0-9]")
[ "$got" = $N ] || fail "tcpdump -c $N read $got frames: $(cat "$TMP/err")"
all=$(tcpdump -r "$TMP/out.pcap" -nn 2>/dev/null | grep -c "^[0-9]")
[ "$all" = $N ] || fail "the file holds $all frames, not $N"
tcpdump -r "$TMP/in.pcap" -nn -t -xx >"$TMP/in.txt" 2>/dev/null
tcpdump -r "$TMP/out.pcap" -nn -t -xx >"$TMP/out.txt" 2>/dev/null
diff -q "$TMP/in.txt" "$TMP/out.txt" >/dev/null ||
	fail "frames differ: $(diff "$TMP/in.txt" "$TMP/out.txt" | head -n 6)"
echo "tcpdump read the $N frames net_pcap wrote, identical to the input"
