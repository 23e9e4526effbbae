/*
 * mustache.h - a logic-less template engine (the mustache specification's core:
 * variables, sections, inverted sections, comments, partials, set delimiters).
 *
 * Compile a template once with mst_compile(), then render it any number of times,
 * from any number of threads, against a jansson value with mst_render().
 * Rendering never modifies a compiled template.
 *
 *     mst_error err;
 *     mst_template *t = mst_compile(text, len, "header.h.mustache", &err);
 *     if (!t)
 *         die("%s:%d:%d: %s", err.source, err.line, err.column, err.text);
 *     mst_buffer out;
 *     mst_buffer_init(&out);
 *     mst_options opts = { .escape = mst_escape_c_string };
 *     if (mst_render(t, ctx, &opts, &out, &err) < 0)
 *         ...
 *     fwrite(out.data, 1, out.len, stdout);
 *     mst_buffer_release(&out);
 *     mst_template_free(t);
 *
 * Ownership, said once:
 *   - mst_compile() returns a template the caller owns; free it with mst_template_free().
 *     The template keeps its own copy of the text and name: the caller's may go away.
 *   - An mst_buffer is owned by whoever called mst_buffer_init() on it; it is emptied
 *     with mst_buffer_release(), or its bytes handed over with mst_buffer_detach().
 *   - mst_render() only borrows the context, the options and the partials the lookup
 *     callback hands it; the callback's owner keeps those partials alive during the call.
 *   - mst_error is a caller-owned struct passed last; it may be NULL. It is filled
 *     once, by the failure that stopped the call.
 *
 * Every function returning int returns 0 on success and -1 on failure.
 */
#ifndef MUSTACHE_H
#define MUSTACHE_H

#include <stddef.h>

#include <jansson.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MST_ERROR_SOURCE_LENGTH 80
#define MST_ERROR_TEXT_LENGTH 160

/* How deep partials may nest (a partial including itself stops here) by default. */
#define MST_DEFAULT_MAX_DEPTH 64

/* What went wrong, and where. line and column are 1-based (column counts bytes); both
 * are 0 when the failure is not tied to a place in a template (out of memory).
 * source is the name, as given to mst_compile() and truncated to fit, of the template
 * holding that place (for a render error, possibly a partial);
 * text is a lowercase message without a full stop that quotes its subject,
 * e.g. `unclosed section "items"`. */
typedef struct mst_error {
    int line;
    int column;
    size_t position; /* byte offset of the place in the template's text */
    char source[MST_ERROR_SOURCE_LENGTH];
    char text[MST_ERROR_TEXT_LENGTH];
} mst_error;

/* A growable byte buffer. data is NUL-terminated for convenience when not NULL, but may
 * also hold NUL bytes itself: len is the truth. */
typedef struct mst_buffer {
    char *data;
    size_t len;
    size_t cap;
} mst_buffer;

/* Makes an empty buffer; allocates nothing. */
void mst_buffer_init(mst_buffer *buf);

/* Frees what the buffer holds and leaves it empty and reusable. */
void mst_buffer_release(mst_buffer *buf);

/* Appends len bytes from data. Returns -1 (buffer unchanged) when out of memory. */
int mst_buffer_append(mst_buffer *buf, const char *data, size_t len);

/* Hands the bytes over: returns a NUL-terminated malloc'd string the caller frees
 * (never NULL unless out of memory), stores its length in *len_out when not NULL,
 * and leaves the buffer empty. */
char *mst_buffer_detach(mst_buffer *buf, size_t *len_out);

/* A compiled template; opaque. */
typedef struct mst_template mst_template;

/* Compiles len bytes of text (which may hold NUL bytes) into a template the caller
 * owns. name is used in error messages only and may be NULL ("<template>").
 * Returns NULL and fills err on a compile error (unclosed tag or section, a
 * mismatched section close, a bad set-delimiters tag, an invalid name, sections
 * nested over 256 deep) or when out of memory. */
mst_template *mst_compile(const char *text, size_t len, const char *name, mst_error *err);

/* Frees a template; NULL is fine. */
void mst_template_free(mst_template *tpl);

/* The name given to mst_compile() (never NULL; borrowed from the template). */
const char *mst_template_name(const mst_template *tpl);

/* An escaper: appends text (len bytes, may hold NUL) to out in escaped form.
 * Used for {{name}} tags; {{{name}}} and {{&name}} never escape. Returns -1 only
 * when out of memory. */
