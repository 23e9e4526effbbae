/*
 * precommit_run.c - run one hook of .pre-commit-hooks.yaml the way pre-commit does.
 *
 *     precommit_run HOOKS_YAML HOOK_ID REPO BIN [EXTRA_ARG...]
 *
 * Reads the hooks file with the project's YAML reader, lists the files
 * staged in the git repository REPO as pre-commit lists them (`git diff
 * --cached --name-only --diff-filter=ACMRTUXB -z`), keeps those the hook's
 * `files` regex finds a match in (pcre2, as Python's re.search), and runs
 * the hook's `entry` (its first word replaced by BIN, the others split at
 * spaces) with its `args`, the EXTRA_ARGs and, unless `pass_filenames` is
 * false, the files, in REPO. Prints the command line, exits with its status.
 * No Python or pre-commit needed, so CI runs it wherever git is installed.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "reader/document.h"

static json_t *find_hook(const char *path, const char *id, al_doc *doc)
{
    al_source src;
    size_t i;
    if (al_source_read(&src, path) != 0) {
        perror(path);
        return NULL;
    }
    if (al_doc_load(doc, &src, AL_DOC_YAML, NULL) != 0 || !json_is_array(doc->body)) {
        fprintf(stderr, "precommit_run: '%s' is not a list of hooks\n", path);
        return NULL;
    }
    for (i = 0; i < json_array_size(doc->body); i++) {
        json_t *h = json_array_get(doc->body, i);
        const char *hid = json_string_value(json_object_get(h, "id"));
        if (hid && !strcmp(hid, id))
            return h;
    }
    fprintf(stderr, "precommit_run: no hook '%s' in '%s'\n", id, path);
    return NULL;
}

/* The NUL-separated output of git in REPO, into *OUT (caller frees); returns its length or -1. */
static long staged(const char *repo, char **out)
{
    char cmd[4096];
    size_t cap = 4096, len = 0, n;
    FILE *p;
    snprintf(cmd, sizeof(cmd),
             "cd '%s' && git diff --cached --name-only --diff-filter=ACMRTUXB -z", repo);
    p = popen(cmd, "r");
    *out = malloc(cap + 1);
    if (!p || !*out)
        return -1;
    while ((n = fread(*out + len, 1, cap - len, p)) > 0) {
        len += n;
        if (len == cap) {
            char *bigger = realloc(*out, cap * 2 + 1);
            if (!bigger)
                return -1;
            *out = bigger;
            cap *= 2;
        }
    }
    (*out)[len] = '\0';
    return pclose(p) == 0 ? (long)len : -1;
}

static int push(char ***argv, size_t *n, const char *s)
{
    char **a = realloc(*argv, (*n + 2) * sizeof(**argv));
    if (!a)
        return -1;
    *argv = a;
    a[(*n)++] = (char *)s;
    a[*n] = NULL;
    return 0;
}

int main(int argc, char **argv)
{
    al_doc doc;
    json_t *hook, *args, *pass;
    const char *entry, *files_re;
    char *list = NULL, *entry_copy, *tok, **cmd = NULL;
    size_t ncmd = 0, i;
    long len;
    pcre2_code *re = NULL;
    pcre2_match_data *md;
    int errcode, status;
    PCRE2_SIZE erroff;
    pid_t pid;

    if (argc < 5) {
        fprintf(stderr, "usage: precommit_run HOOKS_YAML HOOK_ID REPO BIN [ARG...]\n");
        return 2;
    }
    memset(&doc, 0, sizeof(doc));
    if (!(hook = find_hook(argv[1], argv[2], &doc))) {
        al_doc_release(&doc);
        return 2;
    }
    entry = json_string_value(json_object_get(hook, "entry"));
    files_re = json_string_value(json_object_get(hook, "files"));
    args = json_object_get(hook, "args");
    pass = json_object_get(hook, "pass_filenames");
    if (!entry || (len = staged(argv[3], &list)) < 0) {
        fprintf(stderr, "precommit_run: no entry, or git failed in '%s'\n", argv[3]);
        return 2;
    }
    entry_copy = strdup(entry);
    push(&cmd, &ncmd, argv[4]);
    /* words split at spaces; the entry's own program (the first) is replaced by BIN */
    for (tok = entry_copy, i = 0; tok && *tok; i++) {
        char *sp;
        while (*tok == ' ')
            tok++;
        if (!*tok)
            break;
        sp = strchr(tok, ' ');
        if (sp)
            *sp = '\0';
        if (i > 0)
            push(&cmd, &ncmd, tok);
        tok = sp ? sp + 1 : NULL;
    }
    for (i = 0; i < json_array_size(args); i++)
        push(&cmd, &ncmd, json_string_value(json_array_get(args, i)));
    for (i = 5; i < (size_t)argc; i++)
        push(&cmd, &ncmd, argv[i]);
    if (files_re)
        re = pcre2_compile((PCRE2_SPTR)files_re, PCRE2_ZERO_TERMINATED, 0, &errcode, &erroff, NULL);
    md = re ? pcre2_match_data_create_from_pattern(re, NULL) : NULL;
    if (!json_is_false(pass)) {
        for (char *f = list; f < list + len; f += strlen(f) + 1)
            if (!re || pcre2_match(re, (PCRE2_SPTR)f, strlen(f), 0, 0, md, NULL) >= 0)
                push(&cmd, &ncmd, f);
    }
    fputs("$", stdout);
    for (i = 0; i < ncmd; i++)
        printf(" %s", cmd[i]);
    putchar('\n');
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        if (chdir(argv[3]) != 0)
            _exit(127);
        execv(cmd[0], cmd);
        _exit(127);
    }
    if (pid < 0 || waitpid(pid, &status, 0) < 0)
        status = 2 << 8;
    pcre2_match_data_free(md);
    pcre2_code_free(re);
    free(cmd);
    free(entry_copy);
    free(list);
    al_doc_release(&doc);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 2;
}
