/*
 * header.h - where a document's "<properties ... />" header and its attributes are.
 *
 * A light scan of the editor's text, not the reader: code actions insert
 * into the header, completion offers cloud names inside one attribute's
 * value, and both need byte places in text that may be half typed.
 */
#ifndef AL_LSP_HEADER_H
#define AL_LSP_HEADER_H

#include <stddef.h>

/*
 * The header at the start of T (LEN bytes; after a byte order mark and
 * white space): its attributes are T[*START, *CLOSE), *CLOSE being where
 * "/>" is. Returns 0, or -1 when T does not start with a closed header.
 */
int al_lsp_find_header(const char *t, size_t len, size_t *start, size_t *close);

/*
 * The quoted value [*VS, *VE) of attribute NAME (name = "value", either
 * quote) in T[START, CLOSE). Returns 0, or -1 when there is none.
 */
int al_lsp_find_attribute(const char *t, size_t start, size_t close, const char *name, size_t *vs,
                          size_t *ve);

#endif
