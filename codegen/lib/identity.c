/*
 * identity.c - reading OUT's manifest and its stubs' markers into bindings.
 *
 * How it works: the stubs of OUT/rules are listed and each is searched for
 * its marker line; the markers bind first (in file name order, so of two
 * stubs claiming one type the first keeps it and the other is orphaned),
 * then the manifest's entries bind the types still unbound whose
 * identifier is free. Lookups are linear: a catalog has hundreds of types,
 * and each is looked up once per run.
 */
#include "identity.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "reader/source.h"
#include "util/grow.h"
#include "util/path.h"

char *cg_type_key(const char *type_id)
{
    char *k = strdup(type_id ? type_id : "");
    size_t i;
    if (!k)
        return NULL;
    for (i = 0; k[i]; i++)
        k[i] = (char)tolower((unsigned char)k[i]);
    return k;
}

/* The type id on STUB's marker line, lower case, or NULL (none, or out of memory). */
static char *marker_of(const char *text, size_t len)
{
    const char *p = text, *end = text + len;
    size_t mlen = strlen(CG_STUB_MARKER);
    while (p + mlen <= end) {
        const char *hit = memchr(p, CG_STUB_MARKER[0], (size_t)(end - p));
        const char *s, *e;
        char *raw, *key;
        if (!hit || hit + mlen > end)
            return NULL;
        if (memcmp(hit, CG_STUB_MARKER, mlen) != 0) {
            p = hit + 1;
            continue;
        }
        s = hit + mlen;
        while (s < end && (*s == ' ' || *s == '\t'))
            s++;
        e = s;
        while (e < end && *e != '\n' && *e != '\r')
            e++;
        while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
            e--;
        if (e == s)
            return NULL;
        raw = strndup(s, (size_t)(e - s));
        key = raw ? cg_type_key(raw) : NULL;
        free(raw);
        return key;
    }
    return NULL;
}

static int cmp_stub(const void *a, const void *b)
{
    return strcmp(((const cg_stub *)a)->ident, ((const cg_stub *)b)->ident);
}

static int cmp_ident_stub(const void *key, const void *stub)
{
    return strcmp(key, ((const cg_stub *)stub)->ident);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether IDENT (N bytes) can name a rule: a C identifier, as names.h makes them. */
static int valid_ident(const char *ident, size_t n)
{
    size_t i;
    if (n == 0 || n >= 128 || isdigit((unsigned char)ident[0]))
        return 0;
    for (i = 0; i < n; i++)
        if (!(isalnum((unsigned char)ident[i]) || ident[i] == '_') ||
            (unsigned char)ident[i] >= 0x80)
            return 0;
    return 1;
}

/* Whether NAME is a stub's file name: IDENT.c (any other file of rules/ is a person's own). */
static int stub_name(const char *name)
{
    size_t n = strlen(name);
    return n > 2 && !strcmp(name + n - 2, ".c") && valid_ident(name, n - 2);
}

static int add_stub(cg_identity *id, const char *dir, const char *name)
{
    char *path = al_path_join_new(dir, name);
    struct stat st;
    al_source src;
    cg_stub *s;

    if (!path)
        return -1;
    if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
        free(path);
        return 0;
    }
    if (al_grow(&id->stubs, &id->cstubs, id->nstubs + 1, sizeof(*id->stubs), 64) != 0) {
        free(path);
        return -1;
    }
    s = &id->stubs[id->nstubs];
    s->ident = strndup(name, strlen(name) - 2);
    s->type_key = NULL;
    if (!s->ident) {
        free(path);
        return -1;
    }
    if (al_source_read(&src, path) == 0) {
        s->type_key = marker_of(src.data, src.len);
        al_source_release(&src);
    }
    id->nstubs++;
    free(path);
    return 0;
}

static int list_stubs(cg_identity *id, const char *out_dir, char *err, size_t errlen)
{
    char *dir = al_path_join_new(out_dir, "rules");
    DIR *d;
    struct dirent *e;
    int rc = 0;

    if (!dir) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    d = opendir(dir);
    if (!d) {
        free(dir);
        return 0; /* no rules/ yet */
    }
    while (rc == 0 && (e = readdir(d)) != NULL)
        if (stub_name(e->d_name))
            rc = add_stub(id, dir, e->d_name);
    closedir(d);
    free(dir);
    if (rc != 0) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    if (id->nstubs > 1)
        qsort(id->stubs, id->nstubs, sizeof(*id->stubs), cmp_stub);
    return 0;
}

static cg_bound *find_type(const cg_identity *id, const char *key)
{
    size_t i;
    for (i = 0; i < id->nbound; i++)
        if (!strcmp(id->bound[i].type_key, key))
            return &id->bound[i];
    return NULL;
}

static int ident_bound(const cg_identity *id, const char *ident)
{
    size_t i;
    for (i = 0; i < id->nbound; i++)
        if (!strcmp(id->bound[i].ident, ident))
            return 1;
    return 0;
}

/* Binds KEY (lower case) to IDENT; KEY and IDENT are copied. */
static int bind(cg_identity *id, const char *key, const char *ident, const char *friendly,
                int from_stub)
{
    cg_bound *b;
    if (al_grow(&id->bound, &id->cbound, id->nbound + 1, sizeof(*id->bound), 64) != 0)
        return -1;
    b = &id->bound[id->nbound];
    b->type_key = strdup(key);
    b->ident = strdup(ident);
    b->friendly = friendly ? strdup(friendly) : NULL;
    b->from_stub = from_stub;
    if (!b->type_key || !b->ident || (friendly && !b->friendly)) {
        free(b->type_key);
        free(b->ident);
        free(b->friendly);
        return -1;
    }
    id->nbound++;
    return 0;
}

