/*
 * lsp.h - advisor-lint's language server (advisor-lint --lsp).
 *
 * The server speaks the Language Server Protocol 3.17 (JSON-RPC 2.0 with
 * Content-Length framing) on an input and an output stream: every rule
 * and the schema report on each open document as it is in the editor
 * (textDocument/publishDiagnostics), with quick fixes for the certain
 * fixes and a "suppress RULE for this file" action, hover on body keys
 * and diagnostics, and completion of property names and enum values.
 * The workspace folder is the cross-file rules' context, and its
 * .advisor-lint.yaml applies as on the command line. It is a layer above
 * the public API (include/advisor/), which it uses alone; the tool only
 * calls al_lsp_serve. docs/editors.md says how editors start it.
 */
#ifndef AL_LSP_H
#define AL_LSP_H

#include <stddef.h>
#include <stdio.h>

#include "advisor/lint.h"

typedef struct al_lsp_options {
    al_linter_options linter; /* schema, config (NULL: found from the workspace root),
                                   jobs, cache; borrowed */
    int no_context;           /* compare documents with each other only, not the workspace */
    const char *doc_base;     /* rule documentation URL prefix: href is DOC_BASE + "#" + id */
    const char *version;      /* serverInfo.version */
    al_linter *shared_linter; /* borrowed: check with this linter instead of making one from
                                 LINTER at initialize (the fuzz target), or NULL */
} al_lsp_options;

/*
 * Serves the client on the file descriptor IN (reading) and OUT (writing)
 * until it sends `exit` or the input ends. Returns the exit status the
 * protocol asks for: 0 after `shutdown` then `exit`, 1 otherwise (exit
 * without shutdown, input ending, a framing error: a message on stderr).
 * The process's working directory becomes the workspace folder's.
 */
int al_lsp_serve(const al_lsp_options *opts, int in, FILE *out);

/* The same over LEN bytes of DATA as input (tests, the fuzz target). */
int al_lsp_serve_memory(const al_lsp_options *opts, const char *data, size_t len, FILE *out);

#endif
