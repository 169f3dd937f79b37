/*
 * The sim bus: device models (sim/) presented to the drivers as PCI
 * functions. A model's BAR0 is a trapped root capability, so a driver
 * reaches its registers only through checked slices, as on hardware.
 *
 *   --vdev simN,model=82540em|82574l|82576[,mac=02:..][,peer=simM]
 *          [,loopback=1][,rx_pcap=FILE][,tx_pcap=FILE][,loop=1]
 *          [,iface=IFNAME][,trace=FILE][,hostile=MASK]
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "cdk_cap_authority.h"
#include "cdk_log.h"
#include "cdk_sim_bus.h"
#include "eal/bus_private.h"

#define SIM_MAX 16

struct sim_slot {
	struct cdk_device dev;
	struct cdk_sim_dev *model;
	void *bar_space; /* reserved addresses, never touched */
	size_t bar_len;
	FILE *trace;
	int attached;
};

static struct sim_slot *sims[SIM_MAX];
static unsigned n_sims;

static const char *const sim_keys[] = {
	"model", "mac", "peer", "loopback", "rx_pcap", "tx_pcap", "loop",
	"iface", "trace", "hostile", NULL,
};

int cdk_sim_devarg(const char *name)
{
	if (strncmp(name, "sim", 3) != 0 || name[3] == '\0')
		return 0;
	for (const char *p = name + 3; *p; p++)
		if (*p < '0' || *p > '9')
			return 0;
	return 1;
}

static struct sim_slot *find_sim(const char *name)
{
	for (unsigned i = 0; i < n_sims; i++)
		if (strcmp(sims[i]->dev.name, name) == 0)
			return sims[i];
	return NULL;
}

/* SIM_LOG("why", device name, ...): "--vdev NAME: why". */
#define SIM_LOG(...) cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_EAL, "--vdev %s: " __VA_ARGS__)
#define SIM_ERR(...) (SIM_LOG(__VA_ARGS__), -EINVAL)

/* Model, MAC, options: everything but the wire. */
static struct cdk_sim_dev *make_model(const struct cdk_devarg *da,
				      const struct cdk_kvargs *kv, FILE **trace)
{
	const char *model = cdk_kvargs_get(kv, "model");
	const char *mac_s = cdk_kvargs_get(kv, "mac");
	const char *trace_s = cdk_kvargs_get(kv, "trace");
	struct cdk_sim_opts opts = { 0 };
	struct cdk_ether_addr mac;
	enum cdk_sim_kind kind;
	unsigned long hostile = 0;

	if (model == NULL || cdk_sim_kind_parse(model, &kind) < 0) {
		SIM_LOG("model=%s: expected 82540em, 82574l or 82576", da->name,
			model ? model : "(missing)");
		return NULL;
	}
	if (mac_s == NULL) {
		/* 02:00:00:00:00:N, N the device's number: stable across runs */
		memset(&mac, 0, sizeof(mac));
		mac.addr_bytes[0] = 0x02;
		mac.addr_bytes[5] = (uint8_t)atoi(da->name + 3);
	} else if (cdk_ether_unformat_addr(mac_s, &mac) < 0 ||
		   !cdk_is_valid_assigned_ether_addr(&mac)) {
		SIM_LOG("mac=%s: expected a unicast address like 02:00:00:00:00:01",
			da->name, mac_s);
		return NULL;
	}
	if (cdk_kvargs_get_uint(kv, da->name, "hostile", 0, CDK_SIM_HOSTILE_ALL,
				&hostile) == -EINVAL)
		return NULL;
	if (trace_s && (*trace = fopen(trace_s, "w")) == NULL) {
		SIM_LOG("trace=%s: %s", da->name, trace_s, strerror(errno));
		return NULL;
	}
	opts.hostile = (uint32_t)hostile;
	opts.trace = *trace;
	return cdk_sim_create(kind, mac.addr_bytes, &opts);
}

/* The model may DMA to EAL memory, and only there. */
static int map_memory(struct cdk_sim_dev *model)
{
	for (unsigned i = 0; i < cdk_memseg_count(); i++) {
		const struct cdk_memseg *s = cdk_memseg_get(i);
		size_t run = 0;

		/* one mapping per IOVA-contiguous run of pages */
		for (size_t p = 0; p < s->len / s->page_sz; p += run) {
			uint64_t iova = s->page_iova[p];

			for (run = 1; p + run < s->len / s->page_sz &&
				      s->page_iova[p + run] == iova + run * s->page_sz;
			     run++)
				;
			int rc = cdk_sim_dma_map(model, iova,
						 (char *)s->addr + p * s->page_sz,
						 run * s->page_sz);
			if (rc < 0)
				return rc;
		}
	}
	return 0;
}

