/*
 * report_github.c - GitHub Actions workflow commands, then the text report.
 *
 * `::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::MESSAGE`
 * per finding (warning for warnings, notice for info). The runner turns
 * them into annotations on the pull request's diff, but shows at most ten
 * per level per step, so the full text report follows them in the log.
 * Data is escaped as the runner expects: '%', CR and LF everywhere, and
 * ':' and ',' inside property values.
 */
#include "advisor/report.h"

static const char *command(al_severity s)
{
    switch (s) {
    case AL_SEV_ERROR: return "error";
    case AL_SEV_WARNING: return "warning";
    default: return "notice";
    }
}

static void escaped(FILE *out, const char *s, int property)
{
    for (; *s; s++) {
        switch (*s) {
        case '%': fputs("%25", out); break;
        case '\r': fputs("%0D", out); break;
        case '\n': fputs("%0A", out); break;
        case ':': fputs(property ? "%3A" : ":", out); break;
        case ',': fputs(property ? "%2C" : ",", out); break;
        default: fputc(*s, out);
        }
    }
}

int al_report_github(FILE *out, const al_findings *list, const al_report_info *info)
{
    size_t k;
    al_report_info plain = *info;
    for (k = 0; k < list->count; k++) {
        const al_finding *f = &list->items[k];
        fprintf(out, "::%s file=", command(f->severity));
        escaped(out, f->file, 1);
        fprintf(out, ",line=%d,col=%d,endLine=%d,endColumn=%d,title=", f->line, f->column,
                f->end_line, f->end_column);
        escaped(out, f->rule, 1);
        fputs("::", out);
        escaped(out, f->message, 0);
        fputc('\n', out);
    }
    plain.color = 0;
    return al_report_text(out, list, &plain);
}
