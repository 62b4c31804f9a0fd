/* io.mio4j.internal.ErrnoNative on Windows. Errno.java asks for POSIX names; here
 * each names the Winsock (or Win32) code that the natives return negated for the same
 * condition, so Errno turns Windows errors into the same exceptions with no change
 * (ECONNREFUSED -> ConnectException, EADDRINUSE -> BindException...). Every name
 * of native/unix/errno.c must be here, and every one Errno.java reads:
 * WindowsNativeTablesTest checks both. */
#include <winsock2.h>
#include <windows.h>

#include "jni_win.h"

#define WIN_ERRNO(posix, code) { #posix, (jint) (code) }

static const struct mio4j_constant errno_constants[] = {
    /* Winsock's would-block is one code for both POSIX names. */
    WIN_ERRNO(EAGAIN, WSAEWOULDBLOCK), WIN_ERRNO(EWOULDBLOCK, WSAEWOULDBLOCK),
    WIN_ERRNO(EINTR, WSAEINTR), WIN_ERRNO(EINPROGRESS, WSAEINPROGRESS),
    WIN_ERRNO(EALREADY, WSAEALREADY), WIN_ERRNO(EISCONN, WSAEISCONN),
    WIN_ERRNO(ECONNREFUSED, WSAECONNREFUSED), WIN_ERRNO(ECONNRESET, WSAECONNRESET),
    WIN_ERRNO(ECONNABORTED, WSAECONNABORTED), WIN_ERRNO(EADDRINUSE, WSAEADDRINUSE),
    WIN_ERRNO(EADDRNOTAVAIL, WSAEADDRNOTAVAIL), WIN_ERRNO(ENETUNREACH, WSAENETUNREACH),
    WIN_ERRNO(EHOSTUNREACH, WSAEHOSTUNREACH), WIN_ERRNO(ENETDOWN, WSAENETDOWN),
    WIN_ERRNO(ETIMEDOUT, WSAETIMEDOUT), WIN_ERRNO(EBADF, WSAEBADF),
    /* A send after shutdown(SD_SEND) fails with WSAESHUTDOWN where POSIX says EPIPE. */
    WIN_ERRNO(EPIPE, WSAESHUTDOWN), WIN_ERRNO(ENOTCONN, WSAENOTCONN),
    WIN_ERRNO(EINVAL, WSAEINVAL),
    /* The selector's "not registered" (what epoll_ctl calls ENOENT). */
    WIN_ERRNO(ENOENT, ERROR_NOT_FOUND), WIN_ERRNO(EEXIST, ERROR_ALREADY_EXISTS),
    WIN_ERRNO(EMFILE, WSAEMFILE), WIN_ERRNO(ENFILE, WSAEMFILE),
    WIN_ERRNO(EACCES, WSAEACCES), WIN_ERRNO(EPERM, ERROR_ACCESS_DENIED),
    WIN_ERRNO(EAFNOSUPPORT, WSAEAFNOSUPPORT), WIN_ERRNO(ENOTSOCK, WSAENOTSOCK),
    WIN_ERRNO(EDESTADDRREQ, WSAEDESTADDRREQ), WIN_ERRNO(EMSGSIZE, WSAEMSGSIZE),
    WIN_ERRNO(ENOPROTOOPT, WSAENOPROTOOPT), WIN_ERRNO(ENOSYS, ERROR_CALL_NOT_IMPLEMENTED),
    WIN_ERRNO(ENOMEM, ERROR_NOT_ENOUGH_MEMORY), WIN_ERRNO(ENOBUFS, WSAENOBUFS),
    WIN_ERRNO(EOPNOTSUPP, WSAEOPNOTSUPP), WIN_ERRNO(EPROTONOSUPPORT, WSAEPROTONOSUPPORT),
    WIN_ERRNO(ENAMETOOLONG, WSAENAMETOOLONG), WIN_ERRNO(ENOTDIR, ERROR_DIRECTORY),
    WIN_ERRNO(EIO, ERROR_GEN_FAILURE),
};

static jlong errno_constant(JNIEnv *env, jclass clazz, jstring name) {
    (void) clazz;
    return mio4j_constant_lookup(env, name, errno_constants, MIO4J_COUNT(errno_constants));
}

/* The system's text in UTF-8, without the trailing period and line break that
 * FormatMessage adds, so messages read as on Unix: "connect: <text> (errno N)". */
static jstring errno_text(JNIEnv *env, jclass clazz, jint error) {
    (void) clazz;
    WCHAR wide[512];
    char text[1024];
    DWORD n = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
                             NULL, (DWORD) error, 0, wide, MIO4J_COUNT(wide), NULL);
    while (n > 0 && (wide[n - 1] == L'\r' || wide[n - 1] == L'\n' || wide[n - 1] == L' '
                     || wide[n - 1] == L'.')) {
        n--;
    }
    int len = n == 0 ? 0 : WideCharToMultiByte(CP_UTF8, 0, wide, (int) n, text,
                                                sizeof(text) - 1, NULL, NULL);
    if (len <= 0) {
        return (*env)->NewStringUTF(env, "Unknown error");
    }
    text[len] = '\0';
    return (*env)->NewStringUTF(env, text);
}

static const JNINativeMethod errno_methods[] = {
    MIO4J_NATIVE("constant", "(Ljava/lang/String;)J", errno_constant),
    MIO4J_NATIVE("strerror", "(I)Ljava/lang/String;", errno_text),
};

const struct mio4j_natives mio4j_errno_natives = {
    "io/mio4j/internal/io/ErrnoCallsJni", errno_methods, MIO4J_COUNT(errno_methods)
};

/* LibraryNative.libc(): null, the version is glibc's and Windows has none. */
const char *mio4j_libc(char *text, size_t size) {
    (void) text;
    (void) size;
    return NULL;
}
