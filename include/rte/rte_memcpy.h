/* DPDK's rte_memcpy: the C library's memcpy, which the compiler inlines. */
#ifndef _RTE_MEMCPY_H_
#define _RTE_MEMCPY_H_

#include <stdint.h>
#include <string.h>
#include <rte_common.h>

static inline void *rte_memcpy(void *dst, const void *src, size_t n)
{
	return memcpy(dst, src, n);
}

static inline void rte_mov16(uint8_t *dst, const uint8_t *src) { memcpy(dst, src, 16); }
static inline void rte_mov32(uint8_t *dst, const uint8_t *src) { memcpy(dst, src, 32); }
static inline void rte_mov64(uint8_t *dst, const uint8_t *src) { memcpy(dst, src, 64); }
static inline void rte_mov128(uint8_t *dst, const uint8_t *src) { memcpy(dst, src, 128); }
static inline void rte_mov256(uint8_t *dst, const uint8_t *src) { memcpy(dst, src, 256); }

#endif
