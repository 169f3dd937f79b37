#!/bin/bash
# l2fwd on two modelled 82576 (net_e1000_igb), two lcores: frames of 16
# UDP flows replayed from a pcap file arrive on sim0, l2fwd forwards them
# out of sim1, whose wire writes them to a pcap file. Checked: l2fwd's
# counters, the frames on sim1's wire (count, length, rewritten MACs,
# payload), every mbuf back in the pool, a clean exit on SIGINT.
# A model cannot be reached from another process, so the traffic comes
# from the sim bus's pcap wire (rx_pcap=, loop=1) instead of a peer.
set -uo pipefail
B=${BUILD:?}
L2FWD="$B/examples/l2fwd"
EAL="--no-huge -m 128 -l 0-1 --log-level=warning"
LEN=128
NFLOWS=16
fail() { echo "FAIL: $*"; exit 1; }
total() { sed -n "s/^Total packets $1: *//p" <<<"$2" | tail -1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# little-endian 32 and 16 bits, as printf escapes
le32() { printf '\\x%02x\\x%02x\\x%02x\\x%02x' $(($1 & 255)) $(($1 >> 8 & 255)) \
	$(($1 >> 16 & 255)) $(($1 >> 24 & 255)); }
be16() { printf '\\x%02x\\x%02x' $(($1 >> 8 & 255)) $(($1 & 255)); }

# One IPv4/UDP frame of LEN bytes for flow f, to sim0 (02:00:00:00:00:00).
frame() {
	local f=$1 s
	s='\x02\x00\x00\x00\x00\x00\x02\xaa\xbb\xcc\xdd\x01\x08\x00'
	s+='\x45\x00'$(be16 $((LEN - 14)))'\x00\x00\x00\x00\x40\x11\x00\x00'
	s+='\x0a\x00\x00'$(printf '\\x%02x' "$f")'\xc0\xa8\x01\x01'
	s+=$(be16 $((1000 + f)))$(be16 9)$(be16 $((LEN - 34)))'\x00\x00'
	for ((i = 42; i < LEN; i++)); do s+=$(printf '\\x%02x' $(((f * 7 + i) & 255))); done
	printf '%s' "$s"
}

{
	# pcap global header: magic, v2.4, zone, sigfigs, snaplen, Ethernet
	printf '\xd4\xc3\xb2\xa1\x02\x00\x04\x00'
	printf "$(le32 0)$(le32 0)$(le32 65535)$(le32 1)"
	for ((f = 0; f < NFLOWS; f++)); do
		printf "$(le32 0)$(le32 0)$(le32 $LEN)$(le32 $LEN)"
		printf "$(frame $f)"
	done
} >"$tmp/in.pcap"
[ "$(stat -c %s "$tmp/in.pcap")" = $((24 + NFLOWS * (16 + LEN))) ] ||
	fail "test pcap has the wrong size"

out=$(timeout --preserve-status -s INT 3 "$L2FWD" $EAL \
	--vdev "sim0,model=82576,rx_pcap=$tmp/in.pcap,loop=1" \
	--vdev "sim1,model=82576,tx_pcap=$tmp/out.pcap" \
	-- -p 3 -T 0 2>&1)
rc=$?
[ $rc = 0 ] || fail "l2fwd on igb ports exited $rc: $out"
rx=$(total received "$out"); tx=$(total sent "$out"); drop=$(total dropped "$out")
echo "igb: received $rx sent $tx dropped $drop"
[ -n "$rx" ] && [ "$rx" -gt 1000 ] || fail "igb: too few packets received ($rx): $out"
[ $((tx + drop)) = "$rx" ] || fail "igb: received $rx != sent $tx + dropped $drop"
grep -q "mbufs in use after closing the ports: 0" <<<"$out" || fail "igb: mbufs leaked: $out"
grep -q "Bye" <<<"$out" || fail "igb: no clean exit"

# sim1's wire: every frame sent, LEN bytes, dst 02:00:00:00:00:01 (l2fwd's
# rewrite for port 1), src sim1's address, payload untouched.
size=$(stat -c %s "$tmp/out.pcap")
n=$(((size - 24) / (16 + LEN)))
[ $((24 + n * (16 + LEN))) = "$size" ] || fail "sim1's pcap holds frames of another length"
[ "$n" -ge "$tx" ] || fail "sim1 put $n frames on the wire, l2fwd sent $tx"
first=$(od -An -tx1 -j 40 -N 14 "$tmp/out.pcap" | tr -d ' \n')
[ "$first" = "020000000001020000000001""0800" ] || fail "first frame's header is $first"
want=$(printf "$(frame 0)" | od -An -tx1 -j 14 | tr -d ' \n')
got=$(od -An -tx1 -j 54 -N $((LEN - 14)) "$tmp/out.pcap" | tr -d ' \n')
[ "$got" = "$want" ] || fail "first frame's payload differs"
echo "igb l2fwd ok ($n frames on sim1's wire)"

# Several queues on several lcores: 8 rx and 8 tx queues per port, RSS
# spreads the 16 flows, two lcores serve 8 (port, queue) pairs each.
out=$(timeout --preserve-status -s INT 3 "$L2FWD" $EAL \
	--vdev "sim0,model=82576,rx_pcap=$tmp/in.pcap,loop=1" \
	--vdev "sim1,model=82576,tx_pcap=/dev/null" \
	-- -p 3 -T 0 -q 8 --queues 8 2>&1)
rc=$?
[ $rc = 0 ] || fail "l2fwd --queues 8 exited $rc: $out"
grep -q "Lcore 1: RX port 1 queue 7 TX port 0" <<<"$out" || fail "queues not spread over lcores: $out"
rx=$(total received "$out"); tx=$(total sent "$out"); drop=$(total dropped "$out")
[ -n "$rx" ] && [ "$rx" -gt 1000 ] || fail "--queues 8: too few packets ($rx)"
[ $((tx + drop)) = "$rx" ] || fail "--queues 8: received $rx != sent $tx + dropped $drop"
# port 0's per-queue lines: RSS spread the flows over more than one queue
# (Toeplitz is linear: 16 flows that differ in a few bits reach few queues)
busy=$(sed -n '/Signal/,$p' <<<"$out" | awk '/^Statistics for port 0/ { p = 1; next }
	/^Statistics for port/ { p = 0 } p && /queue [0-9]: received [1-9]/ { n++ }
	END { print n + 0 }')
[ "$busy" -ge 2 ] || fail "RSS used only $busy of port 0's 8 queues: $out"
grep -q "mbufs in use after closing the ports: 0" <<<"$out" || fail "--queues 8: mbufs leaked"
echo "igb l2fwd --queues 8 ok ($rx frames, $busy queues busy on port 0)"
