/*
 * format.c - the built-in "format" checkers and the "format" keyword.
 *
 * Each checker takes the string bytes and length (strings may contain NUL,
 * which no format allows) and follows the grammar of the defining RFC
 * directly: uuid (RFC 4122), uri/uri-reference (RFC 3986, in uri.c), email
 * (RFC 5321 mailbox), hostname (RFC 1123 labels; "xn--" labels are decoded
 * with Punycode and checked against the IDNA2008 rules that matter in
 * practice, using pcre2 Unicode properties), date/time/date-time/duration
 * (RFC 3339), ipv4/ipv6 (RFC 2673 dotted-quad, RFC 4291), regex (ECMA-262,
 * approximated by pcre2 after translation).
 *
 * "format" is an annotation unless the schema was compiled with
 * JSCH_FORMAT_ASSERT or its meta-schema uses the format-assertion vocabulary
 * (compile.c decides); unknown formats are always ignored.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "jsonschema_private.h"

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static bool is_hex(char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Reads exactly n digits at s[*i]. */
static bool digits(const char *s, size_t len, size_t *i, size_t n, int *out)
{
    if (*i + n > len) return false;
    int v = 0;
    for (size_t k = 0; k < n; k++) {
        if (!is_digit(s[*i + k])) return false;
        v = v * 10 + (s[*i + k] - '0');
    }
    *i += n;
    *out = v;
    return true;
}

static bool expect(const char *s, size_t len, size_t *i, char c)
{
    if (*i >= len || s[*i] != c) return false;
    (*i)++;
    return true;
}

/* ---- uuid ---- */

static bool fmt_uuid(const char *s, size_t len, void *ud)
{
    (void)ud;
    if (len != 36) return false;
    for (size_t i = 0; i < 36; i++) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !is_hex(s[i])) return false;
    }
    return true;
}

/* ---- dates and times (RFC 3339) ---- */

static bool leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static bool parse_date(const char *s, size_t len, size_t *i)
{
    static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int y = 0, m = 0, d = 0;
    if (!digits(s, len, i, 4, &y) || !expect(s, len, i, '-') || !digits(s, len, i, 2, &m) ||
        !expect(s, len, i, '-') || !digits(s, len, i, 2, &d))
        return false;
    if (m < 1 || m > 12 || d < 1) return false;
    int max = mdays[m - 1] + (m == 2 && leap_year(y) ? 1 : 0);
    return d <= max;
}

static bool parse_time(const char *s, size_t len, size_t *i)
{
    int h = 0, m = 0, sec = 0, oh = 0, om = 0, sign = 0;
    if (!digits(s, len, i, 2, &h) || !expect(s, len, i, ':') || !digits(s, len, i, 2, &m) ||
        !expect(s, len, i, ':') || !digits(s, len, i, 2, &sec))
        return false;
    if (h > 23 || m > 59 || sec > 60) return false;
    if (*i < len && s[*i] == '.') {
        (*i)++;
        size_t start = *i;
        while (*i < len && is_digit(s[*i]))
            (*i)++;
        if (*i == start) return false;
    }
    if (*i >= len) return false;
    if (s[*i] == 'Z' || s[*i] == 'z') {
        (*i)++;
    } else if (s[*i] == '+' || s[*i] == '-') {
        sign = s[*i] == '+' ? 1 : -1;
        (*i)++;
        if (!digits(s, len, i, 2, &oh) || !expect(s, len, i, ':') || !digits(s, len, i, 2, &om))
            return false;
        if (oh > 23 || om > 59) return false;
    } else {
        return false;
    }
    if (sec == 60) {
        /* a leap second is only valid at 23:59 UTC */
        int utc = ((h * 60 + m - sign * (oh * 60 + om)) % 1440 + 1440) % 1440;
        if (utc != 23 * 60 + 59) return false;
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
    if (!parse_date(s, len, &i)) return false;
    if (i >= len || (s[i] != 'T' && s[i] != 't')) return false;
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
        if (*i >= len) return false;
        const char *u = memchr(units, s[*i], nu);
        if (!u) return false;
        size_t k = (size_t)(u - units);
        if (count && k != last + 1) return false;
        if (!count) first = k;
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
    if (!expect(s, len, &i, 'P') || i >= len) return false;
    /* week form: P n W */
    size_t j = i;
    while (j < len && is_digit(s[j]))
        j++;
    if (j > i && j + 1 == len && s[j] == 'W') return true;
    if (s[i] != 'T') {
        if (!dur_part(s, len, &i, "YMD")) return false;
        if (i == len) return true;
    }
    if (!expect(s, len, &i, 'T')) return false;
    return dur_part(s, len, &i, "HMS") && i == len;
}

/* ---- ip addresses ---- */

bool format_ipv4_valid(const char *s, size_t len)
{
    size_t i = 0;
    for (int part = 0; part < 4; part++) {
        if (part && !expect(s, len, &i, '.')) return false;
        size_t start = i;
        int v = 0;
        while (i < len && is_digit(s[i]) && i - start < 3)
            v = v * 10 + (s[i++] - '0');
        size_t n = i - start;
        if (n == 0 || v > 255 || (n > 1 && s[start] == '0')) return false;
    }
    return i == len;
}

static bool fmt_ipv4(const char *s, size_t len, void *ud)
{
    (void)ud;
    return format_ipv4_valid(s, len);
}

bool format_ipv6_valid(const char *s, size_t len)
{
    int groups = 0;
    bool compressed = false;
    size_t i = 0;
    if (len >= 2 && s[0] == ':' && s[1] == ':') {
        compressed = true;
        i = 2;
        if (i == len) return true;
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
            if (!format_ipv4_valid(s + start, len - start)) return false;
            groups += 2;
            i = len;
            break;
        }
        if (n == 0 || n > 4) return false;
        groups++;
        if (i == len) break;
        if (s[i] != ':') return false;
        i++;
        if (i < len && s[i] == ':') {
            if (compressed) return false;
            compressed = true;
            i++;
            if (i == len) break;
        } else if (i == len) {
            return false; /* trailing single colon */
        }
    }
    return compressed ? groups <= 7 : groups == 8;
}

