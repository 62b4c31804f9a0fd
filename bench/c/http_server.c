/* Workload (f), the C HTTP server and the floor: the algorithm of
 * examples/src/main/java/io/mio4j/examples/HttpConnection.java, step for step, on raw
 * edge-triggered epoll, one thread. Every request gets the same 200 response; keep-alive
 * unless "Connection: close" or HTTP/1.0; pipelined requests answered in order; a
 * request head that arrives in pieces is kept until complete; Content-Length bodies are
 * discarded. The same control protocol as echo_server.c: prints "port=N", answers each
 * "mark" line on stdin with "allocated=0", and stops at "quit" or end of input. */
#include "bench.h"

#include <pthread.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>

#define MAX_FDS 65536
#define MAX_HEAD 8192
#define OUT_CAPACITY 16384
#define LISTENER_TAG ((uint64_t) -1)
#define STOP_TAG ((uint64_t) -2)

struct response {
    const char *bytes;
    size_t length;
};

#define RESPONSE(text) { text, sizeof text - 1 }
static const struct response OK = RESPONSE("HTTP/1.1 200 OK\r\nContent-Length: 13\r\n"
        "Content-Type: text/plain\r\n\r\nHello, World!");
static const struct response OK_THEN_CLOSE = RESPONSE("HTTP/1.1 200 OK\r\nContent-Length: 13\r\n"
        "Content-Type: text/plain\r\nConnection: close\r\n\r\nHello, World!");
static const struct response BAD_REQUEST = RESPONSE("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n"
        "Connection: close\r\n\r\n");
static const struct response HEAD_TOO_LARGE = RESPONSE("HTTP/1.1 431 Request Header Fields Too Large\r\n"
        "Content-Length: 0\r\nConnection: close\r\n\r\n");
static const struct response NOT_IMPLEMENTED = RESPONSE("HTTP/1.1 501 Not Implemented\r\nContent-Length: 0\r\n"
        "Connection: close\r\n\r\n");

struct connection {
    size_t in_length;               /* received, not answered yet: in[0, in_length) */
    size_t out_length;              /* responses not sent yet: out[0, out_length) */
    uint64_t body_to_skip;          /* bytes of a request body still to come, discarded */
    int close_after_sending;
    int waiting_to_write;           /* registered for EPOLLOUT (else EPOLLIN) */
    /* what parse_head learnt about the request it parsed */
    const struct response *response;
    uint64_t content_length;
    unsigned char in[MAX_HEAD];
    unsigned char out[OUT_CAPACITY];
};

enum next { NEXT_READ, NEXT_WRITE, NEXT_CLOSE };

static struct connection *connections[MAX_FDS];
static int stop_fd;

static int is_space(unsigned char b) {
    return b == ' ' || b == '\t';
}

static int equals_ignore_case(const unsigned char *text, size_t length, const char *lower_case) {
    size_t n = strlen(lower_case);
    if (length != n) return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = text[i];
        if (b >= 'A' && b <= 'Z') b = (unsigned char) (b + ('a' - 'A'));
        if (b != (unsigned char) lower_case[i]) return 0;
    }
    return 1;
}

