/*
 * config.c - reading .advisor-lint.yaml, and the questions asked of it.
 *
 * The file is read as a YAML document with the reader the metadata files
 * use, so it becomes a jansson value with a position index: every check of
 * a key or value looks its JSON pointer up to say where a mistake is. The
 * first mistake wins and stops reading.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../reader/document.h"
#include "../util/error.h"
#include "../util/glob.h"
#include "../util/jsonptr.h"
#include "../util/path.h"

typedef struct reading {
    al_config *cfg;
    al_doc doc;
    al_error *err;
    int failed;
} reading;

/* Fills the error at byte OFF of the config (first error wins). */
static void fail_at(reading *r, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void fail_at(reading *r, size_t off, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    al_pos p;
    if (r->failed)
        return;
    r->failed = 1;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    p = al_source_pos(&r->doc.src, off);
    al_error_set(r->err, r->cfg->path, p.line, p.column, off, "%s", msg);
}

/* Offset of POINTER's value (AT_KEY: its key) in the config. */
static size_t where(reading *r, const char *pointer, int at_key)
{
    const al_posindex *ix = al_doc_index(&r->doc);
    const al_posentry *e = ix ? al_posindex_find_nearest(ix, pointer) : NULL;
    if (!e)
        return 0;
    if (at_key && e->key_off != AL_NO_OFFSET)
        return e->key_off;
    return e->val_off;
}

/* BASE, "/" and KEY (escaped as RFC 6901 says), into OUT of size N. */
static void child(char *out, size_t n, const char *base, const char *key)
{
    int w = snprintf(out, n, "%s", base);
    if (w >= 0 && (size_t)w + 1 < n)
        al_jsonptr_put(out, n, (size_t)w, key);
}

static void index_child(char *out, size_t n, const char *base, size_t i)
{
    snprintf(out, n, "%s/%zu", base, i);
}

static void on_problem(void *ud, al_read_problem kind, size_t offset, size_t end, size_t related,
                       const char *pointer, const char *message)
{
    reading *r = ud;
    (void)kind;
    (void)end;
    (void)pointer;
    if (related != AL_NO_OFFSET) {
        al_pos p = al_source_pos(&r->doc.src, related);
        fail_at(r, offset, "%s (first at line %d, column %d)", message, p.line, p.column);
        return;
    }
    fail_at(r, offset, "%s", message);
}

static const char *type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "a mapping";
    case JSON_ARRAY: return "a list";
    case JSON_STRING: return "a string";
    case JSON_INTEGER:
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    default: return "null";
    }
}

/* A list of non-empty strings (or one string) at PTR into *OUT. */
static int read_strings(reading *r, const char *ptr, const json_t *v, const char *what, char ***out,
                        size_t *nout)
{
    size_t i, n;
    char p[512];
    if (json_is_string(v)) {
        *out = calloc(1, sizeof(**out));
        if (!*out || !(**out = strdup(json_string_value(v))))
            return -1;
        *nout = 1;
        return 0;
    }
    if (!json_is_array(v)) {
        fail_at(r, where(r, ptr, 0), "'%s' must be a list of %s, not %s", what + 1, "strings",
                type_name(v));
        return -1;
    }
    n = json_array_size(v);
    *out = calloc(n ? n : 1, sizeof(**out));
    if (!*out)
        return -1;
    for (i = 0; i < n; i++) {
        json_t *s = json_array_get(v, i);
        index_child(p, sizeof(p), ptr, i);
        if (!json_is_string(s) || !json_string_length(s)) {
            fail_at(r, where(r, p, 0), "items of '%s' must be non-empty strings, not %s", what + 1,
                    json_is_string(s) ? "an empty string" : type_name(s));
            return -1;
        }
        if (!((*out)[i] = strdup(json_string_value(s))))
            return -1;
        *nout = i + 1;
    }
    return 0;
}

