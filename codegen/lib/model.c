/*
 * model.c - metadata to template context.
 *
 * How it works: for every object of the body a shallow copy ("rest") is
 * made; each modelled field is taken out of the rest as it is converted, so
 * what remains at the end is exactly what the model does not know, and it
 * is kept as JSON text. Strings carry their length (they may hold NUL) and
 * an id; those too long for a C literal are listed once in "long_strings"
 * as byte arrays.
 */
#include "model.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "advisor/advisor.h"
#include "mustache.h"
#include "names.h"

/* ---- values ---- */

static json_t *absent(void)
{
    return json_pack("{s:b}", "present", 0);
}

static json_t *str_ctx(cg_model *m, const char *s, size_t len)
{
    json_t *o = json_object();
    size_t id = m->next_string_id++;
    if (!o)
        return NULL;
    json_object_set_new(o, "present", json_true());
    json_object_set_new(o, "s", json_stringn_nocheck(s, len));
    json_object_set_new(o, "len", json_integer((json_int_t)len));
    json_object_set_new(o, "id", json_integer((json_int_t)id));
    json_object_set_new(o, "long", json_boolean(len > CG_LONG_STRING));
    if (len > CG_LONG_STRING) {
        /* bytes as a C initializer list, NUL-terminated */
        /* octal character constants: plain numbers above 127 would overflow a signed char */
        size_t cap = len * 8 + 8, w = 0, i;
        char *bytes = malloc(cap);
        if (!bytes)
            return o;
        for (i = 0; i < len; i++) {
            w += (size_t)snprintf(bytes + w, cap - w, "'\\%03o',%s", (unsigned char)s[i],
                                  (i % 16 == 15) ? "\n" : "");
        }
        w += (size_t)snprintf(bytes + w, cap - w, "'\\0'");
        json_array_append_new(m->longs,
                              json_pack("{s:I,s:s%}", "id", (json_int_t)id, "bytes", bytes, w));
        free(bytes);
    }
    return o;
}

static json_t *cstr_ctx(cg_model *m, const char *s)
{
    return s ? str_ctx(m, s, strlen(s)) : absent();
}

/* Takes string KEY out of REST. */
static json_t *take_str(cg_model *m, json_t *rest, const char *key)
{
    json_t *v = json_object_get(rest, key), *ctx;
    if (!json_is_string(v))
        return absent();
    ctx = str_ctx(m, json_string_value(v), json_string_length(v));
    json_object_del(rest, key);
    return ctx;
}

/* A C double literal for V. */
static void number_literal(const json_t *v, char *out, size_t n)
{
    if (json_is_integer(v)) {
        snprintf(out, n, "%" JSON_INTEGER_FORMAT ".0", json_integer_value(v));
        return;
    }
    snprintf(out, n, "%.17g", json_real_value(v));
    if (!strpbrk(out, ".eEn"))
        strncat(out, ".0", n - strlen(out) - 1);
}

static json_t *take_num(json_t *rest, const char *key, long long *as_int)
{
    json_t *v = json_object_get(rest, key);
    char lit[64];
    json_t *ctx;
    if (!json_is_number(v))
        return absent();
    number_literal(v, lit, sizeof(lit));
    if (as_int)
        *as_int = (long long)json_number_value(v);
    ctx = json_pack("{s:b,s:s}", "present", 1, "value", lit);
    json_object_del(rest, key);
    return ctx;
}

/*
 * Takes array KEY out of REST when every item has type WANT, as a list
 * context {present, nonempty, count, items} with each item converted by
 * ITEM; else leaves it in REST (its extra_json keeps it) and says absent.
 */
static json_t *take_list(cg_model *m, json_t *rest, const char *key, json_type want,
                         json_t *(*item)(cg_model *, json_t *))
{
    json_t *arr = json_object_get(rest, key), *items, *x;
    size_t i;
    if (!json_is_array(arr))
        return absent();
    json_array_foreach(arr, i, x)
        if (json_typeof(x) != want)
            return absent();
    items = json_array();
    json_array_foreach(arr, i, x)
        json_array_append_new(items, item(m, x));
    json_object_del(rest, key);
    return json_pack("{s:b,s:b,s:I,s:o}", "present", 1, "nonempty", json_array_size(items) > 0,
                     "count", (json_int_t)json_array_size(items), "items", items);
}

