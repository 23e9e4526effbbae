/*
 * jsonschema_private.h - internal types shared by the jsonschema sources.
 *
 * Layout of the engine:
 *   util.c        growable buffers and the two small hash maps used everywhere
 *   uri.c         RFC 3986 parsing/resolution, JSON pointer escaping
 *   registry.c    documents by URI: the resource index ($id, $anchor), prefix maps,
 *                 the embedded meta-schemas, custom formats
 *   ref.c         resolving $ref/$dynamicRef targets, $schema vocabularies, and
 *                 applying $ref/$dynamicRef (dynamic scope) during validation
 *   compile.c     schema JSON -> jsch_node graph (keywords parsed and checked once; the
 *                 keyword table says which dialects have each keyword)
 *   validate.c    the evaluation driver, paths, results, error recording
 *   keywords_validation.c   type, enum, const, numeric/string/array/object limits
 *   keywords_applicator.c   properties ... items, contains, allOf/anyOf/oneOf/not/if
 *   keywords_unevaluated.c  unevaluatedProperties, unevaluatedItems
 *   format.c      "format" and the built-in checkers; format_hostname.c IDNA
 *   pattern.c     ECMA-262 regexes on pcre2
 *   message.c     rendering values for error messages
 *   value.c       JSON value equality, numeric comparison, code point length
 *
 * Symbols: the library is a static archive others link, so its global names must
 * not collide with theirs. The public API (jsonschema.h) is jsch_; what the files
 * share through this header is jsch__ (two underscores, embedded meta-schemas
 * included); everything used in one file only is static. The style/symbols-jsonschema
 * test checks it with scripts/check-symbols.sh.
 */
#ifndef JSONSCHEMA_PRIVATE_H
#define JSONSCHEMA_PRIVATE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "jsonschema.h"

#define JSCH_MAX_DEPTH 1000      /* schema nesting (compile) and evaluation depth */
#define JSCH_MAX_STEPS 20000000u /* node evaluations per validation (combinatorial schemas) */
#define JSCH_MATCH_LIMIT 1000000 /* pcre2 backtracking budget per match */
#define JSCH_DEPTH_LIMIT 10000   /* pcre2 backtracking depth per match */

#if defined(__GNUC__)
#define JSCH_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define JSCH_PRINTF(f, a)
#endif

/* ---- util.c ---- */

typedef struct jsch_buf {
    char *data; /* NUL-terminated when len > 0 or after jsch__buf_cstr() */
    size_t len, cap;
    bool oom; /* an append failed; the contents are truncated */
} jsch_buf;

void jsch__buf_add(jsch_buf *b, const char *s, size_t n);
void jsch__buf_adds(jsch_buf *b, const char *s);
void jsch__buf_addc(jsch_buf *b, char c);
void jsch__buf_addf(jsch_buf *b, const char *fmt, ...) JSCH_PRINTF(2, 3);
const char *jsch__buf_cstr(jsch_buf *b); /* never NULL ("" on failure) */
char *jsch__buf_steal(jsch_buf *b);      /* caller owns; NULL when out of memory */
void jsch__buf_free(jsch_buf *b);

/* Copies all n bytes, NULs included, and adds a NUL: smap keys may contain NUL,
   where libc's strndup would stop. NULL when out of memory. */
char *jsch__strndup(const char *s, size_t n);
void jsch__set_error(jsch_error *err, const char *location, const char *fmt, ...) JSCH_PRINTF(3, 4);

/* string-keyed map (keys copied, may contain NUL) to borrowed void* values */
typedef struct smap_entry {
    char *key;
    size_t klen;
    size_t hash;
    void *val;
} smap_entry;
typedef struct jsch_smap {
    smap_entry *e;
    size_t cap, count;
} jsch_smap;
void *jsch__smap_get(const jsch_smap *m, const char *key, size_t klen);
int jsch__smap_put(jsch_smap *m, const char *key, size_t klen, void *val);
void jsch__smap_free(jsch_smap *m);

/* pointer-keyed map */
typedef struct pmap_entry {
    const void *key;
    void *val;
} pmap_entry;
typedef struct jsch_pmap {
    pmap_entry *e;
    size_t cap, count;
} jsch_pmap;
void *jsch__pmap_get(const jsch_pmap *m, const void *key);
int jsch__pmap_put(jsch_pmap *m, const void *key, void *val);
void jsch__pmap_free(jsch_pmap *m);

