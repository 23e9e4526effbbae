/*
 * report.h - reporters: findings to text, JSON and the other output formats.
 *
 * Reporters only format. Each writes one complete report of a run to a
 * stdio stream and returns 0, or -1 when writing failed (errno set).
 */
#ifndef AL_REPORT_H
#define AL_REPORT_H

#include <stdio.h>

#include "finding.h"

typedef struct al_report_info {
    const char *tool;            /* "advisor-lint" */
    const char *version;
    size_t checked, skipped;     /* files */
    size_t unreadable;           /* paths that could not be read */
    int color;                   /* text only: ANSI colours */
} al_report_info;

/*
 * `path:line:col: severity: message [rule-id]` per finding, then a summary
 * line ("2 errors, 1 warning in 1 of 3 files (1 skipped: not advisor
 * metadata)", or "no problems in 3 files"); unreadable paths count as files.
 */
int al_report_text(FILE *out, const al_findings *list, const al_report_info *info);

/* The text report's closing summary line alone. */
int al_report_text_summary(FILE *out, const al_findings *list, const al_report_info *info);

/*
 * One JSON document: {"tool", "version", "files": {"checked", "skipped", "unreadable"},
 * "summary": {"error", "warning", "info"}, "findings": [{"file", "line",
 * "column", "endLine", "endColumn", "pointer", "rule", "severity", "message"}]}.
 */
int al_report_json(FILE *out, const al_findings *list, const al_report_info *info);

#endif
