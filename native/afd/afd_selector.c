/* mio4j Windows selector over the AFD driver and an I/O completion port.
 *
 * Each registered socket has a sock_state. At most one IOCTL_AFD_POLL per socket is
 * outstanding (a second poll on the same socket makes the first lose events). The
 * poll is sent through an AFD "helper" handle (\Device\Afd opened directly), shared
 * by up to 32 sockets and associated with the selector's completion port; the
 * completion carries the sock_state pointer as its OVERLAPPED pointer. A wake is a
 * completion packet with a NULL OVERLAPPED.
 *
 * Edge-triggered behaviour is emulated as Rust mio 0.7 does it: an event removes the
 * AFD flags it reported from the socket's armed set, and they are armed again only by
 * mio4j_afd_would_block or a reregister. Changes are queued and sent to the kernel
 * just before the next wait, or at once when a thread is already waiting. */
#include <winsock2.h>
#include <mswsock.h>
#include <windows.h>
#include <winternl.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "afd_selector.h"
#include "socket_win.h"

/* IOCTL_AFD_POLL and its flags: undocumented AFD driver interface, as used by
 * Rust mio (src/sys/windows/afd.rs) and wepoll. */
#define IOCTL_AFD_POLL 0x00012024
#define AFD_POLL_RECEIVE           0x0001
#define AFD_POLL_RECEIVE_EXPEDITED 0x0002
#define AFD_POLL_SEND              0x0004
#define AFD_POLL_DISCONNECT        0x0008
#define AFD_POLL_ABORT             0x0010
#define AFD_POLL_LOCAL_CLOSE       0x0020
#define AFD_POLL_ACCEPT            0x0080
#define AFD_POLL_CONNECT_FAIL      0x0100
/* AFD_POLL_CONNECT (0x40) is not used: it is set on every poll of a connected
 * socket, not only once (see wepoll commit 8b7b340). */

#define MIO4J_STATUS_SUCCESS   ((NTSTATUS)0x00000000L)
#define MIO4J_STATUS_PENDING   ((NTSTATUS)0x00000103L)
#define MIO4J_STATUS_CANCELLED ((NTSTATUS)0xC0000120L)
#define MIO4J_STATUS_NOT_FOUND ((NTSTATUS)0xC0000225L)

#define SELECTOR_MAGIC 0x4d494f34u /* "MIO4" */
#define SOCKETS_PER_HELPER 32
#define MAX_ENTRIES_PER_WAIT 1024
#define CLOSE_DRAIN_MS 5000

/* Layout expected by IOCTL_AFD_POLL (input and output buffer). */
struct afd_poll_handle_info {
    HANDLE handle;
    ULONG events;
    NTSTATUS status;
};

struct afd_poll_info {
    LARGE_INTEGER timeout;
    ULONG handle_count;
    ULONG exclusive;
    struct afd_poll_handle_info handles[1];
};

typedef NTSTATUS(NTAPI *nt_create_file_fn)(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES,
                                           PIO_STATUS_BLOCK, PLARGE_INTEGER, ULONG, ULONG,
                                           ULONG, ULONG, PVOID, ULONG);
typedef NTSTATUS(NTAPI *nt_device_io_control_file_fn)(HANDLE, HANDLE, PIO_APC_ROUTINE, PVOID,
                                                      PIO_STATUS_BLOCK, ULONG, PVOID, ULONG,
                                                      PVOID, ULONG);
typedef NTSTATUS(NTAPI *nt_cancel_io_file_ex_fn)(HANDLE, PIO_STATUS_BLOCK, PIO_STATUS_BLOCK);
typedef ULONG(NTAPI *rtl_nt_status_to_dos_error_fn)(NTSTATUS);

static struct {
    nt_create_file_fn create_file;
    nt_device_io_control_file_fn device_io_control_file;
    nt_cancel_io_file_ex_fn cancel_io_file_ex;
    rtl_nt_status_to_dos_error_fn status_to_dos_error;
} nt;

