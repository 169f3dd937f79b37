/* Mbuf control path: pools, clone and copy of chains, checks, dumps. */
#include <errno.h>
#include <string.h>

#include "cdk_log.h"
#include "cdk_mbuf.h"

void cdk_pktmbuf_pool_init(struct cdk_mempool *mp, void *opaque_arg)
{
	struct cdk_pktmbuf_pool_private *priv = cdk_mempool_get_priv(mp);
	struct cdk_pktmbuf_pool_private def;

	if (opaque_arg == NULL) {
		/* Whatever follows the struct is buffer. */
		def.mbuf_data_room_size =
			(uint16_t)(mp->elt_size - sizeof(struct cdk_mbuf));
		def.mbuf_priv_size = 0;
		def.flags = 0;
		opaque_arg = &def;
	}
	memcpy(priv, opaque_arg, sizeof(*priv));
}

void cdk_pktmbuf_init(struct cdk_mempool *mp, void *opaque_arg, void *obj,
		      unsigned i)
{
	struct cdk_mbuf *m = obj;
	uint32_t mbuf_size = (uint32_t)sizeof(*m) + cdk_pktmbuf_priv_size(mp);
	uint32_t buf_len = cdk_pktmbuf_data_room_size(mp);

	memset(m, 0, mbuf_size); /* the data needs no clearing */
	m->priv_size = cdk_pktmbuf_priv_size(mp);
	m->buf_addr = (char *)m + mbuf_size;
	m->buf_iova = cdk_mempool_virt2iova(m) + mbuf_size;
	m->buf_len = (uint16_t)buf_len;
	cdk_pktmbuf_reset_headroom(m);
	m->pool = mp;
	m->nb_segs = 1;
	m->port = CDK_MBUF_PORT_INVALID;
	cdk_mbuf_refcnt_set(m, 1);
	m->next = NULL;
}

struct cdk_mempool *cdk_pktmbuf_pool_create(const char *name, unsigned n,
					    unsigned cache_size,
					    uint16_t priv_size,
					    uint16_t data_room_size,
					    int socket_id)
{
	struct cdk_pktmbuf_pool_private priv = {
		.mbuf_data_room_size = data_room_size,
		.mbuf_priv_size = priv_size,
	};
	struct cdk_mempool *mp;
	unsigned elt_size = (unsigned)sizeof(struct cdk_mbuf) + priv_size +
			    data_room_size;
	int rc;

	if (priv_size % CDK_MBUF_PRIV_ALIGN) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_MBUF,
			"mbuf pool %s: priv_size %u is not a multiple of %u\n",
			name ? name : "(null)", priv_size,
			CDK_MBUF_PRIV_ALIGN);
		errno = EINVAL;
		return NULL;
	}
	mp = cdk_mempool_create_empty(name, n, elt_size, cache_size,
				      sizeof(priv), socket_id, 0);
	if (mp == NULL)
		return NULL;
	cdk_pktmbuf_pool_init(mp, &priv);
	rc = cdk_mempool_populate_default(mp);
	if (rc < 0) {
		cdk_mempool_free(mp);
		errno = -rc;
		return NULL;
	}
	cdk_mempool_obj_iter(mp, cdk_pktmbuf_init, NULL);
	return mp;
}

struct cdk_mbuf *cdk_pktmbuf_clone(struct cdk_mbuf *md, struct cdk_mempool *mp)
{
	struct cdk_mbuf *mc, *mi, **prev;
	uint32_t pktlen = md->pkt_len;
	uint16_t nseg = 0;

	mc = cdk_pktmbuf_alloc(mp);
	if (mc == NULL)
		return NULL;
	mi = mc;
	prev = &mi->next;
	do {
		nseg++;
		cdk_pktmbuf_attach(mi, md);
		*prev = mi;
		prev = &mi->next;
	} while ((md = md->next) != NULL && (mi = cdk_pktmbuf_alloc(mp)));
	*prev = NULL;
	mc->nb_segs = nseg;
	mc->pkt_len = pktlen;
	if (mi == NULL) {
		/* Ran out midway: the segments attached so far drop their
		 * references as they are freed. */
		cdk_pktmbuf_free(mc);
		return NULL;
	}
	return mc;
}

/* Skip to the segment holding *off; *off becomes an offset into it. */
static const struct cdk_mbuf *seek(const struct cdk_mbuf *m, uint32_t *off)
{
	while (m && *off >= m->data_len) {
		*off -= m->data_len;
		m = m->next;
	}
	return m;
}

