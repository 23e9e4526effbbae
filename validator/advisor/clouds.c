/*
 * clouds.c - cloud names: Public, Fairfax, Mooncake, USNat, USSec.
 *
 * Practice spells them in every case ("usnat", "MoonCake"), so lookups are
 * case-insensitive and report the canonical spelling for the style rule.
 * File names end in a cloud suffix, with two short forms (-ff, -mc) seen in
 * real files besides the full names.
 */
#include "advisor.h"

#include <string.h>
#include <strings.h>

/* In the order of their bits (advisor.h): cloud I is bit 1 << I. */
static const char *const cloud_names[] = {
    "Public", "Fairfax", "Mooncake", "USNat", "USSec", NULL
};
#define NCLOUDS (sizeof(cloud_names) / sizeof(cloud_names[0]) - 1)

const char *const *adv_cloud_names(size_t *count)
{
    if (count)
        *count = NCLOUDS;
    return cloud_names;
}

unsigned adv_cloud_lookup(const char *s, size_t len, const char **canonical)
{
    size_t i;
    for (i = 0; i < NCLOUDS; i++) {
        if (strlen(cloud_names[i]) == len && strncasecmp(s, cloud_names[i], len) == 0) {
            if (canonical)
                *canonical = cloud_names[i];
            return 1u << i;
        }
    }
    return 0;
}

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int adv_list_next(const char *list, size_t *pos, adv_list_item *item)
{
    size_t a = *pos, end, b;
    if (a == ADV_LIST_END)
        return 0;
    end = a + strcspn(list + a, ",");
    b = end;
    while (a < b && is_ws(list[a]))
        a++;
    while (b > a && is_ws(list[b - 1]))
        b--;
    item->off = a;
    item->len = b - a;
    *pos = list[end] == ',' ? end + 1 : ADV_LIST_END;
    return 1;
}

unsigned adv_clouds_parse(const char *list)
{
    adv_list_item it;
    size_t pos = 0;
    unsigned bits = 0;
    while (adv_list_next(list, &pos, &it))
        bits |= adv_cloud_lookup(list + it.off, it.len, NULL);
    return bits;
}

const char *adv_cloud_name(unsigned bit)
{
    size_t i;
    for (i = 0; i < NCLOUDS; i++)
        if (1u << i == bit)
            return cloud_names[i];
    return NULL;
}

unsigned adv_file_name_cloud(const char *path, size_t *off, size_t *len)
{
    static const struct {
        const char *suffix;
        unsigned bit;
    } suffixes[] = {
        { "public", ADV_CLOUD_PUBLIC }, { "fairfax", ADV_CLOUD_FAIRFAX },
        { "ff", ADV_CLOUD_FAIRFAX },    { "mooncake", ADV_CLOUD_MOONCAKE },
        { "mc", ADV_CLOUD_MOONCAKE },   { "usnat", ADV_CLOUD_USNAT },
        { "ussec", ADV_CLOUD_USSEC },
    };
    const char *base = strrchr(path, '/'), *dot, *dash;
    size_t i, n;

    base = base ? base + 1 : path;
    dot = strrchr(base, '.');
    if (!dot || dot == base)
        dot = base + strlen(base);
    for (dash = dot; dash > base && dash[-1] != '-'; dash--)
        ;
    if (dash == base)
        return 0;
    n = (size_t)(dot - dash);
    for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
        if (strlen(suffixes[i].suffix) == n && !strncasecmp(dash, suffixes[i].suffix, n)) {
            if (off)
                *off = (size_t)(dash - path);
            if (len)
                *len = n;
            return suffixes[i].bit;
        }
    }
    return 0;
}
