/*
 * generate.c - the advisor-codegen run.
 *
 * How it works: the public linter (advisor/lint.h) checks every input (same
 * rules as advisor-lint) and the files with error findings are set aside.
 * The others are listed once, named by their path relative to the root (the
 * repository holding them, or --root), sorted by that name and read one at
 * a time into the model (model.h). OUT's manifest and stubs (identity.h)
 * say which identifier each known type has; the model is named with them
 * and rendered through the templates (templates.h) into OUT (output.h).
 * Then the manifest is written, the generated files no longer generated are
 * removed (never a stub), and stubs no type claims are reported orphaned.
 */
#include "generate.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "advisor/lint.h"
#include "advisor/report.h"
#include "identity.h"
#include "lint/lint.h"
#include "model.h"
#include "names.h"
#include "output.h"
#include "templates.h"
#include "util/path.h"

typedef struct run {
    const cg_options *o;
    cg_templates *tpl;
    cg_output out;
    cg_identity identity;
    json_t *generated; /* the files this run generates, as an object's keys */
    size_t orphans;
    char err[1024];
} run;

/* An input file: as the walk named it (findings use it) and relative to the root. */
typedef struct input {
    char *display;
    char *key;
} input;

/* Whether finding I stops generation: an error, unless a todo marker that is allowed. */
static int blocks(const cg_options *o, const al_findings *f, size_t i)
{
    return f->items[i].severity == AL_SEV_ERROR &&
           !(o->allow_todo && !strcmp(f->items[i].rule, "todo-marker"));
}

static int has_error(const cg_options *o, const al_findings *f, const char *file)
{
    size_t i;
    for (i = 0; i < f->count; i++)
        if (blocks(o, f, i) && !strcmp(f->items[i].file, file))
            return 1;
    return 0;
}

static size_t blocking(const cg_options *o, const al_findings *f)
{
    size_t i, n = 0;
    for (i = 0; i < f->count; i++)
        n += (size_t)blocks(o, f, i);
    return n;
}

static int emit(run *r, const char *tpl, const json_t *ctx, const char *rel, cg_file_kind kind)
{
    mst_buffer b;
    int rc;
    mst_buffer_init(&b);
    rc = cg_templates_render(r->tpl, tpl, ctx, &b, r->err, sizeof(r->err));
    if (rc == 0)
        rc = cg_output_write(&r->out, rel, b.data ? b.data : "", b.len, kind, r->err,
                             sizeof(r->err));
    if (rc == 0 && kind == CG_FILE_GENERATED)
        json_object_set_new(r->generated, rel, json_true());
    mst_buffer_release(&b);
    return rc;
}

static int emit_all(run *r, json_t *root)
{
    static const struct {
        const char *tpl, *rel;
    } shared[] = {
        { "advisor_types.h.mustache", "advisor_types.h" },
        { "advisor_catalog.h.mustache", "advisor_catalog.h" },
        { "advisor_catalog.c.mustache", "advisor_catalog.c" },
        { "advisor_registry.h.mustache", "advisor_registry.h" },
        { "advisor_registry.c.mustache", "advisor_registry.c" },
        { "CMakeLists.txt.mustache", "CMakeLists.txt" },
    };
    size_t i;
    json_t *type;

    for (i = 0; i < sizeof(shared) / sizeof(shared[0]); i++)
        if (emit(r, shared[i].tpl, root, shared[i].rel, CG_FILE_GENERATED) != 0)
            return -1;
    json_array_foreach(json_object_get(root, "types"), i, type) {
        const char *id = json_string_value(json_object_get(type, "ident"));
        char rel[512];
        json_object_set(type, "tool_version", json_object_get(root, "tool_version"));
        snprintf(rel, sizeof(rel), "rules/%s.h", id);
        if (emit(r, "rule.h.mustache", type, rel, CG_FILE_GENERATED) != 0)
            return -1;
        snprintf(rel, sizeof(rel), "rules/%s.c", id);
        if (emit(r, "rule_stub.c.mustache", type, rel, CG_FILE_STUB) != 0)
            return -1;
        if (json_is_true(json_object_get(type, "has_tests"))) {
            snprintf(rel, sizeof(rel), "tests/test_%s.c", id);
            if (emit(r, "rule_test.c.mustache", type, rel, CG_FILE_GENERATED) != 0)
                return -1;
        }
    }
    return 0;
}

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * The manifest: every type's identifier (what binds stubs the next run)
 * and the files this run generated (what the next run may remove), sorted,
 * so it is as reproducible as the rest of OUT.
 */
