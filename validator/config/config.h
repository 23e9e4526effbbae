/*
 * config.h - .advisor-lint.yaml: what a repository tells advisor-lint.
 *
 * The file is YAML, read with the project's YAML reader (libyaml), so
 * every key and value keeps its line and column and a mistake is reported
 * where it is. Keys:
 *
 *     schema: schemas/custom.schema.json   # instead of the built-in schema
 *     ignore: ["drafts", "*.tmp.md"]        # files never read
 *     rules: {insecure-link: error, cloud-name-case: off}
 *     overrides:                            # later entries win
 *       - files: ["legacy"]
 *         rules: {guid-format: warning}
 *     suppress:                             # reported when they suppress nothing
 *       - files: ["articles/x/y.md"]
 *         rules: [insecure-link]
 *         reason: the vendor's site has no https
 *     link-hosts: [www.contoso.com, .contoso.net]   # extra hosts link-host allows
 *     portal-extensions: [Contoso_Extension]        # extra extensionNames portal-extension-unknown knows
 *     metadata-files: [articles/advisorrecommendation.*]   # the default (and all below)
 *
 * metadata-files names where advisor metadata lives: a file there is checked
 * as metadata whatever it holds (an empty file, one without a readable
 * header, one saying another selfHelpType is an error, not a skipped file).
 * Elsewhere a file is metadata when its header says so. The globs replace
 * the default; [] turns the check by path off. A file is matched by its path
 * relative to the config's directory and by its path relative to the
 * current directory (either matching counts), so the default catches
 * articles/advisorrecommendation.x/y.md given from the repository's root
 * with or without a config. See al_metadata_path.
 *
 * Globs and paths are relative to the directory holding the config file.
 * A glob without '/' matches a file name in any directory; otherwise it is
 * matched from the config's directory. '*' and '?' stay inside one path
 * segment, '**' spans any number of them, and a glob matching a directory
 * covers everything below it.
 *
 * Ownership: an al_config owns every string it holds; rule ids point into
 * the rule registry.
 */
#ifndef AL_CONFIG_H
#define AL_CONFIG_H

#include <stddef.h>

#include "advisor/error.h"
#include "advisor/finding.h"
#include "../rules/rule.h"

#define AL_CONFIG_NAME ".advisor-lint.yaml"

typedef struct al_config_setting {
    const al_rule *rule;  /* registry entry */
    al_severity severity; /* AL_SEV_OFF turns the rule off */
} al_config_setting;

typedef struct al_config_override {
    char **files; /* globs */
    size_t nfiles;
    al_config_setting *rules;
    size_t nrules;
} al_config_override;

typedef struct al_config_suppression {
    char **files; /* globs */
    size_t nfiles;
    const al_rule **rules;
    int *line, *column; /* where each rule id is written in the config */
    size_t nrules;
    char *reason; /* or NULL */
} al_config_suppression;

typedef struct al_config {
    char *path;     /* the config file, as found or given */
    char *base_dir; /* absolute directory globs are relative to */
    char *schema;   /* schema path resolved against base_dir, or NULL */
    char **ignore;
    size_t nignore;
    al_config_setting *rules;
    size_t nrules;
    al_config_override *overrides;
    size_t noverrides;
    al_config_suppression *suppress;
    size_t nsuppress;
    char **link_hosts;
    size_t nlink_hosts;
    char **portal_extensions;
    size_t nportal_extensions;
    char **metadata_files; /* globs naming metadata files, when metadata_files_set */
    size_t nmetadata_files;
    int metadata_files_set; /* the config has metadata-files: else the default */
} al_config;

/* Makes CFG an empty config (no settings: every rule at its default). */
void al_config_init(al_config *cfg);

/* Frees everything CFG owns and leaves it empty. */
void al_config_release(al_config *cfg);

/*
 * Reads the config file at PATH into CFG (initialized here). Returns 0, or
 * -1 with ERR filled: placed at a mistake in the file (an unknown key, a
 * bad value, a YAML error), or `cannot read 'PATH': reason`.
 */
int al_config_load(al_config *cfg, const char *path, al_error *err);

/*
 * Looks for .advisor-lint.yaml in the current directory and each parent up
 * to the root. Returns a new path (caller frees): relative when the file is
 * in the current directory or below it, else absolute; NULL when there is none.
 */
char *al_config_find_new(void);

/*
 * PATH (as given to the tool, relative to the current directory or
 * absolute) relative to the config's directory, '/'-separated without "./"
 * or "..". Returns a new string, or NULL when PATH lies outside that
 * directory (or memory ran out).
 */
char *al_config_relpath_new(const al_config *cfg, const char *path);

/* Whether RELPATH matches one of CFG's ignore globs. */
int al_config_ignored(const al_config *cfg, const char *relpath);

/*
 * RULE's severity for the file at RELPATH (may be NULL: outside the
 * config's directory): the rule's default, then `rules`, then each
 * matching override in order. CFG may be NULL.
 */
al_severity al_config_severity(const al_config *cfg, const char *relpath, const al_rule *rule);

/*
 * A file's policy: the config resolved once for one file, so a run never
 * goes back to the config per rule or per finding. It holds the severity
 * of every rule for the file (the rule's default, then `rules`, then each
 * matching override in order; AL_SEV_OFF: the rule does not run) and the
 * config's `suppress` entries whose globs name the file.
 */
typedef struct al_policy {
    al_severity *severity; /* per rule, in al_rules_all order (owned); NULL: defaults */
    size_t nrules;
    size_t *suppress; /* indexes into cfg->suppress (owned) */
    size_t nsuppress;
} al_policy;

/*
 * Resolves CFG (may be NULL: every default) for the file at RELPATH (may
 * be NULL: outside the config's directory, only `rules` applies) into P.
 * Returns 0, or -1 when memory ran out (P is then empty).
 */
int al_policy_resolve(al_policy *p, const al_config *cfg, const char *relpath);

/* Frees what P owns and leaves it empty. */
void al_policy_release(al_policy *p);

/* RULE's severity under P. */
al_severity al_policy_severity(const al_policy *p, const al_rule *rule);

/* Where advisor metadata lives when the config does not say (metadata-files). */
#define AL_METADATA_FILES_DEFAULT "articles/advisorrecommendation.*/**"

/*
 * Whether the file at PATH (as given to the tool) is advisor metadata by its
 * path: the metadata-files globs of CFG (NULL, or no such key: the default)
 * match its path relative to CFG's directory or relative to CWD (absolute
 * and normalized, al_path_absolute_new("."); NULL: the current directory).
 */
int al_metadata_path(const al_config *cfg, const char *cwd, const char *path);

#endif
