/* Behaviour tests of the AFD selector and the Winsock calls, one function per case.
 * Waits are bounded polls (select with a timeout), never sleeps. Prints one line per
 * case and finally "N passed, M failed"; exits non-zero if any case failed. */
#include <winsock2.h>
#include <windows.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "afd_selector.h"
#include "socket_win.h"
#include "check.h"

#define WAIT_MS 5000
#define QUIET_MS 300

/* Everything a case opens is tracked and closed after it, pass or fail. */
static SOCKET open_sockets[1024];
static int open_socket_count;
static struct mio4j_afd_selector *open_selector;

static SOCKET track(int64_t s)
{
    if (s < 0) return INVALID_SOCKET;
    if (open_socket_count < (int)(sizeof(open_sockets) / sizeof(open_sockets[0])))
        open_sockets[open_socket_count++] = (SOCKET)s;
    return (SOCKET)s;
}

static void untrack(SOCKET s)
{
    for (int i = 0; i < open_socket_count; i++)
        if (open_sockets[i] == s) open_sockets[i] = INVALID_SOCKET;
}

static void close_tracked(void)
{
    if (open_selector != NULL) mio4j_afd_selector_close(open_selector);
    open_selector = NULL;
    for (int i = 0; i < open_socket_count; i++)
        if (open_sockets[i] != INVALID_SOCKET) mio4j_win_closesocket(open_sockets[i]);
    open_socket_count = 0;
}

static struct mio4j_afd_selector *new_selector(void)
{
    struct mio4j_afd_selector *sel = NULL;
    if (mio4j_afd_selector_open(&sel) < 0) return NULL;
    open_selector = sel;
    return sel;
}

static struct mio4j_win_addr loopback(uint16_t port)
{
    struct mio4j_win_addr a;
    memset(&a, 0, sizeof(a));
    a.family = MIO4J_WIN_FAMILY_V4;
    a.port = port;
    a.addr[0] = 127;
    a.addr[3] = 1;
    return a;
}

/* A listening TCP socket on 127.0.0.1 with an OS-chosen port. */
static SOCKET new_listener(uint16_t *port)
{
    SOCKET l = track(mio4j_win_socket(MIO4J_WIN_FAMILY_V4, MIO4J_WIN_STREAM));
    struct mio4j_win_addr a = loopback(0);
    if (l == INVALID_SOCKET || mio4j_win_bind(l, &a) < 0 || mio4j_win_listen(l, 1024) < 0 ||
        mio4j_win_getsockname(l, &a) < 0)
        return INVALID_SOCKET;
    *port = a.port;
    return l;
}

/* Winsock select() on one socket: set-up only, not what is under test. */
static int wait_socket(SOCKET s, int for_write, int ms)
{
    fd_set set;
    struct timeval tv = { ms / 1000, (ms % 1000) * 1000 };
    FD_ZERO(&set);
    FD_SET(s, &set);
    return select(0, for_write ? NULL : &set, for_write ? &set : NULL, NULL, &tv) == 1;
}

static SOCKET accept_one(SOCKET listener)
{
    if (!wait_socket(listener, 0, WAIT_MS)) return INVALID_SOCKET;
    return track(mio4j_win_accept(listener, NULL));
}

/* A connected TCP pair on loopback. */
static int new_pair(SOCKET listener, uint16_t port, SOCKET *client, SOCKET *server)
{
    struct mio4j_win_addr a = loopback(port);
    *client = track(mio4j_win_socket(MIO4J_WIN_FAMILY_V4, MIO4J_WIN_STREAM));
    if (*client == INVALID_SOCKET || mio4j_win_connect(*client, &a) < 0) return 0;
    *server = accept_one(listener);
    return *server != INVALID_SOCKET && wait_socket(*client, 1, WAIT_MS);
}

static int new_connected(SOCKET *client, SOCKET *server)
{
    uint16_t port;
    SOCKET l = new_listener(&port);
    return l != INVALID_SOCKET && new_pair(l, port, client, server);
}

/* Polls until an event for data has all of want's bits; returns its readiness, or 0
 * when none came within ms. Other events are ignored. */
static uint32_t wait_event(struct mio4j_afd_selector *sel, uint64_t data, uint32_t want, int ms)
{
    struct mio4j_afd_event events[64];
    ULONGLONG deadline = GetTickCount64() + (ULONGLONG)ms;
    for (;;) {
        ULONGLONG now = GetTickCount64();
        if (now >= deadline) return 0;
        int32_t n = mio4j_afd_select(sel, events, 64, (int32_t)(deadline - now));
        if (n < 0) {
            printf("    select failed: %d\n", n);
            return 0;
        }
        for (int32_t i = 0; i < n; i++)
            if (events[i].data == data && (events[i].readiness & want) == want)
                return events[i].readiness;
    }
}