static const al_rule *read_rule_id(reading *r, const char *ptr, int at_key, const char *id)
{
    const al_rule *rule = al_rule_find(id);
    if (!rule)
        fail_at(r, where(r, ptr, at_key), "unknown rule '%s' (see advisor-lint --list-rules)", id);
    return rule;
}

/* `rules:` mapping of rule id to error, warning, info or off. */
static int read_settings(reading *r, const char *ptr, const json_t *v, al_config_setting **out,
                         size_t *nout)
{
    const char *key;
    json_t *val;
    char p[512];
    if (!json_is_object(v)) {
        fail_at(r, where(r, ptr, 0), "'rules' must be a mapping of rule id to severity, not %s",
                type_name(v));
        return -1;
    }
    *out = calloc(json_object_size(v) + 1, sizeof(**out));
    if (!*out)
        return -1;
    json_object_foreach((json_t *)v, key, val) {
        al_config_setting *s = &(*out)[*nout];
        child(p, sizeof(p), ptr, key);
        if (!(s->rule = read_rule_id(r, p, 1, key)))
            return -1;
        if (!json_is_string(val)) {
            fail_at(r, where(r, p, 0),
                    "severity of '%s' must be error, warning, info or off, not %s", key,
                    type_name(val));
            return -1;
        }
        if (al_severity_parse(json_string_value(val), &s->severity) != 0) {
            fail_at(r, where(r, p, 0),
                    "severity of '%s' must be error, warning, info or off, not '%s'", key,
                    json_string_value(val));
            return -1;
        }
        (*nout)++;
    }
    return 0;
}

/* Checks that mapping V at PTR has only the keys in KNOWN (NULL-terminated). */
static int only_keys(reading *r, const char *ptr, const json_t *v, const char *const *known,
                     const char *what)
{
    const char *key;
    json_t *val;
    char p[512];
    if (!json_is_object(v)) {
        fail_at(r, where(r, ptr, 0), "%s must be a mapping, not %s", what, type_name(v));
        return -1;
    }
    json_object_foreach((json_t *)v, key, val) {
        size_t k;
        int ok = 0;
        for (k = 0; known[k] && !ok; k++)
            ok = !strcmp(key, known[k]);
        if (!ok) {
            child(p, sizeof(p), ptr, key);
            fail_at(r, where(r, p, 1), "unknown key '%s' in %s", key, what);
            return -1;
        }
    }
    return 0;
}

static int need_files(reading *r, const char *ptr, const json_t *item, const char *what)
{
    if (json_object_get(item, "files"))
        return 0;
    fail_at(r, where(r, ptr, 0), "%s needs 'files'", what);
    return -1;
}

static int read_overrides(reading *r, const json_t *v)
{
    static const char *const known[] = { "files", "rules", NULL };
    al_config *c = r->cfg;
    size_t i, n;
    char p[64], q[80];
    if (!json_is_array(v)) {
        fail_at(r, where(r, "/overrides", 0), "'overrides' must be a list, not %s", type_name(v));
        return -1;
    }
    n = json_array_size(v);
    c->overrides = calloc(n ? n : 1, sizeof(*c->overrides));
    if (!c->overrides)
        return -1;
    for (i = 0; i < n; i++) {
        json_t *item = json_array_get(v, i);
        al_config_override *o = &c->overrides[i];
        index_child(p, sizeof(p), "/overrides", i);
        c->noverrides = i + 1;
        if (only_keys(r, p, item, known, "an override") || need_files(r, p, item, "an override"))
            return -1;
        child(q, sizeof(q), p, "files");
        if (read_strings(r, q, json_object_get(item, "files"), "/files", &o->files, &o->nfiles))
            return -1;
        child(q, sizeof(q), p, "rules");
        if (json_object_get(item, "rules") &&
            read_settings(r, q, json_object_get(item, "rules"), &o->rules, &o->nrules))
            return -1;
    }
    return 0;
}

