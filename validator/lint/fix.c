/*
 * fix.c - certain fixes: computing a replacement, applying spans, writing.
 *
 * Each rule computes its own fix (rules/rule.h, the fix member); here a
 * fix is checked again against the file as it is now and applied. Edits
 * are applied in offset order into a new buffer; bytes outside the spans
 * are copied untouched.
 */
#include "advisor/fix.h"
#include "../util/error.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../reader/source.h"
#include "../rules/rule.h"
#include "../util/atomic.h"

static int cmp_edit(const void *a, const void *b)
{
    const al_edit *x = a, *y = b;
    if (x->off != y->off)
        return x->off < y->off ? -1 : 1;
    return x->end < y->end ? -1 : x->end > y->end;
}

char *al_fix_apply_new(const char *data, size_t len, al_edit *edits, size_t nedits, size_t *out_len,
                       size_t *applied)
{
    size_t i, cap = len + 1, pos = 0, w = 0, used = 0;
    char *out;

    qsort(edits, nedits, sizeof(*edits), cmp_edit);
    for (i = 0; i < nedits; i++)
        cap += strlen(edits[i].text);
    out = malloc(cap);
    if (!out)
        return NULL;
    for (i = 0; i < nedits; i++) {
        size_t n;
        if (edits[i].off < pos || edits[i].end > len || edits[i].end < edits[i].off)
            continue;
        memcpy(out + w, data + pos, edits[i].off - pos);
        w += edits[i].off - pos;
        n = strlen(edits[i].text);
        memcpy(out + w, edits[i].text, n);
        w += n;
        pos = edits[i].end;
        used++;
    }
    memcpy(out + w, data + pos, len - pos);
    w += len - pos;
    out[w] = '\0';
    *out_len = w;
    if (applied)
        *applied = used;
    return out;
}

int al_fix_write_atomic(const char *path, const char *data, size_t len)
{
    return al_write_atomic(path, data, len, NULL, NULL, 0);
}

/* Line starts of S (LEN bytes): fills *STARTS (owned by the caller), returns the count. */
static size_t line_starts(const char *s, size_t len, size_t **starts)
{
    size_t i, n = 1, k = 1;
    for (i = 0; i < len; i++)
        n += s[i] == '\n' && i + 1 < len;
    *starts = malloc((n + 1) * sizeof(**starts));
    if (!*starts)
        return 0;
    (*starts)[0] = 0;
    for (i = 0; i < len; i++)
        if (s[i] == '\n' && i + 1 < len)
            (*starts)[k++] = i + 1;
    (*starts)[n] = len;
    return n;
}

static void print_lines(FILE *out, char sign, const char *s, const size_t *st, size_t a, size_t b)
{
    size_t i;
    for (i = a; i < b; i++) {
        size_t n = st[i + 1] - st[i];
        fputc(sign, out);
        fwrite(s + st[i], 1, n, out);
        if (!n || s[st[i] + n - 1] != '\n')
            fputs("\n\\ No newline at end of file\n", out);
    }
}

static int same_line(const char *a, const size_t *sa, const char *b, const size_t *sb, size_t i)
{
    size_t na = sa[i + 1] - sa[i], nb = sb[i + 1] - sb[i];
    return na == nb && !memcmp(a + sa[i], b + sb[i], na);
}

int al_fix_print_diff(FILE *out, const char *path, const char *old, size_t oldlen, const char *new_,
                      size_t newlen)
{
    size_t *so = NULL, *sn = NULL, no, nn, i, j;
    no = line_starts(old, oldlen, &so);
    nn = line_starts(new_, newlen, &sn);
    if (!so || !sn || no != nn) {
        free(so);
        free(sn);
        return -1;
    }
    fprintf(out, "--- a/%s\n+++ b/%s\n", path, path);
    for (i = 0; i < no; i = j) {
        if (same_line(old, so, new_, sn, i)) {
            j = i + 1;
            continue;
        }
        for (j = i; j < no && !same_line(old, so, new_, sn, j); j++)
            ;
        fprintf(out, "@@ -%zu,%zu +%zu,%zu @@\n", i + 1, j - i, i + 1, j - i);
        print_lines(out, '-', old, so, i, j);
        print_lines(out, '+', new_, sn, i, j);
    }
    free(so);
    free(sn);
    return ferror(out) ? -1 : 0;
}

/* Fixes findings [A, B) of LIST, all of one file. */
static int fix_one_file(const al_findings *list, size_t a, size_t b, int dry_run, FILE *diff_out,
                        size_t *nfixed, size_t *nfiles, al_error *err)
{
    const char *path = list->items[a].file;
    al_source src;
    al_edit *edits = calloc(b - a, sizeof(*edits));
    char **texts = calloc(b - a, sizeof(*texts));
    size_t n = 0, i, newlen = 0, used = 0;
    char *fixed = NULL;
    int rc = -1;

    if (!edits || !texts || al_source_read(&src, path) != 0) {
        al_error_set(err, path, 0, 0, 0, "cannot read '%s': %s", path, strerror(errno));
        free(edits);
        free(texts);
        return -1;
    }
    for (i = a; i < b; i++) {
        const al_finding *f = &list->items[i];
        char *now;
        if (!f->fix || f->off == AL_NO_SPAN || f->end > src.len)
            continue;
        now = al_rule_fix_new(f->rule, src.data, f->off, f->end);
        if (now && !strcmp(now, f->fix)) {
            edits[n].off = f->off;
            edits[n].end = f->end;
            edits[n].text = now;
            texts[n++] = now;
        } else {
            free(now);
        }
    }
    rc = 0;
    if (n) {
        fixed = al_fix_apply_new(src.data, src.len, edits, n, &newlen, &used);
        if (!fixed)
            rc = -1;
        else if (dry_run)
            rc = al_fix_print_diff(diff_out, path, src.data, src.len, fixed, newlen);
        else if (al_fix_write_atomic(path, fixed, newlen) != 0)
            rc = -1;
        if (rc != 0)
            al_error_set(err, path, 0, 0, 0, "cannot write '%s': %s", path, strerror(errno));
        if (rc == 0 && used) {
            *nfixed += used;
            (*nfiles)++;
        }
    }
    for (i = 0; i < n; i++)
        free(texts[i]);
    free(texts);
    free(edits);
    free(fixed);
    al_source_release(&src);
    return rc;
}

int al_fix_files(const al_findings *list, int dry_run, FILE *diff_out, size_t *nfixed,
                 size_t *nfiles, al_error *err)
{
    size_t a = 0, b, k;
    *nfixed = 0;
    *nfiles = 0;
    while (a < list->count) {
        int any = 0;
        for (b = a; b < list->count && !strcmp(list->items[b].file, list->items[a].file); b++)
            ;
        for (k = a; k < b && !any; k++)
            any = list->items[k].fix != NULL;
        if (any && fix_one_file(list, a, b, dry_run, diff_out, nfixed, nfiles, err) != 0)
            return -1;
        a = b;
    }
    return 0;
}
