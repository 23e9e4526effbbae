/*
 * fuzz_jsonschema.c - libFuzzer target: the JSON Schema engine, schema and instance.
 *
 * The input is SCHEMA NUL INSTANCE [NUL FLAGS]: both texts are read with
 * jansson (any JSON value, NUL escapes allowed); the optional third part's
 * first byte picks the compile flags (bit 0 skips the meta-schema check,
 * bit 1 asserts formats), so the fuzzer reaches both the meta-schema path
 * and the keyword engine. A fresh registry per input keeps runs independent;
 * advisor-lint's own formats (timespan, guid, arm-resource-type) are
 * registered as the tool does. The compiled schema validates the instance
 * twice, collecting every issue and stopping at the first, and the two must
 * agree on valid/invalid; every issue must carry its strings.
 */
#include <stdint.h>

#include <jansson.h>

#include "fuzz_common.h"
#include "jsonschema.h"
#include "lint/schema_load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_part parts[3];
    size_t n = fuzz_split((const char *)data, size, parts, 3);
    json_t *schema, *instance;
    jsch_registry *reg;
    jsch_schema *compiled;
    jsch_error err;
    unsigned flags = JSCH_NO_METASCHEMA;

    if (n < 2)
        return 0;
    if (n == 3 && parts[2].len)
        flags = (unsigned char)parts[2].data[0] & 3u;
    schema = json_loadb(parts[0].data, parts[0].len, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
    if (!schema)
        return 0;
    instance = json_loadb(parts[1].data, parts[1].len, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
    if (!instance) {
        json_decref(schema);
        return 0;
    }
    reg = jsch_registry_new();
    FUZZ_CHECK(reg != NULL);
    FUZZ_CHECK(al_schema_register_formats(reg) == 0);
    memset(&err, 0, sizeof(err));
    compiled = jsch_compile(reg, schema, "https://fuzz.example/schema.json", flags, &err);
    if (!compiled) {
        FUZZ_CHECK(err.message[0] != '\0');
        FUZZ_CHECK(memchr(err.message, '\0', sizeof(err.message)) != NULL);
    } else {
        jsch_result *res = jsch_result_new();
        bool all, first;
        size_t i;
        FUZZ_CHECK(res != NULL);
        all = jsch_validate(compiled, instance, res);
        first = jsch_validate(compiled, instance, NULL);
        FUZZ_CHECK(all == first);
        FUZZ_CHECK(all == (jsch_result_count(res) == 0));
        for (i = 0; i < jsch_result_count(res); i++) {
            const jsch_issue *is = jsch_result_get(res, i);
            FUZZ_CHECK(is && is->instance_location && is->keyword_location &&
                       is->absolute_location && is->keyword && is->message);
        }
        jsch_result_free(res);
        jsch_schema_free(compiled);
    }
    jsch_registry_free(reg);
    json_decref(instance);
    json_decref(schema);
    return 0;
}
