/*
 * Copying tables of object pointers, as rings and mempool caches do on
 * every burst (never between overlapping tables).
 */
#ifndef CDK_PTR_COPY_H
#define CDK_PTR_COPY_H

#include <string.h>

#include "cdk_common.h"

/*
 * From 32 pointers on, libc's memcpy, which uses the widest vectors the CPU
 * has, repays its call; for smaller bursts the call costs more than the
 * copy, so pointers move inline, two per 16-byte load and store (gcc does
 * not vectorise a loop with a run-time count at -O2). The odd one goes
 * first and a single pointer returns right after it: one plain load and
 * store, with none of the tests for the larger bursts.
 */
#define CDK_PTR_COPY_CALL_MIN 32

static __cdk_always_inline void cdk_ptr_copy_(void **__restrict dst,
					      void *const *__restrict src,
					      unsigned n)
{
	if (n >= CDK_PTR_COPY_CALL_MIN) {
		memcpy(dst, src, n * sizeof(void *));
		return;
	}
	if (n & 1) {
		*dst = *src;
		if (n == 1)
			return;
		dst++;
		src++;
		n--;
	}
	if (n & 2) {
		memcpy(dst, src, 2 * sizeof(void *));
		dst += 2;
		src += 2;
		n -= 2;
	}
	for (; n != 0; n -= 4, dst += 4, src += 4)
		memcpy(dst, src, 4 * sizeof(void *));
}

#endif
