#include "bench.h"
#include "echo_loop.h"

#include <sys/epoll.h>

#define MAX_FDS 65536
#define READ_BUFFER_SIZE 16384
#define LISTENER_TAG ((uint64_t) -1)
#define STOP_TAG ((uint64_t) -2)

/* Bytes read but not yet written back because the socket's send buffer was full. */
struct connection {
    char *pending;
    size_t pending_length;
};

static struct connection connections[MAX_FDS];

static void watch(int epfd, int op, int fd, uint32_t events, uint64_t tag) {
    struct epoll_event ev = { .events = events | EPOLLET, .data.u64 = tag };
    if (epoll_ctl(epfd, op, fd, &ev) < 0) die("epoll_ctl");
}

static void close_connection(int fd) {
    free(connections[fd].pending);
    connections[fd].pending = NULL;
    connections[fd].pending_length = 0;
    close(fd); /* closing removes it from the epoll set */
}

/* Writes what is pending; returns 1 when all of it left, 0 when the socket is full. */
static int flush_pending(int fd, volatile uint64_t *echoed_bytes) {
    struct connection *c = &connections[fd];
    size_t done = 0;
    while (done < c->pending_length) {
        ssize_t n = write(fd, c->pending + done, c->pending_length - done);
        if (n < 0) {
            if (errno == EAGAIN) break;
            return -1;
        }
        done += (size_t) n;
        *echoed_bytes += (uint64_t) n;
    }
    memmove(c->pending, c->pending + done, c->pending_length - done);
    c->pending_length -= done;
    return c->pending_length == 0;
}

/* Reads until EAGAIN (edge-triggered) and writes every chunk straight back. */
static void serve(int epfd, int fd, uint32_t events, char *buffer, volatile uint64_t *echoed_bytes) {
    struct connection *c = &connections[fd];
    if (c->pending_length > 0) {
        if (!(events & EPOLLOUT)) return;
        int flushed = flush_pending(fd, echoed_bytes);
        if (flushed < 0) { close_connection(fd); return; }
        if (!flushed) return;
        watch(epfd, EPOLL_CTL_MOD, fd, EPOLLIN, (uint64_t) fd);
    }
    for (;;) {
        ssize_t n = read(fd, buffer, READ_BUFFER_SIZE);
        if (n == 0) { close_connection(fd); return; }
        if (n < 0) {
            if (errno == EAGAIN) return;
            close_connection(fd);
            return;
        }
        ssize_t written = 0;
        while (written < n) {
            ssize_t w = write(fd, buffer + written, (size_t) (n - written));
            if (w < 0) {
                if (errno == EAGAIN) break;
                close_connection(fd);
                return;
            }
            written += w;
            *echoed_bytes += (uint64_t) w;
        }
        if (written < n) {
            /* The peer does not read: keep the rest, stop reading until it has left. */
            c->pending = realloc(c->pending, (size_t) (n - written));
            memcpy(c->pending, buffer + written, (size_t) (n - written));
            c->pending_length = (size_t) (n - written);
            watch(epfd, EPOLL_CTL_MOD, fd, EPOLLIN | EPOLLOUT, (uint64_t) fd);
            return;
        }
    }
}

void run_echo_loop(int listen_fd, int stop_fd, volatile uint64_t *echoed_bytes) {
    int epfd = epoll_create1(EPOLL_CLOEXEC);
    if (epfd < 0) die("epoll_create1");
    watch(epfd, EPOLL_CTL_ADD, listen_fd, EPOLLIN, LISTENER_TAG);
    watch(epfd, EPOLL_CTL_ADD, stop_fd, EPOLLIN, STOP_TAG);
    static char buffer[READ_BUFFER_SIZE];
    struct epoll_event events[1024];
    for (;;) {
        int count = epoll_wait(epfd, events, 1024, -1);
        if (count < 0) {
            if (errno == EINTR) continue;
            die("epoll_wait");
        }
        for (int i = 0; i < count; i++) {
            uint64_t tag = events[i].data.u64;
            if (tag == STOP_TAG) {
                close(epfd);
                return;
            }
            if (tag == LISTENER_TAG) {
                int fd;
                while ((fd = accept4(listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
                    if (fd >= MAX_FDS) { close(fd); continue; }
                    set_no_delay(fd);
                    watch(epfd, EPOLL_CTL_ADD, fd, EPOLLIN, (uint64_t) fd);
                }
                continue;
            }
            serve(epfd, (int) tag, events[i].events, buffer, echoed_bytes);
        }
    }
}
