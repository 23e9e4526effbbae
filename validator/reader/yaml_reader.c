/*
 * yaml_reader.c - libyaml events to jansson values, with positions.
 *
 * How it works: libyaml's event parser is pulled one event at a time and a
 * recursive builder turns each node into a json_t. libyaml marks count lines
 * and columns from 0, in characters; al_source_offset turns them into byte
 * offsets so YAML positions go through the same index and reporting as
 * JSON. Anchors are kept in a small table (name -> value, and the value's
 * node count with its own aliases expanded) for aliases; the nodes aliases
 * add are summed, so an alias bomb stops at AL_YAML_MAX_EXPANDED.
 */
#include "yaml_reader.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "../util/grow.h"
#include "../util/jsonptr.h"

typedef struct anchor {
    char *name;
    json_t *value;
    size_t nodes; /* nodes of the value with its own aliases expanded */
} anchor;

typedef struct yreader {
    yaml_parser_t parser;
    al_source *src;
    const al_json_options *opts;
    int failed;
    int depth;
    size_t aliases;
    size_t nodes;    /* nodes built so far, aliases counted as expanded */
    size_t expanded; /* nodes aliases added, bounded by AL_YAML_MAX_EXPANDED */
    anchor *anchors;
    size_t nanchors, anchors_cap;
    char *ptr;
    size_t ptr_len, ptr_cap;
} yreader;

static size_t mark_offset(yreader *y, yaml_mark_t m)
{
    return al_source_offset(y->src, (int)m.line + 1, (int)m.column + 1);
}

static void problem_at(yreader *y, al_read_problem kind, size_t at, size_t related, const char *fmt,
                       ...) __attribute__((format(printf, 5, 6)));

#include <stdarg.h>

static void problem_at(yreader *y, al_read_problem kind, size_t at, size_t related, const char *fmt,
                       ...)
{
    char msg[512];
    va_list ap;
    if (kind == AL_READ_JSON_SYNTAX) {
        if (y->failed)
            return;
        y->failed = 1;
    }
    if (!y->opts || !y->opts->problem)
        return;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    y->opts->problem(y->opts->ud, kind, at, related, y->ptr ? y->ptr : "", msg);
}

static int next_event(yreader *y, yaml_event_t *ev)
{
    if (yaml_parser_parse(&y->parser, ev))
        return 0;
    {
        size_t at = mark_offset(y, y->parser.problem_mark);
        const char *what = y->parser.problem ? y->parser.problem : "invalid YAML";
        if (y->parser.context)
            problem_at(y, AL_READ_JSON_SYNTAX, at, AL_NO_OFFSET, "%s %s", y->parser.context, what);
        else
            problem_at(y, AL_READ_JSON_SYNTAX, at, AL_NO_OFFSET, "%s", what);
    }
    return -1;
}

/* ---- scalars ---- */

static int is_plain_int(const char *s)
{
    if (*s == '-' || *s == '+')
        s++;
    if (!*s)
        return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

static int is_plain_float(const char *s)
{
    int digits = 0;
    if (*s == '-' || *s == '+')
        s++;
    while (*s >= '0' && *s <= '9') {
        s++;
        digits++;
    }
    if (*s == '.') {
        s++;
        while (*s >= '0' && *s <= '9') {
            s++;
            digits++;
        }
    }
    if (!digits)
        return 0;
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '-' || *s == '+')
            s++;
        if (*s < '0' || *s > '9')
            return 0;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    return *s == '\0';
}

static json_t *resolve_scalar(const yaml_event_t *ev)
{
    const char *v = (const char *)ev->data.scalar.value;
    size_t n = ev->data.scalar.length;
    const char *tag = (const char *)ev->data.scalar.tag;

    if (tag && strcmp(tag, YAML_STR_TAG) == 0)
        return json_stringn(v, n);
    if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
        return json_stringn(v, n);
    if (strlen(v) != n)
        return json_stringn(v, n);
    if (n == 0 || !strcmp(v, "~") || !strcmp(v, "null") || !strcmp(v, "Null") || !strcmp(v, "NULL"))
        return json_null();
    if (!strcmp(v, "true") || !strcmp(v, "True") || !strcmp(v, "TRUE"))
        return json_true();
    if (!strcmp(v, "false") || !strcmp(v, "False") || !strcmp(v, "FALSE"))
        return json_false();
    if (is_plain_int(v)) {
        char *end;
        long long ll;
        errno = 0;
        ll = strtoll(v, &end, 10);
        if (errno == 0 && *end == '\0')
            return json_integer((json_int_t)ll);
    }
    if (is_plain_float(v)) {
        double d = strtod(v, NULL);
        if (isfinite(d))
            return json_real(d);
    }
    return json_stringn(v, n);
}

/* ---- pointer ---- */

static int push_key(yreader *y, const char *k, size_t n)
{
    if (!y->opts || (!y->opts->index && !y->opts->problem))
        return 0;
    return al_jsonptr_append(&y->ptr, &y->ptr_cap, &y->ptr_len, k, n);
}

