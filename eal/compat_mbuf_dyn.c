/*
 * DPDK's dynamic mbuf fields and flags (rte_mbuf_dyn.h): named byte ranges
 * of the mbuf's dynfield1 area and named ol_flags bits from the range DPDK
 * leaves free (RTE_MBUF_F_FIRST_FREE..LAST_FREE). Registering a name again
 * with the same parameters gives the same answer; with different ones,
 * EEXIST.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <rte_mbuf_dyn.h>

#define DYN_AREA_OFF offsetof(struct rte_mbuf, dynfield1)
#define DYN_AREA_LEN sizeof(((struct rte_mbuf *)0)->dynfield1)
#define DYN_MAX 32
#define FLAG_FIRST __builtin_ctzll(RTE_MBUF_F_FIRST_FREE)
#define FLAG_LAST __builtin_ctzll(RTE_MBUF_F_LAST_FREE)

static struct {
	struct rte_mbuf_dynfield params;
	size_t offset;
} fields[DYN_MAX];
static unsigned n_fields;
static uint8_t field_used[DYN_AREA_LEN];

static struct {
	struct rte_mbuf_dynflag params;
	unsigned bit;
} flags[DYN_MAX];
static unsigned n_flags;
static uint64_t flag_used;

static pthread_mutex_t dyn_lock = PTHREAD_MUTEX_INITIALIZER;

static int name_ok(const char *name)
{
	size_t len = strnlen(name, RTE_MBUF_DYN_NAMESIZE);

	return len > 0 && len < RTE_MBUF_DYN_NAMESIZE;
}

static int field_find(const char *name)
{
	for (unsigned i = 0; i < n_fields; i++)
		if (strcmp(fields[i].params.name, name) == 0)
			return (int)i;
	return -1;
}

static int flag_find(const char *name)
{
	for (unsigned i = 0; i < n_flags; i++)
		if (strcmp(flags[i].params.name, name) == 0)
			return (int)i;
	return -1;
}

static int range_free(size_t off, size_t size)
{
	for (size_t i = off; i < off + size; i++)
		if (field_used[i])
			return 0;
	return 1;
}

int rte_mbuf_dynfield_register_offset(const struct rte_mbuf_dynfield *p,
				      size_t req)
{
	size_t align, rel, off = SIZE_MAX;
	int i, rc = -1;

	if (p == NULL || !name_ok(p->name) || p->size == 0 ||
	    p->size > DYN_AREA_LEN || p->flags != 0 ||
	    (p->align != 0 && (p->align & (p->align - 1)) != 0)) {
		errno = EINVAL;
		return -1;
	}
	align = p->align ? p->align : 1;
	pthread_mutex_lock(&dyn_lock);
	i = field_find(p->name);
	if (i >= 0) {
		if (fields[i].params.size == p->size &&
		    fields[i].params.align == p->align &&
		    (req == SIZE_MAX || req == fields[i].offset))
			rc = (int)fields[i].offset;
		else
			errno = EEXIST;
		goto out;
	}
	if (n_fields == DYN_MAX) {
		errno = ENOENT;
		goto out;
	}
	for (rel = 0; rel + p->size <= DYN_AREA_LEN; rel++) {
		size_t abs = DYN_AREA_OFF + rel;

		if (abs % align != 0 || (req != SIZE_MAX && abs != req))
			continue;
		if (range_free(rel, p->size)) {
			off = rel;
			break;
		}
	}
	if (off == SIZE_MAX) {
		errno = req == SIZE_MAX ? ENOENT : EBUSY;
		goto out;
	}
	memset(&field_used[off], 1, p->size);
	fields[n_fields].params = *p;
	fields[n_fields].offset = DYN_AREA_OFF + off;
	rc = (int)fields[n_fields++].offset;
out:
	pthread_mutex_unlock(&dyn_lock);
	return rc;
}

int rte_mbuf_dynfield_register(const struct rte_mbuf_dynfield *params)
{
	return rte_mbuf_dynfield_register_offset(params, SIZE_MAX);
}

int rte_mbuf_dynfield_lookup(const char *name, struct rte_mbuf_dynfield *params)
{
	int i, rc = -1;

	pthread_mutex_lock(&dyn_lock);
	i = field_find(name);
	if (i < 0) {
		errno = ENOENT;
	} else {
		if (params != NULL)
			*params = fields[i].params;
		rc = (int)fields[i].offset;
	}
	pthread_mutex_unlock(&dyn_lock);
	return rc;
}

int rte_mbuf_dynflag_register_bitnum(const struct rte_mbuf_dynflag *p,
				     unsigned int req)
{
	int i, rc = -1;
	unsigned bit;

	if (p == NULL || !name_ok(p->name) || p->flags != 0 ||
	    (req != UINT32_MAX && (req < (unsigned)FLAG_FIRST || req > (unsigned)FLAG_LAST))) {
		errno = EINVAL;
		return -1;
	}
	pthread_mutex_lock(&dyn_lock);
	i = flag_find(p->name);
	if (i >= 0) {
		if (req == UINT32_MAX || req == flags[i].bit)
			rc = (int)flags[i].bit;
		else
			errno = EEXIST;
		goto out;
	}
	if (n_flags == DYN_MAX) {
		errno = ENOENT;
		goto out;
	}
	/* DPDK hands out the highest free bit first. */
	for (bit = (unsigned)FLAG_LAST + 1; bit-- > (unsigned)FLAG_FIRST;) {
		if (flag_used & (UINT64_C(1) << bit))
			continue;
		if (req != UINT32_MAX && bit != req)
			continue;
		flag_used |= UINT64_C(1) << bit;
		flags[n_flags].params = *p;
		flags[n_flags].bit = bit;
		n_flags++;
		rc = (int)bit;
		goto out;
	}
	errno = req == UINT32_MAX ? ENOENT : EBUSY;
