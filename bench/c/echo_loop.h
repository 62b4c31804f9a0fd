/* The echo server's event loop, shared by echo_server.c (workload b) and the server
 * thread of latency.c's ping-pong (workload a). Raw epoll, edge-triggered. */
#ifndef MIO4J_BENCH_ECHO_LOOP_H
#define MIO4J_BENCH_ECHO_LOOP_H

#include <stdint.h>

/* Runs until stop_fd (an eventfd) becomes readable. Serves every connection that
 * listen_fd accepts; *echoed_bytes counts what was written back. */
void run_echo_loop(int listen_fd, int stop_fd, volatile uint64_t *echoed_bytes);

#endif
