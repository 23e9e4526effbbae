/*
 * test_recovery_mutations.c - a syntax error in every real file hides nothing else.
 *
 * Usage: test_recovery_mutations CORPUS_DIR
 *
 * Copies the corpus twice into a scratch directory, breaking every file's
 * JSON body once, and lints the original and both copies (embedded schema,
 * every rule, cross-file checks):
 *   - "comma": the ',' ending the middle one of the body's lines that end
 *     with one is deleted. A repair without doubt: each file must report
 *     exactly one json-syntax finding ("missing ','"), and every other finding
 *     must be the original's, same rule, place and message.
 *   - "quote": the closing quote of the middle one of the lines ending in
 *     `",` is deleted. A guessed repair: each file must report exactly one
 *     json-syntax finding (the unclosed string, no cascade), no finding may be
 *     new, and the only findings missing may be those of rules that read the
 *     body (the header, title and file-name ones must all still be there).
 * Findings are compared by file (relative to its tree), rule, JSON pointer,
 * line and message (paths of other files in messages made relative too).
 * Exits 77 when the corpus is absent because the shared material is
 * ($ADVISOR_SHARED_DIR); a corpus missing from a present shared directory,
 * or one in which no file could be broken, fails.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "advisor/lint.h"
#include "corpus_dir.h"
#include "lint/walk.h"
#include "reader/document.h"
#include "rules/rule.h"

enum { COMMA, QUOTE };

static int mkdirs(char *path)
{
    char *s;
    for (s = path + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(path, 0755) != 0 && errno != EEXIST) {
            *s = '/';
            return -1;
        }
        *s = '/';
    }
    return 0;
}

/* Offset of the byte to delete in the body of DOC for mutation KIND, or 0 for none. */
static size_t mutation_at(const al_doc *doc, int kind)
{
    const char *d = doc->src.data;
    size_t i, n = 0;
    size_t cand[4096];
    for (i = doc->body_start; i < doc->body_end && n < 4096; i++) {
        size_t e = i + 1;
        if (d[i] != ',')
            continue;
        while (e < doc->body_end && (d[e] == ' ' || d[e] == '\t' || d[e] == '\r'))
            e++;
        if (e >= doc->body_end || d[e] != '\n')
            continue;
        if (kind == COMMA)
            cand[n++] = i;
        else if (i > doc->body_start && d[i - 1] == '"' && (i < 2 || d[i - 2] != '\\'))
            cand[n++] = i - 1;
    }
    return n ? cand[n / 2] : 0;
}

/* Writes FILE (at REL below the corpus) into OUT/REL with one mutation. Returns 1 when mutated. */
static int write_mutated(const char *file, const char *rel, const char *out, int kind)
{
    al_source src;
    al_doc doc;
    char path[4096];
    FILE *f;
    size_t at;
    int kindof;

    if (al_source_read(&src, file) != 0)
        return -1;
    kindof = al_doc_kind_from_name(file);
    if (al_doc_load(&doc, &src, kindof < 0 ? AL_DOC_MARKDOWN : (al_doc_kind)kindof, NULL) != 0) {
        al_doc_release(&doc);
        return -1;
    }
    at = doc.body ? mutation_at(&doc, kind) : 0;
    snprintf(path, sizeof(path), "%s/%s", out, rel);
    if (mkdirs(path) != 0 || !(f = fopen(path, "wb"))) {
        al_doc_release(&doc);
        return -1;
    }
    if (at) {
        fwrite(doc.src.data, 1, at, f);
        fwrite(doc.src.data + at + 1, 1, doc.src.len - at - 1, f);
    } else {
        fwrite(doc.src.data, 1, doc.src.len, f);
    }
    fclose(f);
    al_doc_release(&doc);
    return at != 0;
}

