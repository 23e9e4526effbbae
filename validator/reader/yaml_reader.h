/*
 * yaml_reader.h - a YAML body (libyaml) into the same jansson model as JSON.
 *
 * Scalars resolve as the YAML 1.2 core schema says: null (~, null, empty),
 * booleans (true/false), integers and floats; quoted scalars are strings.
 * Keys must be scalars. A repeated key is a duplicate-key problem, as in
 * JSON. Aliases are expanded by sharing the anchored value, and bounded:
 * at most AL_YAML_MAX_ALIASES aliases, adding at most AL_YAML_MAX_EXPANDED
 * values in all (counted as expanded, since the schema check, the rules and
 * advisor-codegen walk the tree expanded), else a json-syntax problem
 * "aliases expand to more than N values". Problems are of the kinds
 * json_reader.h lists.
 */
#ifndef AL_YAML_READER_H
#define AL_YAML_READER_H

#include <jansson.h>

#include "json_reader.h"
#include "source.h"

#define AL_YAML_MAX_ALIASES 10000
#define AL_YAML_MAX_EXPANDED 100000

/* Parses the whole of SRC as one YAML document. Returns a new reference or NULL. */
json_t *al_yaml_parse(al_source *src, const al_json_options *opts);

#endif
