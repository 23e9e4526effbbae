/*
 * options.c - getopt_long over advisor-lint's options, and --help.
 */
#include "options.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    OPT_COLOR = 256,
    OPT_SCHEMA,
    OPT_SCHEMA_ONLY,
    OPT_RESOLVE,
    OPT_LIST_RULES,
    OPT_EXPLAIN,
    OPT_RULES_DOC,
    OPT_OUTPUT_FORMAT,
    OPT_CONFIG,
    OPT_NO_CONFIG,
    OPT_BASELINE,
    OPT_WRITE_BASELINE,
    OPT_FIX,
    OPT_DRY_RUN,
    OPT_CONTEXT,
    OPT_NO_CONTEXT,
    OPT_CHANGED_SINCE,
    OPT_NO_CACHE,
    OPT_STDIN_FILENAME,
    OPT_LSP,
    OPT_DEFAULT_DIALECT,
    OPT_FORMAT_ASSERTION,
};

static const struct option long_options[] = {
    { "format", required_argument, NULL, 'f' },
    { "color", required_argument, NULL, OPT_COLOR },
    { "colour", required_argument, NULL, OPT_COLOR },
    { "schema", required_argument, NULL, OPT_SCHEMA },
    { "schema-only", no_argument, NULL, OPT_SCHEMA_ONLY },
    { "resolve", required_argument, NULL, OPT_RESOLVE },
    { "default-dialect", required_argument, NULL, OPT_DEFAULT_DIALECT },
    { "format-assertion", required_argument, NULL, OPT_FORMAT_ASSERTION },
    { "list-rules", no_argument, NULL, OPT_LIST_RULES },
    { "explain", required_argument, NULL, OPT_EXPLAIN },
    { "rules-doc", no_argument, NULL, OPT_RULES_DOC },
    { "output", required_argument, NULL, 'o' },
    { "output-format", required_argument, NULL, OPT_OUTPUT_FORMAT },
    { "config", required_argument, NULL, OPT_CONFIG },
    { "no-config", no_argument, NULL, OPT_NO_CONFIG },
    { "baseline", required_argument, NULL, OPT_BASELINE },
    { "write-baseline", required_argument, NULL, OPT_WRITE_BASELINE },
    { "fix", no_argument, NULL, OPT_FIX },
    { "dry-run", no_argument, NULL, OPT_DRY_RUN },
    { "jobs", required_argument, NULL, 'j' },
    { "context", required_argument, NULL, OPT_CONTEXT },
    { "no-context", no_argument, NULL, OPT_NO_CONTEXT },
    { "changed-since", required_argument, NULL, OPT_CHANGED_SINCE },
    { "no-cache", no_argument, NULL, OPT_NO_CACHE },
    { "stdin-filename", required_argument, NULL, OPT_STDIN_FILENAME },
    { "lsp", no_argument, NULL, OPT_LSP },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 },
};

