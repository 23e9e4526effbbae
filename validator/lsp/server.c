/*
 * server.c - the language server's loop: read a message, dispatch it, answer.
 *
 * Lifecycle as LSP 3.17 says: before `initialize` every request is
 * answered ServerNotInitialized and notifications are dropped (but
 * `exit`); after `shutdown` requests are InvalidRequest; `exit` ends the
 * loop, with status 0 only after `shutdown`. A body that is not JSON is a
 * ParseError, a message that is not a request, notification or response
 * an InvalidRequest, an unknown request MethodNotFound; unknown
 * notifications are ignored. A framing error (headers, Content-Length,
 * input ending inside a message) ends the server with status 1: the
 * stream cannot be trusted to find the next message.
 *
 * Documents changed by didChange are checked once the input is idle, so a
 * burst of keystrokes costs one check, and before any request that reads
 * their findings.
 */
#include "server.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void al_lsp_send(al_lsp_server *s, json_t *msg)
{
    if (msg && al_lsp_write(s->out, msg) != 0)
        s->done = 1; /* the client is gone */
    json_decref(msg);
}

json_t *al_lsp_string(const char *text)
{
    json_t *j = json_string(text);
    char *copy;
    size_t i, n;

    if (j || !text)
        return j;
    /* not UTF-8: keep ASCII, replace every other byte */
    n = strlen(text);
    copy = malloc(n * 3 + 1);
    if (!copy)
        return NULL;
    for (i = 0, n = 0; text[i]; i++) {
        if ((unsigned char)text[i] < 0x80) {
            copy[n++] = text[i];
        } else {
            memcpy(copy + n, "\xEF\xBF\xBD", 3);
            n += 3;
        }
    }
    copy[n] = '\0';
    j = json_string(copy);
    free(copy);
    return j;
}

void al_lsp_log(al_lsp_server *s, int type, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    al_lsp_send(s,
                al_rpc_notification("window/logMessage", json_pack("{s:i,s:o}", "type", type,
                                                                   "message", al_lsp_string(buf))));
}

al_lsp_doc *al_lsp_param_doc(al_lsp_server *s, const json_t *params)
{
    const json_t *uri = json_object_get(json_object_get(params, "textDocument"), "uri");
    return json_is_string(uri) ? al_lsp_docs_find(&s->docs, json_string_value(uri)) : NULL;
}

/* An error a request handler returns. */
typedef struct rpc_failure {
    int code;
    char message[1100];
} rpc_failure;

static json_t *fail(rpc_failure *f, int code, const char *message)
{
    f->code = code;
    snprintf(f->message, sizeof(f->message), "%s", message);
    return NULL;
}

static json_t *capabilities(void)
{
    return json_pack("{s:s,s:{s:b,s:i,s:{s:b}},s:{s:[s]},s:b,s:{s:[s,s,s,s],s:b}}",
                     "positionEncoding", "utf-16", "textDocumentSync", "openClose", 1, "change", 2,
                     "save", "includeText", 0, "codeActionProvider", "codeActionKinds", "quickfix",
                     "hoverProvider", 1, "completionProvider", "triggerCharacters", "\"", ":", ",",
                     " ", "resolveProvider", 0);
}

/* The workspace folder initialize names: workspaceFolders[0], else rootUri, else rootPath. */
static char *root_from(const json_t *params)
{
    const json_t *folders = json_object_get(params, "workspaceFolders");
    const json_t *uri = json_object_get(json_array_get(folders, 0), "uri");
    const json_t *root_path = json_object_get(params, "rootPath");

    if (!json_is_string(uri))
        uri = json_object_get(params, "rootUri");
    if (json_is_string(uri))
        return al_lsp_uri_to_path(json_string_value(uri));
    return json_is_string(root_path) && json_string_value(root_path)[0]
               ? strdup(json_string_value(root_path))
               : NULL;
}

