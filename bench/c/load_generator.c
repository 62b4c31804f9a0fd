/* Workloads (b) and (g), the one load generator every echo server is measured with, so
 * that only the server varies. One thread, raw epoll, edge-triggered. Each active
 * connection keeps exactly one 64-byte message in flight: it sends the next one when
 * the echo of the previous one is complete (a closed loop).
 *
 * usage: load_generator PORT CONNECTIONS WARMUP_MS MEASURE_MS SERVER_PID [ACTIVE]
 *
 * Set-up, before the warm-up: connections are opened in batches of CONNECT_BATCH; every
 * connection of a batch sends one message and the batch waits for all the echoes, which
 * proves the server accepted and registered them, before the next batch connects (so
 * the listen queue never holds more than a batch: an overflowing one drops SYNs, and
 * each costs the client a one-second retransmission). Then ACTIVE of them (default:
 * all), spread evenly (every CONNECTIONS/ACTIVE-th), keep a message in flight; the
 * others stay open, registered and idle.
 *
 * Prints "measure-start" when the warm-up ends and "measure-end" when the measured
 * window ends (BenchRunner forwards both to the server), then
 * "round_trips=N seconds=S server_cpu_seconds=C first_echoes=F setup_seconds=T":
 * C is the server process's utime+stime from /proc/PID/stat over the same window, F the
 * connections whose first echo came back during the set-up (all of them, or the run
 * fails), T how long the set-up took. At the end the connections are reset (SO_LINGER
 * 0), so that 10 000 of them leave no TIME_WAIT behind on a shared machine. */
#include "bench.h"

#include <sys/epoll.h>

#define CONNECT_BATCH 500
#define SETUP_BOUND_NS (120LL * 1000000000LL)

struct connection {
    int fd;
    int received;   /* bytes of the current echo received so far */
    int sent;       /* bytes of the current message written so far */
    int active;     /* sends again after each echo (else only the first message) */
    uint64_t echoes;
};

static char message[MESSAGE_SIZE];
static struct connection *connections;
static uint64_t round_trips, first_echoes;
/* Off during the set-up: an echo completes a connection's one message. */
static int sending;

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

/* One epoll_wait and what it reports: writes the rest of messages, reads echoes, and
 * (when sending) starts the next message of an active connection. */
static void handle_events(int epfd, int timeout_ms) {
    static char buffer[16384];
    static struct epoll_event events[1024];
    int ready = epoll_wait(epfd, events, 1024, timeout_ms);
    if (ready < 0) {
        if (errno == EINTR) return;
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
                exit(1);
            }
            c->received += (int) n;
            while (c->received >= MESSAGE_SIZE) {
                c->received -= MESSAGE_SIZE;
                round_trips++;
                if (c->echoes++ == 0) first_echoes++;
                if (sending && c->active) {
                    c->sent = 0;
                    send_message(c);
                }
            }
        }
    }
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
    connections = calloc((size_t) count, sizeof *connections);
    if (!connections) die("calloc");

    int64_t setup_start = now_ns();
    for (int first = 0; first < count; first += CONNECT_BATCH) {
        int end = first + CONNECT_BATCH < count ? first + CONNECT_BATCH : count;
        for (int i = first; i < end; i++) {
            struct connection *c = &connections[i];
            c->fd = connect_loopback(port);
            c->active = i % stride == 0 && i / stride < active;
            struct epoll_event ev = { .events = EPOLLIN | EPOLLOUT | EPOLLET, .data.u32 = (uint32_t) i };
            if (epoll_ctl(epfd, EPOLL_CTL_ADD, c->fd, &ev) < 0) die("epoll_ctl");
            send_message(c);
        }
        while (first_echoes < (uint64_t) end) {
            if (now_ns() - setup_start > SETUP_BOUND_NS) {
                fprintf(stderr, "set-up: only %llu of %d connections echoed within %lld s\n",
                        (unsigned long long) first_echoes, end, SETUP_BOUND_NS / 1000000000LL);
                return 1;
            }
            handle_events(epfd, 10);
        }
    }
    double setup_seconds = (double) (now_ns() - setup_start) / 1e9;
    uint64_t setup_echoes = first_echoes;

    sending = 1;
    for (int i = 0; i < count; i++) {
        if (connections[i].active) {
            connections[i].sent = 0;
            send_message(&connections[i]);
        }
    }
    uint64_t measured_start = 0;
    double cpu_start = 0;
    int64_t warmup_end = now_ns() + warmup_ns, measure_end = warmup_end + measure_ns;
    int64_t window_start = 0;
    int measuring = 0;
    for (;;) {
        int64_t now = now_ns();
        if (!measuring && now >= warmup_end) {
            measuring = 1;
            cpu_start = process_cpu_seconds(server_pid);
            window_start = now_ns();
            measured_start = round_trips;
            printf("measure-start\n");
            fflush(stdout);
        } else if (measuring && now >= measure_end) {
            break;
        }
        handle_events(epfd, 10);
    }
    double cpu_end = process_cpu_seconds(server_pid);
    double seconds = (double) (now_ns() - window_start) / 1e9;
    printf("measure-end\n");
    printf("round_trips=%llu seconds=%.6f server_cpu_seconds=%.6f first_echoes=%llu setup_seconds=%.3f\n",
           (unsigned long long) (round_trips - measured_start), seconds, cpu_end - cpu_start,
           (unsigned long long) setup_echoes, setup_seconds);
    fflush(stdout);
    struct linger reset = { .l_onoff = 1, .l_linger = 0 };
    for (int i = 0; i < count; i++) {
        setsockopt(connections[i].fd, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
        close(connections[i].fd);
    }
    return 0;
}
