/* Workload (h), the far end of the idle connections whose memory is measured: it opens
 * loopback connections to PORT and holds them, sending nothing, in a process of its own
 * (client and server ends in one process would need twice the descriptors).
 *
 * usage: conn_holder PORT
 *
 * Reads commands on stdin: "open N" opens N more connections and prints
 * "opened=TOTAL"; "quit" or end of input resets them all (SO_LINGER 0: no TIME_WAIT
 * left behind on a shared machine) and exits. */
#include "bench.h"

#define MAX_CONNECTIONS 19000

static int fds[MAX_CONNECTIONS];

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: conn_holder PORT\n");
        return 2;
    }
    int port = atoi(argv[1]);
    int total = 0;
    char line[64];
    while (fgets(line, sizeof line, stdin)) {
        int n;
        if (sscanf(line, "open %d", &n) == 1) {
            if (n < 0 || total + n > MAX_CONNECTIONS) {
                fprintf(stderr, "conn_holder: at most %d connections\n", MAX_CONNECTIONS);
                return 1;
            }
            for (int i = 0; i < n; i++) fds[total++] = connect_loopback(port);
            printf("opened=%d\n", total);
            fflush(stdout);
        } else if (strncmp(line, "quit", 4) == 0) {
            break;
        }
    }
    struct linger reset = { .l_onoff = 1, .l_linger = 0 };
    for (int i = 0; i < total; i++) {
        setsockopt(fds[i], SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
        close(fds[i]);
    }
    return 0;
}
