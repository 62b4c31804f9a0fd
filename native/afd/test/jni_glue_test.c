/* Tests of the JNI glue (jni_*.c) without a JVM: JNI_OnLoad runs against a fake
 * JavaVM, and every native is then called through the function pointer it
 * registered, with a fake JNIEnv (fake_jni.c). One function per case; waits are
 * bounded polls. Prints one line per case and finally "N passed, M failed". */
#include <winsock2.h>
#include <windows.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "fake_jni.h"
#include "check.h"

#define WAIT_MS 5000
#define AFD "io/mio4j/internal/afd/AfdCallsJni"
#define SOCK "io/mio4j/internal/afd/WinsockCallsJni"
#define ERRNO "io/mio4j/internal/io/ErrnoCallsJni"
#define LIBRARY "io/mio4j/internal/loader/LibraryJni"
#define ADDRESS_SIZE 128
#define BAD_HANDLE (-ERROR_INVALID_PARAMETER)

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved);

typedef jlong (JNICALL *constant_fn)(JNIEnv *, jclass, jstring);
typedef jstring (JNICALL *string_fn)(JNIEnv *, jclass);
typedef jstring (JNICALL *strerror_fn)(JNIEnv *, jclass, jint);
typedef jlong (JNICALL *open_fn)(JNIEnv *, jclass);
typedef jint (JNICALL *handle_fn)(JNIEnv *, jclass, jlong);
typedef jint (JNICALL *register_fn)(JNIEnv *, jclass, jlong, jlong, jlong, jint);
typedef jint (JNICALL *handle2_fn)(JNIEnv *, jclass, jlong, jlong);
typedef jint (JNICALL *select_fn)(JNIEnv *, jclass, jlong, jobject, jint, jint);
typedef jlong (JNICALL *socket_fn)(JNIEnv *, jclass, jint, jint);
typedef jint (JNICALL *address_fn)(JNIEnv *, jclass, jlong, jbyteArray);
typedef jlong (JNICALL *accept_fn)(JNIEnv *, jclass, jlong, jbyteArray);
typedef jint (JNICALL *int_arg_fn)(JNIEnv *, jclass, jlong, jint);
typedef jint (JNICALL *get_option_fn)(JNIEnv *, jclass, jlong, jint, jintArray);
typedef jint (JNICALL *set_option_fn)(JNIEnv *, jclass, jlong, jint, jint);
typedef jint (JNICALL *recv_fn)(JNIEnv *, jclass, jlong, jobject, jint, jint, jint);
typedef jint (JNICALL *send_fn)(JNIEnv *, jclass, jlong, jobject, jint, jint);
typedef jint (JNICALL *recv_from_fn)(JNIEnv *, jclass, jlong, jobject, jint, jint, jint, jbyteArray);
typedef jint (JNICALL *send_to_fn)(JNIEnv *, jclass, jlong, jobject, jint, jint, jbyteArray);
typedef jint (JNICALL *vector_fn)(JNIEnv *, jclass, jlong, jobjectArray, jintArray, jintArray, jint);
typedef jint (JNICALL *multicast_v4_fn)(JNIEnv *, jclass, jlong, jbyteArray, jbyteArray, jint);

/* The natives as JNI_OnLoad registered them. */
static struct {
    constant_fn errno_constant, afd_constant, socket_constant;
    strerror_fn strerror;
    string_fn describe, version;
    open_fn open;
    handle_fn close, socket_close;
    register_fn reg, rereg;
    handle2_fn dereg, would_block, wake;
    select_fn select;
    socket_fn socket;
    address_fn bind, connect, local_address, peer_address;
    accept_fn accept;
    int_arg_fn listen, shutdown;
    get_option_fn get_option;
    set_option_fn set_option;
    recv_fn recv;
    send_fn send;
    recv_from_fn recv_from;
    send_to_fn send_to;
    vector_fn recvv, sendv;
    multicast_v4_fn multicast_v4;
} glue;
static int loaded;

/* Everything a case opens is closed after it, pass or fail. */
static jlong open_sockets[64];
static int open_socket_count;
static jlong open_selectors[8];
static int open_selector_count;

