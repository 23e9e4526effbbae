/*
 * lint.c - the run: list, read, check, collect.
 *
 * Each file is checked into its own slot (findings, the facts the
 * cross-file rules compare, its header suppressions), by the calling
 * thread or by a pool of threads taking the next file in turn. Slots are
 * merged in file order, the cross-file rules run, the config is applied
 * (suppress.h) and everything is sorted once at the end, so output order
 * never depends on the order work happened in.
 */
#include "lint.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../advisor/advisor.h"
#include "../config/config.h"
#include "../reader/document.h"
#include "../rules/rule.h"
#include "../rules/check.h"
#include "../util/grow.h"
#include "../util/path.h"
#include "../rules/corpus.h"
#include "context.h"
#include "json_arena.h"
#include "schema_issues.h"
#include "suppress.h"
#include "walk.h"

/* From this many files on, the schema's patterns are JIT-compiled before checking. */
#define AL_LINT_JIT_THRESHOLD 64

/* What checking one file produced, kept until the slots are merged in order. */
typedef enum slot_state {
    SLOT_NONE,
    SLOT_CHECKED,
    SLOT_SKIPPED,
    SLOT_UNREADABLE,
    SLOT_IGNORED
} slot_state;

typedef struct slot {
    slot_state state;
    al_findings findings;
    al_fact fact;
    int has_fact;
    al_suppressions suppress;
} slot;

typedef struct file_ctx {
    const char *file;
    al_doc *doc;
    al_findings *out;
} file_ctx;

static void add_finding(file_ctx *fc, const al_rule *rule, size_t off, size_t end,
                        const char *pointer, const char *message)
{
    al_pos a = al_source_pos(&fc->doc->src, off);
    al_pos b = al_source_pos(&fc->doc->src, end > off ? end : off);
    size_t before = fc->out->count;
    if (al_findings_add(fc->out, fc->file, a.line, a.column, b.line, b.column, pointer, rule->id,
                        rule->severity, message) == 0)
        al_check_set_span(fc->out, before, rule, &fc->doc->src, off, end);
}

static void on_problem(void *ud, al_read_problem kind, size_t offset, size_t end, size_t related,
                       const char *pointer, const char *message)
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
    add_finding(fc, al_rule_for_read_problem(kind), offset, end,
                pointer && *pointer ? pointer : (pointer ? "" : NULL), message);
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

int al_run_is_metadata(const al_doc *doc)
{
    if (doc->skipped)
        return 0;
    return doc->kind == AL_DOC_MARKDOWN || !doc->body || is_advisor_body(doc->body);
}

/*
 * " (schema: KEYWORD-LOCATION)" for a user's schema: the keyword's evaluation
 * path, then, when a reference was followed on the way, where the keyword is
 * written (its absolute "uri#pointer"). Into BUF (N bytes), truncated.
 */
static const char *schema_place(const jsch_issue *is, char *buf, size_t n)
{
    int followed = strstr(is->keyword_location, "/$ref") ||
                   strstr(is->keyword_location, "/$dynamicRef") ||
                   strstr(is->keyword_location, "/$recursiveRef");
    if (followed)
        snprintf(buf, n, " (schema: %s, at %s)", is->keyword_location, is->absolute_location);
    else
        snprintf(buf, n, " (schema: %s)", *is->keyword_location ? is->keyword_location : "/");
    return buf;
}

