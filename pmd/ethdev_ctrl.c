/* Port settings: link, promiscuous and multicast modes, MAC, MTU, RSS. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cdk_log.h"
#include "cdk_pmd.h"

/* The port and its op, or the error DPDK gives: -ENODEV, -ENOTSUP. */
#define PORT_OP(port_id, op, dev)                                       \
	struct cdk_eth_dev *dev = cdk_eth_dev_get(port_id);             \
	if (dev == NULL)                                                \
		return -ENODEV;                                         \
	if (dev->dev_ops->op == NULL)                                   \
		return -ENOTSUP

static int link_get(uint16_t port_id, struct cdk_eth_link *link, int wait)
{
	struct cdk_eth_dev *dev = cdk_eth_dev_get(port_id);

	if (dev == NULL)
		return -ENODEV;
	if (link == NULL)
		return -EINVAL;
	if (dev->dev_ops->link_update && dev->started)
		dev->dev_ops->link_update(dev, wait);
	*link = dev->started ? dev->link : (struct cdk_eth_link){ 0 };
	return 0;
}

int cdk_eth_link_get(uint16_t port_id, struct cdk_eth_link *link)
{
	return link_get(port_id, link, 1);
}

int cdk_eth_link_get_nowait(uint16_t port_id, struct cdk_eth_link *link)
{
	return link_get(port_id, link, 0);
}

const char *cdk_eth_link_speed_to_str(uint32_t speed)
{
	switch (speed) {
	case CDK_ETH_SPEED_NUM_NONE: return "None";
	case CDK_ETH_SPEED_NUM_10M: return "10 Mbps";
	case CDK_ETH_SPEED_NUM_100M: return "100 Mbps";
	case CDK_ETH_SPEED_NUM_1G: return "1 Gbps";
	case CDK_ETH_SPEED_NUM_10G: return "10 Gbps";
	case CDK_ETH_SPEED_NUM_UNKNOWN: return "Unknown";
	default: return "Invalid";
	}
}

int cdk_eth_link_to_str(char *str, size_t len, const struct cdk_eth_link *l)
{
	if (str == NULL || len == 0 || l == NULL)
		return -EINVAL;
	if (!l->link_status)
		return snprintf(str, len, "Link down");
	return snprintf(str, len, "Link up at %s %s %s",
			cdk_eth_link_speed_to_str(l->link_speed),
			l->link_duplex ? "FDX" : "HDX",
			l->link_autoneg ? "Autoneg" : "Fixed");
}

static int set_mode(uint16_t port_id, int promisc, int on)
{
	struct cdk_eth_dev *dev = cdk_eth_dev_get(port_id);
	int (*op)(struct cdk_eth_dev *);
	uint8_t *flag;
	int rc;

	if (dev == NULL)
		return -ENODEV;
	if (promisc)
		op = on ? dev->dev_ops->promiscuous_enable : dev->dev_ops->promiscuous_disable;
	else
		op = on ? dev->dev_ops->allmulticast_enable : dev->dev_ops->allmulticast_disable;
	flag = promisc ? &dev->promiscuous : &dev->all_multicast;
	if (*flag == on)
		return 0;
	if (op == NULL)
		return -ENOTSUP;
	rc = op(dev);
	if (rc == 0)
		*flag = (uint8_t)on;
	return rc;
}

int cdk_eth_promiscuous_enable(uint16_t p) { return set_mode(p, 1, 1); }
int cdk_eth_promiscuous_disable(uint16_t p) { return set_mode(p, 1, 0); }
int cdk_eth_allmulticast_enable(uint16_t p) { return set_mode(p, 0, 1); }
int cdk_eth_allmulticast_disable(uint16_t p) { return set_mode(p, 0, 0); }

int cdk_eth_promiscuous_get(uint16_t port_id)
{
	struct cdk_eth_dev *dev = cdk_eth_dev_get(port_id);

	return dev ? dev->promiscuous : -ENODEV;
}

int cdk_eth_allmulticast_get(uint16_t port_id)
{
	struct cdk_eth_dev *dev = cdk_eth_dev_get(port_id);

	return dev ? dev->all_multicast : -ENODEV;
}

