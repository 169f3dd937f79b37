#!/usr/bin/env python3
"""Figures of bench_qemu.sh, one "name value unit" line each.

  bench_qemu_figures.py pps LOG          capdk and testpmd packets/second
  bench_qemu_figures.py mmio TRACE LOG   NIC register accesses per 32 frames

pps: capdk prints one qemu_iofwd_capdk_pps line per round, the mean of its
one-second samples; testpmd prints Tx-pps of ports 0 and 1 every second,
summed here. On both sides the samples before forwarding began and the
first one after it (a partial second) are left out: QEMU's e1000 holds
received frames back for a second after an RCTL write, so when forwarding
begins depends on the set-up. The figure of each side is the median of its
rounds; then how many paired rounds capdk won, and the sign test's p.

mmio: TRACE is QEMU's log of memory_region_ops_read/write. The guest's
console is in it too (writes to the UART at 0x3f8): accesses before the
line "guest-bench: round 1 dpdk" are capdk's, those after it testpmd's.
Setup, the tx-first bursts and statistics reads are included.
"""
import collections
import math
import re
import statistics
import sys

DOORBELLS = {0x3818: "tdt", 0x2818: "rdt"}


def pps(log):
    capdk, dpdk, cur = [], [], None
    for line in open(log, errors="replace"):
        m = re.match(r"qemu_iofwd_capdk_pps (\S+) pps", line)
        if m:
            capdk.append(float(m.group(1)))
        if line.startswith("guest-bench: round") and line.rstrip().endswith("dpdk"):
            cur = []
        elif line.startswith("guest-bench: testpmd exited") and cur is not None:
            sums = [cur[i] + cur[i + 1] for i in range(0, len(cur) - 1, 2)]
            while sums and sums[0] == 0:
                sums.pop(0)
            sums = sums[1:]
            if sums:
                dpdk.append(statistics.mean(sums))
                print(f"# dpdk round: {len(sums)} one-second samples, mean {dpdk[-1]:.0f} pps")
            cur = None
        m = re.search(r"Tx-pps:\s+(\d+)", line)
        if m and cur is not None:
            cur.append(int(m.group(1)))
    c = statistics.median(capdk) if capdk else 0
    d = statistics.median(dpdk) if dpdk else 0
    print(f"# capdk rounds: {' '.join(f'{x:.0f}' for x in capdk)} pps")
    print(f"# dpdk rounds: {' '.join(f'{x:.0f}' for x in dpdk)} pps")
    print(f"qemu_iofwd_capdk_pps {c:.0f} pps")
    print(f"qemu_iofwd_dpdk_pps {d:.0f} pps")
    if d:
        print(f"ratio_qemu_iofwd_capdk_over_dpdk {c / d:.2f} x")
    paired(capdk, dpdk)
    return 0 if capdk and dpdk else 1


def paired(capdk, dpdk):
    """Round i of each side ran back to back: the rounds capdk won, and
    the one-sided sign test's p (the chance of winning that many or more
    if neither side were faster), which says whether the ratio is more
    than the rounds' spread."""
    n = min(len(capdk), len(dpdk))
    if n == 0:
        return
    won = sum(1 for c, d in zip(capdk, dpdk) if c > d)
    p = sum(math.comb(n, k) for k in range(won, n + 1)) / 2**n
    print(f"qemu_iofwd_capdk_rounds_ahead {won} of {n}")
    print(f"qemu_iofwd_sign_test_p {p:.3f} p")


def mmio(trace, log):
    count = {"capdk": collections.Counter(), "dpdk": collections.Counter()}
    phase, tail = "capdk", ""
    for line in open(trace, errors="replace"):
        f = line.split()
        if len(f) < 12 or not f[0].startswith("memory_region_ops_"):
            continue
        name = f[-1].strip("'")
        write = f[0].endswith("write")
        if name == "serial":
            if write and int(f[6], 16) == 0x3F8:
                tail = (tail + chr(int(f[8], 16) & 0x7F))[-40:]
                if "round 1 dpdk" in tail:
                    phase = "dpdk"
            continue
        if name not in ("e1000-mmio", "e1000e-mmio"):
            continue
        off = int(f[6], 16) & 0x1FFFF
        count[phase][DOORBELLS.get(off, "other") if write else "read"] += 1
    text = open(log, errors="replace").read()
    m = re.search(r"^bench: (\d+) frames forwarded", text, re.M)
    frames = {"capdk": int(m.group(1)) if m else 0}
    # testpmd's forward statistics at stop: port 0, port 1, then the
    # accumulated figure of both.
    tx = re.findall(r"TX-packets: (\d+) +TX-dropped", text)
    frames["dpdk"] = int(tx[-1]) if len(tx) >= 3 else 0
    ok = True
    for p in ("capdk", "dpdk"):
        c, n = count[p], frames[p]
        print(f"# mmio {p}: {n} frames forwarded; TDT writes {c['tdt']}, RDT writes "
              f"{c['rdt']}, other writes {c['other']}, reads {c['read']}")
        if n == 0:
            ok = False
            continue
        for k in ("tdt", "rdt"):
            print(f"qemu_iofwd_{p}_{k}_writes_per_32 {32 * c[k] / n:.2f} writes")
        print(f"qemu_iofwd_{p}_other_mmio_per_32 {32 * (c['other'] + c['read']) / n:.3f} accesses")
    return 0 if ok else 1


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "pps":
        return pps(sys.argv[2])
    if len(sys.argv) == 4 and sys.argv[1] == "mmio":
        return mmio(sys.argv[2], sys.argv[3])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