static void check_schema(const al_run_options *opts, al_doc *doc, const char *file,
                         al_findings *out)
{
    jsch_result *res;
    al_check c;
    size_t i;
    char place[1024];

    if (!opts->schema || !doc->body)
        return;
    res = jsch_result_new();
    if (!res)
        return;
    if (!jsch_validate(opts->schema, doc->body, res)) {
        unsigned char *keep = malloc(jsch_result_count(res) + 1);
        memset(&c, 0, sizeof(c));
        c.doc = doc;
        c.file = file;
        c.out = out;
        if (keep)
            al_schema_issues_keep(res, keep);
        for (i = 0; i < jsch_result_count(res); i++) {
            const jsch_issue *is = jsch_result_get(res, i);
            if (keep && !keep[i])
                continue;
            if (opts->schema_locations)
                al_check_at_pointer(&c, "schema", is->instance_location, AL_AT_VALUE, "%s%s",
                                    is->message, schema_place(is, place, sizeof(place)));
            else
                al_check_at_pointer(&c, "schema", is->instance_location, AL_AT_VALUE, "%s",
                                    is->message);
        }
        free(keep);
    }
    jsch_result_free(res);
}

static void run_rules(const al_run_options *opts, const char *rel, al_doc *doc, const char *file,
                      al_findings *out)
{
    size_t n, i;
    const al_rule *const *rules = al_rules_all(&n);
    al_check c;
    al_policy policy;

    /* out of memory: every rule at its default rather than none */
    if (al_policy_resolve(&policy, opts->config, rel) != 0)
        memset(&policy, 0, sizeof(policy));
    memset(&c, 0, sizeof(c));
    c.doc = doc;
    c.file = file;
    c.out = out;
    if (opts->config) {
        c.link_hosts = opts->config->link_hosts;
        c.nlink_hosts = opts->config->nlink_hosts;
        c.portal_extensions = opts->config->portal_extensions;
        c.nportal_extensions = opts->config->nportal_extensions;
    }
    for (i = 0; i < n; i++) {
        if (!rules[i]->check)
            continue;
        /* a broken body: only the rules that never read it (rule.h) */
        if (!doc->body && !al_rule_runs_without_body(rules[i]))
            continue;
        c.rule = rules[i];
        c.severity = policy.severity ? policy.severity[i] : rules[i]->severity;
        if (c.severity == AL_SEV_OFF)
            continue;
        rules[i]->check(&c);
    }
    al_policy_release(&policy);
}

/*
 * Drops schema findings at a pointer where a rule also reported: the rule's
 * message is the more precise one (a GUID's exact defect rather than "does
 * not match pattern"), and one defect should be one finding.
 */
static void drop_shadowed_schema_findings(al_findings *list)
{
    size_t i = 0, j;
    while (i < list->count) {
        const al_finding *f = &list->items[i];
        int shadowed = 0;
        if (!strcmp(f->rule, "schema") && f->pointer) {
            for (j = 0; j < list->count && !shadowed; j++) {
                const al_finding *g = &list->items[j];
                shadowed = j != i && strcmp(g->rule, "schema") != 0 && g->pointer &&
                           !strcmp(g->pointer, f->pointer);
            }
        }
        if (shadowed)
            al_findings_remove(list, i);
        else
            i++;
    }
}

/*
 * Releases DOC. Inside a jansson arena the body is dropped rather than
 * freed: the arena's reset frees it all at once (json_arena.h).
 */
static void release_doc(al_doc *doc)
{
    if (al_json_arena_active())
        doc->body = NULL;
    al_doc_release(doc);
}

/*
 * Checks SRC (taken), the file ITEM names, into SL. PLACE_NOW places the
 * cross-file fact at once: a buffer cannot be read again to place it.
 */