static bool fmt_ipv6(const char *s, size_t len, void *ud)
{
    (void)ud;
    return format_ipv6_valid(s, len);
}

/* ---- hostname ---- */

/* RFC 3492 Punycode decoding into code points; false when malformed. */
static bool punycode_decode(const char *in, size_t len, uint32_t *out, size_t *outlen, size_t cap)
{
    enum { BASE = 36, TMIN = 1, TMAX = 26, SKEW = 38, DAMP = 700, IBIAS = 72, INITIAL_N = 128 };
    size_t b = 0;
    for (size_t j = 0; j < len; j++)
        if (in[j] == '-') b = j;
    size_t n_out = 0;
    if (b > cap) return false;
    for (size_t j = 0; j < b; j++) {
        if ((unsigned char)in[j] >= 0x80) return false;
        out[n_out++] = (unsigned char)in[j];
    }
    uint32_t n = INITIAL_N, bias = IBIAS;
    uint64_t i = 0;
    for (size_t in_i = b > 0 ? b + 1 : 0; in_i < len;) {
        uint64_t oldi = i, w = 1;
        for (uint32_t k = BASE;; k += BASE) {
            if (in_i >= len) return false;
            char c = in[in_i++];
            uint32_t digit = (c >= '0' && c <= '9')   ? (uint32_t)(c - '0' + 26)
                             : (c >= 'a' && c <= 'z') ? (uint32_t)(c - 'a')
                             : (c >= 'A' && c <= 'Z') ? (uint32_t)(c - 'A')
                                                      : BASE;
            if (digit >= BASE) return false;
            i += digit * w;
            if (i > 0x10FFFF * 64ull) return false;
            uint32_t t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
            if (digit < t) break;
            w *= BASE - t;
            if (w > 0x10FFFF * 64ull) return false;
        }
        /* adapt bias */
        uint64_t delta = (i - oldi) / (oldi == 0 ? DAMP : 2);
        delta += delta / (n_out + 1);
        uint32_t k = 0;
        while (delta > ((BASE - TMIN) * TMAX) / 2) {
            delta /= BASE - TMIN;
            k += BASE;
        }
        bias = (uint32_t)(k + (BASE - TMIN + 1) * delta / (delta + SKEW));
        n += (uint32_t)(i / (n_out + 1));
        i %= (n_out + 1);
        if (n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF) || n_out >= cap) return false;
        memmove(out + i + 1, out + i, (n_out - i) * sizeof *out);
        out[i++] = n;
        n_out++;
    }
    *outlen = n_out;
    return true;
}

enum { P_MARK, P_VALID, P_GREEK, P_HEBREW, P_JAPANESE, P_ARABIC, P_COUNT };
static const char *const prop_src[P_COUNT] = {
    "^\\p{M}$",
    "^[\\p{Ll}\\p{Lo}\\p{Lm}\\p{Mn}\\p{Mc}\\p{Nd}]$",
    "^\\p{Greek}$",
    "^\\p{Hebrew}$",
    "^[\\p{Hiragana}\\p{Katakana}\\p{Han}]$",
    "^[\\p{Arabic}\\p{Syriac}\\p{Nko}]$",
};
static pcre2_code *props[P_COUNT];
static pthread_once_t props_once = PTHREAD_ONCE_INIT;

