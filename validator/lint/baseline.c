/*
 * baseline.c - writing, reading and applying a baseline file.
 *
 * Entries are sorted by (file, rule, pointer, fingerprint) once loaded;
 * each finding is looked up by binary search, then the first unused equal
 * entry is taken, so N findings against M entries cost O(N log M).
 */
#include "advisor/baseline.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/path.h"
#include "../util/atomic.h"
#include "../util/error.h"

/* FILE relative to BASE_DIR when below it, else as an absolute path. */
static char *key_path_new(const char *base_dir, const char *file)
{
    char *rel = al_path_relative_new(base_dir, file);
    return rel ? rel : al_path_absolute_new(file);
}

int al_baseline_write(const char *path, const al_findings *list, al_error *err)
{
    char *base = al_path_dir_new(path), *text = NULL, fp[24];
    json_t *doc = json_object(), *arr = json_array();
    size_t i;
    int rc = -1, saved = ENOMEM;

    if (!base || !doc || !arr)
        goto done;
    json_object_set_new(doc, "tool", json_string("advisor-lint"));
    json_object_set_new(doc, "baselineVersion", json_integer(1));
    for (i = 0; i < list->count; i++) {
        const al_finding *f = &list->items[i];
        char *file = key_path_new(base, f->file);
        if (!file)
            goto done;
        snprintf(fp, sizeof(fp), "%016llx", f->fingerprint);
        json_array_append_new(arr, json_pack("{s:s, s:s, s:o, s:s, s:s}", "file", file, "rule",
                                             f->rule, "pointer",
                                             f->pointer ? json_string(f->pointer) : json_null(),
                                             "fingerprint", fp, "message", f->message));
        free(file);
    }
    json_object_set(doc, "entries", arr);
    text = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (!text)
        goto done;
    rc = 0;
    {
        size_t n = strlen(text);
        char *full = malloc(n + 2);
        if (!full) {
            rc = -1;
            goto done;
        }
        memcpy(full, text, n);
        full[n] = '\n';
        full[n + 1] = '\0';
        rc = al_write_atomic(path, full, n + 1, NULL, NULL, 0);
        saved = errno;
        free(full);
    }
done:
    if (rc != 0)
        al_error_set(err, path, 0, 0, 0, "cannot write '%s': %s", path, strerror(saved));
    free(text);
    free(base);
    json_decref(arr);
    json_decref(doc);
    return rc;
}

static int cmp_str(const char *a, const char *b)
{
    if (!a || !b)
        return a ? 1 : b ? -1 : 0;
    return strcmp(a, b);
}

static int cmp_key(const char *file, const char *rule, const char *pointer, unsigned long long fp,
                   const al_baseline_entry *e)
{
    int c = strcmp(file, e->file);
    if (!c)
        c = strcmp(rule, e->rule);
    if (!c)
        c = cmp_str(pointer, e->pointer);
    if (!c && fp != e->fingerprint)
        c = fp < e->fingerprint ? -1 : 1;
    return c;
}

static int cmp_entry(const void *a, const void *b)
{
    const al_baseline_entry *x = a, *y = b;
    return cmp_key(x->file, x->rule, x->pointer, x->fingerprint, y);
}

void al_baseline_release(al_baseline *b)
{
    size_t i;
    for (i = 0; i < b->count; i++) {
        free(b->entries[i].file);
        free(b->entries[i].rule);
        free(b->entries[i].pointer);
    }
    free(b->entries);
    free(b->base_dir);
    memset(b, 0, sizeof(*b));
}

static int bad(al_error *err, const char *path, const char *why)
{
    al_error_set(err, path, 0, 0, 0, "'%s' is not an advisor-lint baseline: %s", path, why);
    return -1;
}