static int emit_manifest(run *r, json_t *root)
{
    json_t *m = json_object(), *types = json_array(), *gen = json_array(), *type;
    const char **keys = malloc((json_object_size(r->generated) + 1) * sizeof(*keys));
    const char *k;
    json_t *v;
    size_t i, n = 0;
    char *text;
    int rc;

    if (!m || !types || !gen || !keys) {
        json_decref(m);
        json_decref(types);
        json_decref(gen);
        free(keys);
        snprintf(r->err, sizeof(r->err), "out of memory");
        return -1;
    }
    json_array_foreach(json_object_get(root, "types"), i, type)
        json_array_append_new(types, json_pack("{s:O,s:O,s:O}", "recommendationTypeId",
                                               json_object_get(type, "type_id_raw"), "ident",
                                               json_object_get(type, "ident"), "friendlyName",
                                               json_object_get(type, "friendly_raw")));
    json_object_foreach(r->generated, k, v)
        keys[n++] = k;
    qsort(keys, n, sizeof(*keys), cmp_cstr);
    for (i = 0; i < n; i++)
        json_array_append_new(gen, json_string(keys[i]));
    free(keys);
    json_object_set_new(m, "about",
                        json_string("written by advisor-codegen: which identifier (and rule stub "
                                    "rules/IDENT.c) belongs to which recommendationTypeId, and "
                                    "the files it generated; keep it with them"));
    json_object_set_new(m, "types", types);
    json_object_set_new(m, "generated", gen);
    text = json_dumps(m, JSON_INDENT(2) | JSON_SORT_KEYS);
    json_decref(m);
    if (!text) {
        snprintf(r->err, sizeof(r->err), "out of memory");
        return -1;
    }
    {
        size_t len = strlen(text);
        char *t2 = realloc(text, len + 2);
        if (!t2) {
            free(text);
            snprintf(r->err, sizeof(r->err), "out of memory");
            return -1;
        }
        text = t2;
        text[len] = '\n';
        text[len + 1] = '\0';
        rc = cg_output_write(&r->out, CG_MANIFEST, text, len + 1, CG_FILE_GENERATED, r->err,
                             sizeof(r->err));
    }
    free(text);
    return rc;
}

/* Adds REL to LIST when it is a file advisor-codegen may have generated and no longer does. */
static int consider_obsolete(run *r, json_t *list, const char *rel)
{
    size_t n = strlen(rel);
    if (json_object_get(r->generated, rel))
        return 0;
    /* stubs are a person's: never removed, whatever a manifest says */
    if (!strncmp(rel, "rules/", 6) && n > 2 && !strcmp(rel + n - 2, ".c"))
        return 0;
    return json_object_set_new(list, rel, json_true());
}

/* The files of OUT/SUB whose names end with SUFFIX, added to LIST when obsolete. */
static void scan_obsolete(run *r, json_t *list, const char *sub, const char *suffix)
{
    char *dir = al_path_join_new(r->o->out_dir, sub);
    DIR *d = dir ? opendir(dir) : NULL;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name), sl = strlen(suffix);
        char *rel;
        if (e->d_name[0] == '.' || n <= sl || strcmp(e->d_name + n - sl, suffix) != 0)
            continue;
        rel = al_path_join_new(sub, e->d_name);
        if (rel)
            consider_obsolete(r, list, rel);
        free(rel);
    }
    if (d)
        closedir(d);
    free(dir);
}

/*
 * Removes the generated files of recommendations that left the input: those
 * the last manifest lists and those of rules/ and tests/ that say they are
 * generated, when this run did not generate them. cg_output_remove removes
 * only a file whose first line says it was generated.
 */
