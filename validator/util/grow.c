/*
 * grow.c - doubling growth for the validator's arrays.
 */
#include "grow.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int al_grow(void *items, size_t *cap, size_t need, size_t elem, size_t first)
{
    size_t ncap;
    void *old, *ni;
    if (need <= *cap)
        return 0;
    ncap = *cap ? *cap : first;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2 / elem)
            return -1;
        ncap *= 2;
    }
    /* through memcpy: the pointer is a T *, not a void * (no type punning) */
    memcpy(&old, items, sizeof(old));
    ni = realloc(old, ncap * elem);
    if (!ni)
        return -1;
    memcpy(items, &ni, sizeof(ni));
    *cap = ncap;
    return 0;
}
