/* io.mio4j.internal.afd.AfdNative: the AFD selector (afd_selector.h) for Java.
 *
 * A selector crosses JNI as a handle, not as its address: a table slot index and
 * that slot's generation. A stale or made-up value (a double close, a handle of a
 * closed selector) is then found missing and answered with -ERROR_INVALID_PARAMETER
 * instead of being dereferenced. Java still serialises close against every other
 * call (FdHandle), so a pointer taken from the table stays valid during the call. */
#include <winsock2.h>
#include <windows.h>
#include <stdlib.h>

#include "afd_selector.h"
#include "jni_win.h"

struct selector_slot {
    struct mio4j_afd_selector *sel;   /* NULL when free */
    uint32_t generation;              /* 1..INT32_MAX, advanced on each reuse */
};

static SRWLOCK slots_lock = SRWLOCK_INIT;
static struct selector_slot *slots;
static uint32_t slot_count;

#define BAD_HANDLE ((jint) -ERROR_INVALID_PARAMETER)
#define MAX_SLOTS (1u << 20)

/* handle = generation << 32 | (index + 1): both halves are non-zero and the
 * generation stays below 2^31, so a handle is always > 0. */
static jlong slot_put(struct mio4j_afd_selector *sel) {
    jlong handle = -ERROR_NOT_ENOUGH_MEMORY;
    AcquireSRWLockExclusive(&slots_lock);
    uint32_t index = 0;
    while (index < slot_count && slots[index].sel != NULL) {
        index++;
    }
    if (index == slot_count && slot_count < MAX_SLOTS) {
        uint32_t count = slot_count == 0 ? 16 : slot_count * 2;
        struct selector_slot *grown = realloc(slots, count * sizeof(*grown));
        if (grown != NULL) {
            for (uint32_t i = slot_count; i < count; i++) {
                grown[i].sel = NULL;
                grown[i].generation = 0;
            }
            slots = grown;
            slot_count = count;
        }
    }
    if (index < slot_count) {
        struct selector_slot *slot = &slots[index];
        slot->generation = slot->generation >= INT32_MAX ? 1 : slot->generation + 1;
        slot->sel = sel;
        handle = ((jlong) slot->generation << 32) | (jlong) (index + 1);
    }
    ReleaseSRWLockExclusive(&slots_lock);
    return handle;
}

static struct selector_slot *slot_of(jlong handle) {
    uint32_t index = (uint32_t) (handle & 0xFFFFFFFF) - 1;
    uint32_t generation = (uint32_t) ((uint64_t) handle >> 32);
    if (handle <= 0 || index >= slot_count || slots[index].sel == NULL
            || slots[index].generation != generation) {
        return NULL;
    }
    return &slots[index];
}

static struct mio4j_afd_selector *slot_get(jlong handle) {
    AcquireSRWLockShared(&slots_lock);
    struct selector_slot *slot = slot_of(handle);
    struct mio4j_afd_selector *sel = slot != NULL ? slot->sel : NULL;
    ReleaseSRWLockShared(&slots_lock);
    return sel;
}

static struct mio4j_afd_selector *slot_take(jlong handle) {
    AcquireSRWLockExclusive(&slots_lock);
    struct selector_slot *slot = slot_of(handle);
    struct mio4j_afd_selector *sel = NULL;
    if (slot != NULL) {
        sel = slot->sel;
        slot->sel = NULL;
    }
    ReleaseSRWLockExclusive(&slots_lock);
    return sel;
}

/* A SOCKET is pointer-sized and never negative as a jlong (INVALID_SOCKET is -1). */
static int bad_socket(jlong socket) {
    return socket < 0;
}

static const struct mio4j_constant afd_constants[] = {
    { "EVENT_SIZE", (jint) sizeof(struct mio4j_afd_event) },
    { "EVENT_DATA_OFFSET", (jint) offsetof(struct mio4j_afd_event, data) },
    { "EVENT_READINESS_OFFSET", (jint) offsetof(struct mio4j_afd_event, readiness) },
    { "INTEREST_READABLE", (jint) MIO4J_AFD_INTEREST_READABLE },
    { "INTEREST_WRITABLE", (jint) MIO4J_AFD_INTEREST_WRITABLE },
    { "INTEREST_PRIORITY", (jint) MIO4J_AFD_INTEREST_PRIORITY },
    { "READABLE", (jint) MIO4J_AFD_READABLE },
    { "WRITABLE", (jint) MIO4J_AFD_WRITABLE },
    { "ERROR", (jint) MIO4J_AFD_ERROR },
    { "READ_CLOSED", (jint) MIO4J_AFD_READ_CLOSED },
    { "WRITE_CLOSED", (jint) MIO4J_AFD_WRITE_CLOSED },
    { "PRIORITY", (jint) MIO4J_AFD_PRIORITY },
    { "ERROR_NOT_FOUND", (jint) ERROR_NOT_FOUND },
    { "ERROR_INVALID_PARAMETER", (jint) ERROR_INVALID_PARAMETER },
};

