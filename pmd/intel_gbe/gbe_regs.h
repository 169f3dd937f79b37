/*
 * Register facts the whole Intel gigabit family shares: the 8254x and
 * 82574L (net_e1000_em) and the 82576, I350 and I210/I211 (net_e1000_igb)
 * keep the legacy register block of the 8254x at the same offsets with the
 * same bits. Sources: the 8254x Software Developer's Manual (SDM, rev. 4.0)
 * and the 82576 GbE Controller Datasheet (82576 DS, rev. 2.x), which lists
 * these registers again in its chapter 8. What differs per member is in
 * pmd/e1000/e1000_regs.h and pmd/igb/igb_regs.h. Facts only.
 */
#ifndef PMD_INTEL_GBE_REGS_H
#define PMD_INTEL_GBE_REGS_H

#include <stdint.h>

/* ---- general (SDM 13.4.1-2; 82576 DS 8.2.1-2) ---- */
#define GBE_CTRL 0x0000
#define GBE_STATUS 0x0008
#define GBE_EERD 0x0014
#define GBE_ICR 0x00c0
#define GBE_IMC 0x00d8
#define GBE_RCTL 0x0100
#define GBE_TCTL 0x0400
#define GBE_IRQ_ALL 0xffffffffu

#define GBE_CTRL_RST (1u << 26) /* self-clearing device reset */

#define GBE_STATUS_FD (1u << 0)
#define GBE_STATUS_LU (1u << 1)
#define GBE_STATUS_SPEED_SHIFT 6 /* 00: 10, 01: 100, 1x: 1000 Mb/s */
#define GBE_STATUS_SPEED_MASK (3u << 6)

/* EERD (SDM 13.4.4; 82574 DS 10.2.2.5 and 82576 DS 8.4.2 move DONE to
 * bit 1 and the word address to bit 2): start and data are fixed. */
#define GBE_EERD_START (1u << 0)
#define GBE_EERD_DATA_SHIFT 16
#define GBE_EERD_POLL_MAX 1000 /* x 5 us */
#define GBE_EERD_POLL_US 5
#define GBE_NVM_MAC_WORD 0     /* SDM 5.6.1, 82576 DS 6.2.1: words 0-2 */

/* ---- RCTL (SDM 13.4.22; 82576 DS 8.10.1) ---- */
#define GBE_RCTL_EN (1u << 1)
#define GBE_RCTL_UPE (1u << 3)   /* unicast promiscuous */
#define GBE_RCTL_MPE (1u << 4)   /* multicast promiscuous */
#define GBE_RCTL_LPE (1u << 5)   /* long packets */
#define GBE_RCTL_RDMTS_HALF (0u << 8)
#define GBE_RCTL_BAM (1u << 15)  /* accept broadcast */
#define GBE_RCTL_SECRC (1u << 26) /* strip the FCS */

/* TCTL.EN (SDM 13.4.33; 82576 DS 8.12.1) */
#define GBE_TCTL_EN (1u << 1)

/* ---- address filters (SDM 13.4.46-49; 82576 DS 8.10.15-17) ---- */
#define GBE_MTA(i) (0x5200u + 4u * (i))
#define GBE_MTA_WORDS 128
#define GBE_RAL0 0x5400u
#define GBE_RAH0 0x5404u
#define GBE_RAH_AV (1u << 31) /* address valid */

/* ---- a queue's ring registers, from its base-low register (SDM
 * 13.4.26-44: RDBAL 0x2800; 82576 DS 8.10.2-8: RDBAL 0xC000) ---- */
#define GBE_QREG_BAL 0x00u
#define GBE_QREG_BAH 0x04u
#define GBE_QREG_LEN 0x08u
#define GBE_QREG_HEAD 0x10u
#define GBE_QREG_TAIL 0x18u

/* ---- descriptors: 16 bytes, ring base and length in 128-byte units
 * (SDM 3.2.6, 13.4.28; 82576 DS 7.1.3.1, 7.2.3.1) ---- */
#define GBE_DESC_SIZE 16u
#define GBE_RING_ALIGN 128u
#define GBE_RING_LEN_ALIGN 128u

/* DD of a transmit descriptor: the status byte of the legacy layout (SDM
 * 3.3.3.2) and STA of the advanced one (82576 DS 7.2.2.3) are both bits
 * 32+ of the upper quadword, written back only where RS asked for it. */
#define GBE_TXD_WB_DD (1ull << 32)

/* ---- statistics (SDM 13.7; 82574 DS 10.2.8; 82576 DS 8.19): every one
 * clears on read. The octet counters are low/high pairs: reading the high
 * dword clears both (SDM 13.7.23), so the low one goes first. ---- */
#define GBE_CRCERRS 0x4000  /* CRC errors */
#define GBE_ALGNERRC 0x4004 /* alignment errors */
#define GBE_SYMERRS 0x4008  /* symbol errors */
#define GBE_RXERRC 0x400c   /* rx errors */
#define GBE_MPC 0x4010      /* missed: rx packet buffer full */
#define GBE_SCC 0x4014      /* single collision */
#define GBE_ECOL 0x4018     /* excessive collisions */
#define GBE_MCC 0x401c      /* multiple collisions */
#define GBE_LATECOL 0x4020  /* late collisions */
#define GBE_COLC 0x4028     /* collisions */
#define GBE_DC 0x4030       /* deferred */
#define GBE_TNCRS 0x4034    /* no carrier sense */
#define GBE_CEXTERR 0x403c  /* carrier extension errors: 8254x/82574 only */
#define GBE_RLEC 0x4040     /* rx length errors */
#define GBE_XONRXC 0x4048
#define GBE_XONTXC 0x404c
#define GBE_XOFFRXC 0x4050
#define GBE_XOFFTXC 0x4054
#define GBE_FCRUC 0x4058    /* unsupported flow control frames */
#define GBE_PRC64 0x405c    /* rx frames by size: 64 */
#define GBE_PRC127 0x4060   /* 65-127 */
#define GBE_PRC255 0x4064   /* 128-255 */
#define GBE_PRC511 0x4068   /* 256-511 */
#define GBE_PRC1023 0x406c  /* 512-1023 */
#define GBE_PRC1522 0x4070  /* 1024-max */
#define GBE_GPRC 0x4074     /* good packets received */
#define GBE_BPRC 0x4078     /* broadcast received */
#define GBE_MPRC 0x407c     /* multicast received */
#define GBE_GPTC 0x4080     /* good packets transmitted */
#define GBE_GORCL 0x4088    /* good octets received (FCS included) */
#define GBE_GOTCL 0x4090    /* good octets transmitted (FCS included) */
#define GBE_RNBC 0x40a0     /* rx: no descriptor available */
#define GBE_RUC 0x40a4      /* undersize */
#define GBE_RFC 0x40a8      /* fragments */
#define GBE_ROC 0x40ac      /* oversize */
#define GBE_RJC 0x40b0      /* jabber */
#define GBE_TORL 0x40c0     /* total octets received */
#define GBE_TOTL 0x40c8     /* total octets transmitted */
#define GBE_TPR 0x40d0      /* total packets received */
#define GBE_TPT 0x40d4      /* total packets transmitted */
#define GBE_PTC64 0x40d8    /* tx frames by size, as PRC* */
#define GBE_PTC127 0x40dc
#define GBE_PTC255 0x40e0
#define GBE_PTC511 0x40e4
#define GBE_PTC1023 0x40e8
#define GBE_PTC1522 0x40ec
#define GBE_MPTC 0x40f0     /* multicast transmitted */
#define GBE_BPTC 0x40f4     /* broadcast transmitted */

#endif
