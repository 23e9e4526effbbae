/*
 * identity.h - which rule stub belongs to which recommendation type, run after run.
 *
 * A rule stub (OUT/rules/NAME.c) is a person's code: it must stay bound to
 * the recommendationTypeId it was written for, whatever happens to friendly
 * names. Two records say which type a stub belongs to:
 *
 *   - the stub itself, on a line "advisor-codegen-type: TYPE-ID" that the
 *     stub template writes into its opening comment (people keep it);
 *   - the manifest OUT/advisor-codegen.json, written by every run: each
 *     type's identifier and friendly name, and the files the run generated.
 *
 * A stub's own line wins; the manifest binds the types whose stub has no
 * such line (a stub written before the line existed, or deleted). A bound
 * type keeps its identifier when its friendly name changes (the file is not
 * renamed: a person's code and its function names stay as they are). The
 * identifiers of bound types and of every stub on disk are reserved, so a
 * newcomer whose name maps to a taken identifier gets a suffix and never
 * takes over another type's stub. A stub no type of the run claims is
 * orphaned: kept, reported, and --check fails.
 */
#ifndef CG_IDENTITY_H
#define CG_IDENTITY_H

#include <stddef.h>

/* The manifest's name in OUT. */
#define CG_MANIFEST "advisor-codegen.json"

/* The marker a stub carries, followed by its recommendationTypeId. */
#define CG_STUB_MARKER "advisor-codegen-type:"

typedef struct cg_stub {
    char *ident;    /* rules/IDENT.c */
    char *type_key; /* its marker's type id, lower case, or NULL */
} cg_stub;

typedef struct cg_bound {
    char *type_key; /* the recommendationTypeId in lower case */
    char *ident;
    char *friendly; /* the friendly name the manifest recorded, or NULL */
    int from_stub;  /* bound by the stub's own marker */
} cg_bound;

typedef struct cg_identity {
    int have_manifest;
    cg_stub *stubs; /* rules/ *.c on disk, sorted by ident */
    size_t nstubs, cstubs;
    cg_bound *bound; /* type -> identifier */
    size_t nbound, cbound;
    char **generated; /* the files the previous run generated (manifest), sorted */
    size_t ngenerated, cgenerated;
} cg_identity;

/*
 * Reads OUT's manifest and stubs (both may be absent: a first run).
 * Returns 0, or -1 with a message in ERR (an unreadable or malformed
 * manifest, which is never silently ignored: it would unbind stubs).
 */
int cg_identity_load(cg_identity *id, const char *out_dir, char *err, size_t errlen);

void cg_identity_release(cg_identity *id);

/* The identifier bound to TYPE_ID (any case), or NULL. */
const char *cg_identity_ident(const cg_identity *id, const char *type_id);

/* The friendly name the manifest recorded for TYPE_ID, or NULL. */
const char *cg_identity_friendly(const cg_identity *id, const char *type_id);

/*
 * Whether a newcomer must not take IDENT: bound to a type, or the name of a
 * stub on disk (with a manifest; without one, an unmarked stub is adopted
 * by the type whose name it has, as before manifests existed).
 */
int cg_identity_reserved(const cg_identity *id, const char *ident);

/* The stub rules/IDENT.c on disk, or NULL. */
const cg_stub *cg_identity_stub(const cg_identity *id, const char *ident);

/* TYPE_ID in lower case, as a new string (NULL: out of memory). */
char *cg_type_key(const char *type_id);

#endif
