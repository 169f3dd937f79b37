/*
 * DPDK's rte_errno is the C library's errno here: capdk's functions that
 * return a pointer set errno on failure, and the wrappers that follow DPDK's
 * "-1 and rte_errno" convention set it too.
 */
#ifndef _RTE_ERRNO_H_
#define _RTE_ERRNO_H_

#include <errno.h>
#include <string.h>

#define rte_errno errno

#define __ELASTERROR 2000
enum {
	RTE_MIN_ERRNO = __ELASTERROR,
	E_RTE_SECONDARY,
	E_RTE_NO_CONFIG,
	RTE_MAX_ERRNO
};

static inline const char *rte_strerror(int errnum)
{
	switch (errnum) {
	case E_RTE_SECONDARY:
		return "Invalid call in secondary process";
	case E_RTE_NO_CONFIG:
		return "Missing rte_config structure";
	default:
		return strerror(errnum);
	}
}

#endif