static INIT_ONCE nt_init_once = INIT_ONCE_STATIC_INIT;
static DWORD nt_init_error;

enum poll_status { POLL_IDLE, POLL_PENDING, POLL_CANCELLED };

/* One \Device\Afd handle, used to poll up to SOCKETS_PER_HELPER sockets. */
struct afd_helper {
    HANDLE handle;
    int users;
    struct afd_helper *next;
};

struct sock_state {
    /* Written by the kernel while a poll is pending; the state is freed only once
     * that poll's completion has been dequeued. */
    IO_STATUS_BLOCK iosb;
    struct afd_poll_info poll_info;

    struct afd_helper *helper;
    SOCKET socket;
    SOCKET base_socket;
    uint64_t data;
    uint32_t registered_events; /* AFD flags wanted by the owner's interests */
    uint32_t armed_events;      /* registered_events minus those already reported */
    uint32_t pending_events;    /* flags of the outstanding poll */
    enum poll_status status;
    int delete_pending;
    int in_table;
    int queued;

    struct sock_state *hash_next;
    struct sock_state *all_prev, *all_next;
    struct sock_state *queue_prev, *queue_next;
};

struct mio4j_afd_selector {
    uint32_t magic;
    HANDLE port;
    CRITICAL_SECTION lock;
    struct afd_helper *helpers; /* newest first; new sockets join the head */
    struct sock_state **buckets;
    size_t bucket_count;        /* power of two */
    size_t socket_count;
    struct sock_state *all;     /* every state, also those waiting for a cancelled poll */
    struct sock_state *queue_head, *queue_tail;
    int selecting;              /* a thread is inside select */
    int waiting;                /* ... and blocked in the completion port wait */
    long pending_polls;
    OVERLAPPED_ENTRY *entries;
    ULONG entry_capacity;
};

int32_t mio4j_afd_event_size(void) { return sizeof(struct mio4j_afd_event); }
int32_t mio4j_afd_event_data_offset(void) { return offsetof(struct mio4j_afd_event, data); }
int32_t mio4j_afd_event_readiness_offset(void) { return offsetof(struct mio4j_afd_event, readiness); }

static int32_t win32_error(DWORD err) { return -(int32_t)err; }
static int32_t nt_error(NTSTATUS status) { return win32_error(nt.status_to_dos_error(status)); }

/* The void(*)(void) step keeps -Wcast-function-type quiet for GetProcAddress. */
#define NT_RESOLVE(module, name) ((void (*)(void))GetProcAddress(module, name))

static BOOL CALLBACK nt_resolve(PINIT_ONCE once, PVOID param, PVOID *context)
{
    (void)once;
    (void)param;
    (void)context;
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
    if (ntdll == NULL) {
        nt_init_error = GetLastError();
        return TRUE;
    }
    nt.create_file = (nt_create_file_fn)NT_RESOLVE(ntdll, "NtCreateFile");
    nt.device_io_control_file = (nt_device_io_control_file_fn)NT_RESOLVE(ntdll, "NtDeviceIoControlFile");
    nt.cancel_io_file_ex = (nt_cancel_io_file_ex_fn)NT_RESOLVE(ntdll, "NtCancelIoFileEx");
    nt.status_to_dos_error = (rtl_nt_status_to_dos_error_fn)NT_RESOLVE(ntdll, "RtlNtStatusToDosError");
    if (!nt.create_file || !nt.device_io_control_file || !nt.cancel_io_file_ex || !nt.status_to_dos_error)
        nt_init_error = ERROR_PROC_NOT_FOUND;
    return TRUE;
}

static int valid_selector(const struct mio4j_afd_selector *sel)
{
    return sel != NULL && sel->magic == SELECTOR_MAGIC;
}

/* ---- interests and readiness (the mapping of mio's src/sys/windows/event.rs) ---- */

