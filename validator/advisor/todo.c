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
#include <strings.h>

static int word_char(unsigned char c)
{
    return isalnum(c) || c == '_';
}

/* Whether a marker starts at S[I] (the four letters are there). */
static int marker_at(const char *s, size_t len, size_t i)
{
    unsigned char next;
    int caps;
    if (strncasecmp(s + i, "todo", 4) != 0)
        return 0;
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

int adv_todo_find(const char *s, size_t len, size_t *at, size_t *mlen)
{
    size_t i, e;
    for (i = 0; i + 4 <= len; i++) {
        if ((s[i] != 't' && s[i] != 'T') || !marker_at(s, len, i))
            continue;
        for (e = i + 4; e < len && word_char((unsigned char)s[e]); e++)
            ;
        *at = i;
        *mlen = e - i;
        return 1;
    }
    return 0;
}
