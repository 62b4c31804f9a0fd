/* Stand-in for illumos's <port.h>: event ports. The struct and the sources are
 * usr/src/uts/common/sys/port.h's, the functions usr/src/head/port.h's; they are in
 * libc.so.1 since Solaris 10 (version SUNW_1.22, usr/src/lib/libc/port/mapfile-vers). */
#ifndef MIO4J_ABI_PORT_H
#define MIO4J_ABI_PORT_H

#include <sys/types.h>
#include <time.h>

#define PORT_SOURCE_AIO 1
#define PORT_SOURCE_TIMER 2
#define PORT_SOURCE_USER 3
#define PORT_SOURCE_FD 4
#define PORT_SOURCE_ALERT 5
#define PORT_SOURCE_MQ 6
#define PORT_SOURCE_FILE 7

typedef struct port_event {
    int portev_events;           /* the events that fired (PORT_SOURCE_FD: POLL* bits) */
    unsigned short portev_source;
    unsigned short portev_pad;
    uintptr_t portev_object;     /* PORT_SOURCE_FD: the fd */
    void *portev_user;           /* what port_associate or port_send was given */
} port_event_t;
_Static_assert(sizeof(port_event_t) == 24, "port_event_t is 24 bytes when LP64");
_Static_assert(offsetof(port_event_t, portev_events) == 0 && offsetof(port_event_t, portev_source) == 4
               && offsetof(port_event_t, portev_object) == 8 && offsetof(port_event_t, portev_user) == 16,
               "port_event_t offsets");

int port_create(void);
int port_associate(int port, int source, uintptr_t object, int events, void *user);
int port_dissociate(int port, int source, uintptr_t object);
int port_send(int port, int events, void *user);
int port_getn(int port, port_event_t list[], uint_t max, uint_t *nget, struct timespec *timeout);

#endif
