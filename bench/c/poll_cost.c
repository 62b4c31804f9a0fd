/* Workload (e) in C: the cost of one epoll_wait with nothing ready, and of
 * epoll_ctl ADD + DEL of one socket, with IDLE idle sockets registered (IDLE/2
 * loopback connections, both ends registered for EPOLLIN, edge-triggered).
 *
 * usage: poll_cost IDLE BATCHES
 *
 * Prints one line per batch: "poll_ns=X register_deregister_ns=Y" (mean per operation
 * over the batch). The first batch is a warm-up and is not printed. */
#include "bench.h"

#include <sys/epoll.h>

#define OPERATIONS_PER_BATCH 200000

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: poll_cost IDLE BATCHES\n");
        return 2;
    }
    int idle = atoi(argv[1]);
    int batches = atoi(argv[2]);
    int epfd = epoll_create1(EPOLL_CLOEXEC);
    int port;
    int listen_fd = listen_loopback(&port);
    for (int i = 0; i < idle / 2; i++) {
        int client = connect_loopback(port);
        int server;
        while ((server = accept4(listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC)) < 0) {
            if (errno != EAGAIN) die("accept4");
        }
        int ends[2] = { client, server };
        for (int e = 0; e < 2; e++) {
            struct epoll_event ev = { .events = EPOLLIN | EPOLLET, .data.u64 = (uint64_t) ends[e] };
            if (epoll_ctl(epfd, EPOLL_CTL_ADD, ends[e], &ev) < 0) die("epoll_ctl");
        }
    }
    int probe = connect_loopback(port);
    struct epoll_event events[1024];
    for (int batch = 0; batch <= batches; batch++) {
        int64_t start = now_ns();
        for (int i = 0; i < OPERATIONS_PER_BATCH; i++) {
            if (epoll_wait(epfd, events, 1024, 0) != 0) die("epoll_wait found an event");
        }
        double poll_ns = (double) (now_ns() - start) / OPERATIONS_PER_BATCH;
        start = now_ns();
        for (int i = 0; i < OPERATIONS_PER_BATCH; i++) {
            struct epoll_event ev = { .events = EPOLLIN | EPOLLET, .data.u64 = 1 };
            if (epoll_ctl(epfd, EPOLL_CTL_ADD, probe, &ev) < 0) die("epoll_ctl ADD");
            if (epoll_ctl(epfd, EPOLL_CTL_DEL, probe, NULL) < 0) die("epoll_ctl DEL");
        }
        double register_ns = (double) (now_ns() - start) / OPERATIONS_PER_BATCH;
        if (batch > 0) printf("poll_ns=%.2f register_deregister_ns=%.2f\n", poll_ns, register_ns);
    }
    return 0;
}