/* 1 if no event for data (with any of mask's bits) arrives within ms. */
static int no_event(struct mio4j_afd_selector *sel, uint64_t data, uint32_t mask, int ms)
{
    struct mio4j_afd_event events[64];
    ULONGLONG deadline = GetTickCount64() + (ULONGLONG)ms;
    for (;;) {
        ULONGLONG now = GetTickCount64();
        if (now >= deadline) return 1;
        int32_t n = mio4j_afd_select(sel, events, 64, (int32_t)(deadline - now));
        if (n < 0) return 0;
        for (int32_t i = 0; i < n; i++) {
            if (events[i].data == data && (events[i].readiness & mask) != 0) {
                printf("    unexpected event: data %llu readiness 0x%x\n",
                       (unsigned long long)events[i].data, events[i].readiness);
                return 0;
            }
        }
    }
}

static int running_under_wine(void)
{
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
    return ntdll != NULL && GetProcAddress(ntdll, "wine_get_version") != NULL;
}

static int drain(SOCKET s)
{
    char buf[4096];
    int32_t rc;
    while ((rc = mio4j_win_recv(s, buf, sizeof(buf), 0)) > 0) {}
    return rc;
}

/* ---- cases ---- */

static int event_layout_is_fixed(void)
{
    CHECK_RC(mio4j_afd_event_size(), 16);
    CHECK_RC(mio4j_afd_event_data_offset(), 0);
    CHECK_RC(mio4j_afd_event_readiness_offset(), 8);
    CHECK_RC(mio4j_win_addr_size(), 24);
    CHECK_RC(mio4j_win_addr_family_offset(), 0);
    CHECK_RC(mio4j_win_addr_port_offset(), 2);
    CHECK_RC(mio4j_win_addr_scope_id_offset(), 4);
    CHECK_RC(mio4j_win_addr_addr_offset(), 8);
    CHECK_RC(mio4j_win_iov_size(), 16);
    CHECK_RC(mio4j_win_iov_address_offset(), 0);
    CHECK_RC(mio4j_win_iov_length_offset(), 8);
    return 1;
}

static int readable_after_send(void)
{
    SOCKET c, s;
    struct mio4j_afd_selector *sel = new_selector();
    CHECK(sel != NULL);
    CHECK(new_connected(&c, &s));
    CHECK_RC(mio4j_afd_register(sel, s, 1, MIO4J_AFD_INTEREST_READABLE), 0);
    CHECK(no_event(sel, 1, MIO4J_AFD_READABLE, QUIET_MS));
    CHECK_RC(mio4j_win_send(c, "hello", 5), 5);
    uint32_t r = wait_event(sel, 1, MIO4J_AFD_READABLE, WAIT_MS);
    CHECK(r != 0);
    CHECK((r & (MIO4J_AFD_ERROR | MIO4J_AFD_READ_CLOSED | MIO4J_AFD_WRITABLE)) == 0);
    char buf[16];
    CHECK_RC(mio4j_win_recv(s, buf, sizeof(buf), MIO4J_WIN_PEEK), 5);
    CHECK_RC(mio4j_win_recv(s, buf, sizeof(buf), 0), 5);
    CHECK(memcmp(buf, "hello", 5) == 0);
    CHECK_RC(mio4j_win_recv(s, buf, sizeof(buf), 0), -WSAEWOULDBLOCK);
    return 1;
}

static int writable_on_connect(void)
{
    uint16_t port;
    struct mio4j_afd_selector *sel = new_selector();
    CHECK(sel != NULL);
    SOCKET l = new_listener(&port);
    CHECK(l != INVALID_SOCKET);
    SOCKET c = track(mio4j_win_socket(MIO4J_WIN_FAMILY_V4, MIO4J_WIN_STREAM));
    CHECK(c != INVALID_SOCKET);
    struct mio4j_win_addr a = loopback(port), peer;
    int32_t rc = mio4j_win_connect(c, &a);
    CHECK(rc == 0 || rc == 1);
    CHECK_RC(mio4j_afd_register(sel, c, 2, MIO4J_AFD_INTEREST_WRITABLE), 0);
    uint32_t r = wait_event(sel, 2, MIO4J_AFD_WRITABLE, WAIT_MS);
    CHECK(r != 0);
    CHECK((r & MIO4J_AFD_ERROR) == 0);
    int32_t err = -1;
    CHECK_RC(mio4j_win_getsockopt(c, MIO4J_WIN_OPT_ERROR, &err), 0);
    CHECK_RC(err, 0);
    CHECK_RC(mio4j_win_getpeername(c, &peer), 0);
    CHECK_RC(peer.port, port);
    CHECK_RC(peer.family, MIO4J_WIN_FAMILY_V4);
    return 1;
}

