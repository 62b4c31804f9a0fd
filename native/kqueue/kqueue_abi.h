/* Our own declarations of the kqueue ABI of each OS mio4j targets, written from the
 * facts in ABI.md (each block names the header it was read from). Only 64-bit
 * targets are declared.
 *
 * Two modes:
 *  - default (the OS's or libkqueue's <sys/event.h> is available): kqueue.c uses
 *    the header's struct kevent and kevent(); our declarations are compiled too and
 *    every size, offset and constant of ours is checked against the header.
 *  - MIO4J_OWN_ABI (the root CMakeLists.txt's option for cross builds without a
 *    sysroot, where no <sys/event.h> exists): our declarations are all there is; the _Static_asserts below pin
 *    them to the layouts read from the headers.
 * In both modes NetBSD calls __kevent50 with the 40-byte struct, and FreeBSD calls
 * kevent@FBSD_1.5 by its version (see the end of this file).
 *
 * kqueue.c names: mio4j_kevent_t, mio4j_kevent_call(), and the OS's own macro names
 * (EVFILT_READ, EV_ADD, ...), defined here in own-ABI mode. */
#ifndef MIO4J_KQUEUE_ABI_H
#define MIO4J_KQUEUE_ABI_H

#include <stddef.h>
#include <stdint.h>

#define MIO4J_KQ_ASSERT_FIELD(type, field, offset, width)                          \
    _Static_assert(offsetof(type, field) == (offset), #type "." #field " offset"); \
    _Static_assert(sizeof(((type *) 0)->field) == (width), #type "." #field " width")

#if (defined(__APPLE__) || defined(__FreeBSD__) || defined(__NetBSD__) \
     || defined(__OpenBSD__) || defined(__DragonFly__)) && !defined(MIO4J_LIBKQUEUE)
#define MIO4J_KQ_OWN_DECLARATIONS 1
_Static_assert(sizeof(void *) == 8, "mio4j declares the kqueue ABIs of 64-bit targets only");
#endif

/* ---- Flags shared by all five (same values in every header cited below) ---- */
#define MIO4J_KQ_EV_ADD      0x0001
#define MIO4J_KQ_EV_DELETE   0x0002
#define MIO4J_KQ_EV_ENABLE   0x0004
#define MIO4J_KQ_EV_DISABLE  0x0008
#define MIO4J_KQ_EV_ONESHOT  0x0010
#define MIO4J_KQ_EV_CLEAR    0x0020
#define MIO4J_KQ_EV_RECEIPT  0x0040
#define MIO4J_KQ_EV_DISPATCH 0x0080
#define MIO4J_KQ_EV_ERROR    0x4000
#define MIO4J_KQ_EV_EOF      0x8000
/* EVFILT_USER fflags, identical where EVFILT_USER exists. */
#define MIO4J_KQ_NOTE_FFNOP   0x00000000u
#define MIO4J_KQ_NOTE_FFCOPY  0xc0000000u
#define MIO4J_KQ_NOTE_TRIGGER 0x01000000u

#if defined(MIO4J_KQ_OWN_DECLARATIONS) && defined(__APPLE__)
/* apple-oss-distributions/xnu bsd/sys/event.h: the struct sits inside pack(4). */
#pragma pack(push, 4)
struct mio4j_kevent {
    uintptr_t ident;
    int16_t filter;
    uint16_t flags;
    uint32_t fflags;
    intptr_t data;
    void *udata;
};
#pragma pack(pop)
_Static_assert(sizeof(struct mio4j_kevent) == 32, "macOS struct kevent size");
_Static_assert(_Alignof(struct mio4j_kevent) == 4, "macOS struct kevent is packed to 4");
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, ident, 0, 8);
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, filter, 8, 2);
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, flags, 10, 2);
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, fflags, 12, 4);
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, data, 16, 8);
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, udata, 24, 8);
#define MIO4J_KQ_EVFILT_READ   (-1)
#define MIO4J_KQ_EVFILT_WRITE  (-2)
#define MIO4J_KQ_EVFILT_AIO    (-3)
#define MIO4J_KQ_EVFILT_USER   (-10)
#define MIO4J_KQ_EVFILT_EXCEPT (-15)

