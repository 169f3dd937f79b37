/*
 * net_pcap's handles: pcap files to read, dump files to write, live
 * interfaces. Every failure names the device, the devarg and the file or
 * interface, with libpcap's own reason.
 */
#include <errno.h>
#include <net/if.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cdk_log.h"
#include "pcap_private.h"

#define PCAP_ERR(dev, ep, fmt, ...)                                       \
	cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_PMD, "%s: %s=%s: " fmt, dev,       \
		(ep)->key, (ep)->name, __VA_ARGS__)

static int open_file_reader(const char *dev, struct pcap_endpoint *ep)
{
	char err[PCAP_ERRBUF_SIZE] = "";
	int dlt;

	/* Nanosecond precision keeps the timestamps of either kind of file. */
	ep->pcap = pcap_open_offline_with_tstamp_precision(
		ep->name, PCAP_TSTAMP_PRECISION_NANO, err);
	if (ep->pcap == NULL) {
		PCAP_ERR(dev, ep, "cannot read it as a pcap file: %s", err);
		return -EINVAL;
	}
	dlt = pcap_datalink(ep->pcap);
	if (dlt != DLT_EN10MB)
		cdk_log(CDK_LOG_WARNING, CDK_LOGTYPE_PMD, "%s: %s=%s: link type "
			"%s, not Ethernet: frames are passed on as they are",
			dev, ep->key, ep->name, pcap_datalink_val_to_name(dlt));
	return 0;
}

/* A live capture that never blocks a poll loop and sees each frame at once. */
static int open_live(const char *dev, struct pcap_endpoint *ep, int inbound)
{
	char err[PCAP_ERRBUF_SIZE] = "";
	pcap_t *p = pcap_create(ep->name, err);
	int rc;

	if (p == NULL) {
		PCAP_ERR(dev, ep, "cannot open the interface: %s", err);
		return -ENODEV;
	}
	pcap_set_snaplen(p, PCAP_SNAPLEN);
	pcap_set_promisc(p, 1);
	pcap_set_immediate_mode(p, 1);
	rc = pcap_activate(p);
	if (rc < 0) {
		PCAP_ERR(dev, ep, "cannot open the interface: %s%s%s",
			 pcap_statustostr(rc), *pcap_geterr(p) ? ": " : "",
			 pcap_geterr(p));
		pcap_close(p);
		return rc == PCAP_ERROR_NO_SUCH_DEVICE ? -ENODEV : -EIO;
	}
	if (pcap_setnonblock(p, 1, err) < 0) {
		PCAP_ERR(dev, ep, "cannot make the capture non-blocking: %s", err);
		pcap_close(p);
		return -EIO;
	}
	/* Without this, a port on one interface would receive what it sent. */
	if (inbound && pcap_setdirection(p, PCAP_D_IN) < 0)
		cdk_log(CDK_LOG_WARNING, CDK_LOGTYPE_PMD, "%s: %s=%s: cannot "
			"capture inbound only (%s): the port also sees what it "
			"sends", dev, ep->key, ep->name, pcap_geterr(p));
	ep->pcap = p;
	return 0;
}

int eth_pcap_open_rx(const char *dev, struct pcap_endpoint *ep)
{
	if (ep->kind == PCAP_FILE)
		return open_file_reader(dev, ep);
	if (ep->kind == PCAP_IFACE)
		return open_live(dev, ep, strcmp(ep->key, "rx_iface") != 0);
	return 0;
}

static int open_dumper(const char *dev, struct pcap_endpoint *ep)
{
	ep->pcap = pcap_open_dead_with_tstamp_precision(
		DLT_EN10MB, PCAP_SNAPLEN, PCAP_TSTAMP_PRECISION_NANO);
	if (ep->pcap == NULL) {
		PCAP_ERR(dev, ep, "%s", "libpcap cannot make a dump handle");
		return -ENOMEM;
	}
	ep->dumper = pcap_dump_open(ep->pcap, ep->name);
	if (ep->dumper == NULL) {
		PCAP_ERR(dev, ep, "cannot write it: %s", pcap_geterr(ep->pcap));
		pcap_close(ep->pcap);
		ep->pcap = NULL;
		return -EINVAL;
	}
	return 0;
}

int eth_pcap_open_tx(const char *dev, struct pcap_endpoint *ep)
{
	if (ep->kind == PCAP_FILE)
		return open_dumper(dev, ep);
	if (ep->kind == PCAP_IFACE && !ep->shared)
		return open_live(dev, ep, 0);
	return 0;
}

int eth_pcap_reopen_rx_file(const char *dev, struct pcap_endpoint *ep)
{
	if (ep->pcap)
		pcap_close(ep->pcap);
	ep->pcap = NULL;
	return open_file_reader(dev, ep);
}

void eth_pcap_close_endpoint(struct pcap_endpoint *ep)
{
	if (ep->dumper) {
		pcap_dump_close(ep->dumper); /* flushes: the file is complete */
		ep->dumper = NULL;
	}
	/* A shared live handle belongs to the rx side, which closes it. */
	if (ep->pcap && !ep->shared)
		pcap_close(ep->pcap);
	ep->pcap = NULL;
}

int eth_pcap_iface_mac(const char *dev, const char *iface, uint8_t mac[6])
{
	struct ifreq ifr;
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	int rc;

	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", iface);
	rc = fd < 0 ? -1 : ioctl(fd, SIOCGIFHWADDR, &ifr);
	if (rc < 0) {
		rc = -errno;
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_PMD, "%s: phy_mac=1: cannot read "
			"the MAC address of %s: %s", dev, iface, strerror(errno));
	} else {
		memcpy(mac, ifr.ifr_hwaddr.sa_data, 6);
	}
	if (fd >= 0)
		close(fd);
	return rc < 0 ? rc : 0;
}
