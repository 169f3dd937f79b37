/*
 * What guest_e1000 and guest_igb share: checks, test frames, exchanges,
 * statistics, and the start and end of a run. Both are linked statically
 * with guest_common.c by build-guest.sh. The test scripts read the lines
 * printed here ("PASS: ", "FAIL: ", "N passed, N failed"): their form is
 * part of the contract with those scripts and with udp-peer.py.
 */
#ifndef GUEST_COMMON_H
#define GUEST_COMMON_H

#include <stdint.h>

#include "cdk_ethdev.h"
#include "cdk_mbuf.h"
#include "cdk_mempool.h"

#define BURST_MAX 64
#define ETHERTYPE 0x88b5 /* IEEE local experimental */
#define FRAME_MIN 60
#define FRAME_MAX 1514

/* Failed checks so far: a program goes no further once set-up has failed. */
extern unsigned n_failed;
/* One pool for every port and queue, so that finish() can tell a leak. */
extern struct cdk_mempool *pool;
/* Filled by each program's port set-up; frames are sent from these. */
extern struct cdk_ether_addr macs[CDK_MAX_ETHPORTS];

void check(int ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
double now(void);

/* cdk_eal_init, then argc/argv past the EAL's arguments. On failure prints
 * a tally the scripts can read and returns -1. */
int guest_init(int *argc, char ***argv);
/* Creates `pool`; -1 (a failed check) when it cannot. */
int pool_init(void);
/* Stops and closes every port, checks every mbuf came back, prints the
 * tally; returns the exit status. */
int finish(void);

/* Returns the seconds waited; *link holds the last state read. */
double link_wait(uint16_t port, struct cdk_eth_link *link, unsigned poll_ms);
/* The port's capability report (--cap-report) as text for the caller to
 * free, or NULL after a failed check. */
char *cap_text(uint16_t port);

/* The test frames of udp-peer.py --verify. */
unsigned frame_len(unsigned k);
void frame_fill(uint8_t *p, unsigned len, unsigned seq,
		const struct cdk_ether_addr *dst, const struct cdk_ether_addr *src);
unsigned frame_copy(const struct cdk_mbuf *m, uint8_t *out, unsigned cap);

unsigned exchange(uint16_t tx, uint16_t rx, unsigned n, unsigned window,
		  const struct cdk_ether_addr *dst, double limit, unsigned *bad_out);

void stats_of(uint16_t port, struct cdk_eth_stats *st);
uint64_t xstat(uint16_t port, const char *name);

/* The NIC's counters of frames sent by tx and received by rx. */
struct hw_counts {
	uint64_t tx, rx;
};

struct hw_counts hw_of(uint16_t tx, uint16_t rx);
void check_hw(uint16_t tx, uint16_t rx, struct hw_counts h0, unsigned n);
void print_xstats(uint16_t port);

#endif
