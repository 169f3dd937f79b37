/*
 * The Toeplitz hash of receive-side scaling (Microsoft's RSS specification;
 * 82576 datasheet 7.1.2.8.1): for every input bit that is set, XOR in the
 * 32 key bits starting at that bit's position.
 */
#include "sim_internal.h"

#define RSS_KEY_LEN 40

static unsigned key_bit(const uint8_t key[RSS_KEY_LEN], size_t i)
{
	return i < RSS_KEY_LEN * 8 ? (key[i / 8] >> (7 - i % 8)) & 1 : 0;
}

uint32_t cdk_sim_toeplitz(const uint8_t key[40], const uint8_t *data, size_t n)
{
	uint32_t window = (uint32_t)key[0] << 24 | (uint32_t)key[1] << 16 |
			  (uint32_t)key[2] << 8 | key[3];
	uint32_t hash = 0;

	for (size_t i = 0; i < n * 8; i++) {
		if ((data[i / 8] >> (7 - i % 8)) & 1)
			hash ^= window;
		window = window << 1 | key_bit(key, i + 32);
	}
	return hash;
}
