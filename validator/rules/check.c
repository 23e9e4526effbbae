/*
 * check.c - placing a rule's finding: pointer or attribute to line:column.
 */
#include "check.h"

#include "../reader/json_reader.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int al_check_set_span(al_findings *out, size_t before, const al_rule *rule, const al_source *src,
                      size_t off, size_t end)
{
    al_finding *f = out->count > before ? al_findings_last(out) : NULL;
    char *fix;
    if (!f)
        return 0;
    if (off > src->len)
        off = src->len;
    if (end < off || end > src->len)
        end = end < off ? off : src->len;
    f->off = off;
    f->end = end;
    f->fingerprint = al_fingerprint(f->rule, f->pointer, src->data + off, end - off);
    fix = rule->fix && end > off ? rule->fix(src->data, off, end) : NULL;
    if (!fix)
        return 0;
    free(f->fix);
    f->fix = fix;
    return 0;
}

static void add(al_check *c, const char *rule_id, size_t off, size_t end, const char *pointer,
                const char *msg)
{
    const al_rule *rule = al_rule_find(rule_id);
    size_t before = c->out->count;
    al_pos a, b;
    if (!rule)
        return;
    a = al_source_pos(&c->doc->src, off);
    b = al_source_pos(&c->doc->src, end > off ? end : off);
    if (al_findings_add(c->out, c->file, a.line, a.column, b.line, b.column, pointer, rule->id,
                        c->rule == rule && c->severity ? c->severity : rule->severity, msg) != 0)
        c->failed_alloc = 1;
    else
        al_check_set_span(c->out, before, rule, &c->doc->src, off, end);
}

void al_check_at_offset(al_check *c, const char *rule_id, size_t offset, size_t end,
                        const char *pointer, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    add(c, rule_id, offset, end, pointer, msg);
}

void al_check_at_pointer(al_check *c, const char *rule_id, const char *pointer, al_place place,
                         const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    const al_posindex *ix = al_doc_index(c->doc);
    const al_posentry *e = ix ? al_posindex_find_nearest(ix, pointer) : NULL;
    size_t off = c->doc->body_start, end = c->doc->body_start;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (e) {
        int exact = e == al_posindex_find(ix, pointer);
        if (place == AL_AT_KEY && exact && e->key_off != AL_NO_OFFSET) {
            off = e->key_off;
            end = e->val_off;
        } else {
            off = e->val_off;
            end = e->val_end;
        }
    }
    add(c, rule_id, off, end, pointer, msg);
}