static json_t *on_initialize(al_lsp_server *s, json_t *params, rpc_failure *f)
{
    const json_t *watched =
        json_object_get(json_object_get(json_object_get(params, "capabilities"), "workspace"),
                        "didChangeWatchedFiles");
    char err[1024];

    if (s->initialized)
        return fail(f, AL_RPC_INVALID_REQUEST, "initialize was already received");
    s->root = root_from(params);
    s->watch_dynamic = json_is_true(json_object_get(watched, "dynamicRegistration"));
    if (al_lsp_workspace_open(s, err, sizeof(err)) != 0)
        return fail(f, AL_RPC_REQUEST_FAILED, err);
    s->initialized = 1;
    return json_pack("{s:o,s:{s:s,s:s}}", "capabilities", capabilities(), "serverInfo", "name",
                     "advisor-lint", "version", s->opts->version ? s->opts->version : "");
}

static json_t *on_shutdown(al_lsp_server *s, json_t *params, rpc_failure *f)
{
    (void)params;
    (void)f;
    s->shutdown = 1;
    return json_null();
}

/* The byte offset of params.position in DOC, or -1 with F set. */
static int param_offset(al_lsp_doc *doc, const json_t *params, size_t *off, rpc_failure *f)
{
    al_lsp_pos p;
    if (al_lsp_pos_from_json(json_object_get(params, "position"), &p) != 0) {
        fail(f, AL_RPC_INVALID_PARAMS, "params.position is not a Position");
        return -1;
    }
    *off = al_lsp_offset(&doc->lines, doc->text, doc->len, p);
    return 0;
}

/* The document of a request's params, checked if it changed, or NULL with F set. */
static al_lsp_doc *request_doc(al_lsp_server *s, const json_t *params, rpc_failure *f)
{
    al_lsp_doc *doc = al_lsp_param_doc(s, params);
    if (!doc) {
        fail(f, AL_RPC_INVALID_PARAMS, "params.textDocument.uri names no open document");
        return NULL;
    }
    al_lsp_check_dirty(s);
    return doc;
}

static json_t *on_hover(al_lsp_server *s, json_t *params, rpc_failure *f)
{
    size_t off;
    al_lsp_doc *doc = request_doc(s, params, f);
    if (!doc || param_offset(doc, params, &off, f) != 0)
        return NULL;
    return al_lsp_hover(s, doc, off);
}

static json_t *on_completion(al_lsp_server *s, json_t *params, rpc_failure *f)
{
    size_t off;
    al_lsp_doc *doc = request_doc(s, params, f);
    if (!doc || param_offset(doc, params, &off, f) != 0)
        return NULL;
    return al_lsp_completion(s, doc, off);
}

static json_t *on_code_action(al_lsp_server *s, json_t *params, rpc_failure *f)
{
    const json_t *range = json_object_get(params, "range");
    al_lsp_pos a, b;
    al_lsp_doc *doc = request_doc(s, params, f);

    if (!doc)
        return NULL;
    if (al_lsp_pos_from_json(json_object_get(range, "start"), &a) != 0 ||
        al_lsp_pos_from_json(json_object_get(range, "end"), &b) != 0)
        return fail(f, AL_RPC_INVALID_PARAMS, "params.range is not a Range");
    return al_lsp_code_actions(s, doc, al_lsp_offset(&doc->lines, doc->text, doc->len, a),
                               al_lsp_offset(&doc->lines, doc->text, doc->len, b));
}

static void on_did_open(al_lsp_server *s, json_t *params)
{
    const json_t *td = json_object_get(params, "textDocument");
    const json_t *uri = json_object_get(td, "uri"), *text = json_object_get(td, "text");
    const json_t *version = json_object_get(td, "version");
    al_lsp_doc *doc;

    if (!json_is_string(uri) || !json_is_string(text)) {
        al_lsp_log(s, 1, "advisor-lint: didOpen without textDocument.uri and text");
        return;
    }
    doc = al_lsp_docs_open(&s->docs, json_string_value(uri), s->root, json_string_value(text),
                           json_string_length(text),
                           json_is_integer(version) ? (long)json_integer_value(version) : 0);
    if (!doc) {
        al_lsp_log(s, 1, "advisor-lint: out of memory opening %s", json_string_value(uri));
        return;
    }
    al_lsp_mark_dirty(s, doc);
}

