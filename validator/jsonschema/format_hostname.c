/*
 * format_hostname.c - the "hostname" and "idn-hostname" formats.
 *
 * A hostname is dot-separated labels of letters, digits and hyphens (RFC 1123),
 * at most 63 octets each and 253 in all. Labels starting "xn--" are A-labels:
 * they are Punycode-decoded (RFC 3492) and must re-encode to themselves and
 * form a valid U-label. idn-hostname also accepts U-labels directly and the
 * ideographic full stops as separators; a U-label counts at the length of its
 * A-label.
 *
 * U-label validity follows IDNA2008 (RFC 5891/5892/5893) as far as Unicode
 * general categories allow: code points must be lowercase/other letters,
 * marks or decimal digits (the derived property table is approximated by
 * these categories), plus the exception list, the CONTEXTO/CONTEXTJ rules and
 * the Bidi rule. Character properties come from pcre2 (\p{...}), compiled
 * once behind pthread_once, so the checks are thread-safe. ASCII hostnames
 * never reach that code.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../util/utf8.h"
#include "jsonschema_private.h"

enum { BASE = 36, TMIN = 1, TMAX = 26, SKEW = 38, DAMP = 700, IBIAS = 72, INITIAL_N = 128 };

#define MAX_LABEL_CPS 256

static uint32_t adapt(uint64_t delta, size_t numpoints, bool first)
{
    delta /= first ? DAMP : 2;
    delta += delta / numpoints;
    uint32_t k = 0;
    while (delta > ((BASE - TMIN) * TMAX) / 2) {
        delta /= BASE - TMIN;
        k += BASE;
    }
    return (uint32_t)(k + (BASE - TMIN + 1) * delta / (delta + SKEW));
}

/* RFC 3492 Punycode decoding into code points; false when malformed. */
static bool punycode_decode(const char *in, size_t len, uint32_t *out, size_t *outlen, size_t cap)
{
    size_t b = 0;
    for (size_t j = 0; j < len; j++)
        if (in[j] == '-')
            b = j;
    size_t n_out = 0;
    if (b > cap)
        return false;
    for (size_t j = 0; j < b; j++) {
        if ((unsigned char)in[j] >= 0x80)
            return false;
        out[n_out++] = (unsigned char)in[j];
    }
    uint32_t n = INITIAL_N, bias = IBIAS;
    uint64_t i = 0;
    for (size_t in_i = b > 0 ? b + 1 : 0; in_i < len;) {
        uint64_t oldi = i, w = 1;
        for (uint32_t k = BASE;; k += BASE) {
            if (in_i >= len)
                return false;
            char c = in[in_i++];
            uint32_t digit = (c >= '0' && c <= '9')   ? (uint32_t)(c - '0' + 26)
                             : (c >= 'a' && c <= 'z') ? (uint32_t)(c - 'a')
                             : (c >= 'A' && c <= 'Z') ? (uint32_t)(c - 'A')
                                                      : BASE;
            if (digit >= BASE)
                return false;
            i += digit * w;
            if (i > 0x10FFFF * 64ull)
                return false;
            uint32_t t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
            if (digit < t)
                break;
            w *= BASE - t;
            if (w > 0x10FFFF * 64ull)
                return false;
        }
        bias = adapt(i - oldi, n_out + 1, oldi == 0);
        n += (uint32_t)(i / (n_out + 1));
        i %= (n_out + 1);
        if (n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF) || n_out >= cap)
            return false;
        memmove(out + i + 1, out + i, (n_out - i) * sizeof *out);
        out[i++] = n;
        n_out++;
    }
    *outlen = n_out;
    return true;
}

/* RFC 3492 encoding of n code points; returns the length written to out
   (lowercase), or 0 when it would not fit in cap. */
