/* Guest-side probe: lists PCI devices, maps BAR0 of each Intel NIC through
 * sysfs, prints STATUS and the MAC in RAL0/RAH0, enables bus mastering, and
 * optionally exchanges raw frames with legacy descriptors (e1000/e1000e):
 *
 *   pci_probe                 list and read registers
 *   pci_probe --pair A B      NIC A sends a frame, NIC B must receive it intact
 *   pci_probe --echo A        NIC A sends a frame, must receive it back
 *                             (a host peer echoing through -netdev socket)
 *
 * Build: gcc -static -O2 -o pci_probe pci_probe.c
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum {
	CTRL = 0x0000, STATUS = 0x0008, RCTL = 0x0100, TCTL = 0x0400,
	RDBAL = 0x2800, RDBAH = 0x2804, RDLEN = 0x2808, RDH = 0x2810, RDT = 0x2818,
	TDBAL = 0x3800, TDBAH = 0x3804, TDLEN = 0x3808, TDH = 0x3810, TDT = 0x3818,
	RAL0 = 0x5400, RAH0 = 0x5404,
	NDESC = 8, BUFSZ = 2048,
};

struct nic {
	char addr[32], driver[64];
	unsigned vendor, device;
	volatile uint8_t *bar;
	size_t barlen;
	uint8_t mac[6];
	/* DMA area: tx ring, rx ring, buffers */
	uint8_t *dma;
	uint64_t iova;
	unsigned rx_next;
};

static struct nic nics[16];
static int nnic;

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static unsigned read_hex(const char *dir, const char *file)
{
	char p[512], buf[32] = "";
	snprintf(p, sizeof p, "%s/%s", dir, file);
	FILE *f = fopen(p, "r");
	if (f) {
		if (!fgets(buf, sizeof buf, f))
			buf[0] = 0;
		fclose(f);
	}
	return (unsigned)strtoul(buf, NULL, 16);
}

static uint32_t rd(struct nic *n, unsigned off) { return *(volatile uint32_t *)(n->bar + off); }
static void wr(struct nic *n, unsigned off, uint32_t v) { *(volatile uint32_t *)(n->bar + off) = v; }