static int read_entry(al_baseline_entry *e, json_t *item)
{
    const char *file = json_string_value(json_object_get(item, "file"));
    const char *rule = json_string_value(json_object_get(item, "rule"));
    const char *fp = json_string_value(json_object_get(item, "fingerprint"));
    json_t *ptr = json_object_get(item, "pointer");
    char *end;
    if (!file || !rule || !fp || (ptr && !json_is_string(ptr) && !json_is_null(ptr)))
        return 1;
    e->fingerprint = strtoull(fp, &end, 16);
    if (*end || !*fp)
        return 1;
    e->file = strdup(file);
    e->rule = strdup(rule);
    e->pointer = json_is_string(ptr) ? strdup(json_string_value(ptr)) : NULL;
    if (!e->file || !e->rule || (json_is_string(ptr) && !e->pointer))
        return -1;
    return 0;
}

int al_baseline_load(al_baseline *b, const char *path, al_error *err)
{
    json_error_t je;
    json_t *doc, *arr;
    size_t i, n;

    memset(b, 0, sizeof(*b));
    doc = json_load_file(path, 0, &je);
    if (!doc) {
        if (je.line <= 0) {
            al_error_set(err, path, 0, 0, 0, "cannot read '%s': %s", path, je.text);
            return -1;
        }
        al_error_set(err, path, je.line, je.column, (size_t)je.position, "%s", je.text);
        return -1;
    }
    arr = json_object_get(doc, "entries");
    if (!json_is_array(arr) || json_integer_value(json_object_get(doc, "baselineVersion")) != 1) {
        json_decref(doc);
        return bad(err, path, "no \"baselineVersion\": 1 and \"entries\" list");
    }
    n = json_array_size(arr);
    b->base_dir = al_path_dir_new(path);
    b->entries = calloc(n ? n : 1, sizeof(*b->entries));
    if (!b->base_dir || !b->entries) {
        json_decref(doc);
        al_error_set(err, path, 0, 0, 0, "out of memory");
        return -1;
    }
    for (i = 0; i < n; i++) {
        int r = read_entry(&b->entries[i], json_array_get(arr, i));
        b->count = i + 1;
        if (r != 0) {
            char why[96];
            json_decref(doc);
            snprintf(why, sizeof(why),
                     "entry %zu lacks \"file\", \"rule\" or a hex \"fingerprint\"", i);
            if (r > 0)
                return bad(err, path, why);
            al_error_set(err, path, 0, 0, 0, "out of memory");
            return -1;
        }
    }
    json_decref(doc);
    qsort(b->entries, b->count, sizeof(*b->entries), cmp_entry);
    return 0;
}

/* The first unused entry equal to the key, or NULL. */
static al_baseline_entry *find(al_baseline *b, const char *file, const al_finding *f)
{
    size_t lo = 0, hi = b->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_key(file, f->rule, f->pointer, f->fingerprint, &b->entries[mid]) > 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < b->count; lo++) {
        al_baseline_entry *e = &b->entries[lo];
        if (cmp_key(file, f->rule, f->pointer, f->fingerprint, e) != 0)
            return NULL;
        if (!e->used)
            return e;
    }
    return NULL;
}

int al_baseline_filter(al_baseline *b, al_findings *list, char *const *checked, size_t nchecked,
                       size_t *matched, size_t *fixed)
{
    size_t i, w = 0, k;
    *matched = 0;
    *fixed = 0;
    for (i = 0; i < list->count; i++) {
        al_finding *f = &list->items[i];
        char *file = key_path_new(b->base_dir, f->file);
        al_baseline_entry *e = file ? find(b, file, f) : NULL;
        free(file);
        if (e) {
            e->used = 1;
            (*matched)++;
            free(f->file);
            free(f->pointer);
            free(f->message);
            free(f->fix);
            continue;
        }
        list->items[w++] = *f;
    }
    list->count = w;
    al_findings_recount(list);
    for (k = 0; k < nchecked; k++) {
        char *file = key_path_new(b->base_dir, checked[k]);
        size_t lo = 0, hi = b->count;
        if (!file)
            return -1;
        while (lo < hi) { /* entries are sorted by file first */
            size_t mid = lo + (hi - lo) / 2;
            if (strcmp(b->entries[mid].file, file) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (; lo < b->count && !strcmp(b->entries[lo].file, file); lo++)
            if (!b->entries[lo].used) {
                b->entries[lo].used = 2;
                (*fixed)++;
            }
        free(file);
    }
    return 0;
}
