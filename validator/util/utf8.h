/*
 * utf8.h - the one UTF-8 validator and the one encoder.
 *
 * Validation follows RFC 3629: overlong forms, UTF-16 surrogates
 * (U+D800..U+DFFF) and values past U+10FFFF are refused. al_utf8_seq_len
 * looks at one sequence (the JSON reader checks strings as it decodes them);
 * al_utf8_first_invalid scans a whole buffer, skipping ASCII eight bytes at
 * a time since ASCII is most of every file. The sequence check is inline so
 * that both stay as fast as the hand-written copies they replace.
 */
#ifndef AL_UTF8_H
#define AL_UTF8_H

#include <stddef.h>

/*
 * Length (1 to 4) of the valid UTF-8 sequence at S, of which N >= 1 bytes
 * may be read, or 0 when it is not valid (or cut short by N).
 */
static inline size_t al_utf8_seq_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return (n >= 2 && (s[1] & 0xC0) == 0x80) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0))
            return 0; /* overlong, or a surrogate */
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90))
            return 0; /* overlong, or past U+10FFFF */
        return 4;
    }
    return 0; /* a continuation byte, C0, C1 or F5..FF */
}

/* Offset of the first byte of S (LEN bytes) that starts no valid sequence, or LEN. */
size_t al_utf8_first_invalid(const void *s, size_t len);

/* The longest UTF-8 encoding: al_utf8_encode writes at most this many bytes. */
#define AL_UTF8_MAX 4

/*
 * Writes code point CP (at most 0x10FFFF; the caller has refused lone
 * surrogates where they matter) as UTF-8 into OUT. Returns the byte count.
 */
size_t al_utf8_encode(unsigned long cp, char out[AL_UTF8_MAX]);

#endif
