/* errno values and texts for io.mio4j.internal.Errno, the one Java place that turns
 * -errno into exceptions. Values differ between systems, so Java asks for them. */
#include "compat.h"
#include "mio4j.h"

static const struct mio4j_constant errno_constants[] = {
    MIO4J_CONSTANT(EAGAIN), MIO4J_CONSTANT(EWOULDBLOCK), MIO4J_CONSTANT(EINTR),
    MIO4J_CONSTANT(EINPROGRESS), MIO4J_CONSTANT(EALREADY), MIO4J_CONSTANT(EISCONN),
    MIO4J_CONSTANT(ECONNREFUSED), MIO4J_CONSTANT(ECONNRESET), MIO4J_CONSTANT(ECONNABORTED),
    MIO4J_CONSTANT(EADDRINUSE), MIO4J_CONSTANT(EADDRNOTAVAIL), MIO4J_CONSTANT(ENETUNREACH),
    MIO4J_CONSTANT(EHOSTUNREACH), MIO4J_CONSTANT(ENETDOWN), MIO4J_CONSTANT(ETIMEDOUT),
    MIO4J_CONSTANT(EBADF), MIO4J_CONSTANT(EPIPE), MIO4J_CONSTANT(ENOTCONN),
    MIO4J_CONSTANT(EINVAL), MIO4J_CONSTANT(EEXIST), MIO4J_CONSTANT(ENOENT),
    MIO4J_CONSTANT(EMFILE), MIO4J_CONSTANT(ENFILE), MIO4J_CONSTANT(EACCES),
    MIO4J_CONSTANT(EPERM), MIO4J_CONSTANT(EAFNOSUPPORT), MIO4J_CONSTANT(ENOTSOCK),
    MIO4J_CONSTANT(EDESTADDRREQ), MIO4J_CONSTANT(EMSGSIZE), MIO4J_CONSTANT(ENOPROTOOPT),
    MIO4J_CONSTANT(ENOSYS), MIO4J_CONSTANT(ENOMEM), MIO4J_CONSTANT(ENOBUFS),
    MIO4J_CONSTANT(EOPNOTSUPP), MIO4J_CONSTANT(EPROTONOSUPPORT), MIO4J_CONSTANT(ENAMETOOLONG),
    MIO4J_CONSTANT(ENOTDIR), MIO4J_CONSTANT(EIO),
};

static jlong errno_constant(JNIEnv *env, jclass clazz, jstring name) {
    (void) clazz;
    return mio4j_constant_lookup(env, name, errno_constants, MIO4J_COUNT(errno_constants));
}

static jstring errno_text(JNIEnv *env, jclass clazz, jint error) {
    (void) clazz;
    char text[256];
    const char *message = mio4j_unix_strerror(error, text, sizeof(text));
    return (*env)->NewStringUTF(env, message != NULL ? message : "Unknown error");
}

static const JNINativeMethod errno_methods[] = {
    MIO4J_NATIVE("constant", "(Ljava/lang/String;)J", errno_constant),
    MIO4J_NATIVE("strerror", "(I)Ljava/lang/String;", errno_text),
};

const struct mio4j_natives mio4j_errno_natives = {
    "io/mio4j/internal/io/ErrnoCallsJni", errno_methods, MIO4J_COUNT(errno_methods)
};
