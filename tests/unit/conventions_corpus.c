/*
 * conventions_corpus.c - how often the folder and stem rules of
 * `advisor-codegen new` predict where the real corpus put its files.
 *
 * Usage: conventions_corpus CORPUS_DIR. For every file with a friendly name
 * and a resource type (read as the cross-file rules read it):
 *   - stem: the file's name without its cloud suffix and extension against
 *     adv_file_stem(friendly name);
 *   - folder, convention alone: the file's folder name against
 *     adv_folder_for_type(resource type);
 *   - folder, as `new` decides: the folder holding most files of the same
 *     resource type among the OTHER recommendation types (leave its own
 *     type out, as if it were new), else the convention.
 * Prints the three figures per file, and per recommendation type (a type
 * counts when every one of its files is predicted), and fails when
 * one falls below its floor: the floors sit a little under what the rules
 * measured when written (see README), so a change that makes a rule worse
 * is caught. Exits 77 when the corpus is absent (user clones).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "advisor/advisor.h"
#include "advisor/lint.h"
#include "corpus_dir.h"
#include "lint/context.h"

/* Floors, in per cent of files (measured: see the README's figures). */
#define STEM_FLOOR 45
#define CONVENTION_FLOOR 55
#define TREE_FLOOR 80

/* FILE's folder name (the last directory), in BUF. */
static const char *folder_of(const char *file, char *buf, size_t n)
{
    const char *end = strrchr(file, '/'), *start;
    if (!end)
        return "";
    for (start = end; start > file && start[-1] != '/'; start--)
        ;
    snprintf(buf, n, "%.*s", (int)(end - start), start);
    return buf;
}

/* FILE's name without directory, cloud suffix and extension, in BUF. */
static const char *stem_of(const char *file, char *buf, size_t n)
{
    const char *base = strrchr(file, '/'), *dot;
    size_t off, len;
    base = base ? base + 1 : file;
    if (adv_file_name_cloud(file, &off, &len)) {
        snprintf(buf, n, "%.*s", (int)(file + off - 1 - base), base);
        return buf;
    }
    dot = strrchr(base, '.');
    snprintf(buf, n, "%.*s", (int)(dot ? dot - base : (long)strlen(base)), base);
    return buf;
}

static int usable(const al_fact *f)
{
    /* the authoring templates have them empty */
    return f->value[AL_FACT_FRIENDLY_NAME] && *f->value[AL_FACT_FRIENDLY_NAME] &&
           f->value[AL_FACT_RESOURCE_TYPE] && *f->value[AL_FACT_RESOURCE_TYPE] &&
           f->value[AL_FACT_TYPE_ID];
}

/* The folder `new` would pick for fact I's resource type with its own type left out. */
static void tree_rule(const al_context *c, size_t i, char *out, size_t n)
{
    const al_fact *me = &c->items[i].fact;
    size_t j, k, best_n = 0;
    char a[512], b[512];
    out[0] = '\0';
    for (j = 0; j < c->count; j++) {
        const al_fact *f = &c->items[j].fact;
        size_t cnt = 0;
        if (!usable(f) ||
            strcasecmp(f->value[AL_FACT_RESOURCE_TYPE], me->value[AL_FACT_RESOURCE_TYPE]) ||
            !strcasecmp(f->value[AL_FACT_TYPE_ID], me->value[AL_FACT_TYPE_ID]))
            continue;
        folder_of(f->file, a, sizeof(a));
        for (k = 0; k < c->count; k++) {
            const al_fact *g = &c->items[k].fact;
            if (usable(g) &&
                !strcasecmp(g->value[AL_FACT_RESOURCE_TYPE], me->value[AL_FACT_RESOURCE_TYPE]) &&
                strcasecmp(g->value[AL_FACT_TYPE_ID], me->value[AL_FACT_TYPE_ID]) &&
                !strcmp(folder_of(g->file, b, sizeof(b)), a))
                cnt++;
        }
        if (cnt > best_n || (cnt == best_n && strcmp(a, out) < 0)) {
            best_n = cnt;
            snprintf(out, n, "%s", a);
        }
    }
    if (!best_n && adv_folder_for_type(me->value[AL_FACT_RESOURCE_TYPE], out, n) != 0)
        out[0] = '\0';
}

