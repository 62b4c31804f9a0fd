#include "sockaddr.h"
#include "compat.h"

#include <netinet/in.h>
#include <string.h>
#include <sys/un.h>

static uint16_t get16(const jbyte *b) {
    return (uint16_t) (((uint8_t) b[0] << 8) | (uint8_t) b[1]);
}

static uint32_t get32(const jbyte *b) {
    return ((uint32_t) (uint8_t) b[0] << 24) | ((uint32_t) (uint8_t) b[1] << 16)
           | ((uint32_t) (uint8_t) b[2] << 8) | (uint32_t) (uint8_t) b[3];
}

static void put16(jbyte *b, uint16_t v) {
    b[0] = (jbyte) (v >> 8);
    b[1] = (jbyte) v;
}

static void put32(jbyte *b, uint32_t v) {
    b[0] = (jbyte) (v >> 24);
    b[1] = (jbyte) (v >> 16);
    b[2] = (jbyte) (v >> 8);
    b[3] = (jbyte) v;
}

int mio4j_sockaddr_decode(JNIEnv *env, jbyteArray in,
                          struct sockaddr_storage *out, socklen_t *len) {
    if (in == NULL) {
        return -EINVAL;
    }
    jsize size = (*env)->GetArrayLength(env, in);
    if (size < 3 || size > MIO4J_SOCKADDR_MAX) {
        return -EINVAL;
    }
    jbyte b[MIO4J_SOCKADDR_MAX];
    (*env)->GetByteArrayRegion(env, in, 0, size, b);
    memset(out, 0, sizeof(*out));
    switch (b[0]) {
    case MIO4J_KIND_INET4: {
        if (size < 7 + 4) {
            return -EINVAL;
        }
        struct sockaddr_in *sin = (struct sockaddr_in *) out;
#ifdef MIO4J_HAVE_SA_LEN
        sin->sin_len = sizeof(*sin);
#endif
        sin->sin_family = AF_INET;
        sin->sin_port = htons(get16(b + 1));
        memcpy(&sin->sin_addr, b + 7, 4);
        *len = sizeof(*sin);
        return 0;
    }
    case MIO4J_KIND_INET6: {
        if (size < 7 + 16) {
            return -EINVAL;
        }
        struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *) out;
#ifdef MIO4J_HAVE_SA_LEN
        sin6->sin6_len = sizeof(*sin6);
#endif
        sin6->sin6_family = AF_INET6;
        sin6->sin6_port = htons(get16(b + 1));
        sin6->sin6_scope_id = get32(b + 3);
        memcpy(&sin6->sin6_addr, b + 7, 16);
        *len = sizeof(*sin6);
        return 0;
    }
    case MIO4J_KIND_UNIX: {
        /* un, not sun: compilers for illumos predefine sun as a macro. */
        struct sockaddr_un *un = (struct sockaddr_un *) out;
        uint16_t path_len = get16(b + 1);
        if (path_len > size - 3) {
            return -EINVAL;
        }
        /* A pathname needs its terminating NUL inside sun_path; an abstract name
         * (leading NUL, Linux only) is counted by length and needs none. */
#ifdef MIO4J_HAVE_ABSTRACT_UNIX
        int abstract = path_len > 0 && b[3] == 0;
#else
        int abstract = 0;
#endif
        if (path_len + (abstract ? 0 : 1) > (int) sizeof(un->sun_path)) {
            return -ENAMETOOLONG;
        }
        un->sun_family = AF_UNIX;
        memcpy(un->sun_path, b + 3, path_len);
        *len = (socklen_t) (offsetof(struct sockaddr_un, sun_path) + path_len
                            + (abstract || path_len == 0 ? 0 : 1));
#ifdef MIO4J_HAVE_SA_LEN
        un->sun_len = (uint8_t) *len;   /* at most sizeof(struct sockaddr_un) */
#endif
        return 0;
    }
    default:
        return -EINVAL;
    }
}

int mio4j_sockaddr_encode(JNIEnv *env, const struct sockaddr_storage *sa, socklen_t len,
                          jbyteArray out) {
    if (out == NULL || (*env)->GetArrayLength(env, out) < MIO4J_SOCKADDR_MAX) {
        return -EINVAL;
    }
    jbyte b[MIO4J_SOCKADDR_MAX];
    memset(b, 0, sizeof(b));
    jsize used = 3;
    if (len == 0) {
        b[0] = MIO4J_KIND_NONE;
    } else if (sa->ss_family == AF_INET && len >= sizeof(struct sockaddr_in)) {
        const struct sockaddr_in *sin = (const struct sockaddr_in *) sa;
        b[0] = MIO4J_KIND_INET4;
        put16(b + 1, ntohs(sin->sin_port));
        memcpy(b + 7, &sin->sin_addr, 4);
        used = 7 + 4;
    } else if (sa->ss_family == AF_INET6 && len >= sizeof(struct sockaddr_in6)) {
        const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *) sa;
        b[0] = MIO4J_KIND_INET6;
        put16(b + 1, ntohs(sin6->sin6_port));
        put32(b + 3, sin6->sin6_scope_id);
        memcpy(b + 7, &sin6->sin6_addr, 16);
        used = 7 + 16;
    } else if (sa->ss_family == AF_UNIX) {
        const struct sockaddr_un *un = (const struct sockaddr_un *) sa;
        size_t offset = offsetof(struct sockaddr_un, sun_path);
        size_t path_len = len > offset ? len - offset : 0;
        if (path_len > sizeof(un->sun_path)) {
            path_len = sizeof(un->sun_path);
        }
        /* A pathname's reported length may include its NUL (or trailing bytes). */
        if (path_len > 0 && un->sun_path[0] != 0) {
            path_len = strnlen(un->sun_path, path_len);
        }
#ifndef MIO4J_HAVE_ABSTRACT_UNIX
        else {
            path_len = 0;   /* an unbound socket's address: zeros after the family */
        }
#endif
        b[0] = MIO4J_KIND_UNIX;
        put16(b + 1, (uint16_t) path_len);
        memcpy(b + 3, un->sun_path, path_len);
        used = (jsize) (3 + path_len);
    } else {
        return -EAFNOSUPPORT;
    }
    (*env)->SetByteArrayRegion(env, out, 0, used, b);
    return 0;
}
