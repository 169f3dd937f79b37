/* mbuf: pools, data helpers, chains, refcounts, clone and copy. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cdk_eal.h"
#include "cdk_mbuf.h"
#include "test_util.h"

#define NB 128
static struct cdk_mempool *mp, *clone_mp;

static int setup(void **state)
{
	(void)state;
	if (test_eal_init("-l", "0-1", NULL) <= 0)
		return -1;
	mp = cdk_pktmbuf_pool_create("pkts", NB, 16, 16,
				     CDK_MBUF_DEFAULT_BUF_SIZE, -1);
	clone_mp = cdk_pktmbuf_pool_create("clones", NB, 0, 16, 0, -1);
	return mp && clone_mp ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	/* Whatever a test leaked shows here, and fails it. */
	int leaked = cdk_mempool_in_use_count(mp) != 0 ||
		     cdk_mempool_in_use_count(clone_mp) != 0;

	cdk_mempool_free(mp);
	cdk_mempool_free(clone_mp);
	cdk_mempool_registry_reset();
	cdk_ring_registry_reset();
	cdk_eal_cleanup();
	return leaked ? -1 : 0;
}

static void fill(struct cdk_mbuf *m, uint16_t len, uint8_t seed)
{
	uint8_t *p = (uint8_t *)cdk_pktmbuf_append(m, len);

	assert_non_null(p);
	for (uint16_t i = 0; i < len; i++)
		p[i] = (uint8_t)(seed + i);
}

static void test_pool_create(void **state)
{
	struct cdk_mempool *p;

	(void)state;
	errno = 0;
	assert_null(cdk_pktmbuf_pool_create("bad", 10, 0, 3, 2048, -1));
	assert_int_equal(errno, EINVAL);
	errno = 0;
	assert_null(cdk_pktmbuf_pool_create("pkts", 10, 0, 0, 2048, -1));
	assert_int_equal(errno, EEXIST);
	errno = 0;
	assert_null(cdk_pktmbuf_pool_create("big_cache", 10, 512, 0, 2048, -1));
	assert_int_equal(errno, EINVAL);

	assert_int_equal(cdk_pktmbuf_data_room_size(mp),
			 CDK_MBUF_DEFAULT_BUF_SIZE);
	assert_int_equal(cdk_pktmbuf_priv_size(mp), 16);
	assert_int_equal(mp->elt_size, sizeof(struct cdk_mbuf) + 16 +
					       CDK_MBUF_DEFAULT_BUF_SIZE);
	assert_int_equal(cdk_mempool_avail_count(mp), NB);
	assert_ptr_equal(cdk_mempool_lookup("pkts"), mp);

	/* A data room smaller than the headroom leaves data_off at its end. */
	p = cdk_pktmbuf_pool_create("tiny", 8, 0, 0, 64, -1);
	assert_non_null(p);
	struct cdk_mbuf *m = cdk_pktmbuf_alloc(p);

	assert_non_null(m);
	assert_int_equal(m->buf_len, 64);
	assert_int_equal(m->data_off, 64);
	assert_int_equal(cdk_pktmbuf_tailroom(m), 0);
	cdk_pktmbuf_free(m);
	cdk_mempool_free(p);
}

