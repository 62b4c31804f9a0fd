/* The C harness of native/unix (and, through poller_cases, of the poller's folder):
 * JNI_OnLoad runs against the fake JavaVM of native/jni/test, and every native is then
 * called through the function pointer it registered, with valid arguments and with
 * the hostile ones Java never sends: null and heap buffers, ranges outside a buffer,
 * vector counts and arrays that do not match, negative, closed and huge descriptors,
 * malformed addresses, overlong Unix paths, flags and options outside the whitelists.
 * Built with AddressSanitizer and UBSan (native/test/CMakeLists.txt): any report ends
 * the program, so a case passes only when every check holds and nothing was touched out
 * of bounds. After each case: no JNI exception was left pending (the fake counts an
 * out-of-range array access as one) and no descriptor leaked.
 * Prints one line per case and finally "N passed, M failed". */
#include "shim_test.h"

#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "iovec.h"
#include "sockaddr.h"

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved);

#define POSIX "io/mio4j/internal/unix/PosixCallsJni"
#define ERRNO "io/mio4j/internal/io/ErrnoCallsJni"
#define LIBRARY "io/mio4j/internal/loader/LibraryJni"
#define BUF "Ljava/nio/ByteBuffer;"
#define WAIT_MS 5000

struct posix_natives P;

/* ---- what shim_test.h promises ---- */

static jint tracked[256];
static int tracked_count;
static void *memories[4200];
static int memory_count;

jint track(jint fd) {
    if (fd >= 0 && tracked_count < (int) (sizeof(tracked) / sizeof(tracked[0]))) {
        tracked[tracked_count++] = fd;
    }
    return fd;
}

int tracked_pipe(jint out[2]) {
    jint fds[2] = { -1, -1 };
    CHECK_RC(P.pipe(ENV, fake_ints(fds, 2)), 0);
    out[0] = track(fds[0]);
    out[1] = track(fds[1]);
    return 1;
}

int tracked_unix_pair(int type, jint out[2]) {
    jint fds[2] = { -1, -1 };
    CHECK_RC(P.socketpair(ENV, AF_UNIX, type, fake_ints(fds, 2)), 0);
    out[0] = track(fds[0]);
    out[1] = track(fds[1]);
    return 1;
}

jobject direct_buffer(jlong capacity, unsigned char **memory) {
    /* malloc(0) may return NULL, and a NULL address is "not direct" to the glue. */
    unsigned char *m = malloc(capacity > 0 ? (size_t) capacity : 1);
    if (m == NULL || memory_count == (int) (sizeof(memories) / sizeof(memories[0]))) {
        printf("unix_shim_test: out of memory\n");
        abort();
    }
    memset(m, 0, capacity > 0 ? (size_t) capacity : 1);
    memories[memory_count++] = m;
    if (memory != NULL) {
        *memory = m;
    }
    return fake_direct(m, capacity);
}

int refuses_bad_ranges(range_call call, jint fd) {
    jobject direct = direct_buffer(16, NULL);
    const struct { jobject buffer; jint pos, len; } bad[] = {
        { NULL, 0, 1 }, { fake_heap_buffer(), 0, 1 },
        { direct, -1, 1 }, { direct, 0, -1 }, { direct, INT32_MIN, 0 }, { direct, 0, INT32_MIN },
        { direct, 0, 17 }, { direct, 16, 1 }, { direct, 17, 0 }, { direct, 8, 9 },
        { direct, INT32_MAX, 1 }, { direct, 1, INT32_MAX }, { direct, INT32_MAX, INT32_MAX },
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        jlong rc = call(fd, bad[i].buffer, bad[i].pos, bad[i].len);
        if (rc != -EINVAL) {
            printf("    bad range %zu (pos %d, len %d): %lld, expected %d\n", i, (int) bad[i].pos,
                   (int) bad[i].len, (long long) rc, -EINVAL);
            return 0;
        }
    }
    return 1;
}

void *shim_native(const char *class_name, const char *name, const char *signature) {
    return fake_native(class_name, name, signature);
}

static void close_tracked(void) {
    for (int i = tracked_count - 1; i >= 0; i--) {
        P.close(ENV, tracked[i]);
    }
    tracked_count = 0;
    for (int i = 0; i < memory_count; i++) {
        free(memories[i]);
    }
    memory_count = 0;
}

/* Open descriptors below 4096, to tell that a case (or a native) leaked none. */
static int open_descriptors(void) {
    int n = 0;
    for (int fd = 0; fd < 4096; fd++) {
        n += fcntl(fd, F_GETFD) != -1;
    }
    return n;
}

/* ---- helpers of the POSIX cases ---- */

static jlong posix_constant(const char *name) {
    return P.constant(ENV, fake_string(name));
}

static void inet4(jbyte *out, int port, uint32_t host_order_ip) {
    memset(out, 0, MIO4J_SOCKADDR_MAX);
    out[0] = MIO4J_KIND_INET4;
    out[1] = (jbyte) (port >> 8);
    out[2] = (jbyte) port;
    out[7] = (jbyte) (host_order_ip >> 24);
    out[8] = (jbyte) (host_order_ip >> 16);
    out[9] = (jbyte) (host_order_ip >> 8);
    out[10] = (jbyte) host_order_ip;
}

/* Our layout of a Unix address: kind, 16-bit length, the path bytes. */
static jsize unix_address(jbyte *out, const char *path, size_t len) {
    memset(out, 0, MIO4J_SOCKADDR_MAX);
    out[0] = MIO4J_KIND_UNIX;
    out[1] = (jbyte) (len >> 8);
    out[2] = (jbyte) len;
    memcpy(out + 3, path, len);
    return (jsize) (3 + len);
}

static int wait_readable(int fd) {
    struct pollfd p = { fd, POLLIN, 0 };
    return poll(&p, 1, WAIT_MS) == 1;
}

/* A connected loopback TCP pair, non-blocking: client, server (both tracked). */
static int tcp_pair(jint *client, jint *server) {
    jbyte address[MIO4J_SOCKADDR_MAX];
    jint listener = track(P.socket(ENV, AF_INET, SOCK_STREAM, 0));
    CHECK(listener >= 0);
    inet4(address, 0, INADDR_LOOPBACK);
    CHECK_RC(P.bind(ENV, listener, fake_bytes(address, 11)), 0);
    CHECK_RC(P.listen(ENV, listener, 4), 0);
    CHECK_RC(P.local_address(ENV, listener, fake_bytes(address, MIO4J_SOCKADDR_MAX)), 0);
    *client = track(P.socket(ENV, AF_INET, SOCK_STREAM, 0));
    CHECK(*client >= 0);
    jint rc = P.connect(ENV, *client, fake_bytes(address, MIO4J_SOCKADDR_MAX));
    CHECK(rc == 0 || rc == -EINPROGRESS);
    CHECK(wait_readable(listener));
    *server = track(P.accept(ENV, listener, fake_bytes(address, MIO4J_SOCKADDR_MAX)));
    CHECK(*server >= 0);
    struct pollfd p = { *client, POLLOUT, 0 };
    CHECK(poll(&p, 1, WAIT_MS) == 1);
    return 1;
}

