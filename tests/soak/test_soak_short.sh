#!/bin/bash
# A short soak (10^6 packets through l2fwd on two modelled NICs): no leaked
# mbuf, no capability fault, flat memory. `make soak` runs 10^8.
cd "$(dirname "$0")/../.." || exit 1
exec tests/soak/soak.sh "${SOAK_SHORT_PACKETS:-1000000}" 1