static jlong track_socket(jlong s) {
    if (s >= 0 && open_socket_count < 64) open_sockets[open_socket_count++] = s;
    return s;
}

static jlong track_selector(jlong h) {
    if (h > 0 && open_selector_count < 8) open_selectors[open_selector_count++] = h;
    return h;
}

static void close_tracked(void) {
    if (!loaded) return;
    for (int i = 0; i < open_selector_count; i++) glue.close(fake_env, NULL, open_selectors[i]);
    for (int i = 0; i < open_socket_count; i++) glue.socket_close(fake_env, NULL, open_sockets[i]);
    open_selector_count = open_socket_count = 0;
}

static jlong constant(constant_fn fn, const char *name) {
    return fn(fake_env, NULL, fake_string(name));
}

static void loopback(jbyte *out, int port) {
    memset(out, 0, ADDRESS_SIZE);
    out[0] = 4;
    out[1] = (jbyte) (port >> 8);
    out[2] = (jbyte) port;
    out[7] = 127;
    out[10] = 1;
}

static int port_of(const jbyte *address) {
    return ((address[1] & 0xFF) << 8) | (address[2] & 0xFF);
}

/* Selects until an event with data carrying all of bits arrives; its readiness, or 0. */
static uint32_t wait_event(jlong selector, uint64_t data, uint32_t bits) {
    _Alignas(8) unsigned char raw[16 * 16];
    ULONGLONG deadline = GetTickCount64() + WAIT_MS;
    while (GetTickCount64() < deadline) {
        jint n = glue.select(fake_env, NULL, selector, fake_direct(raw, sizeof(raw)), 16, 100);
        if (n < 0) return 0;
        for (jint i = 0; i < n; i++) {
            uint64_t got;
            uint32_t readiness;
            memcpy(&got, raw + i * 16, 8);
            memcpy(&readiness, raw + i * 16 + 8, 4);
            if (got == data && (readiness & bits) == bits) return readiness;
        }
    }
    return 0;
}

/* A listener on 127.0.0.1:0, a client connected to it and the accepted server end. */
static int connected_pair(jlong *client, jlong *server) {
    jbyte address[ADDRESS_SIZE];
    jlong listener = track_socket(glue.socket(fake_env, NULL, 4, 1));
    CHECK(listener >= 0);
    loopback(address, 0);
    CHECK_RC(glue.bind(fake_env, NULL, listener, fake_bytes(address, ADDRESS_SIZE)), 0);
    CHECK_RC(glue.listen(fake_env, NULL, listener, 16), 0);
    CHECK_RC(glue.local_address(fake_env, NULL, listener, fake_bytes(address, ADDRESS_SIZE)), 0);
    CHECK(address[0] == 4 && port_of(address) != 0);
    jlong h = track_selector(glue.open(fake_env, NULL));
    CHECK_RC(glue.reg(fake_env, NULL, h, listener, 99, 1), 0);
    *client = track_socket(glue.socket(fake_env, NULL, 4, 1));
    CHECK(*client >= 0);
    jint rc = glue.connect(fake_env, NULL, *client, fake_bytes(address, ADDRESS_SIZE));
    CHECK(rc == 0 || rc == 1);
    CHECK(wait_event(h, 99, 1) != 0);
    *server = glue.accept(fake_env, NULL, listener, fake_bytes(address, ADDRESS_SIZE));
    CHECK(track_socket(*server) >= 0);
    CHECK(address[0] == 4 && address[7] == 127 && port_of(address) != 0);
    return 1;
}

/* ---- cases ---- */

