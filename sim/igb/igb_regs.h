/*
 * Register facts of the 82576, from Intel's 82576 GbE Controller Datasheet
 * (82576 DS, rev. 2.x). The general, filter and statistics registers are
 * those of the 8254x legacy block (../e1000/e1000_regs.h; 82576 DS 8.1
 * keeps their offsets); this header adds what the 82576 changes.
 */
#ifndef SIM_IGB_REGS_H
#define SIM_IGB_REGS_H

#include "../e1000/e1000_regs.h"

#define IGB_DEV_ID_82576 0x10c9 /* 82576 DS 9.4.2: copper */
#define IGB_QUEUES 16           /* 82576 DS 1.3: 16 rx and 16 tx queues */

/* Interrupt causes at their 82576 home (82576 DS 8.8); 0x00c0... alias */
#define IGB_ICR 0x1500
#define IGB_ICS 0x1504
#define IGB_IMS 0x1508
#define IGB_IMC 0x150c
#define IGB_EICR 0x1580 /* extended causes (MSI-X), kept as storage */

/* Receive queue n (82576 DS 8.10): 0xc000 + 0x40 n, queues 0-3 also at
 * the 8254x offsets 0x2800 + 0x100 n. */
#define IGB_RDBAL(n) (0xc000 + 0x40 * (n))
#define IGB_RDBAH(n) (0xc004 + 0x40 * (n))
#define IGB_RDLEN(n) (0xc008 + 0x40 * (n))
#define IGB_SRRCTL(n) (0xc00c + 0x40 * (n)) /* 82576 DS 8.10.2 */
#define IGB_RDH(n) (0xc010 + 0x40 * (n))
#define IGB_RDT(n) (0xc018 + 0x40 * (n))
#define IGB_RXDCTL(n) (0xc028 + 0x40 * (n)) /* 82576 DS 8.10.9 */
#define IGB_RQDPC(n) (0xc030 + 0x40 * (n))  /* per-queue drops (DROP_EN) */
#define IGB_RXQ_LEGACY_BASE 0x2800
#define IGB_RXQ_BASE 0xc000
/* Transmit queue n (82576 DS 8.12): 0xe000 + 0x40 n, aliases 0x3800. */
#define IGB_TDBAL(n) (0xe000 + 0x40 * (n))
#define IGB_TDBAH(n) (0xe004 + 0x40 * (n))
#define IGB_TDLEN(n) (0xe008 + 0x40 * (n))
#define IGB_TDH(n) (0xe010 + 0x40 * (n))
#define IGB_TDT(n) (0xe018 + 0x40 * (n))
#define IGB_TXDCTL(n) (0xe028 + 0x40 * (n)) /* 82576 DS 8.12.13 */
#define IGB_TDWBAL(n) (0xe038 + 0x40 * (n)) /* head write-back address */
#define IGB_TDWBAH(n) (0xe03c + 0x40 * (n))
#define IGB_TXQ_LEGACY_BASE 0x3800
#define IGB_TXQ_BASE 0xe000
#define IGB_QSTRIDE 0x40
#define IGB_LEGACY_QSTRIDE 0x100
#define IGB_LEGACY_QUEUES 4

/* Receive filtering and RSS (82576 DS 8.10) */
#define IGB_RLPML 0x5004           /* long packet max length */
#define IGB_RAL_HI(i) (0x54e0 + 8 * (i)) /* RAL/RAH entries 16-23 */
#define IGB_RA_HI_ENTRIES 8
#define IGB_MRQC 0x5818            /* 82576 DS 8.10.13 */
#define IGB_RETA(i) (0x5c00 + 4 * (i)) /* 32 x 4 one-byte entries */
#define IGB_RETA_ENTRIES 128
#define IGB_RSSRK(i) (0x5c80 + 4 * (i)) /* 10 x 4 key bytes, K0 lowest */
#define IGB_RSS_KEY_LEN 40

/* Per-queue statistics (82576 DS 8.19) */
#define IGB_PQGPRC(n) (0x10010 + 0x100 * (n))
#define IGB_PQGPTC(n) (0x10014 + 0x100 * (n))
#define IGB_PQGORC(n) (0x10018 + 0x100 * (n))
#define IGB_PQGOTC(n) (0x10034 + 0x100 * (n))
#define IGB_PQMPRC(n) (0x10038 + 0x100 * (n))

/* SRRCTL (82576 DS 8.10.2) */
#define IGB_SRRCTL_BSIZEPKT_MASK 0x7fu  /* KB; 0: RCTL.BSIZE (model choice) */
#define IGB_SRRCTL_DESCTYPE_SHIFT 25
#define IGB_SRRCTL_DESCTYPE_MASK (7u << 25)
#define IGB_SRRCTL_DESCTYPE_LEGACY 0u
#define IGB_SRRCTL_DESCTYPE_ADV_ONEBUF 1u
#define IGB_SRRCTL_DROP_EN (1u << 31)
#define IGB_SRRCTL_RESET 0x00000402u    /* 2 KB packet, 256 B header */
/* RXDCTL / TXDCTL (82576 DS 8.10.9, 8.12.13) */
#define IGB_XDCTL_ENABLE (1u << 25)
/* RXCSUM (82576 DS 8.10.10) */
#define IGB_RXCSUM_PCSD (1u << 13) /* dword 1 of write-back: RSS hash */
/* MRQC (82576 DS 8.10.13) */
#define IGB_MRQC_MRQE_MASK 7u
#define IGB_MRQC_MRQE_RSS 2u       /* RSS only */
#define IGB_MRQC_MRQE_VMDQ_RSS 5u  /* VMDq and RSS: pools not modelled */
#define IGB_MRQC_TCPIPV4 (1u << 16)
#define IGB_MRQC_IPV4 (1u << 17)
#define IGB_MRQC_UDPIPV4 (1u << 22)
/* Advanced rx write-back (82576 DS 7.1.5.2) */
#define IGB_RSS_TYPE_NONE 0x0
#define IGB_RSS_TYPE_TCPIPV4 0x1
#define IGB_RSS_TYPE_IPV4 0x2
#define IGB_RSS_TYPE_UDPIPV4 0x7
#define IGB_PKT_TYPE_IPV4 (1u << 0) /* bit 4 of dword 0 */
#define IGB_PKT_TYPE_TCP (1u << 4)
#define IGB_PKT_TYPE_UDP (1u << 5)
/* Advanced tx descriptors (82576 DS 7.2.2): dword 2 DTYP 23:20, DCMD
 * 31:24; status DD in bit 0 of dword 3 */
#define IGB_TXD_DTYP_CTXT 0x2
#define IGB_TXD_DTYP_DATA 0x3
#define IGB_TXD_DCMD_EOP (1u << 24)
#define IGB_TXD_DCMD_RS (1u << 27)
#define IGB_TXD_DCMD_DEXT (1u << 29)
#define IGB_TXD_DCMD_VLE (1u << 30)
#define IGB_TXD_IDX_SHIFT 4        /* dword 3: context index */
#define IGB_TDWBAL_HEAD_WB_EN (1u << 0)

#endif
