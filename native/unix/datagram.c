/* Datagram calls for UdpSocket and UnixDatagram: sendto/recvfrom with an address
 * in our layout (sockaddr.h), and the multicast memberships, whose arguments are
 * structs that Java must not lay out itself. */
#include "checks.h"
#include "compat.h"
#include "sockaddr.h"

#include <netinet/in.h>
#include <string.h>

static jint datagram_send_to(JNIEnv *env, jclass clazz, jint fd, jobject buf, jint pos,
                             jint len, jbyteArray address) {
    (void) clazz;
    if (fd < 0) {
        return -EBADF;
    }
    const void *at = mio4j_buffer_range(env, buf, pos, len);
    if (at == NULL) {
        return -EINVAL;
    }
    struct sockaddr_storage sa;
    socklen_t sa_len;
    int rc = mio4j_sockaddr_decode(env, address, &sa, &sa_len);
    if (rc < 0) {
        return rc;
    }
    ssize_t n = sendto(fd, at, (size_t) len, MIO4J_MSG_NOSIGNAL, (struct sockaddr *) &sa, sa_len);
    return n >= 0 ? (jint) n : mio4j_neg_errno();
}

/* The datagram's length (with MSG_TRUNC in flags: its full length, even when only
 * len bytes were stored); the sender goes to address. */
static jint datagram_recv_from(JNIEnv *env, jclass clazz, jint fd, jobject buf, jint pos,
                               jint len, jint flags, jbyteArray address) {
    (void) clazz;
    if (fd < 0) {
        return -EBADF;
    }
    void *at = mio4j_buffer_range(env, buf, pos, len);
    if (at == NULL || address == NULL
            || (*env)->GetArrayLength(env, address) < MIO4J_SOCKADDR_MAX) {
        return -EINVAL;
    }
    int rc = mio4j_unix_check_recv_flags(fd, flags);
    if (rc < 0) {
        return rc;
    }
    struct sockaddr_storage sa;
    socklen_t sa_len = sizeof(sa);
    ssize_t n = recvfrom(fd, at, (size_t) len, flags, (struct sockaddr *) &sa, &sa_len);
    if (n < 0) {
        return mio4j_neg_errno();
    }
    if (mio4j_sockaddr_encode(env, &sa, sa_len, address) < 0) {
        /* A family we do not know: report no address rather than a wrong one. */
        mio4j_sockaddr_encode(env, &sa, 0, address);
    }
    return n > INT32_MAX ? INT32_MAX : (jint) n;
}

static int copy_bytes(JNIEnv *env, jbyteArray array, void *out, jsize size) {
    if (array == NULL || (*env)->GetArrayLength(env, array) != size) {
        return -EINVAL;
    }
    (*env)->GetByteArrayRegion(env, array, 0, size, (jbyte *) out);
    return 0;
}

/* option: IP_ADD_MEMBERSHIP or IP_DROP_MEMBERSHIP; group and iface: 4 bytes each
 * (iface 0.0.0.0: the OS picks the interface). */
static jint datagram_membership_v4(JNIEnv *env, jclass clazz, jint fd, jint option,
                                   jbyteArray group, jbyteArray iface) {
    (void) clazz;
    if (fd < 0) {
        return -EBADF;
    }
    if (option != IP_ADD_MEMBERSHIP && option != IP_DROP_MEMBERSHIP) {
        return -EINVAL;
    }
    struct ip_mreq mreq;
    memset(&mreq, 0, sizeof(mreq));
    if (copy_bytes(env, group, &mreq.imr_multiaddr, 4) < 0
            || copy_bytes(env, iface, &mreq.imr_interface, 4) < 0) {
        return -EINVAL;
    }
    return setsockopt(fd, IPPROTO_IP, option, &mreq, sizeof(mreq)) == 0 ? 0 : mio4j_neg_errno();
}

/* option: IPV6_JOIN_GROUP or IPV6_LEAVE_GROUP; group: 16 bytes; ifindex 0: the OS picks. */
static jint datagram_membership_v6(JNIEnv *env, jclass clazz, jint fd, jint option,
                                   jbyteArray group, jint ifindex) {
    (void) clazz;
    if (fd < 0) {
        return -EBADF;
    }
    if ((option != IPV6_JOIN_GROUP && option != IPV6_LEAVE_GROUP) || ifindex < 0) {
        return -EINVAL;
    }
    struct ipv6_mreq mreq;
    memset(&mreq, 0, sizeof(mreq));
    if (copy_bytes(env, group, &mreq.ipv6mr_multiaddr, 16) < 0) {
        return -EINVAL;
    }
    mreq.ipv6mr_interface = (unsigned int) ifindex;
    return setsockopt(fd, IPPROTO_IPV6, option, &mreq, sizeof(mreq)) == 0 ? 0 : mio4j_neg_errno();
}

static const JNINativeMethod datagram_methods[] = {
    MIO4J_NATIVE("sendTo", "(ILjava/nio/ByteBuffer;II[B)I", datagram_send_to),
    MIO4J_NATIVE("recvFrom", "(ILjava/nio/ByteBuffer;III[B)I", datagram_recv_from),
    MIO4J_NATIVE("membershipV4", "(II[B[B)I", datagram_membership_v4),
    MIO4J_NATIVE("membershipV6", "(II[BI)I", datagram_membership_v6),
};

const struct mio4j_natives mio4j_datagram_natives = {
    "io/mio4j/internal/unix/PosixCallsJni", datagram_methods, MIO4J_COUNT(datagram_methods)
};