void tool_print_help(void)
{
    fputs(
        "Usage: advisor-lint [OPTION]... PATH...\n"
        "  or:  advisor-lint [OPTION]... --changed-since=REF [PATH]...\n"
        "  or:  advisor-lint [OPTION]... --stdin-filename=NAME -\n"
        "  or:  advisor-lint [OPTION]... --lsp\n"
        "Check Azure Advisor recommendation metadata files: Markdown with a <properties/>\n"
        "header, a # title and a JSON body between --- fences, or bare .json/.yaml bodies.\n"
        "A directory is walked recursively for .md, .markdown, .json, .yaml and .yml files;\n"
        "files that are not advisor metadata are skipped quietly and counted, except\n"
        "under articles/advisorrecommendation.*/ (the config's metadata-files), where\n"
        "every file must be advisor metadata. A run that checks no file says so.\n"
        "\n"
        "Output:\n"
        "  -f, --format=FORMAT     'text' (default): path:line:col: severity: message [rule]\n"
        "                          'json': one JSON document with every finding\n"
        "                          'sarif': SARIF 2.1.0 (GitHub code scanning)\n"
        "                          'github': GitHub Actions annotations, then the text\n"
        "  -o, --output=FILE       also write the report to FILE, in the format its name\n"
        "                          says (.sarif, .json, else text) or --output-format\n"
        "      --output-format=FORMAT\n"
        "                          the format of --output (text, json, sarif, github)\n"
        "      --color=WHEN, --colour=WHEN\n"
        "                          colour text output: 'auto' (default: on a terminal,\n"
        "                          never when NO_COLOR is set), 'always' or 'never'\n"
        "\n"
        "Schema:\n"
        "      --schema=FILE       check bodies against this JSON Schema (JSON or YAML;\n"
        "                          draft-04, -06, -07, 2019-09 or 2020-12 by its $schema);\n"
        "                          its relative $refs load the files beside it\n"
        "      --schema-only       check the files against --schema and nothing else:\n"
        "                          no Advisor rules, nothing skipped (any JSON or YAML)\n"
        "      --resolve=PREFIX=DIR\n"
        "                          resolve $ref URIs starting with PREFIX from files below\n"
        "                          DIR (repeatable); the network is never used\n"
        "      --default-dialect=URI\n"
        "                          the dialect of a --schema without $schema, by its\n"
        "                          meta-schema URI, e.g.\n"
        "                          http://json-schema.org/draft-07/schema# (default:\n"
        "                          https://json-schema.org/draft/2020-12/schema)\n"
        "      --format-assertion=on|off\n"
        "                          'on' (default, as check-jsonschema): format fails\n"
        "                          invalid strings; 'off': format is an annotation only,\n"
        "                          the specification's default (a 2020-12 meta-schema's\n"
        "                          format-assertion vocabulary still asserts)\n"
        "\n"
        "Configuration (.advisor-lint.yaml, looked for in the current directory and\n"
        "its parents; see docs/ci.md):\n"
        "      --config=FILE       read this config file instead\n"
        "      --no-config         read no config file\n"
        "\n"
        "Repository context: when every PATH is a file (not a directory), and with\n"
        "--changed-since, the cross-file rules (article-id-unique, ...) compare the files\n"
        "with every metadata file of their repository, reporting the files given only.\n"
        "The repository is the nearest directory holding .advisor-lint.yaml (not above\n"
        "one holding .git), else git's top of the work tree, else there is none.\n"
        "      --context=DIR       compare with the metadata files below DIR (any run)\n"
        "      --no-context        compare the files checked with each other only\n"
        "      --changed-since=REF check the files changed between REF's merge base with\n"
        "                          HEAD and the working tree, and untracked ones (git;\n"
        "                          deleted files left out), below the PATHs if given\n"
        "      --no-cache          read every file of the context; by default what they\n"
        "                          held is kept in $XDG_CACHE_HOME/advisor-lint (else\n"
        "                          ~/.cache/advisor-lint) and unchanged files are not\n"
        "                          read again (a file's inode, size and times tell)\n"
        "\n"
        "Adopting and fixing:\n"
        "      --write-baseline=FILE  record today's findings in FILE and exit\n"
        "      --baseline=FILE     report only findings not recorded in FILE, and how\n"
        "                          many recorded ones are fixed\n"
        "      --fix               rewrite files for the fixes that are certain\n"
        "                          (cloud-name-case, spaces around a GUID, a link's\n"
        "                          locale segment), then report\n"
        "      --dry-run           with --fix: print the diff, change nothing; exit 1\n"
        "                          when something would change\n"
        "  -j, --jobs=N            check N files at a time (default: one per CPU);\n"
        "                          the output is the same for any N\n"
        "\n"
        "Editors (docs/editors.md):\n"
        "      --stdin-filename=NAME\n"
        "                          lint standard input, given as the path '-', as if it\n"
        "                          were the file NAME: its kind, config and repository\n"
        "                          context come from NAME (for plugins that pipe a buffer)\n"
        "      --lsp               run a Language Server Protocol server on stdin and\n"
        "                          stdout: findings as diagnostics while typing, quick\n"
        "                          fixes, hover and completion; the workspace folder is\n"
        "                          the context and its config applies (--config,\n"
        "                          --no-config, --schema, --resolve, --no-context,\n"
        "                          --no-cache and -j apply too)\n"
        "\n"
        "Rules:\n"
        "      --list-rules        list every rule with its severity and summary\n"
        "      --explain=RULE      print what RULE flags, why, an example and the fix\n"
        "      --rules-doc         print every rule's documentation as Markdown\n"
        "                          (docs/rules.md is generated with it)\n"
        "\n"
        "  -h, --help              print this help and exit\n"
        "  -V, --version           print the version and exit\n"
        "\n"
        "Exit status: 0 no errors (warnings allowed; also when no file was metadata),\n"
        "1 errors found, 2 usage or I/O trouble (an unreadable path is reported and the\n"
        "other files are still checked).\n",
        stdout);
}

