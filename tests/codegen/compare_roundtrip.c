/*
 * compare_roundtrip.c - is the dumped catalog equal to the source files?
 *
 * Usage: compare_roundtrip DUMP.json
 * For every dumped entry, reads its source file with advisor-lint's reader
 * and compares the body (as JSON values, numbers by value, every field),
 * the header attributes and the title. Prints each difference with its JSON
 * pointer and the counts; exits 1 on any difference or when the dump has no
 * entry at all.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "reader/document.h"

static int differences;

static void diff(const char *file, const char *ptr, const char *what)
{
    if (differences < 50)
        printf("DIFF %s %s: %s\n", file, ptr[0] ? ptr : "(root)", what);
    differences++;
}

/* Equality as JSON values, numbers compared by value. */
static void compare(const char *file, const char *ptr, json_t *want, json_t *got)
{
    char sub[1024];
    if (json_is_number(want) && json_is_number(got)) {
        if (json_number_value(want) != json_number_value(got))
            diff(file, ptr, "numbers differ");
        return;
    }
    if (json_typeof(want) != json_typeof(got)) {
        diff(file, ptr, got ? "types differ" : "missing");
        return;
    }
    if (json_is_object(want)) {
        const char *k;
        json_t *v;
        json_object_foreach(want, k, v) {
            snprintf(sub, sizeof(sub), "%s/%s", ptr, k);
            compare(file, sub, v, json_object_get(got, k));
        }
        json_object_foreach(got, k, v) {
            if (!json_object_get(want, k)) {
                snprintf(sub, sizeof(sub), "%s/%s", ptr, k);
                diff(file, sub, "extra field");
            }
        }
        return;
    }
    if (json_is_array(want)) {
        size_t i;
        if (json_array_size(want) != json_array_size(got)) {
            diff(file, ptr, "array sizes differ");
            return;
        }
        for (i = 0; i < json_array_size(want); i++) {
            snprintf(sub, sizeof(sub), "%s/%zu", ptr, i);
            compare(file, sub, json_array_get(want, i), json_array_get(got, i));
        }
        return;
    }
    if (!json_equal(want, got))
        diff(file, ptr, "values differ");
}

int main(int argc, char **argv)
{
    json_error_t err;
    json_t *dump, *e;
    size_t i, compared = 0, fields = 0;

    if (argc != 2) {
        fprintf(stderr, "usage: compare_roundtrip DUMP.json\n");
        return 2;
    }
    dump = json_load_file(argv[1], JSON_ALLOW_NUL, &err);
    if (!json_is_array(dump)) {
        fprintf(stderr, "cannot read '%s': %s\n", argv[1], err.text);
        return 2;
    }
    json_array_foreach(dump, i, e) {
        const char *file = json_string_value(json_object_get(e, "file"));
        al_source src;
        al_doc doc;
        json_t *header = json_object(), *got_header = json_object_get(e, "header");
        size_t a;
        int kind;

        if (!file || al_source_read(&src, file) != 0) {
            diff(file ? file : "?", "", "cannot read the source");
            continue;
        }
        kind = al_doc_kind_from_name(file);
        if (kind < 0)
            kind = (int)al_doc_sniff_kind(src.data, src.len);
        al_doc_load(&doc, &src, (al_doc_kind)kind, NULL);
        compare(file, "", doc.body, json_object_get(e, "body"));
        for (a = 0; a < doc.nattrs; a++)
            json_object_set_new(header, doc.attrs[a].name, json_string(doc.attrs[a].value));
        compare(file, "header:", header, got_header);
        if (doc.has_title) {
            json_t *t = json_string(doc.title);
            compare(file, "title", t, json_object_get(e, "title"));
            json_decref(t);
        }
        fields += json_object_size(doc.body) + doc.nattrs;
        json_decref(header);
        al_doc_release(&doc);
        compared++;
    }
    printf(
        "%zu catalog entries compared with their sources (%zu top-level fields and attributes): "
        "%d differences\n",
        compared, fields, differences);
    json_decref(dump);
    if (compared == 0) {
        printf("no catalog entry was compared: an empty catalog proves nothing\n");
        return 1;
    }
    return differences ? 1 : 0;
}
