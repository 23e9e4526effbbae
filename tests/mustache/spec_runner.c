/*
 * spec_runner.c - runs the mustache specification's tests (the JSON form of the
 * spec's YAML files) against the engine with the HTML escaper.
 *
 * usage: mustache-spec-runner SPEC_DIR [FILE...]
 * FILE defaults to the six core files (comments, delimiters, interpolation,
 * inverted, partials, sections). Each test compiles its template and its
 * "partials" object, renders "data" and compares the output byte for byte with
 * "expected". Prints each failure (file, test name, expected and got, escaped) and
 * then "N passed, N failed". Exits 0 when all pass, 1 otherwise, and 77 (ctest's
 * skip) with a message when SPEC_DIR does not exist, as in a user's clone.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "mustache.h"

#define EXIT_SKIP 77

static const char *const core_files[] = {
    "comments", "delimiters", "interpolation", "inverted", "partials", "sections",
};

/* A test's compiled partials, looked up by name. */
struct partials {
    const char **names;
    mst_template **templates;
    size_t count;
};

static int lookup_partial(void *data, const char *name, const mst_template **out, mst_error *err)
{
    (void)err;
    const struct partials *ps = data;
    *out = NULL;
    for (size_t i = 0; i < ps->count; i++) {
        if (strcmp(ps->names[i], name) == 0) {
            *out = ps->templates[i];
            break;
        }
    }
    return 0;
}

static void partials_release(struct partials *ps)
{
    for (size_t i = 0; i < ps->count; i++)
        mst_template_free(ps->templates[i]);
    free(ps->templates);
    free(ps->names);
}

/* Compiles a test's partials object (may be NULL). Returns -1 and fills err when one
 * does not compile. */
static int partials_load(struct partials *ps, const json_t *obj, mst_error *err)
{
    size_t n = json_is_object(obj) ? json_object_size(obj) : 0;
    ps->count = 0;
    ps->names = calloc(n ? n : 1, sizeof *ps->names);
    ps->templates = calloc(n ? n : 1, sizeof *ps->templates);
    if (!ps->names || !ps->templates) {
        snprintf(err->text, sizeof err->text, "out of memory");
        return -1;
    }
    if (n == 0)
        return 0;
    const char *key;
    json_t *value;
    json_object_foreach((json_t *)obj, key, value) {
        mst_template *t =
            mst_compile(json_string_value(value), json_string_length(value), key, err);
        if (!t)
            return -1;
        ps->names[ps->count] = key;
        ps->templates[ps->count++] = t;
    }
    return 0;
}

/* Prints bytes with newlines, tabs, quotes, backslashes and non-printables escaped. */
static void print_escaped(const char *s, size_t len)
{
    putchar('"');
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n')
            fputs("\\n", stdout);
        else if (c == '\r')
            fputs("\\r", stdout);
        else if (c == '\t')
            fputs("\\t", stdout);
        else if (c == '"' || c == '\\')
            printf("\\%c", c);
        else if (c < 0x20 || c == 0x7f)
            printf("\\x%02x", c);
        else
            putchar(c);
    }
    putchar('"');
}

/* Runs one test; returns 1 when it passes. */
static int run_test(const char *file, const json_t *test)
{
    const char *name = json_string_value(json_object_get(test, "name"));
    const json_t *tmpl = json_object_get(test, "template");
    const json_t *expected = json_object_get(test, "expected");
    mst_error err = { 0 };
    struct partials ps = { 0 };
    mst_buffer out;
    mst_buffer_init(&out);
    int ok = 0;

    mst_template *t = NULL;
    if (!json_is_string(tmpl) || !json_is_string(expected)) {
        snprintf(err.text, sizeof err.text, "malformed test");
    } else if (partials_load(&ps, json_object_get(test, "partials"), &err) == 0 &&
               (t = mst_compile(json_string_value(tmpl), json_string_length(tmpl), name, &err))) {
        mst_options opts = { .escape = mst_escape_html,
                             .partial = lookup_partial,
                             .partial_data = &ps };
        if (mst_render(t, json_object_get(test, "data"), &opts, &out, &err) == 0) {
            ok = out.len == json_string_length(expected) &&
                 memcmp(out.data ? out.data : "", json_string_value(expected), out.len) == 0;
            err.text[0] = '\0';
        }
    }
    if (!ok) {
        printf("FAIL %s: %s\n  expected: ", file, name ? name : "?");
        if (json_is_string(expected))
            print_escaped(json_string_value(expected), json_string_length(expected));
        printf("\n  got:      ");
        if (err.text[0])
            printf("error %s:%d:%d: %s", err.source, err.line, err.column, err.text);
        else
            print_escaped(out.data ? out.data : "", out.len);
        putchar('\n');
    }
    mst_buffer_release(&out);
    mst_template_free(t);
    partials_release(&ps);
    return ok;
}

/* Runs one spec file; adds to the counts. Returns -1 when the file cannot be read. */
static int run_file(const char *dir, const char *file, int *passed, int *failed)
{
    char path[4096];
    if ((size_t)snprintf(path, sizeof path, "%s/%s.json", dir, file) >= sizeof path) {
        fprintf(stderr, "mustache-spec: path too long for \"%s\"\n", file);
        return -1;
    }
    json_error_t jerr;
    json_t *spec = json_load_file(path, 0, &jerr);
    if (!spec) {
        fprintf(stderr, "mustache-spec: cannot load \"%s\": %s\n", path, jerr.text);
        return -1;
    }
    size_t i;
    json_t *test;
    json_array_foreach(json_object_get(spec, "tests"), i, test) {
        if (run_test(file, test))
            (*passed)++;
        else
            (*failed)++;
    }
    json_decref(spec);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s SPEC_DIR [FILE...]\n", argv[0]);
        return 2;
    }
    const char *dir = argv[1];
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        printf("skipped: mustache spec directory \"%s\" not found\n", dir);
        return EXIT_SKIP;
    }
    int passed = 0, failed = 0, broken = 0;
    if (argc > 2) {
        for (int i = 2; i < argc; i++)
            broken |= run_file(dir, argv[i], &passed, &failed) < 0;
    } else {
        for (size_t i = 0; i < sizeof core_files / sizeof core_files[0]; i++)
            broken |= run_file(dir, core_files[i], &passed, &failed) < 0;
    }
    printf("%d passed, %d failed\n", passed, failed);
    if (fflush(stdout) != 0)
        return 1;
    return failed || broken ? 1 : 0;
}
