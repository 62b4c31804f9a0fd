/* Shared by the C programs of the benchmark: clocks, fatal errors, socket set-up. */
#ifndef MIO4J_BENCH_H
#define MIO4J_BENCH_H

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* The message size of every workload. */
#define MESSAGE_SIZE 64

/* CLOCK_MONOTONIC, the clock System.nanoTime() reads on Linux. */
static inline int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t) ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static inline void die(const char *what) {
    perror(what);
    exit(1);
}

static inline void set_no_delay(int fd) {
    int on = 1;
    if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on) < 0) die("setsockopt TCP_NODELAY");
}

/* A non-blocking listener on 127.0.0.1 with a port the kernel picks. */
static inline int listen_loopback(int *port) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) die("socket");
    int on = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = 0 };
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *) &addr, sizeof addr) < 0) die("bind");
    if (listen(fd, 1024) < 0) die("listen");
    socklen_t len = sizeof addr;
    if (getsockname(fd, (struct sockaddr *) &addr, &len) < 0) die("getsockname");
    *port = ntohs(addr.sin_port);
    return fd;
}

/* A blocking connect to 127.0.0.1:port; the socket is made non-blocking afterwards. */
static inline int connect_loopback(int port) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) die("socket");
    struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons(port) };
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *) &addr, sizeof addr) < 0) die("connect");
    if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) < 0) die("fcntl O_NONBLOCK");
    set_no_delay(fd);
    return fd;
}

/* Writes samples as little-endian int64 nanoseconds, the format BenchRunner reads. */
static inline void write_samples(const char *path, const int64_t *samples, size_t count) {
    FILE *out = fopen(path, "wb");
    if (!out) die(path);
    if (fwrite(samples, sizeof *samples, count, out) != count) die("fwrite samples");
    fclose(out);
}

#endif