/* Per recommendation type: whether every file of it was predicted (one bit per rule). */
typedef struct type_score {
    const char *type_id;
    unsigned missed; /* bit R: some file of the type missed rule R */
} type_score;

static type_score *score_of(type_score *t, size_t *n, const char *type_id)
{
    size_t i;
    for (i = 0; i < *n; i++)
        if (!strcasecmp(t[i].type_id, type_id))
            return &t[i];
    t[*n].type_id = type_id;
    t[*n].missed = 0;
    return &t[(*n)++];
}

static size_t types_hit(const type_score *t, size_t n, unsigned bit)
{
    size_t i, hit = 0;
    for (i = 0; i < n; i++)
        hit += !(t[i].missed & bit);
    return hit;
}

static int report(const char *what, size_t hit, size_t total, int floor, size_t thit, size_t ttotal)
{
    int pct = total ? (int)(100 * hit / total) : 0;
    printf("%-34s %3zu of %zu files (%d%%, floor %d%%), %zu of %zu types\n", what, hit, total, pct,
           floor, thit, ttotal);
    if (pct >= floor)
        return 0;
    printf("FAIL: %s is under its floor\n", what);
    return 1;
}

int main(int argc, char **argv)
{
    al_context *c;
    al_error error;
    size_t i, total = 0, stem_hit = 0, conv_hit = 0, tree_hit = 0, ntypes = 0;
    type_score *types;
    int st, rc = 0;

    if (argc != 2) {
        fprintf(stderr, "usage: conventions_corpus CORPUS_DIR\n");
        return 2;
    }
    if ((st = corpus_dir_status(argv[1])) != 0)
        return st;
    c = al_context_new();
    if (!c || al_context_add_path(c, argv[1], &error) < 0) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        al_context_free(c);
        return 2;
    }
    types = calloc(c->count ? c->count : 1, sizeof(*types));
    if (!types) {
        al_context_free(c);
        return 2;
    }
    for (i = 0; i < c->count; i++) {
        const al_fact *f = &c->items[i].fact;
        char want[512], got[512], folder[512];
        type_score *t;
        int stem_ok, conv_ok, tree_ok;
        if (!usable(f))
            continue;
        total++;
        t = score_of(types, &ntypes, f->value[AL_FACT_TYPE_ID]);
        folder_of(f->file, folder, sizeof(folder));
        stem_of(f->file, want, sizeof(want));
        stem_ok = adv_file_stem(f->value[AL_FACT_FRIENDLY_NAME], got, sizeof(got)) == 0 &&
                  !strcmp(want, got);
        conv_ok = adv_folder_for_type(f->value[AL_FACT_RESOURCE_TYPE], got, sizeof(got)) == 0 &&
                  !strcmp(folder, got);
        tree_rule(c, i, got, sizeof(got));
        tree_ok = !strcmp(folder, got);
        stem_hit += (size_t)stem_ok;
        conv_hit += (size_t)conv_ok;
        tree_hit += (size_t)tree_ok;
        t->missed |= (stem_ok ? 0u : 1u) | (conv_ok ? 0u : 2u) | (tree_ok ? 0u : 4u);
    }
    printf("%zu files with a friendly name and a resource type\n", total);
    rc |= report("stem = friendly name, lower case", stem_hit, total, STEM_FLOOR,
                 types_hit(types, ntypes, 1), ntypes);
    rc |= report("folder by the convention alone", conv_hit, total, CONVENTION_FLOOR,
                 types_hit(types, ntypes, 2), ntypes);
    rc |= report("folder as new picks it", tree_hit, total, TREE_FLOOR, types_hit(types, ntypes, 4),
                 ntypes);
    free(types);
    al_context_free(c);
    return rc || total == 0;
}
