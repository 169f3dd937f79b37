/*
 * Register facts of the igb family, from Intel's datasheets:
 *   82576 GbE Controller Datasheet ("82576 DS"),
 *   I350 Ethernet Controller Datasheet ("I350 DS"),
 *   I210 Ethernet Controller Datasheet ("I210 DS"; the I211 is its
 *   flash-less, two-queue sibling).
 * The three share the queue programming model (registers at 0xC000/0xE000
 * + 0x40 * n, advanced descriptors, SRRCTL, RXDCTL/TXDCTL enables, RSS
 * through MRQC/RSSRK/RETA). What differs per family is in igb_family below.
 */
#ifndef PMD_IGB_REGS_H
#define PMD_IGB_REGS_H

#include <stdint.h>

/* ---- PCI device ids (82576 DS 9.4.2; I350 DS 9.4.2; I210 DS 9.5.2) ---- */
#define IGB_DEV_ID_82576 0x10c9
#define IGB_DEV_ID_82576_FIBER 0x10e6
#define IGB_DEV_ID_82576_SERDES 0x10e7
#define IGB_DEV_ID_82576_QUAD_COPPER 0x10e8
#define IGB_DEV_ID_82576_QUAD_COPPER_ET2 0x1526
#define IGB_DEV_ID_82576_NS 0x150a
#define IGB_DEV_ID_82576_NS_SERDES 0x1518
#define IGB_DEV_ID_82576_SERDES_QUAD 0x150d
#define IGB_DEV_ID_I350_COPPER 0x1521
#define IGB_DEV_ID_I350_FIBER 0x1522
#define IGB_DEV_ID_I350_SERDES 0x1523
#define IGB_DEV_ID_I350_SGMII 0x1524
#define IGB_DEV_ID_I210_COPPER 0x1533
#define IGB_DEV_ID_I210_FIBER 0x1536
#define IGB_DEV_ID_I210_SERDES 0x1537
#define IGB_DEV_ID_I210_SGMII 0x1538
#define IGB_DEV_ID_I210_COPPER_FLASHLESS 0x157b
#define IGB_DEV_ID_I210_SERDES_FLASHLESS 0x157c
#define IGB_DEV_ID_I211_COPPER 0x1539

/* ---- what differs per family ---- */
enum igb_mac_type { IGB_MAC_82576, IGB_MAC_I350, IGB_MAC_I210, IGB_MAC_I211 };

struct igb_family {
	const char *name;
	uint16_t nb_queues;  /* rx = tx: 82576 DS 1.3 16; I350 DS 1.3 8;
				I210 DS 1.3 4; I211 2 */
	uint16_t nb_rar;     /* unicast filters: 82576 DS 8.10.16 24; I350
				DS 8.11.16 32; I210 DS 8.11.12 16 */
	uint8_t nvm_eerd;    /* MAC from the NVM through EERD (the I211 has
				an OTP iNVM instead; RAL0/RAH0 still hold it) */
};

/* ---- BAR0 ---- */
#define IGB_BAR0_LEN 0x20000u /* 82576 DS 9.4.11: 128 KB memory BAR */

/* ---- general registers (82576 DS 8.2) ---- */
#define IGB_CTRL 0x0000   /* 8.2.1 */
#define IGB_STATUS 0x0008 /* 8.2.2 */
#define IGB_EECD 0x0010   /* 8.4.1 */
#define IGB_EERD 0x0014   /* 8.4.2 */
#define IGB_MDIC 0x0020   /* 8.2.4 */
#define IGB_VET 0x0038    /* 8.2.7: VLAN ether type, 0x8100 */
#define IGB_ICR 0x00c0    /* 8.8.1 (alias 0x1500) */
#define IGB_IMC 0x00d8    /* 8.8.8 (alias 0x150c) */
#define IGB_EIMC 0x1528   /* 8.8.10: extended (MSI-X) causes */
#define IGB_RCTL 0x0100   /* 8.10.1 */
#define IGB_TCTL 0x0400   /* 8.12.1 */
#define IGB_TIPG 0x0410   /* 8.12.2 */

