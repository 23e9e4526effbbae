/*
 * timespan.c - .NET TimeSpan strings, as refreshInterval uses them.
 *
 * The canonical ("c") form is [-][d.]hh:mm:ss[.fffffff]; .NET also reads
 * the general d:hh:mm:ss and the short hh:mm, which we accept but mark as
 * not canonical. Components are parsed as plain decimal digits, then
 * range-checked the way TimeSpan.Parse does (hours < 24, minutes and
 * seconds < 60).
 */
#include "advisor.h"

#include <stdio.h>
#include <string.h>

static int digits(const char **p, long long *out, int *count)
{
    long long v = 0;
    int n = 0;
    while (**p >= '0' && **p <= '9') {
        if (v > 100000000LL)
            return -1;
        v = v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    *out = v;
    *count = n;
    return n ? 0 : -1;
}

int adv_timespan_parse(const char *s, adv_timespan *out, char *why, size_t n)
{
    const char *p = s;
    long long part[4], frac = 0;
    int nd[4], count = 0, neg = 0, fracdigits = 0, day_dot = 0;
    long long days = 0, h, m, sec = 0;
    double scale = 1.0;

    memset(out, 0, sizeof(*out));
    if (*p == '-') {
        neg = 1;
        p++;
    }
    if (digits(&p, &part[0], &nd[0]) != 0) {
        snprintf(why, n, "expected a time span like 1.00:00:00 ([d.]hh:mm:ss)");
        return -1;
    }
    count = 1;
    if (*p == '.') {
        /* d.hh:mm... */
        day_dot = 1;
        p++;
        days = part[0];
        if (digits(&p, &part[0], &nd[0]) != 0) {
            snprintf(why, n, "expected hours after the days in '%s'", s);
            return -1;
        }
    }
    while (*p == ':' && count < 4) {
        p++;
        if (digits(&p, &part[count], &nd[count]) != 0) {
            snprintf(why, n, "expected digits after ':' in '%s'", s);
            return -1;
        }
        count++;
    }
    if (*p == '.' && count >= 3) {
        p++;
        while (*p >= '0' && *p <= '9') {
            if (fracdigits < 7) {
                frac = frac * 10 + (*p - '0');
                fracdigits++;
            }
            p++;
        }
        if (!fracdigits) {
            snprintf(why, n, "expected fraction digits after '.' in '%s'", s);
            return -1;
        }
    }
    if (*p != '\0') {
        snprintf(why, n, "unexpected '%c' in '%s', expected [d.]hh:mm:ss", *p, s);
        return -1;
    }
    out->canonical = 1;
    if (count == 1) {
        if (day_dot) {
            snprintf(why, n, "expected hh:mm:ss after the days in '%s'", s);
            return -1;
        }
        days = part[0];
        h = m = 0;
        out->canonical = 0;
    } else if (count == 4) {
        if (day_dot) {
            snprintf(why, n, "too many parts in '%s', expected [d.]hh:mm:ss", s);
            return -1;
        }
        days = part[0];
        h = part[1];
        m = part[2];
        sec = part[3];
        out->canonical = 0;
    } else {
        h = part[0];
        m = part[1];
        if (count == 3)
            sec = part[2];
        else
            out->canonical = 0;
    }
    if (h >= 24) {
        if (count == 3 && !day_dot)
            snprintf(
                why, n,
                "hours %lld out of range in '%s', expected 0 to 23 (.NET reads it as %lld days); "
                "write %lld.%02lld:%02lld:%02lld",
                h, s, h, h / 24, h % 24, m, sec);
        else
            snprintf(why, n, "hours %lld out of range in '%s', expected 0 to 23", h, s);
        return -1;
    }
    if (m >= 60) {
        snprintf(why, n, "minutes %lld out of range in '%s', expected 0 to 59", m, s);
        return -1;
    }
    if (sec >= 60) {
        snprintf(why, n, "seconds %lld out of range in '%s', expected 0 to 59", sec, s);
        return -1;
    }
    while (fracdigits-- > 0)
        scale *= 10.0;
    out->seconds = (double)days * 86400.0 + (double)h * 3600.0 + (double)m * 60.0 + (double)sec +
                   (double)frac / scale;
    if (neg)
        out->seconds = -out->seconds;
    return 0;
}
