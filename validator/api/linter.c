/*
 * linter.c - the public linter (advisor/lint.h) over the lint layer.
 *
 * A linter is what a run needs besides its files: the config (read once,
 * from the path given or found from the current directory upwards), the
 * compiled schema (the embedded AdvisorRecommendation schema unless the
 * options or the config name another), the options, and a borrowed
 * context. Each call turns these into al_run_options and hands them to
 * lint/lint.c; nothing here decides what a finding is.
 */
#include "advisor/lint.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../advisor/advisor.h"
#include "../config/config.h"
#include "../lint/context.h"
#include "../lint/lint.h"
#include "../lint/schema_load.h"
#include "../lint/walk.h"
#include "../util/error.h"
#include "advisor/rules.h"

#ifndef AL_VERSION
#define AL_VERSION "0.0.0"
#endif

struct al_linter {
    al_config config;
    int have_config;
    jsch_schema *schema;
    int schema_only;
    int user_schema; /* the schema is the user's, not the embedded one */
    unsigned jobs;
    const al_context *context; /* borrowed */
    char *cache_dir;           /* owned copy, or NULL */
    char *schema_path;         /* the schema file read, or NULL for the embedded one */
};

static unsigned default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (unsigned)n;
}

/* Reads the config OPTS names, or the one found from here up, into L. */
static int load_config(al_linter *l, const al_linter_options *opts, al_error *error)
{
    char *found = NULL;
    const char *path = opts->config_path;
    int rc;

    al_config_init(&l->config);
    if (opts->no_config)
        return 0;
    if (!path)
        path = found = al_config_find_new();
    if (!path)
        return 0;
    rc = al_config_load(&l->config, path, error);
    free(found);
    if (rc != 0) {
        al_config_release(&l->config);
        return -1;
    }
    l->have_config = 1;
    return 0;
}

static int load_schema(al_linter *l, const al_linter_options *opts, al_error *error)
{
    const char *path = opts->schema_path;
    if (!path && l->have_config)
        path = l->config.schema;
    if (path && !(l->schema_path = strdup(path))) {
        al_error_set(error, NULL, 0, 0, 0, "out of memory");
        return -1;
    }
    if (path)
        l->schema = al_schema_load(path, NULL, NULL, opts, error);
    else
        l->schema = al_schema_load(NULL, al_advisor_schema, AL_ADVISOR_SCHEMA_NAME, opts, error);
    l->user_schema = path != NULL;
    return l->schema ? 0 : -1;
}

al_linter *al_linter_new(const al_linter_options *opts, al_error *error)
{
    al_linter_options defaults;
    al_linter *l;

    al_error_clear(error);
    if (!opts) {
        memset(&defaults, 0, sizeof(defaults));
        opts = &defaults;
    }
    l = calloc(1, sizeof(*l));
    if (!l) {
        al_error_set(error, NULL, 0, 0, 0, "out of memory");
        return NULL;
    }
    if (load_config(l, opts, error) != 0) {
        free(l);
        return NULL;
    }
    if (load_schema(l, opts, error) != 0) {
        al_config_release(&l->config);
        free(l->schema_path);
        free(l);
        return NULL;
    }
    l->schema_only = opts->schema_only;
    if (opts->cache_dir && !(l->cache_dir = strdup(opts->cache_dir))) {
        al_linter_free(l);
        al_error_set(error, NULL, 0, 0, 0, "out of memory");
        return NULL;
    }
    l->jobs = opts->jobs ? opts->jobs : default_jobs();
    return l;
}

void al_linter_free(al_linter *l)
{
    if (!l)
        return;
    jsch_schema_free(l->schema);
    al_config_release(&l->config);
    free(l->cache_dir);
    free(l->schema_path);
    free(l);
}

const char *al_linter_config_path(const al_linter *l)
{
    return l->have_config ? l->config.path : NULL;
}

void al_linter_set_context(al_linter *l, const al_context *context)
{
    l->context = context;
}

long al_context_add_repository(al_context *context, const al_linter *l, const char *root,
                               al_error *error)
{
    return al_context_add_path_config(context, root, l && l->have_config ? &l->config : NULL,
                                      l ? l->cache_dir : NULL, l ? l->jobs : 1, error);
}

static void run_options(const al_linter *l, al_run_options *ro)
{
    memset(ro, 0, sizeof(*ro));
    ro->schema = l->schema;
    ro->schema_only = l->schema_only;
    ro->schema_locations = l->user_schema;
    ro->config = l->have_config ? &l->config : NULL;
    ro->jobs = l->jobs;
    ro->context = l->context;
}

int al_lint_paths(al_linter *l, char *const *paths, size_t npaths, al_findings *out,
                  al_lint_stats *stats, al_error *error)
{
    al_run_options ro;
    al_error_clear(error);
    run_options(l, &ro);
    if (al_run_paths(&ro, paths, npaths, out, stats) != 0) {
        al_error_set(error, NULL, 0, 0, 0, "out of memory");
        return -1;
    }
    return 0;
}

int al_lint_buffer(al_linter *l, const char *name, const char *data, size_t len, al_findings *out,
                   al_lint_stats *stats, al_error *error)
{
    al_run_options ro;
    al_error_clear(error);
    if (!name || (!data && len)) {
        al_error_set(error, name, 0, 0, 0, "a buffer needs a name and its bytes");
        return -1;
    }
    run_options(l, &ro);
    if (al_run_buffer(&ro, name, data, len, out, stats) != 0) {
        al_error_set(error, name, 0, 0, 0, "out of memory");
        return -1;
    }
    return 0;
}

char **al_list_files(char *const *paths, size_t npaths, size_t *count, al_error *error)
{
    al_pathlist list;
    char **files = NULL;
    size_t i;
    int rc = 0;

    al_error_clear(error);
    al_pathlist_init(&list);
    for (i = 0; i < npaths && rc == 0; i++)
        rc = al_walk(paths[i], &list);
    if (rc == 0 && npaths > 1)
        rc = al_pathlist_dedupe(&list);
    if (rc == 0)
        files = calloc(list.count + 1, sizeof(*files));
    for (i = 0; files && i < list.count; i++) {
        files[i] = list.items[i].path; /* taken from the list */
        list.items[i].path = NULL;
    }
    if (files && count)
        *count = list.count;
    al_pathlist_release(&list);
    if (!files)
        al_error_set(error, NULL, 0, 0, 0, "out of memory");
    return files;
}

void al_files_free(char **files)
{
    size_t i;
    for (i = 0; files && files[i]; i++)
        free(files[i]);
    free(files);
}

char *al_linter_schema_json_new(const al_linter *l, al_error *error)
{
    json_t *doc;
    char *text;

    al_error_clear(error);
    if (l->schema_path)
        doc = al_schema_read(l->schema_path, NULL, NULL, error);
    else
        doc = al_schema_read(NULL, al_advisor_schema, AL_ADVISOR_SCHEMA_NAME, error);
    if (!doc)
        return NULL;
    text = json_dumps(doc, JSON_COMPACT);
    json_decref(doc);
    if (!text)
        al_error_set(error, NULL, 0, 0, 0, "out of memory");
    return text;
}

const char *const *al_cloud_names(size_t *count)
{
    return adv_cloud_names(count);
}

const char *al_version(void)
{
    return AL_VERSION;
}