static void test_layout(void **state)
{
	(void)state;
	assert_int_equal(sizeof(struct cdk_mbuf), 128);
	assert_int_equal(offsetof(struct cdk_mbuf, buf_addr), 0);
	assert_int_equal(offsetof(struct cdk_mbuf, buf_iova), 8);
	assert_int_equal(offsetof(struct cdk_mbuf, data_off), 16);
	assert_int_equal(offsetof(struct cdk_mbuf, refcnt), 18);
	assert_int_equal(offsetof(struct cdk_mbuf, nb_segs), 20);
	assert_int_equal(offsetof(struct cdk_mbuf, port), 22);
	assert_int_equal(offsetof(struct cdk_mbuf, ol_flags), 24);
	assert_int_equal(offsetof(struct cdk_mbuf, packet_type), 32);
	assert_int_equal(offsetof(struct cdk_mbuf, pkt_len), 36);
	assert_int_equal(offsetof(struct cdk_mbuf, data_len), 40);
	assert_int_equal(offsetof(struct cdk_mbuf, vlan_tci), 42);
	assert_int_equal(offsetof(struct cdk_mbuf, hash), 44);
	assert_int_equal(offsetof(struct cdk_mbuf, vlan_tci_outer), 52);
	assert_int_equal(offsetof(struct cdk_mbuf, buf_len), 54);
	assert_int_equal(offsetof(struct cdk_mbuf, pool), 56);
	assert_int_equal(offsetof(struct cdk_mbuf, next), 64);
	assert_int_equal(offsetof(struct cdk_mbuf, tx_offload), 72);
	/* A few DPDK values, spot-checked. */
	assert_true(CDK_MBUF_F_RX_RSS_HASH == 2);
	assert_true(CDK_MBUF_F_RX_IP_CKSUM_GOOD == 0x80);
	assert_true(CDK_MBUF_F_RX_L4_CKSUM_GOOD == 0x100);
	assert_true(CDK_MBUF_F_TX_IPV4 == 1ULL << 55);
	assert_true(CDK_MBUF_F_TX_UDP_CKSUM == 3ULL << 52);
	assert_true(CDK_PTYPE_L3_IPV4 == 0x10 && CDK_PTYPE_L4_UDP == 0x200);
	assert_string_equal(cdk_get_rx_ol_flag_name(CDK_MBUF_F_RX_VLAN),
			    "CDK_MBUF_F_RX_VLAN");
	assert_string_equal(cdk_get_tx_ol_flag_name(CDK_MBUF_F_TX_TCP_CKSUM),
			    "CDK_MBUF_F_TX_TCP_CKSUM");
	assert_null(cdk_get_rx_ol_flag_name(1ULL << 17));
}

static void test_alloc_fields(void **state)
{
	struct cdk_mbuf *m;
	const char *why = "unset";

	(void)state;
	m = cdk_pktmbuf_alloc(mp);
	assert_non_null(m);
	assert_ptr_equal(m->pool, mp);
	assert_int_equal(m->priv_size, 16);
	assert_ptr_equal(m->buf_addr, (char *)m + sizeof(*m) + 16);
	assert_ptr_equal(cdk_mbuf_to_baddr(m), m->buf_addr);
	assert_ptr_equal(cdk_mbuf_to_priv(m), (char *)m + sizeof(*m));
	assert_true(m->buf_iova == cdk_mempool_virt2iova(m) + sizeof(*m) + 16);
	assert_int_equal(m->buf_len, CDK_MBUF_DEFAULT_BUF_SIZE);
	assert_int_equal(m->data_off, CDK_PKTMBUF_HEADROOM);
	assert_int_equal(m->data_len, 0);
	assert_int_equal(m->pkt_len, 0);
	assert_int_equal(m->nb_segs, 1);
	assert_null(m->next);
	assert_int_equal(m->port, CDK_MBUF_PORT_INVALID);
	assert_int_equal(cdk_mbuf_refcnt_read(m), 1);
	assert_int_equal(cdk_pktmbuf_headroom(m), 128);
	assert_int_equal(cdk_pktmbuf_tailroom(m), 2048);
	assert_ptr_equal(cdk_pktmbuf_mtod(m, char *), (char *)m->buf_addr + 128);
	assert_ptr_equal(cdk_pktmbuf_mtod_offset(m, char *, 10),
			 (char *)m->buf_addr + 138);
	assert_true(cdk_pktmbuf_iova(m) == m->buf_iova + 128);
	assert_true(cdk_pktmbuf_iova_offset(m, 7) == m->buf_iova + 135);
	assert_int_equal(cdk_mbuf_check(m, 1, &why), 0);
	assert_null(why);
	/* The data lies in the pool's DMA capability. */
	assert_true(cdk_cap_covers(cdk_mempool_dma_cap(mp), m->buf_addr,
				   m->buf_len, CDK_CAP_PERM_DMA));

	/* Dirty it: the next allocation gets it reset. */
	m->ol_flags = CDK_MBUF_F_RX_VLAN;
	m->packet_type = CDK_PTYPE_L2_ETHER;
	m->port = 3;
	m->vlan_tci = 5;
	m->l2_len = 14;
	fill(m, 100, 0);
	cdk_pktmbuf_adj(m, 10);
	cdk_pktmbuf_free(m);
	struct cdk_mbuf *m2 = cdk_pktmbuf_alloc(mp);

	assert_ptr_equal(m2, m); /* the cache hands back the newest */
	assert_int_equal(m2->ol_flags, 0);
	assert_int_equal(m2->packet_type, 0);
	assert_int_equal(m2->port, CDK_MBUF_PORT_INVALID);
	assert_int_equal(m2->vlan_tci, 0);
	assert_int_equal(m2->tx_offload, 0);
	assert_int_equal(m2->data_off, 128);
	assert_int_equal(m2->pkt_len, 0);
	cdk_pktmbuf_free(m2);
	cdk_pktmbuf_free(NULL);
}

