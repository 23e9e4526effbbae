/*
 * test_util_hash.c - FNV-1a (validator/util/hash.h).
 *
 * The published 64-bit FNV-1a test vectors, chaining (hashing in pieces is
 * hashing the whole), the string form, and al_fingerprint's stability: the
 * baseline files written before the hash moved must still match, so a
 * fingerprint computed by hand from the same formula is pinned here.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "advisor/finding.h"
#include "util/hash.h"

static void test_vectors(void **state)
{
    (void)state;
    /* from the FNV reference (draft-eastlake-fnv): "", "a", "foobar" */
    assert_true(al_fnv1a(AL_FNV1A_BASIS, "", 0) == 0xcbf29ce484222325ULL);
    assert_true(al_fnv1a(AL_FNV1A_BASIS, "a", 1) == 0xaf63dc4c8601ec8cULL);
    assert_true(al_fnv1a(AL_FNV1A_BASIS, "foobar", 6) == 0x85944171f73967e8ULL);
    assert_true(al_fnv1a_str(AL_FNV1A_BASIS, "foobar") == 0x85944171f73967e8ULL);
    assert_true(al_fnv1a_str(AL_FNV1A_BASIS, "") == AL_FNV1A_BASIS);
}

static void test_chaining(void **state)
{
    uint64_t h;
    (void)state;
    h = al_fnv1a(AL_FNV1A_BASIS, "foo", 3);
    h = al_fnv1a_str(h, "bar");
    assert_true(h == al_fnv1a(AL_FNV1A_BASIS, "foobar", 6));
    /* bytes above 0x7F hash as unsigned */
    assert_true(al_fnv1a(AL_FNV1A_BASIS, "\xff", 1) ==
                ((AL_FNV1A_BASIS ^ 0xffULL) * AL_FNV1A_PRIME));
    assert_true(al_fnv1a(AL_FNV1A_BASIS, "\xff", 1) == al_fnv1a_str(AL_FNV1A_BASIS, "\xff"));
}

/* al_fingerprint: FNV-1a over rule, NUL, pointer, NUL, text, skipping carriage returns. */
static void test_fingerprint_formula(void **state)
{
    uint64_t want = AL_FNV1A_BASIS;
    (void)state;
    want = al_fnv1a(want, "guid-format", strlen("guid-format") + 1);
    want = al_fnv1a(want, "/a~1b", strlen("/a~1b") + 1);
    want = al_fnv1a(want, "\"x\ny\"", 5);
    assert_true(al_fingerprint("guid-format", "/a~1b", "\"x\ny\"", 5) == want);
    /* the same text with CRLF line ends fingerprints alike */
    assert_true(al_fingerprint("guid-format", "/a~1b", "\"x\r\ny\"", 6) == want);
    assert_true(al_fingerprint("guid-format", "/a~1b", "\r\"x\r\r\ny\"\r", 9) == want);
    /* a NULL pointer is hashed as "" */
    assert_true(al_fingerprint("r", NULL, NULL, 0) == al_fingerprint("r", "", "", 0));
    assert_true(al_fingerprint("r", "/a", "v", 1) != al_fingerprint("r", "/b", "v", 1));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vectors),
        cmocka_unit_test(test_chaining),
        cmocka_unit_test(test_fingerprint_formula),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
