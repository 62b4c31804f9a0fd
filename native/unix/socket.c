/* BSD socket calls for io.mio4j.net on every Unix. Every socket is non-blocking and
 * close-on-exec (compat.c); sends never raise SIGPIPE: MSG_NOSIGNAL on each send where it
 * exists, SO_NOSIGPIPE on every socket where that exists (compat.h). */
#include "checks.h"
#include "compat.h"
#include "iovec.h"
#include "sockaddr.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/un.h>
#include <unistd.h>

/* The sockets Java opens: IPv4, IPv6 and Unix, stream or datagram, protocol 0. */
static int is_our_type(jint type) {
    return type == SOCK_STREAM || type == SOCK_DGRAM;
}

static jint socket_open(JNIEnv *env, jclass clazz, jint family, jint type, jint protocol) {
    (void) env; (void) clazz;
    if ((family != AF_INET && family != AF_INET6 && family != AF_UNIX) || !is_our_type(type)
            || protocol != 0) {
        return -EINVAL;
    }
    int fd = mio4j_unix_socket(family, type, protocol);
    return fd >= 0 ? fd : mio4j_neg_errno();
}

static jint socket_pair(JNIEnv *env, jclass clazz, jint family, jint type, jintArray out) {
    (void) clazz;
    if (family != AF_UNIX || !is_our_type(type) || out == NULL
            || (*env)->GetArrayLength(env, out) < 2) {
        return -EINVAL;
    }
    int fds[2];
    if (mio4j_unix_socketpair(family, type, fds) != 0) {
        return mio4j_neg_errno();
    }
    jint values[2] = { fds[0], fds[1] };
    (*env)->SetIntArrayRegion(env, out, 0, 2, values);
    return 0;
}

static jint socket_bind(JNIEnv *env, jclass clazz, jint fd, jbyteArray address) {
    (void) clazz;
    if (fd < 0) {
        return -EBADF;
    }
    struct sockaddr_storage sa;
    socklen_t len;
    int rc = mio4j_sockaddr_decode(env, address, &sa, &len);
    if (rc < 0) {
        return rc;
    }
    return bind(fd, (struct sockaddr *) &sa, len) == 0 ? 0 : mio4j_neg_errno();
}

/* 0 when connected, -EINPROGRESS while a non-blocking connect goes on. */
static jint socket_connect(JNIEnv *env, jclass clazz, jint fd, jbyteArray address) {
    (void) clazz;
    if (fd < 0) {
        return -EBADF;
    }
    struct sockaddr_storage sa;
    socklen_t len;
    int rc = mio4j_sockaddr_decode(env, address, &sa, &len);
    if (rc < 0) {
        return rc;
    }
    return connect(fd, (struct sockaddr *) &sa, len) == 0 ? 0 : mio4j_neg_errno();
}

/* Any backlog: listen(2) itself bounds it (Linux and the BSDs to SOMAXCONN, a negative
 * one to 0 or the maximum), and TcpSocket.listen passes the user's. */
static jint socket_listen(JNIEnv *env, jclass clazz, jint fd, jint backlog) {
    (void) env; (void) clazz;
    if (fd < 0) {
        return -EBADF;
    }
    return listen(fd, backlog) == 0 ? 0 : mio4j_neg_errno();
}

/* The new descriptor (non-blocking, close-on-exec); its peer goes to address. */
static jint socket_accept(JNIEnv *env, jclass clazz, jint fd, jbyteArray address) {
    (void) clazz;
    if (fd < 0) {
        return -EBADF;
    }
    if (address == NULL || (*env)->GetArrayLength(env, address) < MIO4J_SOCKADDR_MAX) {
        return -EINVAL;
    }
    struct sockaddr_storage sa;
    socklen_t len = sizeof(sa);
    int accepted = mio4j_unix_accept(fd, (struct sockaddr *) &sa, &len);
    if (accepted < 0) {
        return mio4j_neg_errno();
    }
    if (mio4j_sockaddr_encode(env, &sa, len, address) < 0) {
        /* The peer went away before accept could name it: report an empty name. */
        memset(&sa, 0, sizeof(sa));
        mio4j_sockaddr_encode(env, &sa, 0, address);
    }
    return accepted;
}

