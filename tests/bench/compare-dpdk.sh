#!/bin/bash
# capdk against DPDK 22.11 on the same work, side by side in one run, since
# figures taken on different runs of a noisy machine do not compare.
#
#   io forwarding, one forwarding lcore (-l 0-1: lcore 1 forwards, lcore 0
#   idles), bursts of 32, 32768 mbufs with per-lcore caches of 250, --no-huge:
#     capdk  $BUILD/tests/bench/bench_iofwd (testpmd's io engine, rebuilt)
#     DPDK   dpdk-testpmd --forward-mode=io --record-core-cycles, driven
#            through its prompt: "start" (tx_first for rings), wait, "stop",
#            several rounds in one process
#   Both count busy cycles (iterations whose rx brought packets) divided by
#   packets received: testpmd's "CPU cycles/packet".
#   Topologies:
#     null       two net_null ports (64-byte packets, no copy) on both sides
#     ring       two net_ring ports, each looping back on itself (DPDK's only
#                topology for "--vdev net_ring0 --vdev net_ring1"; capdk the
#                same without peer=): stream 0->1 feeds stream 1->0 and back;
#                one burst of 32 injected per port first (testpmd tx_first)
#     ring_pair  capdk only: net_ring1,peer=net_ring0, each stream feeds itself
#   ring and mempool micro-benchmarks: dpdk-test ring_perf_autotest (legacy
#   API, SP/SC and MP/MC) against $BUILD/tests/bench/bench_ring, and, opt-in
#   because it runs for tens of minutes, mempool_perf_autotest against
#   bench_mempool.
#
# Environment: BUILD (build dir, default build/gcc), PASSES (2) of ROUNDS (3)
# rounds of SECONDS_PER_ROUND (1, whole seconds) per side and topology,
# DPDK_MEMPOOL_PERF_TIMEOUT (seconds, 0: skip; the cached bulk-32 figures
# appear after about 20 minutes).
# Output: "name value unit" lines; "ratio_*_capdk_over_dpdk" below 1 means
# capdk needs fewer cycles.
set -u
BUILD=${BUILD:-build/gcc}
ROUNDS=${ROUNDS:-3}
PASSES=${PASSES:-2}
SECS=${SECONDS_PER_ROUND:-1}
MEMPOOL_TIMEOUT=${DPDK_MEMPOOL_PERF_TIMEOUT:-0}
PREFIX=capdkbench$$
TMP=$(mktemp -d /tmp/capdk-compare.XXXXXX) || exit 1

# Nothing of ours outlives the script: each long command runs in the
# background under timeout and is waited for, so that a signal interrupts the
# wait at once and the EXIT trap can stop it (timeout passes TERM on).
CHILDREN=""
bounded() { # $1 = seconds, rest: the command (redirections: the caller's)
	local secs=$1
	shift
	# <&0: a background command would otherwise read /dev/null, not the
	# caller's stdin (testpmd's commands).
	timeout -k 5 "$secs" "$@" <&0 &
	local pid=$!
	CHILDREN="$CHILDREN $pid"
	wait "$pid"
}
# shellcheck disable=SC2317 # run by the trap
cleanup() {
	# shellcheck disable=SC2086
	[ -n "$CHILDREN" ] && kill $CHILDREN 2>/dev/null
	wait 2>/dev/null
	# hugepages reserved for the run go back, even on an interrupt
	type huge_teardown >/dev/null 2>&1 && huge_teardown
	rm -rf "$TMP" "/var/run/dpdk/$PREFIX"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# $1 = name, lines "name value unit" on stdin: the value, or nothing.
value_of() {
	awk -v n="$1" '$1 == n { v = $2 } END { if (v != "") print v }'
}

# Print "ratio_<what>_capdk_over_dpdk R x" when both figures exist.
ratio() {
	local what=$1 c=$2 d=$3
	if [ -z "$c" ] || [ -z "$d" ]; then
		echo "# ratio_${what}: missing figure (capdk '${c}', dpdk '${d}')"
		return
	fi
	awk -v w="$what" -v c="$c" -v d="$d" 'BEGIN {
		if (d > 0) printf "ratio_%s_capdk_over_dpdk %.2f x\n", w, c / d
	}'
}

