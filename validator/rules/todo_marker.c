/*
 * todo_marker.c - rule 'todo-marker': placeholder text left in a file.
 *
 * Looks for "TODO" markers (advisor/todo.c says what counts) in every
 * string value of the body, in the title and in the header attribute
 * values, and reports each at the marker itself. Object keys are not
 * looked at: they are field names, checked by the schema.
 */
#include <stdio.h>
#include <string.h>

#include "../advisor/advisor.h"
#include "../util/jsonptr.h"
#include "check.h"

#define MAX_DEPTH 64

/* Reports every marker of string S (LEN bytes), the body value at POINTER. */
static void scan_string(al_check *c, const char *s, size_t len, const char *pointer)
{
    size_t pos = 0, at, mlen;
    char path[512];
    adv_pointer_to_path(pointer, path, sizeof(path));
    while (pos < len && adv_todo_find(s + pos, len - pos, &at, &mlen)) {
        al_check_at_string(c, "todo-marker", pointer, pos + at, pos + at + mlen,
                           "placeholder \"%.*s\" left in %s", (int)mlen, s + pos + at, path);
        pos += at + mlen;
    }
}

static void walk(al_check *c, json_t *v, char *ptr, size_t len, size_t cap, int depth)
{
    const char *key;
    json_t *x;
    size_t i, n;

    if (json_is_string(v)) {
        scan_string(c, json_string_value(v), json_string_length(v), ptr);
        return;
    }
    if (depth >= MAX_DEPTH)
        return;
    if (json_is_object(v)) {
        json_object_foreach(v, key, x) {
            if ((n = al_jsonptr_put(ptr, cap, len, key)) < cap)
                walk(c, x, ptr, n, cap, depth + 1);
            ptr[len] = '\0';
        }
    } else if (json_is_array(v)) {
        json_array_foreach(v, i, x) {
            int w = snprintf(ptr + len, cap - len, "/%zu", i);
            if (w > 0 && (size_t)w < cap - len)
                walk(c, x, ptr, len + (size_t)w, cap, depth + 1);
            ptr[len] = '\0';
        }
    }
}

static void check(al_check *c)
{
    al_doc *d = c->doc;
    size_t i, at, mlen, pos;
    char ptr[1024] = "";

    for (i = 0; i < d->nattrs; i++) {
        const al_attr *a = &d->attrs[i];
        size_t len = strlen(a->value);
        for (pos = 0; pos < len && adv_todo_find(a->value + pos, len - pos, &at, &mlen);
             pos += at + mlen)
            al_check_at_offset(c, "todo-marker", a->value_off + pos + at,
                               a->value_off + pos + at + mlen, NULL,
                               "placeholder \"%.*s\" left in header attribute %s", (int)mlen,
                               a->value + pos + at, a->name);
    }
    if (d->has_title && d->title) {
        size_t len = strlen(d->title);
        for (pos = 0; pos < len && adv_todo_find(d->title + pos, len - pos, &at, &mlen);
             pos += at + mlen)
            al_check_at_offset(c, "todo-marker", d->title_text_off + pos + at,
                               d->title_text_off + pos + at + mlen, NULL,
                               "placeholder \"%.*s\" left in the title", (int)mlen,
                               d->title + pos + at);
    }
    if (d->body)
        walk(c, d->body, ptr, 0, sizeof(ptr), 0);
}

const al_rule al_rule_todo_marker = {
    "todo-marker",
    AL_SEV_ERROR,
    "placeholder text such as TODO is left in a field",
    "## What it flags\n"
    "A `TODO` marker in any string value of the body, in the title or in a header attribute:\n"
    "`TODO HERE`, `TODO: describe the benefit`, `Todo DEscription`, `todoLongDesc` (any case, at\n"
    "the start of a word, not running on into lowercase letters, so `todos` and `mastodon` are\n"
    "not markers). Each marker is reported where it is.\n\n"
    "## Why it matters\n"
    "The texts are shown to users in the Azure portal as written: a placeholder published is a\n"
    "recommendation that says `TODO`. The scaffolding command writes `TODO: ...` markers for\n"
    "what a person has to fill in; this rule keeps them from being merged.\n\n"
    "## Example\n"
    "```json\n\"longDescription\": \"todoLongDesc\",\n\"potentialBenefits\": \"TODO: describe the benefit\"\n```\n\n"
    "## Fix\n"
    "Write the real text in place of the marker.",
    check,
    NULL,
    NULL,
};