static jint socket_name(JNIEnv *env, jint fd, jbyteArray address, int peer) {
    if (fd < 0) {
        return -EBADF;
    }
    if (address == NULL || (*env)->GetArrayLength(env, address) < MIO4J_SOCKADDR_MAX) {
        return -EINVAL;
    }
    struct sockaddr_storage sa;
    socklen_t len = sizeof(sa);
    int rc = peer ? getpeername(fd, (struct sockaddr *) &sa, &len)
                  : getsockname(fd, (struct sockaddr *) &sa, &len);
    if (rc != 0) {
        return mio4j_neg_errno();
    }
    return mio4j_sockaddr_encode(env, &sa, len, address);
}

static jint socket_local_address(JNIEnv *env, jclass clazz, jint fd, jbyteArray address) {
    (void) clazz;
    return socket_name(env, fd, address, 0);
}

static jint socket_peer_address(JNIEnv *env, jclass clazz, jint fd, jbyteArray address) {
    (void) clazz;
    return socket_name(env, fd, address, 1);
}

static jint socket_shutdown(JNIEnv *env, jclass clazz, jint fd, jint how) {
    (void) env; (void) clazz;
    if (fd < 0) {
        return -EBADF;
    }
    if (how != SHUT_RD && how != SHUT_WR && how != SHUT_RDWR) {
        return -EINVAL;
    }
    return shutdown(fd, how) == 0 ? 0 : mio4j_neg_errno();
}

static jint socket_get_int_option(JNIEnv *env, jclass clazz, jint fd, jint level,
                                  jint name, jintArray value) {
    (void) clazz;
    if (fd < 0) {
        return -EBADF;
    }
    if (!mio4j_unix_is_int_option(level, name) || value == NULL
            || (*env)->GetArrayLength(env, value) < 1) {
        return -EINVAL;
    }
    int v = 0;
    socklen_t len = sizeof(v);
    if (getsockopt(fd, level, name, &v, &len) != 0) {
        return mio4j_neg_errno();
    }
    jint out = v;
    (*env)->SetIntArrayRegion(env, value, 0, 1, &out);
    return 0;
}

static jint socket_set_int_option(JNIEnv *env, jclass clazz, jint fd, jint level,
                                  jint name, jint value) {
    (void) env; (void) clazz;
    if (fd < 0) {
        return -EBADF;
    }
    if (!mio4j_unix_is_int_option(level, name)) {
        return -EINVAL;
    }
    int v = value;
    return setsockopt(fd, level, name, &v, sizeof(v)) == 0 ? 0 : mio4j_neg_errno();
}

/* SO_LINGER as two ints: out[0] on (0/1), out[1] seconds (compat.h: seconds everywhere). */
static jint socket_get_linger(JNIEnv *env, jclass clazz, jint fd, jintArray out) {
    (void) clazz;
    if (fd < 0) {
        return -EBADF;
    }
    if (out == NULL || (*env)->GetArrayLength(env, out) < 2) {
        return -EINVAL;
    }
    struct linger l;
    memset(&l, 0, sizeof(l));
    socklen_t len = sizeof(l);
    if (getsockopt(fd, SOL_SOCKET, MIO4J_SO_LINGER, &l, &len) != 0) {
        return mio4j_neg_errno();
    }
    jint values[2] = { l.l_onoff != 0, l.l_linger };
    (*env)->SetIntArrayRegion(env, out, 0, 2, values);
    return 0;
}

static jint socket_set_linger(JNIEnv *env, jclass clazz, jint fd, jboolean on, jint seconds) {
    (void) env; (void) clazz;
    if (fd < 0) {
        return -EBADF;
    }
    if (seconds < 0) {
        return -EINVAL;
    }
    struct linger l;
    memset(&l, 0, sizeof(l));
    l.l_onoff = on ? 1 : 0;
    l.l_linger = seconds;
    return setsockopt(fd, SOL_SOCKET, MIO4J_SO_LINGER, &l, sizeof(l)) == 0 ? 0 : mio4j_neg_errno();
}

