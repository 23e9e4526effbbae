/*
 * documents.h - the documents an editor has open, as the editor has them.
 *
 * Each open document keeps its URI, the name it is linted as (a path
 * relative to the workspace root when below it, as a command-line run
 * from the root names it), its text at the latest version the client sent
 * and the findings of the last check of that text (code actions and hover
 * answer from them). Changes are applied in order, whole (full sync) or
 * as a range replaced (incremental sync, UTF-16 positions).
 */
#ifndef AL_LSP_DOCUMENTS_H
#define AL_LSP_DOCUMENTS_H

#include <jansson.h>
#include <stddef.h>

#include "advisor/finding.h"
#include "position.h"

typedef struct al_lsp_doc {
    char *uri;
    char *path; /* the file it is, or NULL for a URI that is not file: */
    char *name; /* the name it is linted as */
    char *text; /* NUL-terminated, LEN bytes */
    size_t len;
    long version;
    al_lsp_lines lines;
    al_findings findings; /* of the last check of TEXT */
    int dirty;            /* changed since its last check */
} al_lsp_doc;

typedef struct al_lsp_docs {
    al_lsp_doc **items;
    size_t count, cap;
} al_lsp_docs;

void al_lsp_docs_init(al_lsp_docs *docs);
void al_lsp_docs_release(al_lsp_docs *docs);

/* The open document URI, or NULL. */
al_lsp_doc *al_lsp_docs_find(const al_lsp_docs *docs, const char *uri);

/*
 * Opens (or reopens) URI with LEN bytes of TEXT at VERSION; ROOT (may be
 * NULL) is the workspace root its name is made relative to. Returns the
 * document, or NULL when memory ran out.
 */
al_lsp_doc *al_lsp_docs_open(al_lsp_docs *docs, const char *uri, const char *root, const char *text,
                             size_t len, long version);

/* Closes URI. Returns 1 when it was open, else 0. */
int al_lsp_docs_close(al_lsp_docs *docs, const char *uri);

/*
 * Applies one TextDocumentContentChangeEvent: {"text"} replaces the
 * whole text, {"range","text"} the range. Returns 0, or -1 with a reason
 * in ERR (a malformed change, memory).
 */
int al_lsp_doc_change(al_lsp_doc *doc, const json_t *change, char *err, size_t errlen);

/* The file path of a file: URI (percent-decoded), or NULL (not file:, memory). */
char *al_lsp_uri_to_path(const char *uri);

/* The file: URI of the absolute PATH (percent-encoded), or NULL when memory ran out. */
char *al_lsp_path_to_uri(const char *path);

/* Reads an LSP Position object into *POS. Returns 0, or -1 when it is not one. */
int al_lsp_pos_from_json(const json_t *j, al_lsp_pos *pos);

/* {"line","character"} */
json_t *al_lsp_pos_json(al_lsp_pos pos);

/* The LSP Range of bytes [OFF, END) of DOC. */
json_t *al_lsp_range_json(const al_lsp_doc *doc, size_t off, size_t end);

#endif