/* Range calls of the buffer natives, for refuses_bad_ranges. */
static jlong range_read(jint fd, jobject b, jint pos, jint len) {
    return P.read(ENV, fd, b, pos, len);
}
static jlong range_write(jint fd, jobject b, jint pos, jint len) {
    return P.write(ENV, fd, b, pos, len);
}
static jlong range_send(jint fd, jobject b, jint pos, jint len) {
    return P.send(ENV, fd, b, pos, len, 0);
}
static jlong range_recv(jint fd, jobject b, jint pos, jint len) {
    return P.recv(ENV, fd, b, pos, len, 0);
}
static jlong range_recv_trunc(jint fd, jobject b, jint pos, jint len) {
    return P.recv(ENV, fd, b, pos, len, MSG_TRUNC);
}
static jbyte range_address[MIO4J_SOCKADDR_MAX];
static jlong range_send_to(jint fd, jobject b, jint pos, jint len) {
    return P.send_to(ENV, fd, b, pos, len, fake_bytes(range_address, 11));
}
static jlong range_recv_from(jint fd, jobject b, jint pos, jint len) {
    return P.recv_from(ENV, fd, b, pos, len, MSG_TRUNC,
                       fake_bytes(range_address, MIO4J_SOCKADDR_MAX));
}

/* ---- cases ---- */

static int onload_registers_every_table(void) {
    /* Resolved in main before any case; here only what JNI_OnLoad reported. */
    CHECK(fake_registered_classes() >= 5);
    const char *text = fake_chars(P.describe(ENV));
    CHECK(text != NULL);
    int lines = 0;
    for (const char *p = text; *p; p++) {
        lines += *p == '\n';
    }
    CHECK_RC(lines, fake_registered_count());
    CHECK(strstr(text, POSIX " recvFrom (I" BUF "III[B)I\n") != NULL);
    CHECK(fake_chars(P.version(ENV)) != NULL);
#ifdef __GLIBC__
    const char *libc = fake_chars(P.libc(ENV));
    CHECK(libc != NULL && strncmp(libc, "glibc ", 6) == 0);
#endif
    return 1;
}

static int constants_are_this_systems_values(void) {
    CHECK_RC(posix_constant("AF_INET"), AF_INET);
    CHECK_RC(posix_constant("AF_UNIX"), AF_UNIX);
    CHECK_RC(posix_constant("SOCK_DGRAM"), SOCK_DGRAM);
    CHECK_RC(posix_constant("SOL_SOCKET"), SOL_SOCKET);
    CHECK_RC(posix_constant("SO_REUSEADDR"), SO_REUSEADDR);
    CHECK_RC(posix_constant("SO_LINGER"), SO_LINGER);
    CHECK_RC(posix_constant("IPPROTO_IPV6"), IPPROTO_IPV6);
    CHECK_RC(posix_constant("IPV6_V6ONLY"), IPV6_V6ONLY);
    CHECK_RC(posix_constant("IP_ADD_MEMBERSHIP"), IP_ADD_MEMBERSHIP);
    CHECK_RC(posix_constant("MSG_TRUNC"), MSG_TRUNC);
    CHECK_RC(posix_constant("SHUT_RDWR"), SHUT_RDWR);
    CHECK_RC(posix_constant("IOV_MAX"), MIO4J_IOV_MAX);
    CHECK_RC(posix_constant("SOCKADDR_MAX"), MIO4J_SOCKADDR_MAX);
    CHECK_RC(posix_constant("SUN_PATH_SIZE"), sizeof(((struct sockaddr_un *) 0)->sun_path));
    CHECK_RC(posix_constant("NO_SUCH_CONSTANT"), MIO4J_NO_CONSTANT);
    CHECK_RC(posix_constant(""), MIO4J_NO_CONSTANT);
    CHECK_RC(P.constant(ENV, NULL), MIO4J_NO_CONSTANT);
    CHECK_RC(P.errno_constant(ENV, fake_string("EINVAL")), EINVAL);
    CHECK_RC(P.errno_constant(ENV, fake_string("EWOULDBLOCK")), EWOULDBLOCK);
    CHECK_RC(P.errno_constant(ENV, fake_string("SO_REUSEADDR")), MIO4J_NO_CONSTANT);
    CHECK_RC(P.errno_constant(ENV, NULL), MIO4J_NO_CONSTANT);
    return 1;
}

static int strerror_answers_any_number(void) {
    const char *text = fake_chars(P.strerror(ENV, EINVAL));
    CHECK(text != NULL && text[0] != '\0');
    const jint odd[] = { 0, -1, -EINVAL, INT32_MIN, INT32_MAX, 100000 };
    for (size_t i = 0; i < sizeof(odd) / sizeof(odd[0]); i++) {
        CHECK(fake_chars(P.strerror(ENV, odd[i])) != NULL);
    }
    return 1;
}

static int descriptors_are_checked(void) {
    jint pipe_fds[2];
    CHECK(tracked_pipe(pipe_fds));
    jint closed[2];
    jint fds[2] = { -1, -1 };
    CHECK_RC(P.pipe(ENV, fake_ints(fds, 2)), 0);
    closed[0] = fds[0];
    closed[1] = fds[1];
    CHECK_RC(P.close(ENV, closed[0]), 0);
    CHECK_RC(P.close(ENV, closed[1]), 0);
    CHECK_RC(P.close(ENV, closed[0]), -EBADF);
    jobject b = direct_buffer(8, NULL);
    jbyte address[MIO4J_SOCKADDR_MAX];
    inet4(address, 9, INADDR_LOOPBACK);
    jint value[2];
    const jint bad[] = { -1, INT32_MIN, -EBADF, closed[0], closed[1], INT32_MAX };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        jint fd = bad[i];
        CHECK_RC(P.close(ENV, fd), -EBADF);
        CHECK_RC(P.read(ENV, fd, b, 0, 8), -EBADF);
        CHECK_RC(P.write(ENV, fd, b, 0, 8), -EBADF);
        CHECK_RC(P.set_nonblocking(ENV, fd, JNI_TRUE), -EBADF);
        CHECK_RC(P.bind(ENV, fd, fake_bytes(address, 11)), -EBADF);
        CHECK_RC(P.listen(ENV, fd, 1), -EBADF);
        CHECK_RC(P.accept(ENV, fd, fake_bytes(address, MIO4J_SOCKADDR_MAX)), -EBADF);
        CHECK_RC(P.local_address(ENV, fd, fake_bytes(address, MIO4J_SOCKADDR_MAX)), -EBADF);
        CHECK_RC(P.peer_address(ENV, fd, fake_bytes(address, MIO4J_SOCKADDR_MAX)), -EBADF);
        CHECK_RC(P.shutdown(ENV, fd, SHUT_RD), -EBADF);
        CHECK_RC(P.get_int_option(ENV, fd, SOL_SOCKET, SO_RCVBUF, fake_ints(value, 1)), -EBADF);
        CHECK_RC(P.set_int_option(ENV, fd, SOL_SOCKET, SO_RCVBUF, 4096), -EBADF);
        CHECK_RC(P.get_linger(ENV, fd, fake_ints(value, 2)), -EBADF);
        CHECK_RC(P.set_linger(ENV, fd, JNI_TRUE, 1), -EBADF);
        CHECK_RC(P.family(ENV, fd), -EBADF);
        CHECK_RC(P.send(ENV, fd, b, 0, 8, 0), -EBADF);
        CHECK_RC(P.recv(ENV, fd, b, 0, 8, 0), -EBADF);
        CHECK_RC(P.recv(ENV, fd, b, 0, 8, MSG_TRUNC), -EBADF);
        CHECK_RC(P.recv_from(ENV, fd, b, 0, 8, 0, fake_bytes(address, MIO4J_SOCKADDR_MAX)),
                 -EBADF);
        CHECK_RC(P.send_to(ENV, fd, b, 0, 8, fake_bytes(address, 11)), -EBADF);
        jbyte group[4] = { (jbyte) 239, 1, 2, 3 }, iface[4] = { 0, 0, 0, 0 };
        CHECK_RC(P.membership_v4(ENV, fd, IP_ADD_MEMBERSHIP, fake_bytes(group, 4),
                                 fake_bytes(iface, 4)), -EBADF);
        jbyte group6[16] = { (jbyte) 0xff, 2 };
        CHECK_RC(P.membership_v6(ENV, fd, IPV6_JOIN_GROUP, fake_bytes(group6, 16), 0), -EBADF);
    }
    /* Negative descriptors come first, before the other arguments. */
    CHECK_RC(P.read(ENV, -1, NULL, -1, -1), -EBADF);
    CHECK_RC(P.readv(ENV, -1, NULL, NULL, NULL, 0), -EBADF);
    CHECK_RC(P.writev(ENV, -1, NULL, NULL, NULL, -1), -EBADF);
    CHECK_RC(P.sendv(ENV, -1, NULL, NULL, NULL, 0), -EBADF);
    CHECK_RC(P.accept(ENV, -1, NULL), -EBADF);
    CHECK_RC(P.get_linger(ENV, -1, NULL), -EBADF);
    CHECK_RC(P.get_int_option(ENV, -1, 12345, 6789, NULL), -EBADF);
    CHECK_RC(P.send(ENV, -1, NULL, 0, 0, -1), -EBADF);
    /* A pipe is no socket. */
    CHECK_RC(P.recv(ENV, pipe_fds[0], b, 0, 8, MSG_TRUNC), -ENOTSOCK);
    CHECK_RC(P.family(ENV, pipe_fds[0]), -ENOTSOCK);
    return 1;
}

