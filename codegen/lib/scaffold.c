/*
 * scaffold.c - `advisor-codegen new`: write a new recommendation's files.
 *
 * How it works: the tree under ROOT is read as a lint context (each file's
 * articleId, recommendationTypeId, friendly name and resource type, the
 * same facts the cross-file rules compare), so a taken friendly name or
 * articleId is refused before anything is written, and the folder that
 * already holds the resource type is found. The clouds are split into files
 * as the real tree splits them (advisor/conventions.c). Each file's text is
 * built here: the header, title and a body with every field the reference
 * requires, the values the flags give, and a TODO marker (or the nil GUID)
 * wherever only a person can write the value, so the todo-marker rule
 * keeps the files out of a merge until then. A variant (--variant-of) is
 * the original's text with its articleId, cloudEnvironments and
 * cloud-specific links changed in place, so everything else stays as the
 * author wrote it. Files are written to temporary names, then linked to
 * their names (link() never replaces a file) and the temporary names
 * removed; a failure removes what was placed. With -o OUT the new files go
 * through cg_generate (the normal generator path) for their types' files
 * only, todo markers allowed.
 */
#define _XOPEN_SOURCE 700 /* nftw */
#include "scaffold.h"

#include <errno.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "advisor/advisor.h"
#include "advisor/lint.h"
#include "generate.h"
#include "lint/context.h"
#include "mustache.h"
#include "names.h"
#include "reader/document.h"
#include "util/path.h"

#define MAX_FILES 5
#define SCAFFOLD_TMP ".advisor-new-"

typedef struct plan_file {
    char *path; /* final name (owned) */
    char *tmp;  /* temporary name while written (owned) */
    mst_buffer text;
    int placed; /* linked to its final name */
} plan_file;

typedef struct scaffold {
    const cg_new_options *o;
    const char *category, *impact, *data_source; /* canonical */
    unsigned clouds;
    al_context *tree;
    plan_file files[MAX_FILES];
    size_t nfiles;
    char *made_dirs[16]; /* directories created, innermost last, removed on failure */
    size_t nmade;
    char type_id[ADV_GUID_SIZE];
    char friendly[512];
    int oom;
} scaffold;

static int say(scaffold *s, int status, const char *fmt, ...)
{
    va_list ap;
    fputs("advisor-codegen new: ", s->o->err);
    va_start(ap, fmt);
    vfprintf(s->o->err, fmt, ap);
    va_end(ap);
    fputc('\n', s->o->err);
    return status;
}

/* ---- text ---- */

static void put(scaffold *s, mst_buffer *b, const char *text)
{
    if (mst_buffer_append(b, text, strlen(text)) != 0)
        s->oom = 1;
}

static void putf(scaffold *s, mst_buffer *b, const char *fmt, ...)
{
    char small[1024];
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(small, sizeof(small), fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof(small)) {
        s->oom = 1; /* every caller formats short, checked values */
        return;
    }
    put(s, b, small);
}

/* S as a JSON string, quotes included. */
static void put_json(scaffold *s, mst_buffer *b, const char *text)
{
    const unsigned char *p;
    put(s, b, "\"");
    for (p = (const unsigned char *)text; *p; p++) {
        if (*p == '"' || *p == '\\')
            putf(s, b, "\\%c", *p);
        else if (*p < 0x20)
            putf(s, b, "\\u%04x", *p);
        else if (mst_buffer_append(b, (const char *)p, 1) != 0)
            s->oom = 1;
    }
    put(s, b, "\"");
}

/* The directory part of PATH as written ("a/b" of "a/b/c.md", "." of "c.md"): a new string. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return strdup(".");
    return strndup(path, slash == path ? 1 : (size_t)(slash - path));
}

/* ---- the tree ---- */

static size_t tree_count(const scaffold *s)
{
    return s->tree ? s->tree->count : 0;
}

static const al_fact *tree_fact(const scaffold *s, size_t i)
{
    return &s->tree->items[i].fact;
}

