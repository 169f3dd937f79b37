/*
 * Helpers for the tests that drive a driver against two device models
 * cabled back to back through the sim bus (test_e1000_sim, test_igb_sim):
 * frames whose payload is a function of a sequence number, sending with a
 * bounded window while receiving, and checks both drivers must pass.
 *
 * What differs between the drivers (how many rx queues are polled, how a
 * receiver is emptied) comes in through struct simpair.
 */
#ifndef CDK_TEST_SIM_PAIR_H
#define CDK_TEST_SIM_PAIR_H

#include <stdint.h>

#include "cdk_cap.h"
#include "cdk_mbuf.h"
#include "cdk_mempool.h"
#include "cdk_sim_bus.h"

/* Frames in flight at most: a back-to-back cable has no flow control. */
#define SIMPAIR_WINDOW 16
#define SIMPAIR_MAX_FRAME 1514

struct simpair {
	struct cdk_mempool *mp;
	/* One pass over port's rx queues: at most max frames into got;
	 * qof[i], when qof is not NULL, the queue frame i came from. */
	unsigned (*poll)(uint16_t port, struct cdk_mbuf **got, uint16_t *qof,
			 unsigned max);
	/* What port receives within ms milliseconds, at most max frames. */
	unsigned (*drain)(uint16_t port, struct cdk_mbuf **got, unsigned max,
			  unsigned ms);
	/* What port holds once the models are quiet, at most max frames. */
	unsigned (*collect)(uint16_t port, struct cdk_mbuf **got, unsigned max);
	/* The test's pseudo-random sequence. */
	uint32_t (*rnd)(void);
};

struct cdk_sim_dev *simpair_model_of(uint16_t port);
uint64_t simpair_xstat(uint16_t port, const char *name);

/* A frame from src to dst (local experimental ethertype 0x88b5), its
 * payload a function of seq. */
struct cdk_mbuf *simpair_make_frame(struct cdk_mempool *mp, uint16_t src,
				    uint16_t dst, uint32_t len, uint32_t seq);
int simpair_frame_ok(const struct cdk_mbuf *m, uint32_t len, uint32_t seq);

/* Send all of pkts on tx queue 0 while polling rx_port, at most
 * SIMPAIR_WINDOW frames in flight; returns how many were received. */
unsigned simpair_send_recv(const struct simpair *sp, uint16_t tx_port,
			   uint16_t rx_port, struct cdk_mbuf **pkts, unsigned n,
			   struct cdk_mbuf **got, uint16_t *qof, unsigned want);
/* The same when frames may be dropped: a window at a time, each batch on
 * the wire and out of the receiver's packet buffer before the next. */
unsigned simpair_send_paced(const struct simpair *sp, uint16_t tx_port,
			    uint16_t rx_port, struct cdk_mbuf **pkts, unsigned n,
			    struct cdk_mbuf **got, unsigned max);
/* n frames of the given sizes from a to b, checked byte for byte. */
void simpair_exchange(const struct simpair *sp, uint16_t a, uint16_t b,
		      const uint32_t *sizes, unsigned n, uint32_t seq0);

/* Frame sizes around the interesting boundaries, then random ones. */
void simpair_mixed_sizes(const struct simpair *sp, uint32_t *sizes, unsigned n);

/* Checks both drivers share, a sending to b. */
void simpair_check_one_doorbell_per_burst(const struct simpair *sp, uint16_t a,
					  uint16_t b);
void simpair_check_stats_and_xstats(const struct simpair *sp, uint16_t a,
				    uint16_t b);
void simpair_check_promiscuous(const struct simpair *sp, uint16_t a, uint16_t b);
/* A 9000-byte frame in five segments, at MTU 9000; leaves the MTU there. */
void simpair_check_jumbo_chain(const struct simpair *sp, uint16_t a, uint16_t b);
/* A copy of b's rx doorbell (and ring) kept across stop is stale; rdt is
 * the queue's tail, which the copy may write before the stop. */
void simpair_check_stale_doorbell(const struct simpair *sp, uint16_t a,
				  uint16_t b, cdk_cap_t kept, cdk_cap_t kept_ring,
				  uint32_t rdt);
/* b's pool runs dry: frames wait in their descriptors, each failed refill
 * counted in rx_nombuf; once mbufs are back they arrive whole. */
void simpair_check_rx_pool_empty(const struct simpair *sp, uint16_t a,
				 uint16_t b);
/* Nobody polls b: everything a sends is received or missed. Returns the
 * imissed b reports. */
uint64_t simpair_check_rx_full_missed(const struct simpair *sp, uint16_t a,
				      uint16_t b, unsigned drain_ms);
/* Frame seq of len bytes from src to dst. */
typedef struct cdk_mbuf *(*simpair_make_fn)(uint16_t src, uint16_t dst,
					    uint32_t len, uint32_t seq);
/* n frames from a (frame i: 60 + i bytes, or random sizes) to b while b's
 * model is hostile (CDK_SIM_HOSTILE_*): nothing gets through. */
void simpair_check_hostile_drops_all(const struct simpair *sp, uint16_t a,
				     uint16_t b, uint32_t hostile, unsigned n,
				     int random_len, simpair_make_fn make);
/* DD on the tail descriptor, which the device never owned: not a frame. */
void simpair_check_hostile_ghost_dd(const struct simpair *sp, uint16_t a,
				    uint16_t b);

#endif
