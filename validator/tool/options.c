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
};

static const struct option long_options[] = {
    {"format", required_argument, NULL, 'f'},
    {"color", required_argument, NULL, OPT_COLOR},
    {"colour", required_argument, NULL, OPT_COLOR},
    {"schema", required_argument, NULL, OPT_SCHEMA},
    {"schema-only", no_argument, NULL, OPT_SCHEMA_ONLY},
    {"resolve", required_argument, NULL, OPT_RESOLVE},
    {"list-rules", no_argument, NULL, OPT_LIST_RULES},
    {"explain", required_argument, NULL, OPT_EXPLAIN},
    {"rules-doc", no_argument, NULL, OPT_RULES_DOC},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

void tool_print_help(void)
{
    fputs(
        "Usage: advisor-lint [OPTION]... PATH...\n"
        "Check Azure Advisor recommendation metadata files: Markdown with a <properties/>\n"
        "header, a # title and a JSON body between --- fences, or bare .json/.yaml bodies.\n"
        "A directory is walked recursively for .md, .markdown, .json, .yaml and .yml files;\n"
        "files that are not advisor metadata are skipped quietly and counted.\n"
        "\n"
        "Output:\n"
        "  -f, --format=FORMAT     'text' (default): path:line:col: severity: message [rule]\n"
        "                          'json': one JSON document with every finding\n"
        "      --color=WHEN        colour text output: 'auto' (default: on a terminal,\n"
        "                          never when NO_COLOR is set), 'always' or 'never'\n"
        "\n"
        "Schema:\n"
        "      --schema=FILE       check bodies against this JSON Schema (JSON or YAML,\n"
        "                          draft 2020-12)\n"
        "      --schema-only       check the files against --schema and nothing else:\n"
        "                          no Advisor rules, nothing skipped (any JSON or YAML)\n"
        "      --resolve=PREFIX=DIR\n"
        "                          resolve $ref URIs starting with PREFIX from files below\n"
        "                          DIR (repeatable); the network is never used\n"
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
        "Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage or I/O\n"
        "trouble (an unreadable path is reported and the other files are still checked).\n",
        stdout);
}

static int usage_error(const char *fmt, const char *arg)
{
    fputs("advisor-lint: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'advisor-lint --help' for more information.\n", stderr);
    return 2;
}

static int add_resolve(tool_options *o, const char *arg)
{
    const char *eq = strchr(arg, '=');
    char *copy;
    al_resolve_map *nm;
    char **ns;

    /* the URI itself may contain '=' only after its scheme: split at the last '=' */
    eq = strrchr(arg, '=');
    if (!eq || eq == arg || !eq[1])
        return usage_error("--resolve expects PREFIX=DIR, got '%s'", arg);
    copy = strdup(arg);
    nm = realloc(o->maps, (o->nmaps + 1) * sizeof(*nm));
    if (nm)
        o->maps = nm;
    ns = realloc(o->map_storage, (o->nmaps + 1) * sizeof(*ns));
    if (ns)
        o->map_storage = ns;
    if (!copy || !nm || !ns) {
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

int tool_options_parse(tool_options *o, int argc, char **argv)
{
    int c;

    memset(o, 0, sizeof(*o));
    o->color = -1;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":f:hV", long_options, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (!strcmp(optarg, "text"))
                o->format = FORMAT_TEXT;
            else if (!strcmp(optarg, "json"))
                o->format = FORMAT_JSON;
            else
                return usage_error("unknown format '%s' (expected 'text' or 'json')", optarg);
            break;
        case OPT_COLOR:
            if (!strcmp(optarg, "auto"))
                o->color = -1;
            else if (!strcmp(optarg, "always"))
                o->color = 1;
            else if (!strcmp(optarg, "never"))
                o->color = 0;
            else
                return usage_error("unknown --color value '%s' (expected auto, always or never)", optarg);
            break;
        case OPT_SCHEMA:
            o->schema_path = optarg;
            break;
        case OPT_SCHEMA_ONLY:
            o->schema_only = 1;
            break;
        case OPT_RESOLVE:
            if (add_resolve(o, optarg) != 0)
                return 2;
            break;
        case OPT_LIST_RULES:
            o->action = ACTION_LIST_RULES;
            break;
        case OPT_RULES_DOC:
            o->action = ACTION_RULES_DOC;
            break;
        case OPT_EXPLAIN:
            o->action = ACTION_EXPLAIN;
            o->explain = optarg;
            break;
        case 'h':
            o->action = ACTION_HELP;
            return 0;
        case 'V':
            o->action = ACTION_VERSION;
            return 0;
        case ':':
            return usage_error("option '%s' needs a value", argv[optind - 1]);
        default:
            return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    o->paths = argv + optind;
    o->npaths = (size_t)(argc - optind);
    if (o->action != ACTION_LINT)
        return 0;
    if (o->schema_only && !o->schema_path)
        return usage_error("%s", "--schema-only needs --schema FILE");
    if (o->npaths == 0)
        return usage_error("%s", "no PATH given");
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