static int read_tree(scaffold *s)
{
    struct stat st;
    al_error error;
    char msg[1200];
    if (stat(s->o->root, &st) != 0)
        return say(s, 2, "cannot read --root '%s': %s", s->o->root, strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return say(s, 2, "--root '%s' is not a directory", s->o->root);
    s->tree = al_context_new();
    if (!s->tree)
        return say(s, 2, "out of memory");
    if (al_context_add_path(s->tree, s->o->root, &error) < 0)
        return say(s, 2, "cannot read the tree: %s", al_error_string(&error, msg, sizeof(msg)));
    return 0;
}

/* The file of the tree whose FIELD equals VALUE in any case, or NULL. */
static const char *tree_find(const scaffold *s, al_fact_field field, const char *value)
{
    size_t i;
    for (i = 0; i < tree_count(s); i++) {
        const al_fact *f = tree_fact(s, i);
        if (f->value[field] && !strcasecmp(f->value[field], value))
            return f->file;
    }
    return NULL;
}

/* The file of the tree for recommendation type TYPE_ID whose articleId is for CLOUD. */
static const char *tree_find_variant(const scaffold *s, const char *type_id, unsigned cloud)
{
    size_t i;
    for (i = 0; i < tree_count(s); i++) {
        const al_fact *f = tree_fact(s, i);
        if (f->value[AL_FACT_TYPE_ID] && !strcasecmp(f->value[AL_FACT_TYPE_ID], type_id) &&
            f->cloud && !strcasecmp(f->cloud, adv_cloud_name(cloud)))
            return f->file;
    }
    return NULL;
}

/*
 * The folder holding most of the tree's files for resource type TYPE (the
 * first in path order on a tie), or NULL: a new string.
 */
static char *tree_folder(const scaffold *s, const char *type)
{
    char *best = NULL;
    size_t i, j, best_n = 0;
    for (i = 0; i < tree_count(s); i++) {
        const al_fact *f = tree_fact(s, i);
        char *dir;
        size_t n = 0;
        if (!f->value[AL_FACT_RESOURCE_TYPE] || strcasecmp(f->value[AL_FACT_RESOURCE_TYPE], type))
            continue;
        dir = dir_of(f->file);
        if (!dir)
            return best;
        for (j = 0; j < tree_count(s); j++) {
            const al_fact *g = tree_fact(s, j);
            char *d2;
            if (!g->value[AL_FACT_RESOURCE_TYPE] ||
                strcasecmp(g->value[AL_FACT_RESOURCE_TYPE], type))
                continue;
            d2 = dir_of(g->file);
            n += d2 && !strcmp(d2, dir);
            free(d2);
        }
        if (n > best_n || (n == best_n && best && strcmp(dir, best) < 0)) {
            free(best);
            best = dir;
            best_n = n;
        } else {
            free(dir);
        }
    }
    return best;
}

/* ---- the plan ---- */

static plan_file *plan_add(scaffold *s, const char *folder, const char *stem, unsigned cloud)
{
    plan_file *f;
    char name[600];
    if (s->nfiles == MAX_FILES)
        return NULL;
    f = &s->files[s->nfiles];
    snprintf(name, sizeof(name), "%s-%s.md", stem, adv_cloud_suffix(cloud));
    f->path = al_path_join_new(folder, name);
    if (!f->path) {
        s->oom = 1;
        return NULL;
    }
    mst_buffer_init(&f->text);
    s->nfiles++;
    return f;
}

/* The folder for the new files: --folder (below ROOT when relative), the tree's, the convention's. */
static char *new_folder(scaffold *s)
{
    char conv[512], *rel, *dir;
    const cg_new_options *o = s->o;
    if (o->folder)
        return o->folder[0] == '/' ? strdup(o->folder) : al_path_join_new(o->root, o->folder);
    dir = tree_folder(s, o->resource_type);
    if (dir)
        return dir;
    if (adv_folder_for_type(o->resource_type, conv, sizeof(conv)) != 0)
        return NULL;
    rel = al_path_join_new("articles", conv);
    dir = rel ? al_path_join_new(o->root, rel) : NULL;
    free(rel);
    return dir;
}

/* A resource id of TYPE for testData: ".../providers/Ns/a/example/b/TODO". */
static void put_resource_id(scaffold *s, mst_buffer *b, const char *type)
{
    const char *p = type, *slash;
    putf(s, b, "/subscriptions/%s/resourceGroups/example/providers/", ADV_GUID_NIL);
    slash = strchr(p, '/');
    if (mst_buffer_append(b, p, (size_t)(slash - p)) != 0)
        s->oom = 1;
    for (p = slash + 1;; p = slash + 1) {
        slash = strchr(p, '/');
        put(s, b, "/");
        if (mst_buffer_append(b, p, slash ? (size_t)(slash - p) : strlen(p)) != 0)
            s->oom = 1;
        put(s, b, slash ? "/example" : "/TODO");
        if (!slash)
            break;
    }
}

/* The text of a new file for the clouds of GROUP. */
static void render_new(scaffold *s, mst_buffer *b, unsigned group)
{
    const cg_new_options *o = s->o;
    unsigned first = adv_cloud_first(group);
    const char *docs = adv_cloud_docs_root(first);
    char clouds[128], action[ADV_GUID_SIZE], resource_action[ADV_GUID_SIZE];
    mst_buffer row;

    adv_clouds_format(group, clouds, sizeof(clouds));
    if (adv_guid_v4(action) != 0 || adv_guid_v4(resource_action) != 0) {
        s->oom = 1;
        return;
    }
    putf(s, b, "<properties\n    pageTitle=\"%s\"\n    description=\"%s\"\n", o->name, o->name);
    put(s, b, "    authors=\"TODO-alias\"\n    ms.author=\"TODO-alias\"\n");
    putf(s, b, "    articleId=\"%s_%s\"\n", s->type_id, adv_cloud_name(first));
    put(s, b, "    selfHelpType=\"advisorRecommendationMetadata\"\n");
    putf(s, b, "    cloudEnvironments=\"%s\"\n", clouds);
    put(s, b, "    ownershipId=\"TODO_Area_Service\"\n/>\n");
    putf(s, b, "# %s\n---\n{\n", o->name);
    put(s, b, "  \"$schema\": \"AdvisorRecommendation\",\n");
    putf(s, b, "  \"recommendationTypeId\": \"%s\",\n", s->type_id);
    putf(s, b, "  \"dataSourceMetadata\": {\n    \"dataSource\": \"%s\",\n", s->data_source);
    put(s, b,
        "    \"streamNamespace\": \"TODO: where the rows are read (for Kusto: the "
        "cluster, database and table)\",\n");
    put(s, b, "    \"refreshInterval\": \"1.00:00:00\"\n  },\n");
    putf(s, b, "  \"recommendationCategory\": \"%s\",\n", s->category);
    putf(s, b, "  \"recommendationImpact\": \"%s\",\n", s->impact);
    put(s, b, "  \"recommendationResourceType\": ");
    put_json(s, b, o->resource_type);
    put(s, b, ",\n  \"recommendationFriendlyName\": ");
    put_json(s, b, s->friendly);
    put(s, b, ",\n  \"recommendationMetadataState\": \"Active\",\n");
    put(s, b, "  \"recommendationTimeToLive\": 86400,\n");
    put(s, b, "  \"owner\": {\n    \"email\": \"TODO@example.com\",\n    \"icm\": {\n");
    put(s, b, "      \"routingId\": \"TODO: the IcM routing id (MDM://... or AIMS://...)\",\n");
    put(s, b, "      \"service\": \"TODO: the IcM service\",\n");
    put(s, b, "      \"team\": \"TODO: the IcM team\"\n    },\n");
    putf(s, b, "    \"serviceTreeId\": \"%s\"\n  },\n", ADV_GUID_NIL);
    put(s, b, "  \"version\": 1.0,\n");
    putf(s, b, "  \"learnMoreLink\": \"%sTODO\",\n", docs);
    put(s, b,
        "  \"description\": \"TODO: the one-line recommendation shown in the Advisor "
        "list\",\n");
    put(s, b,
        "  \"longDescription\": \"TODO: what was found, why it matters and what to do "
        "about it\",\n");
    put(s, b, "  \"potentialBenefits\": \"TODO: what the customer gains\",\n");
    put(s, b, "  \"displayLabel\": ");
    put_json(s, b, o->name);
    put(s, b, ",\n  \"actions\": [\n    {\n");
    putf(s, b, "      \"actionId\": \"%s\",\n", action);
    put(s, b, "      \"description\": \"TODO: what the customer does\",\n");
    put(s, b, "      \"actionType\": \"Document\",\n");
    putf(s, b, "      \"documentLink\": \"%sTODO\"\n    }\n  ],\n", docs);
    put(s, b, "  \"resourceMetadata\": {\n    \"action\": {\n");
    putf(s, b, "      \"actionId\": \"%s\",\n", resource_action);
    put(s, b, "      \"actionType\": \"Blade\",\n      \"extensionName\": \"HubsExtension\",\n");
    put(s, b, "      \"bladeName\": \"ResourceMenuBlade\",\n");
    put(s, b, "      \"metadata\": {\n        \"id\": \"{resourceId}\"\n      }\n    }\n  },\n");
    put(s, b, "  \"additionalColumns\": [],\n");
    mst_buffer_init(&row);
    putf(s, &row, "%s,", ADV_GUID_NIL);
    put_resource_id(s, &row, o->resource_type);
    put(s, &row, ",{}");
    put(s, b, "  \"testData\": ");
    put_json(s, b, row.data ? row.data : "");
    mst_buffer_release(&row);
    put(s, b, "\n}\n---\n");
}

/* Refuses a value a header attribute or title line cannot hold. */
static int check_text(scaffold *s, const char *flag, const char *v)
{
    const unsigned char *p;
    if (!*v)
        return say(s, 2, "%s is empty", flag);
    for (p = (const unsigned char *)v; *p; p++)
        if (*p < 0x20 || *p == 0x7f || *p == '"' || *p == '<' || *p == '>')
            return say(s, 2, "%s has %s at character %zu: a header attribute cannot hold it", flag,
                       *p == '"'   ? "'\"'"
                       : *p == '<' ? "'<'"
                       : *p == '>' ? "'>'"
                                   : "a control character",
                       (size_t)(p - (const unsigned char *)v) + 1);
    return 0;
}

static int plan_new(scaffold *s)
{
    const cg_new_options *o = s->o;
    unsigned groups[MAX_FILES];
    size_t i, n;
    char why[200], stem[512], id[512];
    const char *other;
    char *folder;
    int rc;

    if ((rc = check_text(s, "--name", o->name)) != 0)
        return rc;
    if (adv_title_is_placeholder(o->name))
        return say(s, 2,
                   "--name '%s' is the authoring template's placeholder: give the "
                   "recommendation's title",
                   o->name);
    if (adv_resource_type_check(o->resource_type, why, sizeof(why)) != 0)
        return say(s, 2, "--resource-type '%s' is not an ARM resource type: it %s",
                   o->resource_type, why);
    if (o->friendly_name) {
        if ((rc = check_text(s, "--friendly-name", o->friendly_name)) != 0)
            return rc;
        snprintf(s->friendly, sizeof(s->friendly), "%s", o->friendly_name);
    } else if (adv_pascal_case(o->name, s->friendly, sizeof(s->friendly)) != 0) {
        return say(s, 2, "--name '%s' has no letter or digit to make a friendly name of", o->name);
    }
    if (adv_file_stem(s->friendly, stem, sizeof(stem)) != 0 ||
        cg_identifier(s->friendly, strlen(s->friendly), id, sizeof(id)) != 0)
        return say(s, 2, "friendly name '%s' cannot name a file", s->friendly);
    other = tree_find(s, AL_FACT_FRIENDLY_NAME, s->friendly);
    if (other)
        return say(s, 1,
                   "friendly name '%s' is taken: %s has it (--friendly-name NAME gives "
                   "another)",
                   s->friendly, other);
    if (adv_guid_v4(s->type_id) != 0)
        return say(s, 2, "cannot read random bytes for a GUID: %s", strerror(errno));
    folder = new_folder(s);
    if (!folder)
        return say(s, 2, "out of memory");
    n = adv_cloud_groups(s->clouds, groups, MAX_FILES);
    for (i = 0; i < n; i++) {
        plan_file *f = plan_add(s, folder, stem, adv_cloud_first(groups[i]));
        if (!f)
            break;
        render_new(s, &f->text, groups[i]);
    }
    free(folder);
    return s->oom ? say(s, 2, "out of memory") : 0;
}

/* ---- variants ---- */

/* Replaces every FROM in B's text at or after byte POS by TO. */
static void replace_all(scaffold *s, mst_buffer *b, size_t pos, const char *from, const char *to)
{
    size_t flen = strlen(from), tlen = strlen(to);
    mst_buffer out;
    char *hit;
    if (!b->data || !flen)
        return;
    mst_buffer_init(&out);
    if (mst_buffer_append(&out, b->data, pos) != 0)
        s->oom = 1;
    while ((hit = strstr(b->data + pos, from)) != NULL) {
        if (mst_buffer_append(&out, b->data + pos, (size_t)(hit - b->data) - pos) != 0 ||
            mst_buffer_append(&out, to, tlen) != 0)
            s->oom = 1;
        pos = (size_t)(hit - b->data) + flen;
    }
    if (mst_buffer_append(&out, b->data + pos, b->len - pos) != 0)
        s->oom = 1;
    mst_buffer_release(b);
    *b = out;
}

/* Whether the streamNamespace S reads a cluster of a cloud other than CLOUD. */
static int foreign_cluster(const char *ns, unsigned cloud)
{
    adv_cluster cl[8];
    size_t i, n = adv_stream_clusters(ns, cl, 8);
    for (i = 0; i < n; i++) {
        unsigned c = adv_host_cloud(ns + cl[i].host_off, cl[i].host_len);
        if (c && c != cloud)
            return 1;
    }
    return 0;
}

/*
 * The original DOC's text for the clouds of GROUP: articleId and
 * cloudEnvironments replaced in the header, links rewritten for the cloud,
 * a streamNamespace reading another cloud's cluster marked TODO.
 */
static void render_variant(scaffold *s, mst_buffer *b, const al_doc *doc, unsigned group)
{
    const al_attr *aid = al_doc_attr(doc, "articleId"), *ce = al_doc_attr(doc, "cloudEnvironments"),
                  *first_attr, *second;
    unsigned cloud = adv_cloud_first(group);
    char clouds[128], article[128], url[2048], quoted_from[2100], quoted_to[2100];
    adv_link links[64];
    size_t i, n, body;
    json_t *ds = json_object_get(doc->body, "dataSourceMetadata");
    const char *ns = json_string_value(json_object_get(ds, "streamNamespace"));

    adv_clouds_format(group, clouds, sizeof(clouds));
    snprintf(article, sizeof(article), "%s_%s", s->type_id, adv_cloud_name(cloud));
    /* the two attributes in file order, each replaced between its quotes */
    first_attr = aid->value_off < ce->value_off ? aid : ce;
    second = first_attr == aid ? ce : aid;
    if (mst_buffer_append(b, doc->src.data, first_attr->value_off) != 0)
        s->oom = 1;
    put(s, b, first_attr == aid ? article : clouds);
    if (mst_buffer_append(b, doc->src.data + first_attr->value_end,
                          second->value_off - first_attr->value_end) != 0)
        s->oom = 1;
    put(s, b, second == aid ? article : clouds);
    body = b->len + (doc->body_start - second->value_end);
    if (mst_buffer_append(b, doc->src.data + second->value_end, doc->src.len - second->value_end) !=
        0)
        s->oom = 1;
    n = adv_links(doc->body, links, sizeof(links) / sizeof(links[0]));
    for (i = 0; i < n; i++) {
        if (adv_link_for_cloud(links[i].value, cloud, url, sizeof(url)) != 1)
            continue;
        snprintf(quoted_from, sizeof(quoted_from), "\"%s\"", links[i].value);
        snprintf(quoted_to, sizeof(quoted_to), "\"%s\"", url);
        replace_all(s, b, body, quoted_from, quoted_to);
    }
    if (ns && foreign_cluster(ns, cloud)) {
        char from[2100], to[200];
        snprintf(from, sizeof(from), "\"%s\"", ns);
        snprintf(to, sizeof(to),
                 "\"TODO: the %s data source (the original reads another "
                 "cloud's cluster)\"",
                 adv_cloud_name(cloud));
        replace_all(s, b, body, from, to);
    }
}

/* The stem of the file PATH: its name without extension and cloud suffix. */
static char *variant_stem(const char *path)
{
    const char *base = strrchr(path, '/'), *dot;
    size_t off, len;
    base = base ? base + 1 : path;
    if (adv_file_name_cloud(path, &off, &len))
        return strndup(base, (size_t)(path + off - 1 - base));
    dot = strrchr(base, '.');
    return strndup(base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
}

static int load_original(scaffold *s, al_doc *doc)
{
    al_source src;
    int kind;
    if (al_source_read(&src, s->o->variant_of) != 0)
        return say(s, 2, "cannot read --variant-of '%s': %s", s->o->variant_of, strerror(errno));
    kind = al_doc_kind_from_name(s->o->variant_of);
    if (kind != AL_DOC_MARKDOWN) {
        al_source_release(&src);
        return say(s, 2, "--variant-of '%s' is not a Markdown metadata file", s->o->variant_of);
    }
    if (al_doc_load(doc, &src, AL_DOC_MARKDOWN, NULL) != 0)
        return say(s, 2, "out of memory");
    if (doc->skipped || doc->fatal || !doc->body || !al_doc_attr(doc, "articleId") ||
        !al_doc_attr(doc, "cloudEnvironments") ||
        !json_is_string(json_object_get(doc->body, "recommendationTypeId")))
        return say(s, 2,
                   "--variant-of '%s' is not readable advisor metadata with an articleId, "
                   "cloudEnvironments and recommendationTypeId (advisor-lint says why)",
                   s->o->variant_of);
    return 0;
}

static int plan_variant(scaffold *s)
{
    unsigned groups[MAX_FILES];
    size_t i, n;
    al_doc doc;
    char *folder = NULL, *stem = NULL;
    int rc;

    memset(&doc, 0, sizeof(doc));
    if ((rc = load_original(s, &doc)) != 0) {
        al_doc_release(&doc);
        return rc;
    }
    snprintf(s->type_id, sizeof(s->type_id), "%s",
             json_string_value(json_object_get(doc.body, "recommendationTypeId")));
    n = adv_cloud_groups(s->clouds, groups, MAX_FILES);
    for (i = 0; i < n && !rc; i++) {
        unsigned cloud = adv_cloud_first(groups[i]);
        char article[128];
        const char *other = tree_find_variant(s, s->type_id, cloud);
        snprintf(article, sizeof(article), "%s_%s", s->type_id, adv_cloud_name(cloud));
        if (!other)
            other = tree_find(s, AL_FACT_ARTICLE_ID, article);
        if (other)
            rc = say(s, 1, "recommendationTypeId %s already has a %s file: %s", s->type_id,
                     adv_cloud_name(cloud), other);
    }
    if (!rc) {
        folder = !s->o->folder            ? dir_of(s->o->variant_of)
                 : s->o->folder[0] == '/' ? strdup(s->o->folder)
                                          : al_path_join_new(s->o->root, s->o->folder);
        stem = variant_stem(s->o->variant_of);
        if (!folder || !stem)
            rc = say(s, 2, "out of memory");
    }
    for (i = 0; i < n && !rc; i++) {
        plan_file *f = plan_add(s, folder, stem, adv_cloud_first(groups[i]));
        if (f)
            render_variant(s, &f->text, &doc, groups[i]);
    }
    free(folder);
    free(stem);
    al_doc_release(&doc);
    if (!rc && s->oom)
        rc = say(s, 2, "out of memory");
    return rc;
}

/* ---- writing ---- */

/* Creates DIR and its missing parents, remembering each one made. */
static int make_dirs(scaffold *s, const char *dir)
{
    char *parent;
    struct stat st;
    if (stat(dir, &st) == 0)
        return S_ISDIR(st.st_mode) ? 0 : say(s, 2, "'%s' is not a directory", dir);
    parent = al_path_dir_new(dir);
    if (parent && strcmp(parent, dir) && make_dirs(s, parent) != 0) {
        free(parent);
        return 2;
    }
    free(parent);
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return say(s, 2, "cannot create directory '%s': %s", dir, strerror(errno));
    if (s->nmade < sizeof(s->made_dirs) / sizeof(s->made_dirs[0]) &&
        (s->made_dirs[s->nmade] = strdup(dir)) != NULL)
        s->nmade++;
    return 0;
}

/* Writes F's text to a new temporary file in its folder, synced. */
static int write_tmp(scaffold *s, plan_file *f)
{
    char *dir = dir_of(f->path), *name;
    size_t off = 0;
    int fd;
    name = dir ? al_path_join_new(dir, SCAFFOLD_TMP "XXXXXX") : NULL;
    free(dir);
    if (!name)
        return say(s, 2, "out of memory");
    fd = mkstemp(name);
    if (fd < 0) {
        say(s, 2, "cannot create a temporary file beside '%s': %s", f->path, strerror(errno));
        free(name);
        return 2;
    }
    f->tmp = name;
    while (off < f->text.len) {
        ssize_t w = write(fd, f->text.data + off, f->text.len - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            close(fd);
            return say(s, 2, "cannot write '%s': %s", name, strerror(errno));
        }
        off += (size_t)w;
    }
    if (fchmod(fd, 0644) != 0 || fsync(fd) != 0) {
        close(fd);
        return say(s, 2, "cannot write '%s': %s", name, strerror(errno));
    }
    if (close(fd) != 0)
        return say(s, 2, "cannot write '%s': %s", name, strerror(errno));
    return 0;
}

/* Removes every temporary file, the placed files and the directories made. */
static void roll_back(scaffold *s, int keep_placed)
{
    size_t i;
    for (i = 0; i < s->nfiles; i++) {
        plan_file *f = &s->files[i];
        if (f->tmp)
            unlink(f->tmp);
        if (f->placed && !keep_placed)
            unlink(f->path);
    }
    if (keep_placed)
        return;
    for (i = s->nmade; i-- > 0;)
        rmdir(s->made_dirs[i]);
}

/*
 * The link that fails on purpose, for the test that a failure leaves
 * nothing behind: ADVISOR_CODEGEN_NEW_FAIL_LINK=N fails the Nth (from 1)
 * as an I/O error would. Unset (always, outside that test): none.
 */
static size_t failing_link(void)
{
    const char *v = getenv("ADVISOR_CODEGEN_NEW_FAIL_LINK");
    return v ? strtoul(v, NULL, 10) : 0;
}

static int commit(scaffold *s)
{
    size_t i, fail_at = failing_link();
    int rc = 0;
    for (i = 0; i < s->nfiles && !rc; i++) {
        char *dir = dir_of(s->files[i].path);
        rc = dir ? make_dirs(s, dir) : say(s, 2, "out of memory");
        free(dir);
    }
    for (i = 0; i < s->nfiles && !rc; i++)
        rc = write_tmp(s, &s->files[i]);
    for (i = 0; i < s->nfiles && !rc; i++) {
        plan_file *f = &s->files[i];
        if (i + 1 == fail_at) {
            rc = say(s, 2, "cannot create '%s': %s (ADVISOR_CODEGEN_NEW_FAIL_LINK)", f->path,
                     strerror(EIO));
            break;
        }
        if (link(f->tmp, f->path) != 0) {
            rc = errno == EEXIST ? say(s, 2, "%s exists: not overwriting it", f->path)
                                 : say(s, 2, "cannot create '%s': %s", f->path, strerror(errno));
            break;
        }
        f->placed = 1;
    }
    roll_back(s, rc == 0);
    return rc;
}

/* Refuses when a file to create is there already (before anything is written). */
static int check_free(scaffold *s, const char *path)
{
    struct stat st;
    if (lstat(path, &st) == 0)
        return say(s, 2, "%s exists: not overwriting it", path);
    return 0;
}

/* ---- -o OUT ---- */

/* Removes the tree below PATH (nftw callback). */
static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path) == 0 ? 0 : -1;
}

