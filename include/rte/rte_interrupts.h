/*
 * DPDK's interrupt API. capdk polls and has no interrupt thread: including
 * this header is fine, calling it fails the build.
 */
#ifndef _RTE_INTERRUPTS_H_
#define _RTE_INTERRUPTS_H_

#include <rte_common.h>

struct rte_intr_handle;
typedef void (*rte_intr_callback_fn)(void *cb_arg);

int rte_intr_callback_register(const struct rte_intr_handle *intr_handle,
			       rte_intr_callback_fn cb, void *cb_arg)
	__rte_capdk_unsupported("rte_intr_callback_register (interrupts)");
int rte_intr_callback_unregister(const struct rte_intr_handle *intr_handle,
				 rte_intr_callback_fn cb, void *cb_arg)
	__rte_capdk_unsupported("rte_intr_callback_unregister (interrupts)");
int rte_intr_enable(const struct rte_intr_handle *intr_handle)
	__rte_capdk_unsupported("rte_intr_enable (interrupts)");
int rte_intr_disable(const struct rte_intr_handle *intr_handle)
	__rte_capdk_unsupported("rte_intr_disable (interrupts)");
int rte_epoll_wait(int epfd, void *events, int maxevents, int timeout)
	__rte_capdk_unsupported("rte_epoll_wait (interrupts)");

#endif