static int mint_bar(struct sim_slot *s)
{
	struct cdk_sim_pci_id id;
	void *ctx;
	const struct cdk_cap_trap_ops *ops = cdk_sim_trap_ops(s->model, &ctx);
	char owner[CDK_CAP_OWNER_LEN];

	cdk_sim_pci_id(s->model, &id);
	s->bar_len = id.bar0_size;
	/* Addresses only: every access traps into the model. */
	s->bar_space = mmap(NULL, s->bar_len, PROT_NONE,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (s->bar_space == MAP_FAILED) {
		s->bar_space = NULL;
		return -ENOMEM;
	}
	s->dev.pci_id = (struct cdk_pci_id){ id.vendor_id, id.device_id };
	snprintf(owner, sizeof(owner), "eal/%.20s", s->dev.name);
	return cdk_cap_mint_trapped((uintptr_t)s->bar_space, s->bar_len,
				    CDK_CAP_PERM_LOAD | CDK_CAP_PERM_STORE |
					    CDK_CAP_PERM_MMIO | CDK_CAP_PERM_DERIVE,
				    ops, ctx, owner, "BAR0", &s->dev.bar_root_);
}

static void free_slot(struct sim_slot *s)
{
	if (s->attached)
		cdk_pci_detach(&s->dev);
	if (!cdk_cap_is_null(&s->dev.bar_root_))
		cdk_cap_revoke(&s->dev.bar_root_);
	if (s->model)
		cdk_sim_destroy(s->model);
	if (s->bar_space)
		munmap(s->bar_space, s->bar_len);
	if (s->trace)
		fclose(s->trace);
	free(s);
}

static int create_one(const struct cdk_devarg *da, struct cdk_kvargs *kv)
{
	struct sim_slot *s = calloc(1, sizeof(*s));
	int rc;

	if (s == NULL)
		return -ENOMEM;
	snprintf(s->dev.name, sizeof(s->dev.name), "%s", da->name);
	snprintf(s->dev.args, sizeof(s->dev.args), "%s", da->args);
	s->dev.kind = CDK_DEV_PCI;
	s->model = make_model(da, kv, &s->trace);
	rc = s->model ? map_memory(s->model) : -EINVAL;
	if (rc == 0)
		rc = mint_bar(s);
	if (rc < 0) {
		free_slot(s);
		return rc;
	}
	/* The bus enables bus mastering, as the kernel's uio/vfio path does. */
	cdk_sim_set_bus_master(s->model, 1);
	sims[n_sims++] = s;
	return 0;
}

/* peer=, loopback=, pcap files or a live interface. */
static int wire_one(struct sim_slot *s, const struct cdk_kvargs *kv)
{
	const char *peer = cdk_kvargs_get(kv, "peer");
	const char *rx = cdk_kvargs_get(kv, "rx_pcap"), *tx = cdk_kvargs_get(kv, "tx_pcap");
	const char *iface = cdk_kvargs_get(kv, "iface");
	int loopback = 0, loop = 0, rc = 0;

	cdk_kvargs_get_bool(kv, s->dev.name, "loopback", &loopback);
	cdk_kvargs_get_bool(kv, s->dev.name, "loop", &loop);
	if (!!peer + !!loopback + !!(rx || tx) + !!iface > 1)
		return SIM_ERR("give one wire: peer=, loopback=1, "
			       "rx_pcap=/tx_pcap= or iface=", s->dev.name);
	if (peer) {
		struct sim_slot *p = find_sim(peer);

		if (p == NULL || p == s)
			return SIM_ERR("peer=%s: no such earlier sim "
				       "device", s->dev.name, peer);
		rc = cdk_sim_connect(s->model, p->model);
	} else if (loopback) {
		rc = cdk_sim_wire_loopback(s->model);
	} else if (rx || tx) {
		rc = cdk_sim_wire_pcap(s->model, rx, tx, loop);
	} else if (iface) {
		rc = cdk_sim_wire_live(s->model, iface);
	}
	if (rc < 0)
		cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_EAL, "--vdev %s: cannot connect "
			"its wire: %s", s->dev.name, strerror(-rc));
	return rc;
}

static int sim_scan_one(const struct cdk_devarg *da)
{
	struct cdk_kvargs kv;
	int rc;

	if (n_sims == SIM_MAX)
		return SIM_ERR("at most %d device models", da->name, SIM_MAX);
	rc = cdk_kvargs_parse(&kv, da->name, da->args, sim_keys);
	if (rc == 0)
		rc = create_one(da, &kv);
	if (rc == 0)
		rc = wire_one(sims[n_sims - 1], &kv);
	return rc;
}

static void sim_cleanup(void)
{
	/* Drivers first, then models: a cable joins two of them. */
	for (unsigned i = 0; i < n_sims; i++)
		if (sims[i]->attached)
			cdk_pci_detach(&sims[i]->dev), sims[i]->attached = 0;
	while (n_sims > 0)
		free_slot(sims[--n_sims]);
}

static int sim_scan(void)
{
	const struct cdk_eal_config *cfg = cdk_eal_get_config();
	int rc = 0;

	for (unsigned i = 0; i < cfg->n_vdev && rc == 0; i++)
		if (cdk_sim_devarg(cfg->vdev[i].name))
			rc = sim_scan_one(&cfg->vdev[i]);
	if (rc < 0)
		sim_cleanup();
	return rc;
}

static int sim_probe(void)
{
	for (unsigned i = 0; i < n_sims; i++) {
		int rc = cdk_pci_attach(&sims[i]->dev);

		if (rc < 0) {
			sim_cleanup();
			return rc;
		}
		sims[i]->attached = rc == 0;
	}
	return 0;
}

/* For tests and tools: the model behind a sim device, by name. */
struct cdk_sim_dev *cdk_sim_bus_model(const char *name)
{
	struct sim_slot *s = find_sim(name);

	return s ? s->model : NULL;
}

static struct cdk_bus sim_bus = {
	.name = "sim",
	.scan = sim_scan,
	.probe = sim_probe,
	.cleanup = sim_cleanup,
};

CDK_INIT_PRIO(sim_bus_register, 130)
{
	cdk_bus_register(&sim_bus);
}