#define IGB_CTRL_FD (1u << 0)
#define IGB_CTRL_SLU (1u << 6)     /* set link up */
#define IGB_CTRL_ILOS (1u << 7)
#define IGB_CTRL_RST (1u << 26)    /* device reset, self-clearing */
#define IGB_CTRL_VME (1u << 30)    /* VLAN strip (rx) / VLE insert (tx) */
#define IGB_CTRL_PHY_RST (1u << 31)

#define IGB_STATUS_FD (1u << 0)
#define IGB_STATUS_LU (1u << 1)
#define IGB_STATUS_SPEED_SHIFT 6
#define IGB_STATUS_SPEED_MASK (3u << 6)

/* 82576 DS 8.4.2: EERD as on the 82574 (start 0, done 1, word 15:2). */
#define IGB_EERD_START (1u << 0)
#define IGB_EERD_DONE (1u << 1)
#define IGB_EERD_ADDR_SHIFT 2
#define IGB_EERD_DATA_SHIFT 16
#define IGB_NVM_MAC_WORD 0 /* 82576 DS 6.2.1: words 0-2 of function 0 */

/* 82576 DS 8.2.4 MDIC; the PHY is at address 1 (DS 8.2.4 note) */
#define IGB_MDIC_REG_SHIFT 16
#define IGB_MDIC_PHY_SHIFT 21
#define IGB_MDIC_OP_WRITE (1u << 26)
#define IGB_MDIC_READY (1u << 28)
#define IGB_MDIC_ERROR (1u << 30)
#define IGB_PHY_ADDR 1
#define IGB_PHY_CTRL 0             /* 82576 DS 8.24: PHY control */
#define IGB_PHY_CTRL_RESTART_AN (1u << 9)
#define IGB_PHY_CTRL_AN_EN (1u << 12)

#define IGB_IRQ_ALL 0xffffffffu

/* ---- receive (82576 DS 8.10) ---- */
#define IGB_RCTL_EN (1u << 1)
#define IGB_RCTL_UPE (1u << 3)     /* unicast promiscuous */
#define IGB_RCTL_MPE (1u << 4)     /* multicast promiscuous */
#define IGB_RCTL_LPE (1u << 5)     /* long packets, up to RLPML */
#define IGB_RCTL_RDMTS_HALF (0u << 8)
#define IGB_RCTL_BAM (1u << 15)    /* broadcast accept */
#define IGB_RCTL_VFE (1u << 18)    /* VLAN filter */
#define IGB_RCTL_SECRC (1u << 26)  /* strip the FCS */

#define IGB_RXCSUM 0x5000          /* 8.10.10 */
#define IGB_RXCSUM_IPOFL (1u << 8)
#define IGB_RXCSUM_TUOFL (1u << 9)
#define IGB_RXCSUM_PCSD (1u << 13) /* dword 1 of write-back: RSS hash */
#define IGB_RLPML 0x5004           /* 8.10.11: max frame with LPE, FCS in */
#define IGB_MAX_FRAME 0x3fff       /* RLPML is 14 bits */

#define IGB_MTA(i) (0x5200 + 4 * (i)) /* 8.10.15: 128 x 32 bits */
#define IGB_MTA_WORDS 128
#define IGB_RAL(i) ((i) < 16 ? 0x5400 + 8 * (i) : 0x54e0 + 8 * ((i) - 16))
#define IGB_RAH(i) (IGB_RAL(i) + 4) /* 8.10.16-17 */
#define IGB_RAH_AV (1u << 31)
#define IGB_VFTA(i) (0x5600 + 4 * (i))
#define IGB_VFTA_WORDS 128

#define IGB_MRQC 0x5818            /* 8.10.13 */
#define IGB_MRQC_RSS 0x2u          /* MRQE 2:0 = 010b: RSS only */
#define IGB_MRQC_TCPIPV4 (1u << 16)
#define IGB_MRQC_IPV4 (1u << 17)
#define IGB_MRQC_UDPIPV4 (1u << 22)
#define IGB_RETA(i) (0x5c00 + 4 * (i)) /* 8.10.14: 32 x 4 one-byte entries */
#define IGB_RETA_SIZE 128          /* every family: hash bits 6:0 */
#define IGB_RSSRK(i) (0x5c80 + 4 * (i)) /* 8.10.15: key byte 0 in bits 7:0 */
#define IGB_RSS_KEY_LEN 40

