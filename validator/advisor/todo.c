/*
 * todo.c - placeholder markers left in text.
 *
 * Authors and the scaffolding command mark what is still to write with
 * "TODO": "TODO HERE", "TODO: describe the benefit", and variants seen in
 * real history: "todoLongDesc" (glued to a field name), "Todo DEscription".
 * A marker starts a word (not "mastodon", "autodownload") and does not run
 * on into lowercase letters (not "todos", Spanish for "all"); an uppercase
 * letter after it starts the next word of a camelCase name. "TODO" in
 * capitals followed by another capital ("TODOS") is a word of its own.
 */
#include "advisor.h"

#include <ctype.h>
#include <string.h>

static int word_char(unsigned char c)
{
    return isalnum(c) || c == '_';
}

/* Whether S[I, I+4) spells "todo" in any case (ASCII: OR 0x20 lowers a letter). */
static int todo_at(const char *s, size_t i)
{
    return (s[i] | 0x20) == 't' && (s[i + 1] | 0x20) == 'o' && (s[i + 2] | 0x20) == 'd' &&
           (s[i + 3] | 0x20) == 'o';
}

/* Whether a marker starts at S[I] (the four letters are there). */
static int marker_at(const char *s, size_t len, size_t i)
{
    unsigned char next;
    int caps;
    if (i > 0 && word_char((unsigned char)s[i - 1]))
        return 0;
    if (i + 4 == len)
        return 1;
    next = (unsigned char)s[i + 4];
    caps = isupper((unsigned char)s[i + 1]) && isupper((unsigned char)s[i + 3]);
    if (islower(next))
        return 0;
    if (isupper(next) && caps)
        return 0;
    return 1;
}

/*
 * The next 'd' or 'D' at or after FROM in S[0, LEN), or LEN. *LO and *UP
 * cache the next of each (memchr runs once per occurrence, not per call).
 */
static size_t next_d(const char *s, size_t len, size_t from, size_t *lo, size_t *up)
{
    const char *p;
    if (*lo < from) {
        p = memchr(s + from, 'd', len - from);
        *lo = p ? (size_t)(p - s) : len;
    }
    if (*up < from) {
        p = memchr(s + from, 'D', len - from);
        *up = p ? (size_t)(p - s) : len;
    }
    return *lo < *up ? *lo : *up;
}

/*
 * Markers are rare and text is long, so the scan jumps with memchr from one
 * 'd'/'D' (the third letter of "todo", rarer in prose than 't' or 'o') to
 * the next, and only there looks at the letters around it.
 */
int adv_todo_find(const char *s, size_t len, size_t *at, size_t *mlen)
{
    size_t d, e, lo = 0, up = 0; /* 0: stale, so the first next_d runs both memchr */
    if (len < 4)
        return 0;
    for (d = next_d(s, len, 2, &lo, &up); d + 1 < len; d = next_d(s, len, d + 1, &lo, &up)) {
        size_t i = d - 2; /* "todo" would start here: d is its third letter */
        if (!todo_at(s, i) || !marker_at(s, len, i))
            continue;
        for (e = i + 4; e < len && word_char((unsigned char)s[e]); e++)
            ;
        *at = i;
        *mlen = e - i;
        return 1;
    }
    return 0;
}
