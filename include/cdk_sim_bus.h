/* The sim bus's public side: reach the model behind a --vdev simN device
 * (tests and tools inspect its counters, make it misbehave, inject frames). */
#ifndef CDK_SIM_BUS_H
#define CDK_SIM_BUS_H

#include "cdk_sim.h"

/* The model of the sim device called name ("sim0"), or NULL. */
struct cdk_sim_dev *cdk_sim_bus_model(const char *name);

#endif
