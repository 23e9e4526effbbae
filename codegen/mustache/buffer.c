/*
 * buffer.c - the growable byte buffer every rendering and escaper writes into, and
 * the error helpers.
 *
 * The buffer doubles its capacity when it fills, so appending n bytes costs O(n)
 * amortised, and keeps one spare byte so data can always be NUL-terminated.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mustache_private.h"

void mst_buffer_init(mst_buffer *buf)
{
    buf->data = NULL;
    buf->len = 0;
    buf->cap = 0;
}

void mst_buffer_release(mst_buffer *buf)
{
    free(buf->data);
    mst_buffer_init(buf);
}

/* Makes room for extra more bytes plus the terminating NUL. */
static int buffer_grow(mst_buffer *buf, size_t extra)
{
    if (extra > (size_t)-1 - buf->len - 1)
        return -1;
    size_t need = buf->len + extra + 1;
    if (need <= buf->cap)
        return 0;
    size_t cap = buf->cap ? buf->cap : 64;
    while (cap < need)
        cap = cap > (size_t)-1 / 2 ? need : cap * 2;
    char *data = realloc(buf->data, cap);
    if (!data)
        return -1;
    buf->data = data;
    buf->cap = cap;
    return 0;
}

int mst_buffer_append(mst_buffer *buf, const char *data, size_t len)
{
    if (len == 0)
        return 0;
    if (buffer_grow(buf, len) < 0)
        return -1;
    memcpy(buf->data + buf->len, data, len);
    buf->len += len;
    buf->data[buf->len] = '\0';
    return 0;
}

char *mst_buffer_detach(mst_buffer *buf, size_t *len_out)
{
    if (buffer_grow(buf, 0) < 0)
        return NULL;
    char *data = buf->data;
    data[buf->len] = '\0';
    if (len_out)
        *len_out = buf->len;
    mst_buffer_init(buf);
    return data;
}

/* Copies src into a fixed-size field, truncating, always NUL-terminated. */
static void copy_field(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

void mst__error_set(mst_error *err, const char *source, int line, int column, size_t position,
                    const char *fmt, ...)
{
    if (!err)
        return;
    err->line = line;
    err->column = column;
    err->position = position;
    copy_field(err->source, sizeof err->source, source ? source : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->text, sizeof err->text, fmt, ap);
    va_end(ap);
}

void mst__error_oom(mst_error *err, const char *source)
{
    mst__error_set(err, source, 0, 0, 0, "out of memory");
}
