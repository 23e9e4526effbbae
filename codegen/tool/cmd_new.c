/*
 * cmd_new.c - `advisor-codegen new`: its options in, cg_new, exit status out.
 *
 * The values are checked by cg_new (codegen/lib/scaffold.c), which knows
 * the format; this file only parses the command line and says which
 * options go together.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd_new.h"
#include "scaffold.h"

static void help(void)
{
    fputs(
        "Usage: advisor-codegen new --name TITLE --resource-type TYPE --category CATEGORY\n"
        "         --impact IMPACT --clouds LIST [--root DIR] [--folder DIR]\n"
        "         [--friendly-name NAME] [--data-source KIND] [-o OUT]\n"
        "   or: advisor-codegen new --variant-of FILE --clouds LIST [--root DIR] [-o OUT]\n"
        "Start a new recommendation in a content tree: one metadata file per cloud group\n"
        "(Public with USNat and USSec, Fairfax, Mooncake), sharing a fresh random\n"
        "recommendationTypeId, each with its own articleId. What only a person can write\n"
        "is marked TODO (the nil GUID for the Service Tree id): advisor-lint's todo-marker\n"
        "rule reports each one until it is replaced. Prints each created file's path.\n"
        "\n"
        "  -n, --name=TITLE        the title: pageTitle, # Title and displayLabel\n"
        "  -r, --resource-type=TYPE  the ARM type, e.g. Microsoft.Network/expressRouteGateways\n"
        "  -c, --category=CATEGORY  HighAvailability, Security, Performance, Cost or\n"
        "                          OperationalExcellence\n"
        "  -i, --impact=IMPACT     High, Medium or Low\n"
        "  -l, --clouds=LIST       comma-separated: Public, Fairfax, Mooncake, USNat, USSec\n"
        "      --root=DIR          the content tree (default: the current directory)\n"
        "      --folder=DIR        the folder for the files, below the root (default: the\n"
        "                          one holding the resource type's files, else\n"
        "                          articles/advisorrecommendation.<provider><type>)\n"
        "      --friendly-name=NAME  recommendationFriendlyName (default: the title in\n"
        "                          PascalCase); unique in the tree\n"
        "      --data-source=KIND  Kusto (default), SAS or Cosmos\n"
        "      --variant-of=FILE   add variants of FILE for --clouds: same\n"
        "                          recommendationTypeId, friendly name, category and\n"
        "                          impact; new articleIds; links moved to each cloud's hosts\n"
        "  -o, --output=OUT        also generate the rule stub, header and test into OUT\n"
        "  -h, --help              print this help and exit\n"
        "\n"
        "Files are named <stem>-<cloud>.md, the stem being the friendly name in lower\n"
        "case. Nothing is ever overwritten, and nothing is left half-written.\n"
        "\n"
        "Exit status: 0 created, 1 the friendly name or an articleId is already used in\n"
        "the tree (the other file is named), 2 usage, a file that exists, or I/O trouble.\n",
        stdout);
}

static int usage(const char *msg, const char *arg)
{
    fputs("advisor-codegen new: ", stderr);
    fprintf(stderr, msg, arg);
    fputs("\nTry 'advisor-codegen new --help' for more information.\n", stderr);
    return 2;
}

int cg_cmd_new(int argc, char **argv, const char *version)
{
    static const struct option longs[] = {
        { "name", required_argument, NULL, 'n' },
        { "resource-type", required_argument, NULL, 'r' },
        { "category", required_argument, NULL, 'c' },
        { "impact", required_argument, NULL, 'i' },
        { "clouds", required_argument, NULL, 'l' },
        { "root", required_argument, NULL, 'R' },
        { "folder", required_argument, NULL, 'f' },
        { "friendly-name", required_argument, NULL, 'F' },
        { "data-source", required_argument, NULL, 'd' },
        { "variant-of", required_argument, NULL, 'v' },
        { "output", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    cg_new_options o;
    int c, rc;

    memset(&o, 0, sizeof(o));
    o.root = ".";
    o.version = version;
    o.out = stdout;
    o.err = stderr;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":n:r:c:i:l:o:h", longs, NULL)) != -1) {
        switch (c) {
        case 'n': o.name = optarg; break;
        case 'r': o.resource_type = optarg; break;
        case 'c': o.category = optarg; break;
        case 'i': o.impact = optarg; break;
        case 'l': o.clouds = optarg; break;
        case 'R': o.root = optarg; break;
        case 'f': o.folder = optarg; break;
        case 'F': o.friendly_name = optarg; break;
        case 'd': o.data_source = optarg; break;
        case 'v': o.variant_of = optarg; break;
        case 'o': o.out_dir = optarg; break;
        case 'h': help(); return 0;
        case ':': return usage("option '%s' needs a value", argv[optind - 1]);
        default: return usage("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind < argc)
        return usage("unexpected argument '%s'", argv[optind]);
    if (o.variant_of &&
        (o.name || o.resource_type || o.category || o.impact || o.friendly_name || o.data_source))
        return usage("%s",
                     "--variant-of copies the name, resource type, category, impact, "
                     "friendly name and data source: give only --clouds (and --root, "
                     "--folder, -o)");
    rc = cg_new(&o);
    if (fclose(stdout) != 0 && rc == 0)
        rc = 2;
    return rc;
}
