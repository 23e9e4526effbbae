/*
 * server.h - the language server's state, shared by its handler files.
 *
 * server.c reads messages and dispatches them (lifecycle, errors),
 * diagnostics.c checks documents and keeps the workspace context,
 * actions.c answers code actions, assist.c hover and completion.
 */
#ifndef AL_LSP_SERVER_H
#define AL_LSP_SERVER_H

#include <jansson.h>
#include <stdio.h>

#include "advisor/lint.h"
#include "documents.h"
#include "jsonrpc.h"
#include "lsp.h"

typedef struct al_lsp_server {
    const al_lsp_options *opts;
    FILE *out;
    al_lsp_reader *in;
    int initialized;   /* initialize answered */
    int shutdown;      /* shutdown received */
    int done;          /* exit received */
    int watch_dynamic; /* the client can register watched files */
    int no_chdir;      /* the fuzz target: never leave the current directory */
    char *root;        /* the workspace folder (absolute), or NULL */
    al_linter *linter;
    al_context *context; /* the workspace's metadata files, or NULL */
    al_lsp_docs docs;
    json_t *schema; /* the linter's schema, parsed when first needed */
    int schema_failed;
} al_lsp_server;

/* Sends MSG (stolen) to the client. */
void al_lsp_send(al_lsp_server *s, json_t *msg);

/* window/logMessage of TYPE (1 error .. 4 log) with a printf-style message. */
void al_lsp_log(al_lsp_server *s, int type, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A JSON string of the text S, with bytes that are not UTF-8 replaced by U+FFFD. */
json_t *al_lsp_string(const char *s);

/* The document params.textDocument.uri names, or NULL (not open, malformed). */
al_lsp_doc *al_lsp_param_doc(al_lsp_server *s, const json_t *params);

/* diagnostics.c */
void al_lsp_check(al_lsp_server *s, al_lsp_doc *doc);      /* check and publish now */
void al_lsp_mark_dirty(al_lsp_server *s, al_lsp_doc *doc); /* check when input is idle */
void al_lsp_check_dirty(al_lsp_server *s);                 /* every document marked */
void al_lsp_clear(al_lsp_server *s, const char *uri);      /* empty diagnostics */
int al_lsp_workspace_open(al_lsp_server *s, char *err, size_t errlen);
void al_lsp_did_save(al_lsp_server *s, const json_t *params);
void al_lsp_did_change_watched(al_lsp_server *s, const json_t *params);
/* The byte span [*OFF, *END) finding F covers in DOC. */
void al_lsp_finding_span(const al_lsp_doc *doc, const al_finding *f, size_t *off, size_t *end);

/* actions.c */
json_t *al_lsp_code_actions(al_lsp_server *s, al_lsp_doc *doc, size_t off, size_t end);

/* assist.c */
json_t *al_lsp_hover(al_lsp_server *s, al_lsp_doc *doc, size_t off);
json_t *al_lsp_completion(al_lsp_server *s, al_lsp_doc *doc, size_t off);

#endif