# ---- is DPDK here? ------------------------------------------------------
dpdk_ok=1
if ! command -v dpdk-testpmd >/dev/null 2>&1; then
	if [ "$(id -u)" != 0 ]; then
		echo "# dpdk not available: dpdk-testpmd missing and not root to install it"
		dpdk_ok=0
	elif ! command -v apt-get >/dev/null 2>&1; then
		echo "# dpdk not available: dpdk-testpmd missing and no apt-get"
		dpdk_ok=0
	else
		echo "# installing Debian's dpdk and dpdk-dev"
		if ! DEBIAN_FRONTEND=noninteractive timeout 900 \
			apt-get install -y --no-install-recommends dpdk dpdk-dev \
			>"$TMP/apt.log" 2>&1; then
			echo "# dpdk not available: apt-get install failed: $(tail -n 1 "$TMP/apt.log")"
			dpdk_ok=0
		elif ! command -v dpdk-testpmd >/dev/null 2>&1; then
			echo "# dpdk not available: installed, but no dpdk-testpmd"
			dpdk_ok=0
		fi
	fi
fi
if [ "$dpdk_ok" = 1 ]; then
	echo "# $(dpkg-query -W -f '${Package} ${Version}' dpdk 2>/dev/null || echo dpdk)"
fi

CAPDK_IOFWD="$BUILD/tests/bench/bench_iofwd"
EAL_NOHUGE="-l 0-1 --no-huge -m 1024 --no-pci"
EAL_MEM_NOHUGE="$EAL_NOHUGE"
OPTS="--seconds $SECS --rounds $ROUNDS --burst 32 --mbufs 32768 --cache 250"

# ---- capdk io forwarding ---------------------------------------------------
# $1 = label, rest: the vdev arguments. Rounds go to rounds_capdk_<label>:
# "busy-cycles/pkt total-cycles/pkt Mpps pkts".
capdk_iofwd() {
	local label=$1
	shift
	if [ ! -x "$CAPDK_IOFWD" ]; then
		echo "# $CAPDK_IOFWD missing: run make first"
		return
	fi
	[ "$pass" = 1 ] && echo "# capdk: $CAPDK_IOFWD $EAL_NOHUGE --log-level=err $* -- $OPTS --mode $label"
	# shellcheck disable=SC2086
	bounded $((ROUNDS * SECS + 30)) "$CAPDK_IOFWD" $EAL_NOHUGE --log-level=err "$@" \
		-- $OPTS --mode "$label" >"$TMP/capdk_$label.out" 2>"$TMP/capdk_$label.err"
	local rc=$?
	[ $rc = 0 ] || echo "# capdk $label failed (exit $rc): $(tail -n 2 "$TMP/capdk_$label.err" | tr '\n' ' ')"
	awk '$1 == "#" && $2 == "round" { print $5, $6, $7, $8 }' \
		"$TMP/capdk_$label.out" >>"$TMP/rounds_capdk_$label"
}