#elif defined(MIO4J_KQ_OWN_DECLARATIONS) && defined(__FreeBSD__)
/* freebsd/freebsd-src sys/sys/event.h (FreeBSD 12+; the 32-byte FreeBSD 11 layout
 * is struct kevent_freebsd11, reached only through kevent@FBSD_1.0). */
struct mio4j_kevent {
    uintptr_t ident;
    int16_t filter;
    uint16_t flags;
    uint32_t fflags;
    int64_t data;
    void *udata;
    uint64_t ext[4];
};
_Static_assert(sizeof(struct mio4j_kevent) == 64, "FreeBSD 12+ struct kevent size");
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, ident, 0, 8);
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, filter, 8, 2);
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, flags, 10, 2);
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, fflags, 12, 4);
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, data, 16, 8);
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, udata, 24, 8);
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, ext, 32, 32);
#define MIO4J_KQ_EVFILT_READ  (-1)
#define MIO4J_KQ_EVFILT_WRITE (-2)
#define MIO4J_KQ_EVFILT_AIO   (-3)
#define MIO4J_KQ_EVFILT_LIO   (-10)
#define MIO4J_KQ_EVFILT_USER  (-11)

#elif defined(MIO4J_KQ_OWN_DECLARATIONS) && defined(__NetBSD__)
/* NetBSD/src sys/sys/event.h 1.54 (NetBSD 6..10): 32-bit filter/flags/fflags, the
 * library entry point is __kevent50. NetBSD-current (11) grew ext[4] (72 bytes)
 * behind __kevent100 and keeps __kevent50 for this layout (sys/compat/sys/event.h,
 * struct kevent100), so binding __kevent50 works on 6 through 11. */
struct mio4j_kevent {
    uintptr_t ident;
    uint32_t filter;
    uint32_t flags;
    uint32_t fflags;
    int64_t data;
    void *udata;
};
_Static_assert(sizeof(struct mio4j_kevent) == 40, "NetBSD __kevent50 struct kevent size");
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, ident, 0, 8);
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, filter, 8, 4);
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, flags, 12, 4);
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, fflags, 16, 4);
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, data, 24, 8);
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, udata, 32, 8);
#define MIO4J_KQ_EVFILT_READ  0
#define MIO4J_KQ_EVFILT_WRITE 1
#define MIO4J_KQ_EVFILT_AIO   2
#define MIO4J_KQ_EVFILT_USER  8
#define MIO4J_KQ_HAS_KQUEUE1  1

#elif defined(MIO4J_KQ_OWN_DECLARATIONS) && defined(__OpenBSD__)
/* openbsd/src sys/sys/event.h 1.74 (mirror blackgnezdo/openbsd-src): data is int64. */
struct mio4j_kevent {
    uintptr_t ident;
    int16_t filter;
    uint16_t flags;
    uint32_t fflags;
    int64_t data;
    void *udata;
};
_Static_assert(sizeof(struct mio4j_kevent) == 32, "OpenBSD struct kevent size");
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, ident, 0, 8);
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, filter, 8, 2);
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, flags, 10, 2);
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, fflags, 12, 4);
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, data, 16, 8);
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, udata, 24, 8);
#define MIO4J_KQ_EVFILT_READ   (-1)
#define MIO4J_KQ_EVFILT_WRITE  (-2)
#define MIO4J_KQ_EVFILT_EXCEPT (-9)
#define MIO4J_KQ_EVFILT_USER   (-10)   /* recent releases only: Java probes it */

