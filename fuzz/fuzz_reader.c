/*
 * fuzz_reader.c - libFuzzer target: the metadata reader and its position index.
 *
 * The input is one file. Its kind is what advisor-lint would pick for a file
 * named without an extension (al_doc_sniff_kind: '{' or '[' first is JSON,
 * else Markdown with the <properties header); the input's length picks
 * keep_all, so headerless Markdown bodies are read too. Beyond "no crash, no
 * leak, no hang", the target asserts:
 *   - every problem lies inside the file, and maps to a line and column;
 *   - every index entry lies inside the body, is found again by its
 *     pointer, and al_source_offset(al_source_pos(off)) == off;
 *   - for a bare JSON body that jansson accepts and advisor-lint reads
 *     without any problem, both give equal values (json_equal).
 */
#include <stdint.h>

#include <jansson.h>

#include "fuzz_common.h"
#include "reader/document.h"

typedef struct seen {
    al_source *src;
    size_t problems;
} seen;

static void on_problem(void *ud, al_read_problem kind, size_t offset, size_t end, size_t related,
                       const char *pointer, const char *message)
{
    seen *s = ud;
    al_pos p;
    (void)pointer;
    FUZZ_CHECK((unsigned)kind < AL_READ_PROBLEM_COUNT && message);
    FUZZ_CHECK(offset <= s->src->len);
    FUZZ_CHECK(end == offset || (end > offset && end <= s->src->len + 1));
    FUZZ_CHECK(related == AL_NO_OFFSET || related <= s->src->len);
    p = al_source_pos(s->src, offset);
    FUZZ_CHECK(p.line >= 1 && p.column >= 1);
    s->problems++;
}

static int is_lead(const al_source *src, size_t off)
{
    return off >= src->len || ((unsigned char)src->data[off] & 0xC0) != 0x80;
}

static void check_index(al_doc *doc)
{
    const al_posindex *ix = al_doc_index(doc);
    size_t i;

    if (!ix)
        return;
    for (i = 0; i < ix->count; i++) {
        const al_posentry *e = &ix->entries[i];
        al_pos p;
        FUZZ_CHECK(e->val_off <= e->val_end && e->val_end <= doc->src.len);
        FUZZ_CHECK(e->key_off == AL_NO_OFFSET || e->key_off < e->val_off);
        FUZZ_CHECK(al_posindex_find(ix, e->pointer) != NULL);
        FUZZ_CHECK(al_posindex_find_nearest(ix, e->pointer) != NULL);
        p = al_source_pos(&doc->src, e->val_off);
        FUZZ_CHECK(p.line >= 1 && p.column >= 1);
        if (is_lead(&doc->src, e->val_off) && e->val_off >= doc->src.bom)
            FUZZ_CHECK(al_source_offset(&doc->src, p.line, p.column) == e->val_off);
    }
    if (ix->count)
        FUZZ_CHECK(al_posindex_find(ix, "") != NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    al_source src;
    al_doc doc;
    al_doc_options opts;
    al_doc_kind kind = al_doc_sniff_kind((const char *)data, size);
    seen s;

    if (al_source_from_memory(&src, "fuzz", (const char *)data, size) != 0)
        return 0;
    memset(&opts, 0, sizeof(opts));
    memset(&s, 0, sizeof(s));
    opts.problem = on_problem;
    opts.ud = &s;
    opts.keep_all = (int)(size & 1);
    /* the doc takes the source: problems are checked against its copy */
    s.src = &doc.src;
    if (al_doc_load(&doc, &src, kind, &opts) != 0) {
        al_doc_release(&doc);
        return 0;
    }
    check_index(&doc);
    if (kind == AL_DOC_JSON && doc.src.bom == 0) {
        json_error_t err;
        json_t *theirs =
            json_loadb((const char *)data, size, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
        if (theirs && s.problems == 0) {
            FUZZ_CHECK(doc.body != NULL);
            FUZZ_CHECK(json_equal(doc.body, theirs));
        }
        json_decref(theirs);
    }
    al_doc_release(&doc);
    return 0;
}