static int remove_obsolete(run *r)
{
    json_t *list = json_object();
    const char **keys;
    const char *k;
    json_t *v;
    size_t i, n = 0;
    int rc = 0;

    if (!list)
        return -1;
    for (i = 0; i < r->identity.ngenerated; i++)
        consider_obsolete(r, list, r->identity.generated[i]);
    scan_obsolete(r, list, "rules", ".h");
    scan_obsolete(r, list, "tests", ".c");
    keys = malloc((json_object_size(list) + 1) * sizeof(*keys));
    if (!keys) {
        json_decref(list);
        return -1;
    }
    json_object_foreach(list, k, v)
        keys[n++] = k;
    qsort(keys, n, sizeof(*keys), cmp_cstr);
    for (i = 0; i < n && rc == 0; i++)
        rc = cg_output_remove(&r->out, keys[i], r->err, sizeof(r->err));
    free(keys);
    json_decref(list);
    return rc;
}

/* Whether a type of this run has identifier IDENT. */
static int ident_in_model(json_t *root, const char *ident)
{
    size_t i;
    json_t *type;
    json_array_foreach(json_object_get(root, "types"), i, type)
        if (!strcmp(json_string_value(json_object_get(type, "ident")), ident))
            return 1;
    return 0;
}

/* Reports the stubs on disk that no type of this run claims: kept, never removed. */
static void report_orphans(run *r, json_t *root)
{
    size_t i;
    for (i = 0; i < r->identity.nstubs; i++) {
        const cg_stub *s = &r->identity.stubs[i];
        const char *holder = s->type_key ? cg_identity_ident(&r->identity, s->type_key) : NULL;
        if (ident_in_model(root, s->ident))
            continue;
        r->orphans++;
        if (holder && strcmp(holder, s->ident) != 0)
            fprintf(r->o->err,
                    "advisor-codegen: %s/rules/%s.c: orphaned: its recommendationTypeId %s is "
                    "bound to rules/%s.c (kept; merge or remove it)\n",
                    r->o->out_dir, s->ident, s->type_key, holder);
        else if (s->type_key)
            fprintf(r->o->err,
                    "advisor-codegen: %s/rules/%s.c: orphaned: its recommendationTypeId %s is not "
                    "among the inputs (kept; remove it when the recommendation is gone)\n",
                    r->o->out_dir, s->ident, s->type_key);
        else
            fprintf(r->o->err,
                    "advisor-codegen: %s/rules/%s.c: orphaned: no recommendation of the inputs is "
                    "bound to it (kept; remove it, or give it an '" CG_STUB_MARKER
                    " TYPE-ID' line)\n",
                    r->o->out_dir, s->ident);
    }
}

/* Notes a renamed recommendation that kept its identifier, and a newcomer given a suffix. */
static void note_names(run *r, json_t *root)
{
    size_t i;
    json_t *type;
    if (r->o->quiet)
        return;
    json_array_foreach(json_object_get(root, "types"), i, type) {
        const char *tid = json_string_value(json_object_get(type, "type_id_raw"));
        const char *ident = json_string_value(json_object_get(type, "ident"));
        const char *fname = json_string_value(json_object_get(type, "friendly_raw"));
        const char *was = cg_identity_friendly(&r->identity, tid);
        char fresh[128];
        if (cg_identity_ident(&r->identity, tid)) {
            if (was && strcmp(was, fname) != 0)
                fprintf(r->o->err,
                        "advisor-codegen: note: recommendationTypeId %s was renamed \"%s\" -> "
                        "\"%s\"; it keeps the identifier %s (rules/%s.c stays bound to it)\n",
                        tid, was, fname, ident, ident);
        } else if (cg_identifier(fname, strlen(fname), fresh, sizeof(fresh)) == 0 &&
                   strcmp(fresh, ident) != 0 && cg_identity_reserved(&r->identity, fresh)) {
            fprintf(r->o->err,
                    "advisor-codegen: note: \"%s\" (recommendationTypeId %s) is named %s: %s "
                    "belongs to another recommendation's rule\n",
                    fname, tid, ident, fresh);
        }
    }
}

/* ---- inputs ---- */

static void free_inputs(input *in, size_t n)
{
    size_t i;
    for (i = 0; in && i < n; i++) {
        free(in[i].display);
        free(in[i].key);
    }
    free(in);
}

static int cmp_input(const void *a, const void *b)
{
    return strcmp(((const input *)a)->key, ((const input *)b)->key);
}

