/*
 * test_mustache.c - cmocka unit tests of the mustache engine: rendering details the
 * spec leaves open, compile errors (message, line, column), the partial nesting
 * limit, and the escapers.
 *
 * The C escapers are checked the only way that counts: adversarial strings are
 * rendered into a small C program (string literals through mst_escape_c_string,
 * comments through mst_escape_c_comment), which is compiled with the system `cc`
 * and with `clang` when present, under -std=c11 -Wall -Wextra -Werror -pedantic,
 * then run; the bytes it prints must be the input bytes exactly. Without a compiler
 * those tests are skipped with a message.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <unistd.h>

#include <cmocka.h>

#include "mustache.h"

/* ---- helpers ---- */

/* Renders text against the JSON in data (NULL: no context) with opts; returns the
 * malloc'd output, or NULL after copying the error into *err_out. */
static char *render_str(const char *text, const char *data, const mst_options *opts,
                        size_t *len_out, mst_error *err_out)
{
    mst_error err = { 0 };
    json_t *ctx = NULL;
    if (data) {
        json_error_t jerr;
        ctx = json_loads(data, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
        assert_non_null(ctx);
    }
    mst_template *t = mst_compile(text, strlen(text), "test", &err);
    char *result = NULL;
    if (t) {
        mst_buffer out;
        mst_buffer_init(&out);
        if (mst_render(t, ctx, opts, &out, &err) == 0)
            result = mst_buffer_detach(&out, len_out);
        mst_buffer_release(&out);
        mst_template_free(t);
    }
    json_decref(ctx);
    if (err_out)
        *err_out = err;
    return result;
}

static void check_render(const char *text, const char *data, const char *expected)
{
    mst_error err;
    char *got = render_str(text, data, NULL, NULL, &err);
    if (!got)
        fail_msg("%s: %s:%d:%d: %s", text, err.source, err.line, err.column, err.text);
    assert_string_equal(got, expected);
    free(got);
}

/* Partials for a test: parallel arrays of names and template texts. */
struct partial_set {
    const char *const *names;
    const char *const *texts;
    size_t count;
    mst_template **compiled;
};

static int lookup(void *data, const char *name, const mst_template **out, mst_error *err)
{
    (void)err;
    struct partial_set *ps = data;
    *out = NULL;
    for (size_t i = 0; i < ps->count; i++)
        if (strcmp(ps->names[i], name) == 0)
            *out = ps->compiled[i];
    return 0;
}

static void partial_set_compile(struct partial_set *ps)
{
    ps->compiled = calloc(ps->count, sizeof *ps->compiled);
    assert_non_null(ps->compiled);
    for (size_t i = 0; i < ps->count; i++) {
        ps->compiled[i] = mst_compile(ps->texts[i], strlen(ps->texts[i]), ps->names[i], NULL);
        assert_non_null(ps->compiled[i]);
    }
}

static void partial_set_release(struct partial_set *ps)
{
    for (size_t i = 0; i < ps->count; i++)
        mst_template_free(ps->compiled[i]);
    free(ps->compiled);
}

/* ---- rendering ---- */

static void test_values(void **state)
{
    (void)state;
    check_render("{{a}} {{b}} {{c}} {{d}} {{e}} {{f}}",
                 "{\"a\": 1.21, \"b\": -3, \"c\": 0.1, \"d\": 1e300, \"e\": true, \"f\": false}",
                 "1.21 -3 0.1 1e+300 true false");
    check_render("[{{n}}][{{o}}][{{l}}][{{missing}}]", "{\"n\": null, \"o\": {}, \"l\": [1]}",
                 "[][][][]");
    check_render("{{#z}}zero{{/z}}{{#s}}empty{{/s}}{{^l}}none{{/l}}",
                 "{\"z\": 0, \"s\": \"\", \"l\": []}", "zeroemptynone");
    check_render("{{x}}", NULL, "");
}

static void test_nul_bytes(void **state)
{
    (void)state;
    size_t len = 0;
    char *got = render_str("<{{{s}}}>", "{\"s\": \"a\\u0000b\"}", NULL, &len, NULL);
    assert_non_null(got);
    assert_int_equal(len, 5);
    assert_memory_equal(got, "<a\0b>", 5);
    free(got);

    /* NUL in the template text is kept too. */
    mst_template *t = mst_compile("x\0{{y}}", 7, NULL, NULL);
    assert_non_null(t);
    assert_string_equal(mst_template_name(t), "<template>");
    mst_buffer out;
    mst_buffer_init(&out);
    json_t *ctx = json_pack("{s:s}", "y", "z");
    assert_int_equal(mst_render(t, ctx, NULL, &out, NULL), 0);
    assert_int_equal(out.len, 3);
    assert_memory_equal(out.data, "x\0z", 3);
    mst_buffer_release(&out);
    json_decref(ctx);
    mst_template_free(t);
}

static void test_nested_partial_indent(void **state)
{
    (void)state;
    static const char *const names[] = { "a", "b", "inline" };
    static const char *const texts[] = { "{{#l}}\n {{>b}}\n{{/l}}\n", "x\ny\n", "p\nq" };
    struct partial_set ps = { names, texts, 3, NULL };
    partial_set_compile(&ps);
    mst_options opts = { .partial = lookup, .partial_data = &ps };

    char *got = render_str("  {{>a}}\n", "{\"l\": [1, 2]}", &opts, NULL, NULL);
    assert_non_null(got);
    assert_string_equal(got, "   x\n   y\n   x\n   y\n");
    free(got);

    /* A partial that is not standalone gets no indentation. */
    got = render_str("  {{>inline}} after\n", NULL, &opts, NULL, NULL);
    assert_non_null(got);
    assert_string_equal(got, "  p\nq after\n");
    free(got);
    partial_set_release(&ps);
}

static void test_no_partial_callback(void **state)
{
    (void)state;
    check_render("a{{>p}}b", NULL, "ab");
}

static void test_reuse_and_detach(void **state)
{
    (void)state;
    mst_template *t = mst_compile("{{#l}}{{.}},{{/l}}", 18, "reuse", NULL);
    assert_non_null(t);
    json_t *ctx = json_pack("{s:[i,i,i]}", "l", 1, 2, 3);
    for (int i = 0; i < 3; i++) {
        mst_buffer out;
        mst_buffer_init(&out);
        assert_int_equal(mst_render(t, ctx, NULL, &out, NULL), 0);
        size_t len;
        char *s = mst_buffer_detach(&out, &len);
        assert_int_equal(len, 6);
        assert_string_equal(s, "1,2,3,");
        assert_null(out.data);
        free(s);
    }
    json_decref(ctx);
    mst_template_free(t);
}

/* Renders a shared template many times and checks each output. */
struct thread_job {
    const mst_template *tpl;
    const json_t *ctx;
    const char *expected;
    int failures;
};

static void *render_many(void *arg)
{
    struct thread_job *job = arg;
    for (int i = 0; i < 200; i++) {
        mst_buffer out;
        mst_buffer_init(&out);
        if (mst_render(job->tpl, job->ctx, NULL, &out, NULL) < 0 ||
            strcmp(out.data ? out.data : "", job->expected) != 0)
            job->failures++;
        mst_buffer_release(&out);
    }
    return NULL;
}

static void test_threads_share_template(void **state)
{
    (void)state;
    static const char text[] = "{{#l}}\n  <{{n}}>{{^last}},{{/last}}\n{{/l}}";
    mst_template *t = mst_compile(text, sizeof text - 1, "shared", NULL);
    assert_non_null(t);
    json_t *ctx = json_loads("{\"l\": [{\"n\": 1}, {\"n\": \"a&b\", \"last\": true}]}", 0, NULL);
    assert_non_null(ctx);
    struct thread_job jobs[4];
    pthread_t threads[4];
    for (int i = 0; i < 4; i++) {
        jobs[i] = (struct thread_job){ t, ctx, "  <1>,\n  <a&amp;b>\n", 0 };
        assert_int_equal(pthread_create(&threads[i], NULL, render_many, &jobs[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        assert_int_equal(pthread_join(threads[i], NULL), 0);
        assert_int_equal(jobs[i].failures, 0);
    }
    json_decref(ctx);
    mst_template_free(t);
}

/* ---- compile errors ---- */

struct compile_error_case {
    const char *text;
    int line;
    int column;
    const char *message;
};

static void test_compile_errors(void **state)
{
    (void)state;
    static const struct compile_error_case cases[] = {
        { "{{#items}}x", 1, 1, "unclosed section \"items\"" },
        { "a\n{{#a}}\n  {{#b}}\n{{/b}}", 2, 1, "unclosed section \"a\"" },
        { "a\n  {{#a}}{{/b}}", 2, 9, "mismatched close \"b\" of section \"a\"" },
        { "x\n\n {{/a}}", 3, 2, "unexpected close of section \"a\"" },
        { "x {{name", 1, 3, "unclosed tag \"{{name\"" },
        { "{{{x}}", 1, 1, "unclosed tag \"{{{x}}\"" },
        { "{{=<% %>=}}\n<%x %}", 2, 1, "unclosed tag \"<%x %}\"" },
        { "ab\n{{= <% =}}", 2, 1, "invalid set delimiters tag \"<%\"" },
        { "{{=a=b c=}}", 1, 1, "invalid set delimiters tag \"a=b c\"" },
        { "{{=a b c=}}", 1, 1, "invalid set delimiters tag \"a b c\"" },
        { "{{==}}", 1, 1, "invalid set delimiters tag \"\"" },
        { "  {{a b}}", 1, 3, "invalid tag name \"a b\"" },
        { "{{}}", 1, 1, "empty tag name" },
        { "{{#}}{{/}}", 1, 1, "empty tag name" },
        { "{{a..b}}", 1, 1, "invalid tag name \"a..b\"" },
        { "{{.a}}", 1, 1, "invalid tag name \".a\"" },
        { "{{> }}", 1, 1, "empty partial name" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct compile_error_case *c = &cases[i];
        mst_error err;
        memset(&err, 0x55, sizeof err);
        mst_template *t = mst_compile(c->text, strlen(c->text), "bad.mustache", &err);
        if (t)
            fail_msg("compiled: %s", c->text);
        if (strcmp(err.text, c->message) != 0 || err.line != c->line || err.column != c->column)
            fail_msg("%s: got %d:%d: %s, want %d:%d: %s", c->text, err.line, err.column, err.text,
                     c->line, c->column, c->message);
        assert_string_equal(err.source, "bad.mustache");
        /* A NULL error struct is fine too. */
        assert_null(mst_compile(c->text, strlen(c->text), NULL, NULL));
    }
}

static void test_section_depth_limit(void **state)
{
    (void)state;
    mst_buffer text;
    mst_buffer_init(&text);
    for (int i = 0; i < 300; i++)
        assert_int_equal(mst_buffer_append(&text, "{{#a}}", 6), 0);
    mst_error err;
    assert_null(mst_compile(text.data, text.len, "deep", &err));
    assert_string_equal(err.text, "section \"a\" nested too deeply (limit 256)");
    assert_int_equal(err.column, 256 * 6 + 1);
    mst_buffer_release(&text);
}

/* ---- partial recursion ---- */

static void check_recursion_fails(const char *const *names, const char *const *texts, size_t n,
                                  const char *message)
{
    struct partial_set ps = { names, texts, n, NULL };
    partial_set_compile(&ps);
    mst_options opts = { .partial = lookup, .partial_data = &ps };
    mst_error err;
    char *got = render_str("{{>a}}", "{}", &opts, NULL, &err);
    assert_null(got);
    assert_string_equal(err.text, message);
    assert_true(err.line >= 1);
    partial_set_release(&ps);
}

static void test_recursive_partials(void **state)
{
    (void)state;
    static const char *const self_names[] = { "a" };
    static const char *const self_texts[] = { "x{{>a}}" };
    check_recursion_fails(self_names, self_texts, 1, "partial \"a\" nested too deeply (limit 64)");

    static const char *const pair_names[] = { "a", "b" };
    static const char *const pair_texts[] = { "  {{>b}}\n", "{{#.}}{{>a}}{{/.}}" };
    check_recursion_fails(pair_names, pair_texts, 2, "partial \"a\" nested too deeply (limit 64)");
}

static void test_max_depth_option(void **state)
{
    (void)state;
    static const char *const names[] = { "node" };
    static const char *const texts[] = { "{{v}}{{#kids}}({{>node}}){{/kids}}" };
    struct partial_set ps = { names, texts, 1, NULL };
    partial_set_compile(&ps);
    const char *data = "{\"v\":1,\"kids\":[{\"v\":2,\"kids\":[{\"v\":3,\"kids\":[]}]}]}";
    mst_options opts = { .partial = lookup, .partial_data = &ps, .max_depth = 3 };
    char *got = render_str("{{>node}}", data, &opts, NULL, NULL);
    assert_non_null(got);
    assert_string_equal(got, "1(2(3))");
    free(got);

    opts.max_depth = 2;
    mst_error err;
    assert_null(render_str("{{>node}}", data, &opts, NULL, &err));
    assert_string_equal(err.text, "partial \"node\" nested too deeply (limit 2)");
    assert_string_equal(err.source, "node");
    assert_int_equal(err.line, 1);
    assert_int_equal(err.column, 16);
    partial_set_release(&ps);
}

static int failing_lookup(void *data, const char *name, const mst_template **out, mst_error *err)
{
    (void)data;
    *out = NULL;
    snprintf(err->text, sizeof err->text, "cannot read partial \"%s\"", name);
    return -1;
}

static void test_lookup_failure(void **state)
{
    (void)state;
    mst_options opts = { .partial = failing_lookup };
    mst_error err;
    assert_null(render_str("x{{>p}}", NULL, &opts, NULL, &err));
    assert_string_equal(err.text, "cannot read partial \"p\"");
}

/* ---- escapers ---- */

static char *escape_with(mst_escape_fn fn, const char *s, size_t len)
{
    mst_buffer out;
    mst_buffer_init(&out);
    assert_int_equal(fn(&out, s, len), 0);
    char *r = mst_buffer_detach(&out, NULL);
    assert_non_null(r);
    return r;
}

/* Checks fn on a string literal (NUL bytes in it included). */
#define check_escape(fn, lit, want) check_escape_n(fn, lit, sizeof lit - 1, want)

static void check_escape_n(mst_escape_fn fn, const char *in, size_t len, const char *want)
{
    char *got = escape_with(fn, in, len);
    assert_string_equal(got, want);
    free(got);
}

static void test_escape_html_none(void **state)
{
    (void)state;
    check_escape(mst_escape_html, "a&b<c>d\"e'f", "a&amp;b&lt;c&gt;d&quot;e&#39;f");
    check_escape(mst_escape_html, "", "");
    check_escape(mst_escape_none, "<&>", "<&>");
    check_render("{{x}}|{{{x}}}|{{&x}}", "{\"x\": \"<&>\"}", "&lt;&amp;&gt;|<&>|<&>");
}

static void test_escape_c_forms(void **state)
{
    (void)state;
    check_escape(mst_escape_c_string, "a\"b\\c\nd\re\tf", "a\\\"b\\\\c\\nd\\re\\tf");
    check_escape(mst_escape_c_string,
                 "\0"
                 "1\xc3\xa9\x7f",
                 "\\0001\\303\\251\\177");
    check_escape(mst_escape_c_string, "?\?\?=", "\\?\\?\\?=");
    check_escape(mst_escape_c_string, "a?b?", "a?b\\?");
    check_escape(mst_escape_c_comment, "a */ b /* c */*", "a *\\/ b /\\* c *\\/\\* ");
    check_escape(mst_escape_c_comment, "/x/", " /x/ ");
    check_escape(mst_escape_c_comment, "?\?/\n?\?= ?\? x", " ?\? /\n?\? = ?\? x");
    check_escape(mst_escape_c_comment, "a\\\nb\\  \nc\\", "a\\.\nb\\.  \nc\\.");
    check_escape(mst_escape_c_comment, "x\0y", "x\\0y");
    check_escape(mst_escape_c_comment, "caf\xc3\xa9", "caf\xc3\xa9");
}

/* The adversarial strings the generated C program must reproduce. */
struct sample {
    const char *label;
    char *bytes;
    size_t len;
};

static void sample_set(struct sample *s, const char *label, const char *bytes, size_t len)
{
    s->label = label;
    s->bytes = malloc(len ? len : 1);
    assert_non_null(s->bytes);
    memcpy(s->bytes, bytes, len);
    s->len = len;
}

/* Fills samples; returns how many. */
static size_t make_samples(struct sample *s)
{
    size_t n = 0;
#define LIT(label, str) sample_set(&s[n++], label, str, sizeof str - 1)
    LIT("empty", "");
    LIT("quotes and backslashes", "\"quoted\" \\back\\slash\\ \\\" \"\\");
    LIT("line ends", "line1\nline2\r\n\ttab\r");
    LIT("comment markers", "*/ not the end /* nor a start */ /*/ */* **/ //");
    LIT("trigraphs", "?\?= ?\?/ ?\?' ?\?( ?\?) ?\?! ?\?< ?\?> ?\?- ?\?\?/ ?\?\?\? ?");
    LIT("trailing trigraph start", "x?\?");
    LIT("trigraph at line end", "a ?\?/\nb");
    LIT("backslash at line end", "a\\\nb\\  \nc\\\r\nd\\");
    LIT("NUL inside", "\0 NUL \0 inside\0");
    LIT("octal then digits",
        "\001"
        "1\0012\0"
        "7\177"
        "8");
    LIT("utf-8", "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xe4\xb8\xad");
    LIT("invalid utf-8", "\xff\xfe\x80\xc3");
#undef LIT
    char all[256];
    for (int i = 0; i < 255; i++)
        all[i] = (char)(i + 1);
    sample_set(&s[n++], "bytes 1..255", all, 255);
    for (int i = 0; i < 256; i++)
        all[i] = (char)(255 - i);
    sample_set(&s[n++], "bytes 255..0", all, 256);

    /* 4095 bytes, the longest literal C11 requires compilers to take. */
    static const char *const long_labels[] = { "4095 mixed bytes", "4095 question marks",
                                               "4095 comment markers" };
    for (int k = 0; k < 3; k++) {
        char *b = malloc(4095);
        assert_non_null(b);
        for (int i = 0; i < 4095; i++)
            b[i] = k == 0 ? (char)((i * 7 + 3) % 256) : k == 1 ? '?' : "*/\\\n"[i % 4];
        s[n].label = long_labels[k];
        s[n].bytes = b;
        s[n++].len = 4095;
    }
    return n;
}

#define MAX_SAMPLES 32

/* The program: each sample as a commented string literal, printed back in order. */
static const char program_template[] =
    "/* generated by test_mustache.c */\n"
    "#include <stdio.h>\n"
    "\n"
    "{{#samples}}\n"
    "/* sample {{i}} ({{{label}}}): {{{comment}}} */\n"
    "static const char s{{i}}[] = \"{{text}}\";\n"
    "{{#edges}}\n"
    "/*{{{comment}}}*/\n"
    "static const char t{{i}}[] = \"?{{text}}?\";\n"
    "{{/edges}}\n"
    "{{/samples}}\n"
    "\n"
    "int main(void)\n"
    "{\n"
    "{{#samples}}\n"
    "    if (fwrite(s{{i}}, 1, sizeof s{{i}} - 1, stdout) != sizeof s{{i}} - 1)\n"
    "        return 1;\n"
    "{{#edges}}\n"
    "    if (fwrite(t{{i}}, 1, sizeof t{{i}} - 1, stdout) != sizeof t{{i}} - 1)\n"
    "        return 1;\n"
    "{{/edges}}\n"
    "{{/samples}}\n"
    "    return fflush(stdout) != 0;\n"
    "}\n";

/* Whether the program also holds the sample between '?'s (t) and in a comment
 * with no space around it; not for the longest, as that would pass 4095 bytes. */
static int has_edges(const struct sample *s)
{
    return s->len <= 4093;
}

/* Renders the program for the samples into *out. */
static void render_program(const struct sample *s, size_t n, mst_buffer *out)
{
    json_t *list = json_array();
    for (size_t i = 0; i < n; i++) {
        char *comment = escape_with(mst_escape_c_comment, s[i].bytes, s[i].len);
        /* Not json_pack: some samples are not UTF-8, which jansson checks by default. */
        json_t *item = json_object();
        assert_non_null(item);
        json_object_set_new(item, "i", json_integer((json_int_t)i));
        json_object_set_new(item, "label", json_string(s[i].label));
        json_object_set_new(item, "text", json_stringn_nocheck(s[i].bytes, s[i].len));
        json_object_set_new(item, "comment", json_string_nocheck(comment));
        json_object_set_new(item, "edges", json_boolean(has_edges(&s[i])));
        json_array_append_new(list, item);
        free(comment);
    }
    json_t *ctx = json_pack("{s:o}", "samples", list);
    mst_error err;
    mst_template *t = mst_compile(program_template, sizeof program_template - 1, "program", &err);
    assert_non_null(t);
    mst_options opts = { .escape = mst_escape_c_string };
    mst_buffer_init(out);
    assert_int_equal(mst_render(t, ctx, &opts, out, &err), 0);
    mst_template_free(t);
    json_decref(ctx);
}

static int write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t w = fwrite(data, 1, len, f);
    return fclose(f) == 0 && w == len ? 0 : -1;
}

/* Reads a whole file into a buffer; returns -1 when it cannot. */
static int read_file(const char *path, mst_buffer *out)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        assert_int_equal(mst_buffer_append(out, chunk, n), 0);
    fclose(f);
    return 0;
}

static int have_command(const char *name)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", name);
    return system(cmd) == 0;
}

/* Compiles dir/prog.c with compiler, runs it, and checks it prints expected. */
static void compile_and_compare(const char *dir, const char *compiler, const mst_buffer *expected)
{
    char cmd[1024], path[512];
    snprintf(cmd, sizeof cmd,
             "%s -std=c11 -Wall -Wextra -Werror -pedantic -o %s/prog %s/prog.c 2>%s/cc.log",
             compiler, dir, dir, dir);
    if (system(cmd) != 0) {
        snprintf(cmd, sizeof cmd, "head -c 3000 %s/cc.log >&2", dir);
        if (system(cmd) != 0)
            fprintf(stderr, "(no compiler log)\n");
        fail_msg("%s rejected the generated program (kept in %s/prog.c)", compiler, dir);
    }
    snprintf(cmd, sizeof cmd, "%s/prog >%s/out.bin", dir, dir);
    assert_int_equal(system(cmd), 0);
    snprintf(path, sizeof path, "%s/out.bin", dir);
    mst_buffer got;
    mst_buffer_init(&got);
    assert_int_equal(read_file(path, &got), 0);
    size_t i = 0;
    while (i < got.len && i < expected->len && got.data[i] == expected->data[i])
        i++;
    if (i != got.len || i != expected->len)
        fail_msg("%s: output differs from the input at byte %zu (got %zu bytes, want %zu)",
                 compiler, i, got.len, expected->len);
    mst_buffer_release(&got);
    printf("[ INFO     ] %s: %zu bytes reproduced exactly\n", compiler, expected->len);
}

static void remove_dir(const char *dir)
{
    static const char *const files[] = { "prog.c", "prog", "out.bin", "cc.log" };
    char path[512];
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        unlink(path);
    }
    rmdir(dir);
}

static void test_c_escapers_compile(void **state)
{
    (void)state;
    int have_cc = have_command("cc"), have_clang = have_command("clang");
    if (!have_cc && !have_clang) {
        printf("[ SKIPPED  ] no C compiler (cc or clang) found: C escapers not compiled\n");
        skip();
    }
    struct sample samples[MAX_SAMPLES];
    size_t n = make_samples(samples);
    assert_true(n <= MAX_SAMPLES);

    mst_buffer program, expected;
    render_program(samples, n, &program);
    mst_buffer_init(&expected);
    for (size_t i = 0; i < n; i++) {
        /* s: the sample; t: the sample between two '?' the template adds. */
        assert_int_equal(mst_buffer_append(&expected, samples[i].bytes, samples[i].len), 0);
        if (!has_edges(&samples[i]))
            continue;
        assert_int_equal(mst_buffer_append(&expected, "?", 1), 0);
        assert_int_equal(mst_buffer_append(&expected, samples[i].bytes, samples[i].len), 0);
        assert_int_equal(mst_buffer_append(&expected, "?", 1), 0);
    }

    char dir[] = "/tmp/mst-unit-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[512];
    snprintf(path, sizeof path, "%s/prog.c", dir);
    assert_int_equal(write_file(path, program.data, program.len), 0);
    if (have_cc)
        compile_and_compare(dir, "cc", &expected);
    if (have_clang)
        compile_and_compare(dir, "clang", &expected);
    remove_dir(dir);

    mst_buffer_release(&program);
    mst_buffer_release(&expected);
    for (size_t i = 0; i < n; i++)
        free(samples[i].bytes);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_nul_bytes),
        cmocka_unit_test(test_nested_partial_indent),
        cmocka_unit_test(test_no_partial_callback),
        cmocka_unit_test(test_reuse_and_detach),
        cmocka_unit_test(test_threads_share_template),
        cmocka_unit_test(test_compile_errors),
        cmocka_unit_test(test_section_depth_limit),
        cmocka_unit_test(test_recursive_partials),
        cmocka_unit_test(test_max_depth_option),
        cmocka_unit_test(test_lookup_failure),
        cmocka_unit_test(test_escape_html_none),
        cmocka_unit_test(test_escape_c_forms),
        cmocka_unit_test(test_c_escapers_compile),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