static uint32_t interests_to_afd(uint32_t interests)
{
    /* ABORT and CONNECT_FAIL are always watched, whatever was asked for. */
    uint32_t flags = AFD_POLL_ABORT | AFD_POLL_CONNECT_FAIL;
    if (interests & MIO4J_AFD_INTEREST_READABLE)
        flags |= AFD_POLL_RECEIVE | AFD_POLL_ACCEPT | AFD_POLL_DISCONNECT;
    if (interests & MIO4J_AFD_INTEREST_WRITABLE)
        flags |= AFD_POLL_SEND;
    if (interests & MIO4J_AFD_INTEREST_PRIORITY)
        flags |= AFD_POLL_RECEIVE_EXPEDITED;
    return flags;
}

static uint32_t afd_to_readiness(uint32_t afd)
{
    const uint32_t failed = AFD_POLL_ABORT | AFD_POLL_CONNECT_FAIL;
    uint32_t r = 0;
    if (afd & (AFD_POLL_RECEIVE | AFD_POLL_ACCEPT | AFD_POLL_DISCONNECT | failed)) r |= MIO4J_AFD_READABLE;
    if (afd & (AFD_POLL_SEND | failed)) r |= MIO4J_AFD_WRITABLE;
    /* mio reports only CONNECT_FAIL as an error; a reset (ABORT) is an error here
     * too, as EPOLLERR is for the same reset on Linux. */
    if (afd & failed) r |= MIO4J_AFD_ERROR;
    if (afd & (AFD_POLL_DISCONNECT | failed)) r |= MIO4J_AFD_READ_CLOSED;
    if (afd & failed) r |= MIO4J_AFD_WRITE_CLOSED;
    if (afd & AFD_POLL_RECEIVE_EXPEDITED) r |= MIO4J_AFD_PRIORITY;
    return r;
}

/* ---- AFD helper handles ---- */

static int32_t helper_open(struct mio4j_afd_selector *sel, HANDLE *out)
{
    /* AFD ignores what follows \Device\Afd; the suffix only names our handles. */
    static const WCHAR name[] = L"\\Device\\Afd\\Mio4j";
    UNICODE_STRING uname = { sizeof(name) - sizeof(WCHAR), sizeof(name), (PWSTR)name };
    OBJECT_ATTRIBUTES attrs;
    IO_STATUS_BLOCK iosb;
    HANDLE h = INVALID_HANDLE_VALUE;

    InitializeObjectAttributes(&attrs, &uname, 0, NULL, NULL);
    memset(&iosb, 0, sizeof(iosb));
    NTSTATUS status = nt.create_file(&h, SYNCHRONIZE, &attrs, &iosb, NULL, 0,
                                     FILE_SHARE_READ | FILE_SHARE_WRITE, FILE_OPEN, 0, NULL, 0);
    if (status != MIO4J_STATUS_SUCCESS) return nt_error(status);
    if (CreateIoCompletionPort(h, sel->port, 0, 0) == NULL) {
        DWORD err = GetLastError();
        CloseHandle(h);
        return win32_error(err);
    }
    /* Completions go to the port; nobody waits on the handle, so skip signalling it. */
    if (!SetFileCompletionNotificationModes(h, FILE_SKIP_SET_EVENT_ON_HANDLE)) {
        DWORD err = GetLastError();
        CloseHandle(h);
        return win32_error(err);
    }
    *out = h;
    return 0;
}

static int32_t helper_acquire(struct mio4j_afd_selector *sel, struct afd_helper **out)
{
    struct afd_helper *head = sel->helpers;
    if (head == NULL || head->users >= SOCKETS_PER_HELPER) {
        head = calloc(1, sizeof(*head));
        if (head == NULL) return win32_error(ERROR_NOT_ENOUGH_MEMORY);
        int32_t rc = helper_open(sel, &head->handle);
        if (rc < 0) {
            free(head);
            return rc;
        }
        head->next = sel->helpers;
        sel->helpers = head;
    }
    head->users++;
    *out = head;
    return 0;
}

