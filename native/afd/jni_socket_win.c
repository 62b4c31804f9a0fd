/* io.mio4j.internal.afd.WinSocketNative: the Winsock calls of socket_win.h for Java.
 * A SOCKET crosses as a jlong. Addresses cross as byte[] in the layout of
 * io.mio4j.internal.unix.SockAddr (the Unix natives' layout), converted here to and
 * from struct mio4j_win_addr, so the Java address code is shared:
 *   [0] kind (0 none, 4 IPv4, 6 IPv6), [1..2] port, [3..6] scope id (both big-endian),
 *   [7..10] or [7..22] the address bytes. */
#include <winsock2.h>
#include <windows.h>
#include <string.h>

#include "jni_win.h"
#include "socket_win.h"

#define BAD_ARGUMENT ((jint) -WSAEINVAL)
#define ADDR_HEADER 7
#define ADDR_MAX_OUT (ADDR_HEADER + 16)

static int bad_socket(jlong socket) {
    return socket < 0;   /* INVALID_SOCKET is -1 as a jlong */
}

/* byte[] (SockAddr layout) -> our struct; 0, or -WSAEFAULT / -WSAEAFNOSUPPORT. */
static jint addr_in(JNIEnv *env, jbyteArray array, struct mio4j_win_addr *out) {
    memset(out, 0, sizeof(*out));
    if (array == NULL) {
        return -WSAEFAULT;
    }
    jint length = (*env)->GetArrayLength(env, array);
    jbyte raw[ADDR_MAX_OUT];
    if (length < ADDR_HEADER) {
        return -WSAEFAULT;
    }
    (*env)->GetByteArrayRegion(env, array, 0, length < ADDR_MAX_OUT ? length : ADDR_MAX_OUT, raw);
    const uint8_t *b = (const uint8_t *) raw;
    int bytes = b[0] == 4 ? 4 : b[0] == 6 ? 16 : 0;
    if (bytes == 0) {
        return -WSAEAFNOSUPPORT;
    }
    if (length < ADDR_HEADER + bytes) {
        return -WSAEFAULT;
    }
    out->family = b[0] == 4 ? MIO4J_WIN_FAMILY_V4 : MIO4J_WIN_FAMILY_V6;
    out->port = (uint16_t) ((b[1] << 8) | b[2]);
    out->scope_id = ((uint32_t) b[3] << 24) | ((uint32_t) b[4] << 16) | ((uint32_t) b[5] << 8) | b[6];
    memcpy(out->addr, b + ADDR_HEADER, (size_t) bytes);
    return 0;
}

/* Our struct -> byte[] (SockAddr layout); the array must hold ADDR_MAX_OUT bytes. */
static void addr_out(JNIEnv *env, jbyteArray array, const struct mio4j_win_addr *in) {
    uint8_t b[ADDR_MAX_OUT];
    memset(b, 0, sizeof(b));
    if (in->family == MIO4J_WIN_FAMILY_V4 || in->family == MIO4J_WIN_FAMILY_V6) {
        b[0] = in->family == MIO4J_WIN_FAMILY_V4 ? 4 : 6;
        b[1] = (uint8_t) (in->port >> 8);
        b[2] = (uint8_t) in->port;
        b[3] = (uint8_t) (in->scope_id >> 24);
        b[4] = (uint8_t) (in->scope_id >> 16);
        b[5] = (uint8_t) (in->scope_id >> 8);
        b[6] = (uint8_t) in->scope_id;
        memcpy(b + ADDR_HEADER, in->addr, in->family == MIO4J_WIN_FAMILY_V4 ? 4 : 16);
    }
    (*env)->SetByteArrayRegion(env, array, 0, ADDR_MAX_OUT, (const jbyte *) b);
}

static int output_array_ok(JNIEnv *env, jbyteArray array) {
    return array != NULL && (*env)->GetArrayLength(env, array) >= ADDR_MAX_OUT;
}

