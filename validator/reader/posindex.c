/*
 * posindex.c - JSON pointer -> offsets, an array plus an open-addressing hash.
 *
 * Entries are kept in document order (tests walk them) and found by pointer
 * through a power-of-two table of entry indexes probed linearly. The table
 * is rebuilt at 50% load; no deletion is ever needed. Pointers are C
 * strings throughout: one made from a key holding a NUL byte is cut there.
 */
#include "posindex.h"

#include <stdlib.h>
#include <string.h>

#include "../util/grow.h"
#include "../util/hash.h"

void al_posindex_init(al_posindex *ix)
{
    memset(ix, 0, sizeof(*ix));
}

void al_posindex_release(al_posindex *ix)
{
    size_t i;
    for (i = 0; i < ix->count; i++)
        free(ix->entries[i].pointer);
    free(ix->entries);
    free(ix->slots);
    memset(ix, 0, sizeof(*ix));
}

static size_t *probe(size_t *slots, size_t nslots, const al_posentry *entries, const char *p,
                     size_t len)
{
    size_t mask = nslots - 1;
    size_t i = (size_t)al_fnv1a(AL_FNV1A_BASIS, p, len) & mask;
    for (;;) {
        size_t s = slots[i];
        if (s == 0)
            return &slots[i];
        {
            const char *q = entries[s - 1].pointer;
            if (strlen(q) == len && memcmp(q, p, len) == 0)
                return &slots[i];
        }
        i = (i + 1) & mask;
    }
}

static int rehash(al_posindex *ix)
{
    size_t n = ix->nslots ? ix->nslots * 2 : 64, i;
    size_t *slots = calloc(n, sizeof(*slots));
    if (!slots)
        return -1;
    for (i = 0; i < ix->count; i++) {
        const char *p = ix->entries[i].pointer;
        *probe(slots, n, ix->entries, p, strlen(p)) = i + 1;
    }
    free(ix->slots);
    ix->slots = slots;
    ix->nslots = n;
    return 0;
}

int al_posindex_add(al_posindex *ix, const char *pointer, size_t len, size_t key_off,
                    size_t val_off, size_t val_end)
{
    al_posentry *e;
    char *copy;

    if (al_grow(&ix->entries, &ix->cap, ix->count + 1, sizeof(*ix->entries), 32) != 0)
        return -1;
    if ((ix->count + 1) * 2 > ix->nslots && rehash(ix) != 0)
        return -1;
    /* pointers are C strings: a key holding NUL ("\u0000") is cut there, as
       every lookup (and the schema engine's instance locations) reads it */
    copy = strndup(pointer, len);
    if (!copy)
        return -1;
    len = strlen(copy);
    e = &ix->entries[ix->count];
    e->pointer = copy;
    e->key_off = key_off;
    e->val_off = val_off;
    e->val_end = val_end;
    *probe(ix->slots, ix->nslots, ix->entries, copy, len) = ++ix->count;
    return 0;
}

const al_posentry *al_posindex_find(const al_posindex *ix, const char *pointer)
{
    size_t s;
    if (!ix->nslots)
        return NULL;
    s = *probe(ix->slots, ix->nslots, ix->entries, pointer, strlen(pointer));
    return s ? &ix->entries[s - 1] : NULL;
}

const al_posentry *al_posindex_find_nearest(const al_posindex *ix, const char *pointer)
{
    size_t len = strlen(pointer);
    char *buf;
    const al_posentry *e = al_posindex_find(ix, pointer);

    if (e || !len)
        return e;
    buf = strdup(pointer);
    if (!buf)
        return NULL;
    while (!e) {
        char *slash = strrchr(buf, '/');
        if (!slash)
            break;
        *slash = '\0';
        e = al_posindex_find(ix, buf);
    }
    free(buf);
    return e;
}
