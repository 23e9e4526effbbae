/*
 * hash.c - 64-bit FNV-1a over bytes and over C strings.
 */
#include "hash.h"

uint64_t al_fnv1a(uint64_t h, const void *data, size_t len)
{
    const unsigned char *s = data;
    size_t i;
    for (i = 0; i < len; i++) {
        h ^= s[i];
        h *= AL_FNV1A_PRIME;
    }
    return h;
}

uint64_t al_fnv1a_str(uint64_t h, const char *s)
{
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= AL_FNV1A_PRIME;
    }
    return h;
}
