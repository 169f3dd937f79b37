#!/usr/bin/env python3
"""Host side of the igb RSS tests (test_qemu_igb.sh): IPv4/UDP flows.

  igb-rss-peer.py -p P -l L rss -f F -k K [-t S]
      NIC joined with --nic igb,udp=P:L. Waits for the guest's request
      (0x88b5 frame "RSS-READY round F K", sent by guest_igb --rss), answers
      each new round with F x K frames of F UDP flows, and ends when the
      guest says "RSS-DONE" (exit 0) or after S idle seconds (exit 1).
  igb-rss-peer.py -p P -l L fwd -f F -k K [-t S]
      A forwarder in the guest (l2fwd) between two NICs: frames go in on one
      NIC (its L) and must come out of the other (its P). Sends frame (0, 0)
      every 0.5 s until it comes back, then all F x K frames; each must come
      back byte-exact, and in order within its flow. Exit 0 when all did.

Flow f: 10.1.(f/200).(f%200+1):(1024 + 37 f) -> 10.2.0.(f%7+1):(5000 + f);
frame (f, k): UDP payload of 18 + (f*5 + k*3) % 64 bytes, byte i =
(f*13 + k*7 + i) & 0xff except bytes 0..3 = f and 4..7 = k (big endian),
IPv4 id k, TTL 64, UDP checksum 0, padded with zeros to 60 bytes.
guest_igb.c builds the same frames.
"""
import argparse
import socket
import sys
import time

HOST_MAC = b"\x02\x00\x00\x00\x00\x01"