static void props_init(void)
{
    for (int k = 0; k < P_COUNT; k++) {
        int code;
        PCRE2_SIZE off;
        props[k] = pcre2_compile((PCRE2_SPTR)prop_src[k], PCRE2_ZERO_TERMINATED, PCRE2_UTF, &code,
                                 &off, NULL);
    }
}

/* Does code point cp have property k? */
static bool has_prop(int k, uint32_t cp, pcre2_match_data *md)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return props[k] && pcre2_match(props[k], (PCRE2_SPTR)u, n, 0, 0, md, NULL) >= 0;
}

static bool is_virama(uint32_t cp)
{
    static const uint32_t v[] = {
        0x094D,  0x09CD,  0x0A4D,  0x0ACD,  0x0B4D,  0x0BCD,  0x0C4D,  0x0CCD,  0x0D3B,  0x0D3C,
        0x0D4D,  0x0DCA,  0x0E3A,  0x0EBA,  0x0F84,  0x1039,  0x103A,  0x1714,  0x1734,  0x17D2,
        0x1A60,  0x1B44,  0x1BAA,  0x1BAB,  0x1BF2,  0x1BF3,  0x2D7F,  0xA806,  0xA8C4,  0xA953,
        0xA9C0,  0xAAF6,  0xABED,  0x10A3F, 0x11046, 0x1107F, 0x110B9, 0x11133, 0x11134, 0x111C0,
        0x11235, 0x112EA, 0x1134D, 0x11442, 0x114C2, 0x115BF, 0x1163F, 0x116B6, 0x1172B, 0x11839,
        0x119E0, 0x11A34, 0x11A47, 0x11A99, 0x11C3F, 0x11D44, 0x11D45, 0x11D97,
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        if (v[i] == cp) return true;
    return false;
}

/* IDNA2008 (RFC 5891/5892) checks on a decoded label, approximated with
   Unicode general categories plus the exception and context rules. */
static bool ulabel_ok(const uint32_t *cp, size_t n, pcre2_match_data *md)
{
    if (n == 0) return false;
    if (n >= 4 && cp[2] == '-' && cp[3] == '-') return false;
    if (cp[0] == '-' || cp[n - 1] == '-') return false;
    if (has_prop(P_MARK, cp[0], md)) return false;
    bool arabic_digits = false, ext_digits = false, non_ascii = false;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = cp[i];
        if (c >= 0x80) non_ascii = true;
        if (c >= 0x0660 && c <= 0x0669) arabic_digits = true;
        if (c >= 0x06F0 && c <= 0x06F9) ext_digits = true;
    }
    if (!non_ascii || (arabic_digits && ext_digits)) return false;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = cp[i];
        uint32_t prev = i ? cp[i - 1] : 0, next = i + 1 < n ? cp[i + 1] : 0;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') continue;
        switch (c) {
        case 0x0640:
        case 0x07FA:
        case 0x302E:
        case 0x302F:
        case 0x3031:
        case 0x3032:
        case 0x3033:
        case 0x3034:
        case 0x3035:
        case 0x303B: return false;
        case 0x00DF:
        case 0x03C2:
        case 0x06FD:
        case 0x06FE:
        case 0x0F0B:
        case 0x3007: continue;
        case 0x00B7:
            if (prev != 'l' || next != 'l') return false;
            continue;
        case 0x0375:
            if (!next || !has_prop(P_GREEK, next, md)) return false;
            continue;
        case 0x05F3:
        case 0x05F4:
            if (!prev || !has_prop(P_HEBREW, prev, md)) return false;
            continue;
        case 0x30FB: {
            bool ok = false;
            for (size_t k = 0; k < n; k++)
                if (cp[k] != 0x30FB && has_prop(P_JAPANESE, cp[k], md)) ok = true;
            if (!ok) return false;
            continue;
        }
        case 0x200D:
            if (!is_virama(prev)) return false;
            continue;
        case 0x200C:
            if (is_virama(prev)) continue;
            if (prev && next && has_prop(P_ARABIC, prev, md) && has_prop(P_ARABIC, next, md))
                continue;
            return false;
        default: break;
        }
        if (c >= 0x0660 && c <= 0x0669) continue;
        if (c >= 0x06F0 && c <= 0x06F9) continue;
        if (c < 0x80 || !has_prop(P_VALID, c, md)) return false;
    }
    return true;
}

