#!/bin/sh
# Install the Debian packages capdk needs. Idempotent.
#   tools/install-deps.sh          install what is missing
#   tools/install-deps.sh --check  exit 1 if anything is missing, install nothing
#   tools/install-deps.sh --qemu   also the QEMU guest test tools
set -e

PKGS="make gcc clang pkg-config libnuma-dev libpcap-dev libcmocka-dev tcpdump"
QEMU_PKGS="qemu-system-x86 debootstrap linux-image-amd64 cpio busybox-static"

check=0
for a in "$@"; do
	case "$a" in
	--check) check=1 ;;
	--qemu) PKGS="$PKGS $QEMU_PKGS" ;;
	*) echo "install-deps.sh: unknown argument '$a' (use --check or --qemu)" >&2; exit 2 ;;
	esac
done

missing=""
for p in $PKGS; do
	st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$st" in
	*"install ok installed"*) ;;
	*) missing="$missing $p" ;;
	esac
done

if [ -z "$missing" ]; then
	exit 0
fi
if [ "$check" = 1 ]; then
	echo "install-deps.sh: missing Debian packages:$missing" >&2
	exit 1
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then
	if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
		echo "install-deps.sh: need root (or sudo) to install:$missing" >&2
		exit 1
	fi
fi
echo "install-deps.sh: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