static const struct mio4j_constant socket_constants[] = {
    { "FAMILY_V4", MIO4J_WIN_FAMILY_V4 }, { "FAMILY_V6", MIO4J_WIN_FAMILY_V6 },
    { "STREAM", MIO4J_WIN_STREAM }, { "DATAGRAM", MIO4J_WIN_DATAGRAM },
    { "PEEK", MIO4J_WIN_PEEK },
    { "SHUT_READ", MIO4J_WIN_SHUT_READ }, { "SHUT_WRITE", MIO4J_WIN_SHUT_WRITE },
    { "SHUT_BOTH", MIO4J_WIN_SHUT_BOTH },
    { "IOV_MAX", MIO4J_WIN_IOV_MAX }, { "ADDRESS_SIZE", ADDR_MAX_OUT },
    { "OPT_REUSEADDR", MIO4J_WIN_OPT_REUSEADDR },
    { "OPT_EXCLUSIVEADDRUSE", MIO4J_WIN_OPT_EXCLUSIVEADDRUSE },
    { "OPT_KEEPALIVE", MIO4J_WIN_OPT_KEEPALIVE }, { "OPT_RCVBUF", MIO4J_WIN_OPT_RCVBUF },
    { "OPT_SNDBUF", MIO4J_WIN_OPT_SNDBUF }, { "OPT_BROADCAST", MIO4J_WIN_OPT_BROADCAST },
    { "OPT_LINGER", MIO4J_WIN_OPT_LINGER }, { "OPT_ERROR", MIO4J_WIN_OPT_ERROR },
    { "OPT_TCP_NODELAY", MIO4J_WIN_OPT_TCP_NODELAY },
    { "OPT_TCP_KEEPIDLE", MIO4J_WIN_OPT_TCP_KEEPIDLE },
    { "OPT_TCP_KEEPINTVL", MIO4J_WIN_OPT_TCP_KEEPINTVL },
    { "OPT_TCP_KEEPCNT", MIO4J_WIN_OPT_TCP_KEEPCNT },
    { "OPT_IP_TTL", MIO4J_WIN_OPT_IP_TTL },
    { "OPT_IPV6_UNICAST_HOPS", MIO4J_WIN_OPT_IPV6_UNICAST_HOPS },
    { "OPT_IP_MULTICAST_TTL", MIO4J_WIN_OPT_IP_MULTICAST_TTL },
    { "OPT_IP_MULTICAST_LOOP", MIO4J_WIN_OPT_IP_MULTICAST_LOOP },
    { "OPT_IPV6_MULTICAST_LOOP", MIO4J_WIN_OPT_IPV6_MULTICAST_LOOP },
    { "OPT_IPV6_V6ONLY", MIO4J_WIN_OPT_IPV6_V6ONLY },
};

static jlong socket_constant(JNIEnv *env, jclass clazz, jstring name) {
    (void) clazz;
    return mio4j_constant_lookup(env, name, socket_constants, MIO4J_COUNT(socket_constants));
}

static jlong socket_open(JNIEnv *env, jclass clazz, jint family, jint type) {
    (void) env;
    (void) clazz;
    return mio4j_win_socket(family, type);
}

static jint socket_close(JNIEnv *env, jclass clazz, jlong s) {
    (void) env;
    (void) clazz;
    return bad_socket(s) ? -WSAENOTSOCK : mio4j_win_closesocket((SOCKET) s);
}

static jint socket_bind(JNIEnv *env, jclass clazz, jlong s, jbyteArray address) {
    (void) clazz;
    struct mio4j_win_addr a;
    jint rc = addr_in(env, address, &a);
    if (rc < 0) {
        return rc;
    }
    return bad_socket(s) ? -WSAENOTSOCK : mio4j_win_bind((SOCKET) s, &a);
}

static jint socket_listen(JNIEnv *env, jclass clazz, jlong s, jint backlog) {
    (void) env;
    (void) clazz;
    return bad_socket(s) ? -WSAENOTSOCK : mio4j_win_listen((SOCKET) s, backlog);
}

