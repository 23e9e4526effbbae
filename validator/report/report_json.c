/*
 * report_json.c - the machine-readable report: one JSON document.
 *
 * Built as a jansson tree and dumped once, so the output is always valid
 * JSON whatever the messages contain; keys keep insertion order so the
 * documented field order is the printed one.
 */
#include "advisor/report.h"

#include <jansson.h>

static json_t *finding_json(const al_finding *f)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    json_object_set_new(o, "file", json_string(f->file));
    json_object_set_new(o, "line", json_integer(f->line));
    json_object_set_new(o, "column", json_integer(f->column));
    json_object_set_new(o, "endLine", json_integer(f->end_line));
    json_object_set_new(o, "endColumn", json_integer(f->end_column));
    json_object_set_new(o, "pointer", f->pointer ? json_string(f->pointer) : json_null());
    json_object_set_new(o, "rule", json_string(f->rule));
    json_object_set_new(o, "severity", json_string(al_severity_name(f->severity)));
    json_object_set_new(o, "message", json_string(f->message));
    return o;
}

int al_report_json(FILE *out, const al_findings *list, const al_report_info *info)
{
    json_t *doc = json_object(), *files = json_object(), *summary = json_object();
    json_t *arr = json_array();
    size_t i;
    int rc = -1;

    if (!doc || !files || !summary || !arr)
        goto done;
    json_object_set_new(doc, "tool", json_string(info->tool));
    json_object_set_new(doc, "version", json_string(info->version));
    json_object_set_new(files, "checked", json_integer((json_int_t)info->checked));
    json_object_set_new(files, "skipped", json_integer((json_int_t)info->skipped));
    json_object_set_new(files, "unreadable", json_integer((json_int_t)info->unreadable));
    json_object_set_new(files, "ignored", json_integer((json_int_t)info->ignored));
    json_object_set(doc, "files", files);
    json_object_set_new(doc, "nothingChecked", json_boolean(info->checked == 0));
    json_object_set_new(summary, "error",
                        json_integer((json_int_t)list->by_severity[AL_SEV_ERROR]));
    json_object_set_new(summary, "warning",
                        json_integer((json_int_t)list->by_severity[AL_SEV_WARNING]));
    json_object_set_new(summary, "info", json_integer((json_int_t)list->by_severity[AL_SEV_INFO]));
    json_object_set(doc, "summary", summary);
    if (info->baseline)
        json_object_set_new(doc, "baseline",
                            json_pack("{s:I, s:I}", "known", (json_int_t)info->baseline_known,
                                      "fixed", (json_int_t)info->baseline_fixed));
    for (i = 0; i < list->count; i++) {
        json_t *f = finding_json(&list->items[i]);
        if (!f || json_array_append_new(arr, f) != 0)
            goto done;
    }
    json_object_set(doc, "findings", arr);
    if (json_dumpf(doc, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0)
        goto done;
    fputc('\n', out);
    rc = ferror(out) ? -1 : 0;
done:
    json_decref(arr);
    json_decref(summary);
    json_decref(files);
    json_decref(doc);
    return rc;
}
