/*
 * The out-of-line queue helpers of the Intel gigabit drivers: tx cleaning,
 * rx ring fill, and what start and stop do to a queue's rings.
 */
#include <errno.h>
#include <string.h>

#include "pmd/intel_gbe/gbe_queue.h"

/* SDM 3.3.3.2, 82576 DS 7.2.3.5: DD is written only where RS asked. */
int gbe_tx_clean(const struct gbe_tx_clean *c)
{
	uint16_t last = *c->last_cleaned, n = c->nb_desc;
	uint16_t to = (uint16_t)(last + c->rs_thresh);
	void *d;

	if ((uint16_t)(n - 1 - *c->nb_free) < c->rs_thresh)
		return -1; /* fewer in flight than one batch */
	if (to >= n)
		to = (uint16_t)(to - n);
	to = c->sw_ring[to].last_id;
	d = gbe_desc_at(c->ring, to);
	if (d == NULL || !(__atomic_load_n(gbe_desc_hi(d), __ATOMIC_ACQUIRE) &
			   GBE_TXD_WB_DD))
		return -1;
	*c->nb_free = (uint16_t)(*c->nb_free + (to > last ? to - last : n - last + to));
	*c->last_cleaned = to;
	return 0;
}

int gbe_rx_ring_fill(const cdk_cap_t *ring, const cdk_cap_t *pool,
		     struct cdk_mempool *mp, uint32_t buf_len,
		     struct cdk_mbuf **sw_ring, uint16_t nb_desc, uint16_t *rdt)
{
	for (uint16_t i = 0; i < nb_desc; i++) {
		struct cdk_mbuf *m = cdk_mbuf_raw_alloc(mp);
		void *d = gbe_desc_at(ring, i);

		if (m == NULL)
			return -ENOMEM;
		if (d == NULL || !cdk_cap_usable(pool, CDK_CAP_PERM_DMA) ||
		    gbe_rx_post(pool, buf_len, d, m) < 0) {
			cdk_mbuf_raw_free(m);
			return -EFAULT;
		}
		sw_ring[i] = m;
	}
	*rdt = (uint16_t)(nb_desc - 1);
	return 0;
}

void gbe_rx_sw_drain(struct cdk_mbuf **sw_ring, uint16_t nb_desc)
{
	for (uint16_t i = 0; sw_ring && i < nb_desc; i++) {
		if (sw_ring[i] != NULL)
			cdk_mbuf_raw_free(sw_ring[i]);
		sw_ring[i] = NULL;
	}
}

void gbe_tx_sw_drain(struct gbe_tx_entry *sw_ring, uint16_t nb_desc)
{
	for (uint16_t i = 0; sw_ring && i < nb_desc; i++) {
		if (sw_ring[i].mbuf != NULL)
			cdk_pktmbuf_free_seg(sw_ring[i].mbuf);
		sw_ring[i].mbuf = NULL;
	}
}

void gbe_ring_zero(const cdk_cap_t *ring, uint16_t nb_desc)
{
	void *p = cdk_cap_ptr(ring, 0, (uint64_t)nb_desc * GBE_DESC_SIZE,
			      GBE_DESC_RW);

	if (p != NULL)
		memset(p, 0, (size_t)nb_desc * GBE_DESC_SIZE);
}

void gbe_tx_entries_reset(struct gbe_tx_entry *sw_ring, uint16_t nb_desc)
{
	for (uint16_t i = 0; i < nb_desc; i++)
		sw_ring[i].last_id = i;
}