static int read_and_write_check_their_ranges(void) {
    jint p[2];
    CHECK(tracked_pipe(p));
    CHECK(refuses_bad_ranges(range_write, p[1]));
    CHECK(refuses_bad_ranges(range_read, p[0]));
    unsigned char *out, *in;
    jobject src = direct_buffer(8, &out);
    jobject dst = direct_buffer(8, &in);
    memcpy(out, "abcdefgh", 8);
    CHECK_RC(P.write(ENV, p[1], src, 2, 6), 6);
    CHECK_RC(P.write(ENV, p[1], src, 8, 0), 0);   /* an empty range at the very end */
    CHECK_RC(P.read(ENV, p[0], dst, 0, 8), 6);
    CHECK(memcmp(in, "cdefgh", 6) == 0);
    CHECK_RC(P.read(ENV, p[0], dst, 0, 8), -EAGAIN);
    CHECK_RC(P.set_nonblocking(ENV, p[0], JNI_FALSE), 0);
    CHECK_RC(P.set_nonblocking(ENV, p[0], JNI_TRUE), 0);
    /* A zero-capacity buffer: only the empty range at 0. */
    jobject empty = direct_buffer(0, NULL);
    CHECK_RC(P.write(ENV, p[1], empty, 0, 0), 0);
    CHECK_RC(P.write(ENV, p[1], empty, 0, 1), -EINVAL);
    CHECK_RC(P.write(ENV, p[1], empty, 1, 0), -EINVAL);
    return 1;
}

static int pipe_and_socketpair_check_their_arrays(void) {
    jint out[3] = { -7, -7, -7 };
    CHECK_RC(P.pipe(ENV, NULL), -EINVAL);
    CHECK_RC(P.pipe(ENV, fake_ints(out, 1)), -EINVAL);
    CHECK_RC(P.pipe(ENV, fake_ints(out, 0)), -EINVAL);
    CHECK_RC(P.socketpair(ENV, AF_UNIX, SOCK_STREAM, NULL), -EINVAL);
    CHECK_RC(P.socketpair(ENV, AF_UNIX, SOCK_STREAM, fake_ints(out, 1)), -EINVAL);
    CHECK(out[0] == -7 && out[1] == -7);
    CHECK_RC(P.pipe(ENV, fake_ints(out, 3)), 0);   /* a longer array: the first two */
    track(out[0]);
    track(out[1]);
    CHECK(out[0] >= 0 && out[1] >= 0 && out[2] == -7);
    CHECK_RC(P.socketpair(ENV, AF_UNIX, SOCK_DGRAM, fake_ints(out, 2)), 0);
    track(out[0]);
    track(out[1]);
    return 1;
}

static int sockets_are_only_the_kinds_java_opens(void) {
    const jint families[] = { AF_INET, AF_INET6, AF_UNIX };
    const jint types[] = { SOCK_STREAM, SOCK_DGRAM };
    for (size_t f = 0; f < 3; f++) {
        for (size_t t = 0; t < 2; t++) {
            jint fd = track(P.socket(ENV, families[f], types[t], 0));
            CHECK(fd >= 0);
            CHECK_RC(P.family(ENV, fd), families[f]);
        }
    }
    const jint bad[][3] = {
        { AF_INET, SOCK_RAW, 0 }, { AF_INET, SOCK_SEQPACKET, 0 }, { AF_UNIX, SOCK_SEQPACKET, 0 },
        { AF_INET, SOCK_DGRAM, IPPROTO_UDP }, { AF_INET, SOCK_STREAM, IPPROTO_TCP },
        { AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0 }, { AF_UNSPEC, SOCK_STREAM, 0 },
        { -1, SOCK_STREAM, 0 }, { AF_INET, -1, 0 }, { AF_INET, SOCK_STREAM, -1 },
        { INT32_MAX, INT32_MAX, INT32_MAX },
#ifdef AF_NETLINK
        { AF_NETLINK, SOCK_DGRAM, 0 },
#endif
#ifdef AF_PACKET
        { AF_PACKET, SOCK_RAW, 0 },
#endif
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        CHECK_RC(P.socket(ENV, bad[i][0], bad[i][1], bad[i][2]), -EINVAL);
    }
    jint out[2] = { -7, -7 };
    CHECK_RC(P.socketpair(ENV, AF_INET, SOCK_STREAM, fake_ints(out, 2)), -EINVAL);
    CHECK_RC(P.socketpair(ENV, AF_UNIX, SOCK_SEQPACKET, fake_ints(out, 2)), -EINVAL);
    CHECK_RC(P.socketpair(ENV, AF_UNIX, -1, fake_ints(out, 2)), -EINVAL);
    CHECK(out[0] == -7 && out[1] == -7);
    return 1;
}