/* Receive queue n (8.10.2-8.10.9): 0xC000 + 0x40 n */
#define IGB_QSTRIDE 0x40
#define IGB_RDBAL(n) (0xc000 + IGB_QSTRIDE * (n))
#define IGB_RDBAH(n) (0xc004 + IGB_QSTRIDE * (n))
#define IGB_RDLEN(n) (0xc008 + IGB_QSTRIDE * (n))
#define IGB_SRRCTL(n) (0xc00c + IGB_QSTRIDE * (n))
#define IGB_RDH(n) (0xc010 + IGB_QSTRIDE * (n))
#define IGB_RDT(n) (0xc018 + IGB_QSTRIDE * (n))
#define IGB_RXDCTL(n) (0xc028 + IGB_QSTRIDE * (n))
#define IGB_RQDPC(n) (0xc030 + IGB_QSTRIDE * (n)) /* drops, clear on read */

/* 8.10.2 SRRCTL */
#define IGB_SRRCTL_BSIZEPKT_SHIFT 10 /* field in 1 KB units, bits 6:0 */
#define IGB_SRRCTL_BSIZEHDR_SHIFT 2  /* field in 64 B units, bits 11:8 */
#define IGB_SRRCTL_BSIZEHDR_POS 8
#define IGB_SRRCTL_DESCTYPE_ADV_ONEBUF (1u << 25)
#define IGB_SRRCTL_DROP_EN (1u << 31)

/* 8.10.9 RXDCTL, 8.12.13 TXDCTL: thresholds and the enable */
#define IGB_XDCTL_PTHRESH_SHIFT 0
#define IGB_XDCTL_HTHRESH_SHIFT 8
#define IGB_XDCTL_WTHRESH_SHIFT 16
#define IGB_XDCTL_ENABLE (1u << 25)
#define IGB_XDCTL_POLL_MAX 100 /* x 100 us: DS says "poll until set" */
#define IGB_XDCTL_POLL_US 100

/* ---- transmit (82576 DS 8.12) ---- */
#define IGB_TCTL_EN (1u << 1)
#define IGB_TCTL_PSP (1u << 3)
#define IGB_TCTL_CT_SHIFT 4
#define IGB_TCTL_CT 0x0f
#define IGB_TCTL_COLD_SHIFT 12
#define IGB_TCTL_COLD_FD 0x3f
#define IGB_TCTL_RTLC (1u << 24)
#define IGB_TIPG_DEFAULT (8u | 8u << 10 | 6u << 20) /* 8.12.2 copper */

#define IGB_TDBAL(n) (0xe000 + IGB_QSTRIDE * (n))
#define IGB_TDBAH(n) (0xe004 + IGB_QSTRIDE * (n))
#define IGB_TDLEN(n) (0xe008 + IGB_QSTRIDE * (n))
#define IGB_TDH(n) (0xe010 + IGB_QSTRIDE * (n))
#define IGB_TDT(n) (0xe018 + IGB_QSTRIDE * (n))
#define IGB_TXDCTL(n) (0xe028 + IGB_QSTRIDE * (n))

/* ---- rings (82576 DS 7.1.3.1, 7.2.3.1) ---- */
#define IGB_DESC_SIZE 16
#define IGB_RING_ALIGN 128     /* base 128-byte aligned */
#define IGB_RING_LEN_ALIGN 128 /* RDLEN/TDLEN multiple of 128 bytes */
#define IGB_NB_DESC_ALIGN (IGB_RING_LEN_ALIGN / IGB_DESC_SIZE)
#define IGB_NB_DESC_MIN 32     /* as DPDK's igb */
#define IGB_NB_DESC_MAX 4096

/* ---- advanced receive descriptor (82576 DS 7.1.5) ---- */
/* Read format: packet buffer address (bytes 0-7), header buffer address
 * (8-15; unused with one buffer, its bit 0 must be clear: DD). */