static void test_data_helpers(void **state)
{
	struct cdk_mbuf *m;
	char *p;

	(void)state;
	m = cdk_pktmbuf_alloc(mp);
	assert_non_null(m);
	fill(m, 100, 1);
	assert_int_equal(m->data_len, 100);
	assert_int_equal(m->pkt_len, 100);
	assert_int_equal(cdk_pktmbuf_tailroom(m), 1948);
	assert_null(cdk_pktmbuf_append(m, 1949));
	assert_int_equal(m->pkt_len, 100);

	p = cdk_pktmbuf_prepend(m, 14);
	assert_ptr_equal(p, cdk_pktmbuf_mtod(m, char *));
	assert_int_equal(cdk_pktmbuf_headroom(m), 114);
	assert_int_equal(m->data_len, 114);
	assert_int_equal(m->pkt_len, 114);
	assert_null(cdk_pktmbuf_prepend(m, 115));
	assert_int_equal(cdk_pktmbuf_headroom(m), 114);

	p = cdk_pktmbuf_adj(m, 14);
	assert_ptr_equal(p, cdk_pktmbuf_mtod(m, char *));
	assert_int_equal(*(uint8_t *)p, 1); /* the first filled byte */
	assert_int_equal(m->pkt_len, 100);
	assert_null(cdk_pktmbuf_adj(m, 101));

	assert_int_equal(cdk_pktmbuf_trim(m, 40), 0);
	assert_int_equal(m->data_len, 60);
	assert_int_equal(m->pkt_len, 60);
	assert_int_equal(cdk_pktmbuf_trim(m, 61), -EINVAL);
	assert_int_equal(m->pkt_len, 60);
	assert_int_equal(cdk_pktmbuf_tailroom(m), 2048 - 60);

	/* Prepend everything, append everything. */
	assert_non_null(cdk_pktmbuf_prepend(m, 128));
	assert_int_equal(cdk_pktmbuf_headroom(m), 0);
	assert_non_null(cdk_pktmbuf_append(m, cdk_pktmbuf_tailroom(m)));
	assert_int_equal(m->data_len, CDK_MBUF_DEFAULT_BUF_SIZE);
	assert_int_equal(cdk_pktmbuf_tailroom(m), 0);
	cdk_pktmbuf_reset(m);
	assert_int_equal(m->data_len, 0);
	assert_int_equal(m->data_off, 128);
	cdk_pktmbuf_free(m);
}

/* A three-segment packet of lens[i] bytes; byte k of the packet is k. */
static struct cdk_mbuf *make_chain(const uint16_t *lens, unsigned n)
{
	struct cdk_mbuf *head = NULL, *m;
	unsigned k = 0;

