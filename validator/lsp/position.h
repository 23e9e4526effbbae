/*
 * position.h - LSP positions (UTF-16) and byte offsets in a document.
 *
 * LSP places text by 0-based line and a character counted in UTF-16 code
 * units, lines ending at "\n", "\r\n" or "\r". advisor-lint counts bytes
 * (al_finding.off/end) and 1-based lines and code-point columns. A
 * character beyond a line's end means the line's end; one inside a
 * surrogate pair means the start of that character. Bytes that are not
 * UTF-8 count one unit each, so any input maps somewhere.
 */
#ifndef AL_LSP_POSITION_H
#define AL_LSP_POSITION_H

#include <stddef.h>

typedef struct al_lsp_lines {
    size_t *starts; /* byte offset of each line's first byte */
    size_t count;   /* at least 1 */
} al_lsp_lines;

/* Line starts of TEXT (LEN bytes). Returns 0, or -1 when memory ran out. */
int al_lsp_lines_build(al_lsp_lines *lines, const char *text, size_t len);
void al_lsp_lines_release(al_lsp_lines *lines);

typedef struct al_lsp_pos {
    long line, character;
} al_lsp_pos;

/* The LSP position of byte OFF (clamped to LEN) of TEXT. */
al_lsp_pos al_lsp_position(const al_lsp_lines *lines, const char *text, size_t len, size_t off);

/* The byte offset of LSP position POS in TEXT (clamped into the text). */
size_t al_lsp_offset(const al_lsp_lines *lines, const char *text, size_t len, al_lsp_pos pos);

/*
 * The byte offset of advisor-lint's 1-based LINE and code-point COLUMN
 * (lines end at "\n"; a leading UTF-8 byte order mark is not a column).
 */
size_t al_lsp_offset_of_column(const char *text, size_t len, int line, int column);

#endif