/* Write-back: dword 0 RSS type 3:0, packet type 16:4; dword 1 RSS hash;
 * dword 2 extended status 19:0, extended errors 31:20; dword 3 length
 * 15:0, VLAN tag 31:16. */
#define IGB_RXD_RSSTYPE(w0) ((w0) & 0xfu)
#define IGB_RXD_PKTTYPE(w0) (((w0) >> 4) & 0x1fffu)
#define IGB_RXD_PKT_IPV4 (1u << 0)
#define IGB_RXD_PKT_IPV4E (1u << 1)
#define IGB_RXD_PKT_IPV6 (1u << 2)
#define IGB_RXD_PKT_TCP (1u << 4)
#define IGB_RXD_PKT_UDP (1u << 5)
#define IGB_RXD_STAT_DD (1u << 0)
#define IGB_RXD_STAT_EOP (1u << 1)
#define IGB_RXD_STAT_VP (1u << 3)
/* Frame errors (CE 24, SE 25, SEQ 26, CXE 28, RXE 31): the frame is
 * bad. L4E (29) and IPE (30) only say a checksum is wrong. */
#define IGB_RXD_ERR_FRAME 0x97000000u
#define IGB_RXD_ERR_L4E (1u << 29)
#define IGB_RXD_ERR_IPE (1u << 30)
#define IGB_RXD_STAT_L4CS (1u << 5)
#define IGB_RXD_STAT_IPCS (1u << 6)
#define IGB_RXD_LEN(w3) ((uint16_t)(w3))
#define IGB_RXD_VLAN(w3) ((uint16_t)((w3) >> 16))

/* ---- advanced transmit descriptors (82576 DS 7.2.2) ---- */
/* Data (7.2.2.3): address; dword 2 DTALEN 15:0, DTYP 23:20, DCMD 31:24;
 * dword 3 STA 3:0 (DD), IDX 6:4, POPTS 13:8, PAYLEN 31:14. */
#define IGB_TXD_DTYP_CTXT (0x2u << 20)
#define IGB_TXD_DTYP_DATA (0x3u << 20)
#define IGB_TXD_DCMD_EOP (1u << 24)
#define IGB_TXD_DCMD_IFCS (1u << 25)
#define IGB_TXD_DCMD_RS (1u << 27)
#define IGB_TXD_DCMD_DEXT (1u << 29)
#define IGB_TXD_DCMD_VLE (1u << 30)
#define IGB_TXD_STAT_DD (1u << 0)
#define IGB_TXD_IDX_SHIFT 4
#define IGB_TXD_POPTS_IXSM (1u << 8) /* insert the IPv4 header checksum */
#define IGB_TXD_POPTS_TXSM (1u << 9) /* insert the TCP/UDP checksum */
#define IGB_TXD_PAYLEN_SHIFT 14
/* Context (7.2.2.2): dword 0 IPLEN 8:0, MACLEN 15:9, VLAN 31:16; dword 2
 * TUCMD 19:9, DTYP, DEXT; dword 3 IDX 6:4, L4LEN 15:8, MSS 31:16. */
#define IGB_CTX_MACLEN_SHIFT 9
#define IGB_CTX_VLAN_SHIFT 16
#define IGB_CTX_TUCMD_IPV4 (1u << 10)
#define IGB_CTX_TUCMD_L4T_UDP (0u << 11)
#define IGB_CTX_TUCMD_L4T_TCP (1u << 11)
#define IGB_CTX_IPLEN_MAX 0x1ff
#define IGB_CTX_MACLEN_MAX 0x7f

/* ---- statistics (82576 DS 8.19): the family's block, in
 * pmd/intel_gbe/gbe_regs.h; RQDPC above is igb's own ---- */

/* ---- reset (82576 DS 4.3.1: RST self-clears within 1 ms, wait 10) ---- */
#define IGB_RESET_POLL_US 100
#define IGB_RESET_POLL_MAX 200
#define IGB_EERD_POLL_MAX 1000 /* x 5 us */

#endif