static json_t *string_item(cg_model *m, json_t *x)
{
    return str_ctx(m, json_string_value(x), json_string_length(x));
}

typedef struct enum_name {
    const char *json;
    const char *c;
} enum_name;

static const enum_name categories[] = {
    { "HighAvailability", "ADV_CATEGORY_HIGH_AVAILABILITY" },
    { "Security", "ADV_CATEGORY_SECURITY" },
    { "Performance", "ADV_CATEGORY_PERFORMANCE" },
    { "Cost", "ADV_CATEGORY_COST" },
    { "OperationalExcellence", "ADV_CATEGORY_OPERATIONAL_EXCELLENCE" },
    { NULL, NULL },
};
static const enum_name impacts[] = {
    { "High", "ADV_IMPACT_HIGH" },
    { "Medium", "ADV_IMPACT_MEDIUM" },
    { "Low", "ADV_IMPACT_LOW" },
    { NULL, NULL },
};
static const enum_name states[] = {
    { "Active", "ADV_STATE_ACTIVE" },
    { "Disabled", "ADV_STATE_DISABLED" },
    { NULL, NULL },
};
static const enum_name action_types[] = {
    { "Blade", "ADV_ACTION_BLADE" },
    { "ContextBlade", "ADV_ACTION_CONTEXT_BLADE" },
    { "Document", "ADV_ACTION_DOCUMENT" },
    { NULL, NULL },
};
static const enum_name data_sources[] = {
    { "Kusto", "ADV_DATA_SOURCE_KUSTO" },
    { "SAS", "ADV_DATA_SOURCE_SAS" },
    { "Cosmos", "ADV_DATA_SOURCE_COSMOS" },
    { NULL, NULL },
};

/* Takes enum KEY out of REST when it is one of NAMES; else leaves it there. */
static const char *take_enum(json_t *rest, const char *key, const enum_name *names,
                             const char *unknown)
{
    const char *v = json_string_value(json_object_get(rest, key));
    size_t i;
    if (!v)
        return unknown;
    for (i = 0; names[i].json; i++) {
        if (!strcmp(v, names[i].json)) {
            json_object_del(rest, key);
            return names[i].c;
        }
    }
    return unknown;
}

/* The rest of an object as JSON text, or absent when nothing is left. */
static json_t *extra_ctx(cg_model *m, json_t *rest)
{
    char *text;
    json_t *ctx;
    if (!json_is_object(rest) || json_object_size(rest) == 0)
        return absent();
    text = json_dumps(rest, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY);
    if (!text)
        return absent();
    ctx = str_ctx(m, text, strlen(text));
    free(text);
    return ctx;
}

/* A shallow copy of object KEY of REST, taken out of REST; NULL if not an object. */
static json_t *take_object(json_t *rest, const char *key)
{
    json_t *v = json_object_get(rest, key), *copy;
    if (!json_is_object(v))
        return NULL;
    copy = json_copy(v);
    json_object_del(rest, key);
    return copy;
}

/* ---- parts ---- */

static json_t *action_ctx(cg_model *m, json_t *action)
{
    json_t *rest = json_copy(action), *ctx = json_object(), *meta;
    json_object_set_new(ctx, "present", json_true());
    json_object_set_new(ctx, "action_id", take_str(m, rest, "actionId"));
    json_object_set_new(ctx, "action_type",
                        json_string(
                            take_enum(rest, "actionType", action_types, "ADV_ACTION_UNKNOWN")));
    json_object_set_new(ctx, "description", take_str(m, rest, "description"));
    json_object_set_new(ctx, "document_link", take_str(m, rest, "documentLink"));
    json_object_set_new(ctx, "extension_name", take_str(m, rest, "extensionName"));
    json_object_set_new(ctx, "blade_name", take_str(m, rest, "bladeName"));
    json_object_set_new(ctx, "condition", take_str(m, rest, "condition"));
    meta = json_object_get(rest, "metadata");
    if (json_is_object(meta)) {
        char *text = json_dumps(meta, JSON_COMPACT | JSON_SORT_KEYS);
        json_object_set_new(ctx, "metadata", text ? str_ctx(m, text, strlen(text)) : absent());
        free(text);
        json_object_del(rest, "metadata");
    } else {
        json_object_set_new(ctx, "metadata", absent());
    }
    json_object_set_new(ctx, "extra", extra_ctx(m, rest));
    json_decref(rest);
    return ctx;
}