static int push_index(yreader *y, size_t i)
{
    char num[32];
    int n = snprintf(num, sizeof(num), "%zu", i);
    if (!y->opts || (!y->opts->index && !y->opts->problem))
        return 0;
    return al_jsonptr_append(&y->ptr, &y->ptr_cap, &y->ptr_len, num, (size_t)n);
}

static void cut(yreader *y, size_t len)
{
    if (y->ptr) {
        y->ptr_len = len;
        y->ptr[len] = '\0';
    }
}

static void record(yreader *y, size_t key_off, size_t start, size_t end)
{
    if (!y->opts || !y->opts->index || y->failed)
        return;
    al_posindex_add(y->opts->index, y->ptr ? y->ptr : "", y->ptr_len, key_off, start, end);
}

/* ---- anchors ---- */

static void remember_anchor(yreader *y, const yaml_char_t *name, json_t *v, size_t nodes)
{
    anchor *na;
    if (!name || !v)
        return;
    if (al_grow(&y->anchors, &y->anchors_cap, y->nanchors + 1, sizeof(*y->anchors), 8) != 0)
        return;
    na = y->anchors;
    na[y->nanchors].name = strdup((const char *)name);
    if (!na[y->nanchors].name)
        return;
    na[y->nanchors].value = json_incref(v);
    na[y->nanchors].nodes = nodes;
    y->nanchors++;
}

static const anchor *find_anchor(yreader *y, const yaml_char_t *name)
{
    size_t i = y->nanchors;
    while (i-- > 0)
        if (strcmp(y->anchors[i].name, (const char *)name) == 0)
            return &y->anchors[i];
    return NULL;
}

/* ---- nodes ---- */

static json_t *parse_node(yreader *y, yaml_event_t *ev, size_t key_off);

static json_t *parse_sequence(yreader *y, size_t base)
{
    json_t *arr = json_array();
    size_t index = 0;
    if (!arr)
        return NULL;
    for (;;) {
        yaml_event_t ev;
        json_t *item;
        if (next_event(y, &ev) != 0)
            goto fail;
        if (ev.type == YAML_SEQUENCE_END_EVENT) {
            yaml_event_delete(&ev);
            return arr;
        }
        if (push_index(y, index) != 0) {
            yaml_event_delete(&ev);
            goto fail;
        }
        item = parse_node(y, &ev, AL_NO_OFFSET);
        cut(y, base);
        if (!item || json_array_append_new(arr, item) != 0)
            goto fail;
        index++;
    }
fail:
    json_decref(arr);
    return NULL;
}

static json_t *parse_mapping(yreader *y, size_t base)
{
    json_t *obj = json_object();
    json_t *offsets = json_object();
    if (!obj || !offsets)
        goto fail;
    for (;;) {
        yaml_event_t ev;
        json_t *val, *seen;
        size_t key_off;
        char *key;
        size_t key_len;

        if (next_event(y, &ev) != 0)
            goto fail;
        if (ev.type == YAML_MAPPING_END_EVENT) {
            yaml_event_delete(&ev);
            json_decref(offsets);
            return obj;
        }
        key_off = mark_offset(y, ev.start_mark);
        if (ev.type != YAML_SCALAR_EVENT) {
            problem_at(y, AL_READ_JSON_SYNTAX, key_off, AL_NO_OFFSET,
                       "mapping keys must be plain strings, not collections or aliases");
            yaml_event_delete(&ev);
            goto fail;
        }
        key_len = ev.data.scalar.length;
        key = malloc(key_len + 1);
        if (!key) {
            yaml_event_delete(&ev);
            goto fail;
        }
        memcpy(key, ev.data.scalar.value, key_len + 1);
        yaml_event_delete(&ev);
        if (push_key(y, key, key_len) != 0) {
            free(key);
            goto fail;
        }
        seen = json_object_getn(offsets, key, key_len);
        if (seen)
            problem_at(y, AL_READ_DUPLICATE_KEY, key_off, (size_t)json_integer_value(seen),
                       "duplicate key \"%.*s\"", (int)(key_len > 60 ? 60 : key_len), key);
        else
            json_object_setn_new(offsets, key, key_len, json_integer((json_int_t)key_off));
        if (next_event(y, &ev) != 0) {
            free(key);
            goto fail;
        }
        val = parse_node(y, &ev, key_off);
        cut(y, base);
        if (!val || json_object_setn_new(obj, key, key_len, val) != 0) {
            free(key);
            goto fail;
        }
        free(key);
    }
fail:
    json_decref(offsets);
    json_decref(obj);
    return NULL;
}