/* One finding as "rel\trule\tpointer\tline\tmessage", the tree's prefix removed everywhere. */
static char *finding_key(const al_finding *f, const char *prefix)
{
    size_t pl = strlen(prefix), n;
    char msg[2048], *out;
    const char *m = f->message, *hit;
    size_t w = 0;
    while ((hit = strstr(m, prefix)) != NULL && w + (size_t)(hit - m) < sizeof(msg)) {
        memcpy(msg + w, m, (size_t)(hit - m));
        w += (size_t)(hit - m);
        m = hit + pl;
    }
    snprintf(msg + w, sizeof(msg) - w, "%s", m);
    n = strlen(f->file) + strlen(f->rule) + (f->pointer ? strlen(f->pointer) : 1) + strlen(msg) +
        64;
    out = malloc(n);
    if (out)
        snprintf(out, n, "%s\t%s\t%s\t%d\t%s",
                 strncmp(f->file, prefix, pl) ? f->file : f->file + pl, f->rule,
                 f->pointer ? f->pointer : "-", f->line, msg);
    return out;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct keys {
    char **items;
    size_t count;
} keys;

/* Lints TREE; the keys of its findings other than json-syntax, sorted, and json-syntax ones apart. */
static int lint_tree(al_linter *linter, const char *tree, keys *other, keys *syntax)
{
    al_findings out;
    al_lint_stats stats;
    al_error error;
    char *paths[1], prefix[4096];
    size_t i;
    snprintf(prefix, sizeof(prefix), "%s/", tree);
    paths[0] = (char *)tree;
    al_findings_init(&out);
    if (al_lint_paths(linter, paths, 1, &out, &stats, &error) != 0)
        return -1;
    other->items = calloc(out.count + 1, sizeof(char *));
    syntax->items = calloc(out.count + 1, sizeof(char *));
    other->count = syntax->count = 0;
    for (i = 0; i < out.count; i++) {
        keys *k = strcmp(out.items[i].rule, "json-syntax") ? other : syntax;
        k->items[k->count++] = finding_key(&out.items[i], prefix);
    }
    qsort(other->items, other->count, sizeof(char *), cmp_str);
    qsort(syntax->items, syntax->count, sizeof(char *), cmp_str);
    al_findings_release(&out);
    return 0;
}

static void keys_release(keys *k)
{
    size_t i;
    for (i = 0; i < k->count; i++)
        free(k->items[i]);
    free(k->items);
}

/* The rule id of KEY (its second field). */
static const al_rule *key_rule(const char *key)
{
    char id[64];
    const char *t = strchr(key, '\t'), *e = t ? strchr(t + 1, '\t') : NULL;
    if (!e || (size_t)(e - t - 1) >= sizeof(id))
        return NULL;
    memcpy(id, t + 1, (size_t)(e - t - 1));
    id[e - t - 1] = '\0';
    return al_rule_find(id);
}

/* Compares WANT (the original's) with GOT; counts findings lost and new, failing on those not allowed. */
static int compare(const keys *want, const keys *got, int may_lose_body, size_t *lost,
                   size_t *added)
{
    size_t i = 0, j = 0;
    int bad = 0;
    *lost = *added = 0;
    while (i < want->count || j < got->count) {
        int c = i >= want->count ? 1 : j >= got->count ? -1 : strcmp(want->items[i], got->items[j]);
        if (c == 0) {
            i++;
            j++;
        } else if (c < 0) {
            const al_rule *r = key_rule(want->items[i]);
            (*lost)++;
            if (!may_lose_body || !r || al_rule_runs_without_body(r) ||
                !strcmp(r->id, "article-id-unique")) {
                printf("LOST %s\n", want->items[i]);
                bad = 1;
            }
            i++;
        } else {
            (*added)++;
            printf("NEW %s\n", got->items[j]);
            bad = 1;
            j++;
        }
    }
    return bad;
}

/* Every mutated file has exactly one json-syntax finding, with MESSAGE; no other has one. */
static int check_syntax(const keys *syntax, size_t mutated, const char *message)
{
    size_t i;
    int bad = syntax->count != mutated;
    if (bad)
        printf("%zu json-syntax findings for %zu broken files\n", syntax->count, mutated);
    for (i = 0; i < syntax->count; i++) {
        const char *m = strrchr(syntax->items[i], '\t');
        if (!m || strncmp(m + 1, message, strlen(message)) != 0) {
            printf("UNEXPECTED %s\n", syntax->items[i]);
            bad = 1;
        }
        if (i > 0 && !strncmp(syntax->items[i], syntax->items[i - 1],
                              (size_t)(strchr(syntax->items[i], '\t') - syntax->items[i]) + 1)) {
            printf("SECOND ERROR IN A FILE %s\n", syntax->items[i]);
            bad = 1;
        }
    }
    return bad;
}

int main(int argc, char **argv)
{
    int status;
    al_linter_options lo;
    al_linter *linter;
    al_error error;
    al_pathlist list;
    keys orig, orig_syntax, got[2], got_syntax[2];
    char err[512], scratch[] = "/tmp/al-mutations-XXXXXX", out[2][4200], cmd[4300];
    size_t i, prefix, mutated[2] = { 0, 0 }, lost[2], added[2];
    int kind, bad = 0;

    if (argc < 2) {
        fprintf(stderr, "usage: test_recovery_mutations CORPUS_DIR\n");
        return 2;
    }
    if ((status = corpus_dir_status(argv[1])) != 0)
        return status;
    memset(&lo, 0, sizeof(lo));
    lo.no_config = 1;
    lo.jobs = 2;
    linter = al_linter_new(&lo, &error);
    if (!linter || !mkdtemp(scratch)) {
        fprintf(stderr, "setup failed: %s\n",
                linter ? strerror(errno) : al_error_string(&error, err, sizeof(err)));
        return 1;
    }
    al_pathlist_init(&list);
    if (al_walk(argv[1], &list) != 0)
        return 1;
    prefix = strlen(argv[1]) + (argv[1][strlen(argv[1]) - 1] == '/' ? 0 : 1);
    for (kind = COMMA; kind <= QUOTE; kind++) {
        snprintf(out[kind], sizeof(out[kind]), "%s/%s", scratch, kind == COMMA ? "comma" : "quote");
        for (i = 0; i < list.count; i++) {
            int rc =
                write_mutated(list.items[i].path, list.items[i].path + prefix, out[kind], kind);
            if (rc < 0) {
                fprintf(stderr, "cannot copy %s\n", list.items[i].path);
                return 1;
            }
            mutated[kind] += (size_t)rc;
        }
    }
    {
        char tree[4096];
        snprintf(tree, sizeof(tree), "%.*s", (int)(prefix - 1), argv[1]);
        if (lint_tree(linter, tree, &orig, &orig_syntax) != 0)
            return 1;
    }
    if (orig_syntax.count) {
        printf("the corpus itself has %zu json-syntax findings: this test assumes none\n",
               orig_syntax.count);
        bad = 1;
    }
    for (kind = COMMA; kind <= QUOTE; kind++) {
        if (lint_tree(linter, out[kind], &got[kind], &got_syntax[kind]) != 0)
            return 1;
        bad |= check_syntax(&got_syntax[kind], mutated[kind],
                            kind == COMMA ? "missing ',' after"
                                          : "string is not closed before the end of its line");
        bad |= compare(&orig, &got[kind], kind == QUOTE, &lost[kind], &added[kind]);
    }
    if (!mutated[COMMA] || !mutated[QUOTE]) {
        printf("FAIL: no file of the corpus could be broken (%zu, %zu of %zu)\n", mutated[COMMA],
               mutated[QUOTE], list.count);
        bad = 1;
    }
    printf(
        "%zu files; a ',' deleted in %zu: %zu json-syntax findings, %zu other findings lost, "
        "%zu new; a closing quote deleted in %zu: %zu json-syntax findings, %zu body findings "
        "not reported (of %zu), %zu new\n",
        list.count, mutated[COMMA], got_syntax[COMMA].count, lost[COMMA], added[COMMA],
        mutated[QUOTE], got_syntax[QUOTE].count, lost[QUOTE], orig.count, added[QUOTE]);
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", scratch);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", scratch);
    keys_release(&orig);
    keys_release(&orig_syntax);
    for (kind = COMMA; kind <= QUOTE; kind++) {
        keys_release(&got[kind]);
        keys_release(&got_syntax[kind]);
    }
    al_pathlist_release(&list);
    al_linter_free(linter);
    return bad;
}
