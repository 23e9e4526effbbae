/*
 * context.c - reading the context's files and keeping their facts.
 *
 * Entries are kept sorted by key, so a run asks "is this one of mine?"
 * with a binary search, and adding a file that is already there replaces
 * its entry (an editor saving a file, a directory added twice).
 *
 * A file from disk is read only as far as its fact needs: the header
 * (al_doc_load with header_only: attributes, title, the body's range)
 * and the body's few top-level keys (al_json_scan_members), with no
 * jansson tree, position index, schema or rule. That is several times
 * cheaper than linting it (bench/context.sh measures both). A body the
 * scanner leaves to the strict reader (an escape in a wanted key or
 * value) and YAML bodies are read in full. Buffers are read in full too:
 * their facts are placed at once, which needs the position index.
 *
 * With a cache directory, what each file held is kept between runs
 * (context_cache.h), and a file whose identity (inode, size, times) has
 * not changed is not opened at all: a warm pre-commit run costs one stat
 * per file of the repository.
 */
#include "context.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../config/config.h"
#include "../reader/document.h"
#include "../reader/json_scan.h"
#include "../util/error.h"
#include "../util/grow.h"
#include "../util/path.h"
#include "context_cache.h"
#include "lint.h"
#include "repo.h"
#include "walk.h"

al_context *al_context_new(void)
{
    return calloc(1, sizeof(al_context));
}

