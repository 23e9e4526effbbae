/*
 * grow.h - room in a growable array, the one way the validator grows them.
 */
#ifndef AL_GROW_H
#define AL_GROW_H

#include <stddef.h>

/*
 * ITEMS is the address of an array pointer (an al_finding ** for an
 * al_finding * array, say). Makes that array, of capacity *CAP elements of
 * ELEM bytes, hold at least NEED elements, doubling from FIRST. Returns 0,
 * or -1 when memory ran out (the array and *CAP are then unchanged).
 */
int al_grow(void *items, size_t *cap, size_t need, size_t elem, size_t first);

#endif
