/*
 * actions.c - textDocument/codeAction: quick fixes and suppressions.
 *
 * For the findings of the last check that touch the requested range:
 * each certain fix (al_finding.fix, what --fix would write) becomes a
 * quick fix replacing the finding's span, and each rule met gets
 * "Suppress RULE for this file", which adds the rule to the header's
 * advisorLintIgnore attribute (creating the attribute, on its own line
 * before "/>" when the header ends on a line of its own).
 */
#include <stdlib.h>
#include <string.h>

#include "header.h"
#include "server.h"

static json_t *text_edit(const al_lsp_doc *d, size_t off, size_t end, const char *text)
{
    return json_pack("{s:o,s:o}", "range", al_lsp_range_json(d, off, end), "newText",
                     al_lsp_string(text));
}

static json_t *action(const al_lsp_doc *d, const char *title, json_t *edit, json_t *diag,
                      int preferred)
{
    json_t *a = json_pack("{s:o,s:s,s:{s:{s:[o]}}}", "title", al_lsp_string(title), "kind",
                          "quickfix", "edit", "changes", d->uri, edit);
    if (a && diag)
        json_object_set_new(a, "diagnostics", json_pack("[o]", diag));
    else
        json_decref(diag);
    if (a && preferred)
        json_object_set_new(a, "isPreferred", json_true());
    return a;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The edit adding RULE to the header's advisorLintIgnore, or NULL when there is no header. */
static json_t *suppress_edit(const al_lsp_doc *d, const char *rule)
{
    const char *t = d->text;
    size_t start, close, vs, ve, ls;
    char buf[256];
    const char *eol;

    if (al_lsp_find_header(t, d->len, &start, &close) != 0)
        return NULL;
    if (al_lsp_find_attribute(t, start, close, "advisorLintIgnore", &vs, &ve) == 0) {
        size_t k = vs;
        while (k < ve && is_space(t[k]))
            k++;
        snprintf(buf, sizeof(buf), "%s%s", k < ve ? ", " : "", rule);
        while (ve > vs && is_space(t[ve - 1]))
            ve--;
        return text_edit(d, ve, ve, buf);
    }
    ls = close;
    while (ls > start && (t[ls - 1] == ' ' || t[ls - 1] == '\t'))
        ls--;
    if (ls > start && t[ls - 1] == '\n') { /* "/>" on its own line: a line before it */
        eol = ls >= 2 && t[ls - 2] == '\r' ? "\r\n" : "\n";
        snprintf(buf, sizeof(buf), "advisorLintIgnore = \"%s\"%s", rule, eol);
        return text_edit(d, ls, ls, buf);
    }
    snprintf(buf, sizeof(buf), " advisorLintIgnore=\"%s\"", rule);
    return text_edit(d, close, close, buf);
}

static json_t *diag_ref(const al_lsp_doc *d, const al_finding *f, size_t off, size_t end)
{
    return json_pack("{s:o,s:s,s:s,s:o}", "range", al_lsp_range_json(d, off, end), "code", f->rule,
                     "source", "advisor-lint", "message", al_lsp_string(f->message));
}

json_t *al_lsp_code_actions(al_lsp_server *s, al_lsp_doc *d, size_t off, size_t end)
{
    json_t *list = json_array();
    const char *seen[64];
    size_t nseen = 0, i, k;
    char title[512];

    (void)s;
    for (i = 0; list && i < d->findings.count; i++) {
        const al_finding *f = &d->findings.items[i];
        size_t a, b;
        json_t *edit;

        al_lsp_finding_span(d, f, &a, &b);
        if (a > end || b < off)
            continue;
        if (f->fix && f->off != AL_NO_SPAN && f->end != AL_NO_SPAN) {
            snprintf(title, sizeof(title), "Fix: %s (%s)", f->message, f->rule);
            json_array_append_new(list, action(d, title, text_edit(d, a, b, f->fix),
                                               diag_ref(d, f, a, b), 1));
        }
        for (k = 0; k < nseen && strcmp(seen[k], f->rule) != 0; k++)
            ;
        if (k < nseen || nseen == sizeof(seen) / sizeof(seen[0]))
            continue;
        seen[nseen++] = f->rule;
        edit = suppress_edit(d, f->rule);
        if (!edit)
            continue;
        snprintf(title, sizeof(title), "Suppress %s for this file", f->rule);
        json_array_append_new(list, action(d, title, edit, diag_ref(d, f, a, b), 0));
    }
    return list;
}