static int onload_registers_every_table(void) {
    CHECK_RC(JNI_OnLoad(fake_vm, NULL), JNI_VERSION_1_8);
    CHECK_RC(fake_registered_classes(), 4);
#define RESOLVE(field, type, cls, name, sig) \
    CHECK((glue.field = (type) fake_native(cls, name, sig)) != NULL)
    RESOLVE(describe, string_fn, LIBRARY, "describeNatives", "()Ljava/lang/String;");
    RESOLVE(version, string_fn, LIBRARY, "version", "()Ljava/lang/String;");
    RESOLVE(errno_constant, constant_fn, ERRNO, "constant", "(Ljava/lang/String;)J");
    RESOLVE(strerror, strerror_fn, ERRNO, "strerror", "(I)Ljava/lang/String;");
    RESOLVE(afd_constant, constant_fn, AFD, "constant", "(Ljava/lang/String;)J");
    RESOLVE(open, open_fn, AFD, "open", "()J");
    RESOLVE(close, handle_fn, AFD, "close", "(J)I");
    RESOLVE(reg, register_fn, AFD, "register", "(JJJI)I");
    RESOLVE(rereg, register_fn, AFD, "reregister", "(JJJI)I");
    RESOLVE(dereg, handle2_fn, AFD, "deregister", "(JJ)I");
    RESOLVE(would_block, handle2_fn, AFD, "wouldBlock", "(JJ)I");
    RESOLVE(select, select_fn, AFD, "select", "(JLjava/nio/ByteBuffer;II)I");
    RESOLVE(wake, handle2_fn, AFD, "wake", "(JJ)I");
    RESOLVE(socket_constant, constant_fn, SOCK, "constant", "(Ljava/lang/String;)J");
    RESOLVE(socket, socket_fn, SOCK, "socket", "(II)J");
    RESOLVE(socket_close, handle_fn, SOCK, "close", "(J)I");
    RESOLVE(bind, address_fn, SOCK, "bind", "(J[B)I");
    RESOLVE(listen, int_arg_fn, SOCK, "listen", "(JI)I");
    RESOLVE(connect, address_fn, SOCK, "connect", "(J[B)I");
    RESOLVE(accept, accept_fn, SOCK, "accept", "(J[B)J");
    RESOLVE(local_address, address_fn, SOCK, "localAddress", "(J[B)I");
    RESOLVE(peer_address, address_fn, SOCK, "peerAddress", "(J[B)I");
    RESOLVE(shutdown, int_arg_fn, SOCK, "shutdown", "(JI)I");
    RESOLVE(get_option, get_option_fn, SOCK, "getIntOption", "(JI[I)I");
    RESOLVE(set_option, set_option_fn, SOCK, "setIntOption", "(JII)I");
    RESOLVE(recv, recv_fn, SOCK, "recv", "(JLjava/nio/ByteBuffer;III)I");
    RESOLVE(send, send_fn, SOCK, "send", "(JLjava/nio/ByteBuffer;II)I");
    RESOLVE(recv_from, recv_from_fn, SOCK, "recvFrom", "(JLjava/nio/ByteBuffer;III[B)I");
    RESOLVE(send_to, send_to_fn, SOCK, "sendTo", "(JLjava/nio/ByteBuffer;II[B)I");
    RESOLVE(recvv, vector_fn, SOCK, "recvv", "(J[Ljava/nio/ByteBuffer;[I[II)I");
    RESOLVE(sendv, vector_fn, SOCK, "sendv", "(J[Ljava/nio/ByteBuffer;[I[II)I");
    RESOLVE(multicast_v4, multicast_v4_fn, SOCK, "multicastV4", "(J[B[BI)I");
#undef RESOLVE
    loaded = 1;
    return 1;
}

static int describe_natives_lists_every_registered_method(void) {
    CHECK(loaded);
    const char *text = fake_chars(glue.describe(fake_env, NULL));
    CHECK(text != NULL);
    int lines = 0;
    for (const char *p = text; *p; p++) lines += *p == '\n';
    CHECK_RC(lines, fake_registered_count());
    CHECK(strstr(text, "io/mio4j/internal/afd/AfdCallsJni select (JLjava/nio/ByteBuffer;II)I\n") != NULL);
    CHECK(strcmp(fake_chars(glue.version(fake_env, NULL)), "") != 0);
    string_fn libc = (string_fn) fake_native(LIBRARY, "libc", "()Ljava/lang/String;");
    CHECK(libc != NULL && libc(fake_env, NULL) == NULL);   /* no glibc on Windows */
    return 1;
}