static json_t *column_item(cg_model *m, json_t *x)
{
    json_t *crest = json_copy(x), *c = json_object();
    json_object_set_new(c, "name", take_str(m, crest, "name"));
    json_object_set_new(c, "title", take_str(m, crest, "title"));
    json_object_set_new(c, "extra", extra_ctx(m, crest));
    json_decref(crest);
    return c;
}

static json_t *data_source_ctx(cg_model *m, json_t *rest)
{
    json_t *ds = take_object(rest, "dataSourceMetadata"), *ctx;
    long long secs = 0;
    json_t *ri;
    if (!ds)
        return absent();
    ctx = json_object();
    json_object_set_new(ctx, "present", json_true());
    json_object_set_new(ctx, "kind",
                        json_string(
                            take_enum(ds, "dataSource", data_sources, "ADV_DATA_SOURCE_UNKNOWN")));
    json_object_set_new(ctx, "stream_namespace", take_str(m, ds, "streamNamespace"));
    ri = json_object_get(ds, "refreshInterval");
    if (json_is_string(ri)) {
        adv_timespan ts;
        char why[160];
        if (adv_timespan_parse(json_string_value(ri), &ts, why, sizeof(why)) == 0)
            secs = (long long)ts.seconds;
    }
    json_object_set_new(ctx, "refresh_interval", take_str(m, ds, "refreshInterval"));
    json_object_set_new(ctx, "refresh_seconds", json_integer(secs));
    json_object_set_new(ctx, "schema_version", take_num(ds, "schemaVersion", NULL));
    json_object_set_new(ctx, "extra", extra_ctx(m, ds));
    json_decref(ds);
    return ctx;
}

static json_t *owner_ctx(cg_model *m, json_t *rest)
{
    json_t *owner = take_object(rest, "owner"), *ctx, *icm;
    if (!owner)
        return absent();
    ctx = json_object();
    json_object_set_new(ctx, "present", json_true());
    json_object_set_new(ctx, "email", take_str(m, owner, "email"));
    json_object_set_new(ctx, "service_tree_id", take_str(m, owner, "serviceTreeId"));
    icm = take_object(owner, "icm");
    json_object_set_new(ctx, "icm_present", json_boolean(icm != NULL));
    json_object_set_new(ctx, "icm_routing_id", icm ? take_str(m, icm, "routingId") : absent());
    json_object_set_new(ctx, "icm_service", icm ? take_str(m, icm, "service") : absent());
    json_object_set_new(ctx, "icm_team", icm ? take_str(m, icm, "team") : absent());
    json_object_set_new(ctx, "icm_extra", icm ? extra_ctx(m, icm) : absent());
    json_object_set_new(ctx, "extra", extra_ctx(m, owner));
    json_decref(icm);
    json_decref(owner);
    return ctx;
}

static json_t *resource_metadata_ctx(cg_model *m, json_t *rest)
{
    json_t *rm = take_object(rest, "resourceMetadata"), *ctx, *action;
    if (!rm)
        return absent();
    ctx = json_object();
    json_object_set_new(ctx, "present", json_true());
    action = json_object_get(rm, "action");
    if (json_is_object(action)) {
        json_object_set_new(ctx, "action", action_ctx(m, action));
        json_object_del(rm, "action");
    } else {
        json_object_set_new(ctx, "action", absent());
    }
    json_object_set_new(ctx, "extra", extra_ctx(m, rm));
    json_decref(rm);
    return ctx;
}

