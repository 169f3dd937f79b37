/*
 * The capability authority's minting interface. Only the EAL (memory, buses)
 * and device models include this: a driver receives capabilities, it never
 * mints them. Not installed with the public headers.
 */
#ifndef CDK_CAP_AUTHORITY_H
#define CDK_CAP_AUTHORITY_H

#include "cdk_cap.h"

/* Start and stop the authority; cdk_eal_init/cleanup call these. */
int cdk_cap_authority_init(void);
void cdk_cap_authority_fini(void);

/* A root capability over [base, base+len) of ordinary or device memory. */
int cdk_cap_mint(uintptr_t base, uint64_t len, uint64_t iova, uint32_t perms,
		 const char *owner, const char *label, cdk_cap_t *out);

/*
 * A root over a device model's registers: accesses through it and its slices
 * are checked as usual and then passed to ops with the offset from the root.
 * base must be a reserved, never-touched range of len bytes (addresses only).
 */
int cdk_cap_mint_trapped(uintptr_t base, uint64_t len, uint32_t perms,
			 const struct cdk_cap_trap_ops *ops, void *ctx,
			 const char *owner, const char *label, cdk_cap_t *out);

#endif