static int map_bar(struct nic *n)
{
	char p[sizeof n->addr + 64];
	struct stat st;
	snprintf(p, sizeof p, "/sys/bus/pci/devices/%.31s/resource0", n->addr);
	int fd = open(p, O_RDWR | O_SYNC);
	if (fd < 0 || fstat(fd, &st) < 0) {
		printf("  %s: open %s: %s\n", n->addr, p, strerror(errno));
		return -1;
	}
	n->barlen = st.st_size;
	void *m = mmap(NULL, n->barlen, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (m == MAP_FAILED) {
		printf("  %s: mmap BAR0: %s\n", n->addr, strerror(errno));
		return -1;
	}
	n->bar = m;
	return 0;
}

static int bus_master(struct nic *n)
{
	char p[sizeof n->addr + 64];
	uint16_t cmd;
	snprintf(p, sizeof p, "/sys/bus/pci/devices/%.31s/config", n->addr);
	int fd = open(p, O_RDWR);
	if (fd < 0 || pread(fd, &cmd, 2, 4) != 2)
		return -1;
	cmd |= 0x6; /* memory space, bus master */
	if (pwrite(fd, &cmd, 2, 4) != 2 || pread(fd, &cmd, 2, 4) != 2)
		return -1;
	close(fd);
	return (cmd & 4) != 0;
}

static uint64_t virt_to_phys(void *va)
{
	uint64_t e;
	int fd = open("/proc/self/pagemap", O_RDONLY);
	long pg = sysconf(_SC_PAGESIZE);
	if (fd < 0 || pread(fd, &e, 8, (uintptr_t)va / pg * 8) != 8 || !(e & (1ULL << 63)))
		return 0;
	close(fd);
	return (e & ((1ULL << 55) - 1)) * pg + (uintptr_t)va % pg;
}

static int dma_setup(struct nic *n, int idx)
{
	char p[64];
	snprintf(p, sizeof p, "/dev/hugepages/pci_probe.%d", idx);
	int fd = open(p, O_CREAT | O_RDWR, 0600);
	if (fd < 0)
		return -1;
	unlink(p);
	void *m = mmap(NULL, 2 << 20, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd, 0);
	close(fd);
	if (m == MAP_FAILED)
		return -1;
	memset(m, 0, 2 << 20);
	n->dma = m;
	n->iova = virt_to_phys(m);
	if (!n->iova)
		return -1;
	/* tx ring at 0, rx ring at 4096, tx buffers at 64K, rx buffers at 128K */
	uint8_t *rx = n->dma + 4096;
	for (int i = 0; i < NDESC; i++)
		*(uint64_t *)(rx + 16 * i) = n->iova + (128 << 10) + i * BUFSZ;
	wr(n, CTRL, rd(n, CTRL) | (1u << 6));	/* SLU */
	wr(n, TDBAL, (uint32_t)n->iova); wr(n, TDBAH, n->iova >> 32);
	wr(n, TDLEN, NDESC * 16); wr(n, TDH, 0); wr(n, TDT, 0);
	wr(n, TCTL, (1u << 1) | (1u << 3) | (0x10u << 4) | (0x40u << 12));
	wr(n, RDBAL, (uint32_t)(n->iova + 4096)); wr(n, RDBAH, (n->iova + 4096) >> 32);
	wr(n, RDLEN, NDESC * 16); wr(n, RDH, 0); wr(n, RDT, NDESC - 1);
	/* EN, UPE, MPE, BAM, SECRC; 2048-byte buffers */
	wr(n, RCTL, (1u << 1) | (1u << 3) | (1u << 4) | (1u << 15) | (1u << 26));
	n->rx_next = 0;
	return 0;
}

static int xmit(struct nic *n, const uint8_t *frame, unsigned len)
{
	unsigned t = rd(n, TDT);
	uint8_t *d = n->dma + 16 * t;
	memcpy(n->dma + (64 << 10) + t * BUFSZ, frame, len);
	*(uint64_t *)d = n->iova + (64 << 10) + t * BUFSZ;
	*(uint16_t *)(d + 8) = len;
	d[11] = 0x01 | 0x02 | 0x08;	/* EOP, IFCS, RS */
	d[12] = 0;
	__sync_synchronize();
	wr(n, TDT, (t + 1) % NDESC);
	for (int i = 0; i < 2000; i++) {
		if (*(volatile uint8_t *)(d + 12) & 1)
			return 0;
		usleep(1000);
	}
	return -1;
}

static int recv_frame(struct nic *n, uint8_t *out, unsigned ms)
{
	volatile uint8_t *d = n->dma + 4096 + 16 * n->rx_next;
	for (unsigned i = 0; i < ms; i++) {
		if (d[12] & 1) {
			unsigned len = *(volatile uint16_t *)(d + 8);
			memcpy(out, n->dma + (128 << 10) + n->rx_next * BUFSZ, len);
			d[12] = 0;
			wr(n, RDT, n->rx_next);
			n->rx_next = (n->rx_next + 1) % NDESC;
			return (int)len;
		}
		usleep(1000);
	}
	return -1;
}

static unsigned make_frame(uint8_t *f, const struct nic *src, unsigned seq)
{
	unsigned len = 60 + seq % 200;
	memset(f, 0xff, 6);
	memcpy(f + 6, src->mac, 6);
	f[12] = 0x88; f[13] = 0xb5;	/* local experimental ethertype */
	for (unsigned i = 14; i < len; i++)
		f[i] = (uint8_t)(i * 7 + seq);
	return len;
}

static int exchange(int a, int b, const char *what)
{
	uint8_t tx[BUFSZ], rx[BUFSZ];
	int ok = 0;
	for (unsigned seq = 0; seq < 4; seq++) {
		unsigned len = make_frame(tx, &nics[a], seq * 37);
		if (xmit(&nics[a], tx, len) < 0) {
			printf("%s: %s: tx not completed\n", what, nics[a].addr);
			return 1;
		}
		int got = recv_frame(&nics[b], rx, 3000);
		if (got == (int)len && !memcmp(tx, rx, len))
			ok++;
		else
			printf("%s: frame %u: sent %u bytes, got %d%s\n", what, seq, len, got,
			       got == (int)len ? " (different bytes)" : "");
	}
	printf("%s: %s -> %s: %d/4 frames byte-exact\n", what, nics[a].addr, nics[b].addr, ok);
	return ok == 4 ? 0 : 1;
}

int main(int argc, char **argv)
{
	DIR *dir = opendir("/sys/bus/pci/devices");
	struct dirent *e;
	char *names[64];
	int nn = 0, rc = 0;
	if (!dir) {
		perror("/sys/bus/pci/devices");
		return 2;
	}
	while ((e = readdir(dir)) && nn < 64)
		if (e->d_name[0] != '.')
			names[nn++] = strdup(e->d_name);
	closedir(dir);
	qsort(names, nn, sizeof *names, by_name);

	for (int i = 0; i < nn; i++) {
		char d[300], link[320], tgt[256], drv[64] = "-";
		snprintf(d, sizeof d, "/sys/bus/pci/devices/%s", names[i]);
		unsigned v = read_hex(d, "vendor"), dev = read_hex(d, "device"), cls = read_hex(d, "class");
		snprintf(link, sizeof link, "%s/driver", d);
		ssize_t l = readlink(link, tgt, sizeof tgt - 1);
		if (l > 0) {
			tgt[l] = 0;
			snprintf(drv, sizeof drv, "%s", strrchr(tgt, '/') + 1);
		}
		printf("pci %s %04x:%04x class %06x driver %s\n", names[i], v, dev, cls, drv);
		if (v == 0x8086 && (cls >> 8) == 0x0200 && nnic < 16) {
			struct nic *n = &nics[nnic++];
			snprintf(n->addr, sizeof n->addr, "%s", names[i]);
			snprintf(n->driver, sizeof n->driver, "%s", drv);
			n->vendor = v;
			n->device = dev;
		}
	}
	if (!nnic) {
		printf("no Intel NIC\n");
		return 1;
	}
	for (int i = 0; i < nnic; i++) {
		struct nic *n = &nics[i];
		int bm = bus_master(n);
		if (map_bar(n) < 0) {
			rc = 1;
			continue;
		}
		uint32_t st = rd(n, STATUS), ral = rd(n, RAL0), rah = rd(n, RAH0);
		for (int k = 0; k < 4; k++)
			n->mac[k] = ral >> (8 * k);
		n->mac[4] = rah; n->mac[5] = rah >> 8;
		printf("nic %d %s %04x:%04x driver=%s bar0=%zuK status=0x%08x link=%s "
		       "mac=%02x:%02x:%02x:%02x:%02x:%02x av=%u busmaster=%s\n",
		       i, n->addr, n->vendor, n->device, n->driver, n->barlen >> 10, st,
		       st & 2 ? "up" : "down", n->mac[0], n->mac[1], n->mac[2], n->mac[3],
		       n->mac[4], n->mac[5], rah >> 31, bm == 1 ? "on" : "FAILED");
		if (bm != 1)
			rc = 1;
	}
	for (int i = 1; i < argc; i++) {
		int a = -1, b = -1;
		if (!strcmp(argv[i], "--pair") && i + 2 < argc) {
			a = atoi(argv[++i]); b = atoi(argv[++i]);
		} else if (!strcmp(argv[i], "--echo") && i + 1 < argc) {
			a = b = atoi(argv[++i]);
		} else {
			printf("unknown argument %s\n", argv[i]);
			return 2;
		}
		if (a >= nnic || b >= nnic || !nics[a].bar || !nics[b].bar) {
			printf("no such NIC\n");
			return 2;
		}
		for (int k = 0; k < 2; k++) {
			int x = k ? b : a;
			if (!nics[x].dma && dma_setup(&nics[x], x) < 0) {
				printf("%s: DMA setup failed (hugepages?)\n", nics[x].addr);
				return 1;
			}
		}
		rc |= exchange(a, b, a == b ? "echo" : "pair");
	}
	return rc;
}
