/* net: header layouts, byte order, MAC helpers, checksums (known vectors). */
#include <errno.h>
#include <string.h>

#include "cdk_mbuf.h"
#include "cdk_net.h"
#include "test_util.h"

static void test_layout_and_order(void **state)
{
	uint8_t raw[2] = { 0x08, 0x00 };
	cdk_be16_t t;

	(void)state;
	assert_int_equal(sizeof(struct cdk_ether_hdr), 14);
	assert_int_equal(sizeof(struct cdk_vlan_hdr), 4);
	assert_int_equal(sizeof(struct cdk_ipv4_hdr), 20);
	assert_int_equal(sizeof(struct cdk_udp_hdr), 8);
	assert_int_equal(sizeof(struct cdk_tcp_hdr), 20);
	assert_int_equal(offsetof(struct cdk_ether_hdr, ether_type), 12);
	assert_int_equal(offsetof(struct cdk_ipv4_hdr, src_addr), 12);
	assert_int_equal(offsetof(struct cdk_tcp_hdr, tcp_flags), 13);
	memcpy(&t, raw, 2);
	assert_int_equal(cdk_be_to_cpu_16(t), CDK_ETHER_TYPE_IPV4);
	assert_int_equal(t, CDK_BE16(CDK_ETHER_TYPE_IPV4));
	assert_int_equal(cdk_cpu_to_be_32(0x01020304), CDK_BE32(0x01020304));
	assert_int_equal(cdk_be_to_cpu_32(cdk_cpu_to_be_32(0xa1b2c3d4)),
			 0xa1b2c3d4);
	assert_true(cdk_be_to_cpu_64(cdk_cpu_to_be_64(0x1122334455667788ull)) ==
		    0x1122334455667788ull);
	assert_int_equal(CDK_IPV4(192, 168, 0, 1), 0xc0a80001);
}

static void test_mac_predicates(void **state)
{
	struct cdk_ether_addr zero = { { 0 } };
	struct cdk_ether_addr bc = { { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff } };
	struct cdk_ether_addr mc = { { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 } };
	struct cdk_ether_addr uc = { { 0x00, 0x1b, 0x21, 0x0a, 0x0b, 0x0c } };
	struct cdk_ether_addr la = { { 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 } };
	struct cdk_ether_addr cp;

	(void)state;
	assert_true(cdk_is_zero_ether_addr(&zero));
	assert_false(cdk_is_zero_ether_addr(&uc));
	assert_true(cdk_is_broadcast_ether_addr(&bc));
	assert_true(cdk_is_multicast_ether_addr(&bc));
	assert_false(cdk_is_broadcast_ether_addr(&mc));
	assert_true(cdk_is_multicast_ether_addr(&mc));
	assert_false(cdk_is_unicast_ether_addr(&mc));
	assert_true(cdk_is_unicast_ether_addr(&uc));
	assert_true(cdk_is_universal_ether_addr(&uc));
	assert_true(cdk_is_local_admin_ether_addr(&la));
	assert_true(cdk_is_valid_assigned_ether_addr(&uc));
	assert_false(cdk_is_valid_assigned_ether_addr(&zero));
	assert_false(cdk_is_valid_assigned_ether_addr(&mc));
	cdk_ether_addr_copy(&uc, &cp);
	assert_true(cdk_is_same_ether_addr(&cp, &uc));
	assert_false(cdk_is_same_ether_addr(&cp, &la));
}

static void test_mac_random(void **state)
{
	struct cdk_ether_addr a, b;

	(void)state;
	cdk_eth_random_addr(a.addr_bytes);
	cdk_eth_random_addr(b.addr_bytes);
	assert_true(cdk_is_unicast_ether_addr(&a));
	assert_true(cdk_is_local_admin_ether_addr(&a));
	assert_true(cdk_is_valid_assigned_ether_addr(&b));
	assert_false(cdk_is_same_ether_addr(&a, &b));
}

