/*
 * check.c - placing a rule's finding: pointer or attribute to line:column.
 */
#include "check.h"

#include "../reader/json_reader.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int al_check_set_span(al_findings *out, size_t before, const al_source *src, size_t off,
                      size_t end)
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
    fix = al_rule_fix_new(f->rule, src->data, off, end);
    if (!fix)
        return 0;
    free(f->fix);
    f->fix = fix;
    return 0;
}

static void add(al_check *c, const char *rule_id, size_t off, size_t end,
                const char *pointer, const char *msg)
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
        al_check_set_span(c->out, before, &c->doc->src, off, end);
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

void al_check_at_pointer(al_check *c, const char *rule_id, const char *pointer,
                         al_place place, const char *fmt, ...)
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