# ---- DPDK testpmd io forwarding --------------------------------------------
# $1 = label, $2 = start command (start | "start tx_first"), rest: vdevs.
# testpmd drains rx queues at every start, so a ring round re-injects its
# burst with tx_first each time; capdk's packets stay in flight throughout.
# Rounds go to rounds_dpdk_<label>: "busy-cycles/pkt - Mpps pkts"; Mpps is
# packets over the round's wall time (testpmd gives no loop time).
dpdk_iofwd() {
	local label=$1 start=$2
	local out="$TMP/dpdk_$label.txt"
	shift 2
	local args="$EAL_NOHUGE --file-prefix $PREFIX $* -- -i --forward-mode=io --record-core-cycles --burst=32 --total-num-mbufs=32768 --mbcache=250"
	[ "$pass" = 1 ] && echo "# dpdk: dpdk-testpmd $args  (rounds: '$start', ${SECS}s, 'stop')"
	: >"$out"
	rm -f "$TMP/cmd" && mkfifo "$TMP/cmd" || return
	{
		# Commands count from the prompt: before it the ports are not up.
		for _ in $(seq 1 300); do
			grep -q 'testpmd> ' "$out" 2>/dev/null && break
			sleep 0.1
		done
		for _ in $(seq 1 "$ROUNDS"); do
			echo "$start"
			sleep "$SECS"
			echo "stop"
			sleep 0.2
		done
		echo "quit"
	} >"$TMP/cmd" &
	local writer=$!
	CHILDREN="$CHILDREN $writer"
	# shellcheck disable=SC2086
	bounded $((ROUNDS * (SECS + 1) + 40)) dpdk-testpmd $args <"$TMP/cmd" >"$out" 2>&1
	echo $? >"$TMP/dpdk_$label.rc"
	# A testpmd that died early leaves the writer waiting for its prompt.
	kill "$writer" 2>/dev/null
	wait "$writer" 2>/dev/null
	rm -rf "/var/run/dpdk/$PREFIX"
	# Each "stop" prints the accumulated block: its RX-packets, then (if
	# anything moved) "CPU cycles/packet=X (... / ...) at M MHz Clock".
	awk -v secs="$SECS" '
		/Accumulated forward statistics/ { acc = 1; next }
		acc && /RX-packets:/ { rx = $2; acc = 0 }
		/CPU cycles\/packet=/ {
			v = $0; sub(/.*CPU cycles\/packet=/, "", v); sub(/ .*/, "", v)
			print v + 0, "-", rx / secs / 1e6, rx
		}' "$out" >"$TMP/dpdk_$label.rounds"
	if [ -s "$TMP/dpdk_$label.rounds" ]; then
		cat "$TMP/dpdk_$label.rounds" >>"$TMP/rounds_dpdk_$label"
		[ -n "$tsc_mhz" ] || tsc_mhz=$(sed -n 's/.* at \([0-9]*\) MHz Clock.*/\1/p' "$out" | head -n 1)
	else
		echo "# dpdk testpmd $label gave no figures (exit $(cat "$TMP/dpdk_$label.rc" 2>/dev/null)): $(grep -m 2 -E 'EAL: (FATAL|Error)|Cause' "$out" | tr '\n' ' ')"
	fi
}

# Medians over every round of every pass: $1 = side, $2 = label.
summary() {
	local f="$TMP/rounds_$1_$2"
	[ -s "$f" ] || return
	awk -v side="$1" -v l="$2" '
		function med(a, n,    i, j, t) {
			for (i = 1; i < n; i++)
				for (j = i; j > 0 && a[j - 1] > a[j]; j--) {
					t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
				}
			return n % 2 ? a[int(n / 2)] : (a[n / 2 - 1] + a[n / 2]) / 2
		}
		BEGIN { n = 0 } # a numeric 0, not "", as the first subscript
		{ c[n] = $1; t[n] = $2; m[n] = $3; pk += $4; n++ }
		END {
			p = side "_iofwd_" l
			printf "%s_cycles_per_pkt %.2f cycles/pkt\n", p, med(c, n)
			if (t[0] != "-")
				printf "%s_total_cycles_per_pkt %.2f cycles/pkt\n", p, med(t, n)
			printf "%s_mpps %.2f Mpps\n", p, med(m, n)
			printf "%s_pkts %.0f pkts\n", p, pk
			printf "%s_rounds %d rounds\n", p, n
		}' "$f" | tee -a "$TMP/iofwd.txt"
}

# The sides alternate, topology by topology and pass by pass, so that they
# share the machine's noise; medians pool every round.
# With hugepages too, when they can be had: reserved here for the run (as
# root) on a hugetlbfs mounted here, and given back at the end.
HUGE_OK=0
huge_setup() {
	[ "$(id -u)" = 0 ] && [ -w /proc/sys/vm/nr_hugepages ] || return 1
	HUGE_BEFORE=$(cat /proc/sys/vm/nr_hugepages)
	echo $((HUGE_BEFORE + 1200)) >/proc/sys/vm/nr_hugepages 2>/dev/null || return 1
	[ "$(cat /proc/sys/vm/nr_hugepages)" -ge $((HUGE_BEFORE + 1100)) ] || { huge_teardown; return 1; }
	mkdir -p "$TMP/huge" && mount -t hugetlbfs nodev "$TMP/huge" 2>/dev/null || { huge_teardown; return 1; }
	HUGE_OK=1
}
huge_teardown() {
	mountpoint -q "$TMP/huge" 2>/dev/null && umount "$TMP/huge"
	[ -n "${HUGE_BEFORE:-}" ] && echo "$HUGE_BEFORE" >/proc/sys/vm/nr_hugepages
}

