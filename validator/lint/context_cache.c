/*
 * context_cache.c - the context cache file (context_cache.h).
 *
 * DIR/context-HASH, HASH the FNV-1a hash of the root's absolute path:
 *
 *     "advisor-lint context cache\n" VERSION "\n" ROOT "\n"
 *     u64 count, then per entry, sorted by path:
 *       u32 length, path, NUL
 *       u64 dev ino size, i64 mtime_sec mtime_nsec ctime_sec ctime_nsec
 *       u8 by_path, u8 metadata; when 1, AL_CACHE_STRINGS times: u32 length
 *       (0xffffffff: absent), the bytes, NUL
 *
 * Numbers are in the machine's byte order: the cache never leaves the
 * machine. The loaded file is kept whole in memory and entries point into
 * it, so loading 20,000 entries allocates two blocks.
 *
 * It is written to a temporary name and renamed, like al_write_atomic
 * but without its fsync: a cache lost or torn by a crash is only
 * unreadable, so ignored and rebuilt, and a pre-commit run that rewrites
 * it should not wait for the disk.
 */
#include "context_cache.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../util/grow.h"
#include "../util/hash.h"

#ifndef AL_VERSION
#define AL_VERSION "0.0.0"
#endif

#define MAGIC "advisor-lint context cache"
#define ABSENT UINT32_MAX

struct al_cache_block {
    size_t refs;
    char data[];
};

struct al_context_cache {
    char *path; /* the cache file */
    char *root;
    al_cache_block *block; /* the loaded file, held; loaded entries point into it */
    al_cache_entry *old;   /* loaded entries, sorted by rel */
    size_t nold;
    unsigned char *used; /* per loaded entry: still valid this run */
    size_t nused;
    al_cache_entry *fresh; /* recorded this run; their strings are owned */
    size_t nfresh, capfresh;
    int loaded;   /* a valid cache file was read */
    time_t start; /* when the run began: newer ctimes are not trusted */
};

/* ---- reading ---- */

typedef struct cursor {
    const char *p, *end;
    int bad;
} cursor;

static const char *take(cursor *c, size_t n)
{
    const char *at = c->p;
    if (c->bad || (size_t)(c->end - c->p) < n) {
        c->bad = 1;
        return NULL;
    }
    c->p += n;
    return at;
}

static uint64_t take_u64(cursor *c)
{
    uint64_t v = 0;
    const char *at = take(c, sizeof(v));
    if (at)
        memcpy(&v, at, sizeof(v));
    return v;
}

static uint32_t take_u32(cursor *c)
{
    uint32_t v = 0;
    const char *at = take(c, sizeof(v));
    if (at)
        memcpy(&v, at, sizeof(v));
    return v;
}

/* A string of the file: its length, bytes and NUL; NULL for an absent one (or when bad). */
static const char *take_string(cursor *c, int may_be_absent)
{
    uint32_t n = take_u32(c);
    const char *s;
    if (n == ABSENT && may_be_absent)
        return NULL;
    s = take(c, (size_t)n + 1);
    if (s && (s[n] != '\0' || memchr(s, '\0', n)))
        c->bad = 1;
    return c->bad ? NULL : s;
}

/* A line of the header equal to WANT, or the cursor is bad. */
static void expect_line(cursor *c, const char *want)
{
    size_t n = strlen(want);
    const char *at = take(c, n + 1);
    if (at && (memcmp(at, want, n) != 0 || at[n] != '\n'))
        c->bad = 1;
}

static int parse_entry(cursor *c, al_cache_entry *e)
{
    int k;
    memset(e, 0, sizeof(*e));
    e->rel = take_string(c, 0);
    e->id.dev = take_u64(c);
    e->id.ino = take_u64(c);
    e->id.size = take_u64(c);
    e->id.mtime_sec = (long long)take_u64(c);
    e->id.mtime_nsec = (long long)take_u64(c);
    e->id.ctime_sec = (long long)take_u64(c);
    e->id.ctime_nsec = (long long)take_u64(c);
    {
        const char *m = take(c, 2);
        e->by_path = m ? m[0] : 0;
        e->metadata = m ? m[1] : 0;
    }
    if ((e->metadata != 0 && e->metadata != 1) || (e->by_path != 0 && e->by_path != 1))
        c->bad = 1;
    for (k = 0; e->metadata == 1 && k < AL_CACHE_STRINGS && !c->bad; k++)
        e->str[k] = take_string(c, 1);
    return c->bad ? -1 : 0;
}