static const struct {
    const char *attr;
    const char *field;
} header_fields[] = {
    { "pageTitle", "page_title" },
    { "description", "description" },
    { "authors", "authors" },
    { "ms.author", "ms_author" },
    { "articleId", "article_id" },
    { "selfHelpType", "self_help_type" },
    { "cloudEnvironments", "cloud_environments" },
    { "ownershipId", "ownership_id" },
    { "productPesIds", "product_pes_ids" },
};

static json_t *header_ctx(cg_model *m, const al_doc *doc, unsigned *clouds)
{
    json_t *ctx = json_object(), *unknown = json_object();
    size_t i, k;
    for (k = 0; k < sizeof(header_fields) / sizeof(header_fields[0]); k++) {
        const al_attr *a = al_doc_attr(doc, header_fields[k].attr);
        json_object_set_new(ctx, header_fields[k].field, a ? cstr_ctx(m, a->value) : absent());
    }
    for (i = 0; i < doc->nattrs; i++) {
        int known = 0;
        for (k = 0; k < sizeof(header_fields) / sizeof(header_fields[0]); k++)
            if (!strcmp(doc->attrs[i].name, header_fields[k].attr))
                known = 1;
        if (!known)
            json_object_set_new(unknown, doc->attrs[i].name, json_string(doc->attrs[i].value));
    }
    json_object_set_new(ctx, "extra", extra_ctx(m, unknown));
    json_decref(unknown);
    {
        const al_attr *ce = al_doc_attr(doc, "cloudEnvironments");
        *clouds = ce ? adv_clouds_parse(ce->value) : 0;
    }
    return ctx;
}

static void clouds_expr(unsigned bits, char *out, size_t n)
{
    static const struct {
        unsigned bit;
        const char *name;
    } names[] = {
        { ADV_CLOUD_PUBLIC, "ADV_CLOUD_PUBLIC" },     { ADV_CLOUD_FAIRFAX, "ADV_CLOUD_FAIRFAX" },
        { ADV_CLOUD_MOONCAKE, "ADV_CLOUD_MOONCAKE" }, { ADV_CLOUD_USNAT, "ADV_CLOUD_USNAT" },
        { ADV_CLOUD_USSEC, "ADV_CLOUD_USSEC" },
    };
    size_t i, w = 0;
    out[0] = '\0';
    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (bits & names[i].bit)
            w += (size_t)snprintf(out + w, n - w, "%s%s", w ? " | " : "", names[i].name);
    if (!w)
        snprintf(out, n, "0u");
}

/* ---- public ---- */

int cg_model_init(cg_model *m, const char *tool_version)
{
    memset(m, 0, sizeof(*m));
    m->root = json_object();
    m->recs = json_array();
    m->longs = json_array();
    if (!m->root || !m->recs || !m->longs) {
        json_decref(m->root);
        json_decref(m->recs);
        json_decref(m->longs);
        return -1;
    }
    json_object_set_new(m->root, "recommendations", m->recs);
    json_object_set_new(m->root, "long_strings", m->longs);
    json_object_set_new(m->root, "tool_version", json_string(tool_version));
    return 0;
}

void cg_model_release(cg_model *m)
{
    json_decref(m->root);
    memset(m, 0, sizeof(*m));
}