static int read_closed_after_peer_shutdown(void)
{
    SOCKET c, s;
    struct mio4j_afd_selector *sel = new_selector();
    CHECK(sel != NULL);
    CHECK(new_connected(&c, &s));
    CHECK_RC(mio4j_afd_register(sel, s, 3, MIO4J_AFD_INTEREST_READABLE), 0);
    CHECK_RC(mio4j_win_shutdown(c, MIO4J_WIN_SHUT_WRITE), 0);
    uint32_t r = wait_event(sel, 3, MIO4J_AFD_READ_CLOSED, WAIT_MS);
    CHECK(r != 0);
    CHECK(r & MIO4J_AFD_READABLE);
    CHECK((r & (MIO4J_AFD_ERROR | MIO4J_AFD_WRITE_CLOSED)) == 0);
    char buf[4];
    CHECK_RC(mio4j_win_recv(s, buf, sizeof(buf), 0), 0);
    return 1;
}

static int error_after_reset(void)
{
    SOCKET c, s;
    struct mio4j_afd_selector *sel = new_selector();
    CHECK(sel != NULL);
    CHECK(new_connected(&c, &s));
    CHECK_RC(mio4j_afd_register(sel, s, 4, MIO4J_AFD_INTEREST_READABLE), 0);
    CHECK_RC(mio4j_win_setsockopt(c, MIO4J_WIN_OPT_LINGER, 0), 0); /* close sends RST */
    int32_t linger = -2;
    CHECK_RC(mio4j_win_getsockopt(c, MIO4J_WIN_OPT_LINGER, &linger), 0);
    CHECK_RC(linger, 0);
    CHECK_RC(mio4j_win_closesocket(c), 0);
    untrack(c);
    uint32_t r = wait_event(sel, 4, MIO4J_AFD_ERROR, WAIT_MS);
    CHECK(r != 0);
    CHECK((r & (MIO4J_AFD_READ_CLOSED | MIO4J_AFD_WRITE_CLOSED)) ==
          (MIO4J_AFD_READ_CLOSED | MIO4J_AFD_WRITE_CLOSED));
    char buf[4];
    int32_t rc = mio4j_win_recv(s, buf, sizeof(buf), 0);
    if (rc == 0 && running_under_wine()) {
        /* Observed under Wine 8: the reset is reported by the poll but not kept for recv. */
        printf("    note: recv after reset returned 0 under Wine (Windows: WSAECONNRESET)\n");
        return 1;
    }
    CHECK_RC(rc, -WSAECONNRESET);
    return 1;
}

static int connect_refused(void)
{
    struct mio4j_afd_selector *sel = new_selector();
    CHECK(sel != NULL);
    /* A port that was just free: bound, never listened on, closed. */
    SOCKET tmp = mio4j_win_socket(MIO4J_WIN_FAMILY_V4, MIO4J_WIN_STREAM);
    struct mio4j_win_addr a = loopback(0);
    CHECK(tmp != INVALID_SOCKET);
    CHECK_RC(mio4j_win_bind(tmp, &a), 0);
    CHECK_RC(mio4j_win_getsockname(tmp, &a), 0);
    CHECK_RC(mio4j_win_closesocket(tmp), 0);

    SOCKET c = track(mio4j_win_socket(MIO4J_WIN_FAMILY_V4, MIO4J_WIN_STREAM));
    CHECK(c != INVALID_SOCKET);
    int32_t rc = mio4j_win_connect(c, &a);
    if (rc == -WSAECONNREFUSED) { /* refused at once: nothing left to poll */
        printf("    note: connect was refused synchronously, the poll path was not exercised\n");
        return 1;
    }
    CHECK_RC(rc, 1);
    CHECK_RC(mio4j_afd_register(sel, c, 5, MIO4J_AFD_INTEREST_READABLE | MIO4J_AFD_INTEREST_WRITABLE), 0);
    /* Windows retries a refused SYN for about two seconds before failing. */
    uint32_t r = wait_event(sel, 5, MIO4J_AFD_ERROR, 3 * WAIT_MS);
    CHECK(r != 0);
    CHECK((r & (MIO4J_AFD_READ_CLOSED | MIO4J_AFD_WRITE_CLOSED)) ==
          (MIO4J_AFD_READ_CLOSED | MIO4J_AFD_WRITE_CLOSED));
    int32_t err = 0;
    CHECK_RC(mio4j_win_getsockopt(c, MIO4J_WIN_OPT_ERROR, &err), 0);
    CHECK_RC(err, WSAECONNREFUSED);
    return 1;
}

