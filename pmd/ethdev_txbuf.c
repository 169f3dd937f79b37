/* Buffered transmit: set-up and the stock error callbacks. */
#include <errno.h>
#include <string.h>

#include "cdk_ethdev.h"

void cdk_eth_tx_buffer_drop_callback(struct cdk_mbuf **pkts, uint16_t unsent,
				     void *userdata)
{
	(void)userdata;
	cdk_pktmbuf_free_bulk(pkts, unsent);
}

void cdk_eth_tx_buffer_count_callback(struct cdk_mbuf **pkts, uint16_t unsent,
				      void *userdata)
{
	uint64_t *count = userdata;

	cdk_pktmbuf_free_bulk(pkts, unsent);
	*count += unsent;
}

int cdk_eth_tx_buffer_set_err_callback(struct cdk_eth_dev_tx_buffer *b,
				       cdk_eth_buffer_tx_error_fn cb,
				       void *userdata)
{
	if (b == NULL || cb == NULL)
		return -EINVAL;
	b->error_callback = cb;
	b->error_userdata = userdata;
	return 0;
}

int cdk_eth_tx_buffer_init(struct cdk_eth_dev_tx_buffer *b, uint16_t size)
{
	if (b == NULL || size == 0)
		return -EINVAL;
	b->size = size;
	b->length = 0;
	return cdk_eth_tx_buffer_set_err_callback(b, cdk_eth_tx_buffer_drop_callback,
						  NULL);
}
