#!/bin/sh
# In the guest: io-forwarding between ports 0 and 1 (two NICs on one QEMU
# hub), with capdk (guest_e1000 --bench) and with DPDK's testpmd and
# net_e1000_em, alternately, ROUNDS times, SECONDS each.
#   guest-bench.sh ROUNDS SECONDS
# testpmd and its libraries are in /capdk/dpdk (bench_qemu.sh puts them
# there); it prints its throughput every second (--stats-period 1), which
# bench_qemu.sh reads.
rounds=$1 secs=$2
mkdir -p /var/run
rc=0
r=1
while [ "$r" -le "$rounds" ]; do
    echo "guest-bench: round $r capdk"
    ./guest_e1000 -l 0-1 --iova-mode=pa -m 128 -- \
        --bench 0:1 --seconds "$secs" --tx-first 32 --burst 32 || rc=1
    echo "guest-bench: round $r dpdk"
    # testpmd takes 4-8 s to start under TCG; SIGINT stops it.
    timeout -s INT $((secs + 10)) /capdk/dpdk/ld.so --library-path /capdk/dpdk/lib \
        /capdk/dpdk/dpdk-testpmd -l 0-1 -n 1 --iova-mode=pa --in-memory -m 128 \
        -d /capdk/dpdk/lib/librte_mempool_ring.so.23 \
        -d /capdk/dpdk/lib/librte_net_e1000.so.23 \
        -- --forward-mode=io --tx-first --burst=32 --rxd=1024 --txd=1024 --total-num-mbufs=8192 \
        --stats-period 1 --no-lsc-interrupt < /dev/null > /tmp/testpmd.log 2>&1
    st=$?
    # Keep the throughput lines and the totals; drop the screen control.
    tr -d '\033' < /tmp/testpmd.log | sed 's/\[2J\[1;1H//g; s/\[2J\[;H//g' |
        grep -E 'Rx-pps|Tx-pps|RX-packets|TX-packets|Port statistics|EAL: (Error|Cannot)|Probe|Fail|error' |
        sed 's/^/testpmd: /'
    if ! grep -q 'Tx-pps' /tmp/testpmd.log; then
        tail -20 /tmp/testpmd.log | sed 's/^/testpmd: /'
        rc=1
    fi
    echo "guest-bench: testpmd exited $st"
    r=$((r + 1))
done
exit $rc