out:
	pthread_mutex_unlock(&dyn_lock);
	return rc;
}

int rte_mbuf_dynflag_register(const struct rte_mbuf_dynflag *params)
{
	return rte_mbuf_dynflag_register_bitnum(params, UINT32_MAX);
}

int rte_mbuf_dynflag_lookup(const char *name, struct rte_mbuf_dynflag *params)
{
	int i, rc = -1;

	pthread_mutex_lock(&dyn_lock);
	i = flag_find(name);
	if (i < 0) {
		errno = ENOENT;
	} else {
		if (params != NULL)
			*params = flags[i].params;
		rc = (int)flags[i].bit;
	}
	pthread_mutex_unlock(&dyn_lock);
	return rc;
}

void rte_mbuf_dyn_dump(FILE *out)
{
	pthread_mutex_lock(&dyn_lock);
	fprintf(out, "Reserved fields:\n");
	for (unsigned i = 0; i < n_fields; i++)
		fprintf(out, "  name=%s offset=%zu size=%zu align=%zu\n",
			fields[i].params.name, fields[i].offset,
			fields[i].params.size, fields[i].params.align);
	fprintf(out, "Reserved flags:\n");
	for (unsigned i = 0; i < n_flags; i++)
		fprintf(out, "  name=%s bitnum=%u\n", flags[i].params.name,
			flags[i].bit);
	pthread_mutex_unlock(&dyn_lock);
}

static int timestamp_register(int *field_offset, uint64_t *flag,
			      const char *flag_name)
{
	struct rte_mbuf_dynfield field = {
		.name = RTE_MBUF_DYNFIELD_TIMESTAMP_NAME,
		.size = sizeof(rte_mbuf_timestamp_t),
		.align = __alignof__(rte_mbuf_timestamp_t),
	};
	struct rte_mbuf_dynflag fl = { .flags = 0 };
	int off, bit;

	snprintf(fl.name, sizeof(fl.name), "%s", flag_name);
	off = rte_mbuf_dynfield_register(&field);
	if (off < 0)
		return -1;
	bit = rte_mbuf_dynflag_register(&fl);
	if (bit < 0)
		return -1;
	if (field_offset != NULL)
		*field_offset = off;
	*flag = UINT64_C(1) << bit;
	return 0;
}

int rte_mbuf_dyn_rx_timestamp_register(int *field_offset, uint64_t *rx_flag)
{
	return timestamp_register(field_offset, rx_flag,
				  RTE_MBUF_DYNFLAG_RX_TIMESTAMP_NAME);
}

int rte_mbuf_dyn_tx_timestamp_register(int *field_offset, uint64_t *tx_flag)
{
	return timestamp_register(field_offset, tx_flag,
				  RTE_MBUF_DYNFLAG_TX_TIMESTAMP_NAME);
}
