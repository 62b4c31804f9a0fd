/* See README.md. */
#ifndef MIO4J_NOSYSROOT_UNISTD_H
#define MIO4J_NOSYSROOT_UNISTD_H
int close(int fd);
#endif
