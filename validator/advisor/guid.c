/*
 * guid.c - GUID form, with the exact reason when it is wrong.
 *
 * The reasons are checked from the outside in (white space, braces, group
 * count, then each group's digits and length), so the message names the
 * first thing a person would fix.
 */
#include "advisor.h"

#include <stdio.h>
#include <string.h>

static int is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int adv_guid_check(const char *s, size_t len, char *why, size_t n)
{
    static const size_t want[5] = { 8, 4, 4, 4, 12 };
    size_t i, groups = 1, glen = 0, g = 0;

    if (len == 0) {
        snprintf(why, n, "is empty");
        return -1;
    }
    if (is_ws(s[0]) || is_ws(s[len - 1])) {
        snprintf(why, n, "is surrounded by white space");
        return -1;
    }
    if (s[0] == '{' || s[len - 1] == '}' || s[0] == '(') {
        snprintf(why, n, "is wrapped in braces");
        return -1;
    }
    for (i = 0; i < len; i++)
        if (s[i] == '-')
            groups++;
    if (groups != 5) {
        snprintf(why, n, "has %zu group%s, expected 5 (8-4-4-4-12 hex digits)", groups,
                 groups == 1 ? "" : "s");
        return -1;
    }
    for (i = 0; i <= len; i++) {
        if (i == len || s[i] == '-') {
            if (glen != want[g]) {
                snprintf(why, n, "has %zu digit%s in group %zu, expected %zu", glen,
                         glen == 1 ? "" : "s", g + 1, want[g]);
                return -1;
            }
            g++;
            glen = 0;
            continue;
        }
        if (!is_hex(s[i])) {
            unsigned char c = (unsigned char)s[i];
            if (c >= 0x20 && c < 0x7F)
                snprintf(why, n, "has '%c' at character %zu, which is not a hex digit", c, i + 1);
            else
                snprintf(why, n, "has byte 0x%02X at character %zu, which is not a hex digit", c,
                         i + 1);
            return -1;
        }
        glen++;
    }
    return 0;
}
