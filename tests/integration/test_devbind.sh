#!/bin/bash
# tools/capdk-devbind on a fake sysfs tree: status, unbind, and clear errors.
set -uo pipefail
fail() { echo "FAIL: $*"; exit 1; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mk() { # addr class vendor device driver
	local d="$T/bus/pci/devices/$1"
	mkdir -p "$d" "$T/bus/pci/drivers/$5"
	echo "$2" >"$d/class"; echo "$3" >"$d/vendor"; echo "$4" >"$d/device"
	[ "$5" = - ] || ln -s "../../drivers/$5" "$d/driver"
	: >"$T/bus/pci/drivers/$5/unbind"
}
mk 0000:00:03.0 0x020000 0x8086 0x100e e1000
mk 0000:00:04.0 0x020000 0x8086 0x10d3 uio_pci_generic
mk 0000:00:05.0 0x030000 0x1234 0x1111 bochs-drm
mk 0000:00:06.0 0x020000 0x8086 0x10c9 -
DB=tools/capdk-devbind
out=$(SYSFS=$T $DB --status) || fail "status failed"
echo "$out"
grep -q '0000:00:03.0 *8086:100e *e1000 *kernel' <<<"$out" || fail "e1000 line"
grep -q '0000:00:04.0 *8086:10d3 *uio_pci_generic *user space' <<<"$out" || fail "uio line"
grep -q '0000:00:06.0 .* unbound' <<<"$out" || fail "unbound line"
grep -q '0000:00:05.0' <<<"$out" && fail "a display device was listed"
out=$(SYSFS=$T $DB --unbind 00:03.0) || fail "unbind failed"
[ "$(cat "$T/bus/pci/drivers/e1000/unbind")" = 0000:00:03.0 ] || fail "unbind not written"
out=$(SYSFS=$T $DB --bind=uio_pci_generic zz 2>&1) && fail "bad address accepted"
grep -q "'zz' is not a PCI address" <<<"$out" || fail "no message for a bad address: $out"
out=$(SYSFS=$T $DB --bind=nvme 00:03.0 2>&1) && fail "bad driver accepted"
grep -q "expected uio_pci_generic" <<<"$out" || fail "no message for a bad driver"
out=$(SYSFS=$T $DB --bind=vfio-pci 00:09.0 2>&1) && fail "missing device accepted"
grep -q "no PCI device 0000:00:09.0" <<<"$out" || fail "no message for a missing device"
out=$(SYSFS=$T $DB --frobnicate 2>&1) && fail "bad option accepted"
echo "devbind ok"
