/*
 * format.c - the built-in "format" checkers and the "format" keyword.
 *
 * Each checker takes the string bytes and length (strings may contain NUL,
 * which no format allows) and follows the grammar of the defining RFC
 * directly: uuid (RFC 4122), uri/uri-reference/iri/iri-reference (RFC 3986
 * and 3987, in uri.c), uri-template (RFC 6570), email/idn-email (RFC 5321,
 * 6531), hostname/idn-hostname (format_hostname.c), date/time/date-time/
 * duration (RFC 3339), ipv4/ipv6 (RFC 2673 dotted-quad, RFC 4291),
 * json-pointer/relative-json-pointer, regex (ECMA-262, approximated by pcre2
 * after translation).
 *
 * "format" is an annotation unless the schema was compiled with
 * JSCH_FORMAT_ASSERT or its meta-schema uses the format-assertion vocabulary
 * (compile.c decides); unknown formats are always ignored.
 */
#include <stdlib.h>
#include <string.h>

#include "jsonschema_private.h"

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_hex(char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Reads exactly n digits at s[*i]. */
static bool digits(const char *s, size_t len, size_t *i, size_t n, int *out)
{
    if (*i + n > len)
        return false;
    int v = 0;
    for (size_t k = 0; k < n; k++) {
        if (!is_digit(s[*i + k]))
            return false;
        v = v * 10 + (s[*i + k] - '0');
    }
    *i += n;
    *out = v;
    return true;
}

static bool expect(const char *s, size_t len, size_t *i, char c)
{
    if (*i >= len || s[*i] != c)
        return false;
    (*i)++;
    return true;
}

/* ---- uuid ---- */

static bool fmt_uuid(const char *s, size_t len, void *ud)
{
    (void)ud;
    if (len != 36)
        return false;
    for (size_t i = 0; i < 36; i++) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !is_hex(s[i]))
            return false;
    }
    return true;
}

/* ---- dates and times (RFC 3339) ---- */