/* Builds the node that EV starts; deletes EV. */
static json_t *parse_node(yreader *y, yaml_event_t *ev, size_t key_off)
{
    size_t start = mark_offset(y, ev->start_mark);
    size_t base = y->ptr_len;
    const yaml_char_t *anchor_name = NULL;
    json_t *v = NULL;

    switch (ev->type) {
    case YAML_SCALAR_EVENT:
        v = resolve_scalar(ev);
        y->nodes++;
        anchor_name = ev->data.scalar.anchor;
        remember_anchor(y, anchor_name, v, 1);
        record(y, key_off, start, mark_offset(y, ev->end_mark));
        yaml_event_delete(ev);
        return v;
    case YAML_ALIAS_EVENT: {
        const anchor *a = find_anchor(y, ev->data.alias.anchor);
        v = a ? a->value : NULL;
        if (!v) {
            problem_at(y, AL_READ_JSON_SYNTAX, start, AL_NO_OFFSET, "unknown alias '*%s'",
                       (const char *)ev->data.alias.anchor);
        } else if (++y->aliases > AL_YAML_MAX_ALIASES) {
            problem_at(y, AL_READ_JSON_SYNTAX, start, AL_NO_OFFSET,
                       "more than %d aliases in one document", AL_YAML_MAX_ALIASES);
            v = NULL;
        } else if (a->nodes > AL_YAML_MAX_EXPANDED - y->expanded) {
            /* shared, the value costs nothing here, but every reader of the
               tree (schema, rules, codegen) walks it expanded */
            problem_at(y, AL_READ_JSON_SYNTAX, start, AL_NO_OFFSET,
                       "aliases expand to more than %d values", AL_YAML_MAX_EXPANDED);
            v = NULL;
        } else {
            y->expanded += a->nodes;
            y->nodes += a->nodes;
            json_incref(v);
            record(y, key_off, start, mark_offset(y, ev->end_mark));
        }
        yaml_event_delete(ev);
        return v;
    }
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT: {
        int is_seq = ev->type == YAML_SEQUENCE_START_EVENT;
        char *aname = NULL;
        size_t nodes_before;
        const yaml_char_t *a =
            is_seq ? ev->data.sequence_start.anchor : ev->data.mapping_start.anchor;
        if (a)
            aname = strdup((const char *)a);
        yaml_event_delete(ev);
        if (y->depth >= AL_JSON_MAX_DEPTH) {
            problem_at(y, AL_READ_JSON_SYNTAX, start, AL_NO_OFFSET, "nesting deeper than %d levels",
                       AL_JSON_MAX_DEPTH);
            free(aname);
            return NULL;
        }
        y->depth++;
        y->nodes++;
        nodes_before = y->nodes;
        v = is_seq ? parse_sequence(y, base) : parse_mapping(y, base);
        y->depth--;
        if (v) {
            remember_anchor(y, (const yaml_char_t *)aname, v, 1 + y->nodes - nodes_before);
            record(y, key_off, start, mark_offset(y, y->parser.mark));
        }
        free(aname);
        return v;
    }
    default:
        problem_at(y, AL_READ_JSON_SYNTAX, start, AL_NO_OFFSET, "unexpected YAML event");
        yaml_event_delete(ev);
        return NULL;
    }
}

json_t *al_yaml_parse(al_source *src, const al_json_options *opts)
{
    yreader y;
    yaml_event_t ev;
    json_t *root = NULL;
    size_t i;

    memset(&y, 0, sizeof(y));
    y.src = src;
    y.opts = opts;
    if (!yaml_parser_initialize(&y.parser))
        return NULL;
    yaml_parser_set_input_string(&y.parser, (const unsigned char *)src->data, src->len);
    if (opts && (opts->index || opts->problem)) {
        y.ptr = malloc(64);
        if (!y.ptr)
            goto done;
        y.ptr[0] = '\0';
        y.ptr_cap = 64;
    }
    /* STREAM-START, DOCUMENT-START */
    if (next_event(&y, &ev) != 0)
        goto done;
    yaml_event_delete(&ev);
    if (next_event(&y, &ev) != 0)
        goto done;
    if (ev.type == YAML_STREAM_END_EVENT) {
        yaml_event_delete(&ev);
        problem_at(&y, AL_READ_JSON_SYNTAX, 0, AL_NO_OFFSET, "the YAML document is empty");
        goto done;
    }
    yaml_event_delete(&ev);
    if (next_event(&y, &ev) != 0)
        goto done;
    root = parse_node(&y, &ev, AL_NO_OFFSET);
    if (!root)
        goto done;
    /* DOCUMENT-END, then STREAM-END: a second document is refused */
    if (next_event(&y, &ev) != 0)
        goto fail;
    yaml_event_delete(&ev);
    if (next_event(&y, &ev) != 0)
        goto fail;
    if (ev.type != YAML_STREAM_END_EVENT) {
        problem_at(&y, AL_READ_JSON_SYNTAX, mark_offset(&y, ev.start_mark), AL_NO_OFFSET,
                   "more than one YAML document in the file");
        yaml_event_delete(&ev);
        goto fail;
    }
    yaml_event_delete(&ev);
    goto done;
fail:
    json_decref(root);
    root = NULL;
done:
    for (i = 0; i < y.nanchors; i++) {
        free(y.anchors[i].name);
        json_decref(y.anchors[i].value);
    }
    free(y.anchors);
    free(y.ptr);
    yaml_parser_delete(&y.parser);
    return root;
}