static int read_suppression_rules(reading *r, const char *ptr, const json_t *v,
                                  al_config_suppression *s)
{
    size_t i, n = json_is_array(v) ? json_array_size(v) : 0;
    char p[128];
    if (!json_is_array(v) || !n) {
        fail_at(r, where(r, ptr, 0), "'rules' of a suppression must be a list of rule ids");
        return -1;
    }
    s->rules = calloc(n, sizeof(*s->rules));
    s->line = calloc(n, sizeof(*s->line));
    s->column = calloc(n, sizeof(*s->column));
    if (!s->rules || !s->line || !s->column)
        return -1;
    for (i = 0; i < n; i++) {
        json_t *id = json_array_get(v, i);
        al_pos pos;
        index_child(p, sizeof(p), ptr, i);
        if (!json_is_string(id)) {
            fail_at(r, where(r, p, 0), "a rule id must be a string, not %s", type_name(id));
            return -1;
        }
        if (!(s->rules[i] = read_rule_id(r, p, 0, json_string_value(id))))
            return -1;
        pos = al_source_pos(&r->doc.src, where(r, p, 0));
        s->line[i] = pos.line;
        s->column[i] = pos.column;
        s->nrules = i + 1;
    }
    return 0;
}

static int read_suppress(reading *r, const json_t *v)
{
    static const char *const known[] = { "files", "rules", "reason", NULL };
    al_config *c = r->cfg;
    size_t i, n;
    char p[64], q[80];
    if (!json_is_array(v)) {
        fail_at(r, where(r, "/suppress", 0), "'suppress' must be a list, not %s", type_name(v));
        return -1;
    }
    n = json_array_size(v);
    c->suppress = calloc(n ? n : 1, sizeof(*c->suppress));
    if (!c->suppress)
        return -1;
    for (i = 0; i < n; i++) {
        json_t *item = json_array_get(v, i), *reason;
        al_config_suppression *s = &c->suppress[i];
        index_child(p, sizeof(p), "/suppress", i);
        c->nsuppress = i + 1;
        if (only_keys(r, p, item, known, "a suppression") ||
            need_files(r, p, item, "a suppression"))
            return -1;
        child(q, sizeof(q), p, "files");
        if (read_strings(r, q, json_object_get(item, "files"), "/files", &s->files, &s->nfiles))
            return -1;
        child(q, sizeof(q), p, "rules");
        if (read_suppression_rules(r, q, json_object_get(item, "rules"), s))
            return -1;
        reason = json_object_get(item, "reason");
        if (reason && !json_is_string(reason)) {
            child(q, sizeof(q), p, "reason");
            fail_at(r, where(r, q, 0), "'reason' must be a string, not %s", type_name(reason));
            return -1;
        }
        if (reason && !(s->reason = strdup(json_string_value(reason))))
            return -1;
    }
    return 0;
}

/* Joins a relative path to the config's directory. */
static char *resolve(const al_config *c, const char *path)
{
    size_t a, b;
    char *out;
    if (path[0] == '/')
        return strdup(path);
    a = strlen(c->base_dir);
    b = strlen(path);
    out = malloc(a + b + 2);
    if (!out)
        return NULL;
    memcpy(out, c->base_dir, a);
    out[a] = '/';
    memcpy(out + a + 1, path, b + 1);
    return out;
}