static void on_did_change(al_lsp_server *s, json_t *params)
{
    const json_t *changes = json_object_get(params, "contentChanges");
    const json_t *version = json_object_get(json_object_get(params, "textDocument"), "version");
    al_lsp_doc *doc = al_lsp_param_doc(s, params);
    char err[256];
    size_t i;

    if (!doc || !json_is_array(changes)) {
        al_lsp_log(s, 1, "advisor-lint: didChange for a document not open, or without changes");
        return;
    }
    for (i = 0; i < json_array_size(changes); i++) {
        if (al_lsp_doc_change(doc, json_array_get(changes, i), err, sizeof(err)) != 0) {
            al_lsp_log(s, 1, "advisor-lint: %s: %s", doc->uri, err);
            break;
        }
    }
    if (json_is_integer(version))
        doc->version = (long)json_integer_value(version);
    al_lsp_mark_dirty(s, doc);
}

static void on_did_close(al_lsp_server *s, json_t *params)
{
    const json_t *uri = json_object_get(json_object_get(params, "textDocument"), "uri");

    if (!json_is_string(uri))
        return;
    if (al_lsp_docs_close(&s->docs, json_string_value(uri)))
        al_lsp_clear(s, json_string_value(uri));
}

static void on_did_save(al_lsp_server *s, json_t *params)
{
    al_lsp_did_save(s, params);
}

static void on_watched(al_lsp_server *s, json_t *params)
{
    al_lsp_did_change_watched(s, params);
}

static void on_initialized(al_lsp_server *s, json_t *params)
{
    (void)params;
    if (!s->watch_dynamic || !s->root)
        return;
    al_lsp_send(s, json_pack("{s:s,s:s,s:s,s:{s:[{s:s,s:s,s:{s:[{s:s}]}}]}}", "jsonrpc", "2.0",
                             "id", "advisor-lint/watch", "method", "client/registerCapability",
                             "params", "registrations", "id", "advisor-lint/watch", "method",
                             "workspace/didChangeWatchedFiles", "registerOptions", "watchers",
                             "globPattern", "**/*.{md,markdown,json,yaml,yml}"));
}

typedef json_t *(*request_fn)(al_lsp_server *, json_t *, rpc_failure *);
typedef void (*notification_fn)(al_lsp_server *, json_t *);

static const struct {
    const char *method;
    request_fn request;
} requests[] = {
    { "initialize", on_initialize },
    { "shutdown", on_shutdown },
    { "textDocument/hover", on_hover },
    { "textDocument/completion", on_completion },
    { "textDocument/codeAction", on_code_action },
};

static const struct {
    const char *method;
    notification_fn notify;
} notifications[] = {
    { "initialized", on_initialized },           { "textDocument/didOpen", on_did_open },
    { "textDocument/didChange", on_did_change }, { "textDocument/didClose", on_did_close },
    { "textDocument/didSave", on_did_save },     { "workspace/didChangeWatchedFiles", on_watched },
};

static void request(al_lsp_server *s, const char *method, json_t *id, json_t *params)
{
    rpc_failure f = { 0, "" };
    json_t *result;
    size_t i;

    if (!s->initialized && strcmp(method, "initialize") != 0) {
        al_lsp_send(s, al_rpc_error(id, AL_RPC_SERVER_NOT_INITIALIZED,
                                    "the server is not initialized: send initialize first"));
        return;
    }
    if (s->shutdown) {
        al_lsp_send(s, al_rpc_error(id, AL_RPC_INVALID_REQUEST,
                                    "the server is shutting down: only exit is accepted"));
        return;
    }
    for (i = 0; i < sizeof(requests) / sizeof(requests[0]); i++) {
        if (strcmp(method, requests[i].method) != 0)
            continue;
        result = requests[i].request(s, params, &f);
        if (result)
            al_lsp_send(s, al_rpc_result(id, result));
        else
            al_lsp_send(s, al_rpc_error(id, f.code ? f.code : AL_RPC_INTERNAL_ERROR,
                                        f.message[0] ? f.message : "out of memory"));
        return;
    }
    {
        char msg[256];
        snprintf(msg, sizeof(msg), "unknown method '%.200s'", method);
        al_lsp_send(s, al_rpc_error(id, AL_RPC_METHOD_NOT_FOUND, msg));
    }
}