struct cdk_mbuf *cdk_pktmbuf_copy(const struct cdk_mbuf *m,
				  struct cdk_mempool *mp, uint32_t off,
				  uint32_t len)
{
	struct cdk_mbuf *mc, *seg, **prev;
	const struct cdk_mbuf *src;

	if (off > m->pkt_len)
		return NULL;
	len = CDK_MIN(m->pkt_len - off, len);
	mc = cdk_pktmbuf_alloc(mp);
	if (mc == NULL)
		return NULL;
	cdk_pktmbuf_copy_hdr_(mc, m);
	mc->ol_flags = m->ol_flags & ~(CDK_MBUF_F_INDIRECT | CDK_MBUF_F_EXTERNAL);
	prev = &mc->next;
	seg = mc;
	src = seek(m, &off);
	while (len > 0) {
		uint32_t n;

		if (cdk_pktmbuf_tailroom(seg) == 0) {
			/* This segment is full: continue in a fresh one. */
			seg = cdk_pktmbuf_alloc(mp);
			if (seg == NULL) {
				cdk_pktmbuf_free(mc);
				return NULL;
			}
			*prev = seg;
			mc->nb_segs++;
		}
		n = CDK_MIN(len, (uint32_t)(src->data_len - off));
		n = CDK_MIN(n, (uint32_t)cdk_pktmbuf_tailroom(seg));
		memcpy(cdk_pktmbuf_mtod_offset(seg, char *, seg->data_len),
		       cdk_pktmbuf_mtod_offset(src, const char *, off), n);
		seg->data_len = (uint16_t)(seg->data_len + n);
		mc->pkt_len += n;
		prev = &seg->next;
		len -= n;
		off += n;
		if (off == src->data_len) {
			src = src->next;
			off = 0;
		}
	}
	return mc;
}

const void *cdk_pktmbuf_read_(const struct cdk_mbuf *m, uint32_t off,
			      uint32_t len, void *buf)
{
	const struct cdk_mbuf *seg;
	char *dst = buf;

	if ((uint64_t)off + len > m->pkt_len)
		return NULL;
	seg = seek(m, &off);
	if (seg == NULL) /* off == pkt_len with len == 0 */
		return buf;
	if (off + len <= seg->data_len)
		return cdk_pktmbuf_mtod_offset(seg, const char *, off);
	while (len > 0) {
		uint32_t n = CDK_MIN(len, (uint32_t)(seg->data_len - off));

		memcpy(dst, cdk_pktmbuf_mtod_offset(seg, const char *, off), n);
		dst += n;
		len -= n;
		off = 0;
		seg = seg->next;
	}
	return buf;
}

/* Put a run of freed segments of one pool back in a single bulk call. */
static void flush_pending(struct cdk_mbuf **pending, unsigned *n)
{
	if (*n) {
		cdk_mempool_put_bulk(pending[0]->pool, (void **)pending, *n);
		*n = 0;
	}
}

void cdk_pktmbuf_free_bulk(struct cdk_mbuf **mbufs, unsigned count)
{
	struct cdk_mbuf *pending[64], *m, *next;
	unsigned i, n = 0;

	for (i = 0; i < count; i++) {
		for (m = mbufs[i]; m != NULL; m = next) {
			next = m->next;
			m = cdk_pktmbuf_prefree_seg(m);
			if (m == NULL)
				continue;
			if (n == CDK_DIM(pending) ||
			    (n && pending[0]->pool != m->pool))
				flush_pending(pending, &n);
			pending[n++] = m;
		}
	}
	flush_pending(pending, &n);
}

/* Checks of one segment; is_header adds the packet-level ones. */
static const char *check_seg(const struct cdk_mbuf *m, int is_header)
{
	if (m->pool == NULL)
		return "bad mbuf pool";
	if (m->buf_iova == 0 && m->buf_addr != NULL)
		return "bad IO addr";
	if (m->buf_addr == NULL)
		return "bad virt addr";
	if (cdk_mbuf_refcnt_read(m) == 0)
		return "bad ref cnt";
	if (!is_header)
		return NULL;
	if ((uint32_t)m->data_off + m->data_len > m->buf_len)
		return "data offset too big in mbuf segment";
	return NULL;
}

int cdk_mbuf_check(const struct cdk_mbuf *m, int is_header,
		   const char **reason)
{
	const char *why = NULL;
	unsigned nb_segs;
	uint64_t pkt_len;

	if (m == NULL)
		why = "mbuf is NULL";
	else
		why = check_seg(m, 0);
	if (why == NULL && is_header) {
		nb_segs = m->nb_segs;
		pkt_len = m->pkt_len;
		do {
			if ((why = check_seg(m, 1)) != NULL)
				break;
			if (m->data_off > m->buf_len) {
				why = "data offset too big in mbuf segment";
				break;
			}
			nb_segs--;
			pkt_len -= m->data_len;
		} while ((m = m->next) != NULL);
		if (why == NULL && nb_segs)
			why = "bad nb_segs";
		if (why == NULL && pkt_len)
			why = "bad pkt_len";
	}
	if (reason)
		*reason = why;
	return why ? -1 : 0;
}