int cg_model_add(cg_model *m, const al_doc *doc, const char *file, char *err, size_t errlen)
{
    json_t *rest, *rec;
    unsigned clouds = 0;
    long long ttl = 0;
    char expr[160];

    if (!json_is_object(doc->body)) {
        snprintf(err, errlen, "'%s': the body is not a JSON object", file);
        return -1;
    }
    rest = json_copy(doc->body);
    rec = json_object();
    if (!rest || !rec) {
        json_decref(rest);
        json_decref(rec);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    json_object_set_new(rec, "index", json_integer((json_int_t)json_array_size(m->recs)));
    json_object_set_new(rec, "source_file", cstr_ctx(m, file));
    json_object_set_new(rec, "header", header_ctx(m, doc, &clouds));
    clouds_expr(clouds, expr, sizeof(expr));
    json_object_set_new(rec, "clouds", json_string(expr));
    json_object_set_new(rec, "title", doc->has_title ? cstr_ctx(m, doc->title) : absent());
    json_object_set_new(rec, "schema", take_str(m, rest, "$schema"));
    json_object_set_new(rec, "type_key",
                        json_string(
                            json_string_value(json_object_get(rest, "recommendationTypeId"))));
    json_object_set_new(rec, "type_id", take_str(m, rest, "recommendationTypeId"));
    json_object_set_new(rec, "offering_id", take_str(m, rest, "recommendationOfferingId"));
    json_object_set_new(rec, "offering_name", take_str(m, rest, "recommendationOfferingName"));
    json_object_set_new(rec, "ds", data_source_ctx(m, rest));
    json_object_set_new(rec, "category",
                        json_string(take_enum(rest, "recommendationCategory", categories,
                                              "ADV_CATEGORY_UNKNOWN")));
    json_object_set_new(rec, "impact",
                        json_string(take_enum(rest, "recommendationImpact", impacts,
                                              "ADV_IMPACT_UNKNOWN")));
    json_object_set_new(rec, "state",
                        json_string(take_enum(rest, "recommendationMetadataState", states,
                                              "ADV_STATE_UNKNOWN")));
    json_object_set_new(rec, "friendly_name_raw",
                        json_string(json_string_value(
                            json_object_get(rest, "recommendationFriendlyName"))));
    json_object_set_new(rec, "resource_type", take_str(m, rest, "recommendationResourceType"));
    json_object_set_new(rec, "friendly_name", take_str(m, rest, "recommendationFriendlyName"));
    json_object_set_new(rec, "portal_features",
                        take_list(m, rest, "portalFeatures", JSON_STRING, string_item));
    json_object_set_new(rec, "ingestion_client_identities",
                        take_list(m, rest, "ingestionClientIdentities", JSON_STRING, string_item));
    json_object_set_new(rec, "supported_sdk_languages",
                        take_list(m, rest, "supportedSDKLanguages", JSON_STRING, string_item));
    json_object_set_new(rec, "owner", owner_ctx(m, rest));
    json_object_set_new(rec, "ttl", take_num(rest, "recommendationTimeToLive", &ttl));
    json_object_set_new(rec, "ttl_seconds", json_integer(ttl));
    json_object_set_new(rec, "version", take_num(rest, "version", NULL));
    json_object_set_new(rec, "learn_more_link", take_str(m, rest, "learnMoreLink"));
    json_object_set(rec, "description_raw", json_object_get(rest, "description"));
    json_object_set_new(rec, "description", take_str(m, rest, "description"));
    json_object_set_new(rec, "long_description", take_str(m, rest, "longDescription"));
    json_object_set_new(rec, "potential_benefits", take_str(m, rest, "potentialBenefits"));
    json_object_set_new(rec, "display_label", take_str(m, rest, "displayLabel"));
    json_object_set_new(rec, "tip", take_str(m, rest, "tip"));
    json_object_set_new(rec, "cost_saving_info", take_str(m, rest, "costSavingInfo"));
    json_object_set_new(rec, "test_data_raw",
                        json_string(json_string_value(json_object_get(rest, "testData"))));
    json_object_set_new(rec, "test_data", take_str(m, rest, "testData"));
    json_object_set_new(rec, "actions", take_list(m, rest, "actions", JSON_OBJECT, action_ctx));
    json_object_set_new(rec, "resource_metadata", resource_metadata_ctx(m, rest));
    json_object_set_new(rec, "columns",
                        take_list(m, rest, "additionalColumns", JSON_OBJECT, column_item));
    json_object_set_new(rec, "body_copy", json_deep_copy(doc->body));
    json_object_set_new(rec, "extra", extra_ctx(m, rest));
    json_decref(rest);
    return json_array_append_new(m->recs, rec) == 0 ? 0 : -1;
}

/* ---- rule types ---- */

/*
 * S (LEN bytes) made safe inside a C block comment, with continuation lines
 * indented as " *   " so a multi-line text still reads as one comment.
 */
static json_t *comment_textn(const char *s, size_t len)
{
    mst_buffer b, out;
    json_t *v;
    size_t i;
    mst_buffer_init(&b);
    mst_buffer_init(&out);
    if (s)
        mst_escape_c_comment(&b, s, len);
    for (i = 0; i < b.len; i++) {
        if (b.data[i] == '\n')
            mst_buffer_append(&out, "\n *   ", 7);
        else if (b.data[i] != '\r')
            mst_buffer_append(&out, b.data + i, 1);
    }
    v = json_stringn_nocheck(out.data ? out.data : "", out.len);
    mst_buffer_release(&b);
    mst_buffer_release(&out);
    return v;
}

static json_t *comment_text(const char *s)
{
    return comment_textn(s, s ? strlen(s) : 0);
}

/* Adds NAME (JSON name) to MEMBERS unless its identifier is already there. */
static void add_member(json_t *members, cg_names *ids, const char *name)
{
    char id[128];
    size_t i;
    json_t *x;
    if (cg_identifier(name, strlen(name), id, sizeof(id)) != 0)
        return;
    json_array_foreach(members, i, x)
        if (!strcmp(json_string_value(json_object_get(x, "json_name")), name))
            return;
    if (cg_names_claim(ids, id, sizeof(id)) != 0)
        return;
    json_array_append_new(members, json_pack("{s:s,s:s,s:o}", "ident", id, "json_name", name,
                                             "json_name_comment", comment_text(name)));
}

/* Every {placeholder} name in the strings of V. */
static void collect_placeholders(json_t *v, json_t *members, cg_names *ids)
{
    const char *k;
    json_t *x;
    size_t i;
    if (json_is_string(v)) {
        const char *s = json_string_value(v), *p = s;
        while ((p = strchr(p, '{')) != NULL) {
            const char *e = p + 1;
            while (*e && (isalnum((unsigned char)*e) || *e == '_' || *e == '.' || *e == '-'))
                e++;
            if (*e == '}' && e > p + 1) {
                char name[128];
                snprintf(name, sizeof(name), "%.*s", (int)(e - p - 1), p + 1);
                add_member(members, ids, name);
            }
            p = e;
        }
    } else if (json_is_object(v)) {
        json_object_foreach(v, k, x)
            collect_placeholders(x, members, ids);
    } else if (json_is_array(v)) {
        json_array_foreach(v, i, x)
            collect_placeholders(x, members, ids);
    }
}

/* Cells of one testData row, in member order. */
static json_t *row_cells(cg_model *m, json_t *members, const char *row, size_t len)
{
    const char *p = row, *end = row + len;
    char *field = malloc(65536);
    size_t flen, col = 0, i;
    json_t *values = json_object(), *cells = json_array(), *x;

    if (!field)
        return cells;
    while (p < end) {
        if (adv_csv_field(&p, end, field, 65536, &flen) != 0)
            break;
        if (col == 0)
            json_object_set_new(values, "subscriptionId", json_stringn(field, flen));
        else if (col == 1)
            json_object_set_new(values, "resourceId", json_stringn(field, flen));
        else if (flen && field[0] == '{') {
            json_error_t jerr;
            json_t *props = json_loadb(field, flen, 0, &jerr);
            const char *k;
            json_t *v;
            json_object_foreach(props, k, v) {
                if (json_is_string(v)) {
                    json_object_set(values, k, v);
                } else {
                    char *t = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
                    if (t)
                        json_object_set_new(values, k, json_string(t));
                    free(t);
                }
            }
            json_decref(props);
        }
        col++;
    }
    free(field);
    json_array_foreach(members, i, x) {
        json_t *v = json_object_get(values, json_string_value(json_object_get(x, "json_name")));
        json_array_append_new(cells, v ? str_ctx(m, json_string_value(v), json_string_length(v))
                                       : absent());
    }
    json_decref(values);
    return cells;
}

static void add_rows(cg_model *m, json_t *type, json_t *rec)
{
    const char *td = json_string_value(json_object_get(rec, "test_data_raw"));
    json_t *rows = json_object_get(type, "rows"), *members = json_object_get(type, "members");
    const char *p = td;
    if (!td)
        return;
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        while (len && (p[len - 1] == '\r' || p[len - 1] == ' '))
            len--;
        if (len)
            json_array_append_new(rows,
                                  json_pack("{s:I,s:o,s:o}", "index",
                                            (json_int_t)json_array_size(rows), "source",
                                            comment_text(json_string_value(
                                                json_object_get(json_object_get(rec, "source_file"),
                                                                "s"))),
                                            "cells", row_cells(m, members, p, len)));
        p = eol ? eol + 1 : p + strlen(p);
    }
}