static int bind_markers(cg_identity *id)
{
    size_t i;
    for (i = 0; i < id->nstubs; i++) {
        const cg_stub *s = &id->stubs[i];
        if (s->type_key && !find_type(id, s->type_key) && bind(id, s->type_key, s->ident, NULL, 1))
            return -1;
    }
    return 0;
}

/* One manifest type {recommendationTypeId, ident, friendlyName}. */
static int bind_manifest_type(cg_identity *id, json_t *t)
{
    const char *type_id = json_string_value(json_object_get(t, "recommendationTypeId"));
    const char *ident = json_string_value(json_object_get(t, "ident"));
    const char *friendly = json_string_value(json_object_get(t, "friendlyName"));
    char *key;
    cg_bound *b;
    int rc = 0;

    if (!type_id || !ident || !valid_ident(ident, strlen(ident)))
        return 1; /* not an entry this program wrote: ignored */
    key = cg_type_key(type_id);
    if (!key)
        return -1;
    b = find_type(id, key);
    if (b) {
        /* bound by its stub: remember the friendly name the last run saw */
        if (!b->friendly && friendly && !strcmp(b->ident, ident))
            b->friendly = strdup(friendly);
    } else if (!ident_bound(id, ident)) {
        rc = bind(id, key, ident, friendly, 0);
    }
    free(key);
    return rc;
}

static int read_manifest(cg_identity *id, const char *out_dir, char *err, size_t errlen)
{
    char *path = al_path_join_new(out_dir, CG_MANIFEST);
    json_error_t jerr;
    json_t *root, *types, *gen, *x;
    size_t i;
    int rc = 0;

    if (!path) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    if (access(path, F_OK) != 0 && errno == ENOENT) {
        free(path);
        return 0;
    }
    root = json_load_file(path, 0, &jerr);
    types = json_object_get(root, "types");
    gen = json_object_get(root, "generated");
    if (!json_is_object(root) || !json_is_array(types) || !json_is_array(gen)) {
        snprintf(err, errlen,
                 "%s:%d: not an advisor-codegen manifest (%s); it binds rule stubs to their "
                 "types: restore it, or remove it to bind the stubs by their marker lines",
                 path, jerr.line, root ? "no \"types\" and \"generated\" arrays" : jerr.text);
        json_decref(root);
        free(path);
        return -1;
    }
    id->have_manifest = 1;
    json_array_foreach(types, i, x) {
        if (bind_manifest_type(id, x) < 0)
            rc = -1;
    }
    json_array_foreach(gen, i, x) {
        const char *rel = json_string_value(x);
        if (!rel || rc != 0)
            continue;
        if (al_grow(&id->generated, &id->cgenerated, id->ngenerated + 1, sizeof(char *), 64) != 0 ||
            !(id->generated[id->ngenerated] = strdup(rel)))
            rc = -1;
        else
            id->ngenerated++;
    }
    if (id->ngenerated > 1)
        qsort(id->generated, id->ngenerated, sizeof(char *), cmp_str);
    json_decref(root);
    free(path);
    if (rc != 0)
        snprintf(err, errlen, "out of memory");
    return rc;
}

int cg_identity_load(cg_identity *id, const char *out_dir, char *err, size_t errlen)
{
    memset(id, 0, sizeof(*id));
    if (list_stubs(id, out_dir, err, errlen) != 0)
        return -1;
    if (bind_markers(id) != 0) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    return read_manifest(id, out_dir, err, errlen);
}

void cg_identity_release(cg_identity *id)
{
    size_t i;
    for (i = 0; i < id->nstubs; i++) {
        free(id->stubs[i].ident);
        free(id->stubs[i].type_key);
    }
    for (i = 0; i < id->nbound; i++) {
        free(id->bound[i].type_key);
        free(id->bound[i].ident);
        free(id->bound[i].friendly);
    }
    for (i = 0; i < id->ngenerated; i++)
        free(id->generated[i]);
    free(id->stubs);
    free(id->bound);
    free(id->generated);
    memset(id, 0, sizeof(*id));
}

static const cg_bound *lookup(const cg_identity *id, const char *type_id)
{
    char *key;
    const cg_bound *b;
    if (!id || !type_id)
        return NULL;
    key = cg_type_key(type_id);
    b = key ? find_type(id, key) : NULL;
    free(key);
    return b;
}

const char *cg_identity_ident(const cg_identity *id, const char *type_id)
{
    const cg_bound *b = lookup(id, type_id);
    return b ? b->ident : NULL;
}

const char *cg_identity_friendly(const cg_identity *id, const char *type_id)
{
    const cg_bound *b = lookup(id, type_id);
    return b ? b->friendly : NULL;
}

const cg_stub *cg_identity_stub(const cg_identity *id, const char *ident)
{
    if (!id || !id->nstubs)
        return NULL;
    return bsearch(ident, id->stubs, id->nstubs, sizeof(*id->stubs), cmp_ident_stub);
}

int cg_identity_reserved(const cg_identity *id, const char *ident)
{
    const cg_stub *s;
    if (!id)
        return 0;
    if (ident_bound(id, ident))
        return 1;
    s = cg_identity_stub(id, ident);
    return s && (id->have_manifest || s->type_key);
}