/* Closes a helper nobody uses any more, except the head (kept to avoid churn). */
static void helper_release(struct mio4j_afd_selector *sel, struct afd_helper *helper)
{
    if (--helper->users > 0 || helper == sel->helpers) return;
    for (struct afd_helper **p = &sel->helpers; *p != NULL; p = &(*p)->next) {
        if (*p == helper) {
            *p = helper->next;
            break;
        }
    }
    CloseHandle(helper->handle);
    free(helper);
}

/* ---- socket table: SOCKET -> live sock_state ---- */

static size_t bucket_of(SOCKET s, size_t bucket_count)
{
    uint64_t h = ((uint64_t)s >> 2) * 0x9E3779B97F4A7C15ull; /* handles are multiples of 4 */
    return (size_t)(h >> 32) & (bucket_count - 1);
}

static struct sock_state *table_find(struct mio4j_afd_selector *sel, SOCKET s)
{
    struct sock_state *st = sel->buckets[bucket_of(s, sel->bucket_count)];
    while (st != NULL && st->socket != s) st = st->hash_next;
    return st;
}

static void table_grow(struct mio4j_afd_selector *sel)
{
    size_t count = sel->bucket_count * 2;
    struct sock_state **buckets = calloc(count, sizeof(*buckets));
    if (buckets == NULL) return; /* keep the old table; lookups only get slower */
    for (size_t i = 0; i < sel->bucket_count; i++) {
        struct sock_state *st = sel->buckets[i];
        while (st != NULL) {
            struct sock_state *next = st->hash_next;
            size_t b = bucket_of(st->socket, count);
            st->hash_next = buckets[b];
            buckets[b] = st;
            st = next;
        }
    }
    free(sel->buckets);
    sel->buckets = buckets;
    sel->bucket_count = count;
}

static void table_insert(struct mio4j_afd_selector *sel, struct sock_state *st)
{
    if (sel->socket_count >= sel->bucket_count) table_grow(sel);
    size_t b = bucket_of(st->socket, sel->bucket_count);
    st->hash_next = sel->buckets[b];
    sel->buckets[b] = st;
    st->in_table = 1;
    sel->socket_count++;
}

static void table_remove(struct mio4j_afd_selector *sel, struct sock_state *st)
{
    if (!st->in_table) return;
    struct sock_state **p = &sel->buckets[bucket_of(st->socket, sel->bucket_count)];
    while (*p != st) p = &(*p)->hash_next;
    *p = st->hash_next;
    st->hash_next = NULL;
    st->in_table = 0;
    sel->socket_count--;
}

/* ---- update queue ---- */

static void queue_push(struct mio4j_afd_selector *sel, struct sock_state *st)
{
    if (st->queued) return;
    st->queue_prev = sel->queue_tail;
    st->queue_next = NULL;
    if (sel->queue_tail) sel->queue_tail->queue_next = st;
    else sel->queue_head = st;
    sel->queue_tail = st;
    st->queued = 1;
}

static void queue_remove(struct mio4j_afd_selector *sel, struct sock_state *st)
{
    if (!st->queued) return;
    if (st->queue_prev) st->queue_prev->queue_next = st->queue_next;
    else sel->queue_head = st->queue_next;
    if (st->queue_next) st->queue_next->queue_prev = st->queue_prev;
    else sel->queue_tail = st->queue_prev;
    st->queue_prev = st->queue_next = NULL;
    st->queued = 0;
}

/* ---- sock_state life cycle ---- */

static void state_free(struct mio4j_afd_selector *sel, struct sock_state *st)
{
    table_remove(sel, st);
    queue_remove(sel, st);
    if (st->all_prev) st->all_prev->all_next = st->all_next;
    else sel->all = st->all_next;
    if (st->all_next) st->all_next->all_prev = st->all_prev;
    helper_release(sel, st->helper);
    free(st);
}

