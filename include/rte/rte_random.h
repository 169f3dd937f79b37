/* DPDK's pseudo-random numbers: capdk has no generator of its own yet. */
#ifndef _RTE_RANDOM_H_
#define _RTE_RANDOM_H_

#include <stdint.h>
#include <rte_common.h>

void rte_srand(uint64_t seedval) __rte_capdk_unsupported("rte_srand");
uint64_t rte_rand(void) __rte_capdk_unsupported("rte_rand");
uint64_t rte_rand_max(uint64_t upper_bound) __rte_capdk_unsupported("rte_rand_max");

#endif