static int lint_source(const al_run_options *opts, const al_pathitem *item, const char *rel,
                       int metadata_path, al_source *src_in, int place_now, slot *sl)
{
    al_source src = *src_in;
    al_doc doc;
    al_doc_options dopts;
    file_ctx fc;
    int kind;

    kind = al_doc_kind_from_name(item->path);
    if (kind < 0)
        kind = (int)al_doc_sniff_kind(src.data, src.len);

    memset(&fc, 0, sizeof(fc));
    fc.file = item->path;
    fc.doc = &doc;
    fc.out = &sl->findings;
    memset(&dopts, 0, sizeof(dopts));
    dopts.problem = on_problem;
    dopts.ud = &fc;
    dopts.keep_all = opts->schema_only;
    dopts.metadata_path = metadata_path;
    if (al_doc_load(&doc, &src, (al_doc_kind)kind, &dopts) != 0) {
        release_doc(&doc);
        return -1;
    }
    /* a file where metadata lives (config.h metadata-files) is checked whatever it holds */
    if (!opts->schema_only && !metadata_path && !al_run_is_metadata(&doc))
        doc.skipped = 1;
    if (doc.skipped) {
        sl->state = SLOT_SKIPPED;
        al_findings_release(&sl->findings);
        release_doc(&doc);
        return 0;
    }
    sl->state = SLOT_CHECKED;
    check_schema(opts, &doc, item->path, &sl->findings);
    if (!opts->schema_only && al_suppressions_from_header(&sl->suppress, &doc, item->path) != 0) {
        release_doc(&doc);
        return -1;
    }
    /* header, title and file-name rules run whatever the body's state, not on half a header */
    if (!opts->schema_only && !doc.header_incomplete) {
        run_rules(opts, rel, &doc, item->path, &sl->findings);
        drop_shadowed_schema_findings(&sl->findings);
        if (al_fact_from_doc(&sl->fact, &doc, item->path) != 0) {
            release_doc(&doc);
            return -1;
        }
        if (place_now)
            al_fact_place(&sl->fact, &doc);
        sl->has_fact = 1;
    }
    release_doc(&doc);
    return 0;
}

static int lint_file(const al_run_options *opts, const al_pathitem *item, const char *rel,
                     int metadata_path, const char *buf, size_t buflen, slot *sl)
{
    al_source src;

    if (item->err) {
        report_unreadable(&sl->findings, item->path, item->err);
        sl->state = SLOT_UNREADABLE;
        return 0;
    }
    if (buf) {
        if (al_source_from_memory(&src, item->path, buf, buflen) != 0)
            return -1;
        return lint_source(opts, item, rel, metadata_path, &src, 1, sl);
    }
    if (al_source_read(&src, item->path) != 0) {
        if (errno == ENOMEM)
            return -1;
        report_unreadable(&sl->findings, item->path, errno);
        sl->state = SLOT_UNREADABLE;
        return 0;
    }
    return lint_source(opts, item, rel, metadata_path, &src, 0, sl);
}

/*
 * The files of one run and where their results go. Each file's results are
 * merged into the run's outputs as soon as every file before it is done, so
 * only the few files checked out of order wait in memory, not the whole run.
 */
typedef struct run {
    const al_run_options *opts;
    al_pathlist list;
    const char *buf; /* al_run_buffer: the one file's bytes, else NULL */
    size_t buflen;
    char **rel;              /* per file: path relative to the config, or NULL */
    unsigned char *ignored;  /* per file: ignored by the config */
    unsigned char *metadata; /* per file: advisor metadata by its path (metadata-files) */
    slot **slots;            /* per file: its results until merged, else NULL */
    size_t next;             /* next file to check, under lock */
    size_t merged;           /* files merged so far, under lock */
    pthread_mutex_t lock;
    int failed;
    /* the outputs, written by merges under lock */
    al_findings *out;
    al_corpus *corpus;
    al_suppressions *hdr;
    char **checked;
    size_t nchecked;
    al_lint_stats *stats;
} run;

static int take_next(run *r, size_t *i)
{
    int ok;
    pthread_mutex_lock(&r->lock);
    ok = !r->failed && r->next < r->list.count;
    if (ok)
        *i = r->next++;
    pthread_mutex_unlock(&r->lock);
    return ok;
}

static void slot_release(slot *sl)
{
    al_findings_release(&sl->findings);
    al_suppressions_release(&sl->suppress);
    if (sl->has_fact)
        al_fact_release(&sl->fact);
    memset(sl, 0, sizeof(*sl));
}

