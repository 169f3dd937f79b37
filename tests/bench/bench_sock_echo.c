/*
 * The kernel's way, for comparison: a UDP echo over loopback sockets, a
 * server thread and a client with N requests outstanding, round trips timed
 * with the TSC as the echo example does. Prints "name value unit" lines.
 * (EAL arguments are accepted and ignored, so run-bench.sh can pass them.)
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "cdk_cycles.h"

#define SECONDS 2
#define MAX_SAMPLES 4000000

static volatile int quit;
static int server_fd;

static void *server(void *arg)
{
	char buf[2048];

	(void)arg;
	while (!quit) {
		struct sockaddr_in from;
		socklen_t fl = sizeof(from);
		ssize_t n = recvfrom(server_fd, buf, sizeof(buf), 0,
				     (struct sockaddr *)&from, &fl);

		if (n > 0)
			sendto(server_fd, buf, (size_t)n, 0, (struct sockaddr *)&from, fl);
	}
	return NULL;
}

static int cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

static int open_bound(struct sockaddr_in *a)
{
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	struct timeval tv = { 0, 100000 };
	socklen_t l = sizeof(*a);

	a->sin_family = AF_INET;
	a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	a->sin_port = 0;
	if (fd < 0 || bind(fd, (struct sockaddr *)a, sizeof(*a)) < 0 ||
	    getsockname(fd, (struct sockaddr *)a, &l) < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	return fd;
}

/* Closed loop with n outstanding for SECONDS; fills samples (ns). */
static uint64_t run(int fd, const struct sockaddr_in *srv, unsigned n,
		    uint64_t *samples, uint64_t *count, double *secs)
{
	uint64_t hz = cdk_get_tsc_hz(), start = cdk_rdtsc(), end = start + SECONDS * hz;
	char buf[64] = { 0 };
	uint64_t got = 0, now;

	*count = 0;
	for (unsigned i = 0; i < n; i++) {
		uint64_t t = cdk_rdtsc();

		memcpy(buf, &t, sizeof(t));
		sendto(fd, buf, 22, 0, (const struct sockaddr *)srv, sizeof(*srv));
	}
	while ((now = cdk_rdtsc()) < end) {
		uint64_t t;

		if (recv(fd, buf, sizeof(buf), 0) < 8)
			continue; /* timed out: a request was lost */
		now = cdk_rdtsc();
		memcpy(&t, buf, sizeof(t));
		if (*count < MAX_SAMPLES)
			samples[(*count)++] = (now - t) * 1000000000ull / hz;
		got++;
		t = cdk_rdtsc();
		memcpy(buf, &t, sizeof(t));
		sendto(fd, buf, 22, 0, (const struct sockaddr *)srv, sizeof(*srv));
	}
	*secs = (double)(cdk_rdtsc() - start) / (double)hz;
	return got;
}

int main(void)
{
	struct sockaddr_in srv, cli;
	pthread_t th;
	uint64_t *samples = malloc(MAX_SAMPLES * sizeof(uint64_t)), count;
	double secs;

	server_fd = open_bound(&srv);
	int fd = open_bound(&cli);
	if (samples == NULL || server_fd < 0 || fd < 0 ||
	    pthread_create(&th, NULL, server, NULL) != 0) {
		fprintf(stderr, "sock_echo: cannot set up: %s\n", strerror(errno));
		return 1;
	}
	for (unsigned n = 1; n <= 8; n *= 8) {
		uint64_t got = run(fd, &srv, n, samples, &count, &secs);

		qsort(samples, count, sizeof(*samples), cmp);
		if (count == 0)
			continue;
		printf("sock_echo_o%u_rtt_p50 %.3f us\n", n, samples[count / 2] / 1000.0);
		printf("sock_echo_o%u_rtt_p99 %.3f us\n", n, samples[count * 99 / 100] / 1000.0);
		printf("sock_echo_o%u_rate %.0f replies/s\n", n, (double)got / secs);
		usleep(200000); /* let stragglers of this round drain */
		while (recv(fd, samples, 64, MSG_DONTWAIT) > 0)
			;
	}
	quit = 1;
	pthread_join(th, NULL);
	free(samples);
	return 0;
}