	for (unsigned s = 0; s < n; s++) {
		m = cdk_pktmbuf_alloc(mp);
		assert_non_null(m);
		fill(m, lens[s], (uint8_t)k);
		k += lens[s];
		if (head == NULL)
			head = m;
		else
			assert_int_equal(cdk_pktmbuf_chain(head, m), 0);
	}
	return head;
}

static void check_bytes(const struct cdk_mbuf *m, uint32_t from, uint32_t len)
{
	uint8_t buf[4096];
	const uint8_t *p = cdk_pktmbuf_read(m, 0, m->pkt_len, buf);

	assert_non_null(p);
	assert_int_equal(m->pkt_len, len);
	for (uint32_t i = 0; i < len; i++)
		assert_int_equal(p[i], (uint8_t)(from + i));
}

static void test_chains(void **state)
{
	const uint16_t lens[] = { 100, 200, 50 };
	uint8_t buf[512];
	const uint8_t *p;
	struct cdk_mbuf *m, *last;
	const char *why;

	(void)state;
	m = make_chain(lens, 3);
	assert_int_equal(m->nb_segs, 3);
	assert_int_equal(m->pkt_len, 350);
	assert_int_equal(m->data_len, 100);
	assert_int_equal(m->next->pkt_len, 200); /* segments keep their own */
	assert_false(cdk_pktmbuf_is_contiguous(m));
	last = cdk_pktmbuf_lastseg(m);
	assert_int_equal(last->data_len, 50);
	assert_int_equal(cdk_mbuf_check(m, 1, &why), 0);
	assert_int_equal(cdk_mempool_in_use_count(mp), 3);

	/* Inside the first segment: a pointer into it, no copy. */
	p = cdk_pktmbuf_read(m, 10, 20, buf);
	assert_ptr_equal(p, cdk_pktmbuf_mtod_offset(m, uint8_t *, 10));
	/* Inside the second: also a pointer. */
	p = cdk_pktmbuf_read(m, 150, 10, buf);
	assert_ptr_equal(p, cdk_pktmbuf_mtod_offset(m->next, uint8_t *, 50));
	assert_int_equal(p[0], 150);
	/* Across all three: copied. */
	p = cdk_pktmbuf_read(m, 90, 260, buf);
	assert_ptr_equal(p, buf);
	for (int i = 0; i < 260; i++)
		assert_int_equal(p[i], (uint8_t)(90 + i));
	assert_null(cdk_pktmbuf_read(m, 300, 51, buf));
	assert_null(cdk_pktmbuf_read(m, 351, 0, buf));

	/* Append and trim act on the last segment. */
	assert_non_null(cdk_pktmbuf_append(m, 10));
	assert_int_equal(last->data_len, 60);
	assert_int_equal(m->pkt_len, 360);
	assert_int_equal(cdk_pktmbuf_trim(m, 60), 0);
	assert_int_equal(last->data_len, 0);
	assert_int_equal(m->pkt_len, 300);
	assert_int_equal(cdk_pktmbuf_trim(m, 1), -EINVAL);

	/* A broken chain is detected. */
	m->pkt_len++;
	assert_int_equal(cdk_mbuf_check(m, 1, &why), -1);
	assert_string_equal(why, "bad pkt_len");
	m->pkt_len--;
	m->nb_segs = 2;
	assert_int_equal(cdk_mbuf_check(m, 1, &why), -1);
	assert_string_equal(why, "bad nb_segs");
	m->nb_segs = 3;

	/* Freeing the head frees every segment. */
	cdk_pktmbuf_free(m);
	assert_int_equal(cdk_mempool_in_use_count(mp), 0);

	/* free_seg frees one segment only. */
	m = make_chain(lens, 2);
	struct cdk_mbuf *second = m->next;

	m->next = NULL;
	m->nb_segs = 1;
	cdk_pktmbuf_free_seg(m);
	assert_int_equal(cdk_mempool_in_use_count(mp), 1);
	second->pkt_len = second->data_len;
	cdk_pktmbuf_free(second);
	assert_int_equal(cdk_mempool_in_use_count(mp), 0);
}