tsc_mhz=
run_topologies() { # $1 = label suffix
	for pass in $(seq 1 "$PASSES"); do
		capdk_iofwd "null$1" --vdev net_null0 --vdev net_null1
		[ "$dpdk_ok" = 1 ] && dpdk_iofwd "null$1" start --vdev net_null0 --vdev net_null1
		capdk_iofwd "ring$1" --vdev net_ring0 --vdev net_ring1
		[ "$dpdk_ok" = 1 ] && dpdk_iofwd "ring$1" "start tx_first" --vdev net_ring0 --vdev net_ring1
		[ -z "$1" ] && capdk_iofwd ring_pair --vdev net_ring0 --vdev net_ring1,peer=net_ring0
	done
}
run_topologies ""
labels="null ring ring_pair"
if huge_setup; then
	EAL_NOHUGE="-l 0-1 -m 1024 --no-pci --huge-dir $TMP/huge"
	run_topologies _huge
	EAL_NOHUGE="$EAL_MEM_NOHUGE"
	huge_teardown
	labels="$labels null_huge ring_huge"
fi
for t in $labels; do
	summary capdk "$t"
	summary dpdk "$t"
done
[ -n "$tsc_mhz" ] && echo "dpdk_tsc_mhz $tsc_mhz MHz" | tee -a "$TMP/iofwd.txt"

all() { cat "$TMP/iofwd.txt" "$TMP"/micro_*.txt 2>/dev/null; }
if [ "$dpdk_ok" = 1 ]; then
	for t in null ring null_huge ring_huge; do
		ratio "iofwd_$t" "$(all | value_of "capdk_iofwd_${t}_cycles_per_pkt")" \
			"$(all | value_of "dpdk_iofwd_${t}_cycles_per_pkt")"
	done
fi
if [ "$HUGE_OK" = 1 ]; then
	echo "# *_huge: 2 MiB hugepages reserved for the run on both sides; the others --no-huge"
else
	echo "# no hugepages could be reserved: --no-huge on both sides only"
fi

# ---- ring micro-benchmark ------------------------------------------------
micro_capdk() { # $1 = bench name
	local b="$BUILD/tests/bench/$1"
	if [ ! -x "$b" ]; then
		echo "# $b missing: capdk $1 figures skipped"
		return
	fi
	bounded 120 "$b" --no-huge -m 256 -l 0-1 --no-pci --log-level=err \
		>"$TMP/micro_capdk_$1.raw" 2>/dev/null ||
		echo "# $1 failed or timed out (exit $?)"
	grep -v '^#' "$TMP/micro_capdk_$1.raw" | sed 's/^/capdk_/' >"$TMP/micro_capdk_$1.txt"
	cat "$TMP/micro_capdk_$1.txt"
}

