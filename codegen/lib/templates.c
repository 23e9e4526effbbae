/*
 * templates.c - the embedded template table and --templates overrides.
 */
#include "templates.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reader/source.h"
#include "util/path.h"

#define EMBED(sym)                                                                                 \
    extern const char sym[];                                                                       \
    extern const size_t sym##_len;
EMBED(cg_tpl_advisor_types_h)
EMBED(cg_tpl_advisor_catalog_h)
EMBED(cg_tpl_advisor_catalog_c)
EMBED(cg_tpl_advisor_registry_h)
EMBED(cg_tpl_advisor_registry_c)
EMBED(cg_tpl_rule_h)
EMBED(cg_tpl_rule_stub_c)
EMBED(cg_tpl_rule_test_c)
EMBED(cg_tpl_cmakelists_txt)
EMBED(cg_tpl_str)
EMBED(cg_tpl_num)
EMBED(cg_tpl_action)
#undef EMBED

static const struct {
    const char *name;
    const char *text;
    const size_t *len;
} embedded[] = {
    { "advisor_types.h.mustache", cg_tpl_advisor_types_h, &cg_tpl_advisor_types_h_len },
    { "advisor_catalog.h.mustache", cg_tpl_advisor_catalog_h, &cg_tpl_advisor_catalog_h_len },
    { "advisor_catalog.c.mustache", cg_tpl_advisor_catalog_c, &cg_tpl_advisor_catalog_c_len },
    { "advisor_registry.h.mustache", cg_tpl_advisor_registry_h, &cg_tpl_advisor_registry_h_len },
    { "advisor_registry.c.mustache", cg_tpl_advisor_registry_c, &cg_tpl_advisor_registry_c_len },
    { "rule.h.mustache", cg_tpl_rule_h, &cg_tpl_rule_h_len },
    { "rule_stub.c.mustache", cg_tpl_rule_stub_c, &cg_tpl_rule_stub_c_len },
    { "rule_test.c.mustache", cg_tpl_rule_test_c, &cg_tpl_rule_test_c_len },
    { "CMakeLists.txt.mustache", cg_tpl_cmakelists_txt, &cg_tpl_cmakelists_txt_len },
    { "_str.mustache", cg_tpl_str, &cg_tpl_str_len },
    { "_num.mustache", cg_tpl_num, &cg_tpl_num_len },
    { "_action.mustache", cg_tpl_action, &cg_tpl_action_len },
};

#define NTEMPLATES (sizeof(embedded) / sizeof(embedded[0]))

struct cg_templates {
    mst_template *compiled[NTEMPLATES];
};

static int compile_one(cg_templates *set, size_t i, const char *dir, char *err, size_t errlen)
{
    const char *text = embedded[i].text, *label = embedded[i].name;
    size_t len = *embedded[i].len;
    al_source src;
    int have_src = 0, rc = 0;
    char *path = NULL;
    mst_error merr;

    if (dir) {
        path = al_path_join_new(dir, embedded[i].name);
        if (!path) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
        if (al_source_read(&src, path) == 0) {
            text = src.data;
            len = src.len;
            have_src = 1;
            label = path;
        } else if (errno != ENOENT) {
            snprintf(err, errlen, "cannot read template '%s': %s", path, strerror(errno));
            free(path);
            return -1;
        }
    }
    if (embedded[i].name[0] == '_' && len > 0 && text[len - 1] == '\n')
        len--;
    set->compiled[i] = mst_compile(text, len, label, &merr);
    if (have_src)
        al_source_release(&src);
    if (!set->compiled[i]) {
        snprintf(err, errlen, "%s:%d:%d: %s", label, merr.line, merr.column, merr.text);
        rc = -1;
    }
    free(path);
    return rc;
}

cg_templates *cg_templates_new(const char *dir, char *err, size_t errlen)
{
    cg_templates *set = calloc(1, sizeof(*set));
    size_t i;
    if (!set) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    for (i = 0; i < NTEMPLATES; i++) {
        if (compile_one(set, i, dir, err, errlen) != 0) {
            cg_templates_free(set);
            return NULL;
        }
    }
    return set;
}

void cg_templates_free(cg_templates *set)
{
    size_t i;
    if (!set)
        return;
    for (i = 0; i < NTEMPLATES; i++)
        mst_template_free(set->compiled[i]);
    free(set);
}

const mst_template *cg_templates_get(const cg_templates *set, const char *name)
{
    size_t i;
    for (i = 0; i < NTEMPLATES; i++)
        if (!strcmp(embedded[i].name, name))
            return set->compiled[i];
    return NULL;
}

static int lookup_partial(void *data, const char *name, const mst_template **out, mst_error *err)
{
    char file[256];
    (void)err;
    snprintf(file, sizeof(file), "_%s.mustache", name);
    *out = cg_templates_get(data, file);
    return 0;
}

int cg_templates_render(const cg_templates *set, const char *name, const json_t *ctx,
                        mst_buffer *out, char *err, size_t errlen)
{
    const mst_template *t = cg_templates_get(set, name);
    mst_options opts;
    mst_error merr;

    if (!t) {
        snprintf(err, errlen, "no template '%s'", name);
        return -1;
    }
    memset(&opts, 0, sizeof(opts));
    opts.escape = mst_escape_c_string;
    opts.partial = lookup_partial;
    opts.partial_data = (void *)set;
    if (mst_render(t, ctx, &opts, out, &merr) != 0) {
        snprintf(err, errlen, "%s:%d:%d: %s", merr.source, merr.line, merr.column, merr.text);
        return -1;
    }
    return 0;
}
