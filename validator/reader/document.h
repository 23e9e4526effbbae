/*
 * document.h - one recommendation metadata file, read and located.
 *
 * A Markdown file is a `<properties .../>` header, an H1 title and a JSON
 * body between two `---` fence lines; a bare `.json` or `.yaml`/`.yml` file
 * is a body alone. al_doc_load reads any of them into the same model: the
 * header attributes and title with their offsets, and the body as a jansson
 * value. Positions of body keys and values come from al_doc_index, built on
 * first use only.
 *
 * Problems (syntax errors and the like) go to a callback with their kind
 * (problem.h) and byte offsets; the caller decides which rule reports them
 * and how severely. The reader never prints.
 *
 * Ownership: an al_doc owns its source, attributes, title, body and index.
 */
#ifndef AL_DOCUMENT_H
#define AL_DOCUMENT_H

#include <jansson.h>
#include <stddef.h>

#include "posindex.h"
#include "problem.h"
#include "source.h"

typedef enum al_doc_kind {
    AL_DOC_MARKDOWN,
    AL_DOC_JSON,
    AL_DOC_YAML,
} al_doc_kind;

typedef struct al_attr {
    char *name;       /* owned */
    char *value;      /* owned, as written between the quotes */
    size_t name_off;  /* offset of the name */
    size_t value_off; /* offset of the first character inside the quotes */
    size_t value_end; /* offset of the closing quote */
} al_attr;

/*
 * Called for each problem: its KIND, byte range [OFFSET, END) (END may equal
 * OFFSET), RELATED offset or AL_NO_OFFSET, body JSON POINTER or NULL.
 */
typedef void (*al_doc_problem_fn)(void *ud, al_read_problem kind, size_t offset, size_t end,
                                  size_t related, const char *pointer, const char *message);

typedef struct al_doc_options {
    al_doc_problem_fn problem; /* may be NULL */
    void *ud;
    int keep_all;      /* do not skip files that are not advisor metadata */
    int metadata_path; /* the path says it is advisor metadata (config.h metadata-files):
                                    never skipped; an empty file, no header or another
                                    selfHelpType is reported */
    int header_only;   /* read the header, title and the body's range, but do not
                                    parse the body (body stays NULL; a context reads the few
                                    keys it needs with al_json_scan_members instead) */
} al_doc_options;

typedef struct al_doc {
    al_source src;
    al_doc_kind kind;
    int skipped;             /* not advisor metadata: nothing to check */
    const char *skip_reason; /* static text when skipped */
    int has_header;
    int header_incomplete; /* reading stopped inside the header: its attributes are partial */
    size_t header_off;     /* offset of "<properties" */
    size_t header_end;     /* offset one past "/>" */
    al_attr *attrs;
    size_t nattrs, attrs_cap;
    int has_title;
    char *title;                 /* owned, text after "# ", trimmed */
    size_t title_off;            /* offset of '#' */
    size_t title_text_off;       /* offset of the title text */
    size_t body_start, body_end; /* the body's byte range */
    json_t *body;                /* NULL when unreadable */
    int index_built;
    al_posindex index;
    int fatal; /* reading stopped at a problem */
} al_doc;

/*
 * Reads SRC (taken: the doc owns it from now on, even on failure) as a
 * document of KIND, reporting problems through OPTS. Returns 0 when the
 * file could be read as a document (it may still have problems and a NULL
 * body), -1 on allocation failure.
 */
int al_doc_load(al_doc *doc, al_source *src, al_doc_kind kind, const al_doc_options *opts);

/* Frees everything DOC owns. */
void al_doc_release(al_doc *doc);

/*
 * The kind a path's name says (.md, .markdown, .json, .yaml, .yml), or -1
 * when the name says nothing (the caller may sniff with al_doc_sniff_kind).
 */
int al_doc_kind_from_name(const char *path);

/* Guesses the kind from content: '{' or '[' first is JSON, else Markdown. */
al_doc_kind al_doc_sniff_kind(const char *data, size_t len);

/* The first attribute named NAME (exact case), or NULL. */
const al_attr *al_doc_attr(const al_doc *doc, const char *name);

/* Builds the body position index if needed. Returns it, or NULL when there is no body. */
const al_posindex *al_doc_index(al_doc *doc);

#endif