static bool leap_year(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static bool parse_date(const char *s, size_t len, size_t *i)
{
    static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int y = 0, m = 0, d = 0;
    if (!digits(s, len, i, 4, &y) || !expect(s, len, i, '-') || !digits(s, len, i, 2, &m) ||
        !expect(s, len, i, '-') || !digits(s, len, i, 2, &d))
        return false;
    if (m < 1 || m > 12 || d < 1)
        return false;
    int max = mdays[m - 1] + (m == 2 && leap_year(y) ? 1 : 0);
    return d <= max;
}

static bool parse_time(const char *s, size_t len, size_t *i)
{
    int h = 0, m = 0, sec = 0, oh = 0, om = 0, sign = 0;
    if (!digits(s, len, i, 2, &h) || !expect(s, len, i, ':') || !digits(s, len, i, 2, &m) ||
        !expect(s, len, i, ':') || !digits(s, len, i, 2, &sec))
        return false;
    if (h > 23 || m > 59 || sec > 60)
        return false;
    if (*i < len && s[*i] == '.') {
        (*i)++;
        size_t start = *i;
        while (*i < len && is_digit(s[*i]))
            (*i)++;
        if (*i == start)
            return false;
    }
    if (*i >= len)
        return false;
    if (s[*i] == 'Z' || s[*i] == 'z') {
        (*i)++;
    } else if (s[*i] == '+' || s[*i] == '-') {
        sign = s[*i] == '+' ? 1 : -1;
        (*i)++;
        if (!digits(s, len, i, 2, &oh) || !expect(s, len, i, ':') || !digits(s, len, i, 2, &om))
            return false;
        if (oh > 23 || om > 59)
            return false;
    } else {
        return false;
    }
    if (sec == 60) {
        /* a leap second is only valid at 23:59 UTC */
        int utc = ((h * 60 + m - sign * (oh * 60 + om)) % 1440 + 1440) % 1440;
        if (utc != 23 * 60 + 59)
            return false;
    }
    return true;
}

static bool fmt_date(const char *s, size_t len, void *ud)
{
    (void)ud;
    size_t i = 0;
    return parse_date(s, len, &i) && i == len;
}

static bool fmt_time(const char *s, size_t len, void *ud)
{
    (void)ud;
    size_t i = 0;
    return parse_time(s, len, &i) && i == len;
}

static bool fmt_date_time(const char *s, size_t len, void *ud)
{
    (void)ud;
    size_t i = 0;
    if (!parse_date(s, len, &i))
        return false;
    if (i >= len || (s[i] != 'T' && s[i] != 't'))
        return false;
    i++;
    return parse_time(s, len, &i) && i == len;
}

/* RFC 3339 appendix A: P(date[time] | time | week); within date the units
   run Y, M, D and within time H, M, S, each optional but contiguous. */
static bool dur_part(const char *s, size_t len, size_t *i, const char *units)
{
    size_t nu = strlen(units);
    size_t first = nu, last = 0, count = 0;
    while (*i < len && is_digit(s[*i])) {
        while (*i < len && is_digit(s[*i]))
            (*i)++;
        if (*i >= len)
            return false;
        const char *u = memchr(units, s[*i], nu);
        if (!u)
            return false;
        size_t k = (size_t)(u - units);
        if (count && k != last + 1)
            return false;
        if (!count)
            first = k;
        last = k;
        count++;
        (*i)++;
    }
    (void)first;
    return count > 0;
}

static bool fmt_duration(const char *s, size_t len, void *ud)
{
    (void)ud;
    size_t i = 0;
    if (!expect(s, len, &i, 'P') || i >= len)
        return false;
    /* week form: P n W */
    size_t j = i;
    while (j < len && is_digit(s[j]))
        j++;
    if (j > i && j + 1 == len && s[j] == 'W')
        return true;
    if (s[i] != 'T') {
        if (!dur_part(s, len, &i, "YMD"))
            return false;
        if (i == len)
            return true;
    }
    if (!expect(s, len, &i, 'T'))
        return false;
    return dur_part(s, len, &i, "HMS") && i == len;
}

/* ---- ip addresses ---- */

static bool format_ipv4_valid(const char *s, size_t len)
{
    size_t i = 0;
    for (int part = 0; part < 4; part++) {
        if (part && !expect(s, len, &i, '.'))
            return false;
        size_t start = i;
        int v = 0;
        while (i < len && is_digit(s[i]) && i - start < 3)
            v = v * 10 + (s[i++] - '0');
        size_t n = i - start;
        if (n == 0 || v > 255 || (n > 1 && s[start] == '0'))
            return false;
    }
    return i == len;
}

static bool fmt_ipv4(const char *s, size_t len, void *ud)
{
    (void)ud;
    return format_ipv4_valid(s, len);
}

bool jsch__format_ipv6_valid(const char *s, size_t len)
{
    int groups = 0;
    bool compressed = false;
    size_t i = 0;
    if (len >= 2 && s[0] == ':' && s[1] == ':') {
        compressed = true;
        i = 2;
        if (i == len)
            return true;
    } else if (len && s[0] == ':') {
        return false;
    }
    while (i < len) {
        size_t start = i;
        while (i < len && is_hex(s[i]) && i - start < 5)
            i++;
        size_t n = i - start;
        if (i < len && s[i] == '.') {
            /* trailing dotted quad counts as two groups */
            if (!format_ipv4_valid(s + start, len - start))
                return false;
            groups += 2;
            i = len;
            break;
        }
        if (n == 0 || n > 4)
            return false;
        groups++;
        if (i == len)
            break;
        if (s[i] != ':')
            return false;
        i++;
        if (i < len && s[i] == ':') {
            if (compressed)
                return false;
            compressed = true;
            i++;
            if (i == len)
                break;
        } else if (i == len) {
            return false; /* trailing single colon */
        }
    }
    return compressed ? groups <= 7 : groups == 8;
}

static bool fmt_ipv6(const char *s, size_t len, void *ud)
{
    (void)ud;
    return jsch__format_ipv6_valid(s, len);
}

/* ---- hostname (format_hostname.c) ---- */

static bool fmt_hostname(const char *s, size_t len, void *ud)
{
    (void)ud;
    return jsch__format_hostname_valid(s, len, false);
}

static bool fmt_idn_hostname(const char *s, size_t len, void *ud)
{
    (void)ud;
    return jsch__format_hostname_valid(s, len, true);
}

/* ---- email (RFC 5321 Mailbox; idn-email: RFC 6531 adds UTF-8) ---- */

static bool is_atext(char c, bool idn)
{
    if (idn && (unsigned char)c >= 0x80)
        return true;
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c && strchr("!#$%&'*+-/=?^_`{|}~", c));
}

