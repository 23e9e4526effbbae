/*
 * source.c - reading a file whole and mapping offsets to line:column.
 *
 * Files are read with fstat + one read loop (no stdio buffering) into a
 * buffer one byte longer than the file, so parsers can rely on a NUL
 * sentinel. The line table is an array of line-start offsets built on first
 * use, together with a checkpoint table: the number of UTF-8 lead bytes (code
 * points) before every AL_SOURCE_STRIDE-th byte. A column is then the lead
 * count at the offset minus the lead count at the line start, each found from
 * the nearest checkpoint below it, so a lookup is a binary search plus at most
 * two short walks, even on a 1 MB single line with a finding on every value.
 * The last offset reached is remembered too, and a walk starts there when it
 * is nearer: the YAML reader asks for every node in file order, and findings
 * come mostly in file order (the last line start is remembered apart, so
 * looking it up does not move that cursor back).
 */
#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/grow.h"

static void detect_bom(al_source *src)
{
    const unsigned char *d = (const unsigned char *)src->data;
    src->bom = (src->len >= 3 && d[0] == 0xEF && d[1] == 0xBB && d[2] == 0xBF) ? 3 : 0;
}

static int read_all(int fd, const struct stat *st, char **out, size_t *outlen)
{
    size_t cap, len = 0;
    char *buf;

    if (S_ISDIR(st->st_mode)) {
        errno = EISDIR;
        return -1;
    }
    /*
     * Room for the file, its NUL and one more byte, so the read that sees
     * the end needs no reallocation. A file growing meanwhile, or one
     * reporting size 0, grows the buffer as we go.
     */
    cap = (S_ISREG(st->st_mode) && st->st_size > 0) ? (size_t)st->st_size + 2 : 65536;
    buf = malloc(cap);
    if (!buf)
        return -1;
    for (;;) {
        ssize_t n;
        if (len + 1 >= cap) {
            if (cap > ((size_t)1 << 40)) {
                free(buf);
                errno = EFBIG;
                return -1;
            }
            if (al_grow(&buf, &cap, cap + 1, 1, cap) != 0) {
                free(buf);
                return -1;
            }
        }
        n = read(fd, buf + len, cap - len - 1);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            free(buf);
            return -1;
        }
        if (n == 0)
            break;
        len += (size_t)n;
        /*
         * A regular file read to the size fstat gave is complete: confirming
         * the end with one more read() would cost a system call per file.
         * (A file still being written is read as it was when we started.)
         */
        if (S_ISREG(st->st_mode) && st->st_size > 0 && len == (size_t)st->st_size)
            break;
    }
    buf[len] = '\0';
    *out = buf;
    *outlen = len;
    return 0;
}

static void file_id_from_stat(al_file_id *id, const struct stat *st)
{
    id->dev = (unsigned long long)st->st_dev;
    id->ino = (unsigned long long)st->st_ino;
    id->size = (unsigned long long)st->st_size;
    id->mtime_sec = (long long)st->st_mtim.tv_sec;
    id->mtime_nsec = (long long)st->st_mtim.tv_nsec;
    id->ctime_sec = (long long)st->st_ctim.tv_sec;
    id->ctime_nsec = (long long)st->st_ctim.tv_nsec;
}

int al_file_id_of(const char *path, al_file_id *id)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return -1;
    file_id_from_stat(id, &st);
    return 0;
}

int al_file_id_equal(const al_file_id *a, const al_file_id *b)
{
    return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
           a->mtime_sec == b->mtime_sec && a->mtime_nsec == b->mtime_nsec &&
           a->ctime_sec == b->ctime_sec && a->ctime_nsec == b->ctime_nsec;
}

int al_source_read(al_source *src, const char *path)
{
    int fd, saved;
    struct stat st;

    memset(src, 0, sizeof(*src));
    fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return -1;
    {
        /* O_NONBLOCK only so that opening a FIFO without a writer cannot hang.
           Only regular files are read: a FIFO may never end, and a device
           such as /dev/zero or /dev/urandom (named by a config file from a
           pull request, say) would be read until memory ran out. */
        if (fstat(fd, &st) != 0) {
            saved = errno;
            close(fd);
            errno = saved;
            return -1;
        }
        if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
            close(fd);
            errno = ENODEV;
            return -1;
        }
        /* reads of regular files ignore O_NONBLOCK: no need to clear it (two system calls) */
    }
    if (read_all(fd, &st, &src->data, &src->len) != 0) {
        saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    close(fd);
    src->path = strdup(path);
    if (!src->path) {
        free(src->data);
        src->data = NULL;
        errno = ENOMEM;
        return -1;
    }
    file_id_from_stat(&src->id, &st);
    detect_bom(src);
    return 0;
}

int al_source_from_memory(al_source *src, const char *path, const char *data, size_t len)
{
    memset(src, 0, sizeof(*src));
    src->data = malloc(len + 1);
    src->path = strdup(path ? path : "<memory>");
    if (!src->data || !src->path) {
        al_source_release(src);
        errno = ENOMEM;
        return -1;
    }
    if (len)
        memcpy(src->data, data, len);
    src->data[len] = '\0';
    src->len = len;
    detect_bom(src);
    return 0;
}

void al_source_release(al_source *src)
{
    free(src->path);
    free(src->data);
    free(src->lines);
    free(src->leads);
    memset(src, 0, sizeof(*src));
}