static int malformed_addresses_are_refused(void) {
    jint fd = track(P.socket(ENV, AF_INET, SOCK_DGRAM, 0));
    jint unix_fd = track(P.socket(ENV, AF_UNIX, SOCK_DGRAM, 0));
    CHECK(fd >= 0 && unix_fd >= 0);
    jbyte a[MIO4J_SOCKADDR_MAX + 8];
    jobject b = direct_buffer(4, NULL);
    CHECK_RC(P.bind(ENV, fd, NULL), -EINVAL);
    CHECK_RC(P.connect(ENV, fd, NULL), -EINVAL);
    CHECK_RC(P.send_to(ENV, fd, b, 0, 4, NULL), -EINVAL);
    inet4(a, 0, INADDR_LOOPBACK);
    for (jlong size = 0; size < 11; size++) {   /* shorter than kind + port + scope + IPv4 */
        CHECK_RC(P.bind(ENV, fd, fake_bytes(a, size)), -EINVAL);
    }
    CHECK_RC(P.bind(ENV, fd, fake_bytes(a, MIO4J_SOCKADDR_MAX + 1)), -EINVAL);
    a[0] = MIO4J_KIND_INET6;
    CHECK_RC(P.connect(ENV, fd, fake_bytes(a, 22)), -EINVAL);
    const jbyte kinds[] = { MIO4J_KIND_NONE, 2, 3, 5, 7, -1, 127 };
    for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
        a[0] = kinds[i];
        CHECK_RC(P.bind(ENV, fd, fake_bytes(a, MIO4J_SOCKADDR_MAX)), -EINVAL);
        CHECK_RC(P.send_to(ENV, fd, b, 0, 4, fake_bytes(a, MIO4J_SOCKADDR_MAX)), -EINVAL);
    }
    /* Unix: a length beyond the array, overlong paths, a huge length field. */
    unix_address(a, "/tmp/x", 6);
    CHECK_RC(P.bind(ENV, unix_fd, fake_bytes(a, 3 + 5)), -EINVAL);
    a[1] = (jbyte) 0xFF;
    a[2] = (jbyte) 0xFF;
    CHECK_RC(P.bind(ENV, unix_fd, fake_bytes(a, MIO4J_SOCKADDR_MAX)), -EINVAL);
    size_t sun_path = sizeof(((struct sockaddr_un *) 0)->sun_path);
    char path[MIO4J_SOCKADDR_MAX];
    memset(path, 'p', sizeof(path));
    memcpy(path, "/tmp/", 5);
    /* A pathname needs room for its NUL; an abstract name (leading NUL) does not. */
    jsize size = unix_address(a, path, sun_path);
    CHECK_RC(P.bind(ENV, unix_fd, fake_bytes(a, size)), -ENAMETOOLONG);
    CHECK_RC(P.connect(ENV, unix_fd, fake_bytes(a, size)), -ENAMETOOLONG);
    CHECK_RC(P.send_to(ENV, unix_fd, b, 0, 4, fake_bytes(a, size)), -ENAMETOOLONG);
    size = unix_address(a, path, MIO4J_SOCKADDR_MAX - 3);
    CHECK_RC(P.bind(ENV, unix_fd, fake_bytes(a, size)), -ENAMETOOLONG);
    path[0] = '\0';
    size = unix_address(a, path, sun_path + 1);
    CHECK_RC(P.bind(ENV, unix_fd, fake_bytes(a, size)), -ENAMETOOLONG);
    /* The longest of each fits (Linux: abstract names; pathnames anywhere). */
#ifdef __linux__
    char abstract[sizeof(((struct sockaddr_un *) 0)->sun_path)];
    snprintf(abstract + 1, sizeof(abstract) - 1, "mio4j-shim-test-%ld", (long) getpid());
    abstract[0] = '\0';
    memset(abstract + strlen(abstract + 1) + 1, 'a', sizeof(abstract) - strlen(abstract + 1) - 1);
    size = unix_address(a, abstract, sun_path);
    CHECK_RC(P.bind(ENV, unix_fd, fake_bytes(a, size)), 0);
#endif
    char longest[sizeof(((struct sockaddr_un *) 0)->sun_path)];
    int n = snprintf(longest, sizeof(longest), "/tmp/mio4j-shim-test-%ld-", (long) getpid());
    memset(longest + n, 'q', sun_path - 1 - (size_t) n);
    jint other = track(P.socket(ENV, AF_UNIX, SOCK_DGRAM, 0));
    size = unix_address(a, longest, sun_path - 1);
    longest[sun_path - 1] = '\0';
    unlink(longest);
    CHECK_RC(P.bind(ENV, other, fake_bytes(a, size)), 0);
    unlink(longest);
    /* The output arrays: at least MIO4J_SOCKADDR_MAX bytes. */
    const jlong short_sizes[] = { 0, 1, 11, MIO4J_SOCKADDR_MAX - 1 };
    for (size_t i = 0; i < sizeof(short_sizes) / sizeof(short_sizes[0]); i++) {
        CHECK_RC(P.local_address(ENV, fd, fake_bytes(a, short_sizes[i])), -EINVAL);
        CHECK_RC(P.peer_address(ENV, fd, fake_bytes(a, short_sizes[i])), -EINVAL);
        CHECK_RC(P.accept(ENV, fd, fake_bytes(a, short_sizes[i])), -EINVAL);
        CHECK_RC(P.recv_from(ENV, fd, b, 0, 4, 0, fake_bytes(a, short_sizes[i])), -EINVAL);
    }
    CHECK_RC(P.local_address(ENV, fd, NULL), -EINVAL);
    CHECK_RC(P.recv_from(ENV, fd, b, 0, 4, 0, NULL), -EINVAL);
    CHECK_RC(P.local_address(ENV, fd, fake_bytes(a, MIO4J_SOCKADDR_MAX + 8)), 0);
    CHECK(a[0] == MIO4J_KIND_INET4);
    return 1;
}

static int stream_io_round_trip_and_flags(void) {
    jint client, server;
    CHECK(tcp_pair(&client, &server));
    CHECK(refuses_bad_ranges(range_send, client));
    CHECK(refuses_bad_ranges(range_recv, server));
    unsigned char *out, *in;
    jobject src = direct_buffer(10, &out);
    jobject dst = direct_buffer(16, &in);
    memcpy(out, "0123456789", 10);
    /* Java sends no flag at all. */
    const jint bad_send[] = { MSG_DONTWAIT, MSG_OOB, MSG_PEEK, MSG_TRUNC, MSG_NOSIGNAL, -1,
                              INT32_MIN };
    for (size_t i = 0; i < sizeof(bad_send) / sizeof(bad_send[0]); i++) {
        CHECK_RC(P.send(ENV, client, src, 0, 10, bad_send[i]), -EINVAL);
    }
    CHECK_RC(P.send(ENV, client, src, 0, 10, 0), 10);
    CHECK(wait_readable(server));
    const jint bad_recv[] = { MSG_DONTWAIT, MSG_WAITALL, MSG_OOB, MSG_PEEK | MSG_DONTWAIT,
#ifdef MSG_ERRQUEUE
                              MSG_ERRQUEUE,
#endif
                              -1, INT32_MIN, INT32_MAX };
    for (size_t i = 0; i < sizeof(bad_recv) / sizeof(bad_recv[0]); i++) {
        CHECK_RC(P.recv(ENV, server, dst, 0, 16, bad_recv[i]), -EINVAL);
    }
    /* On TCP, MSG_TRUNC would discard what it should read: refused, the bytes stay. */
    CHECK_RC(P.recv(ENV, server, dst, 0, 4, MSG_TRUNC), -EINVAL);
    CHECK_RC(P.recv(ENV, server, dst, 0, 4, MSG_TRUNC | MSG_PEEK), -EINVAL);
    jbyte sender[MIO4J_SOCKADDR_MAX];
    CHECK_RC(P.recv_from(ENV, server, dst, 0, 4, MSG_TRUNC, fake_bytes(sender, sizeof(sender))),
             -EINVAL);
    CHECK_RC(P.recv(ENV, server, dst, 0, 4, MSG_PEEK), 4);
    CHECK_RC(P.recv(ENV, server, dst, 0, 16, 0), 10);
    CHECK(memcmp(in, "0123456789", 10) == 0);
    CHECK_RC(P.recv(ENV, server, dst, 0, 16, 0), -EAGAIN);
    /* The same over a Unix stream pair. */
    jint pair[2];
    CHECK(tracked_unix_pair(SOCK_STREAM, pair));
    CHECK_RC(P.send(ENV, pair[0], src, 0, 3, 0), 3);
    CHECK_RC(P.recv(ENV, pair[1], dst, 0, 1, MSG_TRUNC), -EINVAL);
    CHECK_RC(P.recv(ENV, pair[1], dst, 0, 16, 0), 3);
    /* Shutdown: the three ways only. */
    const jint bad_how[] = { -1, 3, 99, INT32_MIN };
    for (size_t i = 0; i < sizeof(bad_how) / sizeof(bad_how[0]); i++) {
        CHECK_RC(P.shutdown(ENV, client, bad_how[i]), -EINVAL);
    }
    CHECK_RC(P.shutdown(ENV, client, SHUT_WR), 0);
    CHECK(wait_readable(server));
    CHECK_RC(P.recv(ENV, server, dst, 0, 16, 0), 0);
    return 1;
}