static void entry_release(al_context_entry *e)
{
    free(e->key);
    if (e->block) {
        free(e->fact.file);
        al_cache_block_release(e->block);
    } else {
        al_fact_release(&e->fact);
    }
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

/* Removes the entry under KEY. Returns 1 when there was one, else 0. */
static int remove_key(al_context *context, const char *key)
{
    int found = 0;
    size_t i = search(context, key, &found);
    if (!found)
        return 0;
    entry_release(&context->items[i]);
    memmove(&context->items[i], &context->items[i + 1],
            (context->count - i - 1) * sizeof(context->items[0]));
    context->count--;
    return 1;
}

int al_context_remove(al_context *context, const char *name)
{
    char *key = al_path_absolute_new(name);
    int rc = key ? remove_key(context, key) : 0;
    free(key);
    return rc;
}

/*
 * Keeps FACT (taken) under KEY (taken), for the file ID identifies (NULL
 * for a buffer), replacing an entry with that key.
 */
static int keep(al_context *context, char *key, al_fact *fact, const al_file_id *id,
                al_cache_block *block)
{
    int found = 0;
    size_t i;
    al_context_entry *e;

    /* files are added nearly in key order: after the last entry needs no search */
    if (context->count && strcmp(key, context->items[context->count - 1].key) > 0)
        i = context->count;
    else
        i = search(context, key, &found);
    if (found) {
        e = &context->items[i];
        entry_release(e);
    } else {
        if (al_grow(&context->items, &context->cap, context->count + 1, sizeof(*context->items),
                    64) != 0) {
            al_context_entry lost;
            lost.key = key;
            lost.fact = *fact;
            lost.block = block;
            entry_release(&lost);
            return -1;
        }
        memmove(&context->items[i + 1], &context->items[i],
                (context->count - i) * sizeof(context->items[0]));
        context->count++;
        e = &context->items[i];
    }
    e->key = key;
    e->dev = id ? id->dev : 0;
    e->ino = id ? id->ino : 0;
    e->block = block;
    e->fact = *fact;
    e->fact.context = 1;
    return 0;
}

/*
 * Reads SRC (taken) in full, as a run does, as the file NAME, into *FACT.
 * METADATA_PATH: the file is where metadata lives (config.h metadata-files),
 * so it is never skipped. PLACE_NOW places the fact at once (a buffer).
 * Returns 1 a fact, 0 none (not metadata, or a header cut short, as in a
 * run), -1 out of memory.
 */
static int read_full(const char *name, al_source *src, int metadata_path, int place_now,
                     al_fact *fact)
{
    al_doc doc;
    al_doc_options o;
    int kind = al_doc_kind_from_name(name);

    if (kind < 0)
        kind = (int)al_doc_sniff_kind(src->data, src->len);
    memset(&o, 0, sizeof(o));
    o.metadata_path = metadata_path;
    if (al_doc_load(&doc, src, (al_doc_kind)kind, &o) != 0) {
        al_doc_release(&doc);
        return -1;
    }
    if (doc.skipped || (!metadata_path && !al_run_is_metadata(&doc)) || doc.header_incomplete) {
        al_doc_release(&doc);
        return 0;
    }
    if (al_fact_from_doc(fact, &doc, name) != 0) {
        al_doc_release(&doc);
        return -1;
    }
    if (place_now)
        al_fact_place(fact, &doc);
    al_doc_release(&doc);
    return 1;
}

/* The body keys a context reads: "$schema" (is a bare body metadata?), then the facts' fields. */
enum { SCAN_SCHEMA, SCAN_NKEYS = AL_FACT_COUNT };

static int is_advisor_schema(const al_json_span *v)
{
    return v->text && v->len == 21 && !memcmp(v->text, "AdvisorRecommendation", 21);
}

/*
 * Reads the fact of SRC (taken), the file NAME, as far as the cross-file
 * rules need, with the same outcome as read_full: the header, then the
 * body's wanted keys when it has a readable body (a run keeps the
 * header's articleId of a file whose body is missing or broken, so does
 * this). Returns 1 a fact in *FACT, 0 none, 2 when the file must be read
 * in full (SRC is then handed back), -1 out of memory.
 */
static int scan_source(const char *name, al_source *src, int metadata_path, al_fact *fact)
{
    const char *keys[SCAN_NKEYS];
    al_json_span values[SCAN_NKEYS];
    al_doc_options o;
    al_doc doc;
    al_scan_result sr = AL_SCAN_MALFORMED;
    int kind = al_doc_kind_from_name(name), k, is_object = 0;

    if (kind < 0)
        kind = (int)al_doc_sniff_kind(src->data, src->len);
    if (kind == AL_DOC_YAML)
        return 2;
    memset(&o, 0, sizeof(o));
    o.header_only = 1;
    o.metadata_path = metadata_path;
    if (al_doc_load(&doc, src, (al_doc_kind)kind, &o) != 0) {
        al_doc_release(&doc);
        return -1;
    }
    if (doc.skipped || doc.header_incomplete) {
        al_doc_release(&doc);
        return 0;
    }
    keys[SCAN_SCHEMA] = "$schema";
    for (k = 1; k < AL_FACT_COUNT; k++)
        keys[k] = al_fact_key((al_fact_field)k);
    for (k = 0; k < SCAN_NKEYS; k++)
        values[k].text = NULL;
    if (!doc.fatal) /* fatal: no body to read (a run's body is NULL too) */
        sr = al_json_scan_members(doc.src.data, doc.body_start, doc.body_end, keys, SCAN_NKEYS,
                                  values, &is_object);
    if (sr == AL_SCAN_ESCAPED) {
        *src = doc.src; /* handed back for the strict reader */
        memset(&doc.src, 0, sizeof(doc.src));
        al_doc_release(&doc);
        return 2;
    }
    /*
     * A bare JSON body is metadata when it says so. One that cannot be read
     * counts as metadata in a run, but its fact has no header and so
     * nothing a cross-file rule compares: leaving it out changes nothing.
     */
    if (kind != AL_DOC_MARKDOWN && !metadata_path &&
        !(sr == AL_SCAN_OK && is_object && is_advisor_schema(&values[SCAN_SCHEMA]))) {
        al_doc_release(&doc);
        return 0;
    }
    if (al_fact_from_header(fact, &doc, name) != 0) {
        al_doc_release(&doc);
        return -1;
    }
    for (k = 1; sr == AL_SCAN_OK && k < AL_FACT_COUNT; k++) {
        if (!values[k].text)
            continue;
        fact->value[k] = strndup(values[k].text, values[k].len);
        if (!fact->value[k]) {
            al_fact_release(fact);
            al_doc_release(&doc);
            return -1;
        }
    }
    al_doc_release(&doc);
    return 1;
}

/* The fact of the file NAME, from SRC (taken): scanned, or read in full when the scan cannot tell. */
static int read_fact(const char *name, al_source *src, int metadata_path, al_fact *fact)
{
    int rc = scan_source(name, src, metadata_path, fact);
    return rc == 2 ? read_full(name, src, metadata_path, 0, fact) : rc;
}

int al_context_add_buffer(al_context *context, const char *name, const char *data, size_t len,
                          al_error *error)
{
    al_source src;
    al_fact fact;
    char *key;
    int rc;

    al_error_clear(error);
    if (al_source_from_memory(&src, name, data, len) != 0)
        goto oom;
    al_context_remove(context, name);
    rc = read_full(name, &src, al_metadata_path(NULL, NULL, name), 1, &fact);
    if (rc <= 0) {
        if (rc < 0)
            goto oom;
        return 0;
    }
    key = al_path_absolute_new(name);
    if (!key) {
        al_fact_release(&fact);
        goto oom;
    }
    if (keep(context, key, &fact, NULL, NULL) != 0)
        goto oom;
    return 1;
oom:
    al_error_set(error, name, 0, 0, 0, "out of memory");
    return -1;
}

/* NAME as the context names the file: without a leading "./" (a walk of "." adds one). */
static const char *display_name(const char *name)
{
    while (name[0] == '.' && name[1] == '/' && name[2])
        name += 2;
    return name;
}

/* What one al_context_add_path_config call works with. */
typedef struct adding {
    al_context *context;
    const al_config *config;
    al_context_cache *cache; /* NULL: no cache */
    const char *path;        /* as given */
    char *abs;               /* PATH made absolute once (no getcwd per file) */
    char *cwd;               /* the current directory, absolute (al_metadata_path) */
    char *below;             /* PATH is "..", "../..": the current directory's place
                                    below it ("articles/net"), else NULL */
    struct job *jobs;        /* one per walked file */
    size_t njobs;
    size_t next; /* next chunk of jobs to look at, under lock */
    pthread_mutex_t lock;
} adding;

/* One walked file: what is known of it, found by a worker, kept in order afterwards. */
typedef struct job {
    char *key;                 /* absolute path (owned until kept) */
    const char *name, *rel;    /* as the context names it, and below PATH (into the walk's list) */
    char *own_name;            /* NAME when made here rather than taken from the walk */
    int metadata_path;         /* where metadata lives (config.h metadata-files): never skipped */
    int skip;                  /* unreadable or ignored by the config: left out */
    int rc;                    /* 1 a fact, 0 not metadata, 2 unreadable, -1 out of memory */
    const al_cache_entry *hit; /* the cache's entry, when the file is unchanged since */
    al_fact fact;              /* read (rc 1, no hit) */
    al_file_id id;
} job;

/* Files per chunk a worker takes: neighbours share directories and cache entries. */
#define CHUNK 64
/* Below this many files one thread looks at them all. */
#define THREADED_FROM 256

/*
 * The absolute key of the walked file ITEM_PATH and, in *REL, its path
 * below the added directory ("" for a file added by its own name).
 */
static char *key_of(const adding *a, const char *item_path, const char **rel)
{
    size_t n = strlen(a->path), m;
    char *key;

    if (strncmp(item_path, a->path, n) != 0) { /* cannot happen: a walk joins to PATH */
        *rel = item_path;
        return al_path_absolute_new(item_path);
    }
    item_path += n;
    while (*item_path == '/')
        item_path++;
    *rel = item_path;
    if (!*item_path)
        return strdup(a->abs);
    n = strlen(a->abs);
    m = strlen(item_path);
    key = malloc(n + m + 2);
    if (!key)
        return NULL;
    memcpy(key, a->abs, n);
    if (n > 1)
        key[n++] = '/';
    memcpy(key + n, item_path, m + 1);
    return key;
}

/* Fills J for the walked file ITEM: its key, names, and whether the config ignores it. */
static int prepare(const adding *a, const al_pathitem *item, job *j)
{
    memset(j, 0, sizeof(*j));
    j->skip = item->err != 0; /* unreadable: the context is never reported on */
    if (j->skip)
        return 0;
    j->name = display_name(item->path);
    j->key = key_of(a, item->path, &j->rel);
    if (!j->key)
        return -1;
    if (a->below) { /* "../../articles/net/a.md" from articles/net is "a.md" */
        j->name = j->own_name = al_path_from_prefix(a->below, j->rel);
        if (!j->own_name)
            return -1;
    }
    if (a->config) {
        char *crel = al_path_relative_new(a->config->base_dir, j->key);
        j->skip = crel && al_config_ignored(a->config, crel); /* not read at all */
        free(crel);
    }
    /* by its absolute key: a relative name would cost a getcwd per file */
    j->metadata_path = al_metadata_path(a->config, a->cwd, j->key) != 0;
    return 0;
}

/*
 * Finds out what the file of J holds: the cache's entry when the file's
 * identity is unchanged, else its fact read from the file. Safe in any
 * thread: it only reads the cache (HINT is the caller's own).
 */
static void look(const adding *a, job *j, size_t *hint)
{
    const al_cache_entry *e = al_context_cache_find(a->cache, j->rel, hint);
    al_source src;

    if (e && e->by_path == j->metadata_path && al_file_id_of(j->name, &j->id) == 0 &&
        al_file_id_equal(&j->id, &e->id)) {
        j->hit = e;
        j->rc = e->metadata;
        return;
    }
    if (al_source_read(&src, j->name) != 0) {
        j->rc = errno == ENOMEM ? -1 : 2;
        return;
    }
    j->id = src.id;
    j->rc = read_fact(j->name, &src, j->metadata_path, &j->fact);
}

static void *worker(void *arg)
{
    adding *a = arg;
    size_t hint = 0;
    for (;;) {
        size_t first, i;
        pthread_mutex_lock(&a->lock);
        first = a->next;
        a->next += CHUNK;
        pthread_mutex_unlock(&a->lock);
        if (first >= a->njobs)
            return NULL;
        for (i = first; i < a->njobs && i < first + CHUNK; i++)
            if (!a->jobs[i].skip)
                look(a, &a->jobs[i], &hint);
    }
}

/* Looks at every job, in up to JOBS threads. */
static void look_all(adding *a, unsigned jobs)
{
    pthread_t tids[64];
    unsigned t, started = 0;

    if (a->njobs < THREADED_FROM)
        jobs = 1;
    if (jobs > 64)
        jobs = 64;
    for (t = 1; t < jobs; t++) { /* the calling thread is one of them */
        if (pthread_create(&tids[started], NULL, worker, a) != 0)
            break;
        started++;
    }
    worker(a);
    for (t = 0; t < started; t++)
        pthread_join(tids[t], NULL);
}

/*
 * The fact of the cache entry E for the file NAME: its strings stay in
 * the cache's memory, which *BLOCK then holds. Returns 0 or -1.
 */
static int fact_from_cache(adding *a, const al_cache_entry *e, const char *name, al_fact *fact,
                           al_cache_block **block)
{
    int k;
    memset(fact, 0, sizeof(*fact));
    fact->file = strdup(name);
    if (!fact->file)
        return -1;
    for (k = 0; k < AL_FACT_COUNT; k++)
        fact->value[k] = (char *)e->str[k];
    fact->cloud = (char *)e->str[AL_FACT_COUNT];
    *block = al_context_cache_hold(a->cache);
    return 0;
}

/*
 * Keeps what J found (in file order, one thread): its fact in the context,
 * and in the cache what was read. Returns 1 kept, 0 not, -1 out of memory.
 */
static int settle(adding *a, job *j)
{
    al_cache_block *block = NULL;
    char *key = j->key;

    j->key = NULL;
    if (j->rc < 0 || j->rc == 2) {
        free(key);
        return j->rc < 0 ? -1 : 0;
    }
    if (j->hit)
        al_context_cache_use(a->cache, j->hit);
    else if (al_context_cache_put(a->cache, j->rel, &j->id, j->metadata_path,
                                  j->rc == 1 ? &j->fact : NULL) != 0)
        goto oom;
    if (j->rc == 0) { /* not metadata (any more): drop what was known of it */
        remove_key(a->context, key);
        free(key);
        return 0;
    }
    if (j->hit && fact_from_cache(a, j->hit, j->name, &j->fact, &block) != 0)
        goto oom;
    j->rc = 0; /* the fact is the context's now */
    return keep(a->context, key, &j->fact, &j->id, block) == 0 ? 1 : -1;
oom:
    free(key);
    return -1;
}

static void release_jobs(adding *a)
{
    size_t i;
    for (i = 0; i < a->njobs; i++) {
        free(a->jobs[i].key);
        free(a->jobs[i].own_name);
        if (a->jobs[i].rc == 1 && !a->jobs[i].hit)
            al_fact_release(&a->jobs[i].fact);
    }
    free(a->jobs);
}

/*
 * When PATH is only ".." segments (a repository's top above the current
 * directory), *BELOW is the current directory's place below it: its last
 * that many segments. Else NULL. Returns 0, or -1 when memory ran out.
 */
static int place_below(const char *path, char **below)
{
    size_t up = 0;
    const char *p = path;
    char *here, *start;

    *below = NULL;
    while (p[0] == '.' && p[1] == '.' && (p[2] == '/' || !p[2])) {
        up++;
        p += p[2] ? 3 : 2;
        while (*p == '/')
            p++;
    }
    if (!up || *p)
        return 0;
    here = al_path_absolute_new(".");
    if (!here)
        return -1;
    for (start = here + strlen(here); up > 0 && start > here; up--)
        while (--start > here && *start != '/')
            ;
    *below = strdup(*start == '/' ? start + 1 : start);
    free(here);
    return *below ? 0 : -1;
}

long al_context_add_path_config(al_context *context, const char *path, const al_config *config,
                                const char *cache_dir, unsigned jobs, al_error *error)
{
    al_pathlist list;
    adding a;
    size_t i;
    long added = 0;
    int rc = 0;

    al_error_clear(error);
    al_pathlist_init(&list);
    memset(&a, 0, sizeof(a));
    pthread_mutex_init(&a.lock, NULL);
    a.context = context;
    a.config = config;
    a.path = path;
    a.abs = al_path_absolute_new(path);
    a.cwd = al_path_absolute_new(".");
    if (!a.cwd || (a.abs && place_below(path, &a.below) != 0))
        rc = -1;
    if (rc != 0 || !a.abs || al_walk(path, &list) != 0 ||
        !(a.jobs = calloc(list.count ? list.count : 1, sizeof(*a.jobs))))
        rc = -1;
    for (i = 0; rc == 0 && i < list.count; i++, a.njobs++)
        rc = prepare(&a, &list.items[i], &a.jobs[i]);
    if (rc == 0 && cache_dir)
        a.cache = al_context_cache_open(cache_dir, a.abs); /* NULL: on without one */
    if (rc == 0)
        look_all(&a, jobs);
    for (i = 0; rc >= 0 && i < a.njobs; i++) {
        if (a.jobs[i].skip)
            continue;
        rc = settle(&a, &a.jobs[i]);
        added += rc > 0;
    }
    al_context_cache_close(a.cache);
    release_jobs(&a);
    al_pathlist_release(&list);
    pthread_mutex_destroy(&a.lock);
    free(a.abs);
    free(a.cwd);
    free(a.below);
    if (rc < 0) {
        al_error_set(error, path, 0, 0, 0, "out of memory");
        return -1;
    }
    return added;
}

long al_context_add_path(al_context *context, const char *path, al_error *error)
{
    return al_context_add_path_config(context, path, NULL, NULL, 1, error);
}
