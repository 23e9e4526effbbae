/*
 * context.c - reading the context's files and keeping their facts.
 *
 * Entries are kept sorted by key, so a run asks "is this one of mine?"
 * with a binary search, and adding a file that is already there replaces
 * its entry (an editor saving a file, a directory added twice).
 */
#include "context.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../config/config.h"
#include "../reader/document.h"
#include "../util/error.h"
#include "../util/grow.h"
#include "../util/path.h"
#include "lint.h"
#include "walk.h"

al_context *al_context_new(void)
{
    return calloc(1, sizeof(al_context));
}

static void entry_release(al_context_entry *e)
{
    free(e->key);
    al_fact_release(&e->fact);
}

void al_context_free(al_context *context)
{
    size_t i;
    if (!context)
        return;
    for (i = 0; i < context->count; i++)
        entry_release(&context->items[i]);
    free(context->items);
    free(context);
}

size_t al_context_count(const al_context *context)
{
    return context ? context->count : 0;
}

/* Where KEY is, or would be inserted. *FOUND says which. */
static size_t search(const al_context *context, const char *key, int *found)
{
    size_t lo = 0, hi = context->count;
    *found = 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(key, context->items[mid].key);
        if (c == 0) {
            *found = 1;
            return mid;
        }
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

const al_context_entry *al_context_find(const al_context *context, const char *key)
{
    int found;
    size_t i;
    if (!context || !key)
        return NULL;
    i = search(context, key, &found);
    return found ? &context->items[i] : NULL;
}

int al_context_remove(al_context *context, const char *name)
{
    char *key = al_path_absolute_new(name);
    int found = 0;
    size_t i;
    if (!key)
        return 0;
    i = search(context, key, &found);
    free(key);
    if (!found)
        return 0;
    entry_release(&context->items[i]);
    memmove(&context->items[i], &context->items[i + 1],
            (context->count - i - 1) * sizeof(context->items[0]));
    context->count--;
    return 1;
}

/* Keeps FACT (taken) under KEY (taken), replacing an entry with that key. */
static int keep(al_context *context, char *key, al_fact *fact)
{
    int found;
    size_t i = search(context, key, &found);
    al_context_entry *e;
    if (found) {
        e = &context->items[i];
        entry_release(e);
    } else {
        if (al_grow(&context->items, &context->cap, context->count + 1, sizeof(*context->items),
                    64) != 0) {
            free(key);
            al_fact_release(fact);
            return -1;
        }
        memmove(&context->items[i + 1], &context->items[i],
                (context->count - i) * sizeof(context->items[0]));
        context->count++;
        e = &context->items[i];
    }
    e->key = key;
    e->fact = *fact;
    e->fact.context = 1;
    return 0;
}

/*
 * Reads SRC (taken) as the file NAME and keeps its fact. PLACE_NOW places
 * it at once (a buffer). Returns 1 kept, 0 not metadata, -1 out of memory.
 */
static int add_source(al_context *context, const char *name, al_source *src, int place_now)
{
    al_doc doc;
    al_fact fact;
    char *key;
    int kind = al_doc_kind_from_name(name), rc;

    if (kind < 0)
        kind = (int)al_doc_sniff_kind(src->data, src->len);
    if (al_doc_load(&doc, src, (al_doc_kind)kind, NULL) != 0) {
        al_doc_release(&doc);
        return -1;
    }
    if (!al_run_is_metadata(&doc) || !doc.body) {
        al_doc_release(&doc);
        return 0;
    }
    if (al_fact_from_doc(&fact, &doc, name) != 0) {
        al_doc_release(&doc);
        return -1;
    }
    if (place_now)
        al_fact_place(&fact, &doc);
    al_doc_release(&doc);
    key = al_path_absolute_new(name);
    if (!key) {
        al_fact_release(&fact);
        return -1;
    }
    rc = keep(context, key, &fact);
    return rc == 0 ? 1 : -1;
}

int al_context_add_buffer(al_context *context, const char *name, const char *data, size_t len,
                          al_error *error)
{
    al_source src;
    int rc;
    al_error_clear(error);
    if (al_source_from_memory(&src, name, data, len) != 0) {
        al_error_set(error, name, 0, 0, 0, "out of memory");
        return -1;
    }
    al_context_remove(context, name);
    rc = add_source(context, name, &src, 1);
    if (rc < 0)
        al_error_set(error, name, 0, 0, 0, "out of memory");
    return rc;
}

long al_context_add_path(al_context *context, const char *path, al_error *error)
{
    al_pathlist list;
    size_t i;
    long added = 0;

    al_error_clear(error);
    al_pathlist_init(&list);
    if (al_walk(path, &list) != 0) {
        al_pathlist_release(&list);
        al_error_set(error, path, 0, 0, 0, "out of memory");
        return -1;
    }
    for (i = 0; i < list.count; i++) {
        al_source src;
        int rc;
        if (list.items[i].err || al_source_read(&src, list.items[i].path) != 0) {
            if (!list.items[i].err && errno == ENOMEM)
                goto oom;
            continue;            /* unreadable: the context is never reported on */
        }
        rc = add_source(context, list.items[i].path, &src, 0);
        if (rc < 0)
            goto oom;
        if (rc == 0)             /* no longer metadata: drop what was known of it */
            al_context_remove(context, list.items[i].path);
        added += rc;
    }
    al_pathlist_release(&list);
    return added;
oom:
    al_pathlist_release(&list);
    al_error_set(error, path, 0, 0, 0, "out of memory");
    return -1;
}
