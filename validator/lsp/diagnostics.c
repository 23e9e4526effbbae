/*
 * diagnostics.c - checking open documents, and the workspace as their context.
 *
 * A document is checked as the buffer it is (al_lint_buffer) under the
 * name a command-line run from the workspace root would give the file,
 * so the config's globs and severities apply to it as they would there.
 * Each finding becomes a Diagnostic: its byte span (or, for the few
 * findings without one, its line and code-point column) turned into
 * UTF-16 positions, severity, code = the rule id with a link to its doc,
 * source "advisor-lint". Files that are not metadata produce nothing.
 *
 * The workspace folder, when the client names one, becomes the working
 * directory (the config is found from there, as on the command line) and
 * its metadata files the cross-file rules' context; a saved document and
 * the files the client reports changed are read again, deleted ones
 * dropped, and every open document checked again.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "advisor/rules.h"
#include "server.h"

void al_lsp_finding_span(const al_lsp_doc *d, const al_finding *f, size_t *off, size_t *end)
{
    if (f->off != AL_NO_SPAN && f->off <= d->len) {
        *off = f->off;
        *end = f->end != AL_NO_SPAN && f->end >= f->off && f->end <= d->len ? f->end : f->off;
        return;
    }
    *off = al_lsp_offset_of_column(d->text, d->len, f->line, f->column);
    *end = al_lsp_offset_of_column(d->text, d->len, f->end_line, f->end_column);
    if (*end < *off)
        *end = *off;
}

static int lsp_severity(al_severity sev)
{
    switch (sev) {
    case AL_SEV_ERROR: return 1;
    case AL_SEV_WARNING: return 2;
    default: return 3;
    }
}

static json_t *diagnostic(const al_lsp_server *s, const al_lsp_doc *d, const al_finding *f)
{
    size_t off, end;
    json_t *j;
    char href[1024];

    al_lsp_finding_span(d, f, &off, &end);
    j = json_pack("{s:o,s:i,s:s,s:s,s:o}", "range", al_lsp_range_json(d, off, end), "severity",
                  lsp_severity(f->severity), "code", f->rule, "source", "advisor-lint", "message",
                  al_lsp_string(f->message));
    if (j && s->opts->doc_base) {
        snprintf(href, sizeof(href), "%s#%s", s->opts->doc_base, f->rule);
        json_object_set_new(j, "codeDescription", json_pack("{s:s}", "href", href));
    }
    return j;
}

static void publish(al_lsp_server *s, const char *uri, json_t *diagnostics, long version,
                    int with_version)
{
    json_t *params = json_pack("{s:s,s:o}", "uri", uri, "diagnostics", diagnostics);
    if (params && with_version)
        json_object_set_new(params, "version", json_integer(version));
    al_lsp_send(s, al_rpc_notification("textDocument/publishDiagnostics", params));
}

void al_lsp_clear(al_lsp_server *s, const char *uri)
{
    publish(s, uri, json_array(), 0, 0);
}

void al_lsp_check(al_lsp_server *s, al_lsp_doc *d)
{
    al_error err;
    json_t *list = json_array();
    size_t i;

    d->dirty = 0;
    al_findings_release(&d->findings);
    al_findings_init(&d->findings);
    if (al_lint_buffer(s->linter, d->name, d->text, d->len, &d->findings, NULL, &err) != 0) {
        char buf[AL_ERROR_SOURCE_LENGTH + AL_ERROR_TEXT_LENGTH + 32];
        al_lsp_log(s, 1, "advisor-lint: %s", al_error_string(&err, buf, sizeof(buf)));
    }
    for (i = 0; list && i < d->findings.count; i++)
        json_array_append_new(list, diagnostic(s, d, &d->findings.items[i]));
    publish(s, d->uri, list, d->version, 1);
}

void al_lsp_mark_dirty(al_lsp_server *s, al_lsp_doc *d)
{
    (void)s;
    d->dirty = 1;
}

void al_lsp_check_dirty(al_lsp_server *s)
{
    size_t i;
    for (i = 0; i < s->docs.count && !s->done; i++)
        if (s->docs.items[i]->dirty)
            al_lsp_check(s, s->docs.items[i]);
}

static void mark_all(al_lsp_server *s)
{
    size_t i;
    for (i = 0; i < s->docs.count; i++)
        s->docs.items[i]->dirty = 1;
}

int al_lsp_workspace_open(al_lsp_server *s, char *err, size_t errlen)
{
    al_error e;
    char buf[AL_ERROR_SOURCE_LENGTH + AL_ERROR_TEXT_LENGTH + 32];
    char *abs;

    if (s->root && !s->no_chdir) {
        if (chdir(s->root) != 0) { /* checked alone, then, as files outside any workspace */
            al_lsp_log(s, 2, "advisor-lint: cannot enter the workspace folder '%s': %s", s->root,
                       strerror(errno));
            free(s->root);
            s->root = NULL;
        }
        abs = s->root ? getcwd(NULL, 0) : NULL; /* the name documents are made relative to */
        if (abs) {
            free(s->root);
            s->root = abs;
        }
    }
    s->linter =
        s->opts->shared_linter ? s->opts->shared_linter : al_linter_new(&s->opts->linter, &e);
    if (!s->linter) {
        snprintf(err, errlen, "advisor-lint: %s", al_error_string(&e, buf, sizeof(buf)));
        return -1;
    }
    if (!s->root || s->no_chdir || s->opts->no_context)
        return 0;
    s->context = al_context_new();
    if (!s->context) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    if (al_context_add_repository(s->context, s->linter, ".", &e) < 0)
        al_lsp_log(s, 2, "advisor-lint: the workspace's files are not compared: %s",
                   al_error_string(&e, buf, sizeof(buf)));
    al_linter_set_context(s->linter, s->context);
    return 0;
}

/* Reads PATH into the context again, or drops it when it is gone. */
static void refresh(al_lsp_server *s, const char *path, int deleted)
{
    al_error e;
    if (!s->context)
        return;
    if (deleted || access(path, F_OK) != 0) {
        al_context_remove(s->context, path);
        return;
    }
    al_context_remove(s->context, path); /* no longer metadata: not replaced by add */
    if (al_context_add_path(s->context, path, &e) < 0) {
        char buf[AL_ERROR_SOURCE_LENGTH + AL_ERROR_TEXT_LENGTH + 32];
        al_lsp_log(s, 2, "advisor-lint: %s", al_error_string(&e, buf, sizeof(buf)));
    }
}

void al_lsp_did_save(al_lsp_server *s, const json_t *params)
{
    al_lsp_doc *d = al_lsp_param_doc(s, params);
    if (!d || !d->path || !s->context)
        return;
    refresh(s, d->path, 0);
    mark_all(s);
}

void al_lsp_did_change_watched(al_lsp_server *s, const json_t *params)
{
    const json_t *changes = json_object_get(params, "changes");
    size_t i;

    if (!s->context || !json_is_array(changes))
        return;
    for (i = 0; i < json_array_size(changes); i++) {
        const json_t *c = json_array_get(changes, i);
        const json_t *uri = json_object_get(c, "uri");
        char *path = json_is_string(uri) ? al_lsp_uri_to_path(json_string_value(uri)) : NULL;
        if (path)
            refresh(s, path, json_integer_value(json_object_get(c, "type")) == 3);
        free(path);
    }
    mark_all(s);
}
