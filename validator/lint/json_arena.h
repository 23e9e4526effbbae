/*
 * json_arena.h - per-file memory for jansson values.
 *
 * A file's body is thousands of small jansson allocations that all die
 * together when the file is done. While a thread has entered an arena, its
 * jansson allocations are carved from that arena's chunks and freeing them
 * costs nothing; resetting the arena after the file drops them all at once,
 * without walking the tree. Everywhere else jansson uses malloc and free
 * as usual, so values made outside an arena (the schema, the reports) are
 * ordinary heap memory.
 *
 * Rules: install once, before threads start. A value allocated inside an
 * arena must be dropped (not freed) before the arena is left, since free()
 * on it would be wrong; lint.c sets the document's body to NULL instead of
 * releasing it. Memory handed out by jansson (json_dumps) must be released
 * with jansson's free function (json_get_alloc_funcs), never free().
 */
#ifndef AL_JSON_ARENA_H
#define AL_JSON_ARENA_H

#include <stddef.h>

typedef struct al_json_chunk al_json_chunk;

typedef struct al_json_arena {
    al_json_chunk *chunks; /* newest first */
    size_t used;           /* bytes used in the newest chunk */
} al_json_arena;

/* Makes jansson allocate through the arenas (idempotent; call before threads start). */
void al_json_arena_install(void);

void al_json_arena_init(al_json_arena *a);

/* This thread's jansson allocations now come from A. */
void al_json_arena_enter(al_json_arena *a);

/* This thread's jansson allocations use malloc again. */
void al_json_arena_leave(void);

/* Whether this thread is inside an arena. */
int al_json_arena_active(void);

/* Drops everything A handed out, keeping its first chunk for reuse. */
void al_json_arena_reset(al_json_arena *a);

/* Frees all A holds. */
void al_json_arena_release(al_json_arena *a);

#endif
