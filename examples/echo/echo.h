/* echo: a UDP (or raw L2) echo responder and a latency client. */
#ifndef ECHO_H
#define ECHO_H

#include <stdbool.h>
#include <stdint.h>

#include "cdk_cycles.h"
#include "cdk_ethdev.h"

#define ECHO_MAGIC 0x4543484fu /* "ECHO" */
#define ECHO_UDP_PORT 7        /* the echo service */
#define ECHO_BURST 32

/* What a client request carries after the UDP header. */
struct echo_payload {
	uint32_t magic;
	uint32_t seq;
	uint64_t tsc; /* when the client sent it */
} __attribute__((packed));

struct echo_opts {
	int server_port, client_port; /* -1: not run */
	uint16_t ethertype;           /* raw L2 echo of this type; 0: off */
	uint64_t rate;                /* client requests per second; 0: closed loop */
	unsigned outstanding;         /* closed loop: requests in flight */
	uint64_t count;               /* requests to send; 0: until --seconds */
	double seconds;
	unsigned size;                /* frame size without FCS */
	bool histogram;
};

struct echo_server_stats {
	uint64_t rx, tx, dropped, ignored;
};

extern volatile bool echo_quit;

int echo_server_loop(void *arg);  /* arg: struct echo_opts * */
/* Turn a request into its reply in place; false if it is not a request. */
bool echo_make_reply(struct cdk_mbuf *m, uint16_t ethertype);
/* Is m the reply to a request of ours (addresses swapped, seq < sent)? */
bool echo_reply_ok(const struct cdk_mbuf *m, uint64_t sent);
int echo_client_loop(void *arg);  /* arg: struct echo_opts * */
void echo_server_report(void);

/* latency.c: samples in nanoseconds, percentiles and a text histogram. */
struct latency_summary {
	uint64_t n;                       /* samples kept */
	double p50, p90, p99, p999, max;  /* microseconds */
};
int latency_init(uint64_t max_samples);
void latency_add(uint64_t ns);
/* Percentiles by nearest rank (the smallest sample with at least p % of
 * the samples at or below it); sorts the samples. */
void latency_summarize(struct latency_summary *s);
void latency_report(uint64_t sent, uint64_t received, uint64_t bad,
		    double seconds, bool histogram);
void latency_free(void);

#endif
