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

int cg_model_add(cg_model *m, const al_doc *doc, const char *file, int record_source, char *err,
                 size_t errlen)
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
    json_object_set_new(rec, "source_file", record_source ? cstr_ctx(m, file) : absent());
    json_object_set_new(rec, "sort_key", json_string(file));
    json_object_set_new(rec, "header", header_ctx(m, doc, &clouds));
    json_object_set_new(rec, "cloud_bits", json_integer((json_int_t)clouds));
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
    if (m->no_test_data) {
        json_object_del(rest, "testData");
        json_object_set_new(rec, "test_data", absent());
    } else {
        json_object_set_new(rec, "test_data", take_str(m, rest, "testData"));
    }
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

/*
 * Adds NAME (JSON name) to MEMBERS unless it is already there, with WHAT
 * (a column's title, or what the member is) as its comment; a column's
 * title replaces the comment of a member first seen as a placeholder.
 */
static void add_member(json_t *members, cg_names *ids, const char *name, const char *what)
{
    char id[128];
    size_t i;
    json_t *x;
    if (cg_identifier(name, strlen(name), id, sizeof(id)) != 0)
        return;
    json_array_foreach(members, i, x) {
        if (!strcmp(json_string_value(json_object_get(x, "json_name")), name)) {
            if (what && json_is_true(json_object_get(x, "placeholder_only")))
                json_object_set_new(x, "what_comment", comment_text(what));
            if (what)
                json_object_set_new(x, "placeholder_only", json_false());
            return;
        }
    }
    if (cg_names_claim(ids, id, sizeof(id)) != 0)
        return;
    json_array_append_new(members,
                          json_pack("{s:s,s:s,s:o,s:o,s:b}", "ident", id, "json_name", name,
                                    "json_name_comment", comment_text(name), "what_comment",
                                    comment_text(what ? what : "{placeholder} in the texts"),
                                    "placeholder_only", what == NULL));
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
                add_member(members, ids, name, NULL);
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

/* The values of one testData row by column name: subscriptionId, resourceId, then its JSON. */
static json_t *row_values(const char *row, size_t len)
{
    const char *p = row, *end = row + len;
    char *field = malloc(65536);
    size_t flen, col = 0;
    json_t *values = json_object();

    if (!field)
        return values;
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
    return values;
}

/* The cells of one testData row that have a value, each {member, str}, in member order. */
static json_t *row_cells(cg_model *m, json_t *members, const char *row, size_t len)
{
    json_t *values = row_values(row, len), *cells = json_array(), *x;
    size_t i;
    json_array_foreach(members, i, x) {
        json_t *v = json_object_get(values, json_string_value(json_object_get(x, "json_name")));
        if (v)
            json_array_append_new(cells, json_pack("{s:O,s:o}", "member",
                                                   json_object_get(x, "ident"), "value",
                                                   str_ctx(m, json_string_value(v),
                                                           json_string_length(v))));
    }
    json_decref(values);
    return cells;
}

static const char *source_of(json_t *rec)
{
    return json_string_value(json_object_get(json_object_get(rec, "source_file"), "s"));
}

/*
 * The test rows of REC, each named for a failing test to say which it is:
 * "row N of SOURCE" (N counts from 1 in the file's testData), or "row N of
 * catalog entry E" when source paths are left out.
 */
static void add_rows(cg_model *m, json_t *type, json_t *rec)
{
    const char *td = json_string_value(json_object_get(rec, "test_data_raw"));
    json_t *rows = json_object_get(type, "rows"), *members = json_object_get(type, "members");
    json_int_t entry = json_integer_value(json_object_get(rec, "index"));
    const char *p = td, *src = source_of(rec);
    int n = 0;
    if (!td)
        return;
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        while (len && (p[len - 1] == '\r' || p[len - 1] == ' '))
            len--;
        if (len) {
            char name[1024];
            if (src)
                snprintf(name, sizeof(name), "row %d of %s", ++n, src);
            else
                snprintf(name, sizeof(name), "row %d of catalog entry %" JSON_INTEGER_FORMAT, ++n,
                         entry);
            json_array_append_new(rows, json_pack("{s:I,s:s,s:o}", "entry", entry, "name", name,
                                                  "cells", row_cells(m, members, p, len)));
        }
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
 * The catalog's order, which is also each type's: records sorted by
 * recommendationTypeId (without case), then cloud (Public, Fairfax,
 * Mooncake, USNat, USSec: a file's first cloud, files without one last),
 * then source path relative to the root. Nothing of it depends on the
 * order or spelling of the command line, so the output does not either;
 * each type's records form a run, its variants consecutive, Public first.
 */

/* A record with its sort keys. */
typedef struct keyed_rec {
    const char *key;  /* type id, "" when absent */
    unsigned clouds;  /* ADV_CLOUD_ bits */
    const char *path; /* relative to the root */
    json_t *rec;      /* a reference of its own */
} keyed_rec;

static unsigned first_cloud(unsigned bits)
{
    return bits ? (bits & (~bits + 1u)) : ~0u;
}

static int cmp_keyed(const void *a, const void *b)
{
    const keyed_rec *x = a, *y = b;
    unsigned cx = first_cloud(x->clouds), cy = first_cloud(y->clouds);
    int c = strcasecmp(x->key, y->key);
    if (c)
        return c;
    if (cx != cy)
        return cx < cy ? -1 : 1;
    if (x->clouds != y->clouds)
        return x->clouds < y->clouds ? -1 : 1;
    return strcmp(x->path, y->path);
}

/*
 * M's records sorted into runs of one type each, and M's record list
 * rebuilt in that order with each record's "index" its place (the caller
 * frees the array and releases its references), or NULL.
 */
static keyed_rec *sort_records(cg_model *m, size_t n)
{
    keyed_rec *k = malloc((n ? n : 1) * sizeof(*k));
    json_t *rec;
    size_t i;
    if (!k)
        return NULL;
    json_array_foreach(m->recs, i, rec) {
        const char *key = json_string_value(json_object_get(rec, "type_key"));
        const char *path = json_string_value(json_object_get(rec, "sort_key"));
        k[i].key = key ? key : "";
        k[i].clouds = (unsigned)json_integer_value(json_object_get(rec, "cloud_bits"));
        k[i].path = path ? path : "";
        k[i].rec = json_incref(rec);
    }
    qsort(k, n, sizeof(*k), cmp_keyed);
    json_array_clear(m->recs);
    for (i = 0; i < n; i++) {
        json_object_set_new(k[i].rec, "index", json_integer((json_int_t)i));
        json_array_append(m->recs, k[i].rec);
    }
    return k;
}

static void release_records(keyed_rec *k, size_t n)
{
    size_t i;
    for (i = 0; k && i < n; i++)
        json_decref(k[i].rec);
    free(k);
}

/* The end of the run starting at A: the first record of another type. */
static size_t run_end(const keyed_rec *k, size_t n, size_t a)
{
    size_t b = a + 1;
    while (b < n && !strcasecmp(k[b].key, k[a].key))
        b++;
    return b;
}

/* The friendly name of a run's first record FIRST, or its type id KEY. */
static const char *friendly_of(json_t *first, const char *key)
{
    const char *f = json_string_value(json_object_get(first, "friendly_name_raw"));
    return f && *f ? f : key;
}

/*
 * A fresh identifier for the type whose first record is FIRST, from its
 * friendly name, unique among NAMES. Returns 0, or -1 with ERR.
 */
static int fresh_name(cg_names *names, json_t *first, const char *key, char *id, char *err,
                      size_t errlen)
{
    const char *f = friendly_of(first, key);
    if (cg_identifier(f, strlen(f), id, 128) != 0) {
        snprintf(err, errlen,
                 "'%s': recommendationFriendlyName \"%s\" cannot name a C file: "
                 "as a path it would leave the output directory",
                 json_string_value(json_object_get(first, "sort_key")), f);
        return -1;
    }
    if (cg_names_claim(names, id, 128) != 0) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
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
    add_member(members, &member_ids, "subscriptionId", "the subscription (testData column 1)");
    add_member(members, &member_ids, "resourceId", "the resource (testData column 2)");
    for (i = a; i < b; i++) {
        json_t *rec = k[i].rec, *body = json_object_get(rec, "body_copy"), *c;
        const char *src = source_of(rec);
        size_t ci;
        json_array_append_new(entries, json_pack("{s:O}", "index", json_object_get(rec, "index")));
        if (src) {
            if (sources.len)
                mst_buffer_append(&sources, ", ", 2);
            mst_buffer_append(&sources, src, strlen(src));
        }
        json_object_set_new(rec, "ident", json_string(id));
        json_object_set_new(rec, "IDENT", json_string(up));
        json_array_foreach(json_object_get(body, "additionalColumns"), ci, c) {
            const char *cn = json_string_value(json_object_get(c, "name"));
            const char *title = json_string_value(json_object_get(c, "title"));
            if (cn)
                add_member(members, &member_ids, cn, title && *title ? title : "additional column");
        }
        collect_placeholders(body, members, &member_ids);
    }
    if (!sources.len) {
        const char *what = "the metadata of its type";
        mst_buffer_append(&sources, what, strlen(what));
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
    json_object_set_new(type, "type_id_raw", json_string(key));
    json_object_set_new(type, "friendly_raw", json_string(fname));
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
    json_object_del(rec, "sort_key");
    json_object_del(rec, "cloud_bits");
}

/* The rule type ID of the records K[A, B), appended to TYPES. */
static int add_type(cg_model *m, json_t *types, const keyed_rec *k, size_t a, size_t b,
                    const char *id)
{
    json_t *first = k[a].rec, *type = json_object();
    char up[128];
    size_t i;

    if (!type || json_array_append_new(types, type) != 0)
        return -1;
    upper(id, up, sizeof(up));
    collect_members(type, k, a, b, id, up);
    describe_type(type, first, k[a].key, friendly_of(first, k[a].key), id, up);
    json_object_set_new(type, "rows", json_array());
    for (i = a; i < b; i++)
        add_rows(m, type, k[i].rec);
    json_object_set_new(type, "has_tests",
                        json_boolean(json_array_size(json_object_get(type, "rows")) > 0));
    for (i = a; i < b; i++)
        strip_helpers(k[i].rec);
    return 0;
}

/*
 * Each run's identifier into IDS (128 bytes each): first the types bound
 * by IDENTITY keep theirs, then the others get fresh ones in type order,
 * never one that is reserved (bound, or a stub's on disk).
 */
static int name_types(const keyed_rec *k, size_t n, const cg_identity *identity, char (*ids)[128],
                      char *err, size_t errlen)
{
    cg_names names;
    size_t a, b, t;
    int rc = 0;

    cg_names_init(&names);
    for (a = 0, t = 0; a < n && rc == 0; a = b, t++) {
        const char *bound = cg_identity_ident(identity, k[a].key);
        b = run_end(k, n, a);
        ids[t][0] = '\0';
        if (bound && strlen(bound) < 128) {
            snprintf(ids[t], 128, "%s", bound);
            rc = cg_names_claim(&names, ids[t], 128);
        }
    }
    if (identity) {
        for (a = 0; a < identity->nstubs && rc == 0; a++)
            if (cg_identity_reserved(identity, identity->stubs[a].ident))
                rc = cg_names_reserve(&names, identity->stubs[a].ident);
        for (a = 0; a < identity->nbound && rc == 0; a++)
            rc = cg_names_reserve(&names, identity->bound[a].ident);
    }
    if (rc != 0)
        snprintf(err, errlen, "out of memory");
    for (a = 0, t = 0; a < n && rc == 0; a = b, t++) {
        b = run_end(k, n, a);
        if (!ids[t][0])
            rc = fresh_name(&names, k[a].rec, k[a].key, ids[t], err, errlen);
    }
    cg_names_release(&names);
    return rc;
}

int cg_model_finish(cg_model *m, const cg_identity *identity, char *err, size_t errlen)
{
    size_t n = json_array_size(m->recs), a, b, t;
    keyed_rec *k = sort_records(m, n);
    json_t *types = json_array();
    char(*ids)[128] = malloc((n ? n : 1) * sizeof(*ids));
    int rc = 0;

    if (!k || !types || !ids) {
        release_records(k, n);
        json_decref(types);
        free(ids);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    rc = name_types(k, n, identity, ids, err, errlen);
    for (a = 0, t = 0; a < n && rc == 0; a = b, t++) {
        b = run_end(k, n, a);
        if (add_type(m, types, k, a, b, ids[t]) != 0) {
            snprintf(err, errlen, "out of memory");
            rc = -1;
        }
    }
    json_object_set_new(m->root, "types", types);
    json_object_set_new(m->root, "count", json_integer((json_int_t)n));
    release_records(k, n);
    free(ids);
    return rc;
}
