/*
 * dump_catalog.c - prints a generated catalog back as JSON, from its typed members.
 *
 * Linked with a generated OUT (advisor_catalog.c) by tests/codegen/roundtrip.sh
 * and compiled with -std=c11 -Wall -Wextra -Werror -pedantic. For every entry
 * it prints {"file", "header", "title", "body"}, rebuilding the body only from
 * the typed members and the extra_json texts, so a field the generator lost
 * or mistyped shows up as a difference from the source.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "advisor_catalog.h"

static void put_str(json_t *o, const char *key, adv_string s)
{
    if (s.s)
        json_object_set_new(o, key, json_stringn(s.s, s.len));
}

static void put_num(json_t *o, const char *key, adv_number n)
{
    if (n.present)
        json_object_set_new(o, key, json_real(n.value));
}

static void put_enum(json_t *o, const char *key, const char *name)
{
    if (name[0])
        json_object_set_new(o, key, json_string(name));
}

static void put_list(json_t *o, const char *key, adv_strings l)
{
    json_t *a;
    size_t i;
    if (!l.present)
        return;
    a = json_array();
    for (i = 0; i < l.count; i++)
        json_array_append_new(a, json_stringn(l.items[i].s, l.items[i].len));
    json_object_set_new(o, key, a);
}

/* Merges the JSON object text EXTRA into O. */
static void merge_extra(json_t *o, adv_string extra)
{
    json_error_t err;
    json_t *x;
    if (!extra.s)
        return;
    x = json_loadb(extra.s, extra.len, JSON_ALLOW_NUL, &err);
    if (!json_is_object(x)) {
        fprintf(stderr, "extra_json is not an object: %s\n", err.text);
        json_decref(x);
        return;
    }
    json_object_update(o, x);
    json_decref(x);
}

static json_t *action_json(const adv_action *a)
{
    json_t *o = json_object();
    put_str(o, "actionId", a->action_id);
    put_enum(o, "actionType", adv_action_type_name(a->action_type));
    put_str(o, "description", a->description);
    put_str(o, "documentLink", a->document_link);
    put_str(o, "extensionName", a->extension_name);
    put_str(o, "bladeName", a->blade_name);
    put_str(o, "condition", a->condition);
    if (a->metadata_json.s) {
        json_error_t err;
        json_object_set_new(o, "metadata",
                            json_loadb(a->metadata_json.s, a->metadata_json.len, JSON_ALLOW_NUL,
                                       &err));
    }
    merge_extra(o, a->extra_json);
    return o;
}

static json_t *body_json(const adv_recommendation *r)
{
    json_t *b = json_object();
    size_t i;

    put_str(b, "$schema", r->schema);
    put_str(b, "recommendationTypeId", r->recommendation_type_id);
    put_str(b, "recommendationOfferingId", r->offering_id);
    put_str(b, "recommendationOfferingName", r->offering_name);
    if (r->data_source.present) {
        json_t *d = json_object();
        put_enum(d, "dataSource", adv_data_source_name(r->data_source.kind));
        put_str(d, "streamNamespace", r->data_source.stream_namespace);
        put_str(d, "refreshInterval", r->data_source.refresh_interval);
        put_num(d, "schemaVersion", r->data_source.schema_version);
        merge_extra(d, r->data_source.extra_json);
        json_object_set_new(b, "dataSourceMetadata", d);
    }
    put_enum(b, "recommendationCategory", adv_category_name(r->category));
    put_enum(b, "recommendationImpact", adv_impact_name(r->impact));
    put_enum(b, "recommendationMetadataState", adv_state_name(r->state));
    put_str(b, "recommendationResourceType", r->resource_type);
    put_str(b, "recommendationFriendlyName", r->friendly_name);
    put_list(b, "portalFeatures", r->portal_features);
    put_list(b, "ingestionClientIdentities", r->ingestion_client_identities);
    put_list(b, "supportedSDKLanguages", r->supported_sdk_languages);
    if (r->owner.present) {
        json_t *o = json_object();
        put_str(o, "email", r->owner.email);
        put_str(o, "serviceTreeId", r->owner.service_tree_id);
        if (r->owner.icm_present) {
            json_t *icm = json_object();
            put_str(icm, "routingId", r->owner.icm_routing_id);
            put_str(icm, "service", r->owner.icm_service);
            put_str(icm, "team", r->owner.icm_team);
            merge_extra(icm, r->owner.icm_extra_json);
            json_object_set_new(o, "icm", icm);
        }
        merge_extra(o, r->owner.extra_json);
        json_object_set_new(b, "owner", o);
    }
    put_num(b, "recommendationTimeToLive", r->time_to_live);
    put_num(b, "version", r->version);
    put_str(b, "learnMoreLink", r->learn_more_link);
    put_str(b, "description", r->description);
    put_str(b, "longDescription", r->long_description);
    put_str(b, "potentialBenefits", r->potential_benefits);
    put_str(b, "displayLabel", r->display_label);
    put_str(b, "tip", r->tip);
    put_str(b, "costSavingInfo", r->cost_saving_info);
    put_str(b, "testData", r->test_data);
    if (r->actions_present) {
        json_t *a = json_array();
        for (i = 0; i < r->action_count; i++)
            json_array_append_new(a, action_json(&r->actions[i]));
        json_object_set_new(b, "actions", a);
    }
    if (r->resource_metadata.present) {
        json_t *rm = json_object();
        if (r->resource_metadata.action)
            json_object_set_new(rm, "action", action_json(r->resource_metadata.action));
        merge_extra(rm, r->resource_metadata.extra_json);
        json_object_set_new(b, "resourceMetadata", rm);
    }
    if (r->columns_present) {
        json_t *a = json_array();
        for (i = 0; i < r->column_count; i++) {
            json_t *c = json_object();
            put_str(c, "name", r->additional_columns[i].name);
            put_str(c, "title", r->additional_columns[i].title);
            merge_extra(c, r->additional_columns[i].extra_json);
            json_array_append_new(a, c);
        }
        json_object_set_new(b, "additionalColumns", a);
    }
    merge_extra(b, r->extra_json);
    return b;
}

static json_t *header_json(const adv_header *h)
{
    json_t *o = json_object();
    put_str(o, "pageTitle", h->page_title);
    put_str(o, "description", h->description);
    put_str(o, "authors", h->authors);
    put_str(o, "ms.author", h->ms_author);
    put_str(o, "articleId", h->article_id);
    put_str(o, "selfHelpType", h->self_help_type);
    put_str(o, "cloudEnvironments", h->cloud_environments);
    put_str(o, "ownershipId", h->ownership_id);
    put_str(o, "productPesIds", h->product_pes_ids);
    merge_extra(o, h->extra_json);
    return o;
}

int main(void)
{
    json_t *all = json_array();
    size_t i;
    for (i = 0; i < adv_catalog_count; i++) {
        const adv_recommendation *r = &adv_catalog[i];
        json_t *e = json_object();
        put_str(e, "file", r->source_file);
        json_object_set_new(e, "header", header_json(&r->header));
        put_str(e, "title", r->title);
        json_object_set_new(e, "body", body_json(r));
        json_object_set_new(e, "clouds", json_integer(r->clouds));
        json_array_append_new(all, e);
    }
    if (json_dumpf(all, stdout, JSON_INDENT(1) | JSON_ENCODE_ANY) != 0)
        return 1;
    json_decref(all);
    return 0;
}