#elif defined(MIO4J_KQ_OWN_DECLARATIONS) && defined(__DragonFly__)
/* DragonFlyBSD sys/sys/event.h (mirror tuxillo/DragonFlyBSD): data is intptr_t. */
struct mio4j_kevent {
    uintptr_t ident;
    int16_t filter;
    uint16_t flags;
    uint32_t fflags;
    intptr_t data;
    void *udata;
};
_Static_assert(sizeof(struct mio4j_kevent) == 32, "DragonFly struct kevent size");
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, ident, 0, 8);
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, filter, 8, 2);
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, flags, 10, 2);
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, fflags, 12, 4);
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, data, 16, 8);
MIO4J_KQ_ASSERT_FIELD(struct mio4j_kevent, udata, 24, 8);
#define MIO4J_KQ_EVFILT_READ   (-1)
#define MIO4J_KQ_EVFILT_WRITE  (-2)
#define MIO4J_KQ_EVFILT_AIO    (-3)
#define MIO4J_KQ_EVFILT_EXCEPT (-8)
#define MIO4J_KQ_EVFILT_USER   (-9)
#define MIO4J_KQ_EV_HUP        0x0800   /* DragonFly only: complete peer disconnect */

#elif defined(MIO4J_OWN_ABI)
#error "MIO4J_OWN_ABI: no kqueue declarations of ours for this target"
#endif

struct timespec;

#if defined(MIO4J_OWN_ABI)
/* No header: our names are the OS's names. */
#define EVFILT_READ  MIO4J_KQ_EVFILT_READ
#define EVFILT_WRITE MIO4J_KQ_EVFILT_WRITE
#ifdef MIO4J_KQ_EVFILT_AIO
#define EVFILT_AIO MIO4J_KQ_EVFILT_AIO
#endif
#ifdef MIO4J_KQ_EVFILT_LIO
#define EVFILT_LIO MIO4J_KQ_EVFILT_LIO
#endif
#ifdef MIO4J_KQ_EVFILT_EXCEPT
#define EVFILT_EXCEPT MIO4J_KQ_EVFILT_EXCEPT
#endif
#define EVFILT_USER  MIO4J_KQ_EVFILT_USER
#define EV_ADD       MIO4J_KQ_EV_ADD
#define EV_DELETE    MIO4J_KQ_EV_DELETE
#define EV_ENABLE    MIO4J_KQ_EV_ENABLE
#define EV_DISABLE   MIO4J_KQ_EV_DISABLE
#define EV_ONESHOT   MIO4J_KQ_EV_ONESHOT
#define EV_CLEAR     MIO4J_KQ_EV_CLEAR
#define EV_RECEIPT   MIO4J_KQ_EV_RECEIPT
#define EV_DISPATCH  MIO4J_KQ_EV_DISPATCH
#define EV_ERROR     MIO4J_KQ_EV_ERROR
#define EV_EOF       MIO4J_KQ_EV_EOF
#ifdef MIO4J_KQ_EV_HUP
#define EV_HUP MIO4J_KQ_EV_HUP
#endif
#define NOTE_FFNOP   MIO4J_KQ_NOTE_FFNOP
#define NOTE_FFCOPY  MIO4J_KQ_NOTE_FFCOPY
#define NOTE_TRIGGER MIO4J_KQ_NOTE_TRIGGER

typedef struct mio4j_kevent mio4j_kevent_t;
int kqueue(void);
#if defined(__NetBSD__)
int kqueue1(int flags);
#elif !defined(__FreeBSD__)
int kevent(int kq, const struct mio4j_kevent *changes, int nchanges,
           struct mio4j_kevent *events, int nevents, const struct timespec *timeout);
#define mio4j_kevent_call kevent
#endif

#else /* the OS's (or libkqueue's) header */
#if defined(MIO4J_LIBKQUEUE)
#include <kqueue/sys/event.h>
#else
#include <sys/types.h>
#include <sys/event.h>
#endif
#if defined(__NetBSD__)
typedef struct mio4j_kevent mio4j_kevent_t;   /* see the NetBSD block above */
#elif defined(__FreeBSD__) && !defined(MIO4J_LIBKQUEUE)
typedef struct kevent mio4j_kevent_t;         /* see the FreeBSD binding below */
#else
typedef struct kevent mio4j_kevent_t;
#define mio4j_kevent_call kevent
#endif

#if defined(MIO4J_KQ_OWN_DECLARATIONS)
/* Our declarations against the OS's header, wherever both exist. */
#define MIO4J_KQ_SAME(ours, theirs) _Static_assert((ours) == (theirs), #theirs " differs")
#define MIO4J_KQ_SAME_FIELD(field)                                                  \
    MIO4J_KQ_SAME(offsetof(struct mio4j_kevent, field), offsetof(struct kevent, field)); \
    MIO4J_KQ_SAME(sizeof(((struct mio4j_kevent *) 0)->field), sizeof(((struct kevent *) 0)->field))