/* Parses the file in CACHE->block (LEN bytes); on any defect, leaves no entries. */
static void parse(al_context_cache *cache, size_t len)
{
    cursor c;
    uint64_t n, i;

    c.p = cache->block->data;
    c.end = cache->block->data + len;
    c.bad = 0;
    expect_line(&c, MAGIC);
    expect_line(&c, AL_VERSION);
    expect_line(&c, cache->root);
    n = take_u64(&c);
    /* every entry takes at least 62 bytes: a count beyond that is a damaged file */
    if (c.bad || n > len / 62)
        return;
    cache->old = calloc(n ? n : 1, sizeof(*cache->old));
    cache->used = calloc(n ? n : 1, 1);
    if (!cache->old || !cache->used)
        goto bad;
    for (i = 0; i < n; i++) {
        if (parse_entry(&c, &cache->old[i]) != 0)
            goto bad;
        if (i > 0 && strcmp(cache->old[i - 1].rel, cache->old[i].rel) >= 0)
            goto bad; /* sorted and unique, or the lookup fails */
    }
    if (c.p != c.end)
        goto bad;
    cache->nold = (size_t)n;
    cache->loaded = 1;
    return;
bad:
    free(cache->old);
    free(cache->used);
    cache->old = NULL;
    cache->used = NULL;
}

static void load(al_context_cache *cache)
{
    struct stat st;
    size_t len = 0;
    int fd = open(cache->path, O_RDONLY | O_CLOEXEC);

    if (fd < 0)
        return;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (cache->block = malloc(sizeof(*cache->block) + (size_t)st.st_size)) != NULL) {
        cache->block->refs = 1;
        while (len < (size_t)st.st_size) {
            ssize_t n = read(fd, cache->block->data + len, (size_t)st.st_size - len);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            len += (size_t)n;
        }
        if (len == (size_t)st.st_size)
            parse(cache, len);
    }
    close(fd);
}

al_context_cache *al_context_cache_open(const char *dir, const char *root)
{
    al_context_cache *cache = calloc(1, sizeof(*cache));
    size_t n;

    if (!cache)
        return NULL;
    cache->start = time(NULL);
    n = strlen(dir) + 40;
    cache->path = malloc(n);
    cache->root = strdup(root);
    if (!cache->path || !cache->root) {
        free(cache->path);
        free(cache->root);
        free(cache);
        return NULL;
    }
    snprintf(cache->path, n, "%s/context-%016llx", dir,
             (unsigned long long)al_fnv1a_str(AL_FNV1A_BASIS, root));
    load(cache);
    return cache;
}

static int cmp_rel(const void *a, const void *b)
{
    return strcmp(((const al_cache_entry *)a)->rel, ((const al_cache_entry *)b)->rel);
}

const al_cache_entry *al_context_cache_find(const al_context_cache *cache, const char *rel,
                                            size_t *hint)
{
    al_cache_entry key;
    const al_cache_entry *e;
    if (!cache || !cache->nold)
        return NULL;
    /* a walk lists files nearly in this order: the entry after the last one found is likely */
    if (*hint < cache->nold && !strcmp(cache->old[*hint].rel, rel))
        e = &cache->old[*hint];
    else {
        key.rel = rel;
        e = bsearch(&key, cache->old, cache->nold, sizeof(key), cmp_rel);
    }
    if (e)
        *hint = (size_t)(e - cache->old) + 1;
    return e;
}

al_cache_block *al_context_cache_hold(al_context_cache *cache)
{
    if (!cache || !cache->block)
        return NULL;
    cache->block->refs++;
    return cache->block;
}

void al_cache_block_release(al_cache_block *block)
{
    if (block && --block->refs == 0)
        free(block);
}

void al_context_cache_use(al_context_cache *cache, const al_cache_entry *e)
{
    size_t i = (size_t)(e - cache->old);
    if (!cache->used[i]) {
        cache->used[i] = 1;
        cache->nused++;
    }
}

/* ---- recording ---- */

/* A copy of S in the block at *AT (advanced), or NULL for NULL. */
static const char *place(char **at, const char *s)
{
    size_t n;
    char *p = *at;
    if (!s)
        return NULL;
    n = strlen(s) + 1;
    memcpy(p, s, n);
    *at += n;
    return p;
}

int al_context_cache_put(al_context_cache *cache, const char *rel, const al_file_id *id,
                         int by_path, const al_fact *fact)
{
    const char *str[AL_CACHE_STRINGS];
    size_t need = strlen(rel) + 1;
    al_cache_entry *e;
    char *block, *at;
    int k;

    if (!cache)
        return 0;
    /* changed too recently to be sure of (see the header) */
    if (id->ctime_sec >= (long long)cache->start - AL_CACHE_SETTLE)
        return 0;
    for (k = 0; k < AL_CACHE_STRINGS; k++) {
        str[k] = !fact ? NULL : k < AL_FACT_COUNT ? fact->value[k] : fact->cloud;
        need += str[k] ? strlen(str[k]) + 1 : 0;
    }
    if (al_grow(&cache->fresh, &cache->capfresh, cache->nfresh + 1, sizeof(*cache->fresh), 64) != 0)
        return -1;
    block = malloc(need);
    if (!block)
        return -1;
    e = &cache->fresh[cache->nfresh++];
    memset(e, 0, sizeof(*e));
    at = block;
    e->rel = place(&at, rel); /* rel first: freeing rel frees the block */
    e->id = *id;
    e->by_path = by_path != 0;
    e->metadata = fact != NULL;
    for (k = 0; k < AL_CACHE_STRINGS; k++)
        e->str[k] = place(&at, str[k]);
    return 0;
}