static int build_lines(al_source *src)
{
    size_t cap = 0, n = 0, i;
    size_t *lines = NULL;

    if (al_grow(&lines, &cap, 1, sizeof(*lines), 64) != 0)
        return -1;
    lines[n++] = 0;
    for (i = 0; i < src->len; i++) {
        const char *nl = memchr(src->data + i, '\n', src->len - i);
        if (!nl)
            break;
        i = (size_t)(nl - src->data);
        if (n == cap && al_grow(&lines, &cap, n + 1, sizeof(*lines), 64) != 0) {
            free(lines);
            return -1;
        }
        lines[n++] = i + 1;
    }
    {
        /* checkpoints: leads[k] = lead bytes in data[0, k * STRIDE), for k * STRIDE <= len */
        size_t nk = src->len / AL_SOURCE_STRIDE + 1, k, count = 0;
        size_t *leads = malloc(nk * sizeof(*leads));
        const unsigned char *d = (const unsigned char *)src->data;
        if (!leads) {
            free(lines);
            return -1;
        }
        leads[0] = 0;
        for (k = 1, i = 0; k < nk; k++) {
            size_t stop = k * AL_SOURCE_STRIDE;
            for (; i < stop; i++)
                count += (d[i] & 0xC0) != 0x80;
            leads[k] = count;
        }
        src->leads = leads;
        src->nleads = nk;
    }
    src->lines = lines;
    src->nlines = n;
    return 0;
}

/*
 * Code points (UTF-8 lead bytes) in data[0, OFF), OFF <= len: counted from the
 * checkpoint below OFF, or from the last offset a lookup reached when that is
 * nearer (readers ask in file order, so a run of lookups on one long line
 * walks it once).
 */
static size_t leads_before(al_source *src, size_t off)
{
    size_t k = off / AL_SOURCE_STRIDE, i = k * AL_SOURCE_STRIDE, count = src->leads[k];
    if (src->cur_off <= off && src->cur_off > i) {
        i = src->cur_off;
        count = src->cur_leads;
    }
    if (i == off)
        return count;
    for (; i < off; i++)
        count += ((unsigned char)src->data[i] & 0xC0) != 0x80;
    src->cur_off = off;
    src->cur_leads = count;
    return count;
}

/* leads_before for a line's start, remembered apart so that it does not move the cursor. */
static size_t leads_before_line(al_source *src, size_t start)
{
    size_t cur_off = src->cur_off, cur_leads = src->cur_leads, n;
    if (src->ls_leads && src->ls_off == start)
        return src->ls_leads - 1;
    n = leads_before(src, start);
    src->cur_off = cur_off;
    src->cur_leads = cur_leads;
    src->ls_off = start;
    src->ls_leads = n + 1;
    return n;
}

static int ensure_lines(al_source *src)
{
    return src->lines ? 0 : build_lines(src);
}

size_t al_source_line_count(al_source *src)
{
    if (ensure_lines(src) != 0)
        return 0;
    /* A trailing newline does not start a real line. */
    if (src->nlines > 1 && src->lines[src->nlines - 1] == src->len)
        return src->nlines - 1;
    return src->nlines;
}

static size_t line_index(const al_source *src, size_t offset)
{
    size_t lo = 0, hi = src->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (src->lines[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

al_pos al_source_pos(al_source *src, size_t offset)
{
    al_pos p = { 1, 1 };
    size_t li, start, cols;

    if (offset > src->len)
        offset = src->len;
    if (ensure_lines(src) != 0)
        return p;
    li = line_index(src, offset);
    start = src->lines[li];
    if (li == 0 && src->bom && offset >= src->bom)
        start = src->bom;
    cols = leads_before(src, offset) - leads_before_line(src, start);
    p.line = li + 1 > (size_t)INT_MAX ? INT_MAX : (int)li + 1;
    p.column = cols + 1 > (size_t)INT_MAX ? INT_MAX : (int)cols + 1;
    return p;
}

size_t al_source_offset(al_source *src, int line, int column)
{
    size_t start, end, i, have, want;

    if (ensure_lines(src) != 0 || line < 1)
        return 0;
    if ((size_t)line > src->nlines)
        return src->len;
    start = src->lines[line - 1];
    if (line == 1)
        start += src->bom;
    end = (size_t)line < src->nlines ? src->lines[line] : src->len;
    if (column <= 1 || start >= end)
        return start;
    i = start;
    have = leads_before_line(src, start);
    want = have + (size_t)column - 1;
    {
        /* jump to the last checkpoint inside the line that is not past WANT */
        size_t lo = start / AL_SOURCE_STRIDE + 1, hi = end / AL_SOURCE_STRIDE + 1;
        if (hi > src->nleads)
            hi = src->nleads;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (src->leads[mid] <= want)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo - 1 > start / AL_SOURCE_STRIDE) {
            i = (lo - 1) * AL_SOURCE_STRIDE;
            have = src->leads[lo - 1];
            /* a checkpoint inside a character: its lead byte was already counted */
            while (i < end && ((unsigned char)src->data[i] & 0xC0) == 0x80)
                i++;
        }
        /* the last offset reached, when it lies further on this line (file order) */
        if (src->cur_off > i && src->cur_off <= end && src->cur_leads <= want &&
            (src->cur_off == src->len || ((unsigned char)src->data[src->cur_off] & 0xC0) != 0x80)) {
            i = src->cur_off;
            have = src->cur_leads;
        }
    }
    while (i < end && have < want) {
        /* advance one code point */
        i++;
        while (i < end && ((unsigned char)src->data[i] & 0xC0) == 0x80)
            i++;
        have++;
    }
    src->cur_off = i;
    src->cur_leads = have;
    return i;
}
