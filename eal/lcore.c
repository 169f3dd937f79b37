/*
 * lcores: the main thread is the main lcore; every other enabled lcore is a
 * worker thread pinned to its CPU that waits for a function to run.
 */
#include <errno.h>
#include <numa.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include "cdk_lcore.h"
#include "cdk_log.h"
#include "eal_private.h"

__thread unsigned cdk_per_lcore_id = CDK_LCORE_ID_ANY;

struct lcore {
	int enabled;
	int started; /* worker thread exists */
	int cpu;
	unsigned socket;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	enum cdk_lcore_state state;
	cdk_lcore_function_t *f;
	void *arg;
	int ret;
	int quit;
};

static struct lcore lcores[CDK_MAX_LCORE];
static unsigned main_lcore;
static unsigned n_lcores;
static unsigned n_sockets = 1;
static cpu_set_t main_saved_affinity;
static int main_affinity_saved;

static int pin(pthread_t t, int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	return -pthread_setaffinity_np(t, sizeof(set), &set);
}

static void *worker_loop(void *arg)
{
	struct lcore *lc = arg;

	cdk_per_lcore_id = (unsigned)(lc - lcores);
	pthread_mutex_lock(&lc->lock);
	for (;;) {
		while (lc->state != CDK_LCORE_RUNNING && !lc->quit)
			pthread_cond_wait(&lc->cond, &lc->lock);
		if (lc->quit)
			break;
		pthread_mutex_unlock(&lc->lock);
		int ret = lc->f(lc->arg);
		pthread_mutex_lock(&lc->lock);
		lc->ret = ret;
		lc->state = CDK_LCORE_FINISHED;
		pthread_cond_broadcast(&lc->cond);
	}
	pthread_mutex_unlock(&lc->lock);
	return NULL;
}

static int start_worker(unsigned id)
{
	struct lcore *lc = &lcores[id];
	char name[16];
	int rc = -pthread_create(&lc->thread, NULL, worker_loop, lc);

	if (rc < 0) {
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_LCORE,
			"cannot start lcore %u: %s", id, strerror(-rc));
		return rc;
	}
	lc->started = 1;
	snprintf(name, sizeof(name), "lcore-%u", id);
	pthread_setname_np(lc->thread, name);
	rc = pin(lc->thread, lc->cpu);
	if (rc < 0)
		cdk_log(CDK_LOG_WARNING, CDK_LOGTYPE_LCORE,
			"cannot pin lcore %u to cpu %d: %s", id, lc->cpu,
			strerror(-rc));
	return 0;
}

static unsigned cpu_socket(int cpu)
{
	int node = numa_available() >= 0 ? numa_node_of_cpu(cpu) : 0;

	return node < 0 ? 0 : (unsigned)node;
}

int cdk_eal_lcore_init(const struct cdk_eal_config *cfg)
{
	int rc = 0;

	memset(lcores, 0, sizeof(lcores));
	n_lcores = 0;
	n_sockets = numa_available() >= 0 ? (unsigned)numa_max_node() + 1 : 1;
	main_lcore = cfg->main_lcore;
	for (unsigned i = 0; i < CDK_MAX_LCORE; i++) {
		if (cfg->lcore_cpu[i] < 0)
			continue;
		lcores[i].enabled = 1;
		lcores[i].cpu = cfg->lcore_cpu[i];
		lcores[i].socket = cpu_socket(cfg->lcore_cpu[i]);
		pthread_mutex_init(&lcores[i].lock, NULL);
		pthread_cond_init(&lcores[i].cond, NULL);
		n_lcores++;
	}
	main_affinity_saved = pthread_getaffinity_np(pthread_self(),
		sizeof(main_saved_affinity), &main_saved_affinity) == 0;
	if (pin(pthread_self(), lcores[main_lcore].cpu) < 0)
		cdk_log(CDK_LOG_WARNING, CDK_LOGTYPE_LCORE,
			"cannot pin the main lcore to cpu %d", lcores[main_lcore].cpu);
	cdk_per_lcore_id = main_lcore;
	for (unsigned i = 0; i < CDK_MAX_LCORE && rc == 0; i++)
		if (lcores[i].enabled && i != main_lcore)
			rc = start_worker(i);
	if (rc < 0)
		cdk_eal_lcore_fini();
	return rc;
}

