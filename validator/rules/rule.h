/*
 * rule.h - the rule registry: every finding's rule id has a descriptor here.
 *
 * One rule per file under validator/rules/, each defining one const
 * al_rule: a stable kebab-case id, a default severity, a one-line summary,
 * and a doc in four parts (what it flags, why it matters, an example, the
 * fix) that `advisor-lint --explain ID` prints, `--list-rules` lists and
 * docs/rules.md is generated from. Rules checked by another part of the
 * tool (the readers, the schema engine) have no check function; their
 * descriptor still gives them an id, a severity and a doc. Rules about
 * invariants across files have a check_corpus function instead, run once
 * after every file was read. A rule whose findings have a certain fix
 * (`--fix`) computes it in its own file, through its fix member.
 *
 * The rule API lives beside the rules: check.h (what a per-file rule sees
 * and how it reports), corpus.h (the cross-file facts and groups).
 */
#ifndef AL_RULE_H
#define AL_RULE_H

#include <stddef.h>

#include "advisor/finding.h"
#include "advisor/report.h"
#include "advisor/rules.h"
#include "../reader/problem.h"

struct al_check;
struct al_corpus_check;

typedef struct al_rule {
    const char *id;
    al_severity severity;                           /* default severity */
    const char *summary;                            /* one line, lowercase, no full stop */
    const char *doc;                                /* Markdown: what, why, example, fix */
    void (*check)(struct al_check *);               /* per-file check, or NULL */
    void (*check_corpus)(struct al_corpus_check *); /* across all files of a run, or NULL */
    /*
     * The certain replacement for a finding of this rule over DATA[OFF, END)
     * (a new string), or NULL when there is none: most findings need a
     * person. NULL for rules that never fix.
     */
    char *(*fix)(const char *data, size_t off, size_t end);
} al_rule;

/* Every rule, sorted by id. *COUNT receives the number. */
const al_rule *const *al_rules_all(size_t *count);

/* RULE's index in al_rules_all's order (a registered rule). */
size_t al_rule_index(const al_rule *rule);

/* The rule with ID, or NULL. */
const al_rule *al_rule_find(const char *id);

/*
 * The rule that reports a reader's problem of KIND (reader/problem.h);
 * NULL only for a value outside the enum.
 */
const al_rule *al_rule_for_read_problem(al_read_problem kind);

/*
 * Whether RULE's per-file check runs on a file whose body could not be read
 * (a syntax error repaired only by a guess, no body at all): the rules about
 * the header, the title and the file name, listed in registry.c. Every other
 * check reads the body and runs only when it parsed, or was repaired without
 * doubt (reader/json_reader.h), so no rule judges a guessed repair. A rule
 * not listed is safe by default: it just does not run on a broken body.
 */
int al_rule_runs_without_body(const al_rule *rule);

#endif
