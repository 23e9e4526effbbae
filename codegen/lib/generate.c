/*
 * generate.c - the advisor-codegen run.
 *
 * How it works: the public linter (advisor/lint.h) checks every input (same rules as
 * advisor-lint) and the files with error findings are set aside; the others
 * are read again one at a time into the model (model.h), which is then
 * rendered through the templates (templates.h) into OUT (output.h). The
 * per-type files are rendered with the type's part of the model.
 */
#include "generate.h"

#include <stdlib.h>
#include <string.h>

#include "advisor/lint.h"
#include "advisor/report.h"
#include "lint/lint.h"
#include "model.h"
#include "output.h"
#include "templates.h"

typedef struct run {
    const cg_options *o;
    cg_templates *tpl;
    cg_output out;
    char err[1024];
} run;

static int has_error(const al_findings *f, const char *file)
{
    size_t i;
    for (i = 0; i < f->count; i++)
        if (f->items[i].severity == AL_SEV_ERROR && !strcmp(f->items[i].file, file))
            return 1;
    return 0;
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

/* Reads every valid metadata file of PATHS into M. Returns the number added, or -1. */
static long build_model(run *r, cg_model *m, char *const *paths, size_t npaths,
                        const al_findings *findings)
{
    al_error error;
    char **files = al_list_files(paths, npaths, NULL, &error);
    size_t i;
    long added = 0;

    if (!files) {
        al_error_string(&error, r->err, sizeof(r->err));
        return -1;
    }
    for (i = 0; files[i]; i++) {
        al_source src;
        al_doc doc;
        int kind, rc = 0;
        const char *path = files[i];

        if (has_error(findings, path) || al_source_read(&src, path) != 0)
            continue;
        kind = al_doc_kind_from_name(path);
        if (kind < 0)
            kind = (int)al_doc_sniff_kind(src.data, src.len);
        if (al_doc_load(&doc, &src, (al_doc_kind)kind, NULL) == 0 && doc.body &&
            al_run_is_metadata(&doc)) {
            rc = cg_model_add(m, &doc, path, r->err, sizeof(r->err));
            added++;
        }
        al_doc_release(&doc);
        if (rc != 0) {
            al_files_free(files);
            return -1;
        }
    }
    al_files_free(files);
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

int cg_generate(const cg_options *o, char *const *paths, size_t npaths)
{
    run r;
    al_findings findings;
    al_lint_stats stats;
    cg_model model;
    long added;
    int status = 0, have_model = 0;

    memset(&r, 0, sizeof(r));
    r.o = o;
    al_findings_init(&findings);
    r.tpl = cg_templates_new(o->templates_dir, r.err, sizeof(r.err));
    if (!r.tpl) {
        fprintf(o->err, "advisor-codegen: %s\n", r.err);
        return 2;
    }
    if (lint_inputs(&r, paths, npaths, &findings, &stats) != 0) {
        fprintf(o->err, "advisor-codegen: %s\n", r.err);
        status = 2;
        goto done;
    }
    if (findings.count > 0) {
        al_report_info info;
        memset(&info, 0, sizeof(info));
        info.tool = "advisor-codegen";
        info.version = o->version;
        info.checked = stats.checked;
        info.skipped = stats.skipped;
        info.unreadable = stats.unreadable;
        info.ignored = stats.ignored;
        info.color = o->color;
        al_report_text(o->out, &findings, &info);
    }
    if (stats.unreadable) {
        status = 2;
        goto done;
    }
    if (findings.by_severity[AL_SEV_ERROR] > 0) {
        status = 1;
        if (!o->skip_invalid) {
            fprintf(o->err,
                    "advisor-codegen: not generating: the files above have errors "
                    "(--skip-invalid generates from the others)\n");
            goto done;
        }
    }
    if (cg_model_init(&model, o->version) != 0) {
        status = 2;
        goto done;
    }
    have_model = 1;
    added = build_model(&r, &model, paths, npaths, &findings);
    if (added < 0 || (added > 0 && cg_model_finish(&model, r.err, sizeof(r.err)) != 0)) {
        fprintf(o->err, "advisor-codegen: %s\n", r.err);
        status = status ? status : 1;
        goto done;
    }
    if (added == 0) {
        fprintf(o->err, "advisor-codegen: no valid advisor metadata to generate from\n");
        status = 1;
        goto done;
    }
    if (cg_output_open(&r.out, o->out_dir, o->check, o->force, o->out, r.err, sizeof(r.err)) != 0) {
        fprintf(o->err, "advisor-codegen: %s\n", r.err);
        status = 2;
        goto done;
    }
    if (emit_all(&r, model.root) != 0) {
        fprintf(o->err, "advisor-codegen: %s\n", r.err);
        status = 2;
    }
    if (o->check) {
        fprintf(o->out, "%s: %zu up to date, %zu stale, %zu stubs present (from %ld files)\n",
                o->out_dir, r.out.unchanged, r.out.stale, r.out.skipped, added);
        if (r.out.stale && !status)
            status = 1;
    } else {
        fprintf(o->out,
                "%s: %zu written, %zu unchanged, %zu stubs kept (from %ld files, %zu types)\n",
                o->out_dir, r.out.written, r.out.unchanged, r.out.skipped, added,
                json_array_size(json_object_get(model.root, "types")));
    }
    cg_output_close(&r.out);
done:
    if (have_model)
        cg_model_release(&model);
    al_findings_release(&findings);
    cg_templates_free(r.tpl);
    return status;
}