static int32_t state_cancel(struct sock_state *st)
{
    IO_STATUS_BLOCK cancel_iosb;
    NTSTATUS status = nt.cancel_io_file_ex(st->helper->handle, &st->iosb, &cancel_iosb);
    /* NOT_FOUND: the poll completed already; its completion is still queued. */
    if (status != MIO4J_STATUS_SUCCESS && status != MIO4J_STATUS_NOT_FOUND) return nt_error(status);
    st->status = POLL_CANCELLED;
    st->pending_events = 0;
    return 0;
}

/* Forgets the socket. Memory the kernel may still write is freed when the poll's
 * completion is dequeued (by select or close). */
static void state_drop(struct mio4j_afd_selector *sel, struct sock_state *st)
{
    table_remove(sel, st);
    queue_remove(sel, st);
    st->delete_pending = 1;
    if (st->status == POLL_PENDING) state_cancel(st); /* on failure it completes later anyway */
    if (st->status == POLL_IDLE) state_free(sel, st);
}

/* Brings the kernel in line with armed_events: submits a poll when none is
 * outstanding, or cancels one that misses flags (it is resubmitted on completion).
 * May free st (socket already closed). */
static int32_t state_update(struct mio4j_afd_selector *sel, struct sock_state *st)
{
    if (st->delete_pending || st->status == POLL_CANCELLED) return 0;
    if (st->status == POLL_PENDING) {
        if ((st->armed_events & ~st->pending_events) == 0) return 0;
        return state_cancel(st);
    }

    st->poll_info.timeout.QuadPart = INT64_MAX; /* no timeout */
    st->poll_info.handle_count = 1;
    st->poll_info.exclusive = 0;
    st->poll_info.handles[0].handle = (HANDLE)st->base_socket;
    st->poll_info.handles[0].events = st->armed_events | AFD_POLL_LOCAL_CLOSE;
    st->poll_info.handles[0].status = 0;
    st->iosb.Status = MIO4J_STATUS_PENDING;
    NTSTATUS status = nt.device_io_control_file(st->helper->handle, NULL, NULL, st, &st->iosb,
                                                IOCTL_AFD_POLL, &st->poll_info, sizeof(st->poll_info),
                                                &st->poll_info, sizeof(st->poll_info));
    if (status != MIO4J_STATUS_SUCCESS && status != MIO4J_STATUS_PENDING) {
        DWORD err = nt.status_to_dos_error(status);
        if (err == ERROR_INVALID_HANDLE) { /* the socket was closed under us */
            state_drop(sel, st);
            return 0;
        }
        return win32_error(err);
    }
    /* Even a synchronous success posts its completion to the port. */
    st->status = POLL_PENDING;
    st->pending_events = st->armed_events;
    sel->pending_polls++;
    return 0;
}

/* Sends the change now if a thread is waiting in select, else at its next wait. */
static int32_t state_schedule(struct mio4j_afd_selector *sel, struct sock_state *st)
{
    if (!sel->waiting) {
        queue_push(sel, st);
        return 0;
    }
    queue_remove(sel, st);
    return state_update(sel, st);
}

static int32_t flush_queue(struct mio4j_afd_selector *sel)
{
    int32_t first_error = 0;
    while (sel->queue_head != NULL) {
        struct sock_state *st = sel->queue_head;
        queue_remove(sel, st);
        int32_t rc = state_update(sel, st);
        if (rc < 0 && first_error == 0) first_error = rc;
    }
    return first_error;
}

/* The socket under any layered service providers: AFD only knows base sockets.
 * SIO_BASE_HANDLE should never be intercepted, but some LSPs do; then the BSP
 * ioctls are tried (see the wepoll and mio sources), accepting only a different
 * handle. */
