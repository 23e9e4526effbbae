/*
 * generate.h - one advisor-codegen run: lint, model, render, write.
 *
 * The inputs are first checked with exactly advisor-lint's rules and
 * embedded schema. Files with error findings are never generated from:
 * without skip_invalid the run stops there (exit 1, nothing written); with
 * it, the valid files are generated and the run still exits 1.
 */
#ifndef CG_GENERATE_H
#define CG_GENERATE_H

#include <stddef.h>
#include <stdio.h>

typedef struct cg_options {
    const char *out_dir;
    const char *templates_dir; /* NULL: the embedded templates */
    int force;                 /* replace existing rule stubs */
    int skip_invalid;          /* generate from the valid files, report the others */
    int check;                 /* write nothing; exit 1 when OUT is stale */
    int color;                 /* colour the findings report */
    FILE *out;                 /* findings and progress (stdout) */
    FILE *err;                 /* errors (stderr) */
    const char *version;
} cg_options;

/* Runs advisor-codegen over PATHS. Returns the exit status: 0, 1 or 2. */
int cg_generate(const cg_options *o, char *const *paths, size_t npaths);

#endif
