/*
 * Register facts of the 82540EM and 82574L, from Intel's 8254x Family
 * Software Developer's Manual (SDM, rev. 4.0) and the 82574 GbE Controller
 * Datasheet (82574 DS, rev. 3.4). Offsets are BAR0 byte offsets. The 82576
 * model (sim/igb) shares the legacy block described here.
 */
#ifndef SIM_E1000_REGS_H
#define SIM_E1000_REGS_H

#define E1000_BAR0_SIZE 0x20000u /* SDM 4.1: 128 KB memory BAR */
#define E1000_VENDOR_ID 0x8086
#define E1000_DEV_ID_82540EM 0x100e /* SDM 5.2 table 5-1 */
#define E1000_DEV_ID_82574L 0x10d3  /* 82574 DS 9.2.2 */

/* ---- General (SDM 13.4.1-13.4.7) ---- */
#define E1000_CTRL 0x0000     /* SDM 13.4.1 */
#define E1000_STATUS 0x0008   /* SDM 13.4.2, read only */
#define E1000_EECD 0x0010     /* SDM 13.4.3 */
#define E1000_EERD 0x0014     /* SDM 13.4.4 */
#define E1000_CTRL_EXT 0x0018 /* SDM 13.4.6 */
#define E1000_MDIC 0x0020     /* SDM 13.4.7 */
#define E1000_FCAL 0x0028
#define E1000_FCAH 0x002c
#define E1000_FCT 0x0030
#define E1000_VET 0x0038      /* SDM 13.4.8: reset 0x8100 */
#define E1000_ICR 0x00c0      /* SDM 13.4.17 */
#define E1000_ITR 0x00c4      /* SDM 13.4.18 */
#define E1000_ICS 0x00c8      /* SDM 13.4.19 */
#define E1000_IMS 0x00d0      /* SDM 13.4.20 */
#define E1000_IMC 0x00d8      /* SDM 13.4.21 */
#define E1000_IAM 0x00e0      /* 82574 DS 10.2.4.6 */
#define E1000_RCTL 0x0100     /* SDM 13.4.22 */
#define E1000_TCTL 0x0400     /* SDM 13.4.33 */
#define E1000_TIPG 0x0410     /* SDM 13.4.34 */
#define E1000_LEDCTL 0x0e00
#define E1000_PBA 0x1000      /* SDM 13.4.25 */
#define E1000_RXCSUM 0x5000   /* SDM 13.4.39 */
#define E1000_RFCTL 0x5008    /* 82574 DS 10.2.5.13 */
#define E1000_MANC 0x5820
#define E1000_GCR 0x5b00      /* 82574 DS 10.2.2.21 */

/* Receive queue n (82574L has 2; SDM 13.4.27-13.4.31, 82574 DS 10.2.5) */
#define E1000_RDBAL(n) (0x2800 + 0x100 * (n))
#define E1000_RDBAH(n) (0x2804 + 0x100 * (n))
#define E1000_RDLEN(n) (0x2808 + 0x100 * (n))
#define E1000_RDH(n) (0x2810 + 0x100 * (n))
#define E1000_RDT(n) (0x2818 + 0x100 * (n))
#define E1000_RDTR 0x2820
#define E1000_RXDCTL(n) (0x2828 + 0x100 * (n))
#define E1000_RADV 0x282c
/* Transmit queue n (SDM 13.4.38-13.4.44) */
#define E1000_TDBAL(n) (0x3800 + 0x100 * (n))
#define E1000_TDBAH(n) (0x3804 + 0x100 * (n))
#define E1000_TDLEN(n) (0x3808 + 0x100 * (n))
#define E1000_TDH(n) (0x3810 + 0x100 * (n))
#define E1000_TDT(n) (0x3818 + 0x100 * (n))
#define E1000_TIDV 0x3820
#define E1000_TXDCTL(n) (0x3828 + 0x100 * (n))
#define E1000_TADV 0x382c

/* Filters (SDM 13.4.46-13.4.49) */
#define E1000_MTA(i) (0x5200 + 4 * (i)) /* 128 words */
#define E1000_MTA_WORDS 128
#define E1000_RAL(i) (0x5400 + 8 * (i)) /* 16 entries */
#define E1000_RAH(i) (0x5404 + 8 * (i))
#define E1000_RA_ENTRIES 16
#define E1000_VFTA(i) (0x5600 + 4 * (i)) /* 128 words */

