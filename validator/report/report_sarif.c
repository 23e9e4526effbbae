/*
 * report_sarif.c - SARIF 2.1.0 for GitHub code scanning and other viewers.
 *
 * One run: tool.driver (name, version, informationUri, every rule with its
 * short and full description, its doc as help and its default level), then
 * one result per finding with a stable ruleId and ruleIndex, the level, the
 * message, the file as a URI relative to the base directory (percent-
 * encoded), a 1-based region and a partial fingerprint (the one the
 * baseline uses, so code scanning tracks findings across unrelated edits)
 * and, for findings --fix would fix, the fix as a replacement of the region.
 * Columns count Unicode code points, as the run's columnKind says.
 */
#include "advisor/report.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *level(al_severity s)
{
    switch (s) {
    case AL_SEV_ERROR: return "error";
    case AL_SEV_WARNING: return "warning";
    case AL_SEV_INFO: return "note";
    default: return "none";
    }
}

static json_t *text_obj(const char *text)
{
    return json_pack("{s:s}", "text", text);
}

/* The text of the doc's "## What it flags" section, into a new string. */
static char *what_it_flags_new(const char *doc)
{
    const char *p = strstr(doc, "## What it flags\n"), *end;
    size_t n, i, w = 0;
    char *out;
    if (!p)
        return strdup(doc);
    p += strlen("## What it flags\n");
    end = strstr(p, "\n\n");
    n = end ? (size_t)(end - p) : strlen(p);
    out = malloc(n + 1);
    if (!out)
        return NULL;
    for (i = 0; i < n; i++)
        out[w++] = p[i] == '\n' ? ' ' : p[i];
    out[w] = '\0';
    return out;
}

static json_t *rule_json(const al_rule_info *r)
{
    char *full = what_it_flags_new(r->doc);
    json_t *o;
    o = json_pack("{s:s, s:o, s:o, s:{s:s, s:s}, s:{s:s}}", "id", r->id, "shortDescription",
                  text_obj(r->summary), "fullDescription", text_obj(full ? full : r->summary),
                  "help", "text", r->doc, "markdown", r->doc, "defaultConfiguration", "level",
                  level(r->severity));
    free(full);
    return o;
}

static int unreserved(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~' || c == '/';
}

/* FILE as a URI reference relative to BASE (absolute file: URI when outside). */
static char *file_uri_new(const char *file, const char *base)
{
    size_t n = base ? strlen(base) : 0, i, w = 0, len;
    const char *p = file;
    int absolute = 0;
    char *out;

    if (p[0] == '/') {
        if (n > 1 && !strncmp(p, base, n) && p[n] == '/')
            p += n + 1;
        else if (n == 1 && base[0] == '/')
            p += 1;
        else
            absolute = 1;
    }
    while (!absolute && p[0] == '.' && p[1] == '/')
        for (p += 2; *p == '/'; p++)
            ;
    len = strlen(p);
    out = malloc(len * 3 + 8);
    if (!out)
        return NULL;
    if (absolute)
        w = (size_t)snprintf(out, 8, "file://");
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)p[i];
        if (unreserved(c)) {
            out[w++] = (char)c;
        } else {
            snprintf(out + w, 4, "%%%02X", c);
            w += 3;
        }
    }
    out[w] = '\0';
    return out;
}

static json_t *region_json(const al_finding *f)
{
    return json_pack("{s:i, s:i, s:i, s:i}", "startLine", f->line, "startColumn", f->column,
                     "endLine", f->end_line, "endColumn", f->end_column);
}

/* The certain fix (what --fix applies) as a SARIF fix replacing the region. */
static json_t *fix_json(const al_finding *f, const char *uri)
{
    return json_pack("[{s:{s:s}, s:[{s:{s:s}, s:[{s:o, s:{s:s}}]}]}]", "description", "text",
                     "what advisor-lint --fix writes", "artifactChanges", "artifactLocation", "uri",
                     uri, "replacements", "deletedRegion", region_json(f), "insertedContent",
                     "text", f->fix);
}

static json_t *result_json(const al_finding *f, size_t rule_index, const char *base)
{
    char *uri = file_uri_new(f->file, base), fp[24];
    json_t *o, *region;
    if (!uri)
        return NULL;
    region = region_json(f);
    o = json_pack("{s:s, s:I, s:s, s:o, s:[{s:{s:{s:s}, s:o}}]}", "ruleId", f->rule, "ruleIndex",
                  (json_int_t)rule_index, "level", level(f->severity), "message",
                  text_obj(f->message), "locations", "physicalLocation", "artifactLocation", "uri",
                  uri, "region", region);
    if (o && f->fingerprint) {
        snprintf(fp, sizeof(fp), "%016llx", f->fingerprint);
        json_object_set_new(o, "partialFingerprints", json_pack("{s:s}", "advisorLint/v1", fp));
    }
    if (o && f->fix)
        json_object_set_new(o, "fixes", fix_json(f, uri));
    free(uri);
    return o;
}

/* The index of rule ID in RULES (sorted by id), found by binary search. */
static size_t rule_index(const al_rule_info *rules, size_t n, const char *id)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(id, rules[mid].id);
        if (c == 0)
            return mid;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

int al_report_sarif(FILE *out, const al_findings *list, const al_report_info *info)
{
    size_t n = info->nrules, i;
    const al_rule_info *rules = info->rules;
    const char *uri = info->info_uri ? info->info_uri : "https://example.invalid/advisor-lint";
    json_t *jrules = json_array(), *results = json_array(), *doc = NULL;
    int rc = -1;

    if (!jrules || !results)
        goto done;
    for (i = 0; i < n; i++)
        if (json_array_append_new(jrules, rule_json(&rules[i])) != 0)
            goto done;
    for (i = 0; i < list->count; i++) {
        const al_finding *f = &list->items[i];
        if (json_array_append_new(results, result_json(f, rule_index(rules, n, f->rule),
                                                       info->base_dir)) != 0)
            goto done;
    }
    doc = json_pack("{s:s, s:s, s:[{s:{s:{s:s, s:s, s:s, s:s, s:O}}, s:s, s:[{s:b}], s:O}]}",
                    "$schema", "https://json.schemastore.org/sarif-2.1.0.json", "version", "2.1.0",
                    "runs", "tool", "driver", "name", info->tool, "version", info->version,
                    "semanticVersion", info->version, "informationUri", uri, "rules", jrules,
                    "columnKind", "unicodeCodePoints", "invocations", "executionSuccessful",
                    info->unreadable == 0, "results", results);
    if (!doc || json_dumpf(doc, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0)
        goto done;
    fputc('\n', out);
    rc = ferror(out) ? -1 : 0;
done:
    json_decref(doc);
    json_decref(jrules);
    json_decref(results);
    return rc;
}
