/*
 * net_pcap, shared between its files: the queues, the port, and the
 * functions each file offers the others.
 *
 * A port's packet sources and sinks (pcap handles) are opened at probe, so
 * that a bad file or interface fails there, and closed at close. Queues
 * refer to them by index: rx queue i reads the i-th rx source given, tx
 * queue i writes the i-th tx sink.
 */
#ifndef CDK_PMD_PCAP_PRIVATE_H
#define CDK_PMD_PCAP_PRIVATE_H

#include <pcap.h>
#include <stdint.h>

#include "cdk_pmd.h"

#define PCAP_MAX_QUEUES 16
/* The largest frame read or written: pcap's usual snapshot length. */
#define PCAP_SNAPLEN 65535
#define PCAP_PATH_MAX 224 /* a devarg value's room */

enum pcap_kind {
	PCAP_NONE,  /* rx: receives nothing; tx: drops and frees */
	PCAP_FILE,  /* rx_pcap / tx_pcap */
	PCAP_IFACE, /* rx_iface, rx_iface_in, tx_iface, iface */
};

struct pcap_rxq {
	pcap_t *pcap;            /* file or live capture; NULL: PCAP_NONE */
	struct cdk_mempool *mp;
	cdk_cap_t pool;          /* the mbufs it may write into */
	uint16_t port;
	int eof;                 /* file read to its end (or to a cut) */
	/* infinite_rx: the file's packets, loaded once into mbufs */
	struct cdk_mbuf **loop;
	unsigned loop_n, loop_next;
	uint64_t pkts, bytes, errs, nombuf;
} __cdk_cache_aligned;

struct pcap_txq {
	pcap_dumper_t *dumper;   /* PCAP_FILE */
	pcap_t *pcap;            /* PCAP_IFACE: the live handle */
	uint8_t *linear;         /* a multi-segment frame, made contiguous */
	uint64_t pkts, bytes, errs;
} __cdk_cache_aligned;

/* One source or sink as given in the devargs. */
struct pcap_endpoint {
	enum pcap_kind kind;
	char name[PCAP_PATH_MAX];    /* file or interface */
	const char *key;             /* the devarg that named it */
	pcap_t *pcap;                /* rx: reader or live; tx file: dead */
	pcap_dumper_t *dumper;       /* tx file */
	int shared;                  /* iface=: rx and tx share one handle */
	int consumed;                /* rx file: read by an earlier start */
};

struct pcap_port {
	char devname[64];
	unsigned n_rx, n_tx;
	int infinite_rx;
	struct pcap_endpoint rx[PCAP_MAX_QUEUES], tx[PCAP_MAX_QUEUES];
	struct pcap_rxq rxq[PCAP_MAX_QUEUES];
	struct pcap_txq txq[PCAP_MAX_QUEUES];
};

/* pcap_open.c: open and close the handles of endpoints. */
int eth_pcap_open_rx(const char *dev, struct pcap_endpoint *ep);
int eth_pcap_open_tx(const char *dev, struct pcap_endpoint *ep);
/* Start a file source again from its first packet. */
int eth_pcap_reopen_rx_file(const char *dev, struct pcap_endpoint *ep);
void eth_pcap_close_endpoint(struct pcap_endpoint *ep);
int eth_pcap_iface_mac(const char *dev, const char *iface, uint8_t mac[6]);

/* pcap_rxtx.c: the burst functions and the copy they share. */
uint16_t eth_pcap_rx(void *q, struct cdk_mbuf **pkts, uint16_t n);
uint16_t eth_pcap_rx_infinite(void *q, struct cdk_mbuf **pkts, uint16_t n);
uint16_t eth_pcap_tx(void *q, struct cdk_mbuf **pkts, uint16_t n);
/*
 * Append len bytes to the packet head whose last segment is *tail, taking
 * further segments from the queue's pool; each segment written must lie in
 * the queue's pool capability. 0, or -1 (no mbuf, or outside the pool).
 */
int eth_pcap_rx_append(struct pcap_rxq *q, struct cdk_mbuf *head,
		   struct cdk_mbuf **tail, const uint8_t *data, uint32_t len);

/* pcap_infinite.c: load a file into mbufs for infinite_rx, and free them. */
int eth_pcap_infinite_load(const char *dev, struct pcap_rxq *q,
		       struct pcap_endpoint *ep);
void eth_pcap_infinite_free(struct pcap_rxq *q);

/* pcap_ethdev.c: the ops table. */
extern const struct cdk_eth_dev_ops eth_pcap_ops;

#endif