static bool local_part_ok(const char *s, size_t len, bool idn)
{
    if (len == 0 || len > 64)
        return false;
    if (s[0] == '"') {
        if (len < 2 || s[len - 1] != '"')
            return false;
        for (size_t i = 1; i < len - 1; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c == '\\') {
                if (++i >= len - 1)
                    return false;
                continue;
            }
            if (idn && c >= 0x80)
                continue;
            if (c == '"' || c < 32 || c > 126)
                return false;
        }
        return true;
    }
    if (s[0] == '.' || s[len - 1] == '.')
        return false;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '.') {
            if (s[i + 1] == '.')
                return false;
            continue;
        }
        if (!is_atext(s[i], idn))
            return false;
    }
    return true;
}

static bool email_valid(const char *s, size_t len, bool idn)
{
    const char *at = NULL;
    for (size_t i = len; i > 0; i--)
        if (s[i - 1] == '@') {
            at = s + i - 1;
            break;
        }
    if (!at)
        return false;
    size_t llen = (size_t)(at - s);
    const char *d = at + 1;
    size_t dlen = len - llen - 1;
    if (!local_part_ok(s, llen, idn) || dlen == 0)
        return false;
    if (d[0] == '[') {
        if (d[dlen - 1] != ']')
            return false;
        if (dlen > 6 && memcmp(d + 1, "IPv6:", 5) == 0)
            return jsch__format_ipv6_valid(d + 6, dlen - 7);
        return format_ipv4_valid(d + 1, dlen - 2);
    }
    return jsch__format_hostname_valid(d, dlen, idn);
}

static bool fmt_email(const char *s, size_t len, void *ud)
{
    (void)ud;
    return email_valid(s, len, false);
}

static bool fmt_idn_email(const char *s, size_t len, void *ud)
{
    (void)ud;
    return email_valid(s, len, true);
}

/* ---- uri, iri (uri.c), uri-template (RFC 6570) ---- */

static bool fmt_uri(const char *s, size_t len, void *ud)
{
    (void)ud;
    return jsch__uri_valid(s, len, false, false);
}

static bool fmt_uri_reference(const char *s, size_t len, void *ud)
{
    (void)ud;
    return jsch__uri_valid(s, len, true, false);
}

static bool fmt_iri(const char *s, size_t len, void *ud)
{
    (void)ud;
    return jsch__uri_valid(s, len, false, true);
}

static bool fmt_iri_reference(const char *s, size_t len, void *ud)
{
    (void)ud;
    return jsch__uri_valid(s, len, true, true);
}

static bool pct_at(const char *s, size_t len, size_t i)
{
    return s[i] == '%' && i + 2 < len && is_hex(s[i + 1]) && is_hex(s[i + 2]);
}

/* varspec = varname [ ":" max-length / "*" ] ; varname = varchar *( ["."] varchar ) */
static bool template_varspec(const char *s, size_t len, size_t *i)
{
    bool need_char = true;
    size_t start = *i;
    while (*i < len) {
        char c = s[*i];
        if (pct_at(s, len, *i)) {
            *i += 3;
        } else if (is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
            (*i)++;
        } else if (c == '.' && !need_char) {
            (*i)++;
            need_char = true;
            continue;
        } else {
            break;
        }
        need_char = false;
    }
    if (*i == start || need_char)
        return false;
    if (*i < len && s[*i] == '*') {
        (*i)++;
    } else if (*i < len && s[*i] == ':') {
        (*i)++;
        size_t d = *i;
        while (*i < len && is_digit(s[*i]) && *i - d < 5)
            (*i)++;
        if (*i == d || *i - d > 4 || s[d] == '0')
            return false;
    }
    return true;
}

