/*
 * jsonptr.h - escaping and unescaping JSON pointer reference tokens (RFC 6901).
 *
 * A key becomes a token by writing '~' as "~0" and '/' as "~1"; a token
 * becomes a key again by the reverse, where a '~' followed by anything else
 * is kept as it is (a lenient reading: such a pointer is not valid, but the
 * readers never make one and a user's text is better looked up than
 * refused). Walking a pointer into a document needs the document's types,
 * so it stays with the readers (al_json_pointer_get); these are the byte
 * transformations they all share.
 */
#ifndef AL_JSONPTR_H
#define AL_JSONPTR_H

#include <stddef.h>

/*
 * Appends '/' and the escaped form of KEY (LEN bytes) to the NUL-terminated
 * buffer *BUF of capacity *CAP holding *LEN_IO bytes, growing it (through
 * al_grow, from 64 bytes). Returns 0, or -1 when memory ran out (the buffer
 * is then unchanged).
 */
int al_jsonptr_append(char **buf, size_t *cap, size_t *len_io, const char *key, size_t len);

/*
 * Writes '/' and the escaped form of KEY (NUL-terminated) at OUT + AT, in a
 * buffer of N > AT bytes, stopping rather than splitting an escape or
 * overflowing; OUT stays NUL-terminated. Returns the new length of OUT, or
 * N when KEY did not fit whole (OUT then holds the part that did).
 */
size_t al_jsonptr_put(char *out, size_t n, size_t at, const char *key);

/*
 * Unescapes the reference token TOK (LEN bytes, holding no '/') into OUT,
 * writing at most CAP bytes (OUT may be TOK itself: the result is never
 * longer). Returns the whole unescaped length, as snprintf does: more than
 * CAP when OUT was too small. OUT is not NUL-terminated.
 */
size_t al_jsonptr_unescape(const char *tok, size_t len, char *out, size_t cap);

#endif
