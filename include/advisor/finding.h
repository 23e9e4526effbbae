/*
 * finding.h - what advisor-lint found, and the list a run collects.
 *
 * A finding names a rule (stable kebab-case id), a severity, a file and a
 * 1-based line:column range in it, the JSON pointer of the value concerned
 * (or NULL for the header, the title, or the file as a whole) and a message
 * (lowercase, no full stop, quoting its subject). Reporters only format
 * findings; they never decide anything.
 *
 * Ownership: an al_findings list owns every string of its findings; the
 * rule id is a static string from the rule registry.
 */
#ifndef ADVISOR_FINDING_H
#define ADVISOR_FINDING_H

#include <stddef.h>
#include "export.h"

AL_BEGIN_DECLS

typedef enum al_severity {
    AL_SEV_OFF = 0,       /* configured off: never stored */
    AL_SEV_INFO,
    AL_SEV_WARNING,
    AL_SEV_ERROR,
} al_severity;

typedef struct al_finding {
    char *file;
    int line, column;         /* start, 1-based */
    int end_line, end_column; /* end, 1-based, exclusive column; equal to start when unknown */
    char *pointer;            /* JSON pointer into the body, or NULL */
    const char *rule;
    al_severity severity;
    char *message;
    size_t seq;               /* insertion order, keeps sorting stable */
    size_t off, end;          /* byte span [off, end) in the file, or AL_NO_SPAN */
    char *fix;                /* certain replacement for the span (owned), or NULL */
    unsigned long long fingerprint; /* hash of rule, pointer and the value's text, 0 unknown */
} al_finding;

#define AL_NO_SPAN ((size_t)-1)

typedef struct al_findings {
    al_finding *items;
    size_t count, cap;
    size_t by_severity[4];    /* counts indexed by al_severity */
} al_findings;

AL_API void al_findings_init(al_findings *list);
AL_API void al_findings_release(al_findings *list);

/*
 * Adds a finding, copying FILE, POINTER (may be NULL) and MESSAGE. RULE must
 * outlive the list (a registry id). Returns 0 or -1 on allocation failure.
 */
AL_API int al_findings_add(al_findings *list, const char *file, int line, int column,
                    int end_line, int end_column, const char *pointer,
                    const char *rule, al_severity severity, const char *message);

/*
 * The finding added last, so its adder can set its span, fix and
 * fingerprint, or NULL when the list is empty.
 */
AL_API al_finding *al_findings_last(al_findings *list);

/*
 * Gives finding F the certain replacement FIX (copied) for its span.
 * Returns 0 or -1 on allocation failure.
 */
AL_API int al_finding_set_fix(al_finding *f, const char *fix);

/*
 * FNV-1a 64 of RULE, POINTER (may be NULL) and the LEN bytes of TEXT with
 * carriage returns left out, so a file's line endings do not change it.
 * Text longer than AL_FINGERPRINT_TEXT_MAX counts by its length and first
 * AL_FINGERPRINT_TEXT_MAX bytes, so the cost per finding stays bounded.
 * Never returns 0.
 */
#define AL_FINGERPRINT_TEXT_MAX 4096
AL_API unsigned long long al_fingerprint(const char *rule, const char *pointer, const char *text,
                                  size_t len);

/* Drops finding I (freeing what it owns) and keeps the others in order. */
AL_API void al_findings_remove(al_findings *list, size_t i);

/* Recounts by_severity from the findings. */
AL_API void al_findings_recount(al_findings *list);

/* Moves every finding of SRC to the end of DST, leaving SRC empty. Returns 0 or -1. */
AL_API int al_findings_take(al_findings *dst, al_findings *src);

/* Sorts by file, line, column, then rule and insertion order. */
AL_API void al_findings_sort(al_findings *list);

AL_API const char *al_severity_name(al_severity sev);

/* Parses "error", "warning", "info" or "off". Returns 0, or -1 when NAME is none of them. */
AL_API int al_severity_parse(const char *name, al_severity *out);

AL_END_DECLS

#endif
