/* Workloads (a) and (d) in C, the floor the Java implementations are compared with.
 * The same protocol as LatencyMain.java:
 *
 * usage: latency OUT_DIR PING_PONG_WARMUP_MS PING_PONG_MS WAKE_UP_WARMUP_MS WAKE_UP_MS
 *
 * (a) ping-pong: a client thread and a server thread (the echo loop of echo_loop.c),
 *     each with its own edge-triggered epoll, one loopback connection, one 64-byte
 *     message in flight; every round trip after the warm-up is a sample.
 * (d) wake-up: a poller thread blocks in epoll_wait on an eventfd (edge-triggered);
 *     another thread notes the time and writes the eventfd; the sample is the time until
 *     epoll_wait has returned in the poller.
 *
 * Samples go to OUT_DIR/ping-pong.bin and OUT_DIR/wake-up.bin; stdout gets
 * "ping_pong_round_trips=N ping_pong_seconds=S". */
#include "bench.h"
#include "echo_loop.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>

#define MAX_SAMPLES (8 * 1024 * 1024)

static int64_t *samples;

struct echo_thread_args {
    int listen_fd;
    int stop_fd;
};

static volatile uint64_t echoed_bytes;

static void *echo_thread(void *argument) {
    struct echo_thread_args *args = argument;
    run_echo_loop(args->listen_fd, args->stop_fd, &echoed_bytes);
    return NULL;
}

static size_t ping_pong(int64_t warmup_ns, int64_t measure_ns, double *seconds) {
    int port;
    struct echo_thread_args args;
    args.listen_fd = listen_loopback(&port);
    args.stop_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    pthread_t server;
    pthread_create(&server, NULL, echo_thread, &args);

    int fd = connect_loopback(port);
    int epfd = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event ev = { .events = EPOLLIN | EPOLLOUT | EPOLLET, .data.fd = fd };
    if (epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev) < 0) die("epoll_ctl");
    char message[MESSAGE_SIZE], buffer[4096];
    memset(message, 'x', sizeof message);

    size_t count = 0;
    int64_t warmup_end = now_ns() + warmup_ns, measure_end = warmup_end + measure_ns;
    int64_t measure_start = 0;
    int measuring = 0, sent = 0, received = 0;
    int64_t sent_at = now_ns();
    for (;;) {
        while (sent < MESSAGE_SIZE) {
            ssize_t n = write(fd, message + sent, (size_t) (MESSAGE_SIZE - sent));
            if (n < 0) {
                if (errno == EAGAIN) break;
                die("write");
            }
            sent += (int) n;
        }
        struct epoll_event events[8];
        int ready = epoll_wait(epfd, events, 8, -1);
        if (ready < 0) {
            if (errno == EINTR) continue;
            die("epoll_wait");
        }
        for (;;) {
            ssize_t n = read(fd, buffer, sizeof buffer);
            if (n < 0) {
                if (errno == EAGAIN) break;
                die("read");
            }
            if (n == 0) die("echo closed");
            received += (int) n;
        }
        if (received < MESSAGE_SIZE) continue;
        int64_t now = now_ns();
        if (measuring) {
            if (count < MAX_SAMPLES) samples[count++] = now - sent_at;
            if (now >= measure_end) break;
        } else if (now >= warmup_end) {
            measuring = 1;
            measure_start = now;
        }
        received -= MESSAGE_SIZE;
        sent = 0;
        sent_at = now_ns();
    }
    *seconds = (double) (now_ns() - measure_start) / 1e9;
    close(fd);
    close(epfd);
    uint64_t one = 1;
    if (write(args.stop_fd, &one, sizeof one) < 0) die("write eventfd");
    pthread_join(server, NULL);
    close(args.listen_fd);
    close(args.stop_fd);
    return count;
}

/* Shared between the waking thread and the poller. */
static _Atomic int64_t woken_at;        /* when the last wake was sent */
static _Atomic int handled;             /* the poller has seen the last wake */
static _Atomic int stop_polling;
static int wake_fd;
static size_t wake_samples;
static _Atomic int wake_measuring;

static void *poller_thread(void *unused) {
    (void) unused;
    int epfd = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event ev = { .events = EPOLLIN | EPOLLET, .data.u64 = 1 };
    if (epoll_ctl(epfd, EPOLL_CTL_ADD, wake_fd, &ev) < 0) die("epoll_ctl");
    struct epoll_event events[8];
    while (!atomic_load(&stop_polling)) {
        int ready = epoll_wait(epfd, events, 8, -1);
        int64_t now = now_ns();
        if (ready < 0) {
            if (errno == EINTR) continue;
            die("epoll_wait");
        }
        /* Edge-triggered: every write is a new edge, so the counter need not be read. */
        if (atomic_load(&wake_measuring) && wake_samples < MAX_SAMPLES)
            samples[wake_samples++] = now - atomic_load(&woken_at);
        atomic_store(&handled, 1);
    }
    close(epfd);
    return NULL;
}

static size_t wake_up(int64_t warmup_ns, int64_t measure_ns) {
    wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (wake_fd < 0) die("eventfd");
    atomic_store(&handled, 1);
    pthread_t poller;
    pthread_create(&poller, NULL, poller_thread, NULL);
    int64_t warmup_end = now_ns() + warmup_ns, measure_end = warmup_end + measure_ns;
    struct timespec pause = { 0, 50000 };
    for (;;) {
        /* Yield while waiting: the runner pins this process to one CPU, where a plain spin
           would keep the poller from running. */
        while (!atomic_load(&handled)) sched_yield();
        int64_t now = now_ns();
        if (now >= measure_end) break;
        if (now >= warmup_end) atomic_store(&wake_measuring, 1);
        /* Give the poller time to block in epoll_wait again. */
        nanosleep(&pause, NULL);
        atomic_store(&handled, 0);
        atomic_store(&woken_at, now_ns());
        uint64_t one = 1;
        if (write(wake_fd, &one, sizeof one) < 0) die("write eventfd");
    }
    atomic_store(&wake_measuring, 0);
    atomic_store(&stop_polling, 1);
    uint64_t one = 1;
    if (write(wake_fd, &one, sizeof one) < 0) die("write eventfd");
    pthread_join(poller, NULL);
    close(wake_fd);
    return wake_samples;
}

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: latency OUT_DIR PING_PONG_WARMUP_MS PING_PONG_MS WAKE_UP_WARMUP_MS WAKE_UP_MS\n");
        return 2;
    }
    const char *out_dir = argv[1];
    samples = malloc(MAX_SAMPLES * sizeof *samples);
    char path[4096];

    double seconds;
    size_t count = ping_pong(atoll(argv[2]) * 1000000LL, atoll(argv[3]) * 1000000LL, &seconds);
    snprintf(path, sizeof path, "%s/ping-pong.bin", out_dir);
    write_samples(path, samples, count);
    printf("ping_pong_round_trips=%zu ping_pong_seconds=%.6f\n", count, seconds);

    count = wake_up(atoll(argv[4]) * 1000000LL, atoll(argv[5]) * 1000000LL);
    snprintf(path, sizeof path, "%s/wake-up.bin", out_dir);
    write_samples(path, samples, count);
    printf("wake_up_samples=%zu\n", count);
    return 0;
}
