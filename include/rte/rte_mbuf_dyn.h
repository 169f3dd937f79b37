/*
 * DPDK's dynamic mbuf fields and flags: named slices of the mbuf's
 * dynfield1 area and of the free ol_flags bits, handed out at run time
 * (eal/compat_mbuf_dyn.c).
 */
#ifndef _RTE_MBUF_DYN_H_
#define _RTE_MBUF_DYN_H_

#include <stdint.h>
#include <stdio.h>

#include <rte_common.h>
#include <rte_mbuf_core.h>

#define RTE_MBUF_DYN_NAMESIZE 64

struct rte_mbuf_dynfield {
	char name[RTE_MBUF_DYN_NAMESIZE];
	size_t size;
	size_t align;
	unsigned int flags;
};

struct rte_mbuf_dynflag {
	char name[RTE_MBUF_DYN_NAMESIZE];
	unsigned int flags;
};

/* The offset of the field, or -1 with rte_errno (EINVAL, EEXIST, ENOENT). */
int rte_mbuf_dynfield_register(const struct rte_mbuf_dynfield *params);
int rte_mbuf_dynfield_register_offset(const struct rte_mbuf_dynfield *params,
				      size_t req);
int rte_mbuf_dynfield_lookup(const char *name, struct rte_mbuf_dynfield *params);
/* The bit number of the flag, or -1 with rte_errno. */
int rte_mbuf_dynflag_register(const struct rte_mbuf_dynflag *params);
int rte_mbuf_dynflag_register_bitnum(const struct rte_mbuf_dynflag *params,
				     unsigned int req);
int rte_mbuf_dynflag_lookup(const char *name, struct rte_mbuf_dynflag *params);
void rte_mbuf_dyn_dump(FILE *out);

#define RTE_MBUF_DYNFIELD(m, offset, type) ((type)((uintptr_t)(m) + (offset)))

#define RTE_MBUF_DYNFIELD_TIMESTAMP_NAME "rte_dynfield_timestamp"
#define RTE_MBUF_DYNFLAG_RX_TIMESTAMP_NAME "rte_dynflag_rx_timestamp"
#define RTE_MBUF_DYNFLAG_TX_TIMESTAMP_NAME "rte_dynflag_tx_timestamp"
typedef uint64_t rte_mbuf_timestamp_t;

int rte_mbuf_dyn_rx_timestamp_register(int *field_offset, uint64_t *rx_flag);
int rte_mbuf_dyn_tx_timestamp_register(int *field_offset, uint64_t *tx_flag);

#endif
