/*
 * position.c - UTF-16 positions and byte offsets (position.h).
 *
 * Line starts are found once per document version; a position then costs
 * a binary search and a walk along one line.
 */
#include "position.h"

#include <stdlib.h>
#include <string.h>

int al_lsp_lines_build(al_lsp_lines *lines, const char *text, size_t len)
{
    size_t i, n = 1, k = 0;

    for (i = 0; i < len; i++)
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == len || text[i + 1] != '\n')))
            n++;
    lines->starts = malloc(n * sizeof(*lines->starts));
    lines->count = 0;
    if (!lines->starts)
        return -1;
    lines->starts[k++] = 0;
    for (i = 0; i < len; i++)
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == len || text[i + 1] != '\n')))
            lines->starts[k++] = i + 1;
    lines->count = k;
    return 0;
}

void al_lsp_lines_release(al_lsp_lines *lines)
{
    free(lines->starts);
    lines->starts = NULL;
    lines->count = 0;
}

/* The length of the UTF-8 sequence whose lead byte is C, 1 for a byte that is none. */
static size_t seq_len(unsigned char c)
{
    if (c >= 0xF0 && c <= 0xF4)
        return 4;
    if (c >= 0xE0 && c <= 0xEF)
        return 3;
    if (c >= 0xC2 && c <= 0xDF)
        return 2;
    return 1;
}

/* The character at TEXT[I] as (bytes, UTF-16 units), a malformed sequence one byte. */
static size_t char_at(const char *text, size_t len, size_t i, int *units)
{
    size_t n = seq_len((unsigned char)text[i]), k;
    *units = 1;
    if (i + n > len)
        return 1;
    for (k = 1; k < n; k++)
        if (((unsigned char)text[i + k] & 0xC0) != 0x80)
            return 1;
    if (n == 4)
        *units = 2;
    return n;
}

/* The end of line LI's content (before its line break). */
static size_t line_end(const al_lsp_lines *lines, const char *text, size_t len, size_t li)
{
    size_t end = li + 1 < lines->count ? lines->starts[li + 1] : len;
    if (li + 1 < lines->count) {
        if (text[end - 1] == '\n')
            end--;
        if (end > lines->starts[li] && text[end - 1] == '\r')
            end--;
    }
    return end;
}

al_lsp_pos al_lsp_position(const al_lsp_lines *lines, const char *text, size_t len, size_t off)
{
    al_lsp_pos p;
    size_t lo = 0, hi = lines->count, i, end;

    if (off > len)
        off = len;
    while (hi - lo > 1) { /* the last line starting at or before OFF */
        size_t mid = lo + (hi - lo) / 2;
        if (lines->starts[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    p.line = (long)lo;
    p.character = 0;
    end = line_end(lines, text, len, lo);
    if (off > end)
        off = end;
    for (i = lines->starts[lo]; i < off;) {
        int units;
        size_t n = char_at(text, len, i, &units);
        if (i + n > off) /* OFF inside a character: its start */
            break;
        p.character += units;
        i += n;
    }
    return p;
}

size_t al_lsp_offset(const al_lsp_lines *lines, const char *text, size_t len, al_lsp_pos pos)
{
    size_t i, end;
    long c = 0;

    if (pos.line < 0)
        return 0;
    if ((size_t)pos.line >= lines->count)
        return len;
    i = lines->starts[pos.line];
    end = line_end(lines, text, len, (size_t)pos.line);
    while (i < end && c < pos.character) {
        int units;
        size_t n = char_at(text, len, i, &units);
        if (c + units > pos.character)
            break;
        c += units;
        i += n;
    }
    return i;
}

size_t al_lsp_offset_of_column(const char *text, size_t len, int line, int column)
{
    size_t i = 0;
    int l = 1, c = 1;

    if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
        i = 3;
    while (i < len && l < line) {
        if (text[i++] == '\n')
            l++;
    }
    while (i < len && c < column && text[i] != '\n') {
        i++;
        while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
            i++;
        c++;
    }
    return i;
}
