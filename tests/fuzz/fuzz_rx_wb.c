/*
 * A hostile device under the e1000 and igb receive paths. The input is a
 * program: inject a frame, switch the model's hostile modes, overwrite a
 * descriptor of the rx ring as the device's write-back (any length, status,
 * error bits, on descriptors posted or not), move the head register
 * backwards or past the tail, receive. The drivers must hand up only
 * well-formed mbufs, and give every mbuf back when the port stops.
 */
#include "cdk_ethdev.h"
#include "cdk_mbuf.h"
#include "cdk_pmd.h"
#include "cdk_sim_bus.h"
#include "fuzz_common.h"

#define FUZZ_WB_NDESC 64
#define FUZZ_E1000_RDH 0x2810u
#define FUZZ_IGB_RDH 0xc010u

struct fuzz_wb_port {
	const char *name;
	uint16_t port;
	uint32_t rdh;
	struct cdk_sim_dev *model;
};

static struct fuzz_wb_port fuzz_wb_ports[2] = {
	{ "sim0", 0, FUZZ_E1000_RDH, NULL },
	{ "sim2", 0, FUZZ_IGB_RDH, NULL },
};
static struct cdk_mempool *fuzz_wb_mp;
static int fuzz_wb_ready;
static volatile uint8_t fuzz_wb_sink; /* keeps the reads of packet bytes */

static int fuzz_wb_init(void)
{
	char *argv[] = { "fuzz", "--no-huge", "-m", "64", "--no-pci",
			 "--log-level=crit", "--vdev", "sim0,model=82540em",
			 "--vdev", "sim2,model=82576", NULL };
	struct cdk_eth_conf conf = { 0 };

	fuzz_quiet();
	if (cdk_eal_init((int)(sizeof(argv) / sizeof(argv[0])) - 1, argv) < 0)
		return -1;
	fuzz_wb_mp = cdk_pktmbuf_pool_create("fuzz_wb", 1023, 0, 0,
					     CDK_MBUF_DEFAULT_BUF_SIZE, 0);
	if (fuzz_wb_mp == NULL)
		return -1;
	for (int i = 0; i < 2; i++) {
		struct fuzz_wb_port *p = &fuzz_wb_ports[i];

		if (cdk_eth_dev_get_port_by_name(p->name, &p->port) < 0 ||
		    (p->model = cdk_sim_bus_model(p->name)) == NULL ||
		    cdk_eth_dev_configure(p->port, 1, 1, &conf) < 0 ||
		    cdk_eth_rx_queue_setup(p->port, 0, FUZZ_WB_NDESC, 0, NULL,
					   fuzz_wb_mp) < 0 ||
		    cdk_eth_tx_queue_setup(p->port, 0, 128, 0, NULL) < 0 ||
		    cdk_eth_dev_start(p->port) < 0)
			return -1;
	}
	fuzz_wb_ready = 1;
	return 0;
}

/* For the brief run: the next target needs the EAL to itself. */
__attribute__((unused)) static void fuzz_rx_wb_fini(void)
{
	if (fuzz_wb_ready)
		cdk_eal_cleanup();
	fuzz_wb_ready = 0;
}

static void fuzz_wb_check(struct cdk_mbuf **pkts, uint16_t n)
{
	for (uint16_t k = 0; k < n; k++) {
		const struct cdk_mbuf *m = pkts[k];
		uint32_t sum = 0;
		uint16_t segs = 0;

		for (const struct cdk_mbuf *s = m; s != NULL; s = s->next) {
			const uint8_t *d = cdk_pktmbuf_mtod(s, const uint8_t *);

			if (s->data_len == 0 ||
			    (uint32_t)s->data_off + s->data_len > s->buf_len)
				abort();
			/* every byte handed up lies in the mbuf's buffer */
			for (uint16_t i = 0; i < s->data_len; i += 64)
				fuzz_wb_sink ^= d[i];
			fuzz_wb_sink ^= d[s->data_len - 1];
			sum += s->data_len;
			segs++;
		}
		if (sum != m->pkt_len || segs != m->nb_segs)
			abort();
	}
	cdk_pktmbuf_free_bulk(pkts, n);
}

static uint16_t fuzz_wb_take(const uint8_t **p, const uint8_t *end, unsigned n)
{
	uint16_t v = 0;

	for (unsigned i = 0; i < n && *p < end; i++)
		v = (uint16_t)(v << 8 | *(*p)++);
	return v;
}

static int fuzz_rx_wb_one(const uint8_t *data, size_t size)
{
	const uint8_t *p = data, *end = data + size;
	struct fuzz_wb_port *fp;
	struct cdk_eth_dev *dev;
	struct cdk_mbuf *pkts[32];
	uint8_t frame[1600];
	unsigned ops = 0;

	if (size < 1 || (!fuzz_wb_ready && fuzz_wb_init() < 0))
		return 0;
	fp = &fuzz_wb_ports[*p++ & 1];
	dev = cdk_eth_dev_get(fp->port);
	while (p < end && ops++ < 64) {
		uint8_t op = *p++;

		switch (op % 6) {
		case 0: { /* a frame from the wire */
			uint16_t len = (uint16_t)(60 + fuzz_wb_take(&p, end, 2) % 1454);

			memset(frame, 0xff, 6);
			for (uint16_t i = 6; i < len; i++)
				frame[i] = (uint8_t)(i ^ op);
			cdk_sim_inject(fp->model, frame, len);
			break;
		}
		case 1: /* the model's own misbehaviours */
			cdk_sim_set_hostile(fp->model,
					    fuzz_wb_take(&p, end, 1) & CDK_SIM_HOSTILE_ALL);
			break;
		case 2: { /* a write-back of the fuzzer's choosing */
			cdk_cap_t ring = ((cdk_cap_t *)dev->rx_queues[0])[0];
			uint16_t idx = fuzz_wb_take(&p, end, 1) % FUZZ_WB_NDESC;
			uint8_t wb[16] = { 0 };

			for (int i = 0; i < 16 && p < end; i++)
				wb[i] = *p++;
			/* the device writes the status word last */
			memcpy((uint8_t *)ring.base + idx * 16u, wb, 8);
			__atomic_store_n((uint64_t *)(ring.base + idx * 16u + 8),
					 *(uint64_t *)(wb + 8), __ATOMIC_RELEASE);
			break;
		}
		case 3: /* the head register moved anywhere */
			cdk_sim_reg_write(fp->model, fp->rdh, fuzz_wb_take(&p, end, 2));
			break;
		default:
			fuzz_wb_check(pkts, cdk_eth_rx_burst(fp->port, 0, pkts,
							     (uint16_t)(1 + op % 32)));
			break;
		}
	}
	cdk_sim_set_hostile(fp->model, 0);
	for (int i = 0; i < 4; i++)
		fuzz_wb_check(pkts, cdk_eth_rx_burst(fp->port, 0, pkts, 32));
	/* Whatever happened, stop gives every buffer back (both ports share
	 * the pool: both stop). */
	for (int i = 0; i < 2; i++)
		if (cdk_eth_dev_stop(fuzz_wb_ports[i].port) < 0)
			abort();
	if (cdk_mempool_in_use_count(fuzz_wb_mp) != 0)
		abort();
	for (int i = 0; i < 2; i++)
		if (cdk_eth_dev_start(fuzz_wb_ports[i].port) < 0)
			abort();
	return 0;
}

#ifdef CDK_LIBFUZZER
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_rx_wb_one(data, size);
}
#endif
