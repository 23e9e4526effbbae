/*
 * hash.h - FNV-1a, the one string hash of the validator.
 *
 * 64-bit FNV-1a: for each byte, XOR it in, then multiply by the FNV prime.
 * Fast on the short keys the hash tables hold (JSON pointers, interned
 * strings) and stable across runs and machines, which the baseline's
 * fingerprints rely on: a fingerprint written today must match tomorrow.
 * Start with AL_FNV1A_BASIS and chain calls to hash several pieces as one.
 */
#ifndef AL_HASH_H
#define AL_HASH_H

#include <stddef.h>
#include <stdint.h>

#define AL_FNV1A_BASIS 14695981039346656037ULL
#define AL_FNV1A_PRIME 1099511628211ULL

/* H (AL_FNV1A_BASIS to start) extended with the LEN bytes at DATA. */
uint64_t al_fnv1a(uint64_t h, const void *data, size_t len);

/* H extended with the bytes of the NUL-terminated S (not its NUL). */
uint64_t al_fnv1a_str(uint64_t h, const char *s);

#endif