static int errno_names_map_to_winsock_codes(void) {
    CHECK(loaded);
    CHECK_RC(constant(glue.errno_constant, "ECONNREFUSED"), WSAECONNREFUSED);
    CHECK_RC(constant(glue.errno_constant, "EADDRINUSE"), WSAEADDRINUSE);
    CHECK_RC(constant(glue.errno_constant, "EAGAIN"), WSAEWOULDBLOCK);
    CHECK_RC(constant(glue.errno_constant, "EWOULDBLOCK"), WSAEWOULDBLOCK);
    CHECK_RC(constant(glue.errno_constant, "ENOTCONN"), WSAENOTCONN);
    CHECK_RC(constant(glue.errno_constant, "ENOENT"), ERROR_NOT_FOUND);
    CHECK_RC(constant(glue.errno_constant, "ENOT_A_NAME"), INT64_MIN);
    CHECK_RC(glue.errno_constant(fake_env, NULL, NULL), INT64_MIN);
    return 1;
}

static int strerror_is_one_line_of_text(void) {
    CHECK(loaded);
    const char *text = fake_chars(glue.strerror(fake_env, NULL, WSAECONNREFUSED));
    CHECK(text != NULL && strlen(text) > 5);
    size_t n = strlen(text);
    CHECK(text[n - 1] != '\n' && text[n - 1] != '\r' && text[n - 1] != '.');
    CHECK(fake_chars(glue.strerror(fake_env, NULL, 0x7FFFFFFF)) != NULL);
    return 1;
}

static int layout_constants_are_reported(void) {
    CHECK(loaded);
    CHECK_RC(constant(glue.afd_constant, "EVENT_SIZE"), 16);
    CHECK_RC(constant(glue.afd_constant, "EVENT_DATA_OFFSET"), 0);
    CHECK_RC(constant(glue.afd_constant, "EVENT_READINESS_OFFSET"), 8);
    CHECK_RC(constant(glue.afd_constant, "READ_CLOSED"), 8);
    CHECK_RC(constant(glue.socket_constant, "FAMILY_V6"), 6);
    CHECK_RC(constant(glue.socket_constant, "OPT_ERROR"), 8);
    CHECK_RC(constant(glue.socket_constant, "OPT_NOPE"), INT64_MIN);
    return 1;
}

static int selector_handles_are_checked(void) {
    CHECK(loaded);
    jlong a = glue.open(fake_env, NULL);
    jlong b = track_selector(glue.open(fake_env, NULL));
    CHECK(a > 0 && b > 0 && a != b);
    CHECK_RC(glue.close(fake_env, NULL, a), 0);
    CHECK_RC(glue.close(fake_env, NULL, a), BAD_HANDLE);           /* twice */
    CHECK_RC(glue.wake(fake_env, NULL, a, 1), BAD_HANDLE);         /* after close */
    CHECK_RC(glue.reg(fake_env, NULL, a, 1, 1, 1), BAD_HANDLE);
    CHECK_RC(glue.wake(fake_env, NULL, 0, 1), BAD_HANDLE);         /* made up */
    CHECK_RC(glue.wake(fake_env, NULL, -1, 1), BAD_HANDLE);
    CHECK_RC(glue.wake(fake_env, NULL, 0x0000000100001234LL, 1), BAD_HANDLE);
    jlong c = track_selector(glue.open(fake_env, NULL));
    CHECK(c > 0 && c != a);                  /* a reused slot gets a new generation */
    CHECK_RC(glue.wake(fake_env, NULL, a, 1), BAD_HANDLE);
    CHECK_RC(glue.wake(fake_env, NULL, b, 7), 0);                  /* others unharmed */
    CHECK(wait_event(b, 7, 1) != 0);
    return 1;
}

static int select_checks_its_buffer(void) {
    CHECK(loaded);
    _Alignas(8) unsigned char raw[64];
    jlong h = track_selector(glue.open(fake_env, NULL));
    CHECK(h > 0);
    CHECK_RC(glue.select(fake_env, NULL, h, fake_direct(raw, sizeof(raw)), 5, 0), BAD_HANDLE);
    CHECK_RC(glue.select(fake_env, NULL, h, fake_heap_buffer(), 1, 0), BAD_HANDLE);
    CHECK_RC(glue.select(fake_env, NULL, h, NULL, 1, 0), BAD_HANDLE);
    CHECK_RC(glue.select(fake_env, NULL, h, fake_direct(raw + 4, 32), 1, 0), BAD_HANDLE);
    CHECK_RC(glue.select(fake_env, NULL, h, fake_direct(raw, sizeof(raw)), 0, 0), BAD_HANDLE);
    CHECK_RC(glue.select(fake_env, NULL, h, fake_direct(raw, sizeof(raw)), 4, 0), 0);
    CHECK_RC(fake_exceptions, 0);
    return 1;
}