static int datagram_io_checks_its_flags_and_reports_full_lengths(void) {
    jint pair[2];
    CHECK(tracked_unix_pair(SOCK_DGRAM, pair));
    CHECK(refuses_bad_ranges(range_recv_trunc, pair[1]));
    CHECK(refuses_bad_ranges(range_recv_from, pair[1]));
    unsigned char *out;
    jobject src = direct_buffer(6, &out);
    jobject dst = direct_buffer(2, NULL);
    memcpy(out, "abcdef", 6);
    CHECK_RC(P.send(ENV, pair[0], src, 0, 6, 0), 6);
    CHECK_RC(P.recv(ENV, pair[1], dst, 0, 2, MSG_TRUNC | MSG_PEEK), 6);
    CHECK_RC(P.recv(ENV, pair[1], dst, 0, 2, MSG_PEEK), 2);
    jbyte sender[MIO4J_SOCKADDR_MAX];
    CHECK_RC(P.recv_from(ENV, pair[1], dst, 0, 2, MSG_TRUNC | MSG_DONTWAIT,
                         fake_bytes(sender, sizeof(sender))), -EINVAL);
    CHECK_RC(P.recv_from(ENV, pair[1], dst, 0, 2, MSG_TRUNC, fake_bytes(sender, sizeof(sender))), 6);
    CHECK(sender[0] == MIO4J_KIND_UNIX || sender[0] == MIO4J_KIND_NONE);
    CHECK_RC(P.recv(ENV, pair[1], dst, 0, 2, MSG_TRUNC), -EAGAIN);
    /* UDP over loopback, with sendto and recvfrom. */
    jint a = track(P.socket(ENV, AF_INET, SOCK_DGRAM, 0));
    jint c = track(P.socket(ENV, AF_INET, SOCK_DGRAM, 0));
    CHECK(a >= 0 && c >= 0);
    jbyte address[MIO4J_SOCKADDR_MAX];
    inet4(address, 0, INADDR_LOOPBACK);
    CHECK_RC(P.bind(ENV, a, fake_bytes(address, 11)), 0);
    CHECK_RC(P.local_address(ENV, a, fake_bytes(address, MIO4J_SOCKADDR_MAX)), 0);
    memcpy(range_address, address, sizeof(address));
    CHECK(refuses_bad_ranges(range_send_to, c));
    CHECK_RC(P.send_to(ENV, c, src, 0, 6, fake_bytes(address, 11)), 6);
    CHECK(wait_readable(a));
    CHECK_RC(P.recv_from(ENV, a, dst, 0, 2, MSG_TRUNC, fake_bytes(sender, sizeof(sender))), 6);
    CHECK(sender[0] == MIO4J_KIND_INET4 && sender[7] == 127);
    return 1;
}

typedef jlong (*vector_call)(JNIEnv *, jobject, jint, jobjectArray, jintArray, jintArray, jint);

/* Every malformed (buffers, positions, lengths, count) of a vectored native: -EINVAL. */
static int refuses_bad_vectors(vector_call call, jint fd) {
    jobject bufs[3] = { direct_buffer(4, NULL), direct_buffer(4, NULL), direct_buffer(4, NULL) };
    jint pos[3] = { 0, 0, 0 }, len[3] = { 4, 4, 4 };
    jobjectArray b = fake_objects(bufs, 3);
    jintArray p = fake_ints(pos, 3), l = fake_ints(len, 3);
    const jint bad_counts[] = { 0, -1, INT32_MIN, 4, MIO4J_IOV_MAX, MIO4J_IOV_MAX + 1, INT32_MAX };
    for (size_t i = 0; i < sizeof(bad_counts) / sizeof(bad_counts[0]); i++) {
        CHECK_RC(call(ENV, fd, b, p, l, bad_counts[i]), -EINVAL);
    }
    CHECK_RC(call(ENV, fd, NULL, p, l, 3), -EINVAL);
    CHECK_RC(call(ENV, fd, b, NULL, l, 3), -EINVAL);
    CHECK_RC(call(ENV, fd, b, p, NULL, 3), -EINVAL);
    CHECK_RC(call(ENV, fd, fake_objects(bufs, 2), p, l, 3), -EINVAL);
    CHECK_RC(call(ENV, fd, b, fake_ints(pos, 2), l, 3), -EINVAL);
    CHECK_RC(call(ENV, fd, b, p, fake_ints(len, 2), 3), -EINVAL);
    jobject with_null[3] = { bufs[0], NULL, bufs[2] };
    CHECK_RC(call(ENV, fd, fake_objects(with_null, 3), p, l, 3), -EINVAL);
    jobject with_heap[3] = { bufs[0], bufs[1], fake_heap_buffer() };
    CHECK_RC(call(ENV, fd, fake_objects(with_heap, 3), p, l, 3), -EINVAL);
    const jint bad_pos[][2] = { { -1, 1 }, { 0, 5 }, { 4, 1 }, { 1, 4 }, { INT32_MAX, 1 },
                                { 0, -1 }, { 1, INT32_MAX } };
    for (size_t i = 0; i < sizeof(bad_pos) / sizeof(bad_pos[0]); i++) {
        jint p2[3] = { 0, bad_pos[i][0], 0 }, l2[3] = { 4, bad_pos[i][1], 4 };
        CHECK_RC(call(ENV, fd, b, fake_ints(p2, 3), fake_ints(l2, 3), 3), -EINVAL);
    }
    return 1;
}

