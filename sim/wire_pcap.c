/*
 * The pcap wire: frames arrive from a capture file (optionally replayed in a
 * loop) and transmitted frames are written to another, which tcpdump and
 * tshark read. Reading is paced by the rx packet buffer: a frame is only
 * taken from the file when it fits, so a replay loses nothing.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include <pcap/pcap.h>

#include "e1000/e1000_regs.h"
#include "sim_internal.h"

#define PCAP_SNAPLEN 65535
#define PCAP_POLL_BUDGET 64

struct wire_pcap {
	pcap_t *rx;
	char *rx_path;
	int loop;
	pcap_t *dead;
	pcap_dumper_t *dumper;
	uint8_t *pend; /* a frame read but not yet accepted */
	size_t pend_len;
};

static pcap_t *pcap_rx_open(const char *path)
{
	char err[PCAP_ERRBUF_SIZE];
	pcap_t *p = pcap_open_offline(path, err);

	if (!p)
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_SIM, "pcap wire: %s: %s", path,
			err);
	return p;
}

static void pcap_tx(struct cdk_sim_dev *dev, const uint8_t *frame, size_t len)
{
	struct wire_pcap *w = dev->wire_priv;
	struct pcap_pkthdr h;

	if (!w->dumper)
		return;
	gettimeofday(&h.ts, NULL);
	h.caplen = (bpf_u_int32)len;
	h.len = (bpf_u_int32)len;
	pcap_dump((u_char *)w->dumper, &h, frame);
	/* Flushed per frame so a reader sees what was sent so far. */
	pcap_dump_flush(w->dumper);
}

/* Next frame of the file into w->pend; 0 at the end (after looping). */
static int pcap_next_frame(struct wire_pcap *w)
{
	struct pcap_pkthdr *h;
	const u_char *data;
	int rc = pcap_next_ex(w->rx, &h, &data);

	if (rc == PCAP_ERROR_BREAK && w->loop) {
		pcap_close(w->rx);
		w->rx = pcap_rx_open(w->rx_path);
		if (!w->rx)
			return 0;
		rc = pcap_next_ex(w->rx, &h, &data);
	}
	if (rc != 1)
		return 0;
	w->pend_len = CDK_MIN((size_t)h->caplen, (size_t)SIM_MAX_FRAME);
	memcpy(w->pend, data, w->pend_len);
	return 1;
}

static int pcap_poll(struct cdk_sim_dev *dev)
{
	struct wire_pcap *w = dev->wire_priv;
	int n = 0;

	/* A disabled receiver would drop the file's frames unseen. */
	if (!w->rx || !(sim_reg(dev, E1000_RCTL) & E1000_RCTL_EN))
		return 0;
	while (n < PCAP_POLL_BUDGET) {
		if (!w->pend_len && !pcap_next_frame(w))
			break;
		if (!w->pend_len ||
		    sim_fifo_push(&dev->fifo, w->pend, w->pend_len))
			break;
		w->pend_len = 0;
		n++;
	}
	return n;
}

static void pcap_free(struct wire_pcap *w)
{
	if (w->rx)
		pcap_close(w->rx);
	if (w->dumper)
		pcap_dump_close(w->dumper);
	if (w->dead)
		pcap_close(w->dead);
	free(w->rx_path);
	free(w->pend);
	free(w);
}

static void pcap_close_wire(struct cdk_sim_dev *dev)
{
	pcap_free(dev->wire_priv);
}

static const struct sim_wire_ops wire_pcap_ops = {
	.name = "pcap",
	.tx = pcap_tx,
	.poll = pcap_poll,
	.close = pcap_close_wire,
};

static int pcap_open_tx(struct wire_pcap *w, const char *path)
{
	w->dead = pcap_open_dead(DLT_EN10MB, PCAP_SNAPLEN);
	if (!w->dead)
		return -ENOMEM;
	w->dumper = pcap_dump_open(w->dead, path);
	if (!w->dumper) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_SIM, "pcap wire: %s: %s", path,
			pcap_geterr(w->dead));
		return -EIO;
	}
	return 0;
}

int cdk_sim_wire_pcap(struct cdk_sim_dev *dev, const char *rx_path,
		      const char *tx_path, int loop)
{
	struct wire_pcap *w = calloc(1, sizeof(*w));
	int rc = 0;

	if (!w)
		return -ENOMEM;
	w->loop = loop;
	w->pend = malloc(SIM_MAX_FRAME);
	if (!w->pend)
		rc = -ENOMEM;
	if (!rc && rx_path) {
		w->rx_path = strdup(rx_path);
		w->rx = pcap_rx_open(rx_path);
		if (!w->rx_path || !w->rx)
			rc = -ENOENT;
	}
	if (!rc && tx_path)
		rc = pcap_open_tx(w, tx_path);
	if (!rc)
		rc = sim_port_plug(dev, &wire_pcap_ops, w);
	if (rc)
		pcap_free(w);
	return rc;
}