static int32_t base_socket_of(SOCKET s, SOCKET *out)
{
    static const DWORD fallbacks[] = { SIO_BSP_HANDLE_SELECT, SIO_BSP_HANDLE_POLL, SIO_BSP_HANDLE };
    SOCKET base = INVALID_SOCKET;
    DWORD bytes = 0;
    int type = 0, type_len = sizeof(type);
    /* Wine answers SIO_BASE_HANDLE for any handle value; SO_TYPE rejects non-sockets
     * everywhere, so a bad handle fails here and not silently at the first poll. */
    if (getsockopt(s, SOL_SOCKET, SO_TYPE, (char *)&type, &type_len) != 0) return -WSAGetLastError();
    if (WSAIoctl(s, SIO_BASE_HANDLE, NULL, 0, &base, sizeof(base), &bytes, NULL, NULL) == 0) {
        *out = base;
        return 0;
    }
    int err = WSAGetLastError();
    for (size_t i = 0; i < sizeof(fallbacks) / sizeof(fallbacks[0]); i++) {
        base = INVALID_SOCKET;
        if (WSAIoctl(s, fallbacks[i], NULL, 0, &base, sizeof(base), &bytes, NULL, NULL) == 0 &&
            base != s && base != INVALID_SOCKET) {
            *out = base;
            return 0;
        }
    }
    return err != 0 ? -err : -WSAENOTSOCK;
}

/* ---- public API ---- */

int32_t mio4j_afd_selector_open(struct mio4j_afd_selector **out)
{
    if (out == NULL) return win32_error(ERROR_INVALID_PARAMETER);
    *out = NULL;
    int32_t rc = mio4j_win_init();
    if (rc < 0) return rc;
    InitOnceExecuteOnce(&nt_init_once, nt_resolve, NULL, NULL);
    if (nt_init_error != 0) return win32_error(nt_init_error);

    struct mio4j_afd_selector *sel = calloc(1, sizeof(*sel));
    if (sel == NULL) return win32_error(ERROR_NOT_ENOUGH_MEMORY);
    sel->bucket_count = 64;
    sel->buckets = calloc(sel->bucket_count, sizeof(*sel->buckets));
    if (sel->buckets == NULL) {
        free(sel);
        return win32_error(ERROR_NOT_ENOUGH_MEMORY);
    }
    sel->port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    if (sel->port == NULL) {
        DWORD err = GetLastError();
        free(sel->buckets);
        free(sel);
        return win32_error(err);
    }
    InitializeCriticalSection(&sel->lock);
    sel->magic = SELECTOR_MAGIC;
    *out = sel;
    return 0;
}

int32_t mio4j_afd_selector_close(struct mio4j_afd_selector *sel)
{
    if (!valid_selector(sel)) return win32_error(ERROR_INVALID_PARAMETER);
    EnterCriticalSection(&sel->lock);
    sel->magic = 0;
    struct sock_state *st = sel->all;
    while (st != NULL) {
        struct sock_state *next = st->all_next;
        state_drop(sel, st);
        st = next;
    }

    /* Cancelled polls still own their sock_state until their completion arrives. */
    OVERLAPPED_ENTRY entries[64];
    ULONGLONG deadline = GetTickCount64() + CLOSE_DRAIN_MS;
    while (sel->pending_polls > 0 && GetTickCount64() < deadline) {
        ULONG got = 0;
        if (!GetQueuedCompletionStatusEx(sel->port, entries, 64, &got, 100, FALSE)) continue;
        for (ULONG i = 0; i < got; i++) {
            if (entries[i].lpOverlapped == NULL) continue; /* a wake */
            sel->pending_polls--;
            state_free(sel, (struct sock_state *)entries[i].lpOverlapped);
        }
    }
    /* If the kernel never answered, the remaining states are leaked on purpose:
     * it may still write to them. Closing the helpers cancels their polls. */
    while (sel->helpers != NULL) {
        struct afd_helper *h = sel->helpers;
        sel->helpers = h->next;
        CloseHandle(h->handle);
        free(h);
    }
    CloseHandle(sel->port);
    LeaveCriticalSection(&sel->lock);
    DeleteCriticalSection(&sel->lock);
    free(sel->buckets);
    free(sel->entries);
    free(sel);
    return 0;
}

