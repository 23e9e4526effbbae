/*
 * problem.h - what the readers report: the kinds of trouble met while reading.
 *
 * The readers (document, JSON, YAML) sit below the rules and know nothing of
 * them: each problem they meet is one of these kinds, and the rules layer
 * says which rule reports it (al_rule_for_read_problem, rules/read_problem.c),
 * so a rule id is written in one place only, its rule file.
 */
#ifndef AL_READ_PROBLEM_H
#define AL_READ_PROBLEM_H

typedef enum al_read_problem {
    AL_READ_ENCODING,               /* not UTF-8 (UTF-16, an invalid byte) */
    AL_READ_HEADER_MISSING,         /* no `<properties .../>` header where one must be */
    AL_READ_HEADER_UNCLOSED,        /* the header never ends with `/>` */
    AL_READ_HEADER_SYNTAX,          /* the header's attributes are malformed */
    AL_READ_TITLE_MISSING,          /* no `# Title` after the header */
    AL_READ_FENCE_MISSING,          /* a `---` line around the body is missing */
    AL_READ_SELF_HELP_TYPE,         /* a selfHelpType other than advisor metadata */
    AL_READ_JSON_SYNTAX,            /* invalid JSON or YAML */
    AL_READ_JSON_CONTROL_CHARACTER, /* a raw control character in a string */
    AL_READ_JSON_TRAILING_COMMA,    /* a comma before `}` or `]` */
    AL_READ_DUPLICATE_KEY,          /* a key repeated in one object or mapping */
    AL_READ_PROBLEM_COUNT
} al_read_problem;

#endif
