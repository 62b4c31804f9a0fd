/* The JNI glue of the Windows backend: thin wrappers over afd_selector.h and
 * socket_win.h, bound with RegisterNatives from JNI_OnLoad (jni_onload_win.c).
 * The shared shapes (struct mio4j_natives, MIO4J_NATIVE, constant tables,
 * mio4j_buffer_range) come from native/jni/mio4j.h, so Java sees the same classes
 * and conventions as on Unix; errors are negated Win32/Winsock codes, not -errno. */
#ifndef MIO4J_JNI_WIN_H
#define MIO4J_JNI_WIN_H

#include "mio4j.h"

/* io/mio4j/internal/io/ErrnoCallsJni, io/mio4j/internal/afd/AfdCallsJni and
 * io/mio4j/internal/afd/WinsockCallsJni. */
extern const struct mio4j_natives mio4j_errno_natives;
extern const struct mio4j_natives mio4j_afd_natives;
extern const struct mio4j_natives mio4j_win_socket_natives;

#endif