static int read_top(reading *r, const json_t *root)
{
    static const char *const known[] = { "schema",
                                         "ignore",
                                         "rules",
                                         "overrides",
                                         "suppress",
                                         "link-hosts",
                                         "portal-extensions",
                                         "metadata-files",
                                         NULL };
    al_config *c = r->cfg;
    json_t *v;
    if (!root || json_is_null(root))
        return 0;
    if (only_keys(r, "", root, known, "the config"))
        return -1;
    if ((v = json_object_get(root, "schema"))) {
        if (!json_is_string(v) || !json_string_length(v)) {
            fail_at(r, where(r, "/schema", 0), "'schema' must be a file path, not %s",
                    json_is_string(v) ? "an empty string" : type_name(v));
            return -1;
        }
        if (!(c->schema = resolve(c, json_string_value(v))))
            return -1;
    }
    if ((v = json_object_get(root, "ignore")) &&
        read_strings(r, "/ignore", v, "/ignore", &c->ignore, &c->nignore))
        return -1;
    if ((v = json_object_get(root, "rules")) &&
        read_settings(r, "/rules", v, &c->rules, &c->nrules))
        return -1;
    if ((v = json_object_get(root, "overrides")) && read_overrides(r, v))
        return -1;
    if ((v = json_object_get(root, "suppress")) && read_suppress(r, v))
        return -1;
    if ((v = json_object_get(root, "link-hosts")) &&
        read_strings(r, "/link-hosts", v, "/link-hosts", &c->link_hosts, &c->nlink_hosts))
        return -1;
    if ((v = json_object_get(root, "portal-extensions")) &&
        read_strings(r, "/portal-extensions", v, "/portal-extensions", &c->portal_extensions,
                     &c->nportal_extensions))
        return -1;
    if ((v = json_object_get(root, "metadata-files"))) {
        c->metadata_files_set = 1;
        if (read_strings(r, "/metadata-files", v, "/metadata-files", &c->metadata_files,
                         &c->nmetadata_files))
            return -1;
    }
    return 0;
}

void al_config_init(al_config *cfg)
{
    memset(cfg, 0, sizeof(*cfg));
}

static void free_strings(char **s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        free(s[i]);
    free(s);
}

void al_config_release(al_config *cfg)
{
    size_t i;
    free(cfg->path);
    free(cfg->base_dir);
    free(cfg->schema);
    free_strings(cfg->ignore, cfg->nignore);
    free(cfg->rules);
    for (i = 0; i < cfg->noverrides; i++) {
        free_strings(cfg->overrides[i].files, cfg->overrides[i].nfiles);
        free(cfg->overrides[i].rules);
    }
    free(cfg->overrides);
    for (i = 0; i < cfg->nsuppress; i++) {
        al_config_suppression *s = &cfg->suppress[i];
        free_strings(s->files, s->nfiles);
        free(s->rules);
        free(s->line);
        free(s->column);
        free(s->reason);
    }
    free(cfg->suppress);
    free_strings(cfg->link_hosts, cfg->nlink_hosts);
    free_strings(cfg->portal_extensions, cfg->nportal_extensions);
    free_strings(cfg->metadata_files, cfg->nmetadata_files);
    memset(cfg, 0, sizeof(*cfg));
}

int al_config_load(al_config *cfg, const char *path, al_error *err)
{
    reading r;
    al_source src;
    al_doc_options o;
    int rc;

    al_config_init(cfg);
    memset(&r, 0, sizeof(r));
    r.cfg = cfg;
    r.err = err;
    al_error_clear(err);
    cfg->path = strdup(path);
    cfg->base_dir = al_path_dir_new(path);
    if (!cfg->path || !cfg->base_dir) {
        al_error_set(err, path, 0, 0, 0, "out of memory");
        return -1;
    }
    if (al_source_read(&src, path) != 0) {
        al_error_set(err, path, 0, 0, 0, "cannot read '%s': %s", path, strerror(errno));
        return -1;
    }
    memset(&o, 0, sizeof(o));
    o.problem = on_problem;
    o.ud = &r;
    o.keep_all = 1;
    if (al_doc_load(&r.doc, &src, AL_DOC_YAML, &o) != 0) {
        al_doc_release(&r.doc);
        al_error_set(err, path, 0, 0, 0, "out of memory");
        return -1;
    }
    rc = r.failed ? -1 : read_top(&r, r.doc.body);
    if (rc != 0 && !r.failed)
        al_error_set(err, path, 0, 0, 0, "out of memory");
    al_doc_release(&r.doc);
    return rc;
}

