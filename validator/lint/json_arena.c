/*
 * json_arena.c - bump allocation for jansson, one arena per worker thread.
 *
 * How it works: jansson's allocation hooks point here. With a thread-local
 * current arena, an allocation takes the next 16-byte-aligned bytes of the
 * newest chunk (a new chunk, twice as large, when it is full); a free of a
 * pointer that lies in one of the current arena's chunks does nothing.
 * Anything else goes to malloc and free, so pointers made outside an
 * arena stay ordinary heap pointers.
 */
#include "json_arena.h"

#include <jansson.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#define FIRST_CHUNK ((size_t)256 * 1024)
#define ALIGN 16

struct al_json_chunk {
    al_json_chunk *next;
    size_t size; /* usable bytes after the header */
    char *data;
};

static _Thread_local al_json_arena *current;

static int add_chunk(al_json_arena *a, size_t need)
{
    size_t size = a->chunks ? a->chunks->size * 2 : FIRST_CHUNK;
    al_json_chunk *c;
    while (size < need)
        size *= 2;
    c = malloc(sizeof(*c) + size + ALIGN);
    if (!c)
        return -1;
    c->size = size;
    c->data = (char *)(((uintptr_t)(c + 1) + ALIGN - 1) & ~(uintptr_t)(ALIGN - 1));
    c->next = a->chunks;
    a->chunks = c;
    a->used = 0;
    return 0;
}

static void *arena_malloc(size_t size)
{
    al_json_arena *a = current;
    size_t n;
    void *p;
    if (!a)
        return malloc(size);
    n = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    if (!a->chunks || a->used + n > a->chunks->size) {
        if (add_chunk(a, n) != 0)
            return NULL;
    }
    p = a->chunks->data + a->used;
    a->used += n;
    return p;
}

static int owned(const al_json_arena *a, const void *p)
{
    const al_json_chunk *c;
    for (c = a->chunks; c; c = c->next)
        if ((const char *)p >= c->data && (const char *)p < c->data + c->size)
            return 1;
    return 0;
}

static void arena_free(void *p)
{
    if (!p)
        return;
    if (current && owned(current, p))
        return;
    free(p);
}

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void install(void)
{
    json_set_alloc_funcs(arena_malloc, arena_free);
}

void al_json_arena_install(void)
{
    pthread_once(&once, install);
}

void al_json_arena_init(al_json_arena *a)
{
    a->chunks = NULL;
    a->used = 0;
}

void al_json_arena_enter(al_json_arena *a)
{
    current = a;
}

void al_json_arena_leave(void)
{
    current = NULL;
}

int al_json_arena_active(void)
{
    return current != NULL;
}

void al_json_arena_reset(al_json_arena *a)
{
    al_json_chunk *c = a->chunks;
    /* keep the largest (newest) chunk, free the older ones */
    if (!c)
        return;
    while (c->next) {
        al_json_chunk *old = c->next;
        c->next = old->next;
        free(old);
    }
    a->used = 0;
}

void al_json_arena_release(al_json_arena *a)
{
    al_json_chunk *c = a->chunks;
    while (c) {
        al_json_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->chunks = NULL;
    a->used = 0;
}
