/*
 * fuzz_mustache.c - libFuzzer target: the template engine (mst_compile, mst_render)
 * and its C escapers.
 *
 * The input is TEMPLATE NUL CONTEXT NUL PARTIAL... (up to 4 partials). The
 * context is read with jansson (an invalid one becomes a small fixed object);
 * every part after it is compiled as a partial. The partial callback maps
 * "self" and "" to the main template itself (so self-inclusion and the depth
 * limit are exercised), "0".."3" to the partials, and any other name to a
 * partial chosen by the name's bytes, or to none. Context arrays are cut to two
 * items (see trim_arrays). The input's length picks
 * the escaper and a small partial depth limit now and then. Asserted beyond
 * "no crash, no leak, no hang":
 *   - a failed compile or render fills the error with a message and a name;
 *   - mst_escape_c_string's output is printable ASCII without "??", and
 *     decoding its C escapes gives back the input bytes exactly;
 *   - mst_escape_c_comment's output never holds the two characters that
 *     end or open a block comment.
 */
#include <stdint.h>

#include <jansson.h>

#include "fuzz_common.h"
#include "mustache.h"

#define MAX_PARTIALS 4

typedef struct lookup {
    const mst_template *self;
    mst_template *partials[MAX_PARTIALS];
    size_t npartials;
} lookup;

static int find_partial(void *data, const char *name, const mst_template **out, mst_error *err)
{
    lookup *lk = data;
    size_t h = 0;
    (void)err;
    if (!*name || !strcmp(name, "self")) {
        *out = lk->self;
        return 0;
    }
    if (name[0] >= '0' && name[0] <= '3' && !name[1]) {
        size_t i = (size_t)(name[0] - '0');
        *out = i < lk->npartials ? lk->partials[i] : NULL;
        return 0;
    }
    for (; *name; name++)
        h = h * 31 + (unsigned char)*name;
    h %= lk->npartials + 1;
    *out = h < lk->npartials ? lk->partials[h] : NULL;
    return 0;
}

/* Decodes the C string literal body S (as mst_escape_c_string writes it) into OUT. */
static void check_c_string(const char *in, size_t inlen)
{
    mst_buffer esc, dec;
    size_t i;

    mst_buffer_init(&esc);
    mst_buffer_init(&dec);
    FUZZ_CHECK(mst_escape_c_string(&esc, in, inlen) == 0);
    for (i = 0; i < esc.len; i++) {
        unsigned char c = (unsigned char)esc.data[i];
        char b;
        FUZZ_CHECK(c >= 0x20 && c < 0x7F);
        FUZZ_CHECK(c != '"');
        if (c == '?')
            FUZZ_CHECK(i + 1 >= esc.len || esc.data[i + 1] != '?');
        if (c != '\\') {
            b = (char)c;
        } else {
            FUZZ_CHECK(i + 1 < esc.len);
            c = (unsigned char)esc.data[++i];
            switch (c) {
            case 'n': b = '\n'; break;
            case 'r': b = '\r'; break;
            case 't': b = '\t'; break;
            case '"': b = '"'; break;
            case '\\': b = '\\'; break;
            case '?': b = '?'; break;
            case '\'': b = '\''; break;
            default:
                FUZZ_CHECK(c >= '0' && c <= '7' && i + 2 < esc.len);
                FUZZ_CHECK(esc.data[i + 1] >= '0' && esc.data[i + 1] <= '7');
                FUZZ_CHECK(esc.data[i + 2] >= '0' && esc.data[i + 2] <= '7');
                b = (char)(((c - '0') << 6) | ((esc.data[i + 1] - '0') << 3) |
                           (esc.data[i + 2] - '0'));
                i += 2;
                break;
            }
        }
        FUZZ_CHECK(mst_buffer_append(&dec, &b, 1) == 0);
    }
    FUZZ_CHECK(dec.len == inlen && (inlen == 0 || memcmp(dec.data, in, inlen) == 0));
    mst_buffer_release(&esc);
    mst_buffer_release(&dec);
}

static void check_c_comment(const char *in, size_t inlen)
{
    mst_buffer esc;
    size_t i;

    mst_buffer_init(&esc);
    FUZZ_CHECK(mst_escape_c_comment(&esc, in, inlen) == 0);
    for (i = 0; i + 1 < esc.len; i++) {
        FUZZ_CHECK(!(esc.data[i] == '*' && esc.data[i + 1] == '/'));
        FUZZ_CHECK(!(esc.data[i] == '/' && esc.data[i + 1] == '*'));
    }
    FUZZ_CHECK(memchr(esc.data ? esc.data : "", '\0', esc.len) == NULL);
    mst_buffer_release(&esc);
}

/*
 * Cuts every array in V to at most 2 items. Nested sections over arrays multiply
 * (n sections over a k-item array render k^n times, as in any mustache engine), so
 * a fuzzed context with long arrays only finds that slowness, not bugs.
 */
static void trim_arrays(json_t *v, int depth)
{
    const char *key;
    json_t *item;
    size_t i;
    if (depth > 64)
        return;
    if (json_is_array(v)) {
        while (json_array_size(v) > 2)
            json_array_remove(v, json_array_size(v) - 1);
        json_array_foreach(v, i, item)
            trim_arrays(item, depth + 1);
    } else if (json_is_object(v)) {
        json_object_foreach(v, key, item)
            trim_arrays(item, depth + 1);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const mst_escape_fn escapers[] = {
        mst_escape_html,
        mst_escape_none,
        mst_escape_c_string,
        mst_escape_c_comment,
    };
    fuzz_part parts[2 + MAX_PARTIALS];
    size_t n = fuzz_split((const char *)data, size, parts, 2 + MAX_PARTIALS), i;
    lookup lk;
    mst_template *tpl;
    mst_error err;
    json_t *ctx = NULL;
    mst_options opts;
    mst_buffer out;

    check_c_string(parts[0].data, parts[0].len);
    check_c_comment(parts[0].data, parts[0].len);

    memset(&lk, 0, sizeof(lk));
    memset(&err, 0, sizeof(err));
    tpl = mst_compile(parts[0].data, parts[0].len, "main", &err);
    if (!tpl) {
        FUZZ_CHECK(err.text[0] != '\0' && err.source[0] != '\0');
        return 0;
    }
    for (i = 2; i < n; i++) {
        mst_template *p = mst_compile(parts[i].data, parts[i].len, "partial", NULL);
        if (p)
            lk.partials[lk.npartials++] = p;
    }
    if (n > 1)
        ctx = json_loadb(parts[1].data, parts[1].len, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
    if (!ctx)
        ctx = json_pack("{s:s, s:[i,i,{s:b}], s:{s:n}, s:f}", "name", "a \"b\" <c> ?\?/ */",
                        "items", 1, 2, "ok", 1, "obj", "nil", "pi", 3.5);
    trim_arrays(ctx, 0);
    lk.self = tpl;
    memset(&opts, 0, sizeof(opts));
    opts.escape = escapers[size % 4];
    opts.partial = find_partial;
    opts.partial_data = &lk;
    opts.max_depth = (size % 7 == 0) ? 3 : 0;
    mst_buffer_init(&out);
    memset(&err, 0, sizeof(err));
    if (mst_render(tpl, ctx, &opts, &out, &err) != 0)
        FUZZ_CHECK(err.text[0] != '\0' && err.source[0] != '\0');
    mst_buffer_release(&out);
    json_decref(ctx);
    for (i = 0; i < lk.npartials; i++)
        mst_template_free(lk.partials[i]);
    mst_template_free(tpl);
    return 0;
}