/* ---- Statistics (SDM 13.7: all clear on read) ---- */
#define E1000_STATS_FIRST 0x4000
#define E1000_STATS_LAST 0x40fc
#define E1000_CRCERRS 0x4000
#define E1000_ALGNERRC 0x4004
#define E1000_SYMERRS 0x4008
#define E1000_RXERRC 0x400c
#define E1000_MPC 0x4010 /* missed packets: rx packet buffer full */
#define E1000_SCC 0x4014
#define E1000_ECOL 0x4018
#define E1000_MCC 0x401c
#define E1000_LATECOL 0x4020
#define E1000_COLC 0x4028
#define E1000_DC 0x4030
#define E1000_TNCRS 0x4034
#define E1000_SEC 0x4038
#define E1000_CEXTERR 0x403c
#define E1000_RLEC 0x4040
#define E1000_XONRXC 0x4048
#define E1000_XONTXC 0x404c
#define E1000_XOFFRXC 0x4050
#define E1000_XOFFTXC 0x4054
#define E1000_FCRUC 0x4058
#define E1000_PRC64 0x405c
#define E1000_PRC127 0x4060
#define E1000_PRC255 0x4064
#define E1000_PRC511 0x4068
#define E1000_PRC1023 0x406c
#define E1000_PRC1522 0x4070
#define E1000_GPRC 0x4074
#define E1000_BPRC 0x4078
#define E1000_MPRC 0x407c
#define E1000_GPTC 0x4080
#define E1000_GORCL 0x4088 /* SDM 13.7.23: 64-bit pair; reading the high */
#define E1000_GORCH 0x408c /*  dword clears both (QEMU 7.2 agrees) */
#define E1000_GOTCL 0x4090
#define E1000_GOTCH 0x4094
#define E1000_RNBC 0x40a0 /* no rx descriptor available */
#define E1000_RUC 0x40a4  /* undersize */
#define E1000_RFC 0x40a8
#define E1000_ROC 0x40ac  /* oversize */
#define E1000_RJC 0x40b0
#define E1000_TORL 0x40c0
#define E1000_TORH 0x40c4
#define E1000_TOTL 0x40c8
#define E1000_TOTH 0x40cc
#define E1000_TPR 0x40d0
#define E1000_TPT 0x40d4
#define E1000_PTC64 0x40d8
#define E1000_PTC127 0x40dc
#define E1000_PTC255 0x40e0
#define E1000_PTC511 0x40e4
#define E1000_PTC1023 0x40e8
#define E1000_PTC1522 0x40ec
#define E1000_MPTC 0x40f0
#define E1000_BPTC 0x40f4

/* ---- Bits ---- */
/* CTRL (SDM 13.4.1) */
#define E1000_CTRL_FD (1u << 0)
#define E1000_CTRL_ASDE (1u << 5)
#define E1000_CTRL_SLU (1u << 6)    /* set link up */
#define E1000_CTRL_SPD_1000 (2u << 8)
#define E1000_CTRL_SWDPIN0 (1u << 18)
#define E1000_CTRL_SWDPIN2 (1u << 20)
#define E1000_CTRL_RST (1u << 26)   /* device reset, self-clearing */
#define E1000_CTRL_VME (1u << 30)   /* VLAN mode: strip/insert */
#define E1000_CTRL_PHY_RST (1u << 31)
/* STATUS (SDM 13.4.2) */
#define E1000_STATUS_FD (1u << 0)
#define E1000_STATUS_LU (1u << 1)   /* link up */
#define E1000_STATUS_SPEED_1000 (2u << 6)
#define E1000_STATUS_ASDV_1000 (2u << 8)
#define E1000_STATUS_MTXCKOK (1u << 10)
#define E1000_STATUS_GIO_MASTER_EN (1u << 19) /* 82574 DS 10.2.2.2 */
/* EECD (SDM 13.4.3) */
#define E1000_EECD_SK (1u << 0)
#define E1000_EECD_CS (1u << 1)
#define E1000_EECD_DI (1u << 2)
#define E1000_EECD_DO (1u << 3)
#define E1000_EECD_REQ (1u << 6)
#define E1000_EECD_GNT (1u << 7)
#define E1000_EECD_PRES (1u << 8)   /* EEPROM present */
#define E1000_EECD_AUTO_RD (1u << 9) /* 82574 DS 10.2.2.4: NVM auto-read done */
/* EERD: 82540EM layout (SDM 13.4.4) */
#define E1000_EERD_START (1u << 0)
#define E1000_EERD_DONE_8254X (1u << 4)
#define E1000_EERD_ADDR_SHIFT_8254X 8
/* EERD: 82574L (82574 DS 10.2.2.5) and 82576 layout */
#define E1000_EERD_DONE_8257X (1u << 1)
#define E1000_EERD_ADDR_SHIFT_8257X 2
#define E1000_EERD_DATA_SHIFT 16
/* MDIC (SDM 13.4.7) */
#define E1000_MDIC_DATA_MASK 0xffffu
#define E1000_MDIC_REG_SHIFT 16
#define E1000_MDIC_PHY_SHIFT 21
#define E1000_MDIC_OP_WRITE (1u << 26)
#define E1000_MDIC_OP_READ (2u << 26)
#define E1000_MDIC_READY (1u << 28)
#define E1000_MDIC_ERROR (1u << 30)
/* Interrupt causes, ICR/ICS/IMS/IMC (SDM 13.4.17) */
#define E1000_ICR_TXDW (1u << 0)   /* tx descriptor written back */
#define E1000_ICR_TXQE (1u << 1)   /* tx queue empty */
#define E1000_ICR_LSC (1u << 2)    /* link status change */
#define E1000_ICR_RXDMT0 (1u << 4) /* rx descriptors below threshold */
#define E1000_ICR_RXO (1u << 6)    /* receiver overrun */
#define E1000_ICR_RXT0 (1u << 7)   /* receiver timer: frame received */
#define E1000_ICR_INT_ASSERTED (1u << 31) /* 82574 DS 10.2.4.1 */
/* RCTL (SDM 13.4.22) */
#define E1000_RCTL_EN (1u << 1)
#define E1000_RCTL_SBP (1u << 2)
#define E1000_RCTL_UPE (1u << 3)   /* unicast promiscuous */
#define E1000_RCTL_MPE (1u << 4)   /* multicast promiscuous */
#define E1000_RCTL_LPE (1u << 5)   /* long packets */
#define E1000_RCTL_MO_SHIFT 12     /* multicast offset, 2 bits */
#define E1000_RCTL_BAM (1u << 15)  /* accept broadcast */
#define E1000_RCTL_BSIZE_SHIFT 16  /* 2 bits */
#define E1000_RCTL_VFE (1u << 18)  /* VLAN filter enable */
#define E1000_RCTL_BSEX (1u << 25) /* buffer size x16 */
#define E1000_RCTL_SECRC (1u << 26) /* strip Ethernet CRC */
#define E1000_RCTL_DTYP_SHIFT 10   /* 82574 DS 10.2.5.1: 01 = packet split */
/* RFCTL (82574 DS 10.2.5.13) */
#define E1000_RFCTL_EXTEN (1u << 15) /* extended rx descriptors */
/* TCTL (SDM 13.4.33) */
#define E1000_TCTL_EN (1u << 1)
#define E1000_TCTL_PSP (1u << 3)   /* pad short packets */
/* RAH (SDM 13.4.49) */
#define E1000_RAH_AV (1u << 31)    /* address valid */
/* PBA: rx part in KB (SDM 13.4.25) */
#define E1000_PBA_RXA_MASK 0xffffu