/* Merges file I's slot into the outputs and frees it. Called under lock, in file order. */
static int merge_one(run *r, size_t i)
{
    slot *sl = r->slots[i];
    int rc = 0;
    if (sl->state == SLOT_CHECKED) {
        r->stats->checked++;
        r->checked[r->nchecked++] = r->list.items[i].path;
    } else if (sl->state == SLOT_UNREADABLE) {
        r->stats->unreadable++;
    } else if (sl->state == SLOT_SKIPPED) {
        r->stats->skipped++;
    } else if (sl->state == SLOT_IGNORED) {
        r->stats->ignored++;
    }
    if (al_findings_take(r->out, &sl->findings) != 0)
        rc = -1;
    if (rc == 0 && sl->has_fact) {
        sl->has_fact = 0;
        rc = al_corpus_add(r->corpus, &sl->fact);
    }
    if (rc == 0 && al_suppressions_take(r->hdr, &sl->suppress) != 0)
        rc = -1;
    slot_release(sl);
    free(sl);
    r->slots[i] = NULL;
    return rc;
}

/* Hands file I's results over, and merges every file now ready in order. */
static void finish_file(run *r, size_t i, slot *sl, int rc)
{
    pthread_mutex_lock(&r->lock);
    r->slots[i] = sl;
    if (rc != 0)
        r->failed = 1;
    while (!r->failed && r->merged < r->list.count && r->slots[r->merged]) {
        if (merge_one(r, r->merged) != 0)
            r->failed = 1;
        r->merged++;
    }
    pthread_mutex_unlock(&r->lock);
}

static void *worker(void *arg)
{
    run *r = arg;
    size_t i;
    al_json_arena arena;

    al_json_arena_init(&arena);
    while (take_next(r, &i)) {
        int rc = 0;
        slot *sl = calloc(1, sizeof(*sl));
        if (!sl) {
            pthread_mutex_lock(&r->lock);
            r->failed = 1;
            pthread_mutex_unlock(&r->lock);
            break;
        }
        if (r->ignored[i]) {
            sl->state = SLOT_IGNORED;
        } else {
            /* every jansson value of the file lives in the arena, freed at once */
            al_json_arena_enter(&arena);
            rc = lint_file(r->opts, &r->list.items[i], r->rel[i], r->metadata[i], r->buf, r->buflen,
                           sl);
            al_json_arena_leave();
            al_json_arena_reset(&arena);
        }
        finish_file(r, i, sl, rc);
    }
    al_json_arena_release(&arena);
    return NULL;
}

/* Checks every file, in JOBS threads (the caller's when JOBS <= 1). */
static int check_all(run *r, unsigned jobs)
{
    pthread_t *tids;
    unsigned t, started = 0;
    if (jobs > r->list.count)
        jobs = (unsigned)r->list.count;
    if (jobs <= 1) {
        worker(r);
        return r->failed ? -1 : 0;
    }
    tids = calloc(jobs, sizeof(*tids));
    if (!tids)
        return -1;
    for (t = 0; t < jobs; t++) {
        if (pthread_create(&tids[t], NULL, worker, r) != 0)
            break;
        started++;
    }
    if (!started)
        worker(r);
    for (t = 0; t < started; t++)
        pthread_join(tids[t], NULL);
    free(tids);
    return r->failed ? -1 : 0;
}

/* Computes relative paths and marks ignored files. */
static int mark_ignored(run *r)
{
    size_t i;
    const al_config *cfg = r->opts->config;
    if (!cfg)
        return 0;
    for (i = 0; i < r->list.count; i++) {
        r->rel[i] = al_config_relpath_new(cfg, r->list.items[i].path);
        if (r->rel[i] && al_config_ignored(cfg, r->rel[i]))
            r->ignored[i] = 1;
    }
    return 0;
}

