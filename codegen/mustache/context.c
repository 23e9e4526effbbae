/*
 * context.c - the context stack a rendering walks, and name lookup in it.
 *
 * The stack holds borrowed jansson values, the innermost last: the render context at
 * the bottom, then one value per section being rendered. Lookup follows the spec's
 * interpolation overview: split the name on dots; resolve the first part against the
 * stack from the innermost value out (the first object that has the key wins, even
 * when its value is null, so an inner null masks an outer value); resolve each
 * further part only against the value found for the part before it. A key holding a
 * dot is therefore never reachable ("a.b" is always a then b).
 */
#include <stdlib.h>
#include <string.h>

#include "mustache_private.h"

void mst__context_init(struct mst__context *ctx)
{
    ctx->frames = NULL;
    ctx->len = 0;
    ctx->cap = 0;
}

void mst__context_release(struct mst__context *ctx)
{
    free(ctx->frames);
    mst__context_init(ctx);
}

int mst__context_push(struct mst__context *ctx, const json_t *value)
{
    if (ctx->len == ctx->cap) {
        size_t cap = ctx->cap ? ctx->cap * 2 : 16;
        const json_t **frames = realloc(ctx->frames, cap * sizeof *frames);
        if (!frames)
            return -1;
        ctx->frames = frames;
        ctx->cap = cap;
    }
    ctx->frames[ctx->len++] = value;
    return 0;
}

void mst__context_pop(struct mst__context *ctx)
{
    if (ctx->len > 0)
        ctx->len--;
}

/* The value under key (klen bytes) when value is an object that has it, else NULL. */
static const json_t *member(const json_t *value, const char *key, size_t klen)
{
    if (!value || !json_is_object(value))
        return NULL;
    return json_object_getn(value, key, klen);
}

const json_t *mst__context_lookup(const struct mst__context *ctx, const char *name, size_t len)
{
    if (len == 1 && name[0] == '.')
        return ctx->len ? ctx->frames[ctx->len - 1] : NULL;

    const char *dot = memchr(name, '.', len);
    size_t first = dot ? (size_t)(dot - name) : len;
    const json_t *found = NULL;
    for (size_t i = ctx->len; i > 0 && !found; i--)
        found = member(ctx->frames[i - 1], name, first);

    /* The remaining parts resolve only against what the part before found. */
    size_t pos = first;
    while (found && pos < len) {
        pos++; /* the dot */
        const char *part = name + pos;
        const char *next = memchr(part, '.', len - pos);
        size_t plen = next ? (size_t)(next - part) : len - pos;
        found = member(found, part, plen);
        pos += plen;
    }
    return found;
}

int mst__is_falsy(const json_t *value)
{
    if (!value || json_is_null(value) || json_is_false(value))
        return 1;
    return json_is_array(value) && json_array_size(value) == 0;
}
