/*
 * util.c - small containers used across the engine.
 *
 * jsch_buf is a growable string that remembers an allocation failure instead
 * of making every caller check (callers check once, when stealing the result).
 * jsch_smap and jsch_pmap are open-addressing hash maps with linear probing;
 * they never delete, which keeps them simple: entries live until the map is
 * freed. jsch_vec is a growable array of pointers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/hash.h"
#include "jsonschema_private.h"

static bool buf_reserve(jsch_buf *b, size_t extra)
{
    if (b->oom)
        return false;
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *d = realloc(b->data, cap);
    if (!d) {
        b->oom = true;
        return false;
    }
    b->data = d;
    b->cap = cap;
    return true;
}

void jsch__buf_add(jsch_buf *b, const char *s, size_t n)
{
    if (!buf_reserve(b, n))
        return;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void jsch__buf_adds(jsch_buf *b, const char *s)
{
    jsch__buf_add(b, s, strlen(s));
}

void jsch__buf_addc(jsch_buf *b, char c)
{
    jsch__buf_add(b, &c, 1);
}

void jsch__buf_addf(jsch_buf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        jsch__buf_add(b, small, (size_t)n);
        return;
    }
    if (!buf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

const char *jsch__buf_cstr(jsch_buf *b)
{
    if (!b->data)
        return "";
    return b->data;
}

char *jsch__buf_steal(jsch_buf *b)
{
    if (b->oom) {
        jsch__buf_free(b);
        return NULL;
    }
    char *s = b->data ? b->data : strdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}

void jsch__buf_free(jsch_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->oom = false;
}

char *jsch__strndup(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

void jsch__set_error(jsch_error *err, const char *location, const char *fmt, ...)
{
    if (!err)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    snprintf(err->location, sizeof err->location, "%s", location ? location : "");
}

/* FNV-1a: keys are short and this is plenty. */
static size_t hash_bytes(const char *s, size_t n)
{
    return (size_t)al_fnv1a(AL_FNV1A_BASIS, s, n);
}

static smap_entry *smap_slot(const jsch_smap *m, const char *key, size_t klen, size_t h)
{
    size_t mask = m->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        smap_entry *e = &m->e[i];
        if (!e->key)
            return e;
        if (e->hash == h && e->klen == klen && memcmp(e->key, key, klen) == 0)
            return e;
    }
}

void *jsch__smap_get(const jsch_smap *m, const char *key, size_t klen)
{
    if (!m->count)
        return NULL;
    smap_entry *e = smap_slot(m, key, klen, hash_bytes(key, klen));
    return e->key ? e->val : NULL;
}

static int smap_grow(jsch_smap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 16;
    smap_entry *ne = calloc(cap, sizeof *ne);
    if (!ne)
        return -1;
    jsch_smap nm = { ne, cap, m->count };
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->e[i].key)
            continue;
        *smap_slot(&nm, m->e[i].key, m->e[i].klen, m->e[i].hash) = m->e[i];
    }
    free(m->e);
    *m = nm;
    return 0;
}

int jsch__smap_put(jsch_smap *m, const char *key, size_t klen, void *val)
{
    if ((m->count + 1) * 2 > m->cap && smap_grow(m) != 0)
        return -1;
    size_t h = hash_bytes(key, klen);
    smap_entry *e = smap_slot(m, key, klen, h);
    if (e->key) {
        e->val = val;
        return 0;
    }
    char *k = jsch__strndup(key, klen);
    if (!k)
        return -1;
    e->key = k;
    e->klen = klen;
    e->hash = h;
    e->val = val;
    m->count++;
    return 0;
}

void jsch__smap_free(jsch_smap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->e[i].key);
    free(m->e);
    m->e = NULL;
    m->cap = m->count = 0;
}

static size_t hash_ptr(const void *p)
{
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 33;
    x *= (uintptr_t)0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (size_t)x;
}

static pmap_entry *pmap_slot(const jsch_pmap *m, const void *key)
{
    size_t mask = m->cap - 1;
    for (size_t i = hash_ptr(key) & mask;; i = (i + 1) & mask) {
        pmap_entry *e = &m->e[i];
        if (!e->key || e->key == key)
            return e;
    }
}

void *jsch__pmap_get(const jsch_pmap *m, const void *key)
{
    if (!m->count)
        return NULL;
    pmap_entry *e = pmap_slot(m, key);
    return e->key ? e->val : NULL;
}

int jsch__pmap_put(jsch_pmap *m, const void *key, void *val)
{
    if ((m->count + 1) * 2 > m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 64;
        pmap_entry *ne = calloc(cap, sizeof *ne);
        if (!ne)
            return -1;
        jsch_pmap nm = { ne, cap, m->count };
        for (size_t i = 0; i < m->cap; i++)
            if (m->e[i].key)
                *pmap_slot(&nm, m->e[i].key) = m->e[i];
        free(m->e);
        *m = nm;
    }
    pmap_entry *e = pmap_slot(m, key);
    if (!e->key)
        m->count++;
    e->key = key;
    e->val = val;
    return 0;
}

void jsch__pmap_free(jsch_pmap *m)
{
    free(m->e);
    m->e = NULL;
    m->cap = m->count = 0;
}

int jsch__vec_push(jsch_vec *vec, void *p)
{
    if (vec->n == vec->cap) {
        size_t cap = vec->cap ? vec->cap * 2 : 8;
        void **nv = realloc(vec->v, cap * sizeof *nv);
        if (!nv)
            return -1;
        vec->v = nv;
        vec->cap = cap;
    }
    vec->v[vec->n++] = p;
    return 0;
}