static int vectored_io_checks_every_vector(void) {
    jint p[2], pair[2];
    CHECK(tracked_pipe(p));
    CHECK(tracked_unix_pair(SOCK_STREAM, pair));
    CHECK(refuses_bad_vectors(P.writev, p[1]));
    CHECK(refuses_bad_vectors(P.readv, p[0]));
    CHECK(refuses_bad_vectors(P.sendv, pair[0]));
    CHECK(refuses_bad_vectors(P.readv, pair[1]));
    CHECK_RC(P.read(ENV, p[0], direct_buffer(1, NULL), 0, 1), -EAGAIN);   /* nothing went */
    /* The most vectors one call takes, one byte each. */
    static jobject bufs[MIO4J_IOV_MAX];
    static jint pos[MIO4J_IOV_MAX], len[MIO4J_IOV_MAX];
    unsigned char *bytes[MIO4J_IOV_MAX];
    for (int i = 0; i < MIO4J_IOV_MAX; i++) {
        bufs[i] = direct_buffer(1, &bytes[i]);
        bytes[i][0] = (unsigned char) i;
        pos[i] = 0;
        len[i] = 1;
    }
    jobjectArray b = fake_objects(bufs, MIO4J_IOV_MAX);
    jintArray ps = fake_ints(pos, MIO4J_IOV_MAX), ls = fake_ints(len, MIO4J_IOV_MAX);
    CHECK_RC(P.sendv(ENV, pair[0], b, ps, ls, MIO4J_IOV_MAX), MIO4J_IOV_MAX);
    CHECK_RC(P.writev(ENV, p[1], b, ps, ls, MIO4J_IOV_MAX), MIO4J_IOV_MAX);
    for (int i = 0; i < MIO4J_IOV_MAX; i++) {
        bytes[i][0] = 0xEE;
    }
    CHECK(wait_readable(pair[1]));
    CHECK_RC(P.readv(ENV, pair[1], b, ps, ls, MIO4J_IOV_MAX), MIO4J_IOV_MAX);
    for (int i = 0; i < MIO4J_IOV_MAX; i++) {
        CHECK(bytes[i][0] == (unsigned char) i);
    }
    CHECK_RC(P.readv(ENV, p[0], b, ps, ls, 2), 2);
    return 1;
}

/* Pairs the table marks as int options: each works on a socket where it applies. */
static int integer_options_are_the_tables_pairs(void) {
    jint tcp6 = track(P.socket(ENV, AF_INET6, SOCK_STREAM, 0));
    jint udp6 = track(P.socket(ENV, AF_INET6, SOCK_DGRAM, 0));
    jint udp4 = track(P.socket(ENV, AF_INET, SOCK_DGRAM, 0));
    CHECK(tcp6 >= 0 && udp6 >= 0 && udp4 >= 0);
    const jint ours[][2] = {
        { SOL_SOCKET, SO_REUSEADDR }, { SOL_SOCKET, SO_ERROR }, { SOL_SOCKET, SO_KEEPALIVE },
        { SOL_SOCKET, SO_RCVBUF }, { SOL_SOCKET, SO_SNDBUF }, { SOL_SOCKET, SO_BROADCAST },
        { SOL_SOCKET, SO_OOBINLINE }, { SOL_SOCKET, SO_TYPE }, { SOL_SOCKET, SO_ACCEPTCONN },
#ifdef SO_REUSEPORT
        { SOL_SOCKET, SO_REUSEPORT },
#endif
        { IPPROTO_TCP, TCP_NODELAY }, { IPPROTO_IP, IP_TTL }, { IPPROTO_IP, IP_TOS },
        { IPPROTO_IP, IP_MULTICAST_TTL }, { IPPROTO_IP, IP_MULTICAST_LOOP },
        { IPPROTO_IP, IP_MULTICAST_IF }, { IPPROTO_IPV6, IPV6_UNICAST_HOPS },
        { IPPROTO_IPV6, IPV6_V6ONLY }, { IPPROTO_IPV6, IPV6_MULTICAST_LOOP },
        { IPPROTO_IPV6, IPV6_MULTICAST_HOPS }, { IPPROTO_IPV6, IPV6_MULTICAST_IF },
        { IPPROTO_IPV6, IPV6_TCLASS },
    };
    jint value[1];
    for (size_t i = 0; i < sizeof(ours) / sizeof(ours[0]); i++) {
        jint level = ours[i][0], name = ours[i][1];
        jint on = level == IPPROTO_TCP ? tcp6 : level == IPPROTO_IP ? udp4 : udp6;
        value[0] = -7;
        jint rc = P.get_int_option(ENV, on, level, name, fake_ints(value, 1));
        if (rc != 0 || value[0] == -7) {
            printf("    getIntOption(%d, %d): %d\n", (int) level, (int) name, (int) rc);
            return 0;
        }
    }
    CHECK_RC(P.set_int_option(ENV, udp4, IPPROTO_IP, IP_TTL, 9), 0);
    CHECK_RC(P.get_int_option(ENV, udp4, IPPROTO_IP, IP_TTL, fake_ints(value, 1)), 0);
    CHECK_RC(value[0], 9);
    CHECK_RC(P.set_int_option(ENV, tcp6, IPPROTO_TCP, TCP_NODELAY, 1), 0);
    /* Not in the table: struct-valued options, names at another row's level, unknown
     * levels and names. */
    const jint others[][2] = {
        { SOL_SOCKET, SO_LINGER }, { IPPROTO_IP, IP_ADD_MEMBERSHIP },
        { IPPROTO_IP, IP_DROP_MEMBERSHIP }, { IPPROTO_IPV6, IPV6_JOIN_GROUP },
        { IPPROTO_TCP, IP_TTL }, { IPPROTO_IP, SO_RCVBUF }, { SOL_SOCKET, TCP_NODELAY + 1000 },
        { IPPROTO_IPV6, IP_TTL }, { 12345, SO_RCVBUF }, { -1, -1 }, { INT32_MIN, 0 },
        { SOL_SOCKET, -1 }, { SOL_SOCKET, INT32_MAX },
#ifdef SO_PRIORITY
        { SOL_SOCKET, SO_PRIORITY },
#endif
#ifdef SO_PEERCRED
        { SOL_SOCKET, SO_PEERCRED },
#endif
#ifdef SO_BINDTODEVICE
        { SOL_SOCKET, SO_BINDTODEVICE },
#endif
    };
    for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
        jint level = others[i][0], name = others[i][1];
        value[0] = -7;
        if (P.get_int_option(ENV, udp6, level, name, fake_ints(value, 1)) != -EINVAL
                || P.set_int_option(ENV, udp6, level, name, 1) != -EINVAL || value[0] != -7) {
            printf("    (%d, %d) was not refused\n", (int) level, (int) name);
            return 0;
        }
    }
    CHECK_RC(P.get_int_option(ENV, udp6, SOL_SOCKET, SO_RCVBUF, NULL), -EINVAL);
    CHECK_RC(P.get_int_option(ENV, udp6, SOL_SOCKET, SO_RCVBUF, fake_ints(value, 0)), -EINVAL);
    /* Linger: two ints out, a non-negative time in. */
    jint linger[2] = { -7, -7 };
    CHECK_RC(P.get_linger(ENV, tcp6, NULL), -EINVAL);
    CHECK_RC(P.get_linger(ENV, tcp6, fake_ints(linger, 1)), -EINVAL);
    CHECK_RC(P.set_linger(ENV, tcp6, JNI_TRUE, -1), -EINVAL);
    CHECK_RC(P.set_linger(ENV, tcp6, JNI_TRUE, INT32_MIN), -EINVAL);
    CHECK_RC(P.set_linger(ENV, tcp6, (jboolean) 7, 5), 0);
    CHECK_RC(P.get_linger(ENV, tcp6, fake_ints(linger, 2)), 0);
    CHECK(linger[0] == 1 && linger[1] == 5);
    return 1;
}