static void test_chain_overflow(void **state)
{
	struct cdk_mbuf *a, *b;

	(void)state;
	a = cdk_pktmbuf_alloc(mp);
	b = cdk_pktmbuf_alloc(mp);
	assert_non_null(a);
	assert_non_null(b);
	a->nb_segs = CDK_MBUF_MAX_NB_SEGS;
	assert_int_equal(cdk_pktmbuf_chain(a, b), -EOVERFLOW);
	assert_null(a->next);
	a->nb_segs = 1;
	cdk_pktmbuf_free(a);
	cdk_pktmbuf_free(b);
}

static void test_refcnt(void **state)
{
	struct cdk_mbuf *m;

	(void)state;
	m = cdk_pktmbuf_alloc(mp);
	assert_non_null(m);
	assert_int_equal(cdk_mbuf_refcnt_update(m, 2), 3);
	assert_int_equal(cdk_mbuf_refcnt_read(m), 3);
	cdk_pktmbuf_free(m); /* 2 left */
	assert_int_equal(cdk_mempool_in_use_count(mp), 1);
	assert_int_equal(cdk_mbuf_refcnt_read(m), 2);
	cdk_pktmbuf_free(m);
	assert_int_equal(cdk_mempool_in_use_count(mp), 1);
	cdk_pktmbuf_free(m); /* last reference */
	assert_int_equal(cdk_mempool_in_use_count(mp), 0);
	/* A freed mbuf is back to refcnt 1 for its next user. */
	m = cdk_pktmbuf_alloc(mp);
	assert_int_equal(cdk_mbuf_refcnt_read(m), 1);
	cdk_mbuf_refcnt_set(m, 5);
	assert_int_equal(cdk_mbuf_refcnt_update(m, -4), 1);
	cdk_pktmbuf_free(m);
	assert_int_equal(cdk_mempool_in_use_count(mp), 0);
}

static void test_clone(void **state)
{
	const uint16_t lens[] = { 300, 700 };
	struct cdk_mbuf *m, *c1, *c2;

	(void)state;
	m = make_chain(lens, 2);
	m->port = 7;
	m->ol_flags = CDK_MBUF_F_RX_RSS_HASH;
	m->hash.rss = 0xdeadbeef;
	m->packet_type = CDK_PTYPE_L2_ETHER | CDK_PTYPE_L3_IPV4;

	c1 = cdk_pktmbuf_clone(m, clone_mp);
	assert_non_null(c1);
	c2 = cdk_pktmbuf_clone(c1, clone_mp); /* a clone of a clone */
	assert_non_null(c2);
	assert_int_equal(c1->nb_segs, 2);
	assert_int_equal(c1->pkt_len, 1000);
	assert_true(CDK_MBUF_CLONED(c1));
	assert_false(CDK_MBUF_DIRECT(c1));
	assert_true(CDK_MBUF_DIRECT(m));
	assert_int_equal(c1->port, 7);
	assert_int_equal(c1->hash.rss, 0xdeadbeef);
	assert_true(c1->ol_flags & CDK_MBUF_F_RX_RSS_HASH);
	assert_int_equal(c1->packet_type, CDK_PTYPE_L2_ETHER | CDK_PTYPE_L3_IPV4);
	assert_int_equal(c1->l3_type, CDK_PTYPE_L3_IPV4 >> 4);
	/* Same data, no copy; each direct segment has two more owners. */
	assert_ptr_equal(cdk_pktmbuf_mtod(c1, char *), cdk_pktmbuf_mtod(m, char *));
	assert_ptr_equal(cdk_pktmbuf_mtod(c2->next, char *),
			 cdk_pktmbuf_mtod(m->next, char *));
	assert_ptr_equal(cdk_mbuf_from_indirect(c2), m);
	assert_int_equal(cdk_mbuf_refcnt_read(m), 3);
	assert_int_equal(cdk_mbuf_refcnt_read(m->next), 3);
	check_bytes(c2, 0, 1000);
	assert_int_equal(cdk_mempool_in_use_count(clone_mp), 4);

	/* Freeing the original leaves the data to the clones. */
	cdk_pktmbuf_free(m);
	assert_int_equal(cdk_mempool_in_use_count(mp), 2);
	check_bytes(c1, 0, 1000);
	cdk_pktmbuf_free(c1);
	assert_int_equal(cdk_mempool_in_use_count(mp), 2);
	assert_int_equal(cdk_mempool_in_use_count(clone_mp), 2);
	/* The last clone releases the direct mbufs. */
	cdk_pktmbuf_free(c2);
	assert_int_equal(cdk_mempool_in_use_count(mp), 0);
	assert_int_equal(cdk_mempool_in_use_count(clone_mp), 0);

	/* A detached clone got its own buffer back. */
	c1 = cdk_pktmbuf_alloc(clone_mp);
	assert_true(CDK_MBUF_DIRECT(c1));
	assert_ptr_equal(c1->buf_addr, cdk_mbuf_to_baddr(c1));
	assert_int_equal(c1->buf_len, 0);
	cdk_pktmbuf_free(c1);
}