#if !defined(__NetBSD__)   /* NetBSD 11's header declares the 72-byte __kevent100 struct */
MIO4J_KQ_SAME(sizeof(struct mio4j_kevent), sizeof(struct kevent));
MIO4J_KQ_SAME(_Alignof(struct mio4j_kevent), _Alignof(struct kevent));
MIO4J_KQ_SAME_FIELD(ident);
MIO4J_KQ_SAME_FIELD(filter);
MIO4J_KQ_SAME_FIELD(flags);
MIO4J_KQ_SAME_FIELD(fflags);
MIO4J_KQ_SAME_FIELD(data);
MIO4J_KQ_SAME_FIELD(udata);
#endif
MIO4J_KQ_SAME(MIO4J_KQ_EVFILT_READ, EVFILT_READ);
MIO4J_KQ_SAME(MIO4J_KQ_EVFILT_WRITE, EVFILT_WRITE);
MIO4J_KQ_SAME(MIO4J_KQ_EVFILT_USER, EVFILT_USER);
MIO4J_KQ_SAME(MIO4J_KQ_EV_ADD, EV_ADD);
MIO4J_KQ_SAME(MIO4J_KQ_EV_DELETE, EV_DELETE);
MIO4J_KQ_SAME(MIO4J_KQ_EV_ENABLE, EV_ENABLE);
MIO4J_KQ_SAME(MIO4J_KQ_EV_DISABLE, EV_DISABLE);
MIO4J_KQ_SAME(MIO4J_KQ_EV_ONESHOT, EV_ONESHOT);
MIO4J_KQ_SAME(MIO4J_KQ_EV_CLEAR, EV_CLEAR);
MIO4J_KQ_SAME(MIO4J_KQ_EV_RECEIPT, EV_RECEIPT);
MIO4J_KQ_SAME(MIO4J_KQ_EV_DISPATCH, EV_DISPATCH);
MIO4J_KQ_SAME(MIO4J_KQ_EV_ERROR, EV_ERROR);
MIO4J_KQ_SAME(MIO4J_KQ_EV_EOF, EV_EOF);
MIO4J_KQ_SAME(MIO4J_KQ_NOTE_TRIGGER, NOTE_TRIGGER);
MIO4J_KQ_SAME(MIO4J_KQ_NOTE_FFCOPY, NOTE_FFCOPY);
#endif
#endif

#if defined(__FreeBSD__) && !defined(MIO4J_LIBKQUEUE)
/* FreeBSD 12 grew struct kevent to 64 bytes and versioned the call: kevent@FBSD_1.5
 * takes the new struct, kevent@FBSD_1.0 the 32-byte one of FreeBSD 11. A reference
 * without a version binds at run time to the FIRST version (FBSD_1.0: matched_symbol()
 * in freebsd/freebsd-src libexec/rtld-elf/rtld.c takes VER_NDX_GIVEN for unversioned
 * references), which would read our 64-byte records as 32-byte ones. So the call names
 * its version: the link fails unless the libc linked against (the OS's, or the stub of
 * native/abi/freebsd) has kevent@FBSD_1.5, and the library records that version
 * (scripts/check-library.sh checks it). */
int mio4j_kevent_call(int kq, const mio4j_kevent_t *changes, int nchanges,
                      mio4j_kevent_t *events, int nevents, const struct timespec *timeout);
__asm__(".symver mio4j_kevent_call, kevent@FBSD_1.5");
#endif

#if defined(__NetBSD__)
/* Bound by its library name whatever <sys/event.h> says, so that a build on NetBSD 11
 * and a build without a sysroot call the same, 40-byte, entry point. */
int mio4j_kevent_call(int kq, const struct mio4j_kevent *changes, size_t nchanges,
                      struct mio4j_kevent *events, size_t nevents,
                      const struct timespec *timeout) __asm__("__kevent50");
#endif

#endif
