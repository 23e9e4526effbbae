/*
 * main.c - advisor-codegen: options in, cg_generate, exit status out.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd_new.h"
#include "generate.h"

#ifndef CG_VERSION
#define CG_VERSION "0.0.0"
#endif

static void help(void)
{
    fputs(
        "Usage: advisor-codegen -o OUT [OPTION]... PATH...\n"
        "   or: advisor-codegen new [OPTION]...   (start a new recommendation: new --help)\n"
        "Generate C from valid Azure Advisor recommendation metadata: a types header,\n"
        "a catalog of every recommendation as const data, one rule interface header and\n"
        "rule stub per recommendationTypeId, a registry, cmocka tests from testData, and\n"
        "a CMakeLists.txt that builds OUT as a library. Directories are walked as\n"
        "advisor-lint walks them, and every input is first checked with its rules.\n"
        "\n"
        "  -o, --output=OUT        the directory to generate into (created if needed)\n"
        "      --templates=DIR     use DIR/NAME instead of the embedded template NAME\n"
        "      --force             replace existing rule stubs (rules/NAME.c)\n"
        "      --skip-invalid      generate from the valid files, list the others, exit 1\n"
        "      --check             write nothing; exit 3 when OUT is not what would be\n"
        "                          generated or has orphaned stubs (pre-commit, CI)\n"
        "      --root=DIR          record source paths relative to DIR (default: the\n"
        "                          inputs' repository, .advisor-lint.yaml or git's top,\n"
        "                          else the directory holding them all)\n"
        "      --no-source-paths   leave source paths out of everything generated\n"
        "      --no-test-data      leave testData out of the catalog (tests keep it)\n"
        "  -q, --quiet             print errors only (findings of error severity,\n"
        "                          skipped files, orphaned stubs, failures)\n"
        "      --color=WHEN        colour findings: auto (default), always, never\n"
        "  -h, --help              print this help and exit\n"
        "  -V, --version           print the version and exit\n"
        "\n"
        "Progress lines and the summary go to standard output; findings, skipped\n"
        "files, orphaned stubs and notes to standard error. Rule stubs are written\n"
        "only when absent and never removed; each carries its recommendationTypeId\n"
        "and OUT/advisor-codegen.json records every type's identifier, so a renamed\n"
        "recommendation keeps its rule. Generated files of recommendations no longer\n"
        "in the input are removed. Output does not depend on the working directory,\n"
        "the spelling or the order of PATHs. Nothing is written outside OUT.\n"
        "\n"
        "Exit status: 0 generated (or up to date with --check); 1 inputs with errors\n"
        "or nothing valid; 2 usage, I/O, template or manifest trouble; 3 with --check,\n"
        "OUT stale or with orphaned stubs (3 wins over 1, 2 over both).\n",
        stdout);
}

static int usage(const char *msg, const char *arg)
{
    fputs("advisor-codegen: ", stderr);
    fprintf(stderr, msg, arg);
    fputs("\nTry 'advisor-codegen --help' for more information.\n", stderr);
    return 2;
}

int main(int argc, char **argv)
{
    static const struct option longs[] = {
        { "output", required_argument, NULL, 'o' },
        { "templates", required_argument, NULL, 't' },
        { "force", no_argument, NULL, 'F' },
        { "skip-invalid", no_argument, NULL, 'S' },
        { "check", no_argument, NULL, 'C' },
        { "root", required_argument, NULL, 'R' },
        { "no-source-paths", no_argument, NULL, 'P' },
        { "no-test-data", no_argument, NULL, 'D' },
        { "quiet", no_argument, NULL, 'q' },
        { "color", required_argument, NULL, 'c' },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { NULL, 0, NULL, 0 },
    };
    cg_options o;
    int c, color = -1, rc;

    if (argc > 1 && !strcmp(argv[1], "new"))
        return cg_cmd_new(argc - 1, argv + 1, CG_VERSION);
    memset(&o, 0, sizeof(o));
    o.out = stdout;
    o.err = stderr;
    o.version = CG_VERSION;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:qhV", longs, NULL)) != -1) {
        switch (c) {
        case 'o': o.out_dir = optarg; break;
        case 't': o.templates_dir = optarg; break;
        case 'F': o.force = 1; break;
        case 'S': o.skip_invalid = 1; break;
        case 'C': o.check = 1; break;
        case 'R': o.root = optarg; break;
        case 'P': o.no_source_paths = 1; break;
        case 'D': o.no_test_data = 1; break;
        case 'q': o.quiet = 1; break;
        case 'c':
            if (!strcmp(optarg, "always"))
                color = 1;
            else if (!strcmp(optarg, "never"))
                color = 0;
            else if (strcmp(optarg, "auto"))
                return usage("unknown --color value '%s'", optarg);
            break;
        case 'h': help(); return 0;
        case 'V': printf("advisor-codegen %s\n", CG_VERSION); return 0;
        case ':': return usage("option '%s' needs a value", argv[optind - 1]);
        default: return usage("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (!o.out_dir)
        return usage("%s", "no output directory: give -o OUT");
    if (optind >= argc)
        return usage("%s", "no PATH given");
    if (color < 0) {
        const char *nc = getenv("NO_COLOR");
        color = (!nc || !*nc) && isatty(STDERR_FILENO); /* findings go to stderr */
    }
    o.color = color;
    rc = cg_generate(&o, argv + optind, (size_t)(argc - optind));
    if (fclose(stdout) != 0 && rc == 0)
        rc = 2;
    return rc;
}