static size_t punycode_encode(const uint32_t *in, size_t n, char *out, size_t cap)
{
    size_t o = 0, basic = 0;
    for (size_t j = 0; j < n; j++) {
        if (in[j] >= 0x80)
            continue;
        if (o >= cap)
            return 0;
        out[o++] = (char)in[j];
        basic++;
    }
    size_t h = basic;
    if (basic > 0) {
        if (o >= cap)
            return 0;
        out[o++] = '-';
    }
    uint32_t m, next = INITIAL_N, bias = IBIAS;
    uint64_t delta = 0;
    while (h < n) {
        m = 0x7FFFFFFF;
        for (size_t j = 0; j < n; j++)
            if (in[j] >= next && in[j] < m)
                m = in[j];
        delta += (uint64_t)(m - next) * (h + 1);
        next = m;
        for (size_t j = 0; j < n; j++) {
            if (in[j] < next)
                delta++;
            if (in[j] != next)
                continue;
            uint64_t q = delta;
            for (uint32_t k = BASE;; k += BASE) {
                uint32_t t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
                if (q < t)
                    break;
                uint32_t d = (uint32_t)(t + (q - t) % (BASE - t));
                if (o >= cap)
                    return 0;
                out[o++] = (char)(d < 26 ? 'a' + d : '0' + d - 26);
                q = (q - t) / (BASE - t);
            }
            if (o >= cap)
                return 0;
            out[o++] = (char)(q < 26 ? 'a' + q : '0' + q - 26);
            bias = adapt(delta, h + 1, h == basic);
            delta = 0;
            h++;
        }
        delta++;
        next++;
    }
    return o;
}

enum {
    P_MARK,
    P_VALID,
    P_GREEK,
    P_HEBREW,
    P_JAPANESE,
    P_ARABIC,
    B_L,
    B_R,
    B_AL,
    B_AN,
    B_EN,
    B_ES,
    B_CS,
    B_ET,
    B_ON,
    B_BN,
    B_NSM,
    P_COUNT
};
static const char *const prop_src[P_COUNT] = {
    "^\\p{M}$",
    "^[\\p{Ll}\\p{Lo}\\p{Lm}\\p{Mn}\\p{Mc}\\p{Nd}]$",
    "^\\p{Greek}$",
    "^\\p{Hebrew}$",
    "^[\\p{Hiragana}\\p{Katakana}\\p{Han}]$",
    "^[\\p{Arabic}\\p{Syriac}\\p{Nko}]$",
    "^\\p{bc=L}$",
    "^\\p{bc=R}$",
    "^\\p{bc=AL}$",
    "^\\p{bc=AN}$",
    "^\\p{bc=EN}$",
    "^\\p{bc=ES}$",
    "^\\p{bc=CS}$",
    "^\\p{bc=ET}$",
    "^\\p{bc=ON}$",
    "^\\p{bc=BN}$",
    "^\\p{bc=NSM}$",
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
    char u[AL_UTF8_MAX];
    size_t n = al_utf8_encode(cp, u);
    return props[k] && pcre2_match(props[k], (PCRE2_SPTR)u, n, 0, 0, md, NULL) >= 0;
}

/* The Bidi class of cp (B_L ... B_NSM), or -1 for the others. */
static int bidi_class(uint32_t cp, pcre2_match_data *md)
{
    for (int k = B_L; k <= B_NSM; k++)
        if (has_prop(k, cp, md))
            return k;
    return -1;
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
        if (v[i] == cp)
            return true;
    return false;
}

/* IDNA2008 (RFC 5891/5892) checks on a decoded label, approximated with
   Unicode general categories plus the exception and context rules. */
