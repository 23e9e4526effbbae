/*
 * test_util_utf8.c - the UTF-8 validator and encoder (validator/util/utf8.h).
 *
 * Every class of RFC 3629 error is checked at its exact offset, in short
 * buffers and behind long ASCII runs (the eight-byte fast path), and the
 * encoder is checked at each length boundary and against the validator.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "util/utf8.h"

static size_t seq(const char *s, size_t n)
{
    return al_utf8_seq_len((const unsigned char *)s, n);
}

static void test_seq_len_valid(void **state)
{
    (void)state;
    assert_int_equal(seq("a", 1), 1);
    assert_int_equal(seq("\0", 1), 1);
    assert_int_equal(seq("\xC2\x80", 2), 2);         /* U+0080, the first 2-byte */
    assert_int_equal(seq("\xDF\xBF", 2), 2);         /* U+07FF */
    assert_int_equal(seq("\xE0\xA0\x80", 3), 3);     /* U+0800 */
    assert_int_equal(seq("\xED\x9F\xBF", 3), 3);     /* U+D7FF, just below the surrogates */
    assert_int_equal(seq("\xEE\x80\x80", 3), 3);     /* U+E000 */
    assert_int_equal(seq("\xEF\xBB\xBF", 3), 3);     /* the BOM */
    assert_int_equal(seq("\xF0\x90\x80\x80", 4), 4); /* U+10000 */
    assert_int_equal(seq("\xF4\x8F\xBF\xBF", 4), 4); /* U+10FFFF */
}

static void test_seq_len_invalid(void **state)
{
    (void)state;
    assert_int_equal(seq("\x80", 1), 0); /* lone continuation */
    assert_int_equal(seq("\xBF", 1), 0);
    assert_int_equal(seq("\xC0\x80", 2), 0);         /* overlong NUL */
    assert_int_equal(seq("\xC1\xBF", 2), 0);         /* overlong */
    assert_int_equal(seq("\xC2\x41", 2), 0);         /* no continuation */
    assert_int_equal(seq("\xC2\x80", 1), 0);         /* cut short */
    assert_int_equal(seq("\xE0\x9F\xBF", 3), 0);     /* overlong 3-byte */
    assert_int_equal(seq("\xED\xA0\x80", 3), 0);     /* U+D800, a surrogate */
    assert_int_equal(seq("\xED\xBF\xBF", 3), 0);     /* U+DFFF */
    assert_int_equal(seq("\xE2\x82", 2), 0);         /* cut short */
    assert_int_equal(seq("\xF0\x8F\xBF\xBF", 4), 0); /* overlong 4-byte */
    assert_int_equal(seq("\xF4\x90\x80\x80", 4), 0); /* U+110000 */
    assert_int_equal(seq("\xF5\x80\x80\x80", 4), 0);
    assert_int_equal(seq("\xFF", 1), 0);
    assert_int_equal(seq("\xF0\x90\x80", 3), 0); /* cut short */
    assert_int_equal(seq("\xF0\x90\x80\x41", 4), 0);
}

static size_t first_invalid(const char *s, size_t n)
{
    return al_utf8_first_invalid(s, n);
}

static void test_first_invalid_short(void **state)
{
    (void)state;
    assert_int_equal(first_invalid("", 0), 0);
    assert_int_equal(first_invalid("abc", 3), 3);
    assert_int_equal(first_invalid("a\xC3\xA9z", 4), 4);
    assert_int_equal(first_invalid("a\xC3", 2), 1); /* truncated at the end */
    assert_int_equal(first_invalid("ab\xFF", 3), 2);
    assert_int_equal(first_invalid("\xED\xA0\x80x", 4), 0);
    assert_int_equal(first_invalid("\xE2\x82\xAC\xE2\x82", 5), 3);
}

/* An invalid byte at every offset behind an ASCII run crosses every eight-byte alignment. */
static void test_first_invalid_behind_ascii(void **state)
{
    char buf[80];
    size_t at;
    (void)state;
    for (at = 0; at < 64; at++) {
        memset(buf, 'x', sizeof(buf));
        buf[at] = (char)0x80;
        assert_int_equal(first_invalid(buf, sizeof(buf)), at);
        /* a valid two-byte character there instead: nothing is invalid */
        buf[at] = (char)0xC3;
        buf[at + 1] = (char)0xA9;
        assert_int_equal(first_invalid(buf, sizeof(buf)), sizeof(buf));
    }
    memset(buf, 'x', sizeof(buf));
    assert_int_equal(first_invalid(buf, sizeof(buf)), sizeof(buf));
}

static void test_encode(void **state)
{
    static const struct {
        unsigned long cp;
        const char *want;
    } cases[] = {
        { 0x00, "\0" },
        { 0x41, "A" },
        { 0x7F, "\x7F" },
        { 0x80, "\xC2\x80" },
        { 0xE9, "\xC3\xA9" },
        { 0x7FF, "\xDF\xBF" },
        { 0x800, "\xE0\xA0\x80" },
        { 0x20AC, "\xE2\x82\xAC" },
        { 0xFFFF, "\xEF\xBF\xBF" },
        { 0x10000, "\xF0\x90\x80\x80" },
        { 0x1F600, "\xF0\x9F\x98\x80" },
        { 0x10FFFF, "\xF4\x8F\xBF\xBF" },
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char out[AL_UTF8_MAX];
        size_t want = cases[i].cp ? strlen(cases[i].want) : 1;
        size_t n = al_utf8_encode(cases[i].cp, out);
        assert_int_equal(n, want);
        assert_memory_equal(out, cases[i].want, n);
        /* what the encoder writes, the validator accepts whole */
        assert_int_equal(seq(out, n), n);
    }
}

/* Every scalar value round-trips through the encoder and the validator. */
static void test_encode_all_scalars(void **state)
{
    unsigned long cp;
    (void)state;
    for (cp = 0; cp <= 0x10FFFF; cp++) {
        char out[AL_UTF8_MAX];
        size_t n;
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        n = al_utf8_encode(cp, out);
        if (seq(out, n) != n)
            fail_msg("U+%04lX encodes to a sequence the validator refuses", cp);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seq_len_valid),
        cmocka_unit_test(test_seq_len_invalid),
        cmocka_unit_test(test_first_invalid_short),
        cmocka_unit_test(test_first_invalid_behind_ascii),
        cmocka_unit_test(test_encode),
        cmocka_unit_test(test_encode_all_scalars),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
