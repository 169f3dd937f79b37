/*
 * net_pcap: a port whose frames come from pcap files or live interfaces
 * and go to pcap files or live interfaces, with DPDK's devargs:
 *
 *   rx_pcap=FILE      an rx queue reading FILE (give it again for more queues)
 *   tx_pcap=FILE      a tx queue writing FILE (pcap, nanosecond timestamps)
 *   rx_iface=IF       an rx queue capturing on IF (both directions)
 *   rx_iface_in=IF    an rx queue capturing what IF receives
 *   tx_iface=IF       a tx queue sending on IF
 *   iface=IF          one rx (inbound only) and one tx queue on IF
 *   infinite_rx=1     replay the rx files in a loop (loaded into mbufs)
 *   phy_mac=1         the port takes IF's MAC address (with iface=)
 *
 * Without rx sources the port has as many rx queues as tx queues, and they
 * receive nothing; without tx sinks, its tx queues drop (and count) what
 * they are given.
 */
#include <errno.h>
#include <string.h>

#include "cdk_log.h"
#include "pcap_private.h"

#define PCAP_LOG_ERR(...) cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_PMD, __VA_ARGS__)

static const char *const eth_pcap_keys[] = {
	"rx_pcap", "tx_pcap", "rx_iface", "rx_iface_in", "tx_iface", "iface",
	"phy_mac", "infinite_rx", NULL
};

struct pcap_args {
	int phy_mac, infinite_rx, has_iface_rx;
	const char *iface; /* iface= */
};

static int add_endpoint(const char *dev, struct pcap_endpoint *set,
			unsigned *n, const char *key, const char *value,
			enum pcap_kind kind)
{
	if (*value == '\0') {
		PCAP_LOG_ERR("%s: %s= needs a file or interface name", dev, key);
		return -EINVAL;
	}
	if (*n == PCAP_MAX_QUEUES) {
		PCAP_LOG_ERR("%s: more than %d %s queues", dev, PCAP_MAX_QUEUES,
			     key[0] == 't' ? "tx" : "rx");
		return -EINVAL;
	}
	set[*n].kind = kind;
	set[*n].key = key;
	snprintf(set[*n].name, sizeof(set[*n].name), "%s", value);
	(*n)++;
	return 0;
}

/* Each source and sink in the order given: that order numbers the queues. */
static int collect(const char *dev, const struct cdk_kvargs *kv,
		   struct pcap_port *p, struct pcap_args *a)
{
	int rc = 0;

	for (unsigned i = 0; i < kv->count && rc == 0; i++) {
		const char *k = kv->pairs[i].key, *v = kv->pairs[i].value;
		/* the key as a literal that outlives kv, for messages */
		const char *key = NULL;

		for (const char *const *kk = eth_pcap_keys; *kk; kk++)
			if (strcmp(*kk, k) == 0)
				key = *kk;
		if (strcmp(k, "rx_pcap") == 0)
			rc = add_endpoint(dev, p->rx, &p->n_rx, key, v, PCAP_FILE);
		else if (strcmp(k, "tx_pcap") == 0)
			rc = add_endpoint(dev, p->tx, &p->n_tx, key, v, PCAP_FILE);
		else if (strcmp(k, "rx_iface") == 0 || strcmp(k, "rx_iface_in") == 0)
			rc = add_endpoint(dev, p->rx, &p->n_rx, key, v, PCAP_IFACE);
		else if (strcmp(k, "tx_iface") == 0)
			rc = add_endpoint(dev, p->tx, &p->n_tx, key, v, PCAP_IFACE);
		else if (strcmp(k, "iface") == 0)
			a->iface = v;
		a->has_iface_rx |= strncmp(k, "rx_iface", 8) == 0;
	}
	return rc;
}

/* The combinations DPDK refuses, or that would silently mean nothing. */
static int check(const char *dev, const struct cdk_kvargs *kv,
		 const struct pcap_port *p, const struct pcap_args *a)
{
	if (cdk_kvargs_count(kv, "iface") > 1 ||
	    (a->iface && (p->n_rx || p->n_tx))) {
		PCAP_LOG_ERR("%s: iface= gives both directions of one interface: "
			     "give it once and without rx_*/tx_* arguments", dev);
		return -EINVAL;
	}
	if (a->iface && *a->iface == '\0') {
		PCAP_LOG_ERR("%s: iface= needs an interface name", dev);
		return -EINVAL;
	}
	if (!a->iface && p->n_rx == 0 && p->n_tx == 0) {
		PCAP_LOG_ERR("%s: nothing to receive from or send to: give "
			     "rx_pcap, tx_pcap, rx_iface, rx_iface_in, tx_iface "
			     "or iface", dev);
		return -EINVAL;
	}
	if (a->phy_mac && !a->iface) {
		PCAP_LOG_ERR("%s: phy_mac=1 takes the MAC of iface=: give iface",
			     dev);
		return -EINVAL;
	}
	if (a->infinite_rx && (p->n_rx == 0 || a->has_iface_rx)) {
		PCAP_LOG_ERR("%s: infinite_rx=1 replays rx_pcap files: give "
			     "rx_pcap and no rx interface", dev);
		return -EINVAL;
	}
	return 0;
}

