/* Workload (b), the C server: raw epoll, edge-triggered, one thread serving every
 * connection. Speaks the same control protocol as EchoServerMain.java:
 * prints "port=N", then answers each "mark" line on stdin with
 * "allocated=0 echoed=BYTES" (C allocates nothing per message by construction),
 * and stops at "quit" or end of input. */
#include "bench.h"
#include "echo_loop.h"

#include <pthread.h>
#include <sys/eventfd.h>

static volatile uint64_t echoed_bytes;
static int stop_fd;

static void *read_commands(void *unused) {
    (void) unused;
    char line[64];
    while (fgets(line, sizeof line, stdin)) {
        if (strncmp(line, "mark", 4) == 0) {
            printf("allocated=0 echoed=%llu\n", (unsigned long long) echoed_bytes);
            fflush(stdout);
        } else if (strncmp(line, "quit", 4) == 0) {
            break;
        }
    }
    uint64_t one = 1;
    if (write(stop_fd, &one, sizeof one) < 0) die("write eventfd");
    return NULL;
}

int main(void) {
    int port;
    int listen_fd = listen_loopback(&port);
    stop_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (stop_fd < 0) die("eventfd");
    printf("port=%d\n", port);
    fflush(stdout);
    pthread_t commands;
    pthread_create(&commands, NULL, read_commands, NULL);
    run_echo_loop(listen_fd, stop_fd, &echoed_bytes);
    return 0;
}
