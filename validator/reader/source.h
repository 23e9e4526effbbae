/*
 * source.h - a file's bytes and the map from byte offsets to line and column.
 *
 * Every position advisor-lint reports is a byte offset into the original file
 * until the moment it is printed; only then is it turned into a 1-based line
 * and a 1-based column counted in characters (UTF-8 code points), which is
 * what editors show. The line table is built once, lazily, on the first
 * conversion, so files without findings never pay for it. With it comes a
 * table of code-point counts every AL_SOURCE_STRIDE bytes, so a conversion
 * walks at most that many bytes even on a megabyte-long line (a file with a
 * finding per value on one long line stays linear, not quadratic).
 *
 * Ownership: an al_source owns its bytes (always NUL-terminated one past len).
 */
#ifndef AL_SOURCE_H
#define AL_SOURCE_H

#include <stddef.h>

/*
 * A file's identity and version as stat() gives it: a cache of what a
 * file holds is valid while every member is the same (context_cache.h).
 */
typedef struct al_file_id {
    unsigned long long dev, ino, size;
    long long mtime_sec, mtime_nsec, ctime_sec, ctime_nsec;
} al_file_id;

typedef struct al_source {
    char *path; /* as given by the caller (owned copy) */
    char *data; /* file bytes, data[len] == '\0' (owned) */
    size_t len;
    size_t bom;    /* 3 when the file starts with a UTF-8 BOM, else 0 */
    size_t *lines; /* start offset of each line, built lazily (owned) */
    size_t nlines;
    size_t *leads; /* leads[k]: code points in data[0, k * AL_SOURCE_STRIDE) (owned) */
    size_t nleads;
    size_t cur_off;   /* the last offset a lookup walked to, and the code */
    size_t cur_leads; /* points before it: readers look up in file order */
    size_t ls_off;    /* the last line start looked up, and the code points */
    size_t ls_leads;  /* before it (+1, 0 = none yet) */
    al_file_id id;    /* the file's identity when it was read (fstat); zero for memory */
} al_source;

#define AL_SOURCE_STRIDE 4096

typedef struct al_pos {
    int line;   /* 1-based */
    int column; /* 1-based, in characters */
} al_pos;

/*
 * Reads the file at PATH with one read into SRC. Only regular files are read:
 * a FIFO, device or socket fails with ENODEV (a FIFO might never end, and
 * /dev/zero would be read until memory ran out), a directory with EISDIR.
 * Returns 0, or -1 with errno set and SRC left empty (al_source_release is
 * still safe).
 */
int al_source_read(al_source *src, const char *path);

/* Fills ID for the file at PATH (stat, following links). Returns 0, or -1 with errno set. */
int al_file_id_of(const char *path, al_file_id *id);

/* Whether A and B are the same file in the same version. */
int al_file_id_equal(const al_file_id *a, const al_file_id *b);

/* Makes SRC own a copy of LEN bytes of DATA, named PATH. Returns 0 or -1 (ENOMEM). */
int al_source_from_memory(al_source *src, const char *path, const char *data, size_t len);

/* Frees what SRC owns and leaves it empty. */
void al_source_release(al_source *src);

/*
 * Line and column of byte OFFSET (clamped to len). Columns count UTF-8 code
 * points from the line start; a BOM on line 1 does not count. Costs a binary
 * search and at most AL_SOURCE_STRIDE bytes, whatever the line's length.
 */
al_pos al_source_pos(al_source *src, size_t offset);

/*
 * Byte offset of 1-based LINE and 1-based character COLUMN (as libyaml marks
 * count them), clamped to the file. Inverse of al_source_pos. Costs two
 * binary searches and at most 2 * AL_SOURCE_STRIDE bytes.
 */
size_t al_source_offset(al_source *src, int line, int column);

/* Number of lines in SRC (a final line without a newline counts). */
size_t al_source_line_count(al_source *src);

#endif