/* 0: connected; 1: in progress. */
static jint socket_connect(JNIEnv *env, jclass clazz, jlong s, jbyteArray address) {
    (void) clazz;
    struct mio4j_win_addr a;
    jint rc = addr_in(env, address, &a);
    if (rc < 0) {
        return rc;
    }
    return bad_socket(s) ? -WSAENOTSOCK : mio4j_win_connect((SOCKET) s, &a);
}

/* The accepted SOCKET; the peer's address goes to address (may be null). */
static jlong socket_accept(JNIEnv *env, jclass clazz, jlong s, jbyteArray address) {
    (void) clazz;
    if (bad_socket(s)) {
        return -WSAENOTSOCK;
    }
    if (address != NULL && !output_array_ok(env, address)) {
        return BAD_ARGUMENT;
    }
    struct mio4j_win_addr peer;
    memset(&peer, 0, sizeof(peer));
    jlong rc = mio4j_win_accept((SOCKET) s, &peer);
    if (rc >= 0 && address != NULL) {
        addr_out(env, address, &peer);
    }
    return rc;
}

static jint socket_name(JNIEnv *env, jlong s, jbyteArray address, int peer) {
    if (bad_socket(s)) {
        return -WSAENOTSOCK;
    }
    if (!output_array_ok(env, address)) {
        return BAD_ARGUMENT;
    }
    struct mio4j_win_addr a;
    jint rc = peer ? mio4j_win_getpeername((SOCKET) s, &a) : mio4j_win_getsockname((SOCKET) s, &a);
    if (rc >= 0) {
        addr_out(env, address, &a);
    }
    return rc;
}

static jint socket_local_address(JNIEnv *env, jclass clazz, jlong s, jbyteArray address) {
    (void) clazz;
    return socket_name(env, s, address, 0);
}

/* -WSAENOTCONN while not connected. */
static jint socket_peer_address(JNIEnv *env, jclass clazz, jlong s, jbyteArray address) {
    (void) clazz;
    return socket_name(env, s, address, 1);
}

static jint socket_shutdown(JNIEnv *env, jclass clazz, jlong s, jint how) {
    (void) env;
    (void) clazz;
    return bad_socket(s) ? -WSAENOTSOCK : mio4j_win_shutdown((SOCKET) s, how);
}

static jint socket_get_option(JNIEnv *env, jclass clazz, jlong s, jint option, jintArray value) {
    (void) clazz;
    if (bad_socket(s)) {
        return -WSAENOTSOCK;
    }
    if (value == NULL || (*env)->GetArrayLength(env, value) < 1) {
        return BAD_ARGUMENT;
    }
    int32_t v = 0;
    jint rc = mio4j_win_getsockopt((SOCKET) s, option, &v);
    if (rc >= 0) {
        jint out = v;
        (*env)->SetIntArrayRegion(env, value, 0, 1, &out);
    }
    return rc;
}

static jint socket_set_option(JNIEnv *env, jclass clazz, jlong s, jint option, jint value) {
    (void) env;
    (void) clazz;
    return bad_socket(s) ? -WSAENOTSOCK : mio4j_win_setsockopt((SOCKET) s, option, value);
}

/* recv into [pos, pos + len) of a direct buffer; flags 0 or PEEK. */
static jint socket_recv(JNIEnv *env, jclass clazz, jlong s, jobject buffer, jint pos, jint len,
                        jint flags) {
    (void) clazz;
    void *at = mio4j_buffer_range(env, buffer, pos, len);
    if (at == NULL) {
        return BAD_ARGUMENT;
    }
    return bad_socket(s) ? -WSAENOTSOCK : mio4j_win_recv((SOCKET) s, at, len, flags);
}

