/*
 * report_text.c - the human-readable report, the way compilers print.
 *
 * One line per finding, `path:line:col: severity: message [rule-id]`, which
 * editors and terminals turn into links, then one summary line. Colour (bold
 * location, red errors, yellow warnings, cyan info) only when the caller
 * says so: the tool decides from isatty, NO_COLOR and --color. After a
 * baseline was applied, one more line says what it hid and what is fixed.
 */
#include "advisor/report.h"

#include <string.h>

#define BOLD "\033[1m"
#define RED "\033[1;31m"
#define YELLOW "\033[1;33m"
#define CYAN "\033[1;36m"
#define DIM "\033[2m"
#define RESET "\033[0m"

static const char *sev_color(al_severity s)
{
    switch (s) {
    case AL_SEV_ERROR: return RED;
    case AL_SEV_WARNING: return YELLOW;
    default: return CYAN;
    }
}

static size_t files_with_findings(const al_findings *list)
{
    size_t i, n = 0;
    for (i = 0; i < list->count; i++)
        if (i == 0 || strcmp(list->items[i].file, list->items[i - 1].file) != 0)
            n++;
    return n;
}

static void plural(FILE *out, size_t n, const char *word, int *first)
{
    if (!n)
        return;
    fprintf(out, "%s%zu %s%s", *first ? "" : ", ", n, word, n == 1 ? "" : "s");
    *first = 0;
}

/*
 * No file was checked: says so, so that a run given only files that are not
 * advisor metadata (or none at all) does not look like a clean one.
 */
static void nothing_checked(FILE *out, const al_report_info *info)
{
    size_t given = info->skipped + info->unreadable + info->ignored;
    if (!given) {
        fputs(
            "nothing checked: the paths given name no .md, .markdown, .json, .yaml or .yml file\n",
            out);
        return;
    }
    fprintf(out, "nothing checked: no advisor metadata among the %zu file%s given", given,
            given == 1 ? "" : "s");
    /* the summary line above counts the skipped and unreadable ones, not these */
    if (info->ignored)
        fprintf(out, " (%zu ignored by the config)", info->ignored);
    fputc('\n', out);
}

int al_report_text_summary(FILE *out, const al_findings *list, const al_report_info *info)
{
    size_t e = list->by_severity[AL_SEV_ERROR], w = list->by_severity[AL_SEV_WARNING];
    size_t i = list->by_severity[AL_SEV_INFO];
    size_t files = info->checked + info->unreadable;
    int first = 1;

    if (info->color)
        fputs(BOLD, out);
    if (!e && !w && !i) {
        fprintf(out, "no problems in %zu file%s", files, files == 1 ? "" : "s");
    } else {
        size_t with = files_with_findings(list);
        /* a finding in the config file (an unused suppression) makes it one more file */
        if (with > files)
            files = with;
        plural(out, e, "error", &first);
        plural(out, w, "warning", &first);
        plural(out, i, "info", &first);
        fprintf(out, " in %zu of %zu file%s", with, files, files == 1 ? "" : "s");
    }
    if (info->unreadable && info->skipped)
        fprintf(out, " (%zu unreadable, %zu skipped: not advisor metadata)", info->unreadable,
                info->skipped);
    else if (info->unreadable)
        fprintf(out, " (%zu unreadable)", info->unreadable);
    else if (info->skipped)
        fprintf(out, " (%zu skipped: not advisor metadata)", info->skipped);
    if (info->color)
        fputs(RESET, out);
    fputc('\n', out);
    if (!info->checked)
        nothing_checked(out, info);
    if (info->baseline)
        fprintf(out, "baseline: %zu known finding%s not shown, %zu entr%s fixed\n",
                info->baseline_known, info->baseline_known == 1 ? "" : "s", info->baseline_fixed,
                info->baseline_fixed == 1 ? "y" : "ies");
    return ferror(out) ? -1 : 0;
}

int al_report_text(FILE *out, const al_findings *list, const al_report_info *info)
{
    size_t k;
    for (k = 0; k < list->count; k++) {
        const al_finding *f = &list->items[k];
        if (info->color)
            fprintf(out, BOLD "%s:%d:%d:" RESET " %s%s:" RESET " %s " DIM "[%s]" RESET "\n",
                    f->file, f->line, f->column, sev_color(f->severity),
                    al_severity_name(f->severity), f->message, f->rule);
        else
            fprintf(out, "%s:%d:%d: %s: %s [%s]\n", f->file, f->line, f->column,
                    al_severity_name(f->severity), f->message, f->rule);
    }
    return al_report_text_summary(out, list, info);
}
