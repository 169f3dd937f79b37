/*
 * Register facts of the Intel 8254x family and the 82574L, for the
 * net_e1000_em driver. Sources: "PCI/PCI-X Family of Gigabit Ethernet
 * Controllers Software Developer's Manual" (SDM, 8254x, rev. 4.0) and the
 * "82574 GbE Controller Datasheet" (82574 DS, rev. 3.4). Offsets are BAR0
 * byte offsets; every register is 32 bits. Facts only: no code lives here.
 */
#ifndef PMD_E1000_REGS_H
#define PMD_E1000_REGS_H

#include <stdint.h>

#define E1000_BAR0_LEN 0x20000u /* SDM 4.1 table 4-2: 128 KB memory BAR */

/* ---- PCI device ids (SDM 5.2 table 5-1; 82574 DS 9.3.3) ---- */
#define E1000_DEV_ID_82540EM 0x100e
#define E1000_DEV_ID_82540EM_LOM 0x1015
#define E1000_DEV_ID_82540EP 0x1017
#define E1000_DEV_ID_82540EP_LOM 0x1016
#define E1000_DEV_ID_82540EP_LP 0x101e
#define E1000_DEV_ID_82541EI 0x1013
#define E1000_DEV_ID_82541GI 0x1076
#define E1000_DEV_ID_82545EM_COPPER 0x100f
#define E1000_DEV_ID_82545EM_FIBER 0x1011
#define E1000_DEV_ID_82545GM_COPPER 0x1026
#define E1000_DEV_ID_82546EB_COPPER 0x1010
#define E1000_DEV_ID_82547EI 0x1019
#define E1000_DEV_ID_82547GI 0x1075
#define E1000_DEV_ID_82574L 0x10d3
#define E1000_DEV_ID_82574LA 0x10f6

/* ---- General registers ---- */
#define E1000_CTRL 0x0000   /* SDM 13.4.1  device control */
#define E1000_STATUS 0x0008 /* SDM 13.4.2  device status (read only) */
#define E1000_EERD 0x0014   /* SDM 13.4.4  EEPROM read */
#define E1000_CTRL_EXT 0x0018 /* SDM 13.4.6 */
#define E1000_ICR 0x00c0    /* SDM 13.4.17 interrupt cause (clear on read) */
#define E1000_IMS 0x00d0    /* SDM 13.4.20 interrupt mask set */
#define E1000_IMC 0x00d8    /* SDM 13.4.21 interrupt mask clear */
#define E1000_RCTL 0x0100   /* SDM 13.4.22 receive control */
#define E1000_TCTL 0x0400   /* SDM 13.4.33 transmit control */
#define E1000_TIPG 0x0410   /* SDM 13.4.34 transmit inter-packet gap */
#define E1000_RDTR 0x2820   /* SDM 13.4.30 rx interrupt delay timer */
#define E1000_RADV 0x282c   /* SDM 13.4.31 rx absolute delay timer */
#define E1000_TIDV 0x3820   /* SDM 13.4.40 tx interrupt delay */
#define E1000_RXCSUM 0x5000 /* SDM 13.4.39 rx checksum control */
#define E1000_RFCTL 0x5008  /* 82574 DS 10.2.5.13 rx filter control */

/* ---- Per-queue registers: 0x100 apart (SDM 13.4.26-13.4.44; the 82574L
 * has two queues, 82574 DS 10.2.5 / 10.2.6) ---- */
#define E1000_QUEUE_STRIDE 0x100u
#define E1000_RDBAL(q) (0x2800u + E1000_QUEUE_STRIDE * (q)) /* ring base low */
#define E1000_RDBAH(q) (0x2804u + E1000_QUEUE_STRIDE * (q)) /* ring base high */
#define E1000_RDLEN(q) (0x2808u + E1000_QUEUE_STRIDE * (q)) /* bytes, 128 multiple */
#define E1000_RDH(q) (0x2810u + E1000_QUEUE_STRIDE * (q))   /* head (device) */
#define E1000_RDT(q) (0x2818u + E1000_QUEUE_STRIDE * (q))   /* tail (driver) */
#define E1000_TDBAL(q) (0x3800u + E1000_QUEUE_STRIDE * (q))
#define E1000_TDBAH(q) (0x3804u + E1000_QUEUE_STRIDE * (q))
#define E1000_TDLEN(q) (0x3808u + E1000_QUEUE_STRIDE * (q))
#define E1000_TDH(q) (0x3810u + E1000_QUEUE_STRIDE * (q))
#define E1000_TDT(q) (0x3818u + E1000_QUEUE_STRIDE * (q))