/* ---- writing ---- */

typedef struct out {
    char *p;
    size_t len, cap;
    int failed;
} out;

static void put_bytes(out *o, const void *data, size_t n)
{
    if (o->failed)
        return;
    if (al_grow(&o->p, &o->cap, o->len + n, 1, 65536) != 0) {
        o->failed = 1;
        return;
    }
    memcpy(o->p + o->len, data, n);
    o->len += n;
}

static void put_u64(out *o, uint64_t v)
{
    put_bytes(o, &v, sizeof(v));
}

static void put_string(out *o, const char *s)
{
    uint32_t n = s ? (uint32_t)strlen(s) : ABSENT;
    put_bytes(o, &n, sizeof(n));
    if (s)
        put_bytes(o, s, (size_t)n + 1);
}

static void put_entry(out *o, const al_cache_entry *e)
{
    unsigned char m[2];
    int k;
    put_string(o, e->rel);
    put_u64(o, e->id.dev);
    put_u64(o, e->id.ino);
    put_u64(o, e->id.size);
    put_u64(o, (uint64_t)e->id.mtime_sec);
    put_u64(o, (uint64_t)e->id.mtime_nsec);
    put_u64(o, (uint64_t)e->id.ctime_sec);
    put_u64(o, (uint64_t)e->id.ctime_nsec);
    m[0] = (unsigned char)e->by_path;
    m[1] = (unsigned char)e->metadata;
    put_bytes(o, m, 2);
    for (k = 0; e->metadata && k < AL_CACHE_STRINGS; k++)
        put_string(o, e->str[k]);
}

/* Makes DIR and its missing parents (mode 0700). */
static void make_dirs(const char *dir)
{
    char *p = strdup(dir), *s;
    if (!p)
        return;
    for (s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        mkdir(p, 0700);
        *s = '/';
    }
    mkdir(p, 0700);
    free(p);
}

static void write_file(const al_context_cache *cache, const out *o)
{
    char tmp[4200];
    char *slash;
    size_t done = 0;
    int fd;

    if (snprintf(tmp, sizeof(tmp), "%s.%ld.tmp", cache->path, (long)getpid()) >= (int)sizeof(tmp))
        return;
    fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0 && errno == ENOENT && (slash = strrchr(tmp, '/')) != NULL) {
        *slash = '\0';
        make_dirs(tmp);
        *slash = '/';
        fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    }
    if (fd < 0)
        return;
    while (done < o->len) {
        ssize_t n = write(fd, o->p + done, o->len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += (size_t)n;
    }
    if (close(fd) != 0 || done < o->len || rename(tmp, cache->path) != 0)
        unlink(tmp);
}

static void write_back(al_context_cache *cache)
{
    al_cache_entry *all;
    size_t n = 0, i, k;
    out o;

    all = malloc((cache->nused + cache->nfresh + 1) * sizeof(*all));
    if (!all)
        return;
    for (i = 0; i < cache->nold; i++)
        if (cache->used[i])
            all[n++] = cache->old[i];
    for (i = 0; i < cache->nfresh; i++)
        all[n++] = cache->fresh[i];
    qsort(all, n, sizeof(*all), cmp_rel);
    for (i = 0, k = 0; i < n; i++) /* one entry per path (a file is walked once anyway) */
        if (k == 0 || strcmp(all[k - 1].rel, all[i].rel) != 0)
            all[k++] = all[i];
    n = k;
    memset(&o, 0, sizeof(o));
    put_bytes(&o, MAGIC "\n", strlen(MAGIC) + 1);
    put_bytes(&o, AL_VERSION "\n", strlen(AL_VERSION) + 1);
    put_bytes(&o, cache->root, strlen(cache->root));
    put_bytes(&o, "\n", 1);
    put_u64(&o, (uint64_t)n);
    for (i = 0; i < n; i++)
        put_entry(&o, &all[i]);
    if (!o.failed)
        write_file(cache, &o);
    free(o.p);
    free(all);
}

/*
 * Whether the cache is worth writing back. A loaded cache is rewritten
 * only once enough of it changed: a pre-commit run finds a file or two
 * edited, and reading those again next time costs far less than
 * rewriting an entry per file of the repository each time. An entry left
 * for a changed file can never match again (its ctime is gone for good),
 * so keeping it is only untidy, never stale.
 */
static int worth_writing(const al_context_cache *cache)
{
    size_t changes = cache->nfresh + (cache->nold - cache->nused);
    if (!cache->loaded)
        return cache->nfresh > 0;
    return changes > AL_CACHE_SLACK + cache->nold / 256;
}

void al_context_cache_close(al_context_cache *cache)
{
    size_t i;
    if (!cache)
        return;
    if (worth_writing(cache))
        write_back(cache);
    for (i = 0; i < cache->nfresh; i++)
        free((char *)cache->fresh[i].rel);
    free(cache->fresh);
    free(cache->old);
    free(cache->used);
    al_cache_block_release(cache->block);
    free(cache->root);
    free(cache->path);
    free(cache);
}