static jlong afd_constant(JNIEnv *env, jclass clazz, jstring name) {
    (void) clazz;
    return mio4j_constant_lookup(env, name, afd_constants, MIO4J_COUNT(afd_constants));
}

static jlong afd_open(JNIEnv *env, jclass clazz) {
    (void) env;
    (void) clazz;
    struct mio4j_afd_selector *sel = NULL;
    int32_t rc = mio4j_afd_selector_open(&sel);
    if (rc < 0) {
        return rc;
    }
    jlong handle = slot_put(sel);
    if (handle < 0) {
        mio4j_afd_selector_close(sel);
    }
    return handle;
}

static jint afd_close(JNIEnv *env, jclass clazz, jlong handle) {
    (void) env;
    (void) clazz;
    struct mio4j_afd_selector *sel = slot_take(handle);
    return sel == NULL ? BAD_HANDLE : mio4j_afd_selector_close(sel);
}

static jint afd_register(JNIEnv *env, jclass clazz, jlong handle, jlong socket, jlong data,
                         jint interests) {
    (void) env;
    (void) clazz;
    struct mio4j_afd_selector *sel = slot_get(handle);
    if (sel == NULL) {
        return BAD_HANDLE;
    }
    if (bad_socket(socket)) {
        return -WSAENOTSOCK;
    }
    return mio4j_afd_register(sel, (SOCKET) socket, (uint64_t) data, (uint32_t) interests);
}

static jint afd_reregister(JNIEnv *env, jclass clazz, jlong handle, jlong socket, jlong data,
                           jint interests) {
    (void) env;
    (void) clazz;
    struct mio4j_afd_selector *sel = slot_get(handle);
    if (sel == NULL) {
        return BAD_HANDLE;
    }
    if (bad_socket(socket)) {
        return -WSAENOTSOCK;
    }
    return mio4j_afd_reregister(sel, (SOCKET) socket, (uint64_t) data, (uint32_t) interests);
}

static jint afd_deregister(JNIEnv *env, jclass clazz, jlong handle, jlong socket) {
    (void) env;
    (void) clazz;
    struct mio4j_afd_selector *sel = slot_get(handle);
    if (sel == NULL) {
        return BAD_HANDLE;
    }
    if (bad_socket(socket)) {
        return -WSAENOTSOCK;
    }
    return mio4j_afd_deregister(sel, (SOCKET) socket);
}

static jint afd_would_block(JNIEnv *env, jclass clazz, jlong handle, jlong socket) {
    (void) env;
    (void) clazz;
    struct mio4j_afd_selector *sel = slot_get(handle);
    if (sel == NULL) {
        return BAD_HANDLE;
    }
    if (bad_socket(socket)) {
        return -WSAENOTSOCK;
    }
    return mio4j_afd_would_block(sel, (SOCKET) socket);
}

/* Waits for at most capacity events written into events (a direct buffer of at
 * least capacity * EVENT_SIZE bytes, 8-byte aligned); timeout_ms < 0: no limit. */
static jint afd_select(JNIEnv *env, jclass clazz, jlong handle, jobject events, jint capacity,
                       jint timeout_ms) {
    (void) clazz;
    struct mio4j_afd_selector *sel = slot_get(handle);
    if (sel == NULL) {
        return BAD_HANDLE;
    }
    const jint size = (jint) sizeof(struct mio4j_afd_event);
    if (capacity < 1 || capacity > INT32_MAX / size) {
        return BAD_HANDLE;
    }
    void *out = mio4j_buffer_range(env, events, 0, capacity * size);
    if (out == NULL || ((uintptr_t) out % _Alignof(struct mio4j_afd_event)) != 0) {
        return BAD_HANDLE;
    }
    return mio4j_afd_select(sel, out, capacity, timeout_ms);
}

static jint afd_wake(JNIEnv *env, jclass clazz, jlong handle, jlong data) {
    (void) env;
    (void) clazz;
    struct mio4j_afd_selector *sel = slot_get(handle);
    return sel == NULL ? BAD_HANDLE : mio4j_afd_wake(sel, (uint64_t) data);
}

static const JNINativeMethod afd_methods[] = {
    MIO4J_NATIVE("constant", "(Ljava/lang/String;)J", afd_constant),
    MIO4J_NATIVE("open", "()J", afd_open),
    MIO4J_NATIVE("close", "(J)I", afd_close),
    MIO4J_NATIVE("register", "(JJJI)I", afd_register),
    MIO4J_NATIVE("reregister", "(JJJI)I", afd_reregister),
    MIO4J_NATIVE("deregister", "(JJ)I", afd_deregister),
    MIO4J_NATIVE("wouldBlock", "(JJ)I", afd_would_block),
    MIO4J_NATIVE("select", "(JLjava/nio/ByteBuffer;II)I", afd_select),
    MIO4J_NATIVE("wake", "(JJ)I", afd_wake),
};

const struct mio4j_natives mio4j_afd_natives = {
    "io/mio4j/internal/afd/AfdCallsJni", afd_methods, MIO4J_COUNT(afd_methods)
};
