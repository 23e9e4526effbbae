/*
 * lint.h - libadvisor-lint: check recommendation metadata files and buffers.
 *
 * A linter holds what stays the same across runs: the schema (the embedded
 * AdvisorRecommendation schema, or a user's), the repository's
 * .advisor-lint.yaml and the options. Each run lints paths (files, or
 * directories walked for .md .markdown .json .yaml .yml files) or one
 * buffer (an editor's unsaved text, stdin), and appends its findings,
 * sorted by file, line and column, to a caller-owned al_findings list.
 *
 * The cross-file rules (two files with one articleId, ...) compare the
 * files of a run with each other and with the linter's context: other
 * files of the repository, added by path or as buffers, that are compared
 * with but never reported on. A context entry naming the same file as one
 * being linted is left out of that run, so a file is never its own
 * duplicate.
 *
 *     al_error err;
 *     al_findings findings;
 *     al_linter *l = al_linter_new(NULL, &err);     // defaults: config found from ".", embedded schema
 *     al_findings_init(&findings);
 *     if (l && al_lint_buffer(l, "x.md", text, len, &findings, NULL, &err) == 0)
 *         al_report_text(stdout, &findings, &info);
 *     al_findings_release(&findings);
 *     al_linter_free(l);
 *
 * Ownership: the caller owns the linter, the context, the findings list
 * and the error; options and strings passed in are copied where kept. A
 * linter may be used by one thread at a time (a run itself uses `jobs`
 * threads).
 */
#ifndef ADVISOR_LINT_H
#define ADVISOR_LINT_H

#include <stddef.h>

#include "error.h"
#include "export.h"
#include "finding.h"

AL_BEGIN_DECLS

/* A URI prefix whose schemas are read from a local directory (--resolve). */
typedef struct al_resolve_map {
    const char *prefix; /* e.g. "https://example.com/schemas/" */
    const char *dir;    /* the directory it maps to */
} al_resolve_map;

typedef struct al_linter_options {
    const char *schema_path;       /* a JSON Schema (JSON or YAML) instead of the embedded
                                    AdvisorRecommendation schema; NULL: the config's
                                    `schema`, else the embedded one */
    const al_resolve_map *resolve; /* prefix-to-directory maps for the schema's $refs */
    size_t nresolve;
    const char *config_path; /* the .advisor-lint.yaml to read; NULL: the first found
                                    from the current directory upwards */
    int no_config;           /* read no .advisor-lint.yaml at all */
    int schema_only;         /* check files against the schema only, skipping none */
    unsigned jobs;           /* threads per run; 0: one per CPU (at most 64) */
    const char *cache_dir;   /* where al_context_add_repository keeps what each file of
                                    a repository held between runs, so that unchanged files
                                    are not read again (never stale: see
                                    validator/lint/context_cache.h); NULL: no cache */
    const char *default_dialect; /* meta-schema URI for a schema without "$schema" (draft-04,
                                    -06, -07, 2019-09, 2020-12); NULL: 2020-12 */
    int format_annotation_only;  /* "format" as annotation only (the specification's
                                    default); 0: asserted, unless a 2020-12 meta-schema
                                    says otherwise through its vocabularies */
} al_linter_options;

typedef struct al_lint_stats {
    size_t checked;    /* files read as metadata */
    size_t skipped;    /* files that are not advisor metadata */
    size_t unreadable; /* paths that could not be read */
    size_t ignored;    /* files matching the config's ignore globs, not read */
    size_t suppressed; /* findings dropped by a suppression */
} al_lint_stats;

typedef struct al_linter al_linter;
typedef struct al_context al_context;

/*
 * A linter with OPTS (NULL: every default). Returns NULL with ERROR filled
 * when the config or the schema cannot be read (placed at the mistake:
 * file, line and column of a config or schema error).
 */
AL_API al_linter *al_linter_new(const al_linter_options *opts, al_error *error);

/* Frees LINTER (NULL is fine). Its context, if any, is the caller's. */
AL_API void al_linter_free(al_linter *linter);

/* The config file the linter read, as found or given, or NULL for none. */
AL_API const char *al_linter_config_path(const al_linter *linter);

/*
 * Other files the cross-file rules compare with (borrowed: CONTEXT must
 * outlive its use; NULL: none).
 */
AL_API void al_linter_set_context(al_linter *linter, const al_context *context);

/*
 * Lints the files NPATHS PATHS name, appending findings to OUT; STATS (may
 * be NULL) receives the counts. An unreadable path is a `read-error`
 * finding, not a failure. Returns 0, or -1 with ERROR filled when the run
 * could not be done (memory, threads).
 */
AL_API int al_lint_paths(al_linter *linter, char *const *paths, size_t npaths, al_findings *out,
                         al_lint_stats *stats, al_error *error);