static void upper(const char *s, char *out, size_t n)
{
    size_t i;
    for (i = 0; s[i] && i + 1 < n; i++)
        out[i] = (char)toupper((unsigned char)s[i]);
    out[i] = '\0';
}

/*
 * Grouping records into rule types in one pass: the records are sorted once
 * by recommendationTypeId (without case) and then input order, so each
 * type's records are a run, in input order, and the runs come in the order
 * identifiers are handed out (sorted, so they do not depend on input order).
 * Each run is then read twice, its own records only: once for the members
 * of the row struct, once for the test rows, which need every member.
 */

/* A record with its type id ("" when absent). */
typedef struct keyed_rec {
    const char *key;
    size_t index; /* input order */
    json_t *rec;  /* borrowed from m->recs */
} keyed_rec;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed_rec *x = a, *y = b;
    int c = strcasecmp(x->key, y->key);
    if (c)
        return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* M's records sorted into runs of one type each (the caller frees), or NULL. */
static keyed_rec *sorted_records(cg_model *m, size_t n)
{
    keyed_rec *k = malloc((n ? n : 1) * sizeof(*k));
    json_t *rec;
    size_t i;
    if (!k)
        return NULL;
    json_array_foreach(m->recs, i, rec) {
        const char *key = json_string_value(json_object_get(rec, "type_key"));
        k[i].key = key ? key : "";
        k[i].index = i;
        k[i].rec = rec;
    }
    qsort(k, n, sizeof(*k), cmp_keyed);
    return k;
}

