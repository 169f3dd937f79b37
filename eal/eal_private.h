/* Interfaces between the EAL's own modules (not for drivers or apps). */
#ifndef CDK_EAL_PRIVATE_H
#define CDK_EAL_PRIVATE_H

#include "cdk_eal.h"

/* args.c: parse into cfg; returns arguments consumed or -EINVAL. */
int cdk_eal_parse_args(int argc, char **argv, struct cdk_eal_config *cfg);
void cdk_eal_config_defaults(struct cdk_eal_config *cfg);

/* memory.c */
int cdk_eal_memory_init(const struct cdk_eal_config *cfg);
void cdk_eal_memory_fini(void);
/* malloc.c: one heap per socket over that socket's segments. */
int cdk_eal_heap_init(void);
void cdk_eal_heap_fini(void);

/* lcore.c */
int cdk_eal_lcore_init(const struct cdk_eal_config *cfg);
void cdk_eal_lcore_fini(void);

/* bus.c */
int cdk_eal_bus_probe(void);
void cdk_eal_bus_cleanup(void);
enum cdk_iova_mode cdk_eal_bus_iova_mode(void);

/* cycles.c */
void cdk_eal_timer_init(void);

#endif