/* ---- Address filters (SDM 13.4.46-13.4.49) ---- */
#define E1000_MTA(i) (0x5200u + 4u * (i)) /* multicast table, 128 words */
#define E1000_MTA_WORDS 128
#define E1000_RAL(i) (0x5400u + 8u * (i)) /* receive address low */
#define E1000_RAH(i) (0x5404u + 8u * (i)) /* receive address high */
#define E1000_RA_ENTRIES 16

/* ---- Statistics (SDM 13.7; 82574 DS 10.2.8): the family's block, in
 * pmd/intel_gbe/gbe_regs.h ---- */

/* ---- CTRL bits (SDM 13.4.1) ---- */
#define E1000_CTRL_FD (1u << 0)      /* full duplex */
#define E1000_CTRL_ASDE (1u << 5)    /* auto-speed detection */
#define E1000_CTRL_SLU (1u << 6)     /* set link up */
#define E1000_CTRL_ILOS (1u << 7)    /* invert loss-of-signal */
#define E1000_CTRL_RST (1u << 26)    /* device reset; self-clearing */
#define E1000_CTRL_PHY_RST (1u << 31)
#define E1000_RESET_POLL_US 10       /* SDM 14.2: wait >= 1 us after RST */
#define E1000_RESET_POLL_MAX 1000    /* give up after 10 ms */
/* A frame in progress when RCTL.EN/TCTL.EN clears completes (SDM 13.4.22,
 * 13.4.33): 16 KB at 10 Mb/s takes 13 ms; wait up to 20 for the head. */
#define E1000_QUIESCE_POLL_US 100
#define E1000_QUIESCE_POLL_MAX 200

/* ---- STATUS bits (SDM 13.4.2) ---- */
#define E1000_STATUS_FD (1u << 0)
#define E1000_STATUS_LU (1u << 1)         /* link up */
#define E1000_STATUS_SPEED_SHIFT 6        /* 00: 10, 01: 100, 1x: 1000 Mb/s */
#define E1000_STATUS_SPEED_MASK (3u << 6)

/* ---- EERD (SDM 13.4.4 for the 8254x; 82574 DS 10.2.2.5 moves DONE and
 * the address down) ---- */
#define E1000_EERD_START (1u << 0)
#define E1000_EERD_DONE_8254X (1u << 4)
#define E1000_EERD_ADDR_SHIFT_8254X 8
#define E1000_EERD_DONE_82574 (1u << 1)
#define E1000_EERD_ADDR_SHIFT_82574 2
#define E1000_EERD_DATA_SHIFT 16
#define E1000_EERD_POLL_MAX 1000          /* x 5 us */
#define E1000_EEPROM_MAC_WORD 0           /* SDM 5.6.1: words 0-2 */

/* ---- Interrupts (SDM 13.4.20-21): we poll, so mask them all ---- */
#define E1000_IMC_ALL 0xffffffffu

/* ---- RCTL bits (SDM 13.4.22) ---- */
#define E1000_RCTL_EN (1u << 1)
#define E1000_RCTL_SBP (1u << 2)    /* store bad packets */
#define E1000_RCTL_UPE (1u << 3)    /* unicast promiscuous */
#define E1000_RCTL_MPE (1u << 4)    /* multicast promiscuous */
#define E1000_RCTL_LPE (1u << 5)    /* long packets (> 1522 bytes) */
#define E1000_RCTL_RDMTS_HALF (0u << 8)
#define E1000_RCTL_BAM (1u << 15)   /* accept broadcast */
#define E1000_RCTL_BSIZE_2048 (0u << 16) /* with BSEX clear */
#define E1000_RCTL_BSIZE_1024 (1u << 16)
#define E1000_RCTL_BSIZE_512 (2u << 16)
#define E1000_RCTL_BSIZE_256 (3u << 16)
#define E1000_RCTL_BSIZE_16384 (1u << 16) /* with BSEX set: x16 */
#define E1000_RCTL_BSIZE_8192 (2u << 16)
#define E1000_RCTL_BSIZE_4096 (3u << 16)
#define E1000_RCTL_BSEX (1u << 25)  /* buffer size extension */
#define E1000_RCTL_SECRC (1u << 26) /* strip the Ethernet CRC */

/* RFCTL (82574 DS 10.2.5.13). QEMU 7.2's e1000e keeps EXTEN across
 * CTRL.RST, so the driver clears it to get the legacy layout. */
#define E1000_RFCTL_EXTEN (1u << 15)

/* RXCSUM (SDM 13.4.39): IP and TCP/UDP checksum offload enables. */
#define E1000_RXCSUM_IPOFL (1u << 8)
#define E1000_RXCSUM_TUOFL (1u << 9)