/* The end of the run starting at A: the first record of another type. */
static size_t run_end(const keyed_rec *k, size_t n, size_t a)
{
    size_t b = a + 1;
    while (b < n && !strcasecmp(k[b].key, k[a].key))
        b++;
    return b;
}

static const char *source_of(json_t *rec)
{
    return json_string_value(json_object_get(json_object_get(rec, "source_file"), "s"));
}

/*
 * Names the type whose first record is FIRST and whose id is KEY: its C
 * identifier ID (unique among the types) and ID in capitals UP, both of
 * 128 bytes, from the friendly name (or the id). *FNAME gets that name.
 * Returns 0, or -1 with a message in ERR.
 */
static int name_type(cg_names *names, json_t *first, const char *key, char *id, char *up,
                     const char **fname, char *err, size_t errlen)
{
    const char *f = json_string_value(json_object_get(first, "friendly_name_raw"));
    if (!f || !*f)
        f = key;
    *fname = f;
    if (cg_identifier(f, strlen(f), id, 128) != 0) {
        snprintf(err, errlen,
                 "'%s': recommendationFriendlyName \"%s\" cannot name a C file: "
                 "as a path it would leave the output directory",
                 source_of(first), f);
        return -1;
    }
    if (cg_names_claim(names, id, 128) != 0) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    upper(id, up, 128);
    return 0;
}

/*
 * Reads the type's records K[A, B) once: each gets the type's identifiers,
 * the type its entries, the list of its source files and its row members
 * (subscriptionId, resourceId, then every additional column and
 * {placeholder} in first-seen order).
 */
