/*
 * test_corpus_index.c - every real file reads without a crash, and its
 * position index agrees with jansson for every key and value.
 *
 * Usage: test_corpus_index CORPUS_DIR. Exits 77 (skipped) with a message
 * when the directory is absent because the shared material is
 * ($ADVISOR_SHARED_DIR), as in users' clones; fails when the directory is
 * missing from a present shared directory or no file could be compared.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "corpus_dir.h"
#include "index_check.h"
#include "lint/walk.h"
#include "reader/document.h"

typedef struct counts {
    int problems;
} counts;

static void on_problem(void *ud, al_read_problem kind, size_t offset, size_t end, size_t related,
                       const char *pointer, const char *message)
{
    counts *c = ud;
    (void)kind;
    (void)offset;
    (void)end;
    (void)related;
    (void)pointer;
    (void)message;
    c->problems++;
}

int main(int argc, char **argv)
{
    int status;
    al_pathlist list;
    size_t i, ok = 0, skipped = 0, with_problems = 0, failed = 0;

    if (argc < 2) {
        fprintf(stderr, "usage: test_corpus_index CORPUS_DIR\n");
        return 2;
    }
    if ((status = corpus_dir_status(argv[1])) != 0)
        return status;
    al_pathlist_init(&list);
    if (al_walk(argv[1], &list) != 0) {
        printf("out of memory\n");
        return 1;
    }
    for (i = 0; i < list.count; i++) {
        al_source src;
        al_doc doc;
        al_doc_options o;
        counts c = { 0 };
        char why[512];
        int kind;

        if (al_source_read(&src, list.items[i].path) != 0) {
            printf("FAIL %s: cannot read\n", list.items[i].path);
            failed++;
            continue;
        }
        kind = al_doc_kind_from_name(list.items[i].path);
        memset(&o, 0, sizeof(o));
        o.problem = on_problem;
        o.ud = &c;
        if (al_doc_load(&doc, &src, kind < 0 ? AL_DOC_MARKDOWN : (al_doc_kind)kind, &o) != 0) {
            printf("FAIL %s: out of memory\n", list.items[i].path);
            failed++;
        } else if (doc.skipped) {
            skipped++;
        } else if (!doc.body) {
            /* a fatal syntax error must have been reported */
            if (c.problems == 0) {
                printf("FAIL %s: no body and no problem reported\n", list.items[i].path);
                failed++;
            } else {
                with_problems++;
            }
        } else if (index_check(&doc, why, sizeof(why)) != 0) {
            /* jansson refuses what we reported (raw control characters): fine */
            if (c.problems > 0 && strncmp(why, "jansson refused", 15) == 0) {
                with_problems++;
            } else {
                printf("FAIL %s: %s\n", list.items[i].path, why);
                failed++;
            }
        } else {
            ok++;
        }
        al_doc_release(&doc);
    }
    printf(
        "%zu files: %zu index agrees with jansson, %zu with reported syntax problems, "
        "%zu skipped, %zu failed\n",
        list.count, ok, with_problems, skipped, failed);
    /* a walk that found nothing, or nothing the index could be compared on, proves nothing */
    if (ok == 0)
        printf("FAIL: no file of '%s' had its index compared with jansson\n", argv[1]);
    al_pathlist_release(&list);
    return failed || ok == 0 ? 1 : 0;
}
