/*
 * mkpcap: write a pcap file of UDP/IPv4 test frames, or count the frames in
 * one. Used by the demo (make run) and by tests.
 *   mkpcap FILE COUNT [SIZE]     COUNT frames of SIZE bytes (60..1514)
 *   mkpcap --count FILE          print the number of frames in FILE
 */
#include <arpa/inet.h>
#include <errno.h>
#include <pcap/pcap.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int count_frames(const char *path)
{
	char err[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr *h;
	const unsigned char *d;
	pcap_t *p = pcap_open_offline(path, err);
	long n = 0;
	int rc;

	if (p == NULL) {
		fprintf(stderr, "mkpcap: %s\n", err);
		return 1;
	}
	while ((rc = pcap_next_ex(p, &h, &d)) == 1)
		n++;
	pcap_close(p);
	printf("%ld\n", n);
	return rc == -2 ? 0 : 1; /* -2: end of file */
}

/* One frame: 02:00:00:00:00:02 <- 02:00:00:00:00:01, 10.0.0.1:1024+i -> 10.0.0.2:9. */
static void make_frame(unsigned char *f, unsigned size, unsigned i)
{
	static const unsigned char hdr[14] = { 2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 8, 0 };
	uint16_t ip_len = (uint16_t)(size - 14), udp_len = (uint16_t)(size - 34);
	uint32_t sum = 0;

	memset(f, 0, size);
	memcpy(f, hdr, sizeof(hdr));
	f[14] = 0x45;
	f[16] = (uint8_t)(ip_len >> 8), f[17] = (uint8_t)ip_len;
	f[22] = 64, f[23] = 17;
	memcpy(f + 26, "\x0a\x00\x00\x01\x0a\x00\x00\x02", 8);
	for (int k = 14; k < 34; k += 2) /* IPv4 header checksum (RFC 791) */
		sum += (uint32_t)(f[k] << 8 | f[k + 1]);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	f[24] = (uint8_t)(~sum >> 8), f[25] = (uint8_t)~sum;
	f[34] = (uint8_t)((1024 + i % 4096) >> 8), f[35] = (uint8_t)(1024 + i % 4096);
	f[37] = 9; /* discard */
	f[38] = (uint8_t)(udp_len >> 8), f[39] = (uint8_t)udp_len;
	memcpy(f + 42, &i, sizeof(i)); /* a sequence number in the payload */
}

int main(int argc, char **argv)
{
	unsigned char frame[1514];
	unsigned long count, size = 64;
	struct pcap_pkthdr h = { 0 };
	pcap_dumper_t *d;
	pcap_t *p;
	char *end;

	if (argc == 3 && strcmp(argv[1], "--count") == 0)
		return count_frames(argv[2]);
	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: mkpcap FILE COUNT [SIZE] | mkpcap --count FILE\n");
		return 2;
	}
	count = strtoul(argv[2], &end, 10);
	if (*end || count == 0 || count > 100000000ul) {
		fprintf(stderr, "mkpcap: COUNT '%s' must be 1..100000000\n", argv[2]);
		return 2;
	}
	if (argc == 4 && ((size = strtoul(argv[3], &end, 10)), *end || size < 60 || size > 1514)) {
		fprintf(stderr, "mkpcap: SIZE '%s' must be 60..1514\n", argv[3]);
		return 2;
	}
	p = pcap_open_dead(DLT_EN10MB, 65535);
	d = p ? pcap_dump_open(p, argv[1]) : NULL;
	if (d == NULL) {
		fprintf(stderr, "mkpcap: cannot write %s: %s\n", argv[1],
			p ? pcap_geterr(p) : "no pcap");
		return 1;
	}
	h.caplen = h.len = (bpf_u_int32)size;
	for (unsigned long i = 0; i < count; i++) {
		h.ts.tv_usec = (long)(i % 1000000);
		make_frame(frame, (unsigned)size, (unsigned)i);
		pcap_dump((u_char *)d, &h, frame);
	}
	pcap_dump_close(d);
	pcap_close(p);
	return 0;
}