/* growable array of owned pointers */
typedef struct jsch_vec {
    void **v;
    size_t n, cap;
} jsch_vec;
int jsch__vec_push(jsch_vec *vec, void *p);

/* ---- uri.c ---- */

/* Resolves ref against the absolute base (RFC 3986 section 5.2). Returns a
   new string the caller frees, or NULL when out of memory. */
char *jsch__uri_resolve(const char *base, const char *ref);
/* Length of uri without its fragment ('#' and what follows). */
size_t jsch__uri_base_len(const char *uri);
bool jsch__uri_has_scheme(const char *s);
/* Format checks (format.c uses them): full URI / URI reference per RFC 3986,
   or IRI / IRI reference (RFC 3987: non-ASCII allowed) when iri. */
bool jsch__uri_valid(const char *s, size_t len, bool reference, bool iri);
/* Appends key to b escaped as a JSON pointer token (~0, ~1). */
void jsch__ptr_escape(jsch_buf *b, const char *key, size_t len);
/* Appends key percent-encoded for use in a URI fragment. */
void jsch__frag_escape(jsch_buf *b, const char *s, size_t len);
/* Percent-decodes s into a new string (*outlen set); NULL on bad escape/oom. */
char *jsch__pct_decode(const char *s, size_t len, size_t *outlen);

/* ---- registry.c ---- */

/* Vocabulary bits; a resource evaluates the keywords of its vocabularies. */
enum {
    VOC_CORE = 1u << 0,
    VOC_APPLICATOR = 1u << 1,
    VOC_UNEVALUATED = 1u << 2,
    VOC_VALIDATION = 1u << 3,
    VOC_FORMAT_ANNOTATION = 1u << 4,
    VOC_FORMAT_ASSERTION = 1u << 5,
    VOC_CONTENT = 1u << 6,
    VOC_METADATA = 1u << 7,
    VOC_DEFAULT = VOC_CORE | VOC_APPLICATOR | VOC_UNEVALUATED | VOC_VALIDATION |
                  VOC_FORMAT_ANNOTATION | VOC_CONTENT | VOC_METADATA,
    VOC_UNSUPPORTED = 1u << 30, /* a required vocabulary we do not know */
};

/* Dialects, as bits so a keyword can name the ones it belongs to. */
enum {
    JSCH_D4 = 1u << 0,
    JSCH_D6 = 1u << 1,
    JSCH_D7 = 1u << 2,
    JSCH_D2019 = 1u << 3,
    JSCH_D2020 = 1u << 4,
    JSCH_D_ALL = 0x1fu,
    JSCH_D_PRE2019 = JSCH_D4 | JSCH_D6 | JSCH_D7, /* $ref overrides its siblings, no $anchor */
};
/* The dialect (JSCH_D*) a "$schema" URI names, or 0 for another URI; "#" and an
   http/https mix-up of the draft-04 to -07 URIs are accepted. */
unsigned jsch__dialect_of_uri(const char *uri);
/* The meta-schema URI of dialect d. */
const char *jsch__dialect_uri(unsigned d);

/* A schema resource: a document root or a subschema with "$id" ("id" in draft-04). */
typedef struct jsch_resource {
    char *uri;                    /* absolute, without fragment */
    unsigned dialect;             /* JSCH_D*: its "$schema", else its parent's, else the default */
    json_t *root;                 /* borrowed from the owning index's document */
    struct jsch_resource *parent; /* lexically enclosing resource, or NULL */
    jsch_smap anchors;            /* name -> json_t*: $anchor and $dynamicAnchor */
    jsch_smap dyn_anchors;        /* name -> json_t*: $dynamicAnchor only */
} jsch_resource;

/* Where a subschema sits: its resource and JSON pointer from that root. */
typedef struct jsch_loc {
    jsch_resource *res;
    char *ptr;
} jsch_loc;

/* The resources and subschema locations found in a set of documents. */
typedef struct jsch_index {
    jsch_vec docs;       /* json_t* references owned */
    jsch_vec resources;  /* jsch_resource* owned */
    jsch_vec locs_owned; /* jsch_loc* owned */
    jsch_smap by_uri;    /* uri -> jsch_resource* */
    jsch_pmap locs;      /* json_t* (object subschemas) -> jsch_loc* */
} jsch_index;

