/*
 * bodyscan.h - where in the JSON body a cursor is, in text being typed.
 *
 * Hover and completion need to know, for a byte offset, which object or
 * array encloses it (as a path of keys, "[]" for an array's items) and
 * whether it is on a key, where a key would go, or where a value would.
 * The body is scanned token by token up to the cursor, tolerating
 * anything unfinished after it or broken before it: the reader's strict
 * parse would reject exactly the half-typed text an editor holds.
 */
#ifndef AL_LSP_BODYSCAN_H
#define AL_LSP_BODYSCAN_H

#include <stddef.h>

#define AL_SCAN_MAX_DEPTH 32

typedef enum al_scan_kind {
    AL_SCAN_NONE = 0, /* outside the body, or nowhere a key or value goes */
    AL_SCAN_KEY,      /* on a key string: KEY is it */
    AL_SCAN_KEY_SLOT, /* where an object's next key goes */
    AL_SCAN_VALUE,    /* where a value goes (or on one): of KEY, or an array item */
} al_scan_kind;

typedef struct al_scan {
    al_scan_kind kind;
    char *path[AL_SCAN_MAX_DEPTH]; /* keys of the enclosing containers, "[]" for items */
    size_t depth;
    char *key;                 /* AL_SCAN_KEY: the key; AL_SCAN_VALUE in an object: its key */
    int in_string;             /* the cursor is inside a string token */
    size_t str_start, str_end; /* that string's content [start, end) */
} al_scan;

/*
 * The body of the document TEXT (LEN bytes) named NAME: the whole text
 * for .json names, else what lies between the first two lines that are
 * "---". Returns 0 with [*START, *END), or -1 when there is none.
 */
int al_scan_body(const char *name, const char *text, size_t len, size_t *start, size_t *end);

/* Scans TEXT[START, END) up to OFF into *SCAN (released with al_scan_release). */
void al_scan_at(const char *text, size_t start, size_t end, size_t off, al_scan *scan);
void al_scan_release(al_scan *scan);

#endif