void cdk_pktmbuf_dump(FILE *f, const struct cdk_mbuf *m, unsigned dump_len)
{
	unsigned nb_segs = m->nb_segs, i, len;

	fprintf(f, "dump mbuf at %p, iova=%#lx, buf_len=%u\n", (const void *)m,
		(unsigned long)m->buf_iova, m->buf_len);
	fprintf(f, "  pkt_len=%u, ol_flags=%#lx, nb_segs=%u, port=%u, "
		"ptype=%#x\n", m->pkt_len, (unsigned long)m->ol_flags,
		m->nb_segs, m->port, m->packet_type);
	while (m && nb_segs--) {
		fprintf(f, "  segment at %p, data=%p, len=%u, off=%u, refcnt=%u\n",
			(const void *)m, cdk_pktmbuf_mtod(m, const void *),
			m->data_len, m->data_off, cdk_mbuf_refcnt_read(m));
		len = CDK_MIN(dump_len, (unsigned)m->data_len);
		for (i = 0; i < len; i++)
			fprintf(f, "%s%02x", i % 16 ? " " : "    ",
				cdk_pktmbuf_mtod(m, const uint8_t *)[i]);
		if (len)
			fputc('\n', f);
		dump_len -= len;
		m = m->next;
	}
}

struct flag_name {
	uint64_t flag;
	const char *name;
};

static const char *flag_name(const struct flag_name *t, size_t n,
			     uint64_t mask)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].flag == mask)
			return t[i].name;
	return NULL;
}

#define FLAG(f) { CDK_MBUF_F_##f, "CDK_MBUF_F_" #f }

const char *cdk_get_rx_ol_flag_name(uint64_t mask)
{
	static const struct flag_name names[] = {
		FLAG(RX_VLAN), FLAG(RX_RSS_HASH), FLAG(RX_FDIR),
		FLAG(RX_L4_CKSUM_BAD), FLAG(RX_L4_CKSUM_GOOD),
		FLAG(RX_L4_CKSUM_NONE), FLAG(RX_IP_CKSUM_BAD),
		FLAG(RX_IP_CKSUM_GOOD), FLAG(RX_IP_CKSUM_NONE),
		FLAG(RX_OUTER_IP_CKSUM_BAD), FLAG(RX_VLAN_STRIPPED),
		FLAG(RX_IEEE1588_PTP), FLAG(RX_IEEE1588_TMST),
		FLAG(RX_FDIR_ID), FLAG(RX_FDIR_FLX), FLAG(RX_QINQ_STRIPPED),
		FLAG(RX_LRO), FLAG(RX_SEC_OFFLOAD),
		FLAG(RX_SEC_OFFLOAD_FAILED), FLAG(RX_QINQ),
		FLAG(RX_OUTER_L4_CKSUM_BAD), FLAG(RX_OUTER_L4_CKSUM_GOOD),
		FLAG(RX_OUTER_L4_CKSUM_INVALID),
	};

	return flag_name(names, CDK_DIM(names), mask);
}

const char *cdk_get_tx_ol_flag_name(uint64_t mask)
{
	static const struct flag_name names[] = {
		FLAG(TX_VLAN), FLAG(TX_IP_CKSUM), FLAG(TX_TCP_CKSUM),
		FLAG(TX_SCTP_CKSUM), FLAG(TX_UDP_CKSUM), FLAG(TX_IEEE1588_TMST),
		FLAG(TX_TCP_SEG), FLAG(TX_IPV4), FLAG(TX_IPV6),
		FLAG(TX_OUTER_IP_CKSUM), FLAG(TX_OUTER_IPV4),
		FLAG(TX_OUTER_IPV6), FLAG(TX_TUNNEL_VXLAN),
		FLAG(TX_TUNNEL_GTP), FLAG(TX_TUNNEL_GRE), FLAG(TX_TUNNEL_IPIP),
		FLAG(TX_TUNNEL_GENEVE), FLAG(TX_TUNNEL_MPLSINUDP),
		FLAG(TX_TUNNEL_VXLAN_GPE), FLAG(TX_TUNNEL_IP),
		FLAG(TX_TUNNEL_UDP), FLAG(TX_TUNNEL_ESP), FLAG(TX_QINQ),
		FLAG(TX_MACSEC), FLAG(TX_SEC_OFFLOAD), FLAG(TX_UDP_SEG),
		FLAG(TX_OUTER_UDP_CKSUM),
	};

	return flag_name(names, CDK_DIM(names), mask);
}
