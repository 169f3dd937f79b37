/* Round-trip samples: exact percentiles from the kept samples, and a
 * log2-bucket histogram printed as text. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "echo.h"

static uint64_t *samples;
static uint64_t n_samples, cap_samples, max_ns;
static uint64_t buckets[64];

int latency_init(uint64_t max)
{
	samples = calloc(max ? max : 1, sizeof(*samples));
	cap_samples = samples ? max : 0;
	n_samples = max_ns = 0;
	for (int i = 0; i < 64; i++)
		buckets[i] = 0;
	return samples ? 0 : -1;
}

void latency_free(void)
{
	free(samples);
	samples = NULL;
}

void latency_add(uint64_t ns)
{
	/* bucket b holds [2^b, 2^(b+1)) ns */
	buckets[ns ? 63 - __builtin_clzll(ns) : 0]++;
	if (ns > max_ns)
		max_ns = ns;
	if (n_samples < cap_samples)
		samples[n_samples++] = ns;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

static double pct(double p)
{
	/* nearest rank: ceil(p/100 * n), 1-based */
	uint64_t rank = (uint64_t)(p * (double)n_samples / 100.0);

	if ((double)rank < p * (double)n_samples / 100.0)
		rank++;
	if (rank == 0)
		rank = 1;
	return (double)samples[rank - 1] / 1000.0;
}

void latency_summarize(struct latency_summary *s)
{
	memset(s, 0, sizeof(*s));
	s->n = n_samples;
	if (n_samples == 0)
		return;
	qsort(samples, n_samples, sizeof(*samples), cmp_u64);
	s->p50 = pct(50);
	s->p90 = pct(90);
	s->p99 = pct(99);
	s->p999 = pct(99.9);
	s->max = (double)max_ns / 1000.0;
}

static void print_histogram(void)
{
	uint64_t most = 1;

	for (int b = 0; b < 64; b++)
		if (buckets[b] > most)
			most = buckets[b];
	printf("round-trip histogram (us, log2 buckets):\n");
	for (int b = 0; b < 64; b++) {
		if (!buckets[b])
			continue;
		int bar = (int)(buckets[b] * 50 / most);
		printf("  %10.3f - %10.3f | %-50.*s %" PRIu64 "\n", (double)(1ull << b) / 1000.0,
		       (double)(2ull << b) / 1000.0, bar ? bar : 1,
		       "##################################################", buckets[b]);
	}
}

void latency_report(uint64_t sent, uint64_t received, uint64_t bad,
		    double seconds, bool histogram)
{
	struct latency_summary s;

	printf("client: sent %" PRIu64 ", received %" PRIu64 ", lost %" PRIu64
	       " (%.3f %%), bad replies %" PRIu64 ", %.3f s, %.0f replies/s\n", sent,
	       received, sent - received,
	       sent ? 100.0 * (double)(sent - received) / (double)sent : 0, bad,
	       seconds, seconds > 0 ? (double)received / seconds : 0);
	latency_summarize(&s);
	if (s.n == 0) {
		printf("client: no replies: no latency figures\n");
		return;
	}
	printf("rtt_us p50 %.3f p90 %.3f p99 %.3f p99.9 %.3f max %.3f (%" PRIu64
	       " samples)\n", s.p50, s.p90, s.p99, s.p999, s.max, s.n);
	if (histogram)
		print_histogram();
}