static bool ulabel_ok(const uint32_t *cp, size_t n, pcre2_match_data *md)
{
    if (n == 0)
        return false;
    if (n >= 4 && cp[2] == '-' && cp[3] == '-')
        return false;
    if (cp[0] == '-' || cp[n - 1] == '-')
        return false;
    if (has_prop(P_MARK, cp[0], md))
        return false;
    bool arabic_digits = false, ext_digits = false, non_ascii = false;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = cp[i];
        if (c >= 0x80)
            non_ascii = true;
        if (c >= 0x0660 && c <= 0x0669)
            arabic_digits = true;
        if (c >= 0x06F0 && c <= 0x06F9)
            ext_digits = true;
    }
    if (!non_ascii || (arabic_digits && ext_digits))
        return false;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = cp[i];
        uint32_t prev = i ? cp[i - 1] : 0, next = i + 1 < n ? cp[i + 1] : 0;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
            continue;
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
            if (prev != 'l' || next != 'l')
                return false;
            continue;
        case 0x0375:
            if (!next || !has_prop(P_GREEK, next, md))
                return false;
            continue;
        case 0x05F3:
        case 0x05F4:
            if (!prev || !has_prop(P_HEBREW, prev, md))
                return false;
            continue;
        case 0x30FB: {
            bool ok = false;
            for (size_t k = 0; k < n; k++)
                if (cp[k] != 0x30FB && has_prop(P_JAPANESE, cp[k], md))
                    ok = true;
            if (!ok)
                return false;
            continue;
        }
        case 0x200D:
            if (!is_virama(prev))
                return false;
            continue;
        case 0x200C:
            if (is_virama(prev))
                continue;
            if (prev && next && has_prop(P_ARABIC, prev, md) && has_prop(P_ARABIC, next, md))
                continue;
            return false;
        default: break;
        }
        if (c >= 0x0660 && c <= 0x0669)
            continue;
        if (c >= 0x06F0 && c <= 0x06F9)
            continue;
        if (c < 0x80 || !has_prop(P_VALID, c, md))
            return false;
    }
    return true;
}

/* RFC 5893 section 2, for every label of a domain that has RTL labels. */
static bool bidi_label_ok(const uint32_t *cp, size_t n, pcre2_match_data *md)
{
    int first = bidi_class(cp[0], md);
    if (first != B_L && first != B_R && first != B_AL)
        return false;
    bool rtl = first != B_L, en = false, an = false;
    int last = -1;
    for (size_t i = 0; i < n; i++) {
        int b = bidi_class(cp[i], md);
        if (rtl) {
            if (b == B_L || b < 0)
                return false;
        } else if (b == B_R || b == B_AL || b == B_AN || b < 0) {
            return false;
        }
        en |= b == B_EN;
        an |= b == B_AN;
        if (b != B_NSM)
            last = b;
    }
    if (rtl)
        return (last == B_R || last == B_AL || last == B_EN || last == B_AN) && !(en && an);
    return last == B_L || last == B_EN;
}

/* Decodes UTF-8 (valid, as jansson guarantees) into code points. */
static size_t utf8_decode(const char *s, size_t len, uint32_t *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n < cap;) {
        unsigned char c = (unsigned char)s[i];
        int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
        uint32_t cp = extra == 0 ? c : extra == 1 ? c & 0x1Fu : extra == 2 ? c & 0x0Fu : c & 0x07u;
        if (i + (size_t)extra >= len + (extra == 0))
            return 0;
        for (int k = 1; k <= extra; k++)
            cp = (cp << 6) | ((unsigned char)s[i + k] & 0x3Fu);
        out[n++] = cp;
        i += (size_t)extra + 1;
    }
    return n;
}

/* Length of the label separator at s[i] (0 if none): '.', and for IDNs
   U+3002, U+FF0E, U+FF61. */
static size_t separator(const char *s, size_t len, size_t i, bool idn)
{
    if (s[i] == '.')
        return 1;
    if (!idn || i + 3 > len)
        return 0;
    const unsigned char *u = (const unsigned char *)s + i;
    if ((u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x82) ||
        (u[0] == 0xEF && u[1] == 0xBC && u[2] == 0x8E) ||
        (u[0] == 0xEF && u[1] == 0xBD && u[2] == 0xA1))
        return 3;
    return 0;
}

typedef struct label {
    size_t cp_start, ncp;
    bool unicode;
} label;

static bool is_ldh(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
}

/* Checks one label; appends its code points (decoded for A-labels) to cps
   and returns its length in A-label form, or 0 when invalid. */