static void collect_members(json_t *type, const keyed_rec *k, size_t a, size_t b, const char *id,
                            const char *up)
{
    json_t *entries = json_array(), *members = json_array();
    mst_buffer sources;
    cg_names member_ids;
    size_t i;

    cg_names_init(&member_ids);
    mst_buffer_init(&sources);
    add_member(members, &member_ids, "subscriptionId");
    add_member(members, &member_ids, "resourceId");
    for (i = a; i < b; i++) {
        json_t *rec = k[i].rec, *body = json_object_get(rec, "body_copy"), *c;
        const char *src = source_of(rec);
        size_t ci;
        json_array_append_new(entries, json_pack("{s:O}", "index", json_object_get(rec, "index")));
        if (i > a)
            mst_buffer_append(&sources, ", ", 2);
        if (src)
            mst_buffer_append(&sources, src, strlen(src));
        json_object_set_new(rec, "ident", json_string(id));
        json_object_set_new(rec, "IDENT", json_string(up));
        json_array_foreach(json_object_get(body, "additionalColumns"), ci, c) {
            const char *cn = json_string_value(json_object_get(c, "name"));
            if (cn)
                add_member(members, &member_ids, cn);
        }
        collect_placeholders(body, members, &member_ids);
    }
    json_object_set_new(type, "sources_comment", comment_textn(sources.data, sources.len));
    mst_buffer_release(&sources);
    cg_names_release(&member_ids);
    json_object_set_new(type, "entries", entries);
    json_object_set_new(type, "members", members);
}

/* The type's description, friendly name and id as comments, from its first record FIRST. */
static void describe_type(json_t *type, json_t *first, const char *key, const char *fname,
                          const char *id, const char *up)
{
    json_t *d = json_object_get(first, "description_raw");
    json_object_set_new(type, "ident", json_string(id));
    json_object_set_new(type, "IDENT", json_string(up));
    json_object_set(type, "type_id", json_object_get(first, "type_id"));
    json_object_set_new(type, "type_id_comment", comment_text(key));
    json_object_set_new(type, "friendly_name_comment", comment_text(fname));
    json_object_set_new(type, "description_comment",
                        json_is_string(d)
                            ? comment_textn(json_string_value(d), json_string_length(d))
                            : comment_text(NULL));
}

/* The helper copies a record kept for grouping have served their purpose. */
static void strip_helpers(json_t *rec)
{
    json_object_del(rec, "body_copy");
    json_object_del(rec, "test_data_raw");
    json_object_del(rec, "description_raw");
    json_object_del(rec, "friendly_name_raw");
    json_object_del(rec, "type_key");
}

/* The rule type of the records K[A, B), appended to TYPES. Returns 0, or -1 with ERR. */
static int add_type(cg_model *m, json_t *types, cg_names *names, const keyed_rec *k, size_t a,
                    size_t b, char *err, size_t errlen)
{
    json_t *first = k[a].rec, *type;
    char id[128], up[128];
    const char *fname;
    size_t i;

    if (name_type(names, first, k[a].key, id, up, &fname, err, errlen) != 0)
        return -1;
    type = json_object();
    if (!type || json_array_append_new(types, type) != 0) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    collect_members(type, k, a, b, id, up);
    describe_type(type, first, k[a].key, fname, id, up);
    json_object_set_new(type, "rows", json_array());
    for (i = a; i < b; i++)
        add_rows(m, type, k[i].rec);
    json_object_set_new(type, "has_tests",
                        json_boolean(json_array_size(json_object_get(type, "rows")) > 0));
    for (i = a; i < b; i++)
        strip_helpers(k[i].rec);
    return 0;
}

int cg_model_finish(cg_model *m, char *err, size_t errlen)
{
    size_t n = json_array_size(m->recs), a, b;
    keyed_rec *k = sorted_records(m, n);
    json_t *types = json_array();
    cg_names names;
    int rc = 0;

    if (!k || !types) {
        free(k);
        json_decref(types);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    cg_names_init(&names);
    for (a = 0; a < n && rc == 0; a = b) {
        b = run_end(k, n, a);
        rc = add_type(m, types, &names, k, a, b, err, errlen);
    }
    json_object_set_new(m->root, "types", types);
    json_object_set_new(m->root, "count", json_integer((json_int_t)n));
    cg_names_release(&names);
    free(k);
    return rc;
}
