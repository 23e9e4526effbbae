/*
 * value.c - JSON value semantics the keywords need: equality by value (1 and
 * 1.0 are equal, object member order does not matter), exact comparison of
 * integers with reals, "is an integer" for integral reals, multipleOf, and
 * string length in code points.
 *
 * Mixed integer/real comparisons go through long double, which represents
 * every json_int_t exactly on the platforms we build for (x86-64 80-bit, or
 * 128-bit elsewhere); where it cannot, doubles are compared as a fallback.
 */
#include <math.h>
#include <string.h>

#include "jsonschema_private.h"

static long double num_ld(const json_t *v)
{
    return json_is_integer(v) ? (long double)json_integer_value(v)
                              : (long double)json_real_value(v);
}

int jsch__num_cmp(const json_t *a, const json_t *b)
{
    if (json_is_integer(a) && json_is_integer(b)) {
        json_int_t x = json_integer_value(a), y = json_integer_value(b);
        return x < y ? -1 : x > y;
    }
    long double x = num_ld(a), y = num_ld(b);
    return x < y ? -1 : x > y;
}

bool jsch__num_is_integer(const json_t *v)
{
    if (json_is_integer(v))
        return true;
    if (!json_is_real(v))
        return false;
    double d = json_real_value(v);
    return isfinite(d) && d == floor(d);
}

bool jsch__num_multiple_of(const json_t *v, const json_t *m)
{
    if (json_is_integer(v) && json_is_integer(m)) {
        json_int_t d = json_integer_value(m);
        if (d == 0)
            return false;
        if (d == -1)
            return true;
        return json_integer_value(v) % d == 0;
    }
    double x = json_number_value(v), d = json_number_value(m);
    if (d == 0)
        return false;
    double q = x / d;
    if (isinf(q))
        return isfinite(x) && fmod(x, d) == 0; /* exact, no overflow */
    if (!isfinite(q))
        return false;
    /* beyond 2^53 every double is an integer */
    if (fabs(q) >= 9007199254740992.0)
        return true;
    double r = nearbyint(q);
    return fabs(q - r) <= 1e-9 * (fabs(q) > 1 ? fabs(q) : 1);
}

bool jsch__value_equal(const json_t *a, const json_t *b)
{
    if (a == b)
        return true;
    if (json_is_number(a) && json_is_number(b))
        return jsch__num_cmp(a, b) == 0;
    if (json_typeof(a) != json_typeof(b))
        return false;
    switch (json_typeof(a)) {
    case JSON_STRING:
        return json_string_length(a) == json_string_length(b) &&
               memcmp(json_string_value(a), json_string_value(b), json_string_length(a)) == 0;
    case JSON_ARRAY: {
        size_t n = json_array_size(a);
        if (n != json_array_size(b))
            return false;
        for (size_t i = 0; i < n; i++)
            if (!jsch__value_equal(json_array_get(a, i), json_array_get(b, i)))
                return false;
        return true;
    }
    case JSON_OBJECT: {
        if (json_object_size(a) != json_object_size(b))
            return false;
        for (void *it = json_object_iter((json_t *)a); it;
             it = json_object_iter_next((json_t *)a, it)) {
            const json_t *o =
                json_object_getn(b, json_object_iter_key(it), json_object_iter_key_len(it));
            if (!o || !jsch__value_equal(json_object_iter_value(it), o))
                return false;
        }
        return true;
    }
    default: return true; /* true, false, null: same type means equal */
    }
}

/* Consistent with jsch__value_equal: equal numbers hash alike (by double value). */
size_t jsch__value_hash(const json_t *v)
{
    size_t h = (size_t)json_typeof(v) * 31u;
    switch (json_typeof(v)) {
    case JSON_INTEGER:
    case JSON_REAL: {
        double d = json_number_value(v);
        if (d == 0)
            d = 0; /* -0.0 */
        uint64_t bits;
        memcpy(&bits, &d, sizeof bits);
        return (size_t)(bits * 0x9E3779B97F4A7C15ULL) ^ 7u;
    }
    case JSON_STRING: {
        const char *s = json_string_value(v);
        for (size_t i = 0; i < json_string_length(v); i++)
            h = h * 131u + (unsigned char)s[i];
        return h;
    }
    case JSON_ARRAY:
        for (size_t i = 0; i < json_array_size(v); i++)
            h = h * 31u + jsch__value_hash(json_array_get(v, i));
        return h;
    case JSON_OBJECT: {
        size_t acc = 0; /* order independent */
        for (void *it = json_object_iter((json_t *)v); it;
             it = json_object_iter_next((json_t *)v, it)) {
            const char *k = json_object_iter_key(it);
            size_t kh = 5381;
            for (size_t i = 0; i < json_object_iter_key_len(it); i++)
                kh = kh * 33u + (unsigned char)k[i];
            acc += kh ^ jsch__value_hash(json_object_iter_value(it));
        }
        return h ^ acc;
    }
    default: return h;
    }
}

size_t jsch__utf8_length(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}
