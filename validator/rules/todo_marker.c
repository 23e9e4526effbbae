/*
 * todo_marker.c - rule 'todo-marker': placeholder text left in a file.
 *
 * Looks for "TODO" markers (advisor/todo.c says what counts) in every
 * string value of the body, in the title and in the header attribute
 * values, and reports each at the marker itself. Object keys are not
 * looked at: they are field names, checked by the schema. A value that
 * must be a GUID cannot hold a word: the nil GUID is its marker (what
 * `advisor-codegen new` writes for owner.serviceTreeId), reported too.
 */
#include <stdio.h>
#include <string.h>

#include "../advisor/advisor.h"
#include "../util/jsonptr.h"
#include "check.h"

#define MAX_DEPTH 64

/* One step from the body down to a value: an object member's key, or an array index. */
typedef struct step {
    const char *key; /* NULL for an array item */
    size_t index;
} step;

/*
 * The JSON pointer of the value DEPTH steps down PATH, into PTR (CAP bytes).
 * Returns 0, or -1 when it does not fit (the marker is then not reported, as
 * a value whose pointer is that long is no field of this format).
 */
static int make_pointer(const step *path, int depth, char *ptr, size_t cap)
{
    size_t len = 0;
    int i;
    ptr[0] = '\0';
    for (i = 0; i < depth; i++) {
        if (path[i].key) {
            len = al_jsonptr_put(ptr, cap, len, path[i].key);
        } else {
            int w = snprintf(ptr + len, cap - len, "/%zu", path[i].index);
            len = w > 0 && (size_t)w < cap - len ? len + (size_t)w : cap;
        }
        if (len >= cap)
            return -1;
    }
    return 0;
}

/*
 * Reports every marker of string S (LEN bytes), the body value DEPTH steps
 * down PATH. Its pointer and path are made only when there is a marker: most
 * strings have none, and the walk is over every string of the body.
 */
static void scan_string(al_check *c, const char *s, size_t len, const step *path, int depth)
{
    size_t pos = 0, at, mlen;
    char ptr[1024], where[512];
    int made = 0;
    if (adv_guid_is_nil(s, len)) {
        if (make_pointer(path, depth, ptr, sizeof(ptr)) != 0)
            return;
        adv_pointer_to_path(ptr, where, sizeof(where));
        al_check_at_string(c, "todo-marker", ptr, 0, len,
                           "placeholder GUID %s left in %s: write the real one", ADV_GUID_NIL,
                           where);
        return;
    }
    while (pos < len && adv_todo_find(s + pos, len - pos, &at, &mlen)) {
        if (!made) {
            if (make_pointer(path, depth, ptr, sizeof(ptr)) != 0)
                return;
            adv_pointer_to_path(ptr, where, sizeof(where));
            made = 1;
        }
        al_check_at_string(c, "todo-marker", ptr, pos + at, pos + at + mlen,
                           "placeholder \"%.*s\" left in %s", (int)mlen, s + pos + at, where);
        pos += at + mlen;
    }
}

static void walk(al_check *c, json_t *v, step *path, int depth)
{
    const char *key;
    json_t *x;
    size_t i;

    if (json_is_string(v)) {
        scan_string(c, json_string_value(v), json_string_length(v), path, depth);
        return;
    }
    if (depth >= MAX_DEPTH)
        return;
    if (json_is_object(v)) {
        json_object_foreach(v, key, x) {
            path[depth].key = key;
            walk(c, x, path, depth + 1);
        }
    } else if (json_is_array(v)) {
        json_array_foreach(v, i, x) {
            path[depth].key = NULL;
            path[depth].index = i;
            walk(c, x, path, depth + 1);
        }
    }
}

static void check(al_check *c)
{
    al_doc *d = c->doc;
    size_t i, at, mlen, pos;
    step path[MAX_DEPTH];

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
        walk(c, d->body, path, 0);
}

const al_rule al_rule_todo_marker = {
    "todo-marker",
    AL_SEV_ERROR,
    "placeholder text such as TODO is left in a field",
    "## What it flags\n"
    "A `TODO` marker in any string value of the body, in the title or in a header attribute:\n"
    "`TODO HERE`, `TODO: describe the benefit`, `Todo DEscription`, `todoLongDesc` (any case, at\n"
    "the start of a word, not running on into lowercase letters, so `todos` and `mastodon` are\n"
    "not markers). Each marker is reported where it is. A field that must be a GUID cannot\n"
    "hold a word: there the nil GUID `00000000-0000-0000-0000-000000000000` is the marker.\n\n"
    "## Why it matters\n"
    "The texts are shown to users in the Azure portal as written: a placeholder published is a\n"
    "recommendation that says `TODO`. The scaffolding command writes `TODO: ...` markers for\n"
    "what a person has to fill in (and the nil GUID for `owner.serviceTreeId`); this rule\n"
    "keeps them from being merged.\n\n"
    "## Example\n"
    "```json\n\"longDescription\": \"todoLongDesc\",\n\"potentialBenefits\": \"TODO: describe the benefit\"\n```\n\n"
    "## Fix\n"
    "Write the real text (or GUID) in place of the marker.",
    check,
    NULL,
    NULL,
};