static jint socket_send(JNIEnv *env, jclass clazz, jlong s, jobject buffer, jint pos, jint len) {
    (void) clazz;
    void *at = mio4j_buffer_range(env, buffer, pos, len);
    if (at == NULL) {
        return BAD_ARGUMENT;
    }
    return bad_socket(s) ? -WSAENOTSOCK : mio4j_win_send((SOCKET) s, at, len);
}

static jint socket_recv_from(JNIEnv *env, jclass clazz, jlong s, jobject buffer, jint pos,
                             jint len, jint flags, jbyteArray address) {
    (void) clazz;
    void *at = mio4j_buffer_range(env, buffer, pos, len);
    if (at == NULL || !output_array_ok(env, address)) {
        return BAD_ARGUMENT;
    }
    if (bad_socket(s)) {
        return -WSAENOTSOCK;
    }
    struct mio4j_win_addr from;
    jint rc = mio4j_win_recvfrom((SOCKET) s, at, len, flags, &from);
    if (rc >= 0) {
        addr_out(env, address, &from);
    }
    return rc;
}

static jint socket_send_to(JNIEnv *env, jclass clazz, jlong s, jobject buffer, jint pos,
                           jint len, jbyteArray address) {
    (void) clazz;
    void *at = mio4j_buffer_range(env, buffer, pos, len);
    if (at == NULL) {
        return BAD_ARGUMENT;
    }
    struct mio4j_win_addr to;
    jint rc = addr_in(env, address, &to);
    if (rc < 0) {
        return rc;
    }
    return bad_socket(s) ? -WSAENOTSOCK : mio4j_win_sendto((SOCKET) s, at, len, &to);
}

/* count (buffer, position, length) triples of direct buffers -> iov; count, or
 * BAD_ARGUMENT when an array is short, count is outside 1..IOV_MAX or a range lies
 * outside its buffer. */
static jint fill_iov(JNIEnv *env, struct mio4j_win_iov *iov, jobjectArray buffers,
                     jintArray positions, jintArray lengths, jint count) {
    if (buffers == NULL || positions == NULL || lengths == NULL || count < 1
            || count > MIO4J_WIN_IOV_MAX
            || (*env)->GetArrayLength(env, buffers) < count
            || (*env)->GetArrayLength(env, positions) < count
            || (*env)->GetArrayLength(env, lengths) < count) {
        return BAD_ARGUMENT;
    }
    jint pos[MIO4J_WIN_IOV_MAX];
    jint len[MIO4J_WIN_IOV_MAX];
    (*env)->GetIntArrayRegion(env, positions, 0, count, pos);
    (*env)->GetIntArrayRegion(env, lengths, 0, count, len);
    for (jint i = 0; i < count; i++) {
        jobject buf = (*env)->GetObjectArrayElement(env, buffers, i);
        void *at = mio4j_buffer_range(env, buf, pos[i], len[i]);
        (*env)->DeleteLocalRef(env, buf);
        if (at == NULL) {
            return BAD_ARGUMENT;
        }
        iov[i].address = (uint64_t) (uintptr_t) at;
        iov[i].length = (uint32_t) len[i];
        iov[i].pad = 0;
    }
    return count;
}

static jint socket_recvv(JNIEnv *env, jclass clazz, jlong s, jobjectArray buffers,
                         jintArray positions, jintArray lengths, jint count) {
    (void) clazz;
    struct mio4j_win_iov iov[MIO4J_WIN_IOV_MAX];
    jint n = fill_iov(env, iov, buffers, positions, lengths, count);
    if (n < 0) {
        return n;
    }
    return bad_socket(s) ? -WSAENOTSOCK : mio4j_win_recvv((SOCKET) s, iov, n);
}

static jint socket_sendv(JNIEnv *env, jclass clazz, jlong s, jobjectArray buffers,
                         jintArray positions, jintArray lengths, jint count) {
    (void) clazz;
    struct mio4j_win_iov iov[MIO4J_WIN_IOV_MAX];
    jint n = fill_iov(env, iov, buffers, positions, lengths, count);
    if (n < 0) {
        return n;
    }
    return bad_socket(s) ? -WSAENOTSOCK : mio4j_win_sendv((SOCKET) s, iov, n);
}