static void notification(al_lsp_server *s, const char *method, json_t *params)
{
    size_t i;

    if (!strcmp(method, "exit")) {
        s->done = 1;
        return;
    }
    if (!s->initialized || s->shutdown)
        return;
    for (i = 0; i < sizeof(notifications) / sizeof(notifications[0]); i++) {
        if (!strcmp(method, notifications[i].method)) {
            notifications[i].notify(s, params);
            return;
        }
    }
}

/* One message's body: parsed, checked for shape, dispatched. */
static void dispatch(al_lsp_server *s, const char *body, size_t len)
{
    json_error_t jerr;
    json_t *msg = json_loadb(body, len, 0, &jerr), *id, *method, *params;

    if (!msg) {
        char text[300];
        snprintf(text, sizeof(text), "parse error: %s (line %d, column %d)", jerr.text, jerr.line,
                 jerr.column);
        al_lsp_send(s, al_rpc_error(NULL, AL_RPC_PARSE_ERROR, text));
        return;
    }
    id = json_object_get(msg, "id");
    method = json_object_get(msg, "method");
    params = json_object_get(msg, "params");
    if (json_is_object(msg) && !method && id &&
        (json_object_get(msg, "result") || json_object_get(msg, "error"))) {
        json_decref(msg); /* a response to our registerCapability */
        return;
    }
    if (!json_is_object(msg) || !json_is_string(method) ||
        (id && !json_is_integer(id) && !json_is_string(id)) ||
        (params && !json_is_object(params) && !json_is_array(params))) {
        al_lsp_send(s, al_rpc_error(id && (json_is_integer(id) || json_is_string(id)) ? id : NULL,
                                    AL_RPC_INVALID_REQUEST,
                                    "not a JSON-RPC request or notification: an object with a "
                                    "string method, an integer or string id, object params"));
        json_decref(msg);
        return;
    }
    if (id)
        request(s, json_string_value(method), id, params);
    else
        notification(s, json_string_value(method), params);
    json_decref(msg);
}

static void server_release(al_lsp_server *s)
{
    al_lsp_docs_release(&s->docs);
    if (s->linter != s->opts->shared_linter)
        al_linter_free(s->linter);
    al_context_free(s->context);
    json_decref(s->schema);
    free(s->root);
}

static int serve(const al_lsp_options *opts, al_lsp_reader *in, FILE *out, int no_chdir)
{
    al_lsp_server s;
    char err[256];
    int rc = 1;

    memset(&s, 0, sizeof(s));
    s.opts = opts;
    s.out = out;
    s.in = in;
    s.no_chdir = no_chdir;
    al_lsp_docs_init(&s.docs);
    while (!s.done) {
        char *body;
        size_t len;
        int got = al_lsp_read(in, &body, &len, err, sizeof(err));
        if (got == 0)
            break;
        if (got < 0) {
            fprintf(stderr, "advisor-lint: --lsp: %s; stopping\n", err);
            break;
        }
        dispatch(&s, body, len);
        free(body);
        if (!s.done && !al_lsp_reader_pending(in))
            al_lsp_check_dirty(&s);
    }
    if (s.done && s.shutdown)
        rc = 0;
    server_release(&s);
    return rc;
}

int al_lsp_serve(const al_lsp_options *opts, int in, FILE *out)
{
    static al_lsp_reader reader; /* 64 KiB: not on the stack */
    al_lsp_reader_fd(&reader, in);
    return serve(opts, &reader, out, 0);
}

int al_lsp_serve_memory(const al_lsp_options *opts, const char *data, size_t len, FILE *out)
{
    al_lsp_reader *reader = malloc(sizeof(*reader));
    int rc;
    if (!reader)
        return 1;
    al_lsp_reader_memory(reader, data, len);
    rc = serve(opts, reader, out, 1);
    free(reader);
    return rc;
}