/* Indexes doc under uri; a root without "$schema" is read in dialect (JSCH_D*). */
int jsch__index_add_document(jsch_index *idx, const char *uri, json_t *doc, unsigned dialect,
                             jsch_error *err);
jsch_loc *jsch__index_add_loc(jsch_index *idx, const json_t *node, jsch_resource *res,
                              const char *ptr, size_t ptrlen);
void jsch__index_free(jsch_index *idx);

typedef struct jsch_format {
    jsch_format_fn check;
    void *ud;
} jsch_format;

typedef struct jsch_prefix {
    char *prefix;
    char *dir;
} jsch_prefix;

struct jsch_registry {
    jsch_index idx;
    jsch_vec prefixes; /* jsch_prefix* owned */
    jsch_smap formats; /* name -> jsch_format* (owned by formats_owned) */
    jsch_vec formats_owned;
    jsch_smap metas; /* meta-schema uri -> jsch_schema* (owned by metas_owned) */
    jsch_vec metas_owned;
    unsigned dialect; /* JSCH_D* for documents without "$schema" (default 2020-12) */
};

/* Looks uri (no fragment) up in the registry, loading it through a prefix
   map when needed. Returns NULL with err filled when unknown. */
jsch_resource *jsch__registry_find(jsch_registry *reg, const char *uri, size_t len,
                                   jsch_error *err);
/* Returns the compiled meta-schema with the given URI (cached), or NULL. */
const jsch_schema *jsch__registry_metaschema(jsch_registry *reg, const char *uri, jsch_error *err);

/* ---- compiled form ---- */

typedef struct jsch_node jsch_node;

/* A compiled resource: what validation needs for $dynamicRef. */
typedef struct jsch_cres {
    char *uri;
    jsch_smap dyn; /* $dynamicAnchor name ("" for "$recursiveAnchor": true) -> jsch_node* */
    unsigned vocab;
    unsigned dialect; /* JSCH_D* */
} jsch_cres;

typedef enum {
    KW_REF,
    KW_DYNREF,
    KW_TYPE,
    KW_ENUM,
    KW_CONST,
    KW_MULTIPLEOF,
    KW_MAXIMUM,
    KW_EXMAXIMUM,
    KW_MINIMUM,
    KW_EXMINIMUM,
    KW_MAXLENGTH,
    KW_MINLENGTH,
    KW_PATTERN,
    KW_FORMAT,
    KW_MAXITEMS,
    KW_MINITEMS,
    KW_UNIQUEITEMS,
    KW_MAXPROPERTIES,
    KW_MINPROPERTIES,
    KW_REQUIRED,
    KW_DEPREQUIRED,
    KW_PROPERTIES,
    KW_PATTERNPROPERTIES,
    KW_ADDITIONALPROPERTIES,
    KW_PROPERTYNAMES,
    KW_DEPSCHEMAS,
    KW_PREFIXITEMS,
    KW_ITEMS,
    KW_CONTAINS,
    KW_ALLOF,
    KW_ANYOF,
    KW_ONEOF,
    KW_NOT,
    KW_IF,
    KW_UNEVALITEMS,
    KW_UNEVALPROPS,
    KW_DEPENDENCIES, /* draft-04 to -07: arrays as dependentRequired, schemas as dependentSchemas */
} jsch_kwkind;

typedef struct jsch_regex {
    pcre2_code *code;
    char *source; /* the pattern as written in the schema */
} jsch_regex;

typedef struct jsch_named {
    const char *name;
    size_t len;
    jsch_node *node;
} jsch_named;
typedef struct jsch_patnode {
    jsch_regex *re;
    jsch_node *node;
} jsch_patnode;

