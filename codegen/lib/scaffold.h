/*
 * scaffold.h - `advisor-codegen new`: a new recommendation's metadata files,
 * one per cloud group, valid at birth except for the TODO markers a person
 * has to replace; or new per-cloud variants of an existing one.
 *
 * The content tree (ROOT) is read first, as the cross-file rules read it,
 * for the friendly names, articleIds and the folder that holds the
 * resource type. Nothing is written when a name or id is taken (status 1,
 * naming the other file) or a file to create exists (status 2): every file
 * is written to a temporary name in its folder, then linked to its final
 * name (which never replaces a file) and the temporary name removed; on any
 * failure the files already placed are removed again.
 */
#ifndef CG_SCAFFOLD_H
#define CG_SCAFFOLD_H

#include <stdio.h>

typedef struct cg_new_options {
    const char *root;          /* the content tree (required) */
    const char *name;          /* the title: pageTitle, # Title, displayLabel */
    const char *resource_type; /* Namespace.Provider/type */
    const char *category;      /* as given (any case); checked here */
    const char *impact;        /* as given; checked here */
    const char *data_source;   /* as given; NULL: Kusto */
    const char *clouds;        /* "Public,Fairfax,Mooncake" as given; checked here */
    const char *folder;        /* NULL: the tree's folder for the type, else the convention */
    const char *friendly_name; /* NULL: PascalCase of name */
    const char *variant_of;    /* not NULL: make variants of this file for CLOUDS */
    const char *out_dir;       /* not NULL: also generate the rule stub, header and test here */
    const char *version;       /* the tool's, for generated files */
    FILE *out;                 /* the created paths, one per line */
    FILE *err;                 /* messages */
} cg_new_options;

/*
 * Runs `new`. The flags' values are checked first (an unknown category,
 * impact, data source or cloud, a malformed resource type: status 2 with a
 * message saying what is expected). Returns the exit status: 0 created, 1 taken in the tree, 2 usage or I/O. */
int cg_new(const cg_new_options *o);

#endif