static int stream_round_trip(void) {
    CHECK(loaded);
    jlong client, server;
    CHECK(connected_pair(&client, &server));
    jlong h = track_selector(glue.open(fake_env, NULL));
    CHECK_RC(glue.reg(fake_env, NULL, h, client, 11, 2), 0);        /* WRITABLE */
    CHECK_RC(glue.reg(fake_env, NULL, h, server, 22, 1), 0);        /* READABLE */
    CHECK(wait_event(h, 11, 2) != 0);
    char out[] = "hello, glue";
    CHECK_RC(glue.send(fake_env, NULL, client, fake_direct(out, sizeof(out)), 7, 4), 4);
    CHECK(wait_event(h, 22, 1) != 0);
    char in[16] = { 0 };
    CHECK_RC(glue.recv(fake_env, NULL, server, fake_direct(in, sizeof(in)), 2, 10, 1), 4); /* PEEK */
    CHECK_RC(glue.recv(fake_env, NULL, server, fake_direct(in, sizeof(in)), 2, 10, 0), 4);
    CHECK(memcmp(in + 2, "glue", 4) == 0);
    CHECK_RC(glue.recv(fake_env, NULL, server, fake_direct(in, sizeof(in)), 0, 16, 0), -WSAEWOULDBLOCK);
    jbyte peer[ADDRESS_SIZE];
    CHECK_RC(glue.peer_address(fake_env, NULL, client, fake_bytes(peer, ADDRESS_SIZE)), 0);
    CHECK(peer[0] == 4 && peer[7] == 127 && port_of(peer) != 0);
    CHECK_RC(glue.dereg(fake_env, NULL, h, server), 0);
    CHECK_RC(glue.dereg(fake_env, NULL, h, server), -ERROR_NOT_FOUND);
    CHECK_RC(fake_exceptions, 0);
    return 1;
}

static int would_block_rearms_through_glue(void) {
    CHECK(loaded);
    jlong client, server;
    CHECK(connected_pair(&client, &server));
    jlong h = track_selector(glue.open(fake_env, NULL));
    CHECK_RC(glue.reg(fake_env, NULL, h, server, 5, 1), 0);
    char data[4] = "abc";
    char in[8];
    for (int round = 0; round < 2; round++) {
        CHECK_RC(glue.send(fake_env, NULL, client, fake_direct(data, 4), 0, 4), 4);
        CHECK(wait_event(h, 5, 1) != 0);
        CHECK_RC(glue.recv(fake_env, NULL, server, fake_direct(in, 8), 0, 8, 0), 4);
        CHECK_RC(glue.recv(fake_env, NULL, server, fake_direct(in, 8), 0, 8, 0), -WSAEWOULDBLOCK);
        CHECK_RC(glue.would_block(fake_env, NULL, h, server), 0);
    }
    CHECK_RC(glue.would_block(fake_env, NULL, h, -1), -WSAENOTSOCK);
    return 1;
}

static int wake_carries_its_data(void) {
    CHECK(loaded);
    jlong h = track_selector(glue.open(fake_env, NULL));
    CHECK_RC(glue.wake(fake_env, NULL, h, (jlong) 0x7FEDCBA987654321LL), 0);
    CHECK(wait_event(h, 0x7FEDCBA987654321ULL, 1) == 1);
    return 1;
}