static int accept_readiness_on_listener(void)
{
    uint16_t port;
    struct mio4j_afd_selector *sel = new_selector();
    CHECK(sel != NULL);
    SOCKET l = new_listener(&port);
    CHECK(l != INVALID_SOCKET);
    CHECK_RC(mio4j_afd_register(sel, l, 6, MIO4J_AFD_INTEREST_READABLE), 0);
    struct mio4j_win_addr peer;
    CHECK_RC(mio4j_win_accept(l, &peer), -WSAEWOULDBLOCK);
    CHECK(no_event(sel, 6, MIO4J_AFD_READABLE, QUIET_MS));
    SOCKET c = track(mio4j_win_socket(MIO4J_WIN_FAMILY_V4, MIO4J_WIN_STREAM));
    struct mio4j_win_addr a = loopback(port);
    int32_t rc = mio4j_win_connect(c, &a);
    CHECK(rc == 0 || rc == 1);
    CHECK(wait_event(sel, 6, MIO4J_AFD_READABLE, WAIT_MS) != 0);
    SOCKET s = track(mio4j_win_accept(l, &peer));
    CHECK(s != INVALID_SOCKET);
    CHECK_RC(peer.family, MIO4J_WIN_FAMILY_V4);
    CHECK_RC(peer.addr[0], 127);
    CHECK_RC(mio4j_win_accept(l, &peer), -WSAEWOULDBLOCK);
    return 1;
}

static DWORD WINAPI wake_thread(LPVOID arg)
{
    return mio4j_afd_wake((struct mio4j_afd_selector *)arg, 0xFEEDFACECAFEBEEFull) == 0 ? 0 : 1;
}

static int waker_from_another_thread(void)
{
    struct mio4j_afd_selector *sel = new_selector();
    CHECK(sel != NULL);
    HANDLE t = CreateThread(NULL, 0, wake_thread, sel, 0, NULL);
    CHECK(t != NULL);
    uint32_t r = wait_event(sel, 0xFEEDFACECAFEBEEFull, MIO4J_AFD_READABLE, WAIT_MS);
    DWORD code = 1;
    WaitForSingleObject(t, WAIT_MS);
    GetExitCodeThread(t, &code);
    CloseHandle(t);
    CHECK_RC(code, 0);
    CHECK_RC(r, MIO4J_AFD_READABLE);
    return 1;
}

struct late_register {
    struct mio4j_afd_selector *sel;
    uint32_t readiness;
};

static DWORD WINAPI select_thread(LPVOID arg)
{
    struct late_register *lr = arg;
    lr->readiness = wait_event(lr->sel, 7, MIO4J_AFD_READABLE, WAIT_MS);
    return 0;
}

static int register_while_another_thread_selects(void)
{
    SOCKET c, s;
    struct late_register lr = { new_selector(), 0 };
    CHECK(lr.sel != NULL);
    CHECK(new_connected(&c, &s));
    CHECK_RC(mio4j_win_send(c, "x", 1), 1);
    CHECK(wait_socket(s, 0, WAIT_MS));
    HANDLE t = CreateThread(NULL, 0, select_thread, &lr, 0, NULL);
    CHECK(t != NULL);
    /* Registers while the other thread is (most likely) blocked in select: the poll
     * must be submitted at once, not at that thread's next wait. */
    int32_t rc = mio4j_afd_register(lr.sel, s, 7, MIO4J_AFD_INTEREST_READABLE);
    WaitForSingleObject(t, 2 * WAIT_MS);
    CloseHandle(t);
    CHECK_RC(rc, 0);
    CHECK(lr.readiness & MIO4J_AFD_READABLE);
    return 1;
}

