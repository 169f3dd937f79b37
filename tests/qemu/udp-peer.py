#!/usr/bin/env python3
"""Host side of a guest NIC joined with `run-guest.sh --nic MODEL,udp=P:L`.

QEMU sends each Ethernet frame the NIC transmits as one UDP datagram to
127.0.0.1:P and delivers each datagram received on 127.0.0.1:L as a frame.

  udp-peer.py -p P -l L echo  [-n N] [-t S]   send every frame back
  udp-peer.py -p P -l L recv  [-n N] [-t S]   print frames (hex)
  udp-peer.py -p P -l L send HEX...           send frames given in hex
"""
import argparse
import socket
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-p", "--port", type=int, required=True, help="port QEMU sends to (P)")
    ap.add_argument("-l", "--qemu-port", type=int, required=True, help="port QEMU listens on (L)")
    ap.add_argument("-n", "--count", type=int, default=0, help="stop after N frames (0: never)")
    ap.add_argument("-t", "--timeout", type=float, default=60, help="stop after S idle seconds")
    ap.add_argument("mode", choices=["echo", "recv", "send"])
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

    n = 0
    while not a.count or n < a.count:
        try:
            frame, _ = s.recvfrom(65536)
        except socket.timeout:
            print(f"udp-peer: idle {a.timeout:g} s, {n} frames", flush=True)
            return 1 if a.count else 0
        n += 1
        if a.mode == "echo":
            s.sendto(frame, qemu)
            print(f"udp-peer: echoed frame {n}, {len(frame)} bytes", flush=True)
        else:
            print(f"udp-peer: frame {n}, {len(frame)} bytes: {frame.hex()}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