static int socket_arguments_are_checked(void) {
    CHECK(loaded);
    jlong s = track_socket(glue.socket(fake_env, NULL, 4, 1));
    CHECK(s >= 0);
    char buf[8];
    jbyte small[5] = { 4, 0, 0, 0, 0 };
    jbyte unix_kind[ADDRESS_SIZE] = { 1 };
    jbyte out[ADDRESS_SIZE];
    CHECK_RC(glue.send(fake_env, NULL, s, fake_heap_buffer(), 0, 1), -WSAEINVAL);
    CHECK_RC(glue.send(fake_env, NULL, s, fake_direct(buf, 8), 4, 5), -WSAEINVAL);
    CHECK_RC(glue.send(fake_env, NULL, s, fake_direct(buf, 8), -1, 1), -WSAEINVAL);
    CHECK_RC(glue.recv(fake_env, NULL, s, NULL, 0, 1, 0), -WSAEINVAL);
    CHECK_RC(glue.bind(fake_env, NULL, s, NULL), -WSAEFAULT);
    CHECK_RC(glue.bind(fake_env, NULL, s, fake_bytes(small, 5)), -WSAEFAULT);
    CHECK_RC(glue.bind(fake_env, NULL, s, fake_bytes(unix_kind, ADDRESS_SIZE)), -WSAEAFNOSUPPORT);
    CHECK_RC(glue.local_address(fake_env, NULL, s, fake_bytes(out, 10)), -WSAEINVAL);
    CHECK_RC(glue.get_option(fake_env, NULL, s, 9, NULL), -WSAEINVAL);
    CHECK_RC(glue.listen(fake_env, NULL, -1, 1), -WSAENOTSOCK);
    CHECK_RC(glue.socket(fake_env, NULL, 5, 1), -WSAEAFNOSUPPORT);
    CHECK_RC(glue.peer_address(fake_env, NULL, s, fake_bytes(out, ADDRESS_SIZE)), -WSAENOTCONN);
    CHECK_RC(fake_exceptions, 0);
    return 1;
}

static int udp_and_vectored_io(void) {
    CHECK(loaded);
    jbyte a_addr[ADDRESS_SIZE], b_addr[ADDRESS_SIZE], from[ADDRESS_SIZE];
    jlong a = track_socket(glue.socket(fake_env, NULL, 4, 2));
    jlong b = track_socket(glue.socket(fake_env, NULL, 4, 2));
    CHECK(a >= 0 && b >= 0);
    loopback(a_addr, 0);
    loopback(b_addr, 0);
    CHECK_RC(glue.bind(fake_env, NULL, a, fake_bytes(a_addr, ADDRESS_SIZE)), 0);
    CHECK_RC(glue.bind(fake_env, NULL, b, fake_bytes(b_addr, ADDRESS_SIZE)), 0);
    CHECK_RC(glue.local_address(fake_env, NULL, a, fake_bytes(a_addr, ADDRESS_SIZE)), 0);
    CHECK_RC(glue.local_address(fake_env, NULL, b, fake_bytes(b_addr, ADDRESS_SIZE)), 0);
    jlong h = track_selector(glue.open(fake_env, NULL));
    CHECK_RC(glue.reg(fake_env, NULL, h, b, 3, 1), 0);
    char msg[] = "datagram";
    CHECK_RC(glue.send_to(fake_env, NULL, a, fake_direct(msg, 8), 0, 8, fake_bytes(b_addr, ADDRESS_SIZE)), 8);
    CHECK(wait_event(h, 3, 1) != 0);
    char in[8];
    CHECK_RC(glue.recv_from(fake_env, NULL, b, fake_direct(in, 8), 0, 4, 0, fake_bytes(from, ADDRESS_SIZE)), 4);
    CHECK(memcmp(in, "data", 4) == 0 && port_of(from) == port_of(a_addr));

    jlong client, server;
    CHECK(connected_pair(&client, &server));
    char p1[] = "abc", p2[] = "defgh", r1[3], r2[8];
    jobject out_bufs[2] = { fake_direct(p1, 3), fake_direct(p2, 5) };
    jint out_pos[2] = { 0, 0 }, out_len[2] = { 3, 5 };
    CHECK_RC(glue.sendv(fake_env, NULL, client, fake_objects(out_bufs, 2), fake_ints(out_pos, 2),
                        fake_ints(out_len, 2), 2), 8);
    CHECK_RC(glue.reg(fake_env, NULL, h, server, 4, 1), 0);
    CHECK(wait_event(h, 4, 1) != 0);
    jobject in_bufs[2] = { fake_direct(r1, 3), fake_direct(r2, 8) };
    jint in_pos[2] = { 0, 0 }, in_len[2] = { 3, 8 };
    CHECK_RC(glue.recvv(fake_env, NULL, server, fake_objects(in_bufs, 2), fake_ints(in_pos, 2),
                        fake_ints(in_len, 2), 2), 8);
    CHECK(memcmp(r1, "abc", 3) == 0 && memcmp(r2, "defgh", 5) == 0);
    CHECK_RC(glue.sendv(fake_env, NULL, client, fake_objects(out_bufs, 2), fake_ints(out_pos, 2),
                        fake_ints(out_len, 1), 2), -WSAEINVAL);   /* a short array */
    CHECK_RC(glue.sendv(fake_env, NULL, client, fake_objects(out_bufs, 2), fake_ints(out_pos, 2),
                        fake_ints(out_len, 2), 65), -WSAEINVAL);  /* over IOV_MAX */
    CHECK_RC(fake_exceptions, 0);
    return 1;
}

