/*
 * test_known_defects.c - advisor-lint on the real corpus against its known defects.
 *
 * Usage: test_known_defects CORPUS_DIR KNOWN_DEFECTS_JSON EXTRA_DEFECTS_JSON
 *
 * Runs the whole lint (embedded schema, every rule, cross-file checks) over
 * the corpus, then checks:
 *   - every known defect of severity error is reported as an error in that
 *     file on the line of its place (header attribute, title line, repeated
 *     key, JSON value), every warning at least as a warning (recall);
 *   - no file without a known error gets an error (unexpected errors).
 * Defects advisor-lint finds that the list lacks are in EXTRA_DEFECTS_JSON,
 * each with the reasoning; errors there are expected too. Prints recall and
 * the count of unexpected errors. Exits 77 when the corpus is absent because
 * the shared material is ($ADVISOR_SHARED_DIR); a corpus missing from a
 * present shared directory, no file checked, or an empty defect list fail.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "advisor/lint.h"
#include "corpus_dir.h"
#include "reader/document.h"

/* Expected line of a defect's place, or 0 when it cannot be found. */
static int place_line(const char *path, const char *ptr)
{
    al_source src;
    al_doc doc;
    int line = 0, kind;

    if (al_source_read(&src, path) != 0)
        return 0;
    kind = al_doc_kind_from_name(path);
    if (al_doc_load(&doc, &src, kind < 0 ? AL_DOC_MARKDOWN : (al_doc_kind)kind, NULL) != 0) {
        al_doc_release(&doc);
        return 0;
    }
    if (!strncmp(ptr, "header:", 7)) {
        const al_attr *a = al_doc_attr(&doc, ptr + 7);
        if (a)
            line = al_source_pos(&doc.src, a->name_off).line;
    } else if (!strcmp(ptr, "title")) {
        if (doc.has_title)
            line = al_source_pos(&doc.src, doc.title_off).line;
    } else if (!strncmp(ptr, "dupkey:", 7)) {
        /* the second occurrence of "KEY" followed by ':' in the body */
        char needle[256];
        const char *p = doc.src.data + doc.body_start;
        int seen = 0;
        snprintf(needle, sizeof(needle), "\"%s\"", ptr + 7);
        while ((p = strstr(p, needle)) != NULL) {
            const char *q = p + strlen(needle);
            while (*q == ' ' || *q == '\t')
                q++;
            if (*q == ':' && ++seen == 2) {
                line = al_source_pos(&doc.src, (size_t)(p - doc.src.data)).line;
                break;
            }
            p = q;
        }
    } else if (ptr[0] == '/' || ptr[0] == '\0') {
        const al_posindex *ix = al_doc_index(&doc);
        const al_posentry *e = ix ? al_posindex_find(ix, ptr) : NULL;
        if (e)
            line = al_source_pos(&doc.src, e->val_off).line;
    }
    al_doc_release(&doc);
    return line;
}

static json_t *load_list(const char *path)
{
    json_error_t err;
    json_t *v = json_load_file(path, 0, &err);
    if (!json_is_array(v)) {
        fprintf(stderr, "cannot read '%s': %s\n", path, err.text);
        json_decref(v);
        return NULL;
    }
    return v;
}

static int file_has_known_error(json_t *lists[2], const char *rel)
{
    size_t k, i;
    for (k = 0; k < 2; k++)
        for (i = 0; i < json_array_size(lists[k]); i++) {
            json_t *d = json_array_get(lists[k], i);
            if (!strcmp(json_string_value(json_object_get(d, "file")), rel) &&
                !strcmp(json_string_value(json_object_get(d, "sev")), "error"))
                return 1;
        }
    return 0;
}

int main(int argc, char **argv)
{
    int status;
    json_t *lists[2];
    al_linter_options lo;
    al_linter *linter;
    al_error error;
    al_findings findings;
    al_lint_stats stats;
    char err[1100], *paths[1];
    size_t k, i, j, total = 0, found = 0, unexpected = 0, prefix;

    if (argc < 4) {
        fprintf(stderr,
                "usage: test_known_defects CORPUS_DIR KNOWN_DEFECTS_JSON EXTRA_DEFECTS_JSON\n");
        return 2;
    }
    if ((status = corpus_dir_status(argv[1])) != 0)
        return status;
    lists[0] = load_list(argv[2]);
    lists[1] = load_list(argv[3]);
    if (!lists[0] || !lists[1])
        return 1;
    memset(&lo, 0, sizeof(lo));
    lo.no_config = 1;
    lo.jobs = 1;
    linter = al_linter_new(&lo, &error);
    if (!linter) {
        fprintf(stderr, "embedded schema: %s\n", al_error_string(&error, err, sizeof(err)));
        return 1;
    }
    al_findings_init(&findings);
    paths[0] = argv[1];
    if (al_lint_paths(linter, paths, 1, &findings, &stats, &error) != 0)
        return 1;
    prefix = strlen(argv[1]) + (argv[1][strlen(argv[1]) - 1] == '/' ? 0 : 1);

    for (k = 0; k < 2; k++) {
        for (i = 0; i < json_array_size(lists[k]); i++) {
            json_t *d = json_array_get(lists[k], i);
            const char *rel = json_string_value(json_object_get(d, "file"));
            const char *ptr = json_string_value(json_object_get(d, "ptr"));
            const char *sev = json_string_value(json_object_get(d, "sev"));
            al_severity want = strcmp(sev, "error") == 0 ? AL_SEV_ERROR : AL_SEV_WARNING;
            char path[4096];
            int line, ok = 0;
            snprintf(path, sizeof(path), "%.*s/%s", (int)(prefix - 1), argv[1], rel);
            line = place_line(path, ptr);
            total++;
            for (j = 0; j < findings.count && !ok; j++) {
                const al_finding *f = &findings.items[j];
                ok = !strcmp(f->file + prefix, rel) && f->line == line && f->severity >= want &&
                     (want == AL_SEV_WARNING || f->severity == AL_SEV_ERROR);
            }
            if (ok)
                found++;
            else
                printf("MISSED %s %s %s (line %d) [%s]\n", sev,
                       json_string_value(json_object_get(d, "cls")), rel, line, ptr);
        }
    }
    for (j = 0; j < findings.count; j++) {
        const al_finding *f = &findings.items[j];
        if (f->severity != AL_SEV_ERROR || file_has_known_error(lists, f->file + prefix))
            continue;
        unexpected++;
        printf("UNEXPECTED %s:%d:%d: %s [%s]\n", f->file, f->line, f->column, f->message, f->rule);
    }
    printf(
        "%zu files checked: recall %zu/%zu known defects (%.1f%%), %zu unexpected errors; "
        "%zu errors, %zu warnings in all\n",
        stats.checked, found, total, total ? 100.0 * (double)found / (double)total : 100.0,
        unexpected, findings.by_severity[AL_SEV_ERROR], findings.by_severity[AL_SEV_WARNING]);
    /* a run over nothing proves nothing: a wrong path or an empty list fails */
    if (stats.checked == 0)
        printf("FAIL: no file was checked in '%s'\n", argv[1]);
    if (total == 0)
        printf("FAIL: no known defect was listed in '%s'\n", argv[2]);
    al_findings_release(&findings);
    al_linter_free(linter);
    json_decref(lists[0]);
    json_decref(lists[1]);
    return (found == total && unexpected == 0 && stats.checked > 0 && total > 0) ? 0 : 1;
}
