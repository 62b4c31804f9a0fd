/* Workloads (b) and (g), the one load generator every echo server is measured with, so
 * that only the server varies. One thread, raw epoll, edge-triggered. Each active
 * connection keeps exactly one 64-byte message in flight: it sends the next one when
 * the echo of the previous one is complete (a closed loop).
 *
 * usage: load_generator PORT CONNECTIONS WARMUP_MS MEASURE_MS SERVER_PID [ACTIVE]
 *
 * With ACTIVE (default: all), every connection sends one message at the start and
 * waits for its echo, which proves the server accepted and registered it; after that
 * only ACTIVE of them, spread evenly (every CONNECTIONS/ACTIVE-th), go on sending, and
 * the others stay idle and registered.
 *
 * Prints "measure-start" when the warm-up ends and "measure-end" when the measured
 * window ends (BenchRunner forwards both to the server), then
 * "round_trips=N seconds=S server_cpu_seconds=C first_echoes=F connect_seconds=T":
 * C is the server process's utime+stime from /proc/PID/stat over the same window, F
 * how many connections had their first echo back when the window began, T the time
 * the connects took. */
#include "bench.h"

#include <sys/epoll.h>

struct connection {
    int fd;
    int received;   /* bytes of the current echo received so far */
    int sent;       /* bytes of the current message written so far */
    int active;     /* sends again after each echo (else only the first message) */
    uint64_t echoes;
};

static char message[MESSAGE_SIZE];

/* utime + stime of a process, in seconds. */
static double process_cpu_seconds(int pid) {
    char path[64], text[4096];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    FILE *in = fopen(path, "r");
    if (!in) die(path);
    size_t length = fread(text, 1, sizeof text - 1, in);
    fclose(in);
    text[length] = 0;
    /* The command name may contain spaces: fields are counted after its ')'. */
    char *p = strrchr(text, ')');
    if (!p) { fprintf(stderr, "bad %s\n", path); exit(1); }
    unsigned long long utime = 0, stime = 0;
    /* after ')': state(3) ppid pgrp session tty_nr tpgid flags minflt cminflt majflt
       cmajflt utime(14) stime(15) */
    if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu",
               &utime, &stime) != 2) {
        fprintf(stderr, "bad %s\n", path);
        exit(1);
    }
    return (double) (utime + stime) / (double) sysconf(_SC_CLK_TCK);
}

/* Writes the rest of the current message; returns 0 when the socket is full. */
static int send_message(struct connection *c) {
    while (c->sent < MESSAGE_SIZE) {
        ssize_t n = write(c->fd, message + c->sent, (size_t) (MESSAGE_SIZE - c->sent));
        if (n < 0) {
            if (errno == EAGAIN) return 0;
            die("write");
        }
        c->sent += (int) n;
    }
    return 1;
}

int main(int argc, char **argv) {
    if (argc != 6 && argc != 7) {
        fprintf(stderr, "usage: load_generator PORT CONNECTIONS WARMUP_MS MEASURE_MS SERVER_PID [ACTIVE]\n");
        return 2;
    }
    int port = atoi(argv[1]);
    int count = atoi(argv[2]);
    int64_t warmup_ns = atoll(argv[3]) * 1000000LL;
    int64_t measure_ns = atoll(argv[4]) * 1000000LL;
    int server_pid = atoi(argv[5]);
    int active = argc == 7 ? atoi(argv[6]) : count;
    if (count < 1 || active < 1 || active > count) {
        fprintf(stderr, "load_generator: need 1 <= ACTIVE <= CONNECTIONS\n");
        return 2;
    }
    int stride = count / active;
    memset(message, 'x', sizeof message);

    int epfd = epoll_create1(EPOLL_CLOEXEC);
    if (epfd < 0) die("epoll_create1");
    struct connection *connections = calloc((size_t) count, sizeof *connections);
    if (!connections) die("calloc");
    int64_t connect_start = now_ns();
    for (int i = 0; i < count; i++) {
        connections[i].fd = connect_loopback(port);
        connections[i].active = i % stride == 0 && i / stride < active;
        struct epoll_event ev = { .events = EPOLLIN | EPOLLOUT | EPOLLET, .data.u32 = (uint32_t) i };
        if (epoll_ctl(epfd, EPOLL_CTL_ADD, connections[i].fd, &ev) < 0) die("epoll_ctl");
    }
    double connect_seconds = (double) (now_ns() - connect_start) / 1e9;
    for (int i = 0; i < count; i++) send_message(&connections[i]);

    static char buffer[16384];
    struct epoll_event events[1024];
    uint64_t round_trips = 0, measured_start = 0, first_echoes = 0, first_echoes_at_start = 0;
    double cpu_start = 0;
    int64_t start = now_ns();
    int64_t warmup_end = start + warmup_ns, measure_end = warmup_end + measure_ns;
    int64_t window_start = 0;
    int measuring = 0;
    for (;;) {
        int64_t now = now_ns();
        if (!measuring && now >= warmup_end) {
            measuring = 1;
            cpu_start = process_cpu_seconds(server_pid);
            window_start = now_ns();
            measured_start = round_trips;
            first_echoes_at_start = first_echoes;
            printf("measure-start\n");
            fflush(stdout);
        } else if (measuring && now >= measure_end) {
            break;
        }
        int ready = epoll_wait(epfd, events, 1024, 10);
        if (ready < 0) {
            if (errno == EINTR) continue;
            die("epoll_wait");
        }
        for (int e = 0; e < ready; e++) {
            struct connection *c = &connections[events[e].data.u32];
            if (events[e].events & EPOLLOUT && c->sent < MESSAGE_SIZE) send_message(c);
            if (!(events[e].events & (EPOLLIN | EPOLLERR | EPOLLHUP))) continue;
            for (;;) {
                ssize_t n = read(c->fd, buffer, sizeof buffer);
                if (n < 0) {
                    if (errno == EAGAIN) break;
                    die("read");
                }
                if (n == 0) {
                    fprintf(stderr, "server closed a connection\n");
                    return 1;
                }
                c->received += (int) n;
                while (c->received >= MESSAGE_SIZE) {
                    c->received -= MESSAGE_SIZE;
                    round_trips++;
                    if (c->echoes++ == 0) first_echoes++;
                    if (c->active) {
                        c->sent = 0;
                        send_message(c);
                    }
                }
            }
        }
    }
    double cpu_end = process_cpu_seconds(server_pid);
    double seconds = (double) (now_ns() - window_start) / 1e9;
    printf("measure-end\n");
    printf("round_trips=%llu seconds=%.6f server_cpu_seconds=%.6f first_echoes=%llu connect_seconds=%.3f\n",
           (unsigned long long) (round_trips - measured_start), seconds, cpu_end - cpu_start,
           (unsigned long long) first_echoes_at_start, connect_seconds);
    fflush(stdout);
    for (int i = 0; i < count; i++) close(connections[i].fd);
    return 0;
}
