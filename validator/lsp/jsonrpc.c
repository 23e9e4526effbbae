/*
 * jsonrpc.c - reading and writing framed JSON-RPC messages (jsonrpc.h).
 *
 * The reader keeps one 64 KiB buffer: header lines are cut from it, and a
 * body is copied out of it and then read straight into its own growing
 * allocation, so a large body costs its size once, and a Content-Length
 * larger than what actually follows costs no more than what arrived.
 */
#include "jsonrpc.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

void al_lsp_reader_fd(al_lsp_reader *r, int fd)
{
    memset(r, 0, sizeof(*r));
    r->fd = fd;
}

void al_lsp_reader_memory(al_lsp_reader *r, const char *data, size_t len)
{
    al_lsp_reader_fd(r, -1);
    r->mem = data;
    r->memlen = len;
}

/* Reads up to N bytes into DST from the source. Returns the count, 0 at EOF, -1 on error. */
static long source_read(al_lsp_reader *r, char *dst, size_t n)
{
    ssize_t got;
    if (r->fd < 0) {
        size_t left = r->memlen - r->mempos;
        if (n > left)
            n = left;
        if (n)
            memcpy(dst, r->mem + r->mempos, n);
        r->mempos += n;
        return (long)n;
    }
    do
        got = read(r->fd, dst, n);
    while (got < 0 && errno == EINTR);
    return (long)got;
}

/* Refills the buffer when it is empty. Returns 1 with bytes, 0 at EOF or on error. */
static int fill(al_lsp_reader *r)
{
    long got;
    if (r->pos < r->len)
        return 1;
    if (r->eof)
        return 0;
    r->pos = r->len = 0;
    got = source_read(r, r->buf, sizeof(r->buf));
    if (got <= 0) {
        r->eof = 1;
        return 0;
    }
    r->len = (size_t)got;
    return 1;
}

int al_lsp_reader_pending(al_lsp_reader *r)
{
    struct pollfd p;
    if (r->pos < r->len)
        return 1;
    if (r->eof)
        return 0;
    if (r->fd < 0)
        return r->mempos < r->memlen;
    p.fd = r->fd;
    p.events = POLLIN;
    p.revents = 0;
    return poll(&p, 1, 0) > 0;
}

/*
 * One header line (without its CRLF or LF) into LINE. Returns 1, 0 at EOF
 * before any byte of it, or -1 (too long, or EOF inside it).
 */
static int read_line(al_lsp_reader *r, char *line, size_t cap, size_t *n)
{
    *n = 0;
    for (;;) {
        char c;
        if (!fill(r))
            return *n == 0 ? 0 : -1;
        c = r->buf[r->pos++];
        if (c == '\n') {
            if (*n && line[*n - 1] == '\r')
                (*n)--;
            line[*n] = '\0';
            return 1;
        }
        if (*n + 1 >= cap)
            return -1;
        line[(*n)++] = c;
    }
}

static void set_err(char *err, size_t errlen, const char *msg)
{
    snprintf(err, errlen, "%s", msg);
}

/* A plain decimal Content-Length value, at most AL_LSP_MAX_MESSAGE. Returns 0 or -1. */
static int parse_length(const char *v, size_t *out)
{
    size_t n = 0;
    while (*v == ' ' || *v == '\t')
        v++;
    if (*v < '0' || *v > '9')
        return -1;
    for (; *v >= '0' && *v <= '9'; v++) {
        n = n * 10 + (size_t)(*v - '0');
        if (n > AL_LSP_MAX_MESSAGE)
            return -1;
    }
    while (*v == ' ' || *v == '\t')
        v++;
    if (*v)
        return -1;
    *out = n;
    return 0;
}

