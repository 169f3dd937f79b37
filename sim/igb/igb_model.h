/* Inside the 82576 model: its state and the parts of its data path. */
#ifndef SIM_IGB_MODEL_H
#define SIM_IGB_MODEL_H

#include "../e1000/e1000_core.h"
#include "igb_regs.h"

struct igb_priv {
	struct e1000_common c; /* first: the shared code casts dev->priv */
	struct e1000_txctx tx[IGB_QUEUES];
	/* The frame at the head of the packet buffer, shaped in c.rxbuf
	 * (rx_dispatch). */
	int prep_valid;
	size_t prep_len;
	unsigned prep_queue;
	struct e1000_rx_meta prep_meta;
	int desctype_warned;
	/* RSSRK as the hash reads it, byte 0 first (82576 DS 8.10.15): kept
	 * in step by register writes and reset, so that a frame's hash does
	 * not gather it from ten registers. */
	uint8_t rss_key[IGB_RSS_KEY_LEN];
};

/* Refresh rss_key from RSSRK (after a write or a reset). */
void igb_rss_key_sync(struct cdk_sim_dev *dev);

/* Queue registers of queue q at their 82576 home. */
struct e1000_ring igb_rx_ring(unsigned q);
struct e1000_ring igb_tx_ring(unsigned q);

/* RSS (igb_rss.c): the queue for the shaped frame, filling the hash,
 * RSS type and packet type of the write-back. */
unsigned igb_rss_queue(struct cdk_sim_dev *dev, const uint8_t *frame,
		       size_t len, struct e1000_rx_meta *m);

/* Data path (igb_rxtx.c). */
int igb_tx_poll(struct cdk_sim_dev *dev);
int igb_tx_queue(struct cdk_sim_dev *dev, unsigned q);
enum sim_rx_result igb_rx_frame(struct cdk_sim_dev *dev, const uint8_t *frame,
				size_t len);
int igb_rx_fast(struct cdk_sim_dev *dev, const uint8_t *frame, size_t len,
		int *held);

#endif