/* Length of the UTF-8 encoding of code point CP. */
static size_t utf8_len(unsigned long cp)
{
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

static int hex4(const char *p, const char *end, unsigned long *v)
{
    int i;
    *v = 0;
    if (end - p < 4)
        return -1;
    for (i = 0; i < 4; i++) {
        char ch = p[i];
        int d = ch >= '0' && ch <= '9'   ? ch - '0'
                : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
                : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10
                                         : -1;
        if (d < 0)
            return -1;
        *v = *v * 16 + (unsigned long)d;
    }
    return 0;
}

/*
 * Reads one character of the string literal at *P (before END) as it is
 * spelt in the source: a double-quoted JSON/YAML string (QUOTE '"', escapes),
 * a single-quoted YAML one (QUOTE '\'', '' for '), or a plain scalar (QUOTE
 * 0). Moves *P past it and returns the bytes it stands for in *DEC (LEN in
 * *N; an escape of a non-ASCII character stands for its UTF-8 bytes, not
 * filled in), or -1 at the end of the literal.
 */
static int next_char(const char **p, const char *end, char quote, char *dec, size_t *n)
{
    const char *s = *p;
    unsigned long cp, lo;
    if (s >= end || (quote && *s == quote && !(quote == '\'' && s + 1 < end && s[1] == '\'')))
        return -1;
    *n = 1;
    if (quote == '\'' && *s == '\'') {
        *dec = '\'';
        *p = s + 2;
        return 0;
    }
    if (quote != '"' || *s != '\\') {
        *dec = *s;
        *p = s + 1;
        return 0;
    }
    if (s + 1 >= end)
        return -1;
    switch (s[1]) {
    case 'n': *dec = '\n'; break;
    case 't': *dec = '\t'; break;
    case 'r': *dec = '\r'; break;
    case 'b': *dec = '\b'; break;
    case 'f': *dec = '\f'; break;
    case '"':
    case '\\':
    case '/': *dec = s[1]; break;
    case 'u':
        if (hex4(s + 2, end, &cp) != 0)
            return -1;
        s += 6;
        if (cp >= 0xD800 && cp < 0xDC00 && end - s >= 6 && s[0] == '\\' && s[1] == 'u' &&
            hex4(s + 2, end, &lo) == 0 && lo >= 0xDC00 && lo < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            s += 6;
        }
        *n = utf8_len(cp);
        *dec = cp < 0x80 ? (char)cp : 0;
        *p = s;
        return 0;
    default: return -1;
    }
    *p = s + 2;
    return 0;
}

/*
 * Maps bytes [START, END) of string VALUE (LEN bytes) to the source range
 * [*OFF, *OFF_END) within [VAL_OFF, VAL_END) of SRC. Returns 0, or -1 when
 * the source does not spell VALUE byte for byte.
 */
static int map_string(const al_source *src, size_t val_off, size_t val_end, const char *value,
                      size_t len, size_t start, size_t end, size_t *off, size_t *off_end)
{
    const char *p = src->data + val_off, *lim = src->data + val_end;
    char quote = 0, dec;
    size_t i = 0, n;
    if (p < lim && (*p == '"' || *p == '\''))
        quote = *p++;
    for (;;) {
        const char *at = p;
        if (i == start)
            *off = (size_t)(at - src->data);
        if (i == end) {
            *off_end = (size_t)(at - src->data);
            return 0;
        }
        if (i > len || next_char(&p, lim, quote, &dec, &n) != 0)
            return -1;
        if (i + n > len || (n == 1 && dec != value[i]) || (n > 1 && (unsigned char)value[i] < 0x80))
            return -1;
        if (i < start && i + n > start)
            *off = (size_t)(at - src->data); /* START inside one escape: take all of it */
        i += n;
        if (i > end && i - n < end) {
            *off_end = (size_t)(p - src->data);
            return 0;
        }
    }
}

void al_check_at_string(al_check *c, const char *rule_id, const char *pointer, size_t start,
                        size_t end, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    const al_posindex *ix = al_doc_index(c->doc);
    const al_posentry *e = ix ? al_posindex_find(ix, pointer) : NULL;
    json_t *v = al_check_get(c, pointer);
    size_t off = 0, off_end = 0;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (!e || !json_is_string(v) || start > end ||
        map_string(&c->doc->src, e->val_off, e->val_end, json_string_value(v),
                   json_string_length(v), start, end, &off, &off_end) != 0) {
        al_check_at_pointer(c, rule_id, pointer, AL_AT_VALUE, "%s", msg);
        return;
    }
    add(c, rule_id, off, off_end, pointer, msg);
}

void al_check_at_attr(al_check *c, const char *rule_id, const al_attr *attr, int at_name,
                      const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (at_name)
        add(c, rule_id, attr->name_off, attr->name_off + strlen(attr->name), NULL, msg);
    else
        add(c, rule_id, attr->value_off, attr->value_end, NULL, msg);
}

json_t *al_check_get(const al_check *c, const char *pointer)
{
    return al_json_pointer_get(c->doc->body, pointer);
}

const char *al_check_string(const al_check *c, const char *pointer)
{
    return json_string_value(al_check_get(c, pointer));
}

void al_check_at_title(al_check *c, const char *rule_id, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    size_t off, end;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    off = c->doc->has_title ? c->doc->title_off : c->doc->header_end;
    end = off + (c->doc->title ? strlen(c->doc->title) : 0) + 2;
    add(c, rule_id, off, end, NULL, msg);
}

void al_check_at_header(al_check *c, const char *rule_id, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    add(c, rule_id, c->doc->header_off, c->doc->header_off + 11, NULL, msg);
}

const adv_link *al_check_links(al_check *c, size_t *count)
{
    if (!c->links_listed) {
        c->nlinks = adv_links(c->doc->body, c->links, AL_CHECK_MAX_LINKS);
        c->links_listed = 1;
    }
    *count = c->nlinks;
    return c->links;
}
