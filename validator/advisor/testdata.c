/*
 * testdata.c - the CSV of testData rows.
 *
 * Rows are subscriptionId,resourceId[,extended properties]; fields are
 * RFC 4180 (quoted with doubled quotes) except that a field starting with
 * '{' runs to the end of the row, since real files often leave the JSON of
 * the extended properties unquoted, commas and all.
 */
#include "advisor.h"

#include <string.h>

/* Reads one CSV field at *P into OUT; returns -1 on an unclosed quote. */
int adv_csv_field(const char **p, const char *end, char *out, size_t cap, size_t *outlen)
{
    const char *s = *p;
    size_t n = 0;
    while (s < end && (*s == ' ' || *s == '\t'))
        s++;
    if (s < end && *s == '"') {
        s++;
        for (;;) {
            if (s >= end)
                return -1;
            if (*s == '"') {
                if (s + 1 < end && s[1] == '"') {
                    if (n + 1 < cap)
                        out[n++] = '"';
                    s += 2;
                    continue;
                }
                s++;
                break;
            }
            if (n + 1 < cap)
                out[n++] = *s;
            s++;
        }
        while (s < end && *s != ',')
            s++;
    } else if (s < end && *s == '{') {
        /* a bare JSON object: take it whole, commas included */
        const char *start = s;
        s = end;
        while (s > start && (s[-1] == ' ' || s[-1] == '\t' || s[-1] == '\r'))
            s--;
        n = (size_t)(s - start) < cap - 1 ? (size_t)(s - start) : cap - 1;
        memcpy(out, start, n);
        s = end;
    } else {
        while (s < end && *s != ',') {
            if (n + 1 < cap)
                out[n++] = *s;
            s++;
        }
    }
    out[n] = '\0';
    *outlen = n;
    if (s < end && *s == ',')
        s++;
    *p = s;
    return 0;
}
