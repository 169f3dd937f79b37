/*
 * The live wire: a Linux interface (typically one end of a veth pair in a
 * network namespace) through libpcap. Frames the interface receives arrive
 * at the port; frames the port transmits are injected. Live traffic is not
 * paced: when the rx packet buffer is full a frame is missed, as on a NIC.
 */
#include <errno.h>
#include <stdlib.h>

#include <pcap/pcap.h>

#include "sim_internal.h"

#define LIVE_SNAPLEN 65535
#define LIVE_POLL_BUDGET 64

static void live_tx(struct cdk_sim_dev *dev, const uint8_t *frame, size_t len)
{
	if (pcap_inject(dev->wire_priv, frame, len) < 0)
		cdk_log(CDK_LOG_WARNING, CDK_LOGTYPE_SIM, "%s: live wire: %s",
			dev->name, pcap_geterr(dev->wire_priv));
}

static void live_rx_one(u_char *arg, const struct pcap_pkthdr *h,
			const u_char *data)
{
	sim_port_receive((struct cdk_sim_dev *)arg, data, h->caplen);
}

static int live_poll(struct cdk_sim_dev *dev)
{
	int n = pcap_dispatch(dev->wire_priv, LIVE_POLL_BUDGET, live_rx_one,
			      (u_char *)dev);

	return n > 0 ? n : 0;
}

static void live_close(struct cdk_sim_dev *dev)
{
	pcap_close(dev->wire_priv);
}

static const struct sim_wire_ops wire_live_ops = {
	.name = "live",
	.tx = live_tx,
	.poll = live_poll,
	.close = live_close,
};

static pcap_t *live_open(const char *ifname)
{
	char err[PCAP_ERRBUF_SIZE];
	pcap_t *p = pcap_create(ifname, err);

	if (!p) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_SIM, "live wire %s: %s", ifname,
			err);
		return NULL;
	}
	pcap_set_snaplen(p, LIVE_SNAPLEN);
	pcap_set_promisc(p, 1);
	pcap_set_immediate_mode(p, 1);
	if (pcap_activate(p) < 0 || pcap_setnonblock(p, 1, err) < 0) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_SIM, "live wire %s: %s", ifname,
			pcap_geterr(p));
		pcap_close(p);
		return NULL;
	}
	/* Our own injected frames must not come back as received ones. */
	pcap_setdirection(p, PCAP_D_IN);
	return p;
}

int cdk_sim_wire_live(struct cdk_sim_dev *dev, const char *ifname)
{
	pcap_t *p;
	int rc;

	if (!ifname)
		return -EINVAL;
	p = live_open(ifname);
	if (!p)
		return -ENODEV;
	rc = sim_port_plug(dev, &wire_live_ops, p);
	if (rc)
		pcap_close(p);
	return rc;
}
