/*
 * fuzz_common.h - small helpers the libFuzzer targets share.
 *
 * FUZZ_CHECK aborts (so libFuzzer records a crash with the input) when an
 * invariant the target asserts does not hold; fuzz_split cuts an input at
 * NUL bytes into up to MAX parts, which is how the targets that need several
 * texts (a schema and an instance, a template and its partials) take them
 * from one byte string: JSON and mustache text never need a raw NUL.
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_CHECK(cond)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: invariant \"%s\" broken\n", __FILE__, __LINE__, #cond);        \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

typedef struct fuzz_part {
    const char *data;
    size_t len;
} fuzz_part;

/*
 * Splits DATA[0, SIZE) at NUL bytes into at most MAX parts (the last part
 * keeps any further NULs). Returns the number of parts, at least 1.
 */
static inline size_t fuzz_split(const char *data, size_t size, fuzz_part *parts, size_t max)
{
    size_t n = 0, start = 0;
    while (n + 1 < max) {
        const char *nul = size > start ? memchr(data + start, '\0', size - start) : NULL;
        if (!nul)
            break;
        parts[n].data = data + start;
        parts[n].len = (size_t)(nul - (data + start));
        n++;
        start = (size_t)(nul - data) + 1;
    }
    parts[n].data = data + start;
    parts[n].len = size - start;
    return n + 1;
}

#endif