static int reregister_changes_interests(void)
{
    SOCKET c, s;
    struct mio4j_afd_selector *sel = new_selector();
    CHECK(sel != NULL);
    CHECK(new_connected(&c, &s));
    CHECK_RC(mio4j_afd_register(sel, s, 8, MIO4J_AFD_INTEREST_READABLE), 0);
    CHECK(no_event(sel, 8, ~0u, QUIET_MS)); /* writable, but nobody asked */
    CHECK_RC(mio4j_afd_reregister(sel, s, 9, MIO4J_AFD_INTEREST_WRITABLE), 0);
    uint32_t r = wait_event(sel, 9, MIO4J_AFD_WRITABLE, WAIT_MS);
    CHECK(r != 0);
    CHECK((r & MIO4J_AFD_READABLE) == 0);
    CHECK_RC(mio4j_win_send(c, "x", 1), 1);
    CHECK(no_event(sel, 9, MIO4J_AFD_READABLE, QUIET_MS));
    CHECK_RC(mio4j_afd_reregister(sel, s, 10, MIO4J_AFD_INTEREST_READABLE), 0);
    CHECK(wait_event(sel, 10, MIO4J_AFD_READABLE, WAIT_MS) != 0);
    return 1;
}

static int deregister_cancels_pending_poll(void)
{
    SOCKET c, s;
    struct mio4j_afd_selector *sel = new_selector();
    struct mio4j_afd_event ev[4];
    CHECK(sel != NULL);
    CHECK(new_connected(&c, &s));
    CHECK_RC(mio4j_afd_register(sel, s, 11, MIO4J_AFD_INTEREST_READABLE), 0);
    CHECK_RC(mio4j_afd_select(sel, ev, 4, 0), 0); /* submits the poll */
    CHECK_RC(mio4j_afd_deregister(sel, s), 0);
    CHECK_RC(mio4j_win_send(c, "x", 1), 1);
    CHECK(no_event(sel, 11, ~0u, QUIET_MS));
    CHECK_RC(mio4j_afd_deregister(sel, s), -ERROR_NOT_FOUND);
    /* The socket can be registered again afterwards. */
    CHECK_RC(mio4j_afd_register(sel, s, 12, MIO4J_AFD_INTEREST_READABLE), 0);
    CHECK(wait_event(sel, 12, MIO4J_AFD_READABLE, WAIT_MS) != 0);
    return 1;
}

static int closing_registered_socket_drops_it(void)
{
    SOCKET c, s, c2, s2;
    uint16_t port;
    struct mio4j_afd_selector *sel = new_selector();
    struct mio4j_afd_event ev[4];
    CHECK(sel != NULL);
    SOCKET l = new_listener(&port);
    CHECK(l != INVALID_SOCKET);
    CHECK(new_pair(l, port, &c, &s));
    CHECK(new_pair(l, port, &c2, &s2));
    CHECK_RC(mio4j_afd_register(sel, s, 13, MIO4J_AFD_INTEREST_READABLE), 0);
    CHECK_RC(mio4j_afd_register(sel, s2, 14, MIO4J_AFD_INTEREST_READABLE), 0);
    CHECK_RC(mio4j_afd_select(sel, ev, 4, 0), 0); /* submits both polls */
    CHECK_RC(mio4j_win_closesocket(s), 0);
    untrack(s);
    CHECK_RC(mio4j_win_send(c, "x", 1), 1);
    CHECK(no_event(sel, 13, ~0u, QUIET_MS));
    CHECK_RC(mio4j_afd_deregister(sel, s), -ERROR_NOT_FOUND);
    /* The selector still works for the others. */
    CHECK_RC(mio4j_win_send(c2, "y", 1), 1);
    CHECK(wait_event(sel, 14, MIO4J_AFD_READABLE, WAIT_MS) != 0);
    return 1;
}

#define MANY_PAIRS 110