/* The longest directory (absolute) holding every path of ABS (N > 0 absolute paths). */
static char *common_dir(char *const *abs, size_t n)
{
    char *dir = al_path_dir_new(abs[0]);
    size_t i, len;
    if (!dir)
        return NULL;
    len = strlen(dir);
    for (i = 1; i < n; i++) {
        const char *p = abs[i];
        /* shorten DIR until it is P's directory or an ancestor of it */
        while (len > 1 && !(strncmp(p, dir, len) == 0 && p[len] == '/')) {
            while (len > 1 && dir[len - 1] != '/')
                len--;
            if (len > 1)
                len--;
            dir[len] = '\0';
        }
    }
    if (len == 1 || len == 0)
        snprintf(dir, 2, "/");
    return dir;
}

/*
 * The nearest directory at or above DIR (absolute) holding .git, or NULL:
 * the repository's top even where git itself is not installed, so that the
 * recorded paths do not depend on it.
 */
static char *nearest_git(const char *dir)
{
    char *d = strdup(dir);
    size_t len = d ? strlen(d) : 0;
    while (d) {
        char *probe = al_path_join_new(d, ".git");
        struct stat st;
        int found = probe && stat(probe, &st) == 0;
        free(probe);
        if (found)
            return d;
        if (len <= 1)
            break;
        while (len > 1 && d[len - 1] != '/')
            len--;
        if (len > 1)
            len--;
        d[len] = '\0';
    }
    free(d);
    return NULL;
}

/* The absolute root: --root, else the repository of DIR, else DIR itself. */
static char *find_root(run *r, const char *dir)
{
    al_error error;
    char *found, *abs;
    struct stat st;

    if (r->o->root) {
        if (stat(r->o->root, &st) != 0 || !S_ISDIR(st.st_mode)) {
            snprintf(r->err, sizeof(r->err), "--root '%s' is not a directory", r->o->root);
            return NULL;
        }
        abs = al_path_absolute_new(r->o->root);
        if (!abs)
            snprintf(r->err, sizeof(r->err), "out of memory");
        return abs;
    }
    memset(&error, 0, sizeof(error));
    found = al_repository_root(dir, &error);
    if (!found)
        found = nearest_git(dir);
    abs = al_path_absolute_new(found ? found : dir);
    free(found);
    if (!abs)
        snprintf(r->err, sizeof(r->err), "out of memory");
    return abs;
}

/*
 * The valid files of PATHS (those without error findings), named relative
 * to the root and sorted by that name, the same file named twice once.
 * *N gets their number. Returns NULL with ERR filled on trouble (a file
 * outside --root, memory); an empty list is not trouble.
 */
static input *list_inputs(run *r, char *const *paths, size_t npaths, const al_findings *findings,
                          size_t *n)
{
    al_error error;
    size_t count = 0, i, k = 0;
    char **files = al_list_files(paths, npaths, &count, &error), **abs = NULL, *dir = NULL;
    char *root = NULL;
    input *in = NULL;

    *n = 0;
    if (!files) {
        al_error_string(&error, r->err, sizeof(r->err));
        return NULL;
    }
    in = calloc(count + 1, sizeof(*in));
    abs = calloc(count + 1, sizeof(*abs));
    if (!in || !abs)
        goto oom;
    /* the root comes from every file named, valid or not, so that a file
       turning valid or invalid does not move it */
    for (i = 0; i < count; i++)
        if (!(abs[i] = al_path_absolute_new(files[i])))
            goto oom;
    if (count > 0) {
        dir = common_dir(abs, count);
        root = dir ? find_root(r, dir) : NULL;
        if (!root)
            goto fail;
    }
    for (i = 0; i < count; i++) {
        if (has_error(r->o, findings, files[i]))
            continue;
        in[k].display = strdup(files[i]);
        if (!in[k].display)
            goto oom;
        in[k].key = al_path_relative_new(root, abs[i]);
        k++;
        if (!in[k - 1].key) {
            snprintf(r->err, sizeof(r->err), "'%s' is outside the root '%s' (--root)",
                     in[k - 1].display, root);
            goto fail;
        }
    }
    if (k > 1)
        qsort(in, k, sizeof(*in), cmp_input);
    /* the same file named twice ("a" and "./a") is one input */
    for (i = 0; i < k; i++) {
        if (*n > 0 && !strcmp(in[*n - 1].key, in[i].key)) {
            free(in[i].display);
            free(in[i].key);
            continue;
        }
        in[(*n)++] = in[i];
    }
    for (i = 0; i < count; i++)
        free(abs[i]);
    free(abs);
    free(dir);
    free(root);
    al_files_free(files);
    return in;
oom:
    snprintf(r->err, sizeof(r->err), "out of memory");
fail:
    if (abs)
        for (i = 0; i < count; i++)
            free(abs[i]);
    free(abs);
    free(dir);
    free(root);
    free_inputs(in, k);
    al_files_free(files);
    return NULL;
}