char *al_config_find_new(void)
{
    char *dir = al_path_absolute_new(".");
    while (dir) {
        size_t n = strlen(dir);
        char *cand = al_path_join_new(dir, AL_CONFIG_NAME), *slash;
        if (!cand)
            break;
        if (access(cand, F_OK) == 0) {
            char *here = al_path_absolute_new("."), *rel = NULL;
            if (here && strcmp(here, "/") != 0)
                rel = al_path_relative_new(here, cand);
            free(here);
            free(dir);
            if (rel) {
                free(cand);
                return rel;
            }
            return cand;
        }
        free(cand);
        slash = strrchr(dir, '/');
        if (!slash || n == 1)
            break;
        slash[slash == dir ? 1 : 0] = '\0';
    }
    free(dir);
    return NULL;
}

char *al_config_relpath_new(const al_config *cfg, const char *path)
{
    return al_path_relative_new(cfg->base_dir, path);
}

int al_config_ignored(const al_config *cfg, const char *relpath)
{
    return cfg && relpath && al_glob_match_any(cfg->ignore, cfg->nignore, relpath);
}

static void apply(const al_config_setting *s, size_t n, const al_rule *rule, al_severity *sev)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (s[i].rule == rule)
            *sev = s[i].severity;
}

static void apply_all(const al_config_setting *s, size_t n, al_severity *sev)
{
    size_t i;
    for (i = 0; i < n; i++)
        sev[al_rule_index(s[i].rule)] = s[i].severity;
}

int al_policy_resolve(al_policy *p, const al_config *cfg, const char *relpath)
{
    size_t n, i;
    const al_rule *const *rules = al_rules_all(&n);

    memset(p, 0, sizeof(*p));
    if (!cfg) /* every default: nothing to resolve or allocate */
        return 0;
    p->severity = malloc(n * sizeof(*p->severity));
    if (!p->severity)
        return -1;
    p->nrules = n;
    for (i = 0; i < n; i++)
        p->severity[i] = rules[i]->severity;
    apply_all(cfg->rules, cfg->nrules, p->severity);
    if (!relpath)
        return 0;
    for (i = 0; i < cfg->noverrides; i++)
        if (al_glob_match_any(cfg->overrides[i].files, cfg->overrides[i].nfiles, relpath))
            apply_all(cfg->overrides[i].rules, cfg->overrides[i].nrules, p->severity);
    if (cfg->nsuppress) {
        p->suppress = malloc(cfg->nsuppress * sizeof(*p->suppress));
        if (!p->suppress) {
            al_policy_release(p);
            return -1;
        }
        for (i = 0; i < cfg->nsuppress; i++)
            if (al_glob_match_any(cfg->suppress[i].files, cfg->suppress[i].nfiles, relpath))
                p->suppress[p->nsuppress++] = i;
    }
    return 0;
}

void al_policy_release(al_policy *p)
{
    free(p->severity);
    free(p->suppress);
    memset(p, 0, sizeof(*p));
}

al_severity al_policy_severity(const al_policy *p, const al_rule *rule)
{
    return p->severity ? p->severity[al_rule_index(rule)] : rule->severity;
}

al_severity al_config_severity(const al_config *cfg, const char *relpath, const al_rule *rule)
{
    al_severity sev = rule->severity;
    size_t i;
    if (!cfg)
        return sev;
    apply(cfg->rules, cfg->nrules, rule, &sev);
    if (!relpath)
        return sev;
    for (i = 0; i < cfg->noverrides; i++)
        if (al_glob_match_any(cfg->overrides[i].files, cfg->overrides[i].nfiles, relpath))
            apply(cfg->overrides[i].rules, cfg->overrides[i].nrules, rule, &sev);
    return sev;
}