typedef struct jsch_kw {
    jsch_kwkind kind;
    const char *name;    /* keyword as spelled in the schema */
    const json_t *value; /* the keyword's JSON value (borrowed) */
    union {
        jsch_node *sub; /* single subschema keywords */
        struct {
            jsch_node *target;
            const char *anchor;
        } ref;          /* anchor: dynamic */
        unsigned types; /* KW_TYPE bit mask (1 << json_type, +integer) */
        size_t limit;   /* maxLength, minItems, ... */
        bool flag;      /* uniqueItems */
        jsch_regex *re; /* pattern */
        struct {
            jsch_node **v;
            size_t n;
        } list; /* allOf, prefixItems ... */
        struct {
            jsch_smap map;
            jsch_named *v;
            size_t n;
        } props; /* properties, depSchemas */
        struct {
            jsch_patnode *v;
            size_t n;
        } pats; /* patternProperties */
        struct {
            jsch_node *sub;
            const struct jsch_kw *props; /* sibling "properties" or NULL */
            const struct jsch_kw *pats;  /* sibling "patternProperties" or NULL */
        } addl;
        struct {
            jsch_node *sub;
            size_t prefix;
        } items; /* prefix = len(prefixItems) */
        struct {
            jsch_node *sub;
            size_t min, max;
            bool has_max;
            bool mark; /* its matches count as evaluated items (2020-12) */
        } contains;
        struct {
            jsch_node *cond, *then, *els;
        } cond;
        struct {
            jsch_format_fn check;
            void *ud;
            bool builtin;
        } format;
    } u;
} jsch_kw;

struct jsch_node {
    const json_t *json;              /* borrowed from a document the schema holds */
    jsch_cres *res;                  /* NULL for boolean schemas */
    char *abs;                       /* "uri#pointer" of this subschema, NULL for booleans */
    int boolean;                     /* -1: object schema, 0: false, 1: true */
    bool uneval_props, uneval_items; /* has unevaluated* (needs annotations) */
    jsch_kw *kw;
    size_t nkw;
};

struct jsch_schema {
    jsch_node *root;
    jsch_node t, f;            /* the boolean schemas */
    jsch_vec nodes;            /* jsch_node* owned (object schemas) */
    jsch_vec cres;             /* jsch_cres* owned */
    jsch_vec regexes;          /* jsch_regex* owned */
    jsch_vec strings;          /* char* owned (keys kept beyond their documents) */
    jsch_vec docs;             /* json_t* references owned */
    pcre2_match_context *mctx; /* shared read-only by all validations */
};

/* ref.c: reference resolution during compilation */
typedef struct jsch_compiler {
    jsch_registry *reg;
    jsch_index local; /* the document being compiled */
    jsch_schema *out;
    jsch_pmap done;    /* json_t* -> jsch_node* */
    jsch_pmap cres_of; /* jsch_resource* -> jsch_cres* */
    unsigned flags;
    unsigned depth;
    jsch_error *err;
} jsch_compiler;

jsch_loc *jsch__ref_loc_of(jsch_compiler *c, const json_t *node);
/* Resolves the absolute uri (may carry a fragment) to a schema node. */
const json_t *jsch__ref_resolve(jsch_compiler *c, const char *uri, jsch_loc **loc_out);
/* VOC_* bits of res, or VOC_UNSUPPORTED */
unsigned jsch__vocab_of_resource(jsch_compiler *c, jsch_resource *res);

/* pattern.c */
jsch_regex *jsch__regex_compile(const char *src, size_t len, char *errbuf, size_t errlen);
void jsch__regex_free(jsch_regex *re);
bool jsch__regex_is_valid_ecma(const char *src, size_t len);

/* format.c */
jsch_format_fn jsch__format_builtin(const char *name);
bool jsch__format_ipv6_valid(const char *s, size_t len);
/* format_hostname.c: hostname, or idn-hostname when idn */
bool jsch__format_hostname_valid(const char *s, size_t len, bool idn);

/* value.c */
bool jsch__value_equal(const json_t *a, const json_t *b);
int jsch__num_cmp(const json_t *a, const json_t *b); /* both numbers: <0, 0, >0 */
bool jsch__num_is_integer(const json_t *v);
bool jsch__num_multiple_of(const json_t *v, const json_t *m);
size_t jsch__utf8_length(const char *s, size_t len);
size_t jsch__value_hash(const json_t *v);

/* message.c */
void jsch__msg_value(jsch_buf *b, const json_t *v);            /* compact, truncated rendering */
void jsch__msg_quoted(jsch_buf *b, const char *s, size_t len); /* "s" JSON-escaped, truncated */
const char *jsch__msg_type_name(const json_t *v);