static void test_mac_format_parse(void **state)
{
	struct cdk_ether_addr a = { { 0x00, 0x1b, 0x21, 0xab, 0xcd, 0xef } };
	struct cdk_ether_addr b, untouched = { { 9, 9, 9, 9, 9, 9 } };
	char buf[CDK_ETHER_ADDR_FMT_SIZE], small[6];
	static const char *bad[] = {
		"", "00:1b:21:ab:cd", "00:1b:21:ab:cd:ef:", "00:1b:21:ab:cd:eg",
		"001b:21ab:cdeg", "00:1b-21:ab:cd:ef", "0:1b:21:ab:cd:ef0",
		"00:1b:21:ab:cd:ef ", "001b.21ab.cdef",
	};

	(void)state;
	cdk_ether_format_addr(buf, sizeof(buf), &a);
	assert_string_equal(buf, "00:1B:21:AB:CD:EF");
	cdk_ether_format_addr(small, sizeof(small), &a);
	assert_string_equal(small, "00:1B");

	assert_int_equal(cdk_ether_unformat_addr("00:1b:21:AB:cd:ef", &b), 0);
	assert_true(cdk_is_same_ether_addr(&a, &b));
	memset(&b, 0, sizeof(b));
	assert_int_equal(cdk_ether_unformat_addr("00-1B-21-AB-CD-EF", &b), 0);
	assert_true(cdk_is_same_ether_addr(&a, &b));
	memset(&b, 0, sizeof(b));
	assert_int_equal(cdk_ether_unformat_addr("001b:21ab:cdef", &b), 0);
	assert_true(cdk_is_same_ether_addr(&a, &b));
	/* Round trip. */
	assert_int_equal(cdk_ether_unformat_addr(buf, &b), 0);
	assert_true(cdk_is_same_ether_addr(&a, &b));

	for (size_t i = 0; i < CDK_DIM(bad); i++) {
		b = untouched;
		assert_int_equal(cdk_ether_unformat_addr(bad[i], &b), -EINVAL);
		assert_true(cdk_is_same_ether_addr(&b, &untouched));
	}
	assert_int_equal(cdk_ether_unformat_addr(NULL, &b), -EINVAL);
}

/* The classic example IPv4 header (checksum 0xb861). */
static const uint8_t ip_vec[20] = {
	0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11,
	0x00, 0x00, 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7,
};

static void test_ipv4_cksum(void **state)
{
	struct cdk_ipv4_hdr h;

	(void)state;
	memcpy(&h, ip_vec, sizeof(h));
	assert_int_equal(cdk_ipv4_hdr_len(&h), 20);
	assert_int_equal(h.version, 4);
	assert_int_equal(h.ihl, 5);
	assert_int_equal(cdk_be_to_cpu_16(cdk_ipv4_cksum(&h)), 0xb861);
	h.hdr_checksum = cdk_ipv4_cksum(&h);
	assert_memory_equal((uint8_t *)&h + 10, "\xb8\x61", 2);
	/* Over a header with its checksum: 0. */
	assert_int_equal(cdk_ipv4_cksum(&h), 0);
	h.time_to_live--;
	assert_int_not_equal(cdk_ipv4_cksum(&h), 0);
	/* Odd-length raw sums pad with a zero byte. */
	assert_int_equal(cdk_raw_cksum("\x01", 1),
			 cdk_raw_cksum("\x01\x00", 2));
	assert_int_equal(cdk_be_to_cpu_16(cdk_raw_cksum("\x12\x34\x56", 3)),
			 0x1234 + 0x5600);
}

/*
 * A UDP/IPv4 packet: 10.0.0.1:1234 -> 10.0.0.2:5678, payload "hello".
 * Checksum worked by hand: pseudo-header 0a00+0001+0a00+0002+0011+000d =
 * 0x1421, UDP header 04d2+162e+000d = 0x1b0d, data 6865+6c6c+6f00 =
 * 0x143d1: sum 0x172ff, folded 0x7300, checksum 0x8cff.
 */
