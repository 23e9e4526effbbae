/*
 * fuzz_yaml.c - libFuzzer target: YAML bodies (libyaml events to jansson).
 *
 * The input is read as a bare .yaml file (al_doc_load with AL_DOC_YAML),
 * then its position index is built. Asserted beyond "no crash, no leak, no
 * hang": every problem lies inside the file, every index entry lies inside
 * it and is found again by its pointer, and positions round-trip through
 * al_source_pos and al_source_offset. The same bytes then go to the
 * .advisor-lint.yaml reader (al_config_load, through a memfd named as
 * /proc/self/fd/N), and each glob it accepted is matched against a few paths.
 */
#define _GNU_SOURCE /* memfd_create */
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#include <jansson.h>

#include "config/config.h"
#include "fuzz_common.h"
#include "reader/document.h"
#include "util/glob.h"

static void match_globs(char *const *globs, size_t n)
{
    static const char *const paths[] = {
        "a.md", "articles/x/y.md", "drafts/a/b/c/d.yaml", "legacy", "x.tmp.md",
    };
    size_t i, j;
    for (i = 0; i < n; i++) {
        FUZZ_CHECK(globs[i] != NULL);
        for (j = 0; j < sizeof(paths) / sizeof(paths[0]); j++)
            (void)al_glob_match(globs[i], paths[j]);
    }
}

static void fuzz_config(const uint8_t *data, size_t size)
{
    char path[64];
    al_error err;
    al_config cfg;
    size_t i;
    int fd = memfd_create("advisor-lint.yaml", MFD_CLOEXEC);
    if (fd < 0)
        return;
    if (size && write(fd, data, size) != (ssize_t)size) {
        close(fd);
        return;
    }
    snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
    if (al_config_load(&cfg, path, &err) == 0) {
        match_globs(cfg.ignore, cfg.nignore);
        for (i = 0; i < cfg.noverrides; i++)
            match_globs(cfg.overrides[i].files, cfg.overrides[i].nfiles);
        for (i = 0; i < cfg.nsuppress; i++)
            match_globs(cfg.suppress[i].files, cfg.suppress[i].nfiles);
    } else {
        FUZZ_CHECK(err.text[0] != '\0');
    }
    al_config_release(&cfg);
    close(fd);
}

static void on_problem(void *ud, al_read_problem kind, size_t offset, size_t end, size_t related,
                       const char *pointer, const char *message)
{
    al_source *src = ud;
    al_pos p;
    (void)pointer;
    FUZZ_CHECK((unsigned)kind < AL_READ_PROBLEM_COUNT && message);
    FUZZ_CHECK(offset <= src->len);
    FUZZ_CHECK(end == offset || (end > offset && end <= src->len + 1));
    FUZZ_CHECK(related == AL_NO_OFFSET || related <= src->len);
    p = al_source_pos(src, offset);
    FUZZ_CHECK(p.line >= 1 && p.column >= 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    al_source src;
    al_doc doc;
    al_doc_options opts;
    const al_posindex *ix;
    size_t i;

    if (al_source_from_memory(&src, "fuzz.yaml", (const char *)data, size) != 0)
        return 0;
    memset(&opts, 0, sizeof(opts));
    opts.problem = on_problem;
    opts.ud = &doc.src;
    opts.keep_all = 1;
    if (al_doc_load(&doc, &src, AL_DOC_YAML, &opts) != 0) {
        al_doc_release(&doc);
        return 0;
    }
    ix = al_doc_index(&doc);
    for (i = 0; ix && i < ix->count; i++) {
        const al_posentry *e = &ix->entries[i];
        al_pos p;
        FUZZ_CHECK(e->val_off <= e->val_end && e->val_end <= doc.src.len);
        FUZZ_CHECK(al_posindex_find(ix, e->pointer) != NULL);
        p = al_source_pos(&doc.src, e->val_off);
        FUZZ_CHECK(p.line >= 1 && p.column >= 1);
    }
    al_doc_release(&doc);
    fuzz_config(data, size);
    return 0;
}