/* Reads every input into M. Returns the number added, or -1. */
static long build_model(run *r, cg_model *m, const input *in, size_t n)
{
    size_t i;
    long added = 0;

    for (i = 0; i < n; i++) {
        al_source src;
        al_doc doc;
        int kind, rc = 0;

        if (al_source_read(&src, in[i].display) != 0)
            continue;
        kind = al_doc_kind_from_name(in[i].display);
        if (kind < 0)
            kind = (int)al_doc_sniff_kind(src.data, src.len);
        if (al_doc_load(&doc, &src, (al_doc_kind)kind, NULL) == 0 && doc.body &&
            al_run_is_metadata(&doc)) {
            rc = cg_model_add(m, &doc, in[i].key, !r->o->no_source_paths, r->err, sizeof(r->err));
            added++;
        }
        al_doc_release(&doc);
        if (rc != 0)
            return -1;
    }
    return added;
}

static int lint_inputs(run *r, char *const *paths, size_t npaths, al_findings *findings,
                       al_lint_stats *stats)
{
    al_linter_options lo;
    al_linter *linter;
    al_error error;
    int rc;

    /* the embedded schema and every rule at its default: no repository config */
    memset(&lo, 0, sizeof(lo));
    lo.no_config = 1;
    lo.jobs = 1;
    linter = al_linter_new(&lo, &error);
    rc = linter ? al_lint_paths(linter, paths, npaths, findings, stats, &error) : -1;
    if (rc != 0)
        al_error_string(&error, r->err, sizeof(r->err));
    al_linter_free(linter);
    return rc;
}

/* Prints the findings on the error stream (errors only when quiet). */
static void report_findings(const cg_options *o, al_findings *findings, const al_lint_stats *stats)
{
    al_report_info info;
    size_t i;
    if (o->quiet) {
        for (i = findings->count; i-- > 0;)
            if (findings->items[i].severity != AL_SEV_ERROR)
                al_findings_remove(findings, i);
        al_findings_recount(findings);
    }
    if (findings->count == 0)
        return;
    memset(&info, 0, sizeof(info));
    info.tool = "advisor-codegen";
    info.version = o->version;
    info.checked = stats->checked;
    info.skipped = stats->skipped;
    info.unreadable = stats->unreadable;
    info.ignored = stats->ignored;
    info.color = o->color;
    al_report_text(o->err, findings, &info);
}

/* Lists, once each, the files --skip-invalid leaves out (the findings are sorted by file). */
static void list_skipped(const cg_options *o, const al_findings *findings)
{
    size_t i;
    const char *last = NULL;
    for (i = 0; i < findings->count; i++) {
        const al_finding *f = &findings->items[i];
        if (f->severity != AL_SEV_ERROR || (last && !strcmp(last, f->file)))
            continue;
        fprintf(o->err, "advisor-codegen: skipped (has errors): %s\n", f->file);
        last = f->file;
    }
}