/* ---- validation (validate.c) ---- */

typedef struct jsch_seg {
    const struct jsch_seg *up;
    const char *key; /* NULL: array index */
    size_t len;      /* key length */
    size_t index;
} jsch_seg;

typedef struct jsch_scope {
    const struct jsch_scope *up;
    const jsch_cres *res;
} jsch_scope;

/* Evaluated properties/items of one instance: a bit per object member (in
   iteration order) or array item. */
typedef struct jsch_evalset {
    unsigned char *bits;
    size_t n;
} jsch_evalset;

struct jsch_result {
    jsch_issue *v;
    size_t n, cap;
};

typedef struct jsch_vstate {
    const jsch_schema *schema;
    jsch_result *out;
    pcre2_match_data *md;
    unsigned depth;
    unsigned steps;  /* node evaluations so far, bounded by JSCH_MAX_STEPS */
    bool fatal;      /* evaluation aborted; the instance is invalid */
    bool explaining; /* re-running anyOf/oneOf branches for a message */
} jsch_vstate;

/* Everything a keyword needs about where it runs. */
typedef struct jsch_vctx {
    jsch_vstate *st;
    const jsch_node *node;
    const json_t *inst;
    const jsch_seg *ipath, *kpath;
    const jsch_scope *scope;
    bool report;       /* record errors (false while probing) */
    jsch_evalset *ann; /* annotation sink, NULL when not collected */
} jsch_vctx;

bool jsch__validate_node(jsch_vstate *st, const jsch_node *node, const json_t *inst,
                         const jsch_seg *ipath, const jsch_seg *kpath, const jsch_scope *scope,
                         bool report, jsch_evalset *ann);
/* Applies sub to inst below the keyword kwname (kextra: optional extra
   keyword path segment such as a property name or index; iseg: instance
   segment, NULL to stay at the current instance). */
bool jsch__apply_sub(const jsch_vctx *c, const char *kwname, const jsch_seg *kextra,
                     const jsch_node *sub, const json_t *inst, const jsch_seg *iseg, bool report,
                     jsch_evalset *ann);
void jsch__report_error(const jsch_vctx *c, const char *kwname, const char *fmt, ...)
    JSCH_PRINTF(3, 4);
void jsch__report_errorv(const jsch_vctx *c, const char *kwname, const char *msg);
void jsch__report_fatal(const jsch_vctx *c, const char *kwname, const char *msg);
/* pattern.c: matches with per-call match data; reports a fatal error and
   returns -1 when the match limit is hit. */
int jsch__vctx_match(const jsch_vctx *c, const char *kwname, const jsch_regex *re, const char *s,
                     size_t len);
/* Appends the JSON pointer for the path s. */
void jsch__seg_render(jsch_buf *b, const jsch_seg *s);

static inline void evalset_mark(jsch_evalset *s, size_t i)
{
    if (s && s->bits && i < s->n)
        s->bits[i >> 3] |= (unsigned char)(1u << (i & 7));
}
static inline bool evalset_has(const jsch_evalset *s, size_t i)
{
    return s && s->bits && i < s->n && (s->bits[i >> 3] & (1u << (i & 7)));
}
int jsch__evalset_init(jsch_evalset *s, const json_t *inst);
void jsch__evalset_merge(jsch_evalset *dst, const jsch_evalset *src);
void jsch__evalset_free(jsch_evalset *s);

/* keyword evaluators: return true when the keyword holds */
bool jsch__kw_validation(const jsch_vctx *c, const jsch_kw *kw);
bool jsch__kw_applicator(const jsch_vctx *c, const jsch_kw *kw);
bool jsch__kw_unevaluated(const jsch_vctx *c, const jsch_kw *kw);
bool jsch__kw_format(const jsch_vctx *c, const jsch_kw *kw);
bool jsch__kw_ref(const jsch_vctx *c, const jsch_kw *kw);
/* keywords_validation.c: the properties NAMES (a string array) that KEY's presence
   requires; reports each missing one under KWNAME */
bool jsch__dep_required_one(const jsch_vctx *c, const char *kwname, const char *key, size_t klen,
                            const json_t *names);

#endif
