/*
 * lint.c - the run: list, read, check, collect.
 *
 * Files are checked one at a time into a per-file findings list that is
 * appended to the run's list, then everything is sorted once at the end, so
 * output order never depends on the order work happened in.
 */
#include "lint.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../advisor/advisor.h"
#include "../reader/document.h"
#include "../rules/rule.h"
#include "check.h"
#include "corpus.h"
#include "walk.h"

typedef struct file_ctx {
    const char *file;
    al_doc *doc;
    al_findings *out;
} file_ctx;

static void add_finding(file_ctx *fc, const char *rule_id, size_t off, size_t end,
                        const char *pointer, const char *message)
{
    const al_rule *rule = al_rule_find(rule_id);
    al_pos a = al_source_pos(&fc->doc->src, off);
    al_pos b = al_source_pos(&fc->doc->src, end > off ? end : off);
    if (!rule)
        rule = al_rule_find("json-syntax");
    al_findings_add(fc->out, fc->file, a.line, a.column, b.line, b.column,
                    pointer, rule->id, rule->severity, message);
}

static void on_problem(void *ud, const char *rule, size_t offset, size_t end,
                       size_t related, const char *pointer, const char *message)
{
    file_ctx *fc = ud;
    char msg[768];

    if (related != AL_NO_OFFSET) {
        al_pos r = al_source_pos(&fc->doc->src, related);
        snprintf(msg, sizeof(msg), "%s (first at line %d, column %d)", message, r.line, r.column);
        message = msg;
    }
    if (end <= offset)
        end = offset + 1 <= fc->doc->src.len ? offset + 1 : offset;
    add_finding(fc, rule, offset, end, pointer && *pointer ? pointer : (pointer ? "" : NULL), message);
}

static void report_unreadable(al_findings *out, const char *path, int err)
{
    char msg[512];
    const char *why = err == ENODEV ? "not a regular file" : strerror(err);
    const al_rule *rule = al_rule_find("read-error");
    snprintf(msg, sizeof(msg), "cannot read '%s': %s", path, why);
    al_findings_add(out, path, 1, 1, 1, 1, NULL, rule->id, rule->severity, msg);
}

/* Whether a parsed bare JSON/YAML body says it is an AdvisorRecommendation. */
static int is_advisor_body(const json_t *body)
{
    const char *s = json_string_value(json_object_get(body, "$schema"));
    return s && strcmp(s, "AdvisorRecommendation") == 0;
}

static void check_schema(const al_lint_options *opts, al_doc *doc, const char *file,
                         al_findings *out)
{
    jsch_result *res;
    al_check c;
    size_t i;

    if (!opts->schema || !doc->body)
        return;
    res = jsch_result_new();
    if (!res)
        return;
    if (!jsch_validate(opts->schema, doc->body, res)) {
        memset(&c, 0, sizeof(c));
        c.doc = doc;
        c.file = file;
        c.out = out;
        for (i = 0; i < jsch_result_count(res); i++) {
            const jsch_issue *is = jsch_result_get(res, i);
            al_check_at_pointer(&c, "schema", is->instance_location, AL_AT_VALUE, "%s",
                                is->message);
        }
    }
    jsch_result_free(res);
}

static void run_rules(al_doc *doc, const char *file, al_findings *out)
{
    size_t n, i;
    const al_rule *const *rules = al_rules_all(&n);
    al_check c;

    memset(&c, 0, sizeof(c));
    c.doc = doc;
    c.file = file;
    c.out = out;
    for (i = 0; i < n; i++) {
        if (!rules[i]->check)
            continue;
        c.rule = rules[i];
        rules[i]->check(&c);
    }
}

/*
 * Drops schema findings at a pointer where a rule also reported: the rule's
 * message is the more precise one (a GUID's exact defect rather than "does
 * not match pattern"), and one defect should be one finding.
 */