static bool alabel_ok(const char *s, size_t len)
{
    uint32_t cp[64];
    size_t n;
    if (!punycode_decode(s + 4, len - 4, cp, &n, 64)) return false;
    pthread_once(&props_once, props_init);
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    if (!md) return false;
    bool ok = ulabel_ok(cp, n, md);
    pcre2_match_data_free(md);
    return ok;
}

static bool hostname_valid(const char *s, size_t len)
{
    if (len == 0 || len > 253) return false;
    size_t i = 0;
    while (i <= len) {
        size_t start = i;
        while (i < len && s[i] != '.')
            i++;
        size_t n = i - start;
        const char *l = s + start;
        if (n == 0 || n > 63 || l[0] == '-' || l[n - 1] == '-') return false;
        for (size_t k = 0; k < n; k++) {
            char c = l[k];
            if (!(is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-'))
                return false;
        }
        if (n >= 4 && (l[0] == 'x' || l[0] == 'X') && (l[1] == 'n' || l[1] == 'N') && l[2] == '-' &&
            l[3] == '-' && !alabel_ok(l, n))
            return false;
        if (i == len) break;
        i++; /* '.' */
        if (i == len) return false; /* trailing dot */
    }
    return true;
}

static bool fmt_hostname(const char *s, size_t len, void *ud)
{
    (void)ud;
    return hostname_valid(s, len);
}

/* ---- email (RFC 5321 Mailbox) ---- */

static bool is_atext(char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c && strchr("!#$%&'*+-/=?^_`{|}~", c));
}

static bool local_part_ok(const char *s, size_t len)
{
    if (len == 0) return false;
    if (s[0] == '"') {
        if (len < 2 || s[len - 1] != '"') return false;
        for (size_t i = 1; i < len - 1; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c == '\\') {
                if (++i >= len - 1) return false;
                continue;
            }
            if (c == '"' || c < 32 || c > 126) return false;
        }
        return true;
    }
    if (s[0] == '.' || s[len - 1] == '.') return false;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '.') {
            if (s[i + 1] == '.') return false;
            continue;
        }
        if (!is_atext(s[i])) return false;
    }
    return true;
}

static bool fmt_email(const char *s, size_t len, void *ud)
{
    (void)ud;
    const char *at = NULL;
    for (size_t i = len; i > 0; i--)
        if (s[i - 1] == '@') {
            at = s + i - 1;
            break;
        }
    if (!at) return false;
    size_t llen = (size_t)(at - s);
    const char *d = at + 1;
    size_t dlen = len - llen - 1;
    if (!local_part_ok(s, llen) || dlen == 0) return false;
    if (d[0] == '[') {
        if (d[dlen - 1] != ']') return false;
        if (dlen > 6 && memcmp(d + 1, "IPv6:", 5) == 0) return format_ipv6_valid(d + 6, dlen - 7);
        return format_ipv4_valid(d + 1, dlen - 2);
    }
    return hostname_valid(d, dlen);
}

/* ---- uri, regex ---- */

static bool fmt_uri(const char *s, size_t len, void *ud)
{
    (void)ud;
    return uri_valid(s, len, false);
}

static bool fmt_uri_reference(const char *s, size_t len, void *ud)
{
    (void)ud;
    return uri_valid(s, len, true);
}

static bool fmt_regex(const char *s, size_t len, void *ud)
{
    (void)ud;
    return regex_is_valid_ecma(s, len);
}

static const struct {
    const char *name;
    jsch_format_fn fn;
} builtins[] = {
    { "uuid", fmt_uuid },   { "uri", fmt_uri },           { "uri-reference", fmt_uri_reference },
    { "email", fmt_email }, { "hostname", fmt_hostname }, { "date-time", fmt_date_time },
    { "date", fmt_date },   { "time", fmt_time },         { "duration", fmt_duration },
    { "ipv4", fmt_ipv4 },   { "ipv6", fmt_ipv6 },         { "regex", fmt_regex },
};

jsch_format_fn format_builtin(const char *name)
{
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
        if (strcmp(builtins[i].name, name) == 0) return builtins[i].fn;
    return NULL;
}

bool kw_format(const jsch_vctx *c, const jsch_kw *kw)
{
    if (!json_is_string(c->inst)) return true;
    const char *s = json_string_value(c->inst);
    size_t len = json_string_length(c->inst);
    if (!memchr(s, '\0', len) && kw->u.format.check(s, len, kw->u.format.ud)) return true;
    if (!c->report || !c->st->out) return false;
    jsch_buf b = { 0 };
    msg_value(&b, c->inst);
    buf_adds(&b, " is not a valid ");
    buf_adds(&b, json_string_value(kw->value));
    report_errorv(c, kw->name, buf_cstr(&b));
    buf_free(&b);
    return false;
}