static int memberships_take_their_own_options_only(void) {
    jint v4 = track(P.socket(ENV, AF_INET, SOCK_DGRAM, 0));
    jint v6 = track(P.socket(ENV, AF_INET6, SOCK_DGRAM, 0));
    CHECK(v4 >= 0 && v6 >= 0);
    jbyte group[8] = { (jbyte) 239, 1, 2, 3 }, loopback[8] = { 127, 0, 0, 1 };
    jbyte group6[20] = { (jbyte) 0xff, 0x02 };
    group6[15] = 1;
    const jint not_v4[] = { IP_MULTICAST_IF, IP_TTL, IPV6_JOIN_GROUP, IPV6_LEAVE_GROUP, -1, 0 };
    for (size_t i = 0; i < sizeof(not_v4) / sizeof(not_v4[0]); i++) {
        CHECK_RC(P.membership_v4(ENV, v4, not_v4[i], fake_bytes(group, 4), fake_bytes(loopback, 4)),
                 -EINVAL);
    }
    const jint not_v6[] = { IPV6_V6ONLY, IPV6_MULTICAST_IF, IP_ADD_MEMBERSHIP,
                            IP_DROP_MEMBERSHIP, -1, 0 };
    for (size_t i = 0; i < sizeof(not_v6) / sizeof(not_v6[0]); i++) {
        CHECK_RC(P.membership_v6(ENV, v6, not_v6[i], fake_bytes(group6, 16), 0), -EINVAL);
    }
    jint v6only[1] = { -7 };
    CHECK_RC(P.get_int_option(ENV, v6, IPPROTO_IPV6, IPV6_V6ONLY, fake_ints(v6only, 1)), 0);
    CHECK_RC(v6only[0], 0);
    /* Exactly 4 (IPv4) and 16 (IPv6) address bytes, and no negative interface index. */
    const jlong not4[] = { 0, 3, 5, 8 };
    for (size_t i = 0; i < sizeof(not4) / sizeof(not4[0]); i++) {
        CHECK_RC(P.membership_v4(ENV, v4, IP_ADD_MEMBERSHIP, fake_bytes(group, not4[i]),
                                 fake_bytes(loopback, 4)), -EINVAL);
        CHECK_RC(P.membership_v4(ENV, v4, IP_ADD_MEMBERSHIP, fake_bytes(group, 4),
                                 fake_bytes(loopback, not4[i])), -EINVAL);
    }
    CHECK_RC(P.membership_v4(ENV, v4, IP_ADD_MEMBERSHIP, NULL, fake_bytes(loopback, 4)), -EINVAL);
    CHECK_RC(P.membership_v4(ENV, v4, IP_ADD_MEMBERSHIP, fake_bytes(group, 4), NULL), -EINVAL);
    CHECK_RC(P.membership_v6(ENV, v6, IPV6_JOIN_GROUP, fake_bytes(group6, 15), 0), -EINVAL);
    CHECK_RC(P.membership_v6(ENV, v6, IPV6_JOIN_GROUP, fake_bytes(group6, 17), 0), -EINVAL);
    CHECK_RC(P.membership_v6(ENV, v6, IPV6_JOIN_GROUP, NULL, 0), -EINVAL);
    CHECK_RC(P.membership_v6(ENV, v6, IPV6_JOIN_GROUP, fake_bytes(group6, 16), -1), -EINVAL);
    CHECK_RC(P.membership_v6(ENV, v6, IPV6_JOIN_GROUP, fake_bytes(group6, 16), INT32_MIN), -EINVAL);
    /* The valid calls reach the kernel, which may lack a route here: anything but our -EINVAL. */
    jint rc = P.membership_v4(ENV, v4, IP_ADD_MEMBERSHIP, fake_bytes(group, 4),
                              fake_bytes(loopback, 4));
    CHECK(rc != -EINVAL);
    if (rc == 0) {
        CHECK_RC(P.membership_v4(ENV, v4, IP_DROP_MEMBERSHIP, fake_bytes(group, 4),
                                 fake_bytes(loopback, 4)), 0);
    }
    rc = P.membership_v6(ENV, v6, IPV6_JOIN_GROUP, fake_bytes(group6, 16), 1);
    CHECK(rc != -EINVAL);
    if (rc == 0) {
        CHECK_RC(P.membership_v6(ENV, v6, IPV6_LEAVE_GROUP, fake_bytes(group6, 16), 1), 0);
    }
    return 1;
}

static int accept_names_its_peer(void) {
    jint client, server;
    CHECK(tcp_pair(&client, &server));
    jbyte a[MIO4J_SOCKADDR_MAX];
    CHECK_RC(P.peer_address(ENV, server, fake_bytes(a, MIO4J_SOCKADDR_MAX)), 0);
    CHECK(a[0] == MIO4J_KIND_INET4 && a[7] == 127 && a[10] == 1);
    jint lone = track(P.socket(ENV, AF_INET, SOCK_STREAM, 0));
    CHECK_RC(P.peer_address(ENV, lone, fake_bytes(a, MIO4J_SOCKADDR_MAX)), -ENOTCONN);
    /* The kernel's own -EINVAL: the socket is not listening. */
    CHECK_RC(P.accept(ENV, lone, fake_bytes(a, MIO4J_SOCKADDR_MAX)), -EINVAL);
    jint pair[2];
    CHECK(tracked_unix_pair(SOCK_STREAM, pair));
    CHECK_RC(P.local_address(ENV, pair[0], fake_bytes(a, MIO4J_SOCKADDR_MAX)), 0);
    CHECK(a[0] == MIO4J_KIND_UNIX && a[1] == 0 && a[2] == 0);   /* unnamed */
    return 1;
}

static int listen_takes_any_backlog(void) {
    const jint backlogs[] = { -1, 0, 1, INT32_MAX, INT32_MIN };
    for (size_t i = 0; i < sizeof(backlogs) / sizeof(backlogs[0]); i++) {
        jint fd = track(P.socket(ENV, AF_INET, SOCK_STREAM, 0));
        CHECK(fd >= 0);
        CHECK_RC(P.listen(ENV, fd, backlogs[i]), 0);
    }
    return 1;
}

/* preclose.c: a descriptor is pre-closed only when it is one; a thread slot is only
 * signalled or freed while it is in use, and only freed by its own thread. */
