#!/bin/bash
# make run: l2fwd between two ring ports for a few seconds, with the
# capability report at start and the statistics table every second.
set -euo pipefail
B=${BUILD:-build/gcc}
SECONDS_TO_RUN=${DEMO_SECONDS:-4}
echo "== l2fwd on two net_ring ports, each primed with 256 frames, for ${SECONDS_TO_RUN} s"
echo "== (Ctrl-C stops it early; the totals and the mbuf count follow)"
set -x
timeout --preserve-status -s INT "$SECONDS_TO_RUN" "$B/examples/l2fwd" \
	--no-huge -m 256 -l 0-1 --log-level=warning \
	--vdev net_ring0,fill=256 --vdev net_ring1,fill=256 --cap-report \
	-- -p 3 -T 1