/* Marks the files that are advisor metadata by their path (config.h metadata-files). */
static int mark_metadata(run *r)
{
    size_t i;
    char *cwd = al_path_absolute_new(".");
    if (!cwd)
        return -1;
    for (i = 0; i < r->list.count; i++)
        r->metadata[i] =
            (unsigned char)al_metadata_path(r->opts->config, cwd, r->list.items[i].path);
    free(cwd);
    return 0;
}

typedef struct file_id {
    unsigned long long dev, ino;
} file_id;

static int cmp_id(const void *a, const void *b)
{
    const file_id *x = a, *y = b;
    if (x->dev != y->dev)
        return x->dev < y->dev ? -1 : 1;
    return x->ino < y->ino ? -1 : x->ino > y->ino;
}

/*
 * Marks in MINE the context entries that are one of the run's own files:
 * by absolute path, or by device and inode (the same file reached through
 * a symbolic link, as when git names the top of a work tree by its real
 * path and the files were given through a linked one).
 */
static int mark_mine(const run *r, const al_context *ctx, unsigned char *mine)
{
    file_id *ids = calloc(r->list.count ? r->list.count : 1, sizeof(*ids));
    size_t i, nids = 0;

    if (!ids)
        return -1;
    for (i = 0; i < r->list.count; i++) {
        const char *path = r->list.items[i].path;
        char *key = al_path_absolute_new(path);
        const al_context_entry *e = al_context_find(ctx, key);
        struct stat st;
        free(key);
        if (e)
            mine[e - ctx->items] = 1;
        if (stat(path, &st) == 0) {
            ids[nids].dev = (unsigned long long)st.st_dev;
            ids[nids].ino = (unsigned long long)st.st_ino;
            nids++;
        }
    }
    qsort(ids, nids, sizeof(*ids), cmp_id);
    for (i = 0; nids && i < ctx->count; i++) {
        file_id id;
        id.dev = ctx->items[i].dev;
        id.ino = ctx->items[i].ino;
        if (id.ino && bsearch(&id, ids, nids, sizeof(*ids), cmp_id))
            mine[i] = 1;
    }
    free(ids);
    return 0;
}

/*
 * Adds to the corpus the fact of every context entry that is not one of
 * the run's own files (those are being checked as they are now) and that
 * the config does not ignore.
 */
static int add_context(run *r)
{
    const al_context *ctx = r->opts->context;
    const al_config *cfg = r->opts->config;
    unsigned char *mine;
    size_t i;
    int rc = 0;

    if (!ctx || !ctx->count)
        return 0;
    mine = calloc(ctx->count, 1);
    if (!mine)
        return -1;
    if (mark_mine(r, ctx, mine) != 0) {
        free(mine);
        return -1;
    }
    for (i = 0; i < ctx->count && rc == 0; i++) {
        if (mine[i])
            continue;
        if (cfg) { /* from the absolute key: no getcwd per entry */
            char *rel = al_path_relative_new(cfg->base_dir, ctx->items[i].key);
            int ignored = rel && al_config_ignored(cfg, rel);
            free(rel);
            if (ignored)
                continue;
        }
        rc = al_corpus_add_borrowed(r->corpus,
                                    &ctx->items[i].fact); /* the context outlives the run */
    }
    free(mine);
    return rc;
}

/* Lists the one file of al_run_buffer: NAME, read from memory. */
static int list_buffer(run *r, const char *name)
{
    al_pathitem *it;
    if (al_grow(&r->list.items, &r->list.cap, 1, sizeof(*r->list.items), 1) != 0)
        return -1;
    it = &r->list.items[0];
    memset(it, 0, sizeof(*it));
    it->path = strdup(name);
    it->is_explicit = 1;
    if (!it->path)
        return -1;
    r->list.count = 1;
    return 0;
}