static int32_t check_call(struct mio4j_afd_selector *sel, SOCKET s)
{
    if (!valid_selector(sel)) return win32_error(ERROR_INVALID_PARAMETER);
    if (s == INVALID_SOCKET) return -WSAENOTSOCK;
    return 0;
}

int32_t mio4j_afd_register(struct mio4j_afd_selector *sel, SOCKET s, uint64_t data, uint32_t interests)
{
    int32_t rc = check_call(sel, s);
    if (rc < 0) return rc;
    if (interests == 0) return win32_error(ERROR_INVALID_PARAMETER);
    SOCKET base = INVALID_SOCKET;
    rc = base_socket_of(s, &base);
    if (rc < 0) return rc;

    struct sock_state *st = calloc(1, sizeof(*st));
    if (st == NULL) return win32_error(ERROR_NOT_ENOUGH_MEMORY);
    EnterCriticalSection(&sel->lock);
    rc = helper_acquire(sel, &st->helper);
    if (rc < 0) {
        LeaveCriticalSection(&sel->lock);
        free(st);
        return rc;
    }
    struct sock_state *stale = table_find(sel, s);
    if (stale != NULL) state_drop(sel, stale); /* handle value reused after a close */

    st->socket = s;
    st->base_socket = base;
    st->data = data;
    st->registered_events = st->armed_events = interests_to_afd(interests);
    st->status = POLL_IDLE;
    st->all_next = sel->all;
    if (sel->all) sel->all->all_prev = st;
    sel->all = st;
    table_insert(sel, st);
    rc = state_schedule(sel, st);
    if (rc < 0) state_drop(sel, st);
    LeaveCriticalSection(&sel->lock);
    return rc;
}

int32_t mio4j_afd_reregister(struct mio4j_afd_selector *sel, SOCKET s, uint64_t data, uint32_t interests)
{
    int32_t rc = check_call(sel, s);
    if (rc < 0) return rc;
    if (interests == 0) return win32_error(ERROR_INVALID_PARAMETER);
    EnterCriticalSection(&sel->lock);
    struct sock_state *st = table_find(sel, s);
    if (st == NULL) {
        rc = win32_error(ERROR_NOT_FOUND);
    } else {
        st->data = data;
        st->registered_events = st->armed_events = interests_to_afd(interests);
        rc = state_schedule(sel, st);
    }
    LeaveCriticalSection(&sel->lock);
    return rc;
}

int32_t mio4j_afd_deregister(struct mio4j_afd_selector *sel, SOCKET s)
{
    int32_t rc = check_call(sel, s);
    if (rc < 0) return rc;
    EnterCriticalSection(&sel->lock);
    struct sock_state *st = table_find(sel, s);
    if (st == NULL) rc = win32_error(ERROR_NOT_FOUND);
    else state_drop(sel, st);
    LeaveCriticalSection(&sel->lock);
    return rc;
}

int32_t mio4j_afd_would_block(struct mio4j_afd_selector *sel, SOCKET s)
{
    int32_t rc = check_call(sel, s);
    if (rc < 0) return rc;
    EnterCriticalSection(&sel->lock);
    struct sock_state *st = table_find(sel, s);
    if (st == NULL) {
        rc = win32_error(ERROR_NOT_FOUND);
    } else {
        st->armed_events = st->registered_events;
        rc = state_schedule(sel, st);
    }
    LeaveCriticalSection(&sel->lock);
    return rc;
}

int32_t mio4j_afd_wake(struct mio4j_afd_selector *sel, uint64_t data)
{
    if (!valid_selector(sel)) return win32_error(ERROR_INVALID_PARAMETER);
    if (!PostQueuedCompletionStatus(sel->port, 0, (ULONG_PTR)data, NULL)) return win32_error(GetLastError());
    return 0;
}