/* group: 4 bytes; iface: 4 bytes or null (any). join: 1 join, 0 leave. */
static jint socket_multicast_v4(JNIEnv *env, jclass clazz, jlong s, jbyteArray group,
                                jbyteArray iface, jint join) {
    (void) clazz;
    jbyte g[4], i[4];
    if (group == NULL || (*env)->GetArrayLength(env, group) != 4
            || (iface != NULL && (*env)->GetArrayLength(env, iface) != 4)) {
        return BAD_ARGUMENT;
    }
    if (bad_socket(s)) {
        return -WSAENOTSOCK;
    }
    (*env)->GetByteArrayRegion(env, group, 0, 4, g);
    if (iface != NULL) {
        (*env)->GetByteArrayRegion(env, iface, 0, 4, i);
    }
    return mio4j_win_multicast_v4((SOCKET) s, (const uint8_t *) g,
                                  iface != NULL ? (const uint8_t *) i : NULL, join != 0);
}

/* group: 16 bytes; an interface index (0: the system's choice). */
static jint socket_multicast_v6(JNIEnv *env, jclass clazz, jlong s, jbyteArray group,
                                jint iface_index, jint join) {
    (void) clazz;
    jbyte g[16];
    if (group == NULL || (*env)->GetArrayLength(env, group) != 16 || iface_index < 0) {
        return BAD_ARGUMENT;
    }
    if (bad_socket(s)) {
        return -WSAENOTSOCK;
    }
    (*env)->GetByteArrayRegion(env, group, 0, 16, g);
    return mio4j_win_multicast_v6((SOCKET) s, (const uint8_t *) g, (uint32_t) iface_index,
                                  join != 0);
}

static const JNINativeMethod socket_methods[] = {
    MIO4J_NATIVE("constant", "(Ljava/lang/String;)J", socket_constant),
    MIO4J_NATIVE("socket", "(II)J", socket_open),
    MIO4J_NATIVE("close", "(J)I", socket_close),
    MIO4J_NATIVE("bind", "(J[B)I", socket_bind),
    MIO4J_NATIVE("listen", "(JI)I", socket_listen),
    MIO4J_NATIVE("connect", "(J[B)I", socket_connect),
    MIO4J_NATIVE("accept", "(J[B)J", socket_accept),
    MIO4J_NATIVE("localAddress", "(J[B)I", socket_local_address),
    MIO4J_NATIVE("peerAddress", "(J[B)I", socket_peer_address),
    MIO4J_NATIVE("shutdown", "(JI)I", socket_shutdown),
    MIO4J_NATIVE("getIntOption", "(JI[I)I", socket_get_option),
    MIO4J_NATIVE("setIntOption", "(JII)I", socket_set_option),
    MIO4J_NATIVE("recv", "(JLjava/nio/ByteBuffer;III)I", socket_recv),
    MIO4J_NATIVE("send", "(JLjava/nio/ByteBuffer;II)I", socket_send),
    MIO4J_NATIVE("recvFrom", "(JLjava/nio/ByteBuffer;III[B)I", socket_recv_from),
    MIO4J_NATIVE("sendTo", "(JLjava/nio/ByteBuffer;II[B)I", socket_send_to),
    MIO4J_NATIVE("recvv", "(J[Ljava/nio/ByteBuffer;[I[II)I", socket_recvv),
    MIO4J_NATIVE("sendv", "(J[Ljava/nio/ByteBuffer;[I[II)I", socket_sendv),
    MIO4J_NATIVE("multicastV4", "(J[B[BI)I", socket_multicast_v4),
    MIO4J_NATIVE("multicastV6", "(J[BII)I", socket_multicast_v6),
};

const struct mio4j_natives mio4j_win_socket_natives = {
    "io/mio4j/internal/afd/WinsockCallsJni", socket_methods, MIO4J_COUNT(socket_methods)
};
