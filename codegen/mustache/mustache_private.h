/*
 * mustache_private.h - what the engine's files share and nobody else sees: the
 * compiled form of a template, the context stack and the error helper. Prefix mst__
 * (two underscores): the archive is linked into other programs, so every global
 * symbol it defines starts with the public prefix mst_, and what is shared only
 * between the engine's files is told apart by the second underscore; the rest is
 * static. The style/symbols-mustache test checks it with scripts/check-symbols.sh.
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
#define MST__MAX_SECTION_DEPTH 256

/* How deep sections and partials may nest together while rendering. */
#define MST__MAX_RENDER_NESTING 1024

enum mst__kind {
    MST__TEXT,     /* literal bytes: text/len point into the template's source copy */
    MST__INDENT,   /* a line start: emits the current partial indentation, if any */
    MST__VAR,      /* {{name}}: escaped */
    MST__RAW,      /* {{{name}}} or {{&name}}: not escaped */
    MST__SECTION,  /* {{#name}} ... {{/name}} */
    MST__INVERTED, /* {{^name}} ... {{/name}} */
    MST__PARTIAL   /* {{>name}} */
};

struct mst__node {
    enum mst__kind kind;
    const char *text; /* MST__TEXT: the bytes; MST__PARTIAL: its indentation when standalone */
    size_t len;       /* length of text */
    char *name;       /* owned, NUL-terminated; tags other than text and indent */
    size_t name_len;
    size_t end;     /* sections: index one past the body's last node */
    int standalone; /* partials: the tag was alone on its line */
    int line;       /* where the tag starts, for render-time errors */
    int column;
    size_t position;
};

struct mst_template {
    char *name;   /* owned */
    char *source; /* owned copy of the text; MST__TEXT nodes point into it */
    size_t source_len;
    struct mst__node *nodes; /* owned, each node owning its name */
    size_t count;
    size_t cap;
};

/* The context stack: borrowed values, the innermost last. */
struct mst__context {
    const json_t **frames;
    size_t len;
    size_t cap;
};

/* Makes an empty stack; allocates nothing. */
void mst__context_init(struct mst__context *ctx);

/* Frees the stack's array (not the values, which are borrowed). */
void mst__context_release(struct mst__context *ctx);

/* Pushes a borrowed value. Returns -1 when out of memory. */
int mst__context_push(struct mst__context *ctx, const json_t *value);

/* Pops the innermost value. */
void mst__context_pop(struct mst__context *ctx);

/* Resolves a tag name (len bytes, not "" and without empty dot parts) as the spec
 * says: "." is the innermost value; otherwise the first dot part is looked up in
 * each object on the stack from the innermost out, and each further part only in
 * the value found for the one before. Returns the value (borrowed) or NULL. */
const json_t *mst__context_lookup(const struct mst__context *ctx, const char *name, size_t len);

/* Whether a section value counts as false: missing, null, false or an empty array. */
int mst__is_falsy(const json_t *value);

/* Fills err (when not NULL) with a message formatted printf-style, the place and the
 * template name (NULL for none). */
void mst__error_set(mst_error *err, const char *source, int line, int column, size_t position,
                    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* Fills err for an allocation failure, with no place. */
void mst__error_oom(mst_error *err, const char *source);

#endif /* MUSTACHE_PRIVATE_H */