/* ---- TCTL (SDM 13.4.33) and TIPG (SDM 13.4.34) ---- */
#define E1000_TCTL_EN (1u << 1)
#define E1000_TCTL_PSP (1u << 3)    /* pad short packets to 64 bytes */
#define E1000_TCTL_CT_SHIFT 4       /* collision threshold */
#define E1000_TCTL_COLD_SHIFT 12    /* collision distance */
#define E1000_TCTL_CT_DEFAULT 0x0fu /* SDM 13.4.33: recommended 0Fh */
#define E1000_TCTL_COLD_FD 0x40u    /* full duplex: 40h (512 bit times) */
#define E1000_TIPG_IPGT_COPPER 10u  /* SDM 13.4.34 table 13-76 (copper) */
#define E1000_TIPG_IPGR1 8u
#define E1000_TIPG_IPGR2 6u
#define E1000_TIPG_IPGR1_SHIFT 10
#define E1000_TIPG_IPGR2_SHIFT 20

/* RAH (SDM 13.4.49): address valid */
#define E1000_RAH_AV (1u << 31)

/* ---- Descriptors: 16 bytes, little endian ---- */
#define E1000_DESC_SIZE 16u
#define E1000_RING_ALIGN 128u       /* SDM 3.2.6: base 16-byte aligned; */
#define E1000_RING_LEN_ALIGN 128u   /* RDLEN/TDLEN a multiple of 128 */
#define E1000_NB_DESC_ALIGN 8u      /* 128 / 16 */
#define E1000_NB_DESC_MIN 32u
#define E1000_NB_DESC_MAX 4096u

/* Legacy rx descriptor (SDM 3.2.3, table 3-1). The device writes back the
 * upper quadword (length .. special) and keeps the address. */
struct e1000_rx_desc {
	uint64_t addr;     /* buffer IOVA */
	uint16_t length;   /* bytes written into this buffer */
	uint16_t csum;     /* packet checksum */
	uint8_t status;
	uint8_t errors;
	uint16_t special;  /* VLAN tag */
};

/* Byte offsets of the write-back fields within the upper quadword. */
#define E1000_RXD_WB_LEN(wb) ((uint16_t)(wb))
#define E1000_RXD_WB_STATUS(wb) ((uint8_t)((wb) >> 32))
#define E1000_RXD_WB_ERRORS(wb) ((uint8_t)((wb) >> 40))

/* rx status (SDM 3.2.3.1) */
#define E1000_RXD_STAT_DD (1u << 0)  /* descriptor done */
#define E1000_RXD_STAT_EOP (1u << 1) /* end of packet */
/* rx errors (SDM 3.2.3.2): frame errors; IPE/TCPE (bits 5-6) are checksum
 * verdicts and do not make the frame bad. */
#define E1000_RXD_ERR_CE (1u << 0)   /* CRC or alignment */
#define E1000_RXD_ERR_SE (1u << 1)   /* symbol */
#define E1000_RXD_ERR_SEQ (1u << 2)  /* sequence */
#define E1000_RXD_ERR_CXE (1u << 4)  /* carrier extension */
#define E1000_RXD_ERR_RXE (1u << 7)  /* rx data error */
#define E1000_RXD_ERR_FRAME                                              \
	(E1000_RXD_ERR_CE | E1000_RXD_ERR_SE | E1000_RXD_ERR_SEQ |       \
	 E1000_RXD_ERR_CXE | E1000_RXD_ERR_RXE)

/* Legacy tx descriptor (SDM 3.3.3, table 3-8). */
struct e1000_tx_desc {
	uint64_t addr;     /* buffer IOVA */
	uint16_t length;
	uint8_t cso;       /* checksum offset */
	uint8_t cmd;
	uint8_t status;
	uint8_t css;       /* checksum start */
	uint16_t special;
};

/* The lower dword of the upper quadword: length | cso << 16 | cmd << 24. */
#define E1000_TXD_CMD_SHIFT 24
#define E1000_TXD_CMD_EOP (1u << 0)  /* SDM 3.3.3.1: end of packet */
#define E1000_TXD_CMD_IFCS (1u << 1) /* insert FCS */
#define E1000_TXD_CMD_RS (1u << 3)   /* report status (write back DD) */
#define E1000_TXD_STAT_DD (1u << 0)  /* SDM 3.3.3.2 */
#define E1000_TXD_STATUS_SHIFT 32    /* status byte in the upper quadword */
#define E1000_TX_MAX_BUF 16288u      /* SDM 3.3.3: buffer length limit */

/* Frame limits (SDM 13.4.22 LPE; 82574 DS 7.1.1: 9018-byte jumbo on the
 * 82574L, 16128 on the 8254x). */
#define E1000_MAX_FRAME_8254X 16128u
#define E1000_MAX_FRAME_82574 9018u

#endif