/*
 * Generates the new files through cg_generate (the normal generator path,
 * todo markers allowed) into a temporary directory in OUT, then links the
 * type's rule header, stub and test into OUT (never replacing a file) and
 * removes the rest: the catalog and manifest of the whole tree are not this
 * command's to write.
 */
static int generate_rules(scaffold *s, const char *id)
{
    const char *rels[3] = { "rules/%s.h", "rules/%s.c", "tests/test_%s.c" };
    char *paths[MAX_FILES], *tmp = NULL;
    cg_options go;
    FILE *quiet;
    size_t i;
    int rc = 0;

    for (i = 0; i < s->nfiles; i++)
        paths[i] = s->files[i].path;
    if (make_dirs(s, s->o->out_dir) != 0)
        return 2;
    tmp = al_path_join_new(s->o->out_dir, SCAFFOLD_TMP "XXXXXX");
    if (!tmp || !mkdtemp(tmp)) {
        rc = say(s, 2, "cannot create a temporary directory in %s: %s", s->o->out_dir,
                 strerror(errno));
        free(tmp);
        return rc;
    }
    quiet = fopen("/dev/null", "w");
    if (!quiet) {
        rc = say(s, 2, "cannot open /dev/null: %s", strerror(errno));
        goto done;
    }
    memset(&go, 0, sizeof(go));
    go.out_dir = tmp;
    go.root = s->o->root;
    go.quiet = 1;
    go.out = quiet;
    go.err = quiet;
    go.version = s->o->version;
    go.allow_todo = 1;
    rc = cg_generate(&go, paths, s->nfiles);
    fclose(quiet);
    if (rc != 0) {
        rc = say(s, rc == 1 ? 2 : rc,
                 "generating the rule files failed (advisor-codegen -o %s with the new files "
                 "says why)",
                 s->o->out_dir);
        goto done;
    }
    for (i = 0; i < 3 && !rc; i++) {
        char rel[600], *from, *to, *dir;
        snprintf(rel, sizeof(rel), rels[i], id);
        from = al_path_join_new(tmp, rel);
        to = al_path_join_new(s->o->out_dir, rel);
        dir = to ? al_path_dir_new(to) : NULL;
        if (!from || !to || !dir)
            rc = say(s, 2, "out of memory");
        else if (access(from, F_OK) != 0)
            ; /* no test without testData */
        else if ((rc = make_dirs(s, dir)) == 0 && link(from, to) != 0)
            rc = say(s, 2, "cannot create '%s': %s", to, strerror(errno));
        else if (rc == 0)
            fprintf(s->o->out, "%s\n", to);
        free(from);
        free(to);
        free(dir);
    }
done:
    nftw(tmp, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    free(tmp);
    return rc;
}

/* The rule files -o OUT would create for the friendly name: none may exist yet. */
static int check_out(scaffold *s, char *id, size_t n)
{
    const char *rels[3] = { "rules/%s.h", "rules/%s.c", "tests/test_%s.c" };
    size_t i;
    int rc = 0;
    if (cg_identifier(s->friendly, strlen(s->friendly), id, n) != 0)
        return say(s, 2, "friendly name '%s' cannot name a file", s->friendly);
    for (i = 0; i < 3 && !rc; i++) {
        char rel[600], *p;
        snprintf(rel, sizeof(rel), rels[i], id);
        p = al_path_join_new(s->o->out_dir, rel);
        rc = p ? check_free(s, p) : say(s, 2, "out of memory");
        free(p);
    }
    return rc;
}

static void release(scaffold *s)
{
    size_t i;
    for (i = 0; i < s->nfiles; i++) {
        free(s->files[i].path);
        free(s->files[i].tmp);
        mst_buffer_release(&s->files[i].text);
    }
    for (i = 0; i < s->nmade; i++)
        free(s->made_dirs[i]);
    al_context_free(s->tree);
}

/* The friendly name of the --variant-of file's, for -o OUT. */
static void variant_friendly(scaffold *s)
{
    const char *p =
        s->nfiles ? strstr(s->files[0].text.data, "\"recommendationFriendlyName\"") : NULL;
    al_source src;
    al_doc doc;
    if (!p || al_source_from_memory(&src, s->files[0].path, s->files[0].text.data,
                                    s->files[0].text.len) != 0)
        return;
    if (al_doc_load(&doc, &src, AL_DOC_MARKDOWN, NULL) == 0 && doc.body) {
        const char *f = json_string_value(json_object_get(doc.body, "recommendationFriendlyName"));
        if (f)
            snprintf(s->friendly, sizeof(s->friendly), "%s", f);
    }
    al_doc_release(&doc);
}

/* Parses --clouds into s->clouds. */
static int check_clouds(scaffold *s)
{
    const char *list = s->o->clouds;
    size_t pos = 0;
    adv_list_item it;
    if (!list)
        return say(s, 2, "no --clouds given (e.g. --clouds Public,Fairfax,Mooncake)");
    while (adv_list_next(list, &pos, &it)) {
        unsigned bit = adv_cloud_lookup(list + it.off, it.len, NULL);
        if (!bit)
            return say(s, 2,
                       "unknown cloud '%.*s' in --clouds '%s' (expected Public, Fairfax, "
                       "Mooncake, USNat or USSec, comma-separated)",
                       (int)it.len, list + it.off, list);
        s->clouds |= bit;
    }
    return 0;
}

/* Checks the flags' values and keeps their canonical spellings. */
static int check_flags(scaffold *s)
{
    const cg_new_options *o = s->o;
    if (check_clouds(s) != 0)
        return 2;
    if (o->variant_of)
        return 0;
    if (!o->name || !o->resource_type || !o->category || !o->impact)
        return say(s, 2,
                   "a new recommendation needs --name, --resource-type, --category, "
                   "--impact and --clouds (or --variant-of FILE --clouds ...)");
    s->category = adv_category_lookup(o->category);
    if (!s->category)
        return say(s, 2,
                   "unknown --category '%s' (expected HighAvailability, Security, Performance, "
                   "Cost or OperationalExcellence)",
                   o->category);
    s->impact = adv_impact_lookup(o->impact);
    if (!s->impact)
        return say(s, 2, "unknown --impact '%s' (expected High, Medium or Low)", o->impact);
    s->data_source = adv_data_source_lookup(o->data_source ? o->data_source : "Kusto");
    if (!s->data_source)
        return say(s, 2, "unknown --data-source '%s' (expected Kusto, SAS or Cosmos)",
                   o->data_source);
    return 0;
}

int cg_new(const cg_new_options *o)
{
    scaffold s;
    char id[512];
    size_t i;
    int rc;

    memset(&s, 0, sizeof(s));
    s.o = o;
    rc = check_flags(&s);
    if (!rc)
        rc = read_tree(&s);
    if (!rc)
        rc = o->variant_of ? plan_variant(&s) : plan_new(&s);
    if (!rc && o->variant_of)
        variant_friendly(&s);
    for (i = 0; i < s.nfiles && !rc; i++)
        rc = check_free(&s, s.files[i].path);
    if (!rc && o->out_dir)
        rc = check_out(&s, id, sizeof(id));
    if (!rc)
        rc = commit(&s);
    for (i = 0; i < s.nfiles && !rc; i++)
        fprintf(o->out, "%s\n", s.files[i].path);
    if (!rc && o->out_dir)
        rc = generate_rules(&s, id);
    release(&s);
    return rc;
}
