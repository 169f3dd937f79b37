/*
 * pcap input: the bytes are a pcap file that net_pcap receives from. The
 * port must refuse a broken file at probe or hand up well-formed mbufs
 * (chain lengths adding up, each within its buffer) and give every mbuf
 * back when stopped.
 */
#include <unistd.h>

#include "cdk_ethdev.h"
#include "cdk_mbuf.h"
#include "fuzz_common.h"

/* A well-formed chain: lengths add up, each segment inside its buffer. */
static void fuzz_check_mbuf(const struct cdk_mbuf *m)
{
	uint32_t sum = 0;
	uint16_t segs = 0;
	static uint8_t copy[65536 * 2];

	for (const struct cdk_mbuf *s = m; s != NULL; s = s->next) {
		if ((uint32_t)s->data_off + s->data_len > s->buf_len)
			abort();
		sum += s->data_len;
		segs++;
	}
	if (sum != m->pkt_len || segs != m->nb_segs || m->pkt_len > sizeof(copy))
		abort();
	if (m->pkt_len && cdk_pktmbuf_read(m, 0, m->pkt_len, copy) == NULL)
		abort();
}

static int fuzz_pcap_one(const uint8_t *data, size_t size)
{
	char path[64], vdev[128];
	char *argv[10];
	int argc = 0;
	FILE *f;
	uint16_t port;
	struct cdk_mempool *mp;
	struct cdk_eth_conf conf = { 0 };
	struct cdk_mbuf *pkts[32];

	snprintf(path, sizeof(path), "/tmp/capdk-fuzz-%d.pcap", (int)getpid());
	f = fopen(path, "wb");
	if (f == NULL)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	snprintf(vdev, sizeof(vdev), "net_pcap0,rx_pcap=%s,tx_pcap=/dev/null", path);
	argv[argc++] = "fuzz";
	argv[argc++] = "--no-huge";
	argv[argc++] = "-m";
	argv[argc++] = "32";
	argv[argc++] = "--no-pci";
	argv[argc++] = "--vdev";
	argv[argc++] = vdev;
	argv[argc] = NULL;
	fuzz_quiet();
	if (cdk_eal_init(argc, argv) < 0)
		goto out;
	if (cdk_eth_dev_get_port_by_name("net_pcap0", &port) < 0)
		goto fini;
	mp = cdk_pktmbuf_pool_create("fuzz_pcap", 511, 0, 0, CDK_MBUF_DEFAULT_BUF_SIZE, 0);
	if (mp == NULL || cdk_eth_dev_configure(port, 1, 1, &conf) < 0 ||
	    cdk_eth_rx_queue_setup(port, 0, 64, 0, NULL, mp) < 0 ||
	    cdk_eth_tx_queue_setup(port, 0, 64, 0, NULL) < 0 ||
	    cdk_eth_dev_start(port) < 0)
		goto fini;
	for (int idle = 0, i = 0; idle < 2 && i < 1000; i++) {
		uint16_t n = cdk_eth_rx_burst(port, 0, pkts, 32);

		idle = n ? 0 : idle + 1;
		for (uint16_t k = 0; k < n; k++)
			fuzz_check_mbuf(pkts[k]);
		cdk_pktmbuf_free_bulk(pkts, n);
	}
	cdk_eth_dev_stop(port);
	if (cdk_mempool_in_use_count(mp) != 0)
		abort(); /* the port kept mbufs after stop */
	cdk_eth_dev_close(port);
fini:
	cdk_eal_cleanup();
out:
	unlink(path);
	return 0;
}

#ifdef CDK_LIBFUZZER
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_pcap_one(data, size);
}
#endif
