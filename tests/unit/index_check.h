/*
 * index_check.h - test helper: does a document's position index agree with jansson?
 */
#ifndef INDEX_CHECK_H
#define INDEX_CHECK_H

#include <stddef.h>

#include "reader/document.h"

/*
 * Checks DOC (a loaded document with a body) against jansson: the body
 * equals json_loadb's parse of the same text; every index entry's pointer
 * resolves in jansson's tree; the text at each value's offsets parses to
 * that same value; each key's text is that member's key; every value of the
 * tree has an entry; line:column round-trips to the offset. Returns 0, or -1
 * with a description in WHY.
 */
int index_check(al_doc *doc, char *why, size_t n);

#endif
