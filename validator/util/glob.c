/*
 * glob.c - non-backtracking glob matching (see glob.h for the syntax).
 *
 * The classic wildcard walk that only ever returns to the last star, used
 * twice: once over the characters of a segment ('*'), once over the
 * segments of a path ('**'). Each walk takes time proportional to the
 * pattern's length times its input's, never exponential.
 */
#include "glob.h"

#include <string.h>

/* One segment: '*' any run, '?' one character, anything else itself. */
static int match_segment(const char *p, size_t pn, const char *s, size_t sn)
{
    size_t pi = 0, si = 0, star = (size_t)-1, mark = 0;
    while (si < sn) {
        if (pi < pn && p[pi] == '*') {
            star = pi++;
            mark = si;
        } else if (pi < pn && (p[pi] == '?' || p[pi] == s[si])) {
            pi++;
            si++;
        } else if (star != (size_t)-1) {
            pi = star + 1;
            si = ++mark;
        } else {
            return 0;
        }
    }
    while (pi < pn && p[pi] == '*')
        pi++;
    return pi == pn;
}

/* Length of the segment at S (up to '/' or the end). */
static size_t seg_len(const char *s)
{
    const char *e = strchr(s, '/');
    return e ? (size_t)(e - s) : strlen(s);
}

/* Offset of the segment after the one at OFF in S (skipping empty ones), or the end. */
static size_t next_seg(const char *s, size_t off)
{
    off += seg_len(s + off);
    while (s[off] == '/')
        off++;
    return off;
}

static int is_globstar(const char *p, size_t off)
{
    return seg_len(p + off) == 2 && p[off] == '*' && p[off + 1] == '*';
}

/* Segments: '**' any number of segments; the pattern matches when it ends at a segment boundary. */
static int match_path(const char *p, const char *s)
{
    size_t pi = 0, si = 0, star = (size_t)-1, mark = 0;
    while (p[pi] == '/')
        pi++;
    while (s[si] == '/')
        si++;
    while (s[si]) {
        if (!p[pi])
            return 1; /* a leading directory matched: everything below it does */
        if (is_globstar(p, pi)) {
            star = pi;
            pi = next_seg(p, pi);
            mark = si;
        } else if (match_segment(p + pi, seg_len(p + pi), s + si, seg_len(s + si))) {
            pi = next_seg(p, pi);
            si = next_seg(s, si);
        } else if (star != (size_t)-1) {
            pi = next_seg(p, star);
            mark = next_seg(s, mark);
            si = mark;
        } else {
            return 0;
        }
    }
    while (p[pi] && is_globstar(p, pi))
        pi = next_seg(p, pi);
    return !p[pi];
}

int al_glob_match(const char *pattern, const char *relpath)
{
    const char *seg;
    if (!relpath)
        return 0;
    if (strchr(pattern, '/'))
        return match_path(pattern, relpath);
    /* a name glob matches any segment: the file name or a directory on the way */
    for (seg = relpath; *seg; seg += seg_len(seg) + (seg[seg_len(seg)] == '/'))
        if (match_segment(pattern, strlen(pattern), seg, seg_len(seg)))
            return 1;
    return 0;
}

int al_glob_match_any(char *const *globs, size_t n, const char *relpath)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (al_glob_match(globs[i], relpath))
            return 1;
    return 0;
}
