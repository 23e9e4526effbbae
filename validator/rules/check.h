/*
 * check.h - what a rule sees of one file, and how it reports.
 *
 * An al_check is handed to each per-file rule: the document (header
 * attributes, title, body) and report functions that place a finding by
 * what it is about (a body JSON pointer, a header attribute, the title, a
 * byte offset). Positions are computed here, only for findings, so rules
 * never deal with lines and columns.
 */
#ifndef AL_CHECK_H
#define AL_CHECK_H

#include "../reader/document.h"
#include "advisor/finding.h"
#include "rule.h"
#include "../advisor/advisor.h"

#define AL_CHECK_MAX_LINKS 64

typedef struct al_check {
    al_doc *doc;             /* borrowed */
    const char *file;        /* display path, borrowed */
    al_findings *out;        /* borrowed: where findings go */
    const al_rule *rule;     /* the rule running now (for its id and severity) */
    int failed_alloc;        /* set when a finding could not be stored */
    al_severity severity;    /* the running rule's severity for this file */
    char *const *link_hosts; /* extra allowed link hosts (config), borrowed */
    size_t nlink_hosts;
    char *const *portal_extensions; /* extra known portal extensions (config), borrowed */
    size_t nportal_extensions;
    /* the body's links, listed once for the several link rules (al_check_links) */
    int links_listed;
    size_t nlinks;
    adv_link links[AL_CHECK_MAX_LINKS];
} al_check;

/* The body's link fields (advisor.h adv_links), listed on first use per file. */
const adv_link *al_check_links(al_check *c, size_t *count);

/* Where in a body value a finding points. */
typedef enum al_place {
    AL_AT_VALUE, /* the value (missing ones: nearest ancestor) */
    AL_AT_KEY,   /* the member's key, or the value for array items */
} al_place;

/*
 * Gives the finding of RULE just added to OUT (when OUT holds more than
 * BEFORE) its byte span [OFF, END) in SRC (clamped), the fingerprint of the
 * span's text and, when RULE has a certain fix for it, that fix. Returns 0.
 */
int al_check_set_span(al_findings *out, size_t before, const al_rule *rule, const al_source *src,
                      size_t off, size_t end);

/* Reports RULE_ID (must be registered) at body POINTER. Message is printf-style. */
void al_check_at_pointer(al_check *c, const char *rule_id, const char *pointer, al_place place,
                         const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Reports at header attribute ATTR's value (at_name: at its name). */
void al_check_at_attr(al_check *c, const char *rule_id, const al_attr *attr, int at_name,
                      const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/*
 * Reports at bytes [START, END) of the string value at body POINTER, counted
 * in the string as read (escapes decoded): the finding spans exactly the
 * source text that spells them, escapes included. When the source cannot be
 * matched to the value byte for byte (a folded YAML scalar), it spans the
 * whole value instead.
 */
void al_check_at_string(al_check *c, const char *rule_id, const char *pointer, size_t start,
                        size_t end, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* The body value at POINTER (borrowed), or NULL. */
json_t *al_check_get(const al_check *c, const char *pointer);

/* The body string at POINTER, or NULL when absent or not a string. */
const char *al_check_string(const al_check *c, const char *pointer);

/* Reports at the title text (the '#' line when the text is empty). */
void al_check_at_title(al_check *c, const char *rule_id, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Reports at the '<properties' header as a whole (a missing attribute). */
void al_check_at_header(al_check *c, const char *rule_id, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Reports at the byte range [OFFSET, END) of the file. */
void al_check_at_offset(al_check *c, const char *rule_id, size_t offset, size_t end,
                        const char *pointer, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

#endif