static void build_udp(uint8_t *pkt)
{
	struct cdk_ipv4_hdr *ip = (struct cdk_ipv4_hdr *)pkt;
	struct cdk_udp_hdr *udp = (struct cdk_udp_hdr *)(pkt + 20);

	memset(pkt, 0, 33);
	ip->version_ihl = CDK_IPV4_VHL_DEF;
	ip->total_length = CDK_BE16(33);
	ip->time_to_live = 64;
	ip->next_proto_id = CDK_IPPROTO_UDP;
	ip->src_addr = CDK_BE32(CDK_IPV4(10, 0, 0, 1));
	ip->dst_addr = CDK_BE32(CDK_IPV4(10, 0, 0, 2));
	udp->src_port = CDK_BE16(1234);
	udp->dst_port = CDK_BE16(5678);
	udp->dgram_len = CDK_BE16(13);
	memcpy(pkt + 28, "hello", 5);
}

static void test_udp_cksum(void **state)
{
	uint8_t pkt[40];
	struct cdk_ipv4_hdr *ip = (struct cdk_ipv4_hdr *)pkt;
	struct cdk_udp_hdr *udp = (struct cdk_udp_hdr *)(pkt + 20);

	(void)state;
	build_udp(pkt);
	udp->dgram_cksum = cdk_ipv4_udptcp_cksum(ip, udp);
	assert_int_equal(cdk_be_to_cpu_16(udp->dgram_cksum), 0x8cff);
	assert_int_equal(cdk_ipv4_udptcp_cksum_verify(ip, udp), 0);
	pkt[30] ^= 0x20; /* corrupt one payload byte */
	assert_int_equal(cdk_ipv4_udptcp_cksum_verify(ip, udp), -1);
	udp->dgram_cksum = 0; /* "no checksum" is accepted */
	assert_int_equal(cdk_ipv4_udptcp_cksum_verify(ip, udp), 0);

	/* Pseudo-header sum for offload: without / with segmentation. */
	build_udp(pkt);
	assert_int_equal(cdk_be_to_cpu_16(cdk_ipv4_phdr_cksum(ip, 0)),
			 0x0a00 + 0x0001 + 0x0a00 + 0x0002 + 0x0011 + 0x000d);
	assert_int_equal(cdk_be_to_cpu_16(
				 cdk_ipv4_phdr_cksum(ip, CDK_MBUF_F_TX_TCP_SEG)),
			 0x0a00 + 0x0001 + 0x0a00 + 0x0002 + 0x0011);
}

static void test_tcp_cksum(void **state)
{
	uint8_t pkt[60] = { 0 };
	struct cdk_ipv4_hdr *ip = (struct cdk_ipv4_hdr *)pkt;
	struct cdk_tcp_hdr *tcp = (struct cdk_tcp_hdr *)(pkt + 20);

	(void)state;
	ip->version_ihl = CDK_IPV4_VHL_DEF;
	ip->total_length = CDK_BE16(40);
	ip->next_proto_id = CDK_IPPROTO_TCP;
	ip->src_addr = CDK_BE32(CDK_IPV4(1, 2, 3, 4));
	ip->dst_addr = CDK_BE32(CDK_IPV4(5, 6, 7, 8));
	tcp->src_port = CDK_BE16(80);
	tcp->dst_port = CDK_BE16(1024);
	tcp->sent_seq = CDK_BE32(1);
	tcp->data_off = 5 << 4;
	tcp->tcp_flags = CDK_TCP_SYN_FLAG;
	tcp->rx_win = CDK_BE16(1000);
	/* By hand: 0102+0304+0506+0708+0006+0014 (pseudo, 0x102e) + 0050+
	 * 0400+0000+0001+0000+0000+5002+03e8 (0x583b) = 0x6869 -> checksum
	 * 0x9796. */
	tcp->cksum = cdk_ipv4_udptcp_cksum(ip, tcp);
	assert_int_equal(cdk_be_to_cpu_16(tcp->cksum), 0x9796);
	assert_int_equal(cdk_ipv4_udptcp_cksum_verify(ip, tcp), 0);
	tcp->rx_win = CDK_BE16(1001);
	assert_int_equal(cdk_ipv4_udptcp_cksum_verify(ip, tcp), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_and_order),
		cmocka_unit_test(test_mac_predicates),
		cmocka_unit_test(test_mac_random),
		cmocka_unit_test(test_mac_format_parse),
		cmocka_unit_test(test_ipv4_cksum),
		cmocka_unit_test(test_udp_cksum),
		cmocka_unit_test(test_tcp_cksum),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
