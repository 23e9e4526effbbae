/*
 * fuzz_lsp.c - libFuzzer target: the language server's message reader and dispatcher.
 *
 * The input is what a client writes to advisor-lint --lsp, in one of two forms
 * picked by its first byte: even, the rest is the raw byte stream (headers,
 * Content-Length, bodies: the framing is fuzzed); odd, the rest is split at NUL
 * bytes into message bodies the target frames itself (the JSON-RPC shape, the
 * lifecycle and every handler are fuzzed: initialize, didOpen, didChange with
 * ranges, hover, completion, codeAction, shutdown, exit). The server runs in
 * memory (al_lsp_serve_memory: no working directory change, no workspace read,
 * no config) with one linter made once. Beyond "no crash, no leak, no hang",
 * the target asserts the exit status is 0 or 1 and that everything the server
 * wrote is a sequence of framed messages, each one JSON object with
 * "jsonrpc": "2.0".
 */
#include <stdint.h>
#include <stdio.h>

#include <jansson.h>

#include "fuzz_common.h"
#include "lsp/lsp.h"

#define MAX_PARTS 64

static al_linter *linter(void)
{
    static al_linter *l;
    al_linter_options o;
    al_error e;
    if (l)
        return l;
    memset(&o, 0, sizeof(o));
    o.no_config = 1;
    o.jobs = 1;
    l = al_linter_new(&o, &e);
    FUZZ_CHECK(l != NULL);
    return l;
}

/* Everything in OUT[0, LEN) is "Content-Length: N\r\n\r\n" and N bytes of a JSON-RPC object. */
static void check_output(const char *out, size_t len)
{
    size_t pos = 0;
    while (pos < len) {
        unsigned long n;
        int used = 0;
        json_t *msg;
        FUZZ_CHECK(sscanf(out + pos, "Content-Length: %lu\r\n\r\n%n", &n, &used) == 1 && used > 0);
        pos += (size_t)used;
        FUZZ_CHECK(n <= len - pos);
        msg = json_loadb(out + pos, n, 0, NULL);
        FUZZ_CHECK(json_is_object(msg));
        FUZZ_CHECK(json_is_string(json_object_get(msg, "jsonrpc")));
        json_decref(msg);
        pos += n;
    }
}

/* The parts of DATA framed as messages, in a new buffer (*LEN bytes). */
static char *frame_parts(const char *data, size_t size, size_t *len)
{
    fuzz_part parts[MAX_PARTS];
    size_t n = fuzz_split(data, size, parts, MAX_PARTS), i, cap = size + n * 32 + 1, at = 0;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    for (i = 0; i < n; i++) {
        int w = snprintf(buf + at, cap - at, "Content-Length: %zu\r\n\r\n", parts[i].len);
        at += (size_t)w;
        memcpy(buf + at, parts[i].data, parts[i].len);
        at += parts[i].len;
    }
    *len = at;
    return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    al_lsp_options o;
    char *out = NULL, *framed = NULL;
    size_t outlen = 0, inlen;
    const char *in;
    FILE *fp;
    int rc;

    if (size == 0)
        return 0;
    memset(&o, 0, sizeof(o));
    o.no_context = 1;
    o.doc_base = "https://example.invalid/rules.md";
    o.version = "0";
    o.shared_linter = linter();
    if (data[0] & 1) {
        framed = frame_parts((const char *)data + 1, size - 1, &inlen);
        if (!framed)
            return 0;
        in = framed;
    } else {
        in = (const char *)data + 1;
        inlen = size - 1;
    }
    fp = open_memstream(&out, &outlen);
    FUZZ_CHECK(fp != NULL);
    rc = al_lsp_serve_memory(&o, in, inlen, fp);
    FUZZ_CHECK(fclose(fp) == 0);
    FUZZ_CHECK(rc == 0 || rc == 1);
    check_output(out, outlen);
    free(out);
    free(framed);
    return 0;
}