/*
 * Lints LEN bytes of DATA as the file NAME (its name decides the kind:
 * .md, .json, .yaml; the config's globs and severities apply to NAME as
 * they would to that file). The bytes need not be NUL-terminated or exist
 * on disk. Returns 0, or -1 with ERROR filled.
 */
AL_API int al_lint_buffer(al_linter *linter, const char *name, const char *data, size_t len,
                          al_findings *out, al_lint_stats *stats, al_error *error);

/* An empty context. Returns NULL when memory ran out. */
AL_API al_context *al_context_new(void);

/* Frees CONTEXT (NULL is fine). */
AL_API void al_context_free(al_context *context);

/*
 * Adds the metadata files PATH names (a file, or a directory walked as a
 * run walks it); files that are not metadata or cannot be read are left
 * out silently, since the context is never reported on. An entry already
 * there for the same file is replaced. Returns the number of files added,
 * or -1 with ERROR filled.
 */
AL_API long al_context_add_path(al_context *context, const char *path, al_error *error);

/*
 * Adds (or replaces) the entry NAME with the LEN bytes of DATA, e.g. an
 * editor's unsaved buffer. Returns 1 when it is metadata and was kept, 0
 * when it is not metadata, or -1 with ERROR filled.
 */
AL_API int al_context_add_buffer(al_context *context, const char *name, const char *data,
                                 size_t len, al_error *error);

/* Removes the entry for the file NAME. Returns 1 when there was one, else 0. */
AL_API int al_context_remove(al_context *context, const char *name);

/* The number of files in CONTEXT. */
AL_API size_t al_context_count(const al_context *context);

/*
 * Adds the metadata files below ROOT (a repository's top, say) as
 * al_context_add_path does, leaving out, unread, the files LINTER's config
 * ignores. Each file is read only as far as the cross-file rules need: its
 * header and the body's top-level keys they compare (no schema, no rule);
 * with the linter's cache_dir, a file unchanged since a previous run is
 * not read at all. Returns the number of files added, or -1 with ERROR
 * filled.
 */
AL_API long al_context_add_repository(al_context *context, const al_linter *linter,
                                      const char *root, al_error *error);

/*
 * The root of the repository PATH (a file or a directory) belongs to: the
 * nearest directory at or above it holding .advisor-lint.yaml, not looking
 * above a directory holding .git (a config in a parent of a repository is
 * not that repository's); else the top of the git work tree it is in
 * (`git rev-parse --show-toplevel`, run without a shell); else none.
 * Returns a new string to free(), named as files are named: "." for the
 * current directory, relative when it is below or above it, else
 * absolute. Returns NULL with ERROR cleared when there is no root, or with
 * ERROR filled when memory ran out.
 */
AL_API char *al_repository_root(const char *path, al_error *error);

/*
 * The files changed between the merge base of REF and HEAD and the
 * working tree, in the git work tree of the current directory: `git
 * merge-base REF HEAD`, then `git diff --name-status -z --find-renames
 * BASE` and the untracked files that are not ignored (`git ls-files
 * --others --exclude-standard -z`), git run without a shell. Deleted files
 * are left out, a renamed file is listed under its new name, and only
 * names a directory walk would take (.md .markdown .json .yaml .yml) are
 * kept. NPATHS PATHS (may be 0) limit the files to those below them.
 * Paths are relative to the current directory, sorted by bytes, in a
 * NULL-terminated array to free with al_files_free; *COUNT (may be NULL)
 * receives their number. Returns NULL with ERROR filled when git cannot be
 * run, the current directory is not in a git work tree or REF has no
 * merge base with HEAD (the message says which, with git's own words).
 */
AL_API char **al_changed_files(const char *ref, char *const *paths, size_t npaths, size_t *count,
                               al_error *error);

/*
 * The files NPATHS PATHS name, as a run lists them (directories walked,
 * display paths as a run names them), in a NULL-terminated array; *COUNT
 * (may be NULL) receives their number. Free it with al_files_free.
 * Returns NULL with ERROR filled when memory ran out.
 */
AL_API char **al_list_files(char *const *paths, size_t npaths, size_t *count, al_error *error);

/* Frees what al_list_files returned (NULL is fine). */
AL_API void al_files_free(char **files);

/*
 * The JSON Schema LINTER checks bodies against (the embedded
 * AdvisorRecommendation schema, or the options' or config's own, JSON or
 * YAML), as one JSON text in a new string to free(): what an editor shows
 * for a body key (title, description) or offers to complete (properties,
 * enum values). Returns NULL with ERROR filled when it cannot be read.
 */
AL_API char *al_linter_schema_json_new(const al_linter *linter, al_error *error);

/*
 * The cloud names a header's cloudEnvironments may list, in their
 * canonical spelling ("Public", "Fairfax", ...), in a static
 * NULL-terminated array; *COUNT (may be NULL) receives their number.
 */
AL_API const char *const *al_cloud_names(size_t *count);

/* The library's version, "MAJOR.MINOR.PATCH". */
AL_API const char *al_version(void);

AL_END_DECLS

#endif