static void test_clone_exhaustion(void **state)
{
	const uint16_t lens[] = { 10, 10, 10 };
	struct cdk_mbuf *hold[NB], *m;
	unsigned i;

	(void)state;
	m = make_chain(lens, 3);
	/* Leave only two clone mbufs: a 3-segment clone must fail cleanly. */
	assert_int_equal(cdk_pktmbuf_alloc_bulk(clone_mp, hold, NB - 2), 0);
	assert_null(cdk_pktmbuf_clone(m, clone_mp));
	assert_int_equal(cdk_mbuf_refcnt_read(m), 1);
	assert_int_equal(cdk_mbuf_refcnt_read(m->next), 1);
	assert_int_equal(cdk_mempool_in_use_count(clone_mp), NB - 2);
	for (i = 0; i < NB - 2; i++)
		cdk_pktmbuf_free(hold[i]);
	cdk_pktmbuf_free(m);
}

static void test_copy(void **state)
{
	const uint16_t lens[] = { 1000, 1500, 1200 };
	struct cdk_mbuf *m, *c, *small;
	struct cdk_mempool *small_mp;

	(void)state;
	m = make_chain(lens, 3);
	m->port = 2;
	m->vlan_tci = 99;
	m->ol_flags = CDK_MBUF_F_TX_IPV4;
	m->l2_len = 14;

	c = cdk_pktmbuf_copy(m, mp, 0, UINT32_MAX);
	assert_non_null(c);
	check_bytes(c, 0, 3700);
	assert_int_equal(c->nb_segs, 2); /* 2048 + 1652 */
	assert_int_equal(c->port, 2);
	assert_int_equal(c->vlan_tci, 99);
	assert_int_equal(c->l2_len, 14);
	assert_int_equal(c->ol_flags, CDK_MBUF_F_TX_IPV4);
	assert_int_equal(cdk_mbuf_refcnt_read(m), 1); /* a real copy */
	assert_ptr_not_equal(cdk_pktmbuf_mtod(c, char *), cdk_pktmbuf_mtod(m, char *));
	cdk_pktmbuf_free(c);

	c = cdk_pktmbuf_copy(m, mp, 999, 1502);
	assert_non_null(c);
	check_bytes(c, 999, 1502);
	cdk_pktmbuf_free(c);

	c = cdk_pktmbuf_copy(m, mp, 3700, 10);
	assert_non_null(c);
	assert_int_equal(c->pkt_len, 0);
	cdk_pktmbuf_free(c);
	assert_null(cdk_pktmbuf_copy(m, mp, 3701, 1));

	/* Into small mbufs: many segments. */
	small_mp = cdk_pktmbuf_pool_create("small", 64, 0, 0, 128 + 256, -1);
	assert_non_null(small_mp);
	small = cdk_pktmbuf_copy(m, small_mp, 100, 3000);
	assert_non_null(small);
	assert_int_equal(small->nb_segs, 12); /* ceil(3000 / 256) */
	check_bytes(small, 100, 3000);
	assert_int_equal(cdk_mbuf_check(small, 1, NULL), 0);
	cdk_pktmbuf_free(small);
	/* Too few: NULL, and nothing leaks. */
	struct cdk_mbuf *hold[64];

	assert_int_equal(cdk_pktmbuf_alloc_bulk(small_mp, hold, 60), 0);
	assert_null(cdk_pktmbuf_copy(m, small_mp, 0, UINT32_MAX));
	assert_int_equal(cdk_mempool_in_use_count(small_mp), 60);
	cdk_pktmbuf_free_bulk(hold, 60);
	assert_int_equal(cdk_mempool_in_use_count(small_mp), 0);
	cdk_mempool_free(small_mp);
	cdk_pktmbuf_free(m);
}