static int preclose_and_thread_slots_check_their_arguments(void) {
    CHECK_RC(P.pre_close(ENV, -1), -EBADF);
    jint fds[2];
    CHECK(tracked_pipe(fds));
    CHECK_RC(P.pre_close(ENV, fds[0]), 0);
    jbyte byte;
    jobject buffer = fake_direct(&byte, 1);
    CHECK_RC(P.read(ENV, fds[0], buffer, 0, 1), 0);   /* the dead descriptor: end of stream */
    const jint bad_slots[] = { -1, 1024, INT32_MAX, INT32_MIN };
    for (size_t i = 0; i < sizeof(bad_slots) / sizeof(bad_slots[0]); i++) {
        CHECK_RC(P.thread_signal(ENV, bad_slots[i]), -EINVAL);
        CHECK_RC(P.thread_exit(ENV, bad_slots[i]), -EINVAL);
    }
    jint slot = P.thread_enter(ENV);
    CHECK(slot >= 0 && slot < 1024);
    CHECK_RC(P.thread_signal(ENV, slot), 0);   /* the handler does nothing: this thread goes on */
    CHECK_RC(P.thread_exit(ENV, slot), 0);
    CHECK_RC(P.thread_exit(ENV, slot), -EINVAL);     /* freed: no longer in use */
    CHECK_RC(P.thread_signal(ENV, slot), -EINVAL);
    return 1;
}

static const struct test_case posix_cases[] = {
    { "onload_registers_every_table", onload_registers_every_table },
    { "constants_are_this_systems_values", constants_are_this_systems_values },
    { "strerror_answers_any_number", strerror_answers_any_number },
    { "descriptors_are_checked", descriptors_are_checked },
    { "read_and_write_check_their_ranges", read_and_write_check_their_ranges },
    { "pipe_and_socketpair_check_their_arrays", pipe_and_socketpair_check_their_arrays },
    { "sockets_are_only_the_kinds_java_opens", sockets_are_only_the_kinds_java_opens },
    { "malformed_addresses_are_refused", malformed_addresses_are_refused },
    { "stream_io_round_trip_and_flags", stream_io_round_trip_and_flags },
    { "datagram_io_checks_its_flags_and_reports_full_lengths",
      datagram_io_checks_its_flags_and_reports_full_lengths },
    { "vectored_io_checks_every_vector", vectored_io_checks_every_vector },
    { "integer_options_are_the_tables_pairs", integer_options_are_the_tables_pairs },
    { "memberships_take_their_own_options_only", memberships_take_their_own_options_only },
    { "accept_names_its_peer", accept_names_its_peer },
    { "listen_takes_any_backlog", listen_takes_any_backlog },
    { "preclose_and_thread_slots_check_their_arguments", preclose_and_thread_slots_check_their_arguments },
};

#define RESOLVE(field, cls, name, sig)                                                    \
    do {                                                                                  \
        if ((P.field = (__typeof__(P.field)) fake_native(cls, name, sig)) == NULL) {     \
            printf("unix_shim_test: no native %s.%s%s\n", cls, name, sig);               \
            return 0;                                                                     \
        }                                                                                 \
    } while (0)

static int resolve_posix(void) {
    RESOLVE(constant, POSIX, "constant", "(Ljava/lang/String;)J");
    RESOLVE(close, POSIX, "close", "(I)I");
    RESOLVE(read, POSIX, "read", "(I" BUF "II)I");
    RESOLVE(write, POSIX, "write", "(I" BUF "II)I");
    RESOLVE(readv, POSIX, "readv", "(I[" BUF "[I[II)J");
    RESOLVE(writev, POSIX, "writev", "(I[" BUF "[I[II)J");
    RESOLVE(set_nonblocking, POSIX, "setNonBlocking", "(IZ)I");
    RESOLVE(pipe, POSIX, "pipe", "([I)I");
    RESOLVE(socket, POSIX, "socket", "(III)I");
    RESOLVE(socketpair, POSIX, "socketpair", "(II[I)I");
    RESOLVE(bind, POSIX, "bind", "(I[B)I");
    RESOLVE(connect, POSIX, "connect", "(I[B)I");
    RESOLVE(listen, POSIX, "listen", "(II)I");
    RESOLVE(accept, POSIX, "accept", "(I[B)I");
    RESOLVE(local_address, POSIX, "localAddress", "(I[B)I");
    RESOLVE(peer_address, POSIX, "peerAddress", "(I[B)I");
    RESOLVE(shutdown, POSIX, "shutdown", "(II)I");
    RESOLVE(pre_close, POSIX, "preClose", "(I)I");
    RESOLVE(thread_enter, POSIX, "threadEnter", "()I");
    RESOLVE(thread_exit, POSIX, "threadExit", "(I)I");
    RESOLVE(thread_signal, POSIX, "threadSignal", "(I)I");
    /* preclose.c keeps one dead descriptor for the process's lifetime, made on first use:
     * made now, so the cases' descriptor counts do not take it for a leak. */
    P.thread_exit(ENV, P.thread_enter(ENV));
    RESOLVE(get_int_option, POSIX, "getIntOption", "(III[I)I");
    RESOLVE(set_int_option, POSIX, "setIntOption", "(IIII)I");
    RESOLVE(send, POSIX, "send", "(I" BUF "III)I");
    RESOLVE(recv, POSIX, "recv", "(I" BUF "III)I");
    RESOLVE(sendv, POSIX, "sendv", "(I[" BUF "[I[II)J");
    RESOLVE(get_linger, POSIX, "getLinger", "(I[I)I");
    RESOLVE(set_linger, POSIX, "setLinger", "(IZI)I");
    RESOLVE(family, POSIX, "family", "(I)I");
    RESOLVE(send_to, POSIX, "sendTo", "(I" BUF "II[B)I");
    RESOLVE(recv_from, POSIX, "recvFrom", "(I" BUF "III[B)I");
    RESOLVE(membership_v4, POSIX, "membershipV4", "(II[B[B)I");
    RESOLVE(membership_v6, POSIX, "membershipV6", "(II[BI)I");
    RESOLVE(errno_constant, ERRNO, "constant", "(Ljava/lang/String;)J");
    RESOLVE(strerror, ERRNO, "strerror", "(I)Ljava/lang/String;");
    RESOLVE(describe, LIBRARY, "describeNatives", "()Ljava/lang/String;");
    RESOLVE(version, LIBRARY, "version", "()Ljava/lang/String;");
    RESOLVE(libc, LIBRARY, "libc", "()Ljava/lang/String;");
    return 1;
}

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int run(const struct test_case *c) {
    int before = open_descriptors();
    double start = now_ms();
    int ok = c->run();
    close_tracked();
    if (ok && fake_exceptions != 0) {
        printf("    %d JNI exception(s) left pending (an array accessed out of range)\n",
               fake_exceptions);
        ok = 0;
    }
    int after = open_descriptors();
    if (ok && after != before) {
        printf("    %d descriptor(s) open before, %d after\n", before, after);
        ok = 0;
    }
    fake_jni_release_objects();
    printf("%s %s (%.1f ms)\n", ok ? "ok  " : "FAIL", c->name, now_ms() - start);
    return ok;
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    fake_jni_init();
    if (JNI_OnLoad(fake_vm, NULL) != JNI_VERSION_1_8 || !resolve_posix()) {
        printf("JNI_OnLoad failed\n0 passed, 1 failed\n");
        return 1;
    }
    int passed = 0, failed = 0;
    for (size_t i = 0; i < sizeof(posix_cases) / sizeof(posix_cases[0]); i++) {
        run(&posix_cases[i]) ? passed++ : failed++;
    }
    for (int i = 0; i < poller_case_count; i++) {
        run(&poller_cases[i]) ? passed++ : failed++;
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
