/*
 * message.c - short renderings of instance values for error messages.
 *
 * Messages quote the offending value, so a huge string or object must not
 * produce a huge message: renderings are compact JSON cut at a fixed length
 * on a UTF-8 character boundary, with "..." marking the cut.
 */
#include <stdlib.h>
#include <string.h>

#include "jsonschema_private.h"

#define MSG_VALUE_MAX 80

static void add_truncated(jsch_buf *b, const char *s, size_t len)
{
    if (len <= MSG_VALUE_MAX) {
        jsch__buf_add(b, s, len);
        return;
    }
    size_t cut = MSG_VALUE_MAX;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
        cut--;
    jsch__buf_add(b, s, cut);
    jsch__buf_adds(b, "...");
}

void jsch__msg_value(jsch_buf *b, const json_t *v)
{
    char *s = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT | JSON_PRESERVE_ORDER);
    if (!s) {
        jsch__buf_adds(b, "(value)");
        return;
    }
    add_truncated(b, s, strlen(s));
    {
        /* json_dumps memory is jansson's: free it the way jansson allocated it */
        json_free_t jfree;
        json_get_alloc_funcs(NULL, &jfree);
        jfree(s);
    }
}

void jsch__msg_quoted(jsch_buf *b, const char *s, size_t len)
{
    json_t *str = json_stringn_nocheck(s, len);
    if (!str) {
        jsch__buf_adds(b, "\"\"");
        return;
    }
    jsch__msg_value(b, str);
    json_decref(str);
}

const char *jsch__msg_type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "object";
    case JSON_ARRAY: return "array";
    case JSON_STRING: return "string";
    case JSON_INTEGER:
    case JSON_REAL: return "number";
    case JSON_TRUE:
    case JSON_FALSE: return "boolean";
    default: return "null";
    }
}