int cdk_eth_macaddr_get(uint16_t port_id, struct cdk_ether_addr *mac)
{
	struct cdk_eth_dev *dev = cdk_eth_dev_get(port_id);

	if (dev == NULL)
		return -ENODEV;
	if (mac == NULL)
		return -EINVAL;
	*mac = dev->mac_addr;
	return 0;
}

int cdk_eth_dev_default_mac_addr_set(uint16_t port_id,
				     struct cdk_ether_addr *mac)
{
	int rc;
	PORT_OP(port_id, mac_addr_set, dev);

	if (mac == NULL || !cdk_is_valid_assigned_ether_addr(mac))
		return -EINVAL;
	rc = dev->dev_ops->mac_addr_set(dev, mac);
	if (rc == 0)
		dev->mac_addr = *mac;
	return rc;
}

int cdk_eth_dev_set_mtu(uint16_t port_id, uint16_t mtu)
{
	struct cdk_eth_dev_info info;
	int rc = cdk_eth_dev_info_get(port_id, &info);
	struct cdk_eth_dev *dev = cdk_eth_dev_get(port_id);

	if (rc < 0)
		return rc;
	if (mtu < info.min_mtu || mtu > info.max_mtu) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_ETHDEV,
			"port %u: MTU %u outside [%u, %u]", port_id, mtu,
			info.min_mtu, info.max_mtu);
		return -EINVAL;
	}
	if (dev->dev_ops->mtu_set == NULL)
		return -ENOTSUP;
	rc = dev->dev_ops->mtu_set(dev, mtu);
	if (rc == 0)
		dev->mtu = mtu;
	return rc;
}

int cdk_eth_dev_get_mtu(uint16_t port_id, uint16_t *mtu)
{
	struct cdk_eth_dev *dev = cdk_eth_dev_get(port_id);

	if (dev == NULL)
		return -ENODEV;
	if (mtu == NULL)
		return -EINVAL;
	*mtu = dev->mtu;
	return 0;
}

int cdk_eth_dev_rss_hash_update(uint16_t port_id, struct cdk_eth_rss_conf *c)
{
	PORT_OP(port_id, rss_hash_update, dev);

	return c == NULL ? -EINVAL : dev->dev_ops->rss_hash_update(dev, c);
}

int cdk_eth_dev_rss_hash_conf_get(uint16_t port_id, struct cdk_eth_rss_conf *c)
{
	PORT_OP(port_id, rss_hash_conf_get, dev);

	return c == NULL ? -EINVAL : dev->dev_ops->rss_hash_conf_get(dev, c);
}

/* Entries of reta_conf must name configured rx queues. */
static int reta_check(struct cdk_eth_dev *dev,
		      struct cdk_eth_rss_reta_entry64 *reta, uint16_t size,
		      int check_queues)
{
	struct cdk_eth_dev_info info;

	if (reta == NULL || size == 0 ||
	    cdk_eth_dev_info_get(dev->port_id, &info) < 0 || size != info.reta_size)
		return -EINVAL;
	for (uint16_t i = 0; check_queues && i < size; i++) {
		struct cdk_eth_rss_reta_entry64 *g = &reta[i / CDK_ETH_RETA_GROUP_SIZE];
		unsigned k = i % CDK_ETH_RETA_GROUP_SIZE;

		if ((g->mask >> k & 1) && g->reta[k] >= dev->nb_rx_queues)
			return -EINVAL;
	}
	return 0;
}

int cdk_eth_dev_rss_reta_update(uint16_t port_id,
				struct cdk_eth_rss_reta_entry64 *reta,
				uint16_t size)
{
	int rc;
	PORT_OP(port_id, reta_update, dev);

	rc = reta_check(dev, reta, size, 1);
	return rc < 0 ? rc : dev->dev_ops->reta_update(dev, reta, size);
}

int cdk_eth_dev_rss_reta_query(uint16_t port_id,
			       struct cdk_eth_rss_reta_entry64 *reta,
			       uint16_t size)
{
	int rc;
	PORT_OP(port_id, reta_query, dev);

	rc = reta_check(dev, reta, size, 0);
	return rc < 0 ? rc : dev->dev_ops->reta_query(dev, reta, size);
}
