/*
 * jsonrpc.h - JSON-RPC 2.0 messages with LSP's Content-Length framing.
 *
 * A message is a header block ("Content-Length: N", other headers
 * ignored, each line ended by CRLF; a bare LF is accepted), an empty
 * line, then N bytes of JSON. The reader takes its bytes from a file
 * descriptor (the server's stdin) or from memory (the fuzz target and
 * tests), through its own buffer, so that it can tell whether more input
 * is already waiting (al_lsp_reader_pending) without blocking.
 *
 * Limits keep a hostile peer from costing unbounded memory: a header
 * line longer than AL_LSP_MAX_HEADER_LINE, more than AL_LSP_MAX_HEADERS
 * lines, a Content-Length that is not a plain decimal number or is above
 * AL_LSP_MAX_MESSAGE, are framing errors. After one the stream cannot be
 * trusted to find the next message, so the server stops.
 */
#ifndef AL_LSP_JSONRPC_H
#define AL_LSP_JSONRPC_H

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>

#define AL_LSP_MAX_HEADER_LINE 1024
#define AL_LSP_MAX_HEADERS 32
#define AL_LSP_MAX_MESSAGE ((size_t)64 << 20)

/* JSON-RPC and LSP error codes. */
enum {
    AL_RPC_PARSE_ERROR = -32700,
    AL_RPC_INVALID_REQUEST = -32600,
    AL_RPC_METHOD_NOT_FOUND = -32601,
    AL_RPC_INVALID_PARAMS = -32602,
    AL_RPC_INTERNAL_ERROR = -32603,
    AL_RPC_SERVER_NOT_INITIALIZED = -32002,
    AL_RPC_REQUEST_FAILED = -32803,
};

typedef struct al_lsp_reader {
    int fd; /* -1: read from mem */
    const char *mem;
    size_t memlen, mempos;
    char buf[65536];
    size_t pos, len; /* unread bytes are buf[pos, len) */
    int eof;
} al_lsp_reader;

void al_lsp_reader_fd(al_lsp_reader *r, int fd);
void al_lsp_reader_memory(al_lsp_reader *r, const char *data, size_t len);

/* Whether a byte of input is ready now (buffered, or readable without waiting). */
int al_lsp_reader_pending(al_lsp_reader *r);

/*
 * Reads the next message's body into *BODY (malloc'd, NUL-terminated,
 * *LEN bytes). Returns 1 with a message, 0 at a clean end of input (EOF
 * between messages), or -1 with a description of the framing error in
 * ERR (ERRLEN bytes): a bad header, or input ending inside a message.
 */
int al_lsp_read(al_lsp_reader *r, char **body, size_t *len, char *err, size_t errlen);

/* Writes MSG framed to OUT and flushes. Returns 0, or -1 when writing failed. */
int al_lsp_write(FILE *out, json_t *msg);

/* {"jsonrpc":"2.0","id":ID,"result":RESULT}; steals RESULT (NULL: null). */
json_t *al_rpc_result(json_t *id, json_t *result);

/* {"jsonrpc":"2.0","id":ID (NULL: null),"error":{"code","message"}}. */
json_t *al_rpc_error(json_t *id, int code, const char *message);

/* {"jsonrpc":"2.0","method":METHOD,"params":PARAMS}; steals PARAMS. */
json_t *al_rpc_notification(const char *method, json_t *params);

#endif