static void drop_shadowed_schema_findings(al_findings *list)
{
    size_t i, j, w = 0;
    for (i = 0; i < list->count; i++) {
        al_finding *f = &list->items[i];
        int shadowed = 0;
        if (!strcmp(f->rule, "schema") && f->pointer) {
            for (j = 0; j < list->count && !shadowed; j++) {
                const al_finding *g = &list->items[j];
                shadowed = j != i && strcmp(g->rule, "schema") != 0 && g->pointer &&
                           !strcmp(g->pointer, f->pointer);
            }
        }
        if (shadowed) {
            list->by_severity[f->severity]--;
            free(f->file);
            free(f->pointer);
            free(f->message);
            continue;
        }
        list->items[w++] = *f;
    }
    list->count = w;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* Keeps what the cross-file rules compare. */
static int keep_facts(al_corpus *corpus, const al_doc *doc, const char *file)
{
    al_fact f;
    const al_attr *aid = al_doc_attr(doc, "articleId");
    static const char *const ptr[AL_FACT_COUNT] = {
        NULL, "recommendationTypeId", "recommendationFriendlyName",
        "recommendationResourceType", "recommendationCategory",
    };
    int k;

    memset(&f, 0, sizeof(f));
    f.file = strdup(file);
    if (!f.file)
        return -1;
    if (aid) {
        const char *us = strchr(aid->value, '_'), *canon = NULL;
        f.value[AL_FACT_ARTICLE_ID] = strdup(aid->value);
        if (us && adv_cloud_lookup(us + 1, strlen(us + 1), &canon))
            f.cloud = strdup(canon);
    }
    for (k = 1; k < AL_FACT_COUNT; k++)
        f.value[k] = dup_or_null(json_string_value(json_object_get(doc->body, ptr[k])));
    return al_corpus_add(corpus, &f);
}

static int lint_file(const al_lint_options *opts, const al_pathitem *item,
                     al_findings *out, al_lint_stats *stats, al_corpus *corpus)
{
    al_source src;
    al_doc doc;
    al_doc_options dopts;
    al_findings mine;
    file_ctx fc;
    int kind;

    if (item->err) {
        report_unreadable(out, item->path, item->err);
        stats->unreadable++;
        return 0;
    }
    if (al_source_read(&src, item->path) != 0) {
        if (errno == ENOMEM)
            return -1;
        report_unreadable(out, item->path, errno);
        stats->unreadable++;
        return 0;
    }
    kind = al_doc_kind_from_name(item->path);
    if (kind < 0)
        kind = (int)al_doc_sniff_kind(src.data, src.len);

    al_findings_init(&mine);
    memset(&fc, 0, sizeof(fc));
    fc.file = item->path;
    fc.doc = &doc;
    fc.out = &mine;
    memset(&dopts, 0, sizeof(dopts));
    dopts.problem = on_problem;
    dopts.ud = &fc;
    dopts.keep_all = opts->schema_only;
    if (al_doc_load(&doc, &src, (al_doc_kind)kind, &dopts) != 0) {
        al_doc_release(&doc);
        al_findings_release(&mine);
        return -1;
    }
    if (!opts->schema_only && kind != AL_DOC_MARKDOWN && doc.body && !is_advisor_body(doc.body))
        doc.skipped = 1;
    if (doc.skipped) {
        stats->skipped++;
        al_findings_release(&mine);
        al_doc_release(&doc);
        return 0;
    }
    stats->checked++;
    check_schema(opts, &doc, item->path, &mine);
    if (!opts->schema_only && doc.body) {
        run_rules(&doc, item->path, &mine);
        drop_shadowed_schema_findings(&mine);
        if (keep_facts(corpus, &doc, item->path) != 0) {
            al_doc_release(&doc);
            al_findings_release(&mine);
            return -1;
        }
    }
    al_doc_release(&doc);
    if (al_findings_take(out, &mine) != 0) {
        al_findings_release(&mine);
        return -1;
    }
    return 0;
}

int al_lint_paths(const al_lint_options *opts, char *const *paths, size_t npaths,
                  al_findings *out, al_lint_stats *stats)
{
    al_pathlist list;
    al_corpus corpus;
    size_t i;
    int rc = 0;

    memset(stats, 0, sizeof(*stats));
    al_pathlist_init(&list);
    al_corpus_init(&corpus);
    for (i = 0; i < npaths && rc == 0; i++)
        rc = al_walk(paths[i], &list);
    for (i = 0; i < list.count && rc == 0; i++)
        rc = lint_file(opts, &list.items[i], out, stats, &corpus);
    if (rc == 0)
        al_corpus_run(&corpus, out);
    al_corpus_release(&corpus);
    al_pathlist_release(&list);
    al_findings_sort(out);
    return rc;
}
