/*
 * posindex.h - where every key and value of a parsed body sits in its file.
 *
 * An al_posindex maps an RFC 6901 JSON pointer ("" for the root,
 * "/actions/0/actionId") to byte offsets in the original file: the key (for
 * object members) and the value (start and end). The readers fill it only on
 * request, since most files have no finding and need no positions.
 *
 * Ownership: the index owns its entries and their pointer strings.
 */
#ifndef AL_POSINDEX_H
#define AL_POSINDEX_H

#include <stddef.h>
#include <stdint.h>

#define AL_NO_OFFSET SIZE_MAX

typedef struct al_posentry {
    char *pointer;  /* owned, NUL-terminated */
    size_t key_off; /* offset of the key's opening quote, or AL_NO_OFFSET */
    size_t val_off; /* offset of the value's first byte */
    size_t val_end; /* offset one past the value's last byte */
} al_posentry;

typedef struct al_posindex {
    al_posentry *entries; /* in document order */
    size_t count, cap;
    size_t *slots; /* hash table of entry index + 1; 0 = empty */
    size_t nslots;
} al_posindex;

void al_posindex_init(al_posindex *ix);
void al_posindex_release(al_posindex *ix);

/*
 * Appends an entry, copying POINTER (LEN bytes, cut at a NUL byte if it
 * holds one: lookups take C strings). A later entry for the same
 * pointer (a duplicate key) replaces the earlier one in lookups, as the
 * parsers keep the last value. Returns 0 or -1 on allocation failure.
 */
int al_posindex_add(al_posindex *ix, const char *pointer, size_t len, size_t key_off,
                    size_t val_off, size_t val_end);

/* The entry for POINTER, or NULL. */
const al_posentry *al_posindex_find(const al_posindex *ix, const char *pointer);

/*
 * The entry for POINTER or, when it has none (a missing property), for its
 * nearest ancestor. Never NULL once the root was added.
 */
const al_posentry *al_posindex_find_nearest(const al_posindex *ix, const char *pointer);

#endif