static int more_sockets_than_one_afd_group(void)
{
    static SOCKET clients[MANY_PAIRS], servers[MANY_PAIRS];
    static unsigned char seen[2 * MANY_PAIRS];
    uint16_t port;
    struct mio4j_afd_selector *sel = new_selector();
    CHECK(sel != NULL);
    SOCKET l = new_listener(&port);
    CHECK(l != INVALID_SOCKET);
    memset(seen, 0, sizeof(seen));
    for (int i = 0; i < MANY_PAIRS; i++) {
        CHECK(new_pair(l, port, &clients[i], &servers[i]));
        CHECK_RC(mio4j_afd_register(sel, servers[i], (uint64_t)i, MIO4J_AFD_INTEREST_READABLE), 0);
        CHECK_RC(mio4j_afd_register(sel, clients[i], (uint64_t)(MANY_PAIRS + i),
                                    MIO4J_AFD_INTEREST_WRITABLE), 0);
    }
    for (int i = 0; i < MANY_PAIRS; i++) CHECK_RC(mio4j_win_send(clients[i], "z", 1), 1);

    int remaining = 2 * MANY_PAIRS;
    struct mio4j_afd_event events[50];
    ULONGLONG deadline = GetTickCount64() + 2 * WAIT_MS;
    while (remaining > 0 && GetTickCount64() < deadline) {
        int32_t n = mio4j_afd_select(sel, events, 50, 500);
        CHECK(n >= 0 && n <= 50);
        for (int32_t i = 0; i < n; i++) {
            uint64_t d = events[i].data;
            CHECK(d < 2 * MANY_PAIRS);
            uint32_t want = d < MANY_PAIRS ? MIO4J_AFD_READABLE : MIO4J_AFD_WRITABLE;
            CHECK(events[i].readiness & want);
            if (!seen[d]) {
                seen[d] = 1;
                remaining--;
            }
        }
    }
    if (remaining > 0) printf("    %d of %d sockets got no event\n", remaining, 2 * MANY_PAIRS);
    CHECK_RC(remaining, 0);
    return 1;
}

static int would_block_rearms_edge_triggered_interest(void)
{
    SOCKET c, s;
    struct mio4j_afd_selector *sel = new_selector();
    CHECK(sel != NULL);
    CHECK(new_connected(&c, &s));
    CHECK_RC(mio4j_afd_register(sel, s, 15, MIO4J_AFD_INTEREST_READABLE), 0);
    CHECK_RC(mio4j_win_send(c, "a", 1), 1);
    CHECK(wait_event(sel, 15, MIO4J_AFD_READABLE, WAIT_MS) != 0);
    /* Consumed: unread data and even new data raise nothing until would-block. */
    CHECK(no_event(sel, 15, ~0u, QUIET_MS));
    CHECK_RC(mio4j_win_send(c, "b", 1), 1);
    CHECK(no_event(sel, 15, ~0u, QUIET_MS));
    /* Re-armed while data is still queued: fires again at once. */
    CHECK_RC(mio4j_afd_would_block(sel, s), 0);
    CHECK(wait_event(sel, 15, MIO4J_AFD_READABLE, WAIT_MS) != 0);
    /* Read everything, report the would-block: quiet until new data arrives. */
    CHECK_RC(drain(s), -WSAEWOULDBLOCK);
    CHECK_RC(mio4j_afd_would_block(sel, s), 0);
    CHECK(no_event(sel, 15, ~0u, QUIET_MS));
    CHECK_RC(mio4j_win_send(c, "c", 1), 1);
    CHECK(wait_event(sel, 15, MIO4J_AFD_READABLE, WAIT_MS) != 0);
    return 1;
}