/* The header block: sets *LENGTH. Returns 1, 0 at a clean EOF, -1 with ERR. */
static int read_headers(al_lsp_reader *r, size_t *length, char *err, size_t errlen)
{
    char line[AL_LSP_MAX_HEADER_LINE];
    size_t n, count = 0;
    int have = 0, rc;

    for (;;) {
        rc = read_line(r, line, sizeof(line), &n);
        if (rc == 0 && count == 0)
            return 0;
        if (rc <= 0) {
            set_err(err, errlen,
                    rc == 0 ? "input ended inside a message's headers"
                            : "a header line is too long or input ended inside it");
            return -1;
        }
        if (n == 0 && count == 0)
            continue; /* stray blank lines between messages */
        if (n == 0)
            break;
        if (++count > AL_LSP_MAX_HEADERS) {
            set_err(err, errlen, "too many header lines");
            return -1;
        }
        if (!strncasecmp(line, "Content-Length:", 15)) {
            if (parse_length(line + 15, length) != 0) {
                snprintf(err, errlen,
                         "bad Content-Length '%.40s' (a decimal number of bytes, at most %zu)",
                         line + 15, AL_LSP_MAX_MESSAGE);
                return -1;
            }
            have = 1;
        } else if (!strchr(line, ':')) {
            snprintf(err, errlen, "malformed header line '%.40s'", line);
            return -1;
        }
    }
    if (!have) {
        set_err(err, errlen, "a message without Content-Length");
        return -1;
    }
    return 1;
}

int al_lsp_read(al_lsp_reader *r, char **body, size_t *len, char *err, size_t errlen)
{
    size_t length = 0, have = 0, cap;
    char *b;
    int rc = read_headers(r, &length, err, errlen);

    *body = NULL;
    *len = 0;
    if (rc <= 0)
        return rc;
    cap = length < 65536 ? length : 65536;
    b = malloc(cap + 1);
    if (!b) {
        set_err(err, errlen, "out of memory");
        return -1;
    }
    while (have < length) {
        size_t want = length - have;
        if (r->pos < r->len) {
            size_t take = r->len - r->pos < want ? r->len - r->pos : want;
            if (have + take > cap) {
                char *nb;
                cap = cap * 2 > have + take ? cap * 2 : have + take;
                if (cap > length)
                    cap = length;
                nb = realloc(b, cap + 1);
                if (!nb) {
                    free(b);
                    set_err(err, errlen, "out of memory");
                    return -1;
                }
                b = nb;
            }
            memcpy(b + have, r->buf + r->pos, take);
            r->pos += take;
            have += take;
        } else if (!fill(r)) {
            free(b);
            snprintf(err, errlen, "input ended inside a message (%zu of %zu bytes)", have, length);
            return -1;
        }
    }
    b[length] = '\0';
    *body = b;
    *len = length;
    return 1;
}

int al_lsp_write(FILE *out, json_t *msg)
{
    char *text = json_dumps(msg, JSON_COMPACT | JSON_ENSURE_ASCII);
    size_t n;
    int rc = 0;

    if (!text)
        return -1;
    n = strlen(text);
    if (fprintf(out, "Content-Length: %zu\r\n\r\n", n) < 0 || fwrite(text, 1, n, out) != n ||
        fflush(out) != 0)
        rc = -1;
    free(text);
    return rc;
}

static json_t *envelope(void)
{
    json_t *m = json_object();
    if (m)
        json_object_set_new(m, "jsonrpc", json_string("2.0"));
    return m;
}

json_t *al_rpc_result(json_t *id, json_t *result)
{
    json_t *m = envelope();
    if (!m) {
        json_decref(result);
        return NULL;
    }
    json_object_set(m, "id", id ? id : json_null());
    json_object_set_new(m, "result", result ? result : json_null());
    return m;
}

json_t *al_rpc_error(json_t *id, int code, const char *message)
{
    json_t *m = envelope();
    if (!m)
        return NULL;
    json_object_set(m, "id", id ? id : json_null());
    json_object_set_new(m, "error", json_pack("{s:i,s:s}", "code", code, "message", message));
    return m;
}

json_t *al_rpc_notification(const char *method, json_t *params)
{
    json_t *m = envelope();
    if (!m) {
        json_decref(params);
        return NULL;
    }
    json_object_set_new(m, "method", json_string(method));
    json_object_set_new(m, "params", params ? params : json_object());
    return m;
}
