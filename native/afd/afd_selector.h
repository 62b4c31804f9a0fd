/* mio4j Windows selector: readiness events for Winsock sockets through the AFD
 * driver and one I/O completion port per selector (the design of Rust mio 0.7's
 * Windows backend, written anew in C). See README.md in this folder.
 *
 * Error convention: every function returns >= 0 on success and a negated Win32 or
 * Winsock error code on failure (for example -10038 = -WSAENOTSOCK).
 *
 * Threads: register, reregister, deregister, would_block and wake may be called from
 * any thread, also while another thread is inside select. Only one thread may be
 * inside select at a time (a second one gets -ERROR_BUSY). close must not race with
 * any other call on the same selector. */
#ifndef MIO4J_AFD_SELECTOR_H
#define MIO4J_AFD_SELECTOR_H

#include <stdint.h>
#include <winsock2.h>

#include "mio4j_export.h"

/* Interest bits (the values of io.mio4j.Interest). Other bits are ignored. */
#define MIO4J_AFD_INTEREST_READABLE 1u
#define MIO4J_AFD_INTEREST_WRITABLE 2u
#define MIO4J_AFD_INTEREST_PRIORITY 4u

/* Readiness bits of an event. */
#define MIO4J_AFD_READABLE     1u
#define MIO4J_AFD_WRITABLE     2u
#define MIO4J_AFD_ERROR        4u
#define MIO4J_AFD_READ_CLOSED  8u
#define MIO4J_AFD_WRITE_CLOSED 16u
#define MIO4J_AFD_PRIORITY     32u

/* One event as select writes it: 16 bytes, native byte order, no hidden padding.
 *   offset 0: data       the 64-bit value given at (re)registration or to wake
 *   offset 8: readiness  MIO4J_AFD_* readiness bits
 *   offset 12: pad       always 0
 * The offsets and size are also reported at run time by the functions below. */
struct mio4j_afd_event {
    uint64_t data;
    uint32_t readiness;
    uint32_t pad;
};

struct mio4j_afd_selector;

MIO4J_API int32_t mio4j_afd_event_size(void);
MIO4J_API int32_t mio4j_afd_event_data_offset(void);
MIO4J_API int32_t mio4j_afd_event_readiness_offset(void);

/* Creates a selector; *out receives it. */
MIO4J_API int32_t mio4j_afd_selector_open(struct mio4j_afd_selector **out);

/* Cancels every outstanding poll, waits (bounded) for the kernel to give back their
 * memory, then frees the selector. Registered sockets are not closed. */
MIO4J_API int32_t mio4j_afd_selector_close(struct mio4j_afd_selector *sel);

/* Starts watching socket s. interests must hold READABLE, WRITABLE or PRIORITY.
 * If s is already present (its handle value was closed and reused without a
 * deregister), the old registration is dropped first; the Java side prevents real
 * double registration. */
MIO4J_API int32_t mio4j_afd_register(struct mio4j_afd_selector *sel, SOCKET s,
                                     uint64_t data, uint32_t interests);

/* Replaces data and interests of a registered socket and re-arms every interest.
 * -ERROR_NOT_FOUND when s is not registered. */
MIO4J_API int32_t mio4j_afd_reregister(struct mio4j_afd_selector *sel, SOCKET s,
                                       uint64_t data, uint32_t interests);

/* Stops watching s; no event for it is returned afterwards. -ERROR_NOT_FOUND when s
 * is not registered (also after its closing was reported by the kernel). */
MIO4J_API int32_t mio4j_afd_deregister(struct mio4j_afd_selector *sel, SOCKET s);

/* Edge-triggered emulation: an event disarms the interests it reported until the
 * owner calls this after an operation on s failed with WSAEWOULDBLOCK (or
 * reregisters). Re-arms all registered interests of s. */
MIO4J_API int32_t mio4j_afd_would_block(struct mio4j_afd_selector *sel, SOCKET s);

/* Waits for events and writes at most capacity of them to out; returns the count.
 * timeout_ms < 0 waits until at least one event (or wake) arrives; 0 does not block.
 * With a finite timeout it may return 0 before the time is up (a completion that
 * yielded no event, e.g. a cancelled poll being re-armed): the caller recomputes the
 * remaining time and calls again. */
MIO4J_API int32_t mio4j_afd_select(struct mio4j_afd_selector *sel, struct mio4j_afd_event *out,
                                   int32_t capacity, int32_t timeout_ms);

/* Makes select return an event {data, READABLE}. Thread-safe. Each call queues one
 * completion packet, so each wake is its own event (they are not merged). */
MIO4J_API int32_t mio4j_afd_wake(struct mio4j_afd_selector *sel, uint64_t data);

#endif