static int bad_arguments_are_rejected(void)
{
    struct mio4j_afd_event ev[2];
    struct mio4j_afd_selector *sel = new_selector();
    CHECK(sel != NULL);
    SOCKET u = track(mio4j_win_socket(MIO4J_WIN_FAMILY_V4, MIO4J_WIN_DATAGRAM));
    CHECK(u != INVALID_SOCKET);
    /* Zeroed memory posing as a selector fails the magic check. */
    static uint64_t fake[64];

    CHECK(mio4j_afd_selector_open(NULL) < 0);
    CHECK(mio4j_afd_selector_close(NULL) < 0);
    CHECK(mio4j_afd_selector_close((struct mio4j_afd_selector *)fake) < 0);
    CHECK(mio4j_afd_select(NULL, ev, 2, 0) < 0);
    CHECK(mio4j_afd_select((struct mio4j_afd_selector *)fake, ev, 2, 0) < 0);
    CHECK(mio4j_afd_select(sel, NULL, 2, 0) < 0);
    CHECK(mio4j_afd_select(sel, ev, 0, 0) < 0);
    CHECK(mio4j_afd_select(sel, ev, -5, 0) < 0);
    CHECK(mio4j_afd_register(NULL, u, 1, MIO4J_AFD_INTEREST_READABLE) < 0);
    CHECK_RC(mio4j_afd_register(sel, INVALID_SOCKET, 1, MIO4J_AFD_INTEREST_READABLE), -WSAENOTSOCK);
    CHECK(mio4j_afd_register(sel, (SOCKET)0x7fff0, 1, MIO4J_AFD_INTEREST_READABLE) < 0);
    CHECK(mio4j_afd_register(sel, u, 1, 0) < 0);
    CHECK_RC(mio4j_afd_reregister(sel, u, 1, MIO4J_AFD_INTEREST_READABLE), -ERROR_NOT_FOUND);
    CHECK_RC(mio4j_afd_deregister(sel, u), -ERROR_NOT_FOUND);
    CHECK_RC(mio4j_afd_would_block(sel, u), -ERROR_NOT_FOUND);
    CHECK(mio4j_afd_wake(NULL, 1) < 0);
    CHECK_RC(mio4j_afd_register(sel, u, 1, MIO4J_AFD_INTEREST_WRITABLE), 0);
    CHECK(mio4j_afd_reregister(sel, u, 1, 0) < 0);

    char buf[8];
    struct mio4j_win_addr a = loopback(0);
    int32_t v;
    struct mio4j_win_iov iov = { 0, 8, 0 };
    CHECK(mio4j_win_socket(5, MIO4J_WIN_STREAM) < 0);
    CHECK(mio4j_win_socket(MIO4J_WIN_FAMILY_V4, 9) < 0);
    CHECK(mio4j_win_bind(u, NULL) < 0);
    a.family = 3;
    CHECK(mio4j_win_bind(u, &a) < 0);
    CHECK(mio4j_win_connect(u, NULL) < 0);
    CHECK(mio4j_win_recv(u, NULL, 8, 0) < 0);
    CHECK(mio4j_win_recv(u, buf, -1, 0) < 0);
    CHECK(mio4j_win_send(u, NULL, 8) < 0);
    CHECK(mio4j_win_recvv(u, NULL, 1) < 0);
    CHECK(mio4j_win_recvv(u, &iov, 0) < 0);
    CHECK(mio4j_win_recvv(u, &iov, 1) < 0);
    CHECK(mio4j_win_sendv(u, &iov, 1) < 0);
    CHECK(mio4j_win_recvfrom(u, buf, 8, 0, NULL) < 0);
    CHECK(mio4j_win_sendto(u, buf, 1, NULL) < 0);
    CHECK(mio4j_win_getsockname(u, NULL) < 0);
    CHECK(mio4j_win_getpeername(u, NULL) < 0);
    CHECK(mio4j_win_getsockopt(u, MIO4J_WIN_OPT_RCVBUF, NULL) < 0);
    CHECK(mio4j_win_getsockopt(u, 999, &v) < 0);
    CHECK(mio4j_win_getsockopt(u, 0, &v) < 0);
    CHECK(mio4j_win_setsockopt(u, -1, 1) < 0);
    CHECK(mio4j_win_setsockopt(u, MIO4J_WIN_OPT_ERROR, 1) < 0);
    CHECK(mio4j_win_shutdown(u, 7) < 0);
    CHECK_RC(mio4j_win_send(INVALID_SOCKET, buf, 1), -WSAENOTSOCK);
    CHECK(mio4j_win_multicast_v4(u, NULL, NULL, 1) < 0);
    CHECK(mio4j_win_multicast_v6(u, NULL, 0, 1) < 0);
    return 1;
}

static int udp_send_receive_and_truncate(void)
{
    SOCKET a = track(mio4j_win_socket(MIO4J_WIN_FAMILY_V4, MIO4J_WIN_DATAGRAM));
    SOCKET b = track(mio4j_win_socket(MIO4J_WIN_FAMILY_V4, MIO4J_WIN_DATAGRAM));
    struct mio4j_afd_selector *sel = new_selector();
    struct mio4j_win_addr aa = loopback(0), ba = loopback(0), from;
    char buf[16];
    CHECK(sel != NULL && a != INVALID_SOCKET && b != INVALID_SOCKET);
    CHECK_RC(mio4j_win_bind(a, &aa), 0);
    CHECK_RC(mio4j_win_bind(b, &ba), 0);
    CHECK_RC(mio4j_win_getsockname(b, &ba), 0);
    CHECK_RC(mio4j_afd_register(sel, b, 16, MIO4J_AFD_INTEREST_READABLE), 0);
    CHECK_RC(mio4j_win_recvfrom(b, buf, sizeof(buf), 0, &from), -WSAEWOULDBLOCK);
    CHECK_RC(mio4j_win_sendto(a, "datagram", 8, &ba), 8);
    CHECK(wait_event(sel, 16, MIO4J_AFD_READABLE, WAIT_MS) != 0);
    CHECK_RC(mio4j_win_recvfrom(b, buf, sizeof(buf), MIO4J_WIN_PEEK, &from), 8);
    CHECK_RC(mio4j_win_recvfrom(b, buf, 4, 0, &from), 4); /* truncated, rest dropped */
    CHECK(memcmp(buf, "data", 4) == 0);
    CHECK_RC(mio4j_win_getsockname(a, &aa), 0);
    CHECK_RC(from.port, aa.port);
    CHECK_RC(mio4j_win_recvfrom(b, buf, sizeof(buf), 0, &from), -WSAEWOULDBLOCK);
    CHECK_RC(mio4j_win_getpeername(b, &from), -WSAENOTCONN);
    return 1;
}

