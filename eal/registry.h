/* A list of named objects (rings, mempools) behind one lock: names are
 * unique, lookups are by name, and the EAL drops the lists at cleanup. */
#ifndef CDK_REGISTRY_H
#define CDK_REGISTRY_H

#include <pthread.h>

struct cdk_registry_entry;

struct cdk_registry {
	pthread_mutex_t lock;
	struct cdk_registry_entry *head;
	const char *(*name_of)(const void *obj);
};

#define CDK_REGISTRY_INIT(name_fn) { PTHREAD_MUTEX_INITIALIZER, NULL, name_fn }

void cdk_registry_lock(struct cdk_registry *r);
void cdk_registry_unlock(struct cdk_registry *r);
/* With the lock held: the object of that name, or NULL. */
void *cdk_registry_find_locked(struct cdk_registry *r, const char *name);
/* With the lock held: list obj (its name must be free). 0 or -ENOMEM. */
int cdk_registry_add_locked(struct cdk_registry *r, void *obj);
/* Take obj off the list, if it is there. */
void cdk_registry_remove(struct cdk_registry *r, const void *obj);
/* The object called name; NULL with errno EINVAL or ENOENT. */
void *cdk_registry_lookup(struct cdk_registry *r, const char *name);
/* Call cb on every object, the lock held. */
void cdk_registry_walk(struct cdk_registry *r, void (*cb)(void *obj, void *arg),
		       void *arg);
/* Forget every entry (the objects die with EAL memory). */
void cdk_registry_reset(struct cdk_registry *r);

#endif