def ip_csum(h):
    s = sum((h[i] << 8) | h[i + 1] for i in range(0, 20, 2))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def flow_frame(f, k, dst):
    pl = 18 + (f * 5 + k * 3) % 64
    sport, dport = 1024 + 37 * f, 5000 + f
    src_ip = bytes([10, 1, f // 200, f % 200 + 1])
    dst_ip = bytes([10, 2, 0, f % 7 + 1])
    data = bytearray(((f * 13 + k * 7 + i) & 0xFF) for i in range(pl))
    data[0:4] = f.to_bytes(4, "big")
    data[4:8] = k.to_bytes(4, "big")
    udp = sport.to_bytes(2, "big") + dport.to_bytes(2, "big") + \
        (8 + pl).to_bytes(2, "big") + b"\x00\x00"
    ip = bytearray(20)
    ip[0] = 0x45
    ip[2:4] = (28 + pl).to_bytes(2, "big")
    ip[4:6] = (k & 0xFFFF).to_bytes(2, "big")
    ip[8], ip[9] = 64, 17
    ip[12:16], ip[16:20] = src_ip, dst_ip
    ip[10:12] = ip_csum(ip).to_bytes(2, "big")
    fr = dst + HOST_MAC + b"\x08\x00" + bytes(ip) + udp + bytes(data)
    return fr + bytes(max(0, 60 - len(fr)))


def ident(fr):
    """(flow, k) of a flow frame, else None."""
    if len(fr) < 50 or fr[12:14] != b"\x08\x00" or fr[23] != 17:
        return None
    return int.from_bytes(fr[42:46], "big"), int.from_bytes(fr[46:50], "big")


def send_all(s, qemu, dst, flows, per_flow, drain=None):
    """Send every frame, 16 at a time; between batches, drain(frame) takes
    what has already come back, so that no socket buffer overflows."""
    n = 0
    for k in range(per_flow):
        for f in range(flows):
            s.sendto(flow_frame(f, k, dst), qemu)
            n += 1
            if n % 16 == 0:
                time.sleep(0.002)
                if drain is None:
                    continue
                t = s.gettimeout()
                s.setblocking(False)
                while True:
                    try:
                        fr = s.recv(65536)
                    except BlockingIOError:
                        break
                    drain(fr)
                s.settimeout(t)
    return n


def rss(s, qemu, flows, per_flow, timeout):
    s.settimeout(timeout)
    rounds = set()
    sent = 0
    start = time.monotonic()
    while True:
        try:
            fr, _ = s.recvfrom(65536)
        except socket.timeout:
            print(f"igb-rss-peer: idle {timeout:g} s, {len(rounds)} requests answered,"
                  f" no RSS-DONE", flush=True)
            return 1
        if fr[12:14] != b"\x88\xb5":
            continue
        text = fr[14:].rstrip(b"\x00").decode("ascii", "replace")
        if text.startswith("RSS-DONE"):
            print(f"igb-rss-peer: rss: {sent} frames of {flows} UDP flows sent for"
                  f" {len(rounds)} request(s); guest done after"
                  f" {time.monotonic() - start:.1f} s", flush=True)
            return 0
        w = text.split()
        if len(w) == 4 and w[0] == "RSS-READY" and w[1] not in rounds:
            rounds.add(w[1])
            if (int(w[2]), int(w[3])) != (flows, per_flow):
                print(f"igb-rss-peer: guest wants {w[2]} x {w[3]} frames, "
                      f"peer set up for {flows} x {per_flow}", flush=True)
                return 1
            sent += send_all(s, qemu, fr[6:12], flows, per_flow)


def fwd(s, qemu, flows, per_flow, timeout):
    dst = b"\x02\x00\x00\x00\x00\x02"
    total = flows * per_flow
    s.settimeout(0.5)
    start = last = time.monotonic()
    probes = 1
    s.sendto(flow_frame(0, 0, dst), qemu)
    while True:  # the forwarder is up when the probe comes back
        try:
            fr, _ = s.recvfrom(65536)
            if ident(fr) == (0, 0):
                break
        except socket.timeout:
            if time.monotonic() - start > timeout:
                print(f"igb-rss-peer: fwd: nothing came back in {timeout:g} s", flush=True)
                return 1
            s.sendto(flow_frame(0, 0, dst), qemu)
            probes += 1
    got = {(0, 0)}
    nxt = {f: 0 for f in range(flows)}
    nxt[0] = 1
    st = {"late": 0, "bad": 0}

    def take(fr):
        fk = ident(fr)
        if fk is None or fk[0] >= flows or fk[1] >= per_flow or \
                fr != flow_frame(fk[0], fk[1], dst):
            st["bad"] += 1
            if st["bad"] <= 5:
                print(f"igb-rss-peer: fwd: unexpected frame of {len(fr)} bytes {fk}",
                      flush=True)
            return
        if fk in got:
            st["late"] += 1  # a copy of the probe
            return
        f, k = fk
        if k != nxt[f]:
            st["bad"] += 1
            print(f"igb-rss-peer: fwd: flow {f}: frame {k} came before {nxt[f]}", flush=True)
        nxt[f] = k + 1
        got.add(fk)

    send_all(s, qemu, dst, flows, per_flow, take)
    last = time.monotonic()
    idle = min(timeout, 3.0)
    while len(got) < total and time.monotonic() - last < idle:
        try:
            fr, _ = s.recvfrom(65536)
        except socket.timeout:
            continue
        n = len(got)
        take(fr)
        if len(got) > n:
            last = time.monotonic()
    late, bad = st["late"], st["bad"]
    ok = len(got) == total and bad == 0
    if len(got) < total:
        missing = sorted(set((f, k) for f in range(flows) for k in range(per_flow)) - got)
        print(f"igb-rss-peer: fwd: nothing for {idle:g} s; {len(missing)} missing"
              f" (flow, frame): {missing[:8]}", flush=True)
    print(f"igb-rss-peer: fwd: {len(got)}/{total} frames of {flows} UDP flows came back"
          f" byte-exact and in order per flow ({bad} bad, {probes} probes, {late} copies)"
          f" in {time.monotonic() - start:.1f} s", flush=True)
    return 0 if ok else 1


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-p", "--port", type=int, required=True, help="port QEMU sends to (P)")
    ap.add_argument("-l", "--qemu-port", type=int, required=True, help="port QEMU listens on (L)")
    ap.add_argument("-f", "--flows", type=int, default=64)
    ap.add_argument("-k", "--per-flow", type=int, default=4)
    ap.add_argument("-t", "--timeout", type=float, default=60, help="idle seconds")
    ap.add_argument("mode", choices=["rss", "fwd"])
    a = ap.parse_args()

    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 22)  # capped by rmem_max
    s.bind(("127.0.0.1", a.port))
    qemu = ("127.0.0.1", a.qemu_port)
    if a.mode == "rss":
        return rss(s, qemu, a.flows, a.per_flow, a.timeout)
    return fwd(s, qemu, a.flows, a.per_flow, a.timeout)


if __name__ == "__main__":
    sys.exit(main())
