/*
 * Frame-level facts shared by the 8254x/8257x and 82576 models, whose
 * receive filters and statistics block are the same (SDM 13.4.46-49 and
 * 13.7; 82576 datasheet 8.10 and 8.19).
 */
#include <string.h>

#include "e1000/e1000_regs.h"
#include "sim_internal.h"

/* IEEE 802.3 FCS: reflected CRC-32, polynomial 0xEDB88320. */
uint32_t sim_crc32(const uint8_t *p, size_t n)
{
	static uint32_t table[256];
	static int ready;
	uint32_t c = 0xffffffffu;

	if (!__atomic_load_n(&ready, __ATOMIC_ACQUIRE)) {
		for (uint32_t i = 0; i < 256; i++) {
			uint32_t v = i;
			for (int k = 0; k < 8; k++)
				v = (v >> 1) ^ (0xedb88320u & -(v & 1));
			table[i] = v;
		}
		__atomic_store_n(&ready, 1, __ATOMIC_RELEASE);
	}
	while (n--)
		c = table[(c ^ *p++) & 0xff] ^ (c >> 8);
	return ~c;
}

static int filter_vlan(struct cdk_sim_dev *dev, const uint8_t *f,
		       uint32_t rctl)
{
	uint16_t type = (uint16_t)(f[12] << 8 | f[13]);
	uint16_t vid;

	/* SDM 13.4.22 VFE: tagged frames must hit the VLAN filter table. */
	if (!(rctl & E1000_RCTL_VFE) ||
	    type != (sim_reg(dev, E1000_VET) & 0xffff))
		return 1;
	vid = (uint16_t)((f[14] << 8 | f[15]) & 0x0fff);
	return (sim_reg(dev, E1000_VFTA(vid >> 5)) >> (vid & 31)) & 1;
}

static int filter_exact(struct cdk_sim_dev *dev, const uint8_t *f,
			uint32_t ra_base, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		uint32_t lo = sim_reg(dev, ra_base + 8 * i);
		uint32_t hi = sim_reg(dev, ra_base + 8 * i + 4);
		uint8_t a[6] = {(uint8_t)lo, (uint8_t)(lo >> 8),
				(uint8_t)(lo >> 16), (uint8_t)(lo >> 24),
				(uint8_t)hi, (uint8_t)(hi >> 8)};

		if ((hi & E1000_RAH_AV) && !memcmp(a, f, 6))
			return 1;
	}
	return 0;
}

/* SDM 13.4.22 MO: which 12 bits of the address index the MTA. */
static int filter_hash(struct cdk_sim_dev *dev, const uint8_t *f,
		       uint32_t rctl)
{
	static const unsigned shift[4] = {4, 3, 2, 0};
	unsigned mo = (rctl >> E1000_RCTL_MO_SHIFT) & 3;
	unsigned h = ((unsigned)(f[5] << 8 | f[4]) >> shift[mo]) & 0xfff;

	return (sim_reg(dev, E1000_MTA(h >> 5)) >> (h & 31)) & 1;
}

int sim_addr_filter(struct cdk_sim_dev *dev, const uint8_t *f, uint32_t rctl,
		    uint32_t ra_hi_base, unsigned nb_ra_hi)
{
	static const uint8_t bcast[6] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};

	if (!filter_vlan(dev, f, rctl))
		return 0;
	if (rctl & E1000_RCTL_UPE)
		return 1;
	if ((f[0] & 1) && (rctl & E1000_RCTL_MPE))
		return 1;
	if ((rctl & E1000_RCTL_BAM) && !memcmp(f, bcast, 6))
		return 1;
	if (filter_exact(dev, f, E1000_RAL(0), E1000_RA_ENTRIES))
		return 1;
	if (nb_ra_hi && filter_exact(dev, f, ra_hi_base, nb_ra_hi))
		return 1;
	return filter_hash(dev, f, rctl);
}

/* SDM 13.7: size bins count the frame with its FCS. */
static void stats_bin(struct cdk_sim_dev *dev, uint32_t first, size_t len)
{
	static const size_t limit[6] = {64, 127, 255, 511, 1023, 1522};

	for (unsigned i = 0; i < 6; i++) {
		if (len <= limit[i]) {
			sim_reg_inc(dev, first + 4 * i, 1);
			return;
		}
	}
}

static int frame_is_bcast(const uint8_t *f)
{
	return (f[0] & f[1] & f[2] & f[3] & f[4] & f[5]) == 0xff;
}

void sim_stats_rx(struct cdk_sim_dev *dev, const uint8_t *f, size_t len)
{
	sim_reg_inc(dev, E1000_GPRC, 1);
	sim_reg_inc(dev, E1000_TPR, 1);
	sim_reg_add64(dev, E1000_GORCL, len);
	sim_reg_add64(dev, E1000_TORL, len);
	if (frame_is_bcast(f))
		sim_reg_inc(dev, E1000_BPRC, 1);
	else if (f[0] & 1)
		sim_reg_inc(dev, E1000_MPRC, 1);
	stats_bin(dev, E1000_PRC64, len);
}

void sim_stats_tx(struct cdk_sim_dev *dev, const uint8_t *f, size_t len)
{
	sim_reg_inc(dev, E1000_GPTC, 1);
	sim_reg_inc(dev, E1000_TPT, 1);
	sim_reg_add64(dev, E1000_GOTCL, len);
	sim_reg_add64(dev, E1000_TOTL, len);
	if (frame_is_bcast(f))
		sim_reg_inc(dev, E1000_BPTC, 1);
	else if (f[0] & 1)
		sim_reg_inc(dev, E1000_MPTC, 1);
	stats_bin(dev, E1000_PTC64, len);
}

int sim_stats_is_counter(uint32_t off)
{
	return off >= E1000_STATS_FIRST && off <= E1000_STATS_LAST;
}

/*
 * SDM 13.7: statistics clear on read. The 64-bit octet counters are read
 * low then high; reading the high dword clears the pair, reading the low
 * one alone clears nothing (QEMU 7.2 does the same).
 */
uint32_t sim_stats_read_clear(struct cdk_sim_dev *dev, uint32_t off)
{
	uint32_t v = sim_reg(dev, off);

	switch (off) {
	case E1000_GORCL:
	case E1000_GOTCL:
	case E1000_TORL:
	case E1000_TOTL:
		return v;
	case E1000_GORCH:
	case E1000_GOTCH:
	case E1000_TORH:
	case E1000_TOTH:
		sim_reg_set(dev, off - 4, 0);
		break;
	default:
		break;
	}
	sim_reg_set(dev, off, 0);
	return v;
}