static void test_bulk(void **state)
{
	struct cdk_mbuf *a[NB + 1], *chain, *kept;
	const uint16_t lens[] = { 5, 6, 7 };
	unsigned i;

	(void)state;
	assert_int_equal(cdk_pktmbuf_alloc_bulk(mp, a, NB + 1), -ENOENT);
	assert_int_equal(cdk_mempool_in_use_count(mp), 0);
	assert_int_equal(cdk_pktmbuf_alloc_bulk(mp, a, 50), 0);
	for (i = 0; i < 50; i++) {
		assert_int_equal(a[i]->data_len, 0);
		assert_int_equal(a[i]->nb_segs, 1);
		assert_int_equal(a[i]->data_off, 128);
		for (unsigned j = 0; j < i; j++)
			assert_ptr_not_equal(a[i], a[j]);
	}
	/* Bulk free takes chains, NULLs and mbufs of several pools. */
	chain = make_chain(lens, 3);
	kept = a[10];
	a[10] = NULL;
	cdk_pktmbuf_free(a[11]);
	a[11] = chain;
	a[50] = cdk_pktmbuf_alloc(clone_mp);
	assert_non_null(a[50]);
	cdk_pktmbuf_free_bulk(a, 51);
	assert_int_equal(cdk_mempool_in_use_count(mp), 1);
	assert_int_equal(cdk_mempool_in_use_count(clone_mp), 0);
	cdk_pktmbuf_free(kept);
	assert_int_equal(cdk_mempool_in_use_count(mp), 0);
	/* All at once, then all back. */
	assert_int_equal(cdk_pktmbuf_alloc_bulk(mp, a, NB), 0);
	assert_true(cdk_mempool_empty(mp));
	assert_null(cdk_pktmbuf_alloc(mp));
	cdk_pktmbuf_free_bulk(a, NB);
	assert_true(cdk_mempool_full(mp));
}

static void test_dump(void **state)
{
	const uint16_t lens[] = { 20, 30 };
	struct cdk_mbuf *m;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	(void)state;
	m = make_chain(lens, 2);
	f = open_memstream(&buf, &len);
	cdk_pktmbuf_dump(f, m, 8);
	fclose(f);
	assert_non_null(strstr(buf, "pkt_len=50"));
	assert_int_equal(test_count(buf, "segment at"), 2);
	assert_non_null(strstr(buf, "00 01 02 03 04 05 06 07"));
	free(buf);
	cdk_pktmbuf_free(m);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_pool_create), T(test_layout), T(test_alloc_fields),
		T(test_data_helpers), T(test_chains), T(test_chain_overflow),
		T(test_refcnt), T(test_clone), T(test_clone_exhaustion),
		T(test_copy), T(test_bulk), T(test_dump),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