static bool fmt_uri_template(const char *s, size_t len, void *ud)
{
    (void)ud;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c == '{') {
            i++;
            if (i < len && strchr("+#./;?&", s[i]) && s[i])
                i++;
            for (;;) {
                if (!template_varspec(s, len, &i))
                    return false;
                if (i < len && s[i] == ',') {
                    i++;
                    continue;
                }
                break;
            }
            if (i >= len || s[i] != '}')
                return false;
            i++;
        } else if (c == '%') {
            if (!pct_at(s, len, i))
                return false;
            i += 3;
        } else if (c <= 0x20 || c == 0x7F || strchr("\"<>\\^`|}", (char)c)) {
            return false;
        } else {
            i++;
        }
    }
    return true;
}

/* ---- JSON pointers (RFC 6901, relative: draft-handrews-relative-json-pointer) ---- */

static bool pointer_valid(const char *s, size_t len)
{
    if (len > 0 && s[0] != '/')
        return false;
    for (size_t i = 0; i < len; i++)
        if (s[i] == '~' && (i + 1 >= len || (s[i + 1] != '0' && s[i + 1] != '1')))
            return false;
    return true;
}

static bool fmt_json_pointer(const char *s, size_t len, void *ud)
{
    (void)ud;
    return pointer_valid(s, len);
}

static bool fmt_relative_json_pointer(const char *s, size_t len, void *ud)
{
    (void)ud;
    size_t i = 0;
    while (i < len && is_digit(s[i]))
        i++;
    if (i == 0 || (i > 1 && s[0] == '0'))
        return false;
    if (i < len && s[i] == '#')
        return i + 1 == len;
    return pointer_valid(s + i, len - i);
}

/* ---- regex ---- */

static bool fmt_regex(const char *s, size_t len, void *ud)
{
    (void)ud;
    return jsch__regex_is_valid_ecma(s, len);
}

static const struct {
    const char *name;
    jsch_format_fn fn;
} builtins[] = {
    { "uuid", fmt_uuid },
    { "uri", fmt_uri },
    { "uri-reference", fmt_uri_reference },
    { "iri", fmt_iri },
    { "iri-reference", fmt_iri_reference },
    { "uri-template", fmt_uri_template },
    { "email", fmt_email },
    { "idn-email", fmt_idn_email },
    { "hostname", fmt_hostname },
    { "idn-hostname", fmt_idn_hostname },
    { "date-time", fmt_date_time },
    { "date", fmt_date },
    { "time", fmt_time },
    { "duration", fmt_duration },
    { "ipv4", fmt_ipv4 },
    { "ipv6", fmt_ipv6 },
    { "json-pointer", fmt_json_pointer },
    { "relative-json-pointer", fmt_relative_json_pointer },
    { "regex", fmt_regex },
};

jsch_format_fn jsch__format_builtin(const char *name)
{
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
        if (strcmp(builtins[i].name, name) == 0)
            return builtins[i].fn;
    return NULL;
}

bool jsch__kw_format(const jsch_vctx *c, const jsch_kw *kw)
{
    if (!json_is_string(c->inst))
        return true;
    const char *s = json_string_value(c->inst);
    size_t len = json_string_length(c->inst);
    bool nul_ok = kw->u.format.builtin || !memchr(s, '\0', len);
    if (nul_ok && kw->u.format.check(s, len, kw->u.format.ud))
        return true;
    if (!c->report || !c->st->out)
        return false;
    jsch_buf b = { 0 };
    jsch__msg_value(&b, c->inst);
    jsch__buf_adds(&b, " is not a valid ");
    jsch__buf_adds(&b, json_string_value(kw->value));
    jsch__report_errorv(c, kw->name, jsch__buf_cstr(&b));
    jsch__buf_free(&b);
    return false;
}
