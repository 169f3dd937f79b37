#!/usr/bin/env python3
"""Host side of a guest NIC joined with `run-guest.sh --nic MODEL,udp=P:L`.

QEMU sends each Ethernet frame the NIC transmits as one UDP datagram to
127.0.0.1:P and delivers each datagram received on 127.0.0.1:L as a frame.

  udp-peer.py -p P -l L echo  [-n N] [-t S] [--verify]   send every frame back
  udp-peer.py -p P -l L recv  [-n N] [-t S]              print frames (hex)
  udp-peer.py -p P -l L send HEX...                      send frames given in hex
  udp-peer.py -p P -l L fwd   -n N [-t S]                send N test frames to L,
                                   expect each back on P byte-exact and in order

With two NICs, fwd sends into one (its L) and receives from the other (its
P): a forwarder in the guest between them is checked end to end. Each frame
is sent again every 0.5 s until it comes back, so the guest may start late.

Test frames (--verify, fwd; guest_common.c builds the same ones): frame k is
dst(6) src(6) 0x88b5 seq(4, big endian) then byte i = (k*31 + i*7) & 0xff,
of 60 bytes for k = 0, 1514 for k = 1, else 60 + (k*397) % 1455.
"""
import argparse
import socket
import sys
import time


def frame_len(k):
    if k == 0:
        return 60
    if k == 1:
        return 1514
    return 60 + (k * 397) % 1455


def frame(k, dst=b"\x02\x00\x00\x00\x00\x02", src=b"\x02\x00\x00\x00\x00\x01"):
    n = frame_len(k)
    body = bytes(((k * 31 + i * 7) & 0xFF) for i in range(18, n))
    return dst + src + b"\x88\xb5" + k.to_bytes(4, "big") + body


def verify(f):
    """The frame's sequence number if it is an intact test frame, else None."""
    if len(f) < 18 or f[12:14] != b"\x88\xb5":
        return None
    k = int.from_bytes(f[14:18], "big")
    return k if f == f[:12] + frame(k)[12:] else None


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-p", "--port", type=int, required=True, help="port QEMU sends to (P)")
    ap.add_argument("-l", "--qemu-port", type=int, required=True, help="port QEMU listens on (L)")
    ap.add_argument("-n", "--count", type=int, default=0, help="stop after N frames (0: never)")
    ap.add_argument("-t", "--timeout", type=float, default=60, help="stop after S idle seconds")
    ap.add_argument("--verify", action="store_true", help="echo: check test frames")
    ap.add_argument("mode", choices=["echo", "recv", "send", "fwd"])
    ap.add_argument("frames", nargs="*", help="hex frames for send")
    a = ap.parse_args()

    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", a.port))
    s.settimeout(a.timeout)
    qemu = ("127.0.0.1", a.qemu_port)

    if a.mode == "send":
        for h in a.frames:
            s.sendto(bytes.fromhex(h), qemu)
        print(f"udp-peer: sent {len(a.frames)} frames", flush=True)
        return 0

    if a.mode == "fwd":
        return forward(s, qemu, a.count or 64, a.timeout)

    n = bad = 0
    while not a.count or n < a.count:
        try:
            f, _ = s.recvfrom(65536)
        except socket.timeout:
            print(f"udp-peer: idle {a.timeout:g} s, {n} frames", flush=True)
            return 1 if a.count else 0
        n += 1
        if a.verify:
            k = verify(f)
            if k is None or k != n - 1:
                bad += 1
                print(f"udp-peer: frame {n} ({len(f)} bytes) is not test frame {n - 1}"
                      f" (seq {k})", flush=True)
        if a.mode == "echo":
            s.sendto(f, qemu)
            if not a.verify:
                print(f"udp-peer: echoed frame {n}, {len(f)} bytes", flush=True)
        else:
            print(f"udp-peer: frame {n}, {len(f)} bytes: {f.hex()}", flush=True)
    if a.verify:
        print(f"udp-peer: {n - bad}/{n} frames from the guest verified byte-exact"
              f"{' and echoed' if a.mode == 'echo' else ''}", flush=True)
    return 1 if bad else 0


def forward(s, qemu, count, timeout):
    s.settimeout(0.5)
    start = last = time.monotonic()
    resent = stale = 0
    for k in range(count):
        want = frame(k)
        s.sendto(want, qemu)
        while True:
            try:
                f, _ = s.recvfrom(65536)
            except socket.timeout:
                if time.monotonic() - last > timeout:
                    print(f"udp-peer: fwd: frame {k} not back after {timeout:g} s;"
                          f" {k}/{count} frames byte-exact", flush=True)
                    return 1
                s.sendto(want, qemu)
                resent += 1
                continue
            if f == want:
                last = time.monotonic()
                break
            seq = verify(f)
            if seq is not None and seq < k:
                stale += 1  # a copy of a frame sent again
                continue
            print(f"udp-peer: fwd: frame {k}: got {len(f)} bytes (seq {seq}), want"
                  f" {len(want)} bytes", flush=True)
            return 1
    print(f"udp-peer: fwd: {count}/{count} frames of 60..1514 bytes came back byte-exact"
          f" and in order ({resent} sent again, {stale} copies) in"
          f" {time.monotonic() - start:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
