/*
 * utf8.c - scanning a buffer for invalid UTF-8, and encoding code points.
 *
 * The scan handles ASCII in eight-byte words (one test of the high bits) and
 * everything else with al_utf8_seq_len, so there is one definition of what
 * valid UTF-8 is.
 */
#include "utf8.h"

#include <stdint.h>
#include <string.h>

size_t al_utf8_first_invalid(const void *data, size_t len)
{
    const unsigned char *s = data;
    size_t i = 0;
    while (i < len) {
        size_t n;
        if (s[i] < 0x80) {
            /* ASCII is most of every file: skip it eight bytes at a time */
            uint64_t x;
            i++;
            while (i + 8 <= len) {
                memcpy(&x, s + i, 8);
                if (x & 0x8080808080808080ULL)
                    break;
                i += 8;
            }
            continue;
        }
        n = al_utf8_seq_len(s + i, len - i);
        if (!n)
            return i;
        i += n;
    }
    return len;
}

size_t al_utf8_encode(unsigned long cp, char out[AL_UTF8_MAX])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}