/* Decimal digits to a length, or -1 when they are not one. */
static int64_t parse_length(const unsigned char *text, size_t length) {
    if (length == 0 || length > 18) return -1;
    int64_t value = 0;
    for (size_t i = 0; i < length; i++) {
        if (text[i] < '0' || text[i] > '9') return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

/* METHOD SP TARGET SP HTTP/1.x in [from, to). */
static void parse_request_line(struct connection *c, size_t from, size_t to) {
    const unsigned char *in = c->in;
    size_t first = from, last = to;
    while (first < to && in[first] != ' ') first++;
    while (last > from && in[last - 1] != ' ') last--;
    /* first: the first space or to; last: just past the last space, or from */
    if (first == to || first == from || last == from || last - 1 <= first + 1 || to - last != 8
            || memcmp(in + last, "HTTP/1.", 7) != 0) {
        c->response = &BAD_REQUEST;
        return;
    }
    unsigned char minor = in[to - 1];
    if (minor == '0') {
        c->response = &OK_THEN_CLOSE;
    } else if (minor != '1') {
        c->response = &BAD_REQUEST;
    }
}

/* NAME ":" OWS VALUE OWS in [from, to). */
static void parse_header_line(struct connection *c, size_t from, size_t to) {
    const unsigned char *in = c->in;
    size_t colon = from;
    while (colon < to && in[colon] != ':') colon++;
    if (colon == to || colon == from || is_space(in[from]) || is_space(in[colon - 1])) {
        c->response = &BAD_REQUEST;
        return;
    }
    size_t value_start = colon + 1, value_end = to;
    while (value_start < value_end && is_space(in[value_start])) value_start++;
    while (value_end > value_start && is_space(in[value_end - 1])) value_end--;
    if (equals_ignore_case(in + from, colon - from, "content-length")) {
        int64_t length = parse_length(in + value_start, value_end - value_start);
        if (length < 0) {
            c->response = &BAD_REQUEST;
        } else {
            c->content_length = (uint64_t) length;
        }
    } else if (equals_ignore_case(in + from, colon - from, "transfer-encoding")) {
        c->response = &NOT_IMPLEMENTED;
    } else if (equals_ignore_case(in + from, colon - from, "connection")
            && equals_ignore_case(in + value_start, value_end - value_start, "close")) {
        c->response = &OK_THEN_CLOSE;
    }
}

/* The head that starts at start: the index just past its blank line, or -1 when it is
 * not all here yet. Sets c->response and c->content_length. */
static ssize_t parse_head(struct connection *c, size_t start, size_t end) {
    const unsigned char *in = c->in;
    c->response = &OK;
    c->content_length = 0;
    int request_line = 1;
    size_t line_start = start;
    for (size_t i = start; i + 1 < end; i++) {
        if (in[i] != '\r') continue;
        if (in[i + 1] != '\n') {
            c->response = &BAD_REQUEST;
            return (ssize_t) end;
        }
        if (i == line_start) {
            if (!request_line) return (ssize_t) (i + 2);
            line_start = i + 2;   /* an empty line before a request is ignored */
            i++;
            continue;
        }
        if (request_line) {
            parse_request_line(c, line_start, i);
            request_line = 0;
        } else {
            parse_header_line(c, line_start, i);
        }
        if (c->response != &OK && c->response != &OK_THEN_CLOSE) return (ssize_t) end;
        line_start = i + 2;
        i++;
    }
    return -1;
}

/* Writes what out holds: 1 when all of it left, 0 when the socket is full, -1 on error. */
static int send_out(int fd, struct connection *c) {
    size_t done = 0;
    while (done < c->out_length) {
        ssize_t n = write(fd, c->out + done, c->out_length - done);
        if (n < 0) {
            if (errno == EAGAIN) break;
            if (errno == EINTR) continue;
            return -1;
        }
        done += (size_t) n;
    }
    memmove(c->out, c->out + done, c->out_length - done);
    c->out_length -= done;
    return c->out_length == 0;
}

/* Answers the complete requests in in, sending out whenever it is full; keeps what is
 * not answered yet. 1 when done, 0 when the socket is full, -1 on error. */
static int answer(int fd, struct connection *c) {
    size_t start = 0, end = c->in_length;
    int result = 1;
    while (start < end && !c->close_after_sending) {
        if (c->body_to_skip > 0) {
            size_t skipped = c->body_to_skip < end - start ? (size_t) c->body_to_skip : end - start;
            start += skipped;
            c->body_to_skip -= skipped;
            continue;
        }
        ssize_t head_end = parse_head(c, start, end);
        if (head_end < 0) break;
        if (OUT_CAPACITY - c->out_length < c->response->length) {
            result = send_out(fd, c);
            if (result <= 0) break;
        }
        memcpy(c->out + c->out_length, c->response->bytes, c->response->length);
        c->out_length += c->response->length;
        start = (size_t) head_end;
        c->body_to_skip = c->content_length;
        c->close_after_sending = c->response != &OK;
    }
    memmove(c->in, c->in + start, end - start);
    c->in_length = end - start;
    return result;
}

static enum next serve(int fd, struct connection *c) {
    for (;;) {
        int answered = answer(fd, c);
        if (answered < 0) return NEXT_CLOSE;
        if (answered == 0) return NEXT_WRITE;
        int sent = send_out(fd, c);
        if (sent < 0) return NEXT_CLOSE;
        if (sent == 0) return NEXT_WRITE;
        if (c->close_after_sending) return NEXT_CLOSE;
        if (c->in_length == MAX_HEAD) {
            memcpy(c->out, HEAD_TOO_LARGE.bytes, HEAD_TOO_LARGE.length);
            c->out_length = HEAD_TOO_LARGE.length;
            c->close_after_sending = 1;
            continue;
        }
        ssize_t n = read(fd, c->in + c->in_length, MAX_HEAD - c->in_length);
        if (n == 0) return NEXT_CLOSE;
        if (n < 0) {
            if (errno == EAGAIN) return NEXT_READ;
            if (errno == EINTR) continue;
            return NEXT_CLOSE;
        }
        c->in_length += (size_t) n;
    }
}

static void watch(int epfd, int op, int fd, uint32_t events, uint64_t tag) {
    struct epoll_event ev = { .events = events | EPOLLET, .data.u64 = tag };
    if (epoll_ctl(epfd, op, fd, &ev) < 0) die("epoll_ctl");
}

static void *read_commands(void *unused) {
    (void) unused;
    char line[64];
    while (fgets(line, sizeof line, stdin)) {
        if (strncmp(line, "mark", 4) == 0) {
            printf("allocated=0\n");
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
    int epfd = epoll_create1(EPOLL_CLOEXEC);
    if (epfd < 0) die("epoll_create1");
    watch(epfd, EPOLL_CTL_ADD, listen_fd, EPOLLIN, LISTENER_TAG);
    watch(epfd, EPOLL_CTL_ADD, stop_fd, EPOLLIN, STOP_TAG);
    printf("port=%d\n", port);
    fflush(stdout);
    pthread_t commands;
    pthread_create(&commands, NULL, read_commands, NULL);

    struct epoll_event events[1024];
    for (;;) {
        int count = epoll_wait(epfd, events, 1024, -1);
        if (count < 0) {
            if (errno == EINTR) continue;
            die("epoll_wait");
        }
        for (int i = 0; i < count; i++) {
            uint64_t tag = events[i].data.u64;
            if (tag == STOP_TAG) return 0;
            if (tag == LISTENER_TAG) {
                int fd;
                while ((fd = accept4(listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
                    if (fd >= MAX_FDS) { close(fd); continue; }
                    set_no_delay(fd);
                    connections[fd] = calloc(1, sizeof **connections);
                    if (!connections[fd]) die("calloc");
                    watch(epfd, EPOLL_CTL_ADD, fd, EPOLLIN, (uint64_t) fd);
                }
                continue;
            }
            int fd = (int) tag;
            struct connection *c = connections[fd];
            if (!c) continue;
            switch (serve(fd, c)) {
            case NEXT_READ:
                if (c->waiting_to_write) {
                    watch(epfd, EPOLL_CTL_MOD, fd, EPOLLIN, (uint64_t) fd);
                    c->waiting_to_write = 0;
                }
                break;
            case NEXT_WRITE:
                if (!c->waiting_to_write) {
                    watch(epfd, EPOLL_CTL_MOD, fd, EPOLLOUT, (uint64_t) fd);
                    c->waiting_to_write = 1;
                }
                break;
            case NEXT_CLOSE:
                free(c);
                connections[fd] = NULL;
                close(fd);   /* closing removes it from the epoll set */
                break;
            }
        }
    }
}