/* The socket's address family (AF_INET, AF_INET6, AF_UNIX), from getsockname. */
static jint socket_family(JNIEnv *env, jclass clazz, jint fd) {
    (void) env; (void) clazz;
    if (fd < 0) {
        return -EBADF;
    }
    struct sockaddr_storage sa;
    memset(&sa, 0, sizeof(sa));
    socklen_t len = sizeof(sa);
    if (getsockname(fd, (struct sockaddr *) &sa, &len) != 0) {
        return mio4j_neg_errno();
    }
    return sa.ss_family;
}

static jint socket_send(JNIEnv *env, jclass clazz, jint fd, jobject buf, jint pos,
                        jint len, jint flags) {
    (void) clazz;
    if (fd < 0) {
        return -EBADF;
    }
    const void *at = mio4j_buffer_range(env, buf, pos, len);
    /* Java sends no flag: MSG_NOSIGNAL is ours. */
    if (at == NULL || flags != 0) {
        return -EINVAL;
    }
    ssize_t n = send(fd, at, (size_t) len, MIO4J_MSG_NOSIGNAL);
    return n >= 0 ? (jint) n : mio4j_neg_errno();
}

static jint socket_recv(JNIEnv *env, jclass clazz, jint fd, jobject buf, jint pos,
                        jint len, jint flags) {
    (void) clazz;
    if (fd < 0) {
        return -EBADF;
    }
    void *at = mio4j_buffer_range(env, buf, pos, len);
    if (at == NULL) {
        return -EINVAL;
    }
    int rc = mio4j_unix_check_recv_flags(fd, flags);
    if (rc < 0) {
        return rc;
    }
    /* With MSG_TRUNC, a datagram's full length, which may exceed len. */
    ssize_t n = recv(fd, at, (size_t) len, flags);
    return n >= 0 ? (n > INT32_MAX ? INT32_MAX : (jint) n) : mio4j_neg_errno();
}

static jlong socket_sendv(JNIEnv *env, jclass clazz, jint fd, jobjectArray buffers,
                          jintArray positions, jintArray lengths, jint count) {
    (void) clazz;
    if (fd < 0) {
        return -EBADF;
    }
    struct iovec iov[MIO4J_IOV_MAX];
    int filled = mio4j_fill_iovec(env, iov, buffers, positions, lengths, count);
    if (filled < 0) {
        return filled;
    }
    struct msghdr msg;
    memset(&msg, 0, sizeof(msg));
    msg.msg_iov = iov;
    msg.msg_iovlen = (size_t) filled;
    ssize_t n = sendmsg(fd, &msg, MIO4J_MSG_NOSIGNAL);
    return n >= 0 ? (jlong) n : mio4j_neg_errno();
}

static const JNINativeMethod socket_methods[] = {
    MIO4J_NATIVE("socket", "(III)I", socket_open),
    MIO4J_NATIVE("socketpair", "(II[I)I", socket_pair),
    MIO4J_NATIVE("bind", "(I[B)I", socket_bind),
    MIO4J_NATIVE("connect", "(I[B)I", socket_connect),
    MIO4J_NATIVE("listen", "(II)I", socket_listen),
    MIO4J_NATIVE("accept", "(I[B)I", socket_accept),
    MIO4J_NATIVE("localAddress", "(I[B)I", socket_local_address),
    MIO4J_NATIVE("peerAddress", "(I[B)I", socket_peer_address),
    MIO4J_NATIVE("shutdown", "(II)I", socket_shutdown),
    MIO4J_NATIVE("getIntOption", "(III[I)I", socket_get_int_option),
    MIO4J_NATIVE("setIntOption", "(IIII)I", socket_set_int_option),
    MIO4J_NATIVE("send", "(ILjava/nio/ByteBuffer;III)I", socket_send),
    MIO4J_NATIVE("recv", "(ILjava/nio/ByteBuffer;III)I", socket_recv),
    MIO4J_NATIVE("sendv", "(I[Ljava/nio/ByteBuffer;[I[II)J", socket_sendv),
    MIO4J_NATIVE("getLinger", "(I[I)I", socket_get_linger),
    MIO4J_NATIVE("setLinger", "(IZI)I", socket_set_linger),
    MIO4J_NATIVE("family", "(I)I", socket_family),
};

const struct mio4j_natives mio4j_socket_natives = {
    "io/mio4j/internal/unix/PosixCallsJni", socket_methods, MIO4J_COUNT(socket_methods)
};