static int usage_error(const char *fmt, const char *arg)
{
    fputs("advisor-lint: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'advisor-lint --help' for more information.\n", stderr);
    return 2;
}

static int parse_format(const char *arg, tool_format *out)
{
    static const struct {
        const char *name;
        tool_format f;
    } names[] = {
        { "text", FORMAT_TEXT },
        { "json", FORMAT_JSON },
        { "sarif", FORMAT_SARIF },
        { "github", FORMAT_GITHUB },
    };
    size_t i;
    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (!strcmp(arg, names[i].name)) {
            *out = names[i].f;
            return 0;
        }
    }
    return -1;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && !strcmp(s + a - b, suffix);
}

tool_format tool_format_for_file(const char *file)
{
    if (ends_with(file, ".sarif") || ends_with(file, ".sarif.json"))
        return FORMAT_SARIF;
    if (ends_with(file, ".json"))
        return FORMAT_JSON;
    return FORMAT_TEXT;
}

/* A positive job count, at most 1024. */
static int parse_jobs(const char *arg, unsigned *out)
{
    char *end;
    unsigned long v;
    if (!*arg || *arg == '-' || *arg == '+')
        return -1;
    v = strtoul(arg, &end, 10);
    if (*end || v == 0 || v > 1024)
        return -1;
    *out = (unsigned)v;
    return 0;
}

/*
 * Adds --resolve ARG (PREFIX=DIR). There are fewer than ARGC of them, so
 * the arrays get that many slots at the first one and never grow.
 */
static int add_resolve(tool_options *o, const char *arg, int argc)
{
    const char *eq = strchr(arg, '=');
    char *copy;

    /* the URI itself may contain '=' only after its scheme: split at the last '=' */
    eq = strrchr(arg, '=');
    if (!eq || eq == arg || !eq[1])
        return usage_error("--resolve expects PREFIX=DIR, got '%s'", arg);
    if (!o->maps)
        o->maps = calloc((size_t)argc, sizeof(*o->maps));
    if (!o->map_storage)
        o->map_storage = calloc((size_t)argc, sizeof(*o->map_storage));
    copy = strdup(arg);
    if (!copy || !o->maps || !o->map_storage) {
        free(copy);
        return usage_error("%s", "out of memory");
    }
    copy[eq - arg] = '\0';
    o->map_storage[o->nmaps] = copy;
    o->maps[o->nmaps].prefix = copy;
    o->maps[o->nmaps].dir = copy + (eq - arg) + 1;
    o->nmaps++;
    return 0;
}

/* --lsp takes no PATH and none of the options about a run's files or output. */
static int check_lsp(const tool_options *o)
{
    if (o->npaths)
        return usage_error("--lsp takes no PATH (the client names the documents), got '%s'",
                           o->paths[0]);
    if (o->fix || o->baseline || o->write_baseline || o->changed_since || o->output ||
        o->stdin_filename || o->context_dir || o->schema_only)
        return usage_error("%s",
                           "--lsp goes only with --config, --no-config, --schema, "
                           "--resolve, --no-context, --no-cache and -j");
    return 0;
}

/* '-' is standard input, which needs --stdin-filename, alone; --stdin-filename alone means '-'. */
static int check_stdin(tool_options *o)
{
    static char *dash[] = { "-", NULL };
    size_t i;
    int has_dash = 0;

    for (i = 0; i < o->npaths; i++)
        has_dash |= !strcmp(o->paths[i], "-");
    if (!o->stdin_filename) {
        if (has_dash)
            return usage_error("%s", "'-' (standard input) needs --stdin-filename NAME");
        return 0;
    }
    if (o->npaths == 0) {
        o->paths = dash;
        o->npaths = 1;
        has_dash = 1;
    }
    if (o->npaths != 1 || !has_dash)
        return usage_error("%s",
                           "--stdin-filename lints standard input: give '-' as the only PATH");
    if (o->fix || o->changed_since)
        return usage_error("%s", "--stdin-filename does not go with --fix or --changed-since");
    return 0;
}