static int parse(const struct cdk_device *d, struct pcap_port *p)
{
	struct pcap_args a = { 0 };
	struct cdk_kvargs kv;
	int rc = cdk_kvargs_parse(&kv, d->name, d->args, eth_pcap_keys);

	if (rc == 0)
		rc = cdk_kvargs_get_bool(&kv, d->name, "phy_mac", &a.phy_mac);
	if (rc == 0 || rc == -ENOENT)
		rc = cdk_kvargs_get_bool(&kv, d->name, "infinite_rx", &a.infinite_rx);
	if (rc == 0 || rc == -ENOENT)
		rc = collect(d->name, &kv, p, &a);
	if (rc == 0)
		rc = check(d->name, &kv, p, &a);
	if (rc < 0)
		return rc;
	if (a.iface) {
		add_endpoint(d->name, p->rx, &p->n_rx, "iface", a.iface, PCAP_IFACE);
		add_endpoint(d->name, p->tx, &p->n_tx, "iface", a.iface, PCAP_IFACE);
		p->tx[0].shared = 1;
	}
	p->infinite_rx = a.infinite_rx;
	snprintf(p->devname, sizeof(p->devname), "%s", d->name);
	/* DPDK's pairing: the missing direction gets as many queues. */
	if (p->n_rx == 0)
		p->n_rx = p->n_tx;
	if (p->n_tx == 0)
		p->n_tx = p->n_rx;
	return a.phy_mac;
}

static void close_all(struct pcap_port *p)
{
	for (unsigned q = 0; q < p->n_rx; q++)
		eth_pcap_close_endpoint(&p->rx[q]);
	for (unsigned q = 0; q < p->n_tx; q++)
		eth_pcap_close_endpoint(&p->tx[q]);
}

static int open_all(const char *dev, struct pcap_port *p)
{
	int rc = 0;

	for (unsigned q = 0; q < p->n_rx && rc == 0; q++)
		rc = eth_pcap_open_rx(dev, &p->rx[q]);
	if (rc == 0 && p->tx[0].shared)
		p->tx[0].pcap = p->rx[0].pcap;
	for (unsigned q = 0; q < p->n_tx && rc == 0; q++)
		rc = eth_pcap_open_tx(dev, &p->tx[q]);
	if (rc < 0)
		close_all(p);
	return rc;
}

/* DPDK's addresses for these ports: 02:70:63:61:70:NN ("\2pcap", index). */
static void eth_pcap_default_mac(struct cdk_ether_addr *mac)
{
	static uint8_t next;
	const uint8_t base[5] = { 0x02, 0x70, 0x63, 0x61, 0x70 };

	memcpy(mac->addr_bytes, base, sizeof(base));
	mac->addr_bytes[5] = next++;
}

static struct cdk_pmd_driver eth_pcap_driver;

static int eth_pcap_probe(struct cdk_device *d)
{
	static struct pcap_port parsed; /* big: kept off the stack */
	struct cdk_eth_dev *dev;
	int phy_mac, rc;

	memset(&parsed, 0, sizeof(parsed));
	phy_mac = parse(d, &parsed);
	if (phy_mac < 0)
		return phy_mac;
	rc = open_all(d->name, &parsed);
	if (rc < 0)
		return rc;
	dev = cdk_eth_dev_allocate(d->name, d, &eth_pcap_driver, sizeof(struct pcap_port));
	if (dev == NULL) {
		close_all(&parsed);
		return -ENOSPC;
	}
	*(struct pcap_port *)dev->dev_private = parsed;
	eth_pcap_default_mac(&dev->mac_addr);
	if (phy_mac &&
	    eth_pcap_iface_mac(d->name, parsed.rx[0].name, dev->mac_addr.addr_bytes) < 0) {
		close_all(dev->dev_private);
		cdk_eth_dev_release_port(dev);
		return -ENODEV;
	}
	dev->dev_ops = &eth_pcap_ops;
	dev->rx_pkt_burst = parsed.infinite_rx ? eth_pcap_rx_infinite : eth_pcap_rx;
	dev->tx_pkt_burst = eth_pcap_tx;
	cdk_eth_dev_probing_finish(dev);
	return 0;
}

static int eth_pcap_remove(struct cdk_device *d)
{
	uint16_t port;

	if (cdk_eth_dev_get_port_by_name(d->name, &port) < 0)
		return 0;
	cdk_eth_dev_stop(port);
	return cdk_eth_dev_close(port);
}

static struct cdk_pmd_driver eth_pcap_driver = {
	.name = "net_pcap",
	.kind = CDK_DEV_VDEV,
	.devargs_keys = eth_pcap_keys,
	.probe = eth_pcap_probe,
	.remove = eth_pcap_remove,
};

CDK_PMD_REGISTER(eth_pcap_driver)