/* Writes OUT from the finished model. Returns an exit status. */
static int write_out(run *r, cg_model *model, long added)
{
    const cg_options *o = r->o;
    size_t stale;
    int status = CG_EXIT_OK;

    if (cg_output_open(&r->out, o->out_dir, o->check, o->force, o->quiet ? NULL : o->out, r->err,
                       sizeof(r->err)) != 0) {
        fprintf(o->err, "advisor-codegen: %s\n", r->err);
        return CG_EXIT_TROUBLE;
    }
    if (emit_all(r, model->root) != 0 || emit_manifest(r, model->root) != 0 ||
        remove_obsolete(r) != 0) {
        fprintf(o->err, "advisor-codegen: %s\n", r->err);
        cg_output_close(&r->out);
        return CG_EXIT_TROUBLE;
    }
    report_orphans(r, model->root);
    note_names(r, model->root);
    stale = r->out.stale + r->out.removed;
    if (o->check) {
        if (!o->quiet)
            fprintf(o->out,
                    "%s: %zu up to date, %zu stale, %zu orphaned stubs, %zu stubs present "
                    "(from %ld files)\n",
                    o->out_dir, r->out.unchanged, stale, r->orphans, r->out.skipped, added);
        if (stale || r->orphans)
            status = CG_EXIT_STALE;
    } else if (!o->quiet) {
        fprintf(o->out,
                "%s: %zu written, %zu unchanged, %zu removed, %zu stubs kept, %zu orphaned "
                "(from %ld files, %zu types)\n",
                o->out_dir, r->out.written, r->out.unchanged, r->out.removed, r->out.skipped,
                r->orphans, added, json_array_size(json_object_get(model->root, "types")));
    }
    cg_output_close(&r->out);
    return status;
}

int cg_generate(const cg_options *o, char *const *paths, size_t npaths)
{
    run r;
    al_findings findings;
    al_lint_stats stats;
    cg_model model;
    input *in = NULL;
    size_t nin = 0;
    long added;
    int status = CG_EXIT_OK, have_model = 0, have_identity = 0, st;

    memset(&r, 0, sizeof(r));
    r.o = o;
    al_findings_init(&findings);
    r.generated = json_object();
    r.tpl = r.generated ? cg_templates_new(o->templates_dir, r.err, sizeof(r.err)) : NULL;
    if (!r.tpl) {
        fprintf(o->err, "advisor-codegen: %s\n", r.generated ? r.err : "out of memory");
        json_decref(r.generated);
        return CG_EXIT_TROUBLE;
    }
    if (lint_inputs(&r, paths, npaths, &findings, &stats) != 0) {
        fprintf(o->err, "advisor-codegen: %s\n", r.err);
        status = CG_EXIT_TROUBLE;
        goto done;
    }
    report_findings(o, &findings, &stats);
    if (stats.unreadable) {
        status = CG_EXIT_TROUBLE;
        goto done;
    }
    if (blocking(o, &findings) > 0) {
        status = CG_EXIT_INVALID;
        if (!o->skip_invalid) {
            fprintf(o->err,
                    "advisor-codegen: not generating: the files above have errors "
                    "(--skip-invalid generates from the others)\n");
            goto done;
        }
        list_skipped(o, &findings);
    }
    in = list_inputs(&r, paths, npaths, &findings, &nin);
    if (!in) {
        fprintf(o->err, "advisor-codegen: %s\n", r.err);
        status = CG_EXIT_TROUBLE;
        goto done;
    }
    if (cg_model_init(&model, o->version) != 0) {
        status = CG_EXIT_TROUBLE;
        goto done;
    }
    have_model = 1;
    model.no_test_data = o->no_test_data;
    have_identity = 1; /* released even when loading fails half-way */
    if (cg_identity_load(&r.identity, o->out_dir, r.err, sizeof(r.err)) != 0) {
        fprintf(o->err, "advisor-codegen: %s\n", r.err);
        status = CG_EXIT_TROUBLE;
        goto done;
    }
    added = build_model(&r, &model, in, nin);
    if (added < 0 || (added > 0 && cg_model_finish(&model, &r.identity, r.err, sizeof(r.err)))) {
        fprintf(o->err, "advisor-codegen: %s\n", r.err);
        status = status ? status : CG_EXIT_INVALID;
        goto done;
    }
    if (added == 0) {
        fprintf(o->err, "advisor-codegen: no valid advisor metadata to generate from\n");
        status = CG_EXIT_INVALID;
        goto done;
    }
    st = write_out(&r, &model, added);
    /* trouble first; then stale (what --check is asked); then invalid inputs */
    if (st == CG_EXIT_TROUBLE || (st == CG_EXIT_STALE && status != CG_EXIT_TROUBLE))
        status = st;
done:
    if (have_model)
        cg_model_release(&model);
    if (have_identity)
        cg_identity_release(&r.identity);
    free_inputs(in, nin);
    al_findings_release(&findings);
    cg_templates_free(r.tpl);
    json_decref(r.generated);
    return status;
}
