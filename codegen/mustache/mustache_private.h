/*
 * mustache_private.h - what the engine's files share and nobody else sees: the
 * compiled form of a template, the context stack and the error helper. Prefix mstp_.
 *
 * A compiled template is a flat array of nodes in source order. A section node's
 * body is the nodes after it up to (not including) its `end` index, so rendering
 * a section is rendering a range, and skipping one is a jump.
 */
#ifndef MUSTACHE_PRIVATE_H
#define MUSTACHE_PRIVATE_H

#include <stdarg.h>
#include <stddef.h>

#include "mustache.h"

/* How deep sections may nest in one template; keeps the recursive renderer's stack
 * use bounded whatever the input. */
#define MSTP_MAX_SECTION_DEPTH 256

/* How deep sections and partials may nest together while rendering. */
#define MSTP_MAX_RENDER_NESTING 1024

enum mstp_kind {
    MSTP_TEXT,     /* literal bytes: text/len point into the template's source copy */
    MSTP_INDENT,   /* a line start: emits the current partial indentation, if any */
    MSTP_VAR,      /* {{name}}: escaped */
    MSTP_RAW,      /* {{{name}}} or {{&name}}: not escaped */
    MSTP_SECTION,  /* {{#name}} ... {{/name}} */
    MSTP_INVERTED, /* {{^name}} ... {{/name}} */
    MSTP_PARTIAL   /* {{>name}} */
};

struct mstp_node {
    enum mstp_kind kind;
    const char *text; /* MSTP_TEXT: the bytes; MSTP_PARTIAL: its indentation when standalone */
    size_t len;       /* length of text */
    char *name;       /* owned, NUL-terminated; tags other than text and indent */
    size_t name_len;
    size_t end;       /* sections: index one past the body's last node */
    int standalone;   /* partials: the tag was alone on its line */
    int line;         /* where the tag starts, for render-time errors */
    int column;
    size_t position;
};

struct mst_template {
    char *name;   /* owned */
    char *source; /* owned copy of the text; MSTP_TEXT nodes point into it */
    size_t source_len;
    struct mstp_node *nodes; /* owned, each node owning its name */
    size_t count;
    size_t cap;
};

/* The context stack: borrowed values, the innermost last. */
struct mstp_context {
    const json_t **frames;
    size_t len;
    size_t cap;
};

/* Makes an empty stack; allocates nothing. */
void mstp_context_init(struct mstp_context *ctx);

/* Frees the stack's array (not the values, which are borrowed). */
void mstp_context_release(struct mstp_context *ctx);

/* Pushes a borrowed value. Returns -1 when out of memory. */
int mstp_context_push(struct mstp_context *ctx, const json_t *value);

/* Pops the innermost value. */
void mstp_context_pop(struct mstp_context *ctx);

/* Resolves a tag name (len bytes, not "" and without empty dot parts) as the spec
 * says: "." is the innermost value; otherwise the first dot part is looked up in
 * each object on the stack from the innermost out, and each further part only in
 * the value found for the one before. Returns the value (borrowed) or NULL. */
const json_t *mstp_context_lookup(const struct mstp_context *ctx, const char *name, size_t len);

/* Whether a section value counts as false: missing, null, false or an empty array. */
int mstp_is_falsy(const json_t *value);

/* Fills err (when not NULL) with a message formatted printf-style, the place and the
 * template name (NULL for none). */
void mstp_error_set(mst_error *err, const char *source, int line, int column, size_t position,
                    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* Fills err for an allocation failure, with no place. */
void mstp_error_oom(mst_error *err, const char *source);

#endif /* MUSTACHE_PRIVATE_H */