static int options_and_shutdown(void) {
    CHECK(loaded);
    jlong client, server;
    CHECK(connected_pair(&client, &server));
    jint value[1] = { -1 };
    jlong nodelay = constant(glue.socket_constant, "OPT_TCP_NODELAY");
    CHECK_RC(glue.set_option(fake_env, NULL, client, (jint) nodelay, 1), 0);
    CHECK_RC(glue.get_option(fake_env, NULL, client, (jint) nodelay, fake_ints(value, 1)), 0);
    CHECK(value[0] != 0);
    CHECK_RC(glue.get_option(fake_env, NULL, client, 8, fake_ints(value, 1)), 0);  /* SO_ERROR */
    CHECK_RC(value[0], 0);
    CHECK_RC(glue.set_option(fake_env, NULL, client, 999, 1), -WSAENOPROTOOPT);
    CHECK_RC(glue.shutdown(fake_env, NULL, client, 1), 0);
    CHECK_RC(glue.shutdown(fake_env, NULL, client, 7), -WSAEINVAL);
    jbyte group[4] = { (jbyte) 239, 1, 2, 3 };
    jlong udp = track_socket(glue.socket(fake_env, NULL, 4, 2));
    CHECK_RC(glue.multicast_v4(fake_env, NULL, udp, fake_bytes(group, 3), NULL, 1), -WSAEINVAL);
    return 1;
}

/* A copy of our classes relocated by a shading tool: Java names its package in
 * mio4j.jni.package while System.load runs, and JNI_OnLoad binds the tables there.
 * Ends as it began: the tables bound under io/mio4j again. */
static int onload_binds_a_relocated_copy_under_its_package(void) {
    CHECK(loaded);
    fake_jni_init();
    fake_jni_set_property("mio4j.jni.package", "com/example/shaded/io/mio4j");
    CHECK_RC(JNI_OnLoad(fake_vm, NULL), JNI_VERSION_1_8);
    CHECK_RC(fake_registered_classes(), 4);
    CHECK((open_fn) fake_native("com/example/shaded/io/mio4j/internal/afd/AfdCallsJni", "open", "()J") == glue.open);
    CHECK(fake_native("com/example/shaded/io/mio4j/internal/loader/LibraryJni", "version",
                      "()Ljava/lang/String;") != NULL);
    CHECK(fake_native(AFD, "open", "()J") == NULL);
    const char *text = fake_chars(glue.describe(fake_env, NULL));
    CHECK(text != NULL && strstr(text, "com/example/shaded/io/mio4j/internal/afd/AfdCallsJni select ") != NULL);
    CHECK(strstr(text, "\nio/mio4j/") == NULL && strncmp(text, "io/mio4j/", 9) != 0);
    /* Not a package name: the load fails rather than binding anything. */
    const char *bad[] = { "", "/io/mio4j", "io/mio4j/", "io.mio4j", "io/mi o4j" };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        fake_jni_init();
        fake_jni_set_property("mio4j.jni.package", bad[i]);
        CHECK_RC(JNI_OnLoad(fake_vm, NULL), JNI_ERR);
        CHECK_RC(fake_registered_classes(), 0);
    }
    fake_jni_init();
    fake_jni_set_property("mio4j.jni.package", NULL);
    CHECK_RC(JNI_OnLoad(fake_vm, NULL), JNI_VERSION_1_8);
    CHECK((open_fn) fake_native(AFD, "open", "()J") == glue.open);
    text = fake_chars(glue.describe(fake_env, NULL));
    CHECK(text != NULL && strncmp(text, "io/mio4j/", 9) == 0);
    return 1;
}