/* Turns one completion into at most one event; returns 1 if it wrote one. */
static int feed_completion(struct mio4j_afd_selector *sel, const OVERLAPPED_ENTRY *entry,
                           struct mio4j_afd_event *out)
{
    if (entry->lpOverlapped == NULL) { /* posted by mio4j_afd_wake */
        out->data = (uint64_t)entry->lpCompletionKey;
        out->readiness = MIO4J_AFD_READABLE;
        out->pad = 0;
        return 1;
    }
    struct sock_state *st = (struct sock_state *)entry->lpOverlapped;
    sel->pending_polls--;
    st->status = POLL_IDLE;
    st->pending_events = 0;
    if (st->delete_pending) {
        state_free(sel, st);
        return 0;
    }

    uint32_t afd = 0;
    NTSTATUS status = st->iosb.Status;
    if (status == MIO4J_STATUS_CANCELLED) {
        afd = 0; /* we cancelled it to change the flags */
    } else if (status < 0) {
        afd = AFD_POLL_CONNECT_FAIL; /* the poll itself failed: report the socket as failed */
    } else if (st->poll_info.handle_count >= 1) {
        afd = st->poll_info.handles[0].events;
        if (afd & AFD_POLL_LOCAL_CLOSE) { /* closed without deregister: forget it */
            state_drop(sel, st);
            return 0;
        }
    }
    queue_push(sel, st); /* re-armed with what is left just before the next wait */
    afd &= st->armed_events;
    if (afd == 0) return 0;
    st->armed_events &= ~afd;
    out->data = st->data;
    out->readiness = afd_to_readiness(afd);
    out->pad = 0;
    return 1;
}

static int32_t ensure_entries(struct mio4j_afd_selector *sel, ULONG count)
{
    if (sel->entry_capacity >= count) return 0;
    OVERLAPPED_ENTRY *entries = realloc(sel->entries, count * sizeof(*entries));
    if (entries == NULL) return win32_error(ERROR_NOT_ENOUGH_MEMORY);
    sel->entries = entries;
    sel->entry_capacity = count;
    return 0;
}

int32_t mio4j_afd_select(struct mio4j_afd_selector *sel, struct mio4j_afd_event *out,
                         int32_t capacity, int32_t timeout_ms)
{
    if (!valid_selector(sel) || out == NULL || capacity < 1) return win32_error(ERROR_INVALID_PARAMETER);
    ULONG count = capacity > MAX_ENTRIES_PER_WAIT ? MAX_ENTRIES_PER_WAIT : (ULONG)capacity;
    DWORD wait_ms = timeout_ms < 0 ? INFINITE : (DWORD)timeout_ms;

    EnterCriticalSection(&sel->lock);
    if (sel->selecting) {
        LeaveCriticalSection(&sel->lock);
        return win32_error(ERROR_BUSY);
    }
    int32_t rc = ensure_entries(sel, count);
    if (rc < 0) {
        LeaveCriticalSection(&sel->lock);
        return rc;
    }
    sel->selecting = 1;
    for (;;) {
        rc = flush_queue(sel);
        if (rc < 0) break;
        sel->waiting = 1;
        LeaveCriticalSection(&sel->lock);
        ULONG got = 0;
        BOOL ok = GetQueuedCompletionStatusEx(sel->port, sel->entries, count, &got, wait_ms, FALSE);
        DWORD err = ok ? 0 : GetLastError();
        EnterCriticalSection(&sel->lock);
        sel->waiting = 0;
        if (!ok) {
            rc = err == WAIT_TIMEOUT ? 0 : win32_error(err);
            break;
        }
        int32_t n = 0;
        for (ULONG i = 0; i < got; i++) n += feed_completion(sel, &sel->entries[i], &out[n]);
        rc = n;
        /* Without a timeout, completions that gave no event (cancellations) are not
         * worth returning for: re-arm and wait again. */
        if (n > 0 || timeout_ms >= 0) break;
    }
    sel->selecting = 0;
    LeaveCriticalSection(&sel->lock);
    return rc;
}
