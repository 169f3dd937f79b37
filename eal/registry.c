/* Named-object lists for rings and mempools (eal/registry.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "eal/registry.h"

struct cdk_registry_entry {
	void *obj;
	struct cdk_registry_entry *next;
};

void cdk_registry_lock(struct cdk_registry *r)
{
	pthread_mutex_lock(&r->lock);
}

void cdk_registry_unlock(struct cdk_registry *r)
{
	pthread_mutex_unlock(&r->lock);
}

void *cdk_registry_find_locked(struct cdk_registry *r, const char *name)
{
	for (struct cdk_registry_entry *e = r->head; e; e = e->next)
		if (strcmp(r->name_of(e->obj), name) == 0)
			return e->obj;
	return NULL;
}

int cdk_registry_add_locked(struct cdk_registry *r, void *obj)
{
	struct cdk_registry_entry *e = malloc(sizeof(*e));

	if (e == NULL)
		return -ENOMEM;
	e->obj = obj;
	e->next = r->head;
	r->head = e;
	return 0;
}

void cdk_registry_remove(struct cdk_registry *r, const void *obj)
{
	struct cdk_registry_entry **pp, *dead = NULL;

	pthread_mutex_lock(&r->lock);
	for (pp = &r->head; *pp; pp = &(*pp)->next)
		if ((*pp)->obj == obj) {
			dead = *pp;
			*pp = dead->next;
			break;
		}
	pthread_mutex_unlock(&r->lock);
	free(dead);
}

void *cdk_registry_lookup(struct cdk_registry *r, const char *name)
{
	void *obj;

	if (name == NULL) {
		errno = EINVAL;
		return NULL;
	}
	pthread_mutex_lock(&r->lock);
	obj = cdk_registry_find_locked(r, name);
	pthread_mutex_unlock(&r->lock);
	if (obj == NULL)
		errno = ENOENT;
	return obj;
}

void cdk_registry_walk(struct cdk_registry *r, void (*cb)(void *obj, void *arg),
		       void *arg)
{
	pthread_mutex_lock(&r->lock);
	for (struct cdk_registry_entry *e = r->head; e; e = e->next)
		cb(e->obj, arg);
	pthread_mutex_unlock(&r->lock);
}

void cdk_registry_reset(struct cdk_registry *r)
{
	pthread_mutex_lock(&r->lock);
	while (r->head) {
		struct cdk_registry_entry *e = r->head;

		r->head = e->next;
		free(e);
	}
	pthread_mutex_unlock(&r->lock);
}
