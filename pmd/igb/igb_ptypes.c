/*
 * net_e1000_igb packet types: what the write-back's packet type bits say
 * (82576 DS 7.1.5.2: bit 0 IPv4, 1 IPv4 with options, 2 IPv6, 4 TCP, 5 UDP;
 * the higher bits, SCTP and NFS, are not reported) in DPDK's terms, and
 * the application's choice of layers (cdk_eth_dev_set_ptypes). The port
 * keeps one table over bits 0-5 with the chosen layers; its rx queues
 * point at it, or at nothing when classification is off.
 */
#include "cdk_mbuf.h"
#include "pmd/igb/igb_ethdev.h"
#include "pmd/igb/igb_queue.h"
#include "pmd/igb/igb_regs.h"

const uint32_t igb_ptypes_supported[] = {
	CDK_PTYPE_L2_ETHER, CDK_PTYPE_L3_IPV4, CDK_PTYPE_L3_IPV4_EXT,
	CDK_PTYPE_L3_IPV6,  CDK_PTYPE_L4_TCP,  CDK_PTYPE_L4_UDP,
	CDK_PTYPE_UNKNOWN,
};

static uint32_t ptype_of(unsigned bits)
{
	uint32_t t = CDK_PTYPE_L2_ETHER;

	if (bits & IGB_RXD_PKT_IPV4)
		t |= bits & IGB_RXD_PKT_IPV4E ? CDK_PTYPE_L3_IPV4_EXT : CDK_PTYPE_L3_IPV4;
	else if (bits & IGB_RXD_PKT_IPV6)
		t |= CDK_PTYPE_L3_IPV6;
	if (bits & IGB_RXD_PKT_TCP)
		t |= CDK_PTYPE_L4_TCP;
	else if (bits & IGB_RXD_PKT_UDP)
		t |= CDK_PTYPE_L4_UDP;
	return t;
}

void igb_ptypes_fill(uint32_t tbl[IGB_PTYPES], uint32_t mask)
{
	for (unsigned i = 0; i < IGB_PTYPES; i++)
		tbl[i] = ptype_of(i) & mask;
}

const uint32_t *igb_supported_ptypes_get(struct cdk_eth_dev *dev)
{
	(void)dev;
	return igb_ptypes_supported;
}

/* The queue's view of the port's choice. */
void igb_rxq_ptypes_attach(struct igb_adapter *ad, struct igb_rx_queue *q)
{
	q->ptypes = ad->ptype_mask ? ad->ptypes : NULL;
}

/* The ethdev layer checked that mask is made of whole layers. Like the
 * other control operations, and as in DPDK, this is for a port whose rx
 * queues nobody is polling at the time (before start, or queues stopped):
 * the table and the queues' pointers are plain memory. */
int igb_ptypes_set(struct cdk_eth_dev *dev, uint32_t mask)
{
	struct igb_adapter *ad = igb_adapter(dev);

	ad->ptype_mask = mask;
	igb_ptypes_fill(ad->ptypes, mask);
	for (uint16_t i = 0; i < dev->nb_rx_queues; i++)
		if (dev->rx_queues[i] != NULL)
			igb_rxq_ptypes_attach(ad, dev->rx_queues[i]);
	return 0;
}

void igb_ptypes_init(struct igb_adapter *ad)
{
	ad->ptype_mask = CDK_PTYPE_ALL_MASK;
	igb_ptypes_fill(ad->ptypes, ad->ptype_mask);
}
