/*
 * The Toeplitz hash of receive-side scaling (Microsoft's RSS specification;
 * 82576 datasheet 7.1.2.8.1): for every input bit that is set, XOR in the
 * 32 key bits starting at that bit's position.
 */
#include "sim_internal.h"

#define RSS_KEY_LEN 40

/*
 * A 64-bit window holds key bits [8i, 8i + 64) while input byte i is
 * hashed: the 32 key bits for its bit k (MSB first) are window bits
 * 63-k .. 32-k. Key bits past the key count as zero. Only the set input
 * bits cost anything (the hash is evaluated per frame on the 82576).
 */
uint32_t cdk_sim_toeplitz(const uint8_t key[40], const uint8_t *data, size_t n)
{
	uint64_t window = 0;
	uint32_t hash = 0;

	for (size_t i = 0; i < 8; i++)
		window = window << 8 | key[i];
	for (size_t i = 0; i < n; i++) {
		unsigned b = data[i];

		while (b) {
			unsigned k = (unsigned)__builtin_clz(b) - 24; /* MSB = 0 */

			hash ^= (uint32_t)(window >> (32 - k));
			b &= ~(0x80u >> k);
		}
		window = window << 8 | (i + 8 < RSS_KEY_LEN ? key[i + 8] : 0);
	}
	return hash;
}
