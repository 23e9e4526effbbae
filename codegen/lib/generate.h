/*
 * generate.h - one advisor-codegen run: lint, model, render, write.
 *
 * The inputs are first checked with exactly advisor-lint's rules and
 * embedded schema. Files with error findings are never generated from:
 * without skip_invalid the run stops there (exit 1, nothing written); with
 * it, the valid files are generated (and listed skipped on the error
 * stream) and the run still exits 1 unless OUT is stale under check (3).
 *
 * The output depends only on the inputs' content and their paths relative
 * to the root, never on the working directory, the spelling of the paths or
 * their order: the files are sorted by their path relative to the root
 * before anything is read, and the catalog by type, cloud and that path.
 */
#ifndef CG_GENERATE_H
#define CG_GENERATE_H

#include <stddef.h>
#include <stdio.h>

/* Exit statuses (documented in --help and advisor-codegen(1)). */
#define CG_EXIT_OK 0      /* generated, or up to date under check */
#define CG_EXIT_INVALID 1 /* inputs with errors, or nothing valid to generate from */
#define CG_EXIT_TROUBLE 2 /* usage, I/O, a broken template or manifest */
#define CG_EXIT_STALE 3   /* check: OUT is not what would be generated, or has orphaned stubs */

typedef struct cg_options {
    const char *out_dir;
    const char *templates_dir; /* NULL: the embedded templates */
    const char *root;          /* paths are recorded relative to it; NULL: the inputs' repository */
    int force;                 /* replace existing rule stubs */
    int skip_invalid;          /* generate from the valid files, report the others */
    int check;                 /* write nothing; exit 3 when OUT is stale */
    int quiet;                 /* errors only: no progress, summary, notes or warnings */
    int no_source_paths;       /* leave source paths out of everything generated */
    int no_test_data;          /* leave testData out of the catalog */
    int color;                 /* colour the findings report */
    int allow_todo;            /* todo-marker errors do not stop generation (a new scaffold) */
    FILE *out;                 /* progress lines and the summary (stdout) */
    FILE *err;                 /* findings, skipped files, orphans, notes, errors (stderr) */
    const char *version;
} cg_options;

/* Runs advisor-codegen over PATHS. Returns the exit status: a CG_EXIT_ value. */
int cg_generate(const cg_options *o, char *const *paths, size_t npaths);

#endif