/* ---- Descriptors ---- */
/* Legacy rx descriptor (SDM 3.2.3): addr 0-7, length 8-9, csum 10-11,
 * status 12, errors 13, special 14-15. */
#define E1000_RXD_STAT_DD (1u << 0)
#define E1000_RXD_STAT_EOP (1u << 1)
#define E1000_RXD_STAT_IXSM (1u << 2)
#define E1000_RXD_STAT_VP (1u << 3) /* 802.1Q, tag stripped */
/* Extended rx descriptor write-back (82574 DS 7.1.4.2): dword0 MRQ,
 * dword1 RSS hash or ip id/csum, dword2 ext. status (0-19) and errors
 * (20-31), dword3 length (0-15) and VLAN (16-31). */
#define E1000_RXDEXT_STAT_DD (1u << 0)
#define E1000_RXDEXT_STAT_EOP (1u << 1)
#define E1000_RXDEXT_STAT_VP (1u << 3)
/* Legacy tx descriptor (SDM 3.3.3): addr 0-7, length 8-9, cso 10,
 * cmd 11, status 12, css 13, special 14-15. */
#define E1000_TXD_CMD_EOP (1u << 0)
#define E1000_TXD_CMD_IFCS (1u << 1)
#define E1000_TXD_CMD_IC (1u << 2)
#define E1000_TXD_CMD_RS (1u << 3)
#define E1000_TXD_CMD_RPS (1u << 4) /* 82540EM only: report packet sent */
#define E1000_TXD_CMD_DEXT (1u << 5)
#define E1000_TXD_CMD_VLE (1u << 6)
#define E1000_TXD_STAT_DD (1u << 0)
/* Extended tx descriptors (SDM 3.3.6-3.3.7): dword2 bits 20-23 DTYP
 * (0000 context, 0001 data), bits 24-31 DCMD as the legacy CMD. */
#define E1000_TXD_DTYP_SHIFT 20
#define E1000_TXD_DTYP_CTX 0x0
#define E1000_TXD_DTYP_DATA 0x1
#define E1000_TXD_DLEN_MASK 0xfffffu

/* EEPROM (SDM 5.6): 64 words; words 0-2 MAC, 0x0d device id, 0x0e vendor,
 * 0x3f chosen so that words 0x00-0x3f sum to 0xBABA. */
#define E1000_EEPROM_WORDS 64
#define E1000_EEPROM_SUM 0xbaba
#define E1000_EEPROM_DEV_ID 0x0d
#define E1000_EEPROM_VEN_ID 0x0e
#define E1000_EEPROM_CSUM 0x3f

/* PHY (SDM 13.5, M88E1011 and 82574 DS 10.3 BME1000) */
#define E1000_PHY_CTRL 0
#define E1000_PHY_STATUS 1
#define E1000_PHY_ID1 2
#define E1000_PHY_ID2 3
#define E1000_PHY_STATUS_LINK (1u << 2)
#define E1000_PHY_STATUS_ANEG_DONE (1u << 5)
#define E1000_PHY_ID2_82540EM 0x0c20 /* M88E1011 */
#define E1000_PHY_ID2_82574L 0x0cb0  /* BME1000 */

#endif
