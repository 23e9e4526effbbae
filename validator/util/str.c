/*
 * str.c - strdup that lets NULL through.
 */
#include "str.h"

#include <stdlib.h>
#include <string.h>

char *al_strdup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}