static int vectored_io_and_options(void)
{
    SOCKET c, s;
    char part1[3], part2[8];
    struct mio4j_win_iov out[2] = { { (uint64_t)(uintptr_t)"abc", 3, 0 }, { (uint64_t)(uintptr_t)"defgh", 5, 0 } };
    struct mio4j_win_iov in[2] = { { (uint64_t)(uintptr_t)part1, 3, 0 }, { (uint64_t)(uintptr_t)part2, 8, 0 } };
    int32_t v = -1;
    CHECK(new_connected(&c, &s));
    CHECK_RC(mio4j_win_sendv(c, out, 2), 8);
    CHECK(wait_socket(s, 0, WAIT_MS));
    CHECK_RC(mio4j_win_recvv(s, in, 2), 8);
    CHECK(memcmp(part1, "abc", 3) == 0 && memcmp(part2, "defgh", 5) == 0);
    CHECK_RC(mio4j_win_setsockopt(c, MIO4J_WIN_OPT_TCP_NODELAY, 1), 0);
    CHECK_RC(mio4j_win_getsockopt(c, MIO4J_WIN_OPT_TCP_NODELAY, &v), 0);
    CHECK(v != 0);
    CHECK_RC(mio4j_win_setsockopt(c, MIO4J_WIN_OPT_LINGER, -1), 0);
    CHECK_RC(mio4j_win_getsockopt(c, MIO4J_WIN_OPT_LINGER, &v), 0);
    CHECK_RC(v, -1);
    CHECK_RC(mio4j_win_setsockopt(c, MIO4J_WIN_OPT_IP_TTL, 42), 0);
    CHECK_RC(mio4j_win_getsockopt(c, MIO4J_WIN_OPT_IP_TTL, &v), 0);
    CHECK_RC(v, 42);
    return 1;
}

struct test_case {
    const char *name;
    int (*run)(void);
};

static const struct test_case cases[] = {
    { "event_layout_is_fixed", event_layout_is_fixed },
    { "readable_after_send", readable_after_send },
    { "writable_on_connect", writable_on_connect },
    { "read_closed_after_peer_shutdown", read_closed_after_peer_shutdown },
    { "error_after_reset", error_after_reset },
    { "connect_refused", connect_refused },
    { "accept_readiness_on_listener", accept_readiness_on_listener },
    { "waker_from_another_thread", waker_from_another_thread },
    { "register_while_another_thread_selects", register_while_another_thread_selects },
    { "reregister_changes_interests", reregister_changes_interests },
    { "deregister_cancels_pending_poll", deregister_cancels_pending_poll },
    { "closing_registered_socket_drops_it", closing_registered_socket_drops_it },
    { "more_sockets_than_one_afd_group", more_sockets_than_one_afd_group },
    { "would_block_rearms_edge_triggered_interest", would_block_rearms_edge_triggered_interest },
    { "bad_arguments_are_rejected", bad_arguments_are_rejected },
    { "udp_send_receive_and_truncate", udp_send_receive_and_truncate },
    { "vectored_io_and_options", vectored_io_and_options },
};

int main(void)
{
    int passed = 0, failed = 0;
    setvbuf(stdout, NULL, _IONBF, 0);
    if (mio4j_win_init() < 0) {
        printf("WSAStartup failed\n0 passed, 1 failed\n");
        return 1;
    }
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        ULONGLONG start = GetTickCount64();
        int ok = cases[i].run();
        close_tracked();
        printf("%s %s (%llu ms)\n", ok ? "ok  " : "FAIL", cases[i].name,
               (unsigned long long)(GetTickCount64() - start));
        if (ok) passed++;
        else failed++;
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