void cdk_eal_lcore_fini(void)
{
	for (unsigned i = 0; i < CDK_MAX_LCORE; i++) {
		struct lcore *lc = &lcores[i];

		if (!lc->enabled)
			continue;
		if (lc->started) {
			pthread_mutex_lock(&lc->lock);
			lc->quit = 1;
			pthread_cond_broadcast(&lc->cond);
			pthread_mutex_unlock(&lc->lock);
			pthread_join(lc->thread, NULL);
		}
		pthread_mutex_destroy(&lc->lock);
		pthread_cond_destroy(&lc->cond);
	}
	memset(lcores, 0, sizeof(lcores));
	n_lcores = 0;
	if (main_affinity_saved)
		pthread_setaffinity_np(pthread_self(), sizeof(main_saved_affinity),
				       &main_saved_affinity);
	main_affinity_saved = 0;
	cdk_per_lcore_id = CDK_LCORE_ID_ANY;
}

unsigned cdk_get_main_lcore(void)
{
	return main_lcore;
}

unsigned cdk_lcore_count(void)
{
	return n_lcores;
}

int cdk_lcore_is_enabled(unsigned id)
{
	return id < CDK_MAX_LCORE && lcores[id].enabled;
}

unsigned cdk_get_next_lcore(unsigned i, int skip_main, int wrap)
{
	unsigned start = i;

	for (unsigned n = 0; n < CDK_MAX_LCORE; n++) {
		i = i + 1;
		if (i >= CDK_MAX_LCORE) {
			if (!wrap)
				return CDK_MAX_LCORE;
			i = 0;
		}
		if (lcores[i].enabled && !(skip_main && i == main_lcore))
			return i;
		if (i == start)
			break;
	}
	return CDK_MAX_LCORE;
}

int cdk_lcore_to_cpu_id(unsigned id)
{
	return cdk_lcore_is_enabled(id) ? lcores[id].cpu : -1;
}

unsigned cdk_lcore_to_socket_id(unsigned id)
{
	return cdk_lcore_is_enabled(id) ? lcores[id].socket : 0;
}

unsigned cdk_socket_id(void)
{
	return cdk_lcore_to_socket_id(cdk_lcore_id());
}

unsigned cdk_socket_count(void)
{
	return n_sockets;
}

enum cdk_lcore_state cdk_eal_get_lcore_state(unsigned id)
{
	enum cdk_lcore_state s;

	if (!cdk_lcore_is_enabled(id))
		return CDK_LCORE_WAIT;
	pthread_mutex_lock(&lcores[id].lock);
	s = lcores[id].state;
	pthread_mutex_unlock(&lcores[id].lock);
	return s;
}

int cdk_eal_remote_launch(cdk_lcore_function_t *f, void *arg, unsigned id)
{
	struct lcore *lc;
	int rc = 0;

	if (f == NULL || !cdk_lcore_is_enabled(id) || id == main_lcore)
		return -EINVAL;
	lc = &lcores[id];
	pthread_mutex_lock(&lc->lock);
	if (lc->state != CDK_LCORE_WAIT) {
		rc = -EBUSY;
	} else {
		lc->f = f;
		lc->arg = arg;
		lc->state = CDK_LCORE_RUNNING;
		pthread_cond_broadcast(&lc->cond);
	}
	pthread_mutex_unlock(&lc->lock);
	return rc;
}

int cdk_eal_mp_remote_launch(cdk_lcore_function_t *f, void *arg,
			     enum cdk_rmt_call_main call_main)
{
	unsigned i;

	/* All or nothing: every worker must be idle. */
	CDK_LCORE_FOREACH_WORKER(i)
		if (cdk_eal_get_lcore_state(i) != CDK_LCORE_WAIT)
			return -EBUSY;
	CDK_LCORE_FOREACH_WORKER(i)
		cdk_eal_remote_launch(f, arg, i);
	if (call_main == CDK_CALL_MAIN)
		lcores[main_lcore].ret = f(arg);
	return 0;
}

int cdk_eal_wait_lcore(unsigned id)
{
	struct lcore *lc;
	int ret;

	if (!cdk_lcore_is_enabled(id) || id == main_lcore)
		return 0;
	lc = &lcores[id];
	pthread_mutex_lock(&lc->lock);
	if (lc->state == CDK_LCORE_WAIT) {
		pthread_mutex_unlock(&lc->lock);
		return 0;
	}
	while (lc->state == CDK_LCORE_RUNNING)
		pthread_cond_wait(&lc->cond, &lc->lock);
	ret = lc->ret;
	lc->state = CDK_LCORE_WAIT;
	pthread_mutex_unlock(&lc->lock);
	return ret;
}

void cdk_eal_mp_wait_lcore(void)
{
	unsigned i;

	CDK_LCORE_FOREACH_WORKER(i)
		cdk_eal_wait_lcore(i);
}