typedef int (*mst_escape_fn)(mst_buffer *out, const char *text, size_t len);

/* The escapers provided. */

/* HTML, as the mustache specification requires: & < > " and ' become entities. */
int mst_escape_html(mst_buffer *out, const char *text, size_t len);

/* No escaping: the text is copied as it is. */
int mst_escape_none(mst_buffer *out, const char *text, size_t len);

/* The body of a C string literal: the template puts the quotes around it ("{{x}}")
 * and the compiled literal holds exactly the input bytes. " and \ are escaped,
 * newline, CR and tab become \n \r \t, other control bytes, NUL and every byte
 * >= 0x80 become 3-digit octal escapes (\303\251; octal, because a hex digit after
 * a \x escape would extend it), and "??" becomes "?\?" so no trigraph forms (a '?'
 * first or last is written "\?" too, in case the template puts one next to the tag).
 * Limit: the output is not split, and C11 compilers need only accept literals of
 * 4095 characters; gcc's -Woverlength-strings (part of -pedantic) warns above that
 * even for concatenated literals, so longer data must be emitted another way
 * (e.g. as an array initialiser). */
int mst_escape_c_string(mst_buffer *out, const char *text, size_t len);

/* Text safe inside a C block comment (the template supplies the comment: put a space
 * or other text between the tag and the comment's delimiters, e.g. "/" "* {{x}} *" "/").
 * Newlines and UTF-8 are kept; only what would break the comment changes:
 *   - a "/" after a "*" gets a backslash before it ("*\/"), and so does a "*" after a
 *     "/" ("/\*"), so the comment neither ends early nor opens a nested one;
 *   - "??" followed by one of =(/)'<!>- gets a space after the "??", so no trigraph
 *     forms ("??/" is a backslash, and gcc rejects one that splices lines);
 *   - a backslash at the end of a line (only spaces or tabs after it before a
 *     newline, CR or the end of the text) becomes "\." so it cannot splice lines;
 *   - a NUL byte becomes the two characters "\0" (compilers warn about NUL in source);
 *   - a '/', '*' or '?' first or last gets a space before or after it, so it cannot
 *     pair with the template's text next to the tag. */
int mst_escape_c_comment(mst_buffer *out, const char *text, size_t len);

/* A partial lookup: called for each {{>name}} as it is rendered. Sets *out to the
 * compiled partial named name (borrowed: the callback's owner keeps it alive until
 * mst_render() returns), or to NULL when there is no such partial, which renders as
 * the empty string as the specification requires. Returns -1 after filling err
 * (may be NULL) to stop rendering, e.g. when an override file does not compile. */
typedef int (*mst_partial_fn)(void *data, const char *name, const mst_template **out,
                              mst_error *err);

/* How to render. A zeroed struct (or a NULL pointer) means: HTML escaping, no
 * partials, partials nested at most MST_DEFAULT_MAX_DEPTH deep. */
typedef struct mst_options {
    mst_escape_fn escape;   /* for {{name}}; NULL means mst_escape_html */
    mst_partial_fn partial; /* NULL: every partial renders empty */
    void *partial_data;     /* handed to partial as its first argument */
    unsigned max_depth;     /* partial nesting limit; 0 means MST_DEFAULT_MAX_DEPTH */
} mst_options;

/* Renders tpl against the context ctx (any JSON value; NULL is like null), appending
 * the output to out. Values render as: strings as they are (they may hold NUL),
 * integers in decimal, reals in the shortest form that reads back to the same double
 * ("1.21"; formatted with snprintf, so under the "C" LC_NUMERIC locale, which a
 * program gets unless it calls setlocale), true/false as "true"/"false", null,
 * objects and arrays as "".
 * Sections: false, null, an empty array and a missing name are falsy; an array is
 * iterated, pushing each element; any other value is pushed once.
 * Returns -1 and fills err when a partial nests deeper than the limit
 * (`partial "node" nested too deeply (limit 64)`), when sections and partials nest
 * over 1024 deep together, when the lookup callback fails, or when out of memory;
 * out then holds a partial rendering the caller may discard.
 * Thread-safe for a shared tpl as long as out, err and the callback are safe. */
int mst_render(const mst_template *tpl, const json_t *ctx, const mst_options *opts, mst_buffer *out,
               mst_error *err);

#ifdef __cplusplus
}
#endif

#endif /* MUSTACHE_H */