/* mio4j.dll itself (beside this program): it loads, exports JNI_OnLoad, and the
 * natives it registers work. Runs last: it replaces the registered tables. */
static int the_dll_loads_and_its_natives_work(void) {
    char path[MAX_PATH];
    DWORD n = GetModuleFileNameA(NULL, path, sizeof(path));
    CHECK(n > 0 && n < sizeof(path));
    char *slash = strrchr(path, '\\');
    CHECK(slash != NULL && (size_t) (slash - path) + sizeof("\\mio4j.dll") <= sizeof(path));
    strcpy(slash, "\\mio4j.dll");
    HMODULE dll = LoadLibraryA(path);
    CHECK(dll != NULL);
    typedef jint (JNICALL *onload_fn)(JavaVM *, void *);
    onload_fn onload = (onload_fn) (void (*)(void)) GetProcAddress(dll, "JNI_OnLoad");
    CHECK(onload != NULL && onload != JNI_OnLoad);
    fake_jni_init();   /* forget this program's own tables */
    CHECK_RC(onload(fake_vm, NULL), JNI_VERSION_1_8);
    CHECK_RC(fake_registered_classes(), 4);
    open_fn open = (open_fn) fake_native(AFD, "open", "()J");
    handle2_fn wake = (handle2_fn) fake_native(AFD, "wake", "(JJ)I");
    select_fn select = (select_fn) fake_native(AFD, "select", "(JLjava/nio/ByteBuffer;II)I");
    handle_fn close = (handle_fn) fake_native(AFD, "close", "(J)I");
    CHECK(open != NULL && wake != NULL && select != NULL && close != NULL);
    CHECK(open != glue.open);   /* the DLL's copy, not this program's */
    jlong h = open(fake_env, NULL);
    CHECK(h > 0);
    _Alignas(8) unsigned char raw[16];
    uint64_t data = 0;
    CHECK_RC(wake(fake_env, NULL, h, 31), 0);
    CHECK_RC(select(fake_env, NULL, h, fake_direct(raw, sizeof(raw)), 1, WAIT_MS), 1);
    memcpy(&data, raw, 8);
    CHECK_RC(data, 31);
    CHECK_RC(close(fake_env, NULL, h), 0);
    CHECK_RC(close(fake_env, NULL, h), BAD_HANDLE);
    return 1;
}

struct test_case {
    const char *name;
    int (*run)(void);
};

static const struct test_case cases[] = {
    { "onload_registers_every_table", onload_registers_every_table },
    { "describe_natives_lists_every_registered_method", describe_natives_lists_every_registered_method },
    { "errno_names_map_to_winsock_codes", errno_names_map_to_winsock_codes },
    { "strerror_is_one_line_of_text", strerror_is_one_line_of_text },
    { "layout_constants_are_reported", layout_constants_are_reported },
    { "selector_handles_are_checked", selector_handles_are_checked },
    { "select_checks_its_buffer", select_checks_its_buffer },
    { "stream_round_trip", stream_round_trip },
    { "would_block_rearms_through_glue", would_block_rearms_through_glue },
    { "wake_carries_its_data", wake_carries_its_data },
    { "socket_arguments_are_checked", socket_arguments_are_checked },
    { "udp_and_vectored_io", udp_and_vectored_io },
    { "options_and_shutdown", options_and_shutdown },
    { "onload_binds_a_relocated_copy_under_its_package", onload_binds_a_relocated_copy_under_its_package },
    { "the_dll_loads_and_its_natives_work", the_dll_loads_and_its_natives_work },
};

int main(void) {
    int passed = 0, failed = 0;
    setvbuf(stdout, NULL, _IONBF, 0);
    fake_jni_init();
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        ULONGLONG start = GetTickCount64();
        int ok = cases[i].run();
        close_tracked();
        fake_jni_release_objects();
        printf("%s %s (%llu ms)\n", ok ? "ok  " : "FAIL", cases[i].name,
               (unsigned long long) (GetTickCount64() - start));
        if (ok) passed++;
        else failed++;
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