if [ "$dpdk_ok" = 1 ] && command -v dpdk-test >/dev/null 2>&1; then
	echo "# dpdk: DPDK_TEST=ring_perf_autotest dpdk-test -l 0-1 --no-huge -m 512 --no-pci --file-prefix $PREFIX"
	DPDK_TEST=ring_perf_autotest bounded 90 dpdk-test -l 0-1 --no-huge \
		-m 512 --no-pci --file-prefix "$PREFIX" </dev/null >"$TMP/ring_perf.txt" 2>&1
	rm -rf "/var/run/dpdk/$PREFIX"
	# The legacy API's block (the elem API's repeats it). One core: cycles
	# per enqueue+dequeue of a whole burst, divided here by its size to
	# give cycles per object; two cores: already per object (enqueue side
	# plus dequeue side).
	awk '
		/^elem APIs/ { exit }
		/### Testing single element/ { s = "" }
		/### Testing burst/ { s = "burst" }
		/### Testing bulk/ { s = "bulk" }
		/### Testing empty/ { s = "" }
		/### Testing using two physical cores/ { s = "bulk2" }
		/### Testing using two hyperthreads/ { s = "bulkht" }
		/### Testing using two NUMA/ || /### Testing using all/ { s = "" }
		/^legacy APIs: SP\/SC: single:/ && !single {
			printf "dpdk_ring_single_sp_sc %s cycles/obj\n", $NF; single = 1
		}
		s != "" && /^legacy APIs: SP\/SC: (burst|bulk) \(size: [0-9]+\):/ {
			n = $0; sub(/.*size: /, "", n); sub(/\).*/, "", n)
			k = s == "burst" ? "burst" : "bulk"
			suf = s == "bulk2" ? "_2cores" : s == "bulkht" ? "_2threads" : ""
			v = suf == "" ? $NF / n : $NF
			printf "dpdk_ring_spsc_%s%s%s %.2f cycles/obj\n", k, n, suf, v
		}
		s != "" && /^legacy APIs: MP\/MC: (burst|bulk) \(size: [0-9]+\):/ {
			n = $0; sub(/.*size: /, "", n); sub(/\).*/, "", n)
			k = s == "burst" ? "burst" : "bulk"
			suf = s == "bulk2" ? "_2cores" : s == "bulkht" ? "_2threads" : ""
			v = suf == "" ? $NF / n : $NF
			printf "dpdk_ring_mpmc_%s%s%s %.2f cycles/obj\n", k, n, suf, v
		}' "$TMP/ring_perf.txt" >"$TMP/micro_dpdk_ring.txt"
	if [ -s "$TMP/micro_dpdk_ring.txt" ]; then
		cat "$TMP/micro_dpdk_ring.txt"
	else
		echo "# ring_perf_autotest gave no figures: $(tail -n 2 "$TMP/ring_perf.txt" | tr '\n' ' ')"
	fi
else
	echo "# dpdk-test missing: DPDK ring/mempool autotests skipped"
fi
micro_capdk bench_ring
for f in single_sp_sc spsc_burst8 spsc_burst32 spsc_bulk8 spsc_bulk32 \
	mpmc_burst32 mpmc_bulk32 spsc_bulk8_2cores spsc_bulk32_2cores; do
	c=$(all | value_of "capdk_ring_$f")
	d=$(all | value_of "dpdk_ring_$f")
	[ -n "$d" ] && ratio "ring_$f" "$c" "$d"
done

# ---- mempool micro-benchmark ---------------------------------------------
micro_capdk bench_mempool
if [ "$dpdk_ok" = 1 ] && command -v dpdk-test >/dev/null 2>&1 &&
	[ "$MEMPOOL_TIMEOUT" -gt 0 ] 2>/dev/null; then
	echo "# dpdk: DPDK_TEST=mempool_perf_autotest dpdk-test -l 0-1 --no-huge -m 512 --no-pci (cut at ${MEMPOOL_TIMEOUT}s)"
	DPDK_TEST=mempool_perf_autotest bounded "$MEMPOOL_TIMEOUT" dpdk-test \
		-l 0-1 --no-huge -m 512 --no-pci --file-prefix "$PREFIX" \
		</dev/null >"$TMP/mempool_perf.txt" 2>&1
	rm -rf "/var/run/dpdk/$PREFIX"
	mhz=$tsc_mhz
	# rate_persec counts objects got and put again; one core: cycles per
	# object = TSC Hz / rate.
	awk -v mhz="${mhz:-0}" '
		/^mempool_autotest cache=/ && / cores=1 / && /n_get_bulk=32 n_put_bulk=32 n_keep=32 constant_n=0/ {
			c = $2; sub(/cache=/, "", c); r = $NF; sub(/rate_persec=/, "", r)
			name = c == 0 ? "nocache" : "cache" c
			if (mhz > 0 && r > 0)
				printf "dpdk_mempool_%s_bulk32 %.2f cycles/obj\n", name, mhz * 1e6 / r
		}' "$TMP/mempool_perf.txt" | sort -u >"$TMP/micro_dpdk_mempool.txt"
	cat "$TMP/micro_dpdk_mempool.txt"
	for f in cache512_bulk32 nocache_bulk32; do
		d=$(all | value_of "dpdk_mempool_$f")
		[ -n "$d" ] && ratio "mempool_$f" "$(all | value_of "capdk_mempool_$f")" "$d"
	done
else
	echo "# dpdk mempool_perf_autotest skipped: 5 s per case, its cached cases come after ~20 min (set DPDK_MEMPOOL_PERF_TIMEOUT=1500 to run it)"
fi
exit 0