int tool_options_parse(tool_options *o, int argc, char **argv)
{
    int c;

    memset(o, 0, sizeof(*o));
    o->color = -1;
    o->output_format = FORMAT_AUTO;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":f:o:j:hV", long_options, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (parse_format(optarg, &o->format) != 0)
                return usage_error("unknown format '%s' (expected text, json, sarif or github)",
                                   optarg);
            break;
        case 'o': o->output = optarg; break;
        case OPT_OUTPUT_FORMAT:
            if (parse_format(optarg, &o->output_format) != 0)
                return usage_error("unknown format '%s' (expected text, json, sarif or github)",
                                   optarg);
            break;
        case OPT_CONFIG: o->config_path = optarg; break;
        case OPT_NO_CONFIG: o->no_config = 1; break;
        case OPT_BASELINE: o->baseline = optarg; break;
        case OPT_WRITE_BASELINE: o->write_baseline = optarg; break;
        case OPT_FIX: o->fix = 1; break;
        case OPT_DRY_RUN: o->dry_run = 1; break;
        case OPT_CONTEXT: o->context_dir = optarg; break;
        case OPT_NO_CONTEXT: o->no_context = 1; break;
        case OPT_CHANGED_SINCE: o->changed_since = optarg; break;
        case OPT_NO_CACHE: o->no_cache = 1; break;
        case OPT_STDIN_FILENAME:
            if (!*optarg)
                return usage_error("%s", "--stdin-filename needs a file name");
            o->stdin_filename = optarg;
            break;
        case OPT_LSP: o->action = ACTION_LSP; break;
        case 'j':
            if (parse_jobs(optarg, &o->jobs) != 0)
                return usage_error("--jobs expects a number from 1 to 1024, got '%s'", optarg);
            break;
        case OPT_COLOR:
            if (!strcmp(optarg, "auto"))
                o->color = -1;
            else if (!strcmp(optarg, "always"))
                o->color = 1;
            else if (!strcmp(optarg, "never"))
                o->color = 0;
            else
                return usage_error("unknown --color value '%s' (expected auto, always or never)",
                                   optarg);
            break;
        case OPT_SCHEMA: o->schema_path = optarg; break;
        case OPT_SCHEMA_ONLY: o->schema_only = 1; break;
        case OPT_DEFAULT_DIALECT: o->default_dialect = optarg; break;
        case OPT_FORMAT_ASSERTION:
            if (strcmp(optarg, "on") != 0 && strcmp(optarg, "off") != 0)
                return usage_error("--format-assertion expects 'on' or 'off', got '%s'", optarg);
            o->format_annotation_only = !strcmp(optarg, "off");
            break;
        case OPT_RESOLVE:
            if (add_resolve(o, optarg, argc) != 0)
                return 2;
            break;
        case OPT_LIST_RULES: o->action = ACTION_LIST_RULES; break;
        case OPT_RULES_DOC: o->action = ACTION_RULES_DOC; break;
        case OPT_EXPLAIN:
            o->action = ACTION_EXPLAIN;
            o->explain = optarg;
            break;
        case 'h': o->action = ACTION_HELP; return 0;
        case 'V': o->action = ACTION_VERSION; return 0;
        case ':': return usage_error("option '%s' needs a value", argv[optind - 1]);
        default: return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    o->paths = argv + optind;
    o->npaths = (size_t)(argc - optind);
    if (o->action == ACTION_LSP)
        return check_lsp(o);
    if (o->action != ACTION_LINT)
        return 0;
    if (check_stdin(o) != 0)
        return 2;
    if (o->schema_only && !o->schema_path)
        return usage_error("%s", "--schema-only needs --schema FILE");
    if (o->npaths == 0 && !o->changed_since)
        return usage_error("%s", "no PATH given");
    if (o->context_dir && o->no_context)
        return usage_error("%s", "--context and --no-context exclude each other");
    if (o->dry_run && !o->fix)
        return usage_error("%s", "--dry-run only goes with --fix");
    if (o->config_path && o->no_config)
        return usage_error("%s", "--config and --no-config exclude each other");
    if (o->baseline && o->write_baseline)
        return usage_error("%s", "--baseline and --write-baseline exclude each other");
    if (o->output_format == FORMAT_AUTO && o->output)
        o->output_format = tool_format_for_file(o->output);
    return 0;
}

void tool_options_release(tool_options *o)
{
    size_t i;
    for (i = 0; i < o->nmaps; i++)
        free(o->map_storage[i]);
    free(o->map_storage);
    free(o->maps);
    memset(o, 0, sizeof(*o));
}
