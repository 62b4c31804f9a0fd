/* The checks of the C test programs: a failed check prints its line and ends the
 * case (the case function returns 0). */
#ifndef MIO4J_TEST_CHECK_H
#define MIO4J_TEST_CHECK_H

#include <stdio.h>

#define CHECK(cond)                                                              \
    do {                                                                         \
        if (!(cond)) {                                                           \
            printf("    check failed, line %d: %s\n", __LINE__, #cond);          \
            return 0;                                                            \
        }                                                                        \
    } while (0)

#define CHECK_RC(expr, expected)                                                 \
    do {                                                                         \
        long long got_ = (long long)(expr);                                      \
        if (got_ != (long long)(expected)) {                                     \
            printf("    check failed, line %d: %s == %lld, expected %lld\n",     \
                   __LINE__, #expr, got_, (long long)(expected));                \
            return 0;                                                            \
        }                                                                        \
    } while (0)

#endif