/* Checks the files of R's list, then the cross-file rules and the config. */
static int execute(run *r, size_t first)
{
    const al_run_options *opts = r->opts;
    size_t n = r->list.count ? r->list.count : 1;
    int rc = 0;

    r->slots = calloc(n, sizeof(*r->slots));
    r->rel = calloc(n, sizeof(*r->rel));
    r->ignored = calloc(n, 1);
    r->metadata = calloc(n, 1);
    r->checked = calloc(n, sizeof(*r->checked));
    if (!r->slots || !r->rel || !r->ignored || !r->metadata || !r->checked)
        return -1;
    /*
     * Many files: compile the schema's patterns to machine code first (the
     * schema is shared read-only by the workers afterwards). A few files,
     * as under pre-commit, are faster without paying for the compilation.
     */
    if (opts->schema && r->list.count >= AL_LINT_JIT_THRESHOLD)
        jsch_schema_jit((jsch_schema *)opts->schema);
    rc = mark_ignored(r);
    if (rc == 0)
        rc = mark_metadata(r);
    if (rc == 0)
        rc = check_all(r, r->buf ? 1 : opts->jobs);
    if (rc == 0)
        rc = add_context(r);
    if (rc == 0)
        al_corpus_run(r->corpus, r->out);
    if (rc == 0)
        rc = al_suppress_apply(opts->config, r->hdr, r->out, first, r->checked, r->nchecked,
                               &r->stats->suppressed);
    return rc;
}

static void run_release(run *r)
{
    size_t i;
    for (i = 0; r->slots && i < r->list.count; i++) {
        if (r->slots[i]) {
            slot_release(r->slots[i]);
            free(r->slots[i]);
        }
    }
    for (i = 0; r->rel && i < r->list.count; i++)
        free(r->rel[i]);
    free(r->rel);
    free(r->ignored);
    free(r->metadata);
    free(r->slots);
    free(r->checked);
    al_pathlist_release(&r->list);
    pthread_mutex_destroy(&r->lock);
}

/* Runs over PATHS, or over the buffer BUF named NAME when BUF is not NULL. */
static int lint_run(const al_run_options *opts, char *const *paths, size_t npaths, const char *name,
                    const char *buf, size_t buflen, al_findings *out, al_lint_stats *stats)
{
    run r;
    al_corpus corpus;
    al_suppressions hdr;
    al_lint_stats dummy;
    size_t i, first = out->count;
    int rc = 0;

    if (!stats)
        stats = &dummy;
    memset(stats, 0, sizeof(*stats));
    memset(&r, 0, sizeof(r));
    r.opts = opts;
    al_json_arena_install();
    pthread_mutex_init(&r.lock, NULL);
    al_pathlist_init(&r.list);
    al_corpus_init(&corpus);
    al_suppressions_init(&hdr);
    r.out = out;
    r.corpus = &corpus;
    r.hdr = &hdr;
    r.stats = stats;
    if (buf) {
        r.buf = buf;
        r.buflen = buflen;
        rc = list_buffer(&r, name);
    }
    for (i = 0; !buf && i < npaths && rc == 0; i++)
        rc = al_walk(paths[i], &r.list);
    if (rc == 0 && npaths > 1)
        rc = al_pathlist_dedupe(&r.list);
    if (rc == 0)
        rc = execute(&r, first);
    run_release(&r);
    al_suppressions_release(&hdr);
    al_corpus_release(&corpus);
    al_findings_sort(out);
    return rc;
}

int al_run_paths(const al_run_options *opts, char *const *paths, size_t npaths, al_findings *out,
                 al_lint_stats *stats)
{
    return lint_run(opts, paths, npaths, NULL, NULL, 0, out, stats);
}

int al_run_buffer(const al_run_options *opts, const char *name, const char *data, size_t len,
                  al_findings *out, al_lint_stats *stats)
{
    /* an empty buffer still needs a non-NULL pointer to say "buffer" */
    return lint_run(opts, NULL, 0, name, data ? data : "", len, out, stats);
}