static size_t check_label(const char *l, size_t n, bool idn, uint32_t *cps, size_t *ncps,
                          size_t cap, label *out, pcre2_match_data **md)
{
    bool ascii = true;
    for (size_t k = 0; k < n; k++)
        if ((unsigned char)l[k] >= 0x80)
            ascii = false;
    out->cp_start = *ncps;
    if (ascii) {
        if (n == 0 || n > 63 || l[0] == '-' || l[n - 1] == '-')
            return 0;
        for (size_t k = 0; k < n; k++)
            if (!is_ldh(l[k]))
                return 0;
        bool alabel =
            n >= 4 && (l[0] | 0x20) == 'x' && (l[1] | 0x20) == 'n' && l[2] == '-' && l[3] == '-';
        if (!alabel) {
            for (size_t k = 0; k < n && *ncps < cap; k++)
                cps[(*ncps)++] = (unsigned char)l[k];
            out->ncp = n;
            out->unicode = false;
            return n;
        }
        size_t m;
        if (!punycode_decode(l + 4, n - 4, cps + *ncps, &m, cap - *ncps))
            return 0;
        /* the A-label must be the canonical encoding of what it decodes to */
        char re[64];
        size_t rl = punycode_encode(cps + *ncps, m, re, sizeof re);
        if (rl != n - 4)
            return 0;
        for (size_t k = 0; k < rl; k++) {
            char c = l[4 + k];
            if (c >= 'A' && c <= 'Z')
                c = (char)(c + 32);
            if (c != re[k])
                return 0;
        }
        out->ncp = m;
    } else {
        if (!idn)
            return 0;
        out->ncp = utf8_decode(l, n, cps + *ncps, cap - *ncps);
        if (out->ncp == 0)
            return 0;
        char re[64];
        size_t rl = punycode_encode(cps + *ncps, out->ncp, re, sizeof re);
        if (rl == 0 || rl + 4 > 63)
            return 0;
        n = rl + 4;
    }
    out->unicode = true;
    pthread_once(&props_once, props_init);
    if (!*md && !(*md = pcre2_match_data_create(1, NULL)))
        return 0;
    if (!ulabel_ok(cps + out->cp_start, out->ncp, *md))
        return 0;
    *ncps += out->ncp;
    return n;
}

static bool is_rtl_domain(const uint32_t *cps, size_t n, pcre2_match_data *md)
{
    for (size_t i = 0; i < n; i++) {
        if (cps[i] < 0x80)
            continue;
        int b = bidi_class(cps[i], md);
        if (b == B_R || b == B_AL || b == B_AN)
            return true;
    }
    return false;
}

bool jsch__format_hostname_valid(const char *s, size_t len, bool idn)
{
    if (len == 0 || len > 253 * 4)
        return false;
    uint32_t cps[1024];
    label labels[128];
    size_t ncps = 0, nlabels = 0, total = 0;
    bool unicode = false, ok = true;
    pcre2_match_data *md = NULL;
    size_t i = 0;
    while (ok) {
        size_t start = i, sep = 0;
        while (i < len && !(sep = separator(s, len, i, idn)))
            i++;
        if (nlabels == sizeof labels / sizeof labels[0]) {
            ok = false;
            break;
        }
        label *lb = &labels[nlabels++];
        size_t alen = check_label(s + start, i - start, idn, cps, &ncps, 1024, lb, &md);
        if (alen == 0) {
            ok = false;
            break;
        }
        unicode |= lb->unicode;
        total += alen + (nlabels > 1);
        if (i == len)
            break;
        i += sep;
        if (i == len)
            ok = false; /* trailing separator */
    }
    ok = ok && total <= 253;
    if (ok && unicode && is_rtl_domain(cps, ncps, md)) {
        for (size_t k = 0; k < nlabels && ok; k++)
            ok = bidi_label_ok(cps + labels[k].cp_start, labels[k].ncp, md);
    }
    if (md)
        pcre2_match_data_free(md);
    return ok;
}
