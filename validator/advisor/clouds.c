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

static const struct {
    const char *name;
    unsigned bit;
} clouds[] = {
    {"Public", ADV_CLOUD_PUBLIC},
    {"Fairfax", ADV_CLOUD_FAIRFAX},
    {"Mooncake", ADV_CLOUD_MOONCAKE},
    {"USNat", ADV_CLOUD_USNAT},
    {"USSec", ADV_CLOUD_USSEC},
};

unsigned adv_cloud_lookup(const char *s, size_t len, const char **canonical)
{
    size_t i;
    for (i = 0; i < sizeof(clouds) / sizeof(clouds[0]); i++) {
        if (strlen(clouds[i].name) == len && strncasecmp(s, clouds[i].name, len) == 0) {
            if (canonical)
                *canonical = clouds[i].name;
            return clouds[i].bit;
        }
    }
    return 0;
}

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

size_t adv_split_list(const char *list, adv_list_item *items, size_t max)
{
    size_t count = 0, start = 0, i = 0, len = strlen(list);
    for (;;) {
        if (i == len || list[i] == ',') {
            size_t a = start, b = i;
            while (a < b && is_ws(list[a]))
                a++;
            while (b > a && is_ws(list[b - 1]))
                b--;
            if (count < max) {
                items[count].off = a;
                items[count].len = b - a;
            }
            count++;
            if (i == len)
                break;
            start = i + 1;
        }
        i++;
    }
    return count < max ? count : max;
}

unsigned adv_clouds_parse(const char *list)
{
    adv_list_item items[32];
    size_t n = adv_split_list(list, items, 32), i;
    unsigned bits = 0;
    for (i = 0; i < n; i++)
        bits |= adv_cloud_lookup(list + items[i].off, items[i].len, NULL);
    return bits;
}

const char *adv_cloud_name(unsigned bit)
{
    size_t i;
    for (i = 0; i < sizeof(clouds) / sizeof(clouds[0]); i++)
        if (clouds[i].bit == bit)
            return clouds[i].name;
    return NULL;
}

unsigned adv_file_name_cloud(const char *path, size_t *off, size_t *len)
{
    static const struct {
        const char *suffix;
        unsigned bit;
    } suffixes[] = {
        {"public", ADV_CLOUD_PUBLIC},     {"fairfax", ADV_CLOUD_FAIRFAX},
        {"ff", ADV_CLOUD_FAIRFAX},        {"mooncake", ADV_CLOUD_MOONCAKE},
        {"mc", ADV_CLOUD_MOONCAKE},       {"usnat", ADV_CLOUD_USNAT},
        {"ussec", ADV_CLOUD_USSEC},
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
