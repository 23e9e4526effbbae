/*
 * options.h - advisor-lint's command line, parsed into one struct.
 */
#ifndef AL_TOOL_OPTIONS_H
#define AL_TOOL_OPTIONS_H

#include <stddef.h>

#include "advisor/lint.h"

typedef enum tool_format {
    FORMAT_TEXT,
    FORMAT_JSON,
    FORMAT_SARIF,
    FORMAT_GITHUB,
    FORMAT_AUTO, /* --output: from the file name */
} tool_format;

typedef enum tool_action {
    ACTION_LINT,
    ACTION_HELP,
    ACTION_VERSION,
    ACTION_LIST_RULES,
    ACTION_EXPLAIN,
    ACTION_RULES_DOC,
    ACTION_LSP,
} tool_action;

typedef struct tool_options {
    tool_action action;
    tool_format format;
    int color;               /* -1 auto, 0 never, 1 always */
    const char *schema_path; /* --schema, borrowed from argv */
    int schema_only;
    const char *default_dialect; /* --default-dialect URI, borrowed */
    int format_annotation_only;  /* --format-assertion=off */
    const char *explain;         /* --explain RULE */
    al_resolve_map *maps;        /* --resolve, owned array of pointers into argv copies */
    char **map_storage;          /* owned copies of the --resolve arguments */
    size_t nmaps;
    const char *output;         /* --output FILE, borrowed */
    tool_format output_format;  /* --output-format, FORMAT_AUTO by default */
    const char *config_path;    /* --config FILE, borrowed */
    int no_config;              /* --no-config */
    const char *baseline;       /* --baseline FILE, borrowed */
    const char *write_baseline; /* --write-baseline FILE, borrowed */
    int fix;                    /* --fix */
    int dry_run;                /* --dry-run (with --fix) */
    unsigned jobs;              /* -j N; 0: the number of CPUs */
    const char *context_dir;    /* --context DIR, borrowed */
    int no_context;             /* --no-context */
    const char *changed_since;  /* --changed-since REF, borrowed */
    int no_cache;               /* --no-cache */
    const char *stdin_filename; /* --stdin-filename NAME: lint stdin ("-") as NAME */
    char **paths;               /* borrowed from argv */
    size_t npaths;
} tool_options;

/*
 * Parses ARGC/ARGV into OPTS. Returns 0, or 2 after printing a usage error
 * (`advisor-lint: ...` and a hint to --help) on stderr.
 */
int tool_options_parse(tool_options *opts, int argc, char **argv);

void tool_options_release(tool_options *opts);

/* The format FILE's name suggests: .sarif -> sarif, .json -> json, else text. */
tool_format tool_format_for_file(const char *file);

/* Prints --help text to stdout. */
void tool_print_help(void);

#endif
