/*
 * embed.c - lint a buffer with libadvisor-lint, the way an editor or a
 * service embedding the linter would.
 *
 * It reads a recommendation metadata text from standard input into memory,
 * lints those bytes (nothing needs to be on disk), prints each finding as
 * `NAME:line:column: severity: message [rule]` and exits like advisor-lint
 * does: 0 when there is no error (warnings are fine), 1 when there is at
 * least one, 2 when the input could not be read or linted.
 *
 *     cc embed.c $(pkg-config --cflags --libs advisor-lint) -o embed
 *     ./embed my-recommendation.md < my-recommendation.md
 *
 * The optional argument is the name the buffer is linted as (default
 * "stdin.md"): its extension decides how the bytes are read (.md Markdown
 * with a <properties .../> header, .json or .yaml a bare body), and
 * findings are reported under it.
 */
#include <stdio.h>
#include <stdlib.h>

#include <advisor/lint.h>

/*
 * Reads all of IN into a new buffer (the caller frees it) and stores its
 * length in *LEN. Returns NULL when reading fails or memory runs out.
 */
static char *read_all(FILE *in, size_t *len)
{
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);

    while (buf) {
        n += fread(buf + n, 1, cap - n, in);
        if (n < cap)
            break;
        /* Full: grow by doubling, so a large input costs few copies. */
        char *bigger = realloc(buf, cap * 2);
        if (!bigger) {
            free(buf);
            return NULL;
        }
        buf = bigger;
        cap *= 2;
    }
    if (buf && ferror(in)) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

/* Prints ERROR as one line on stderr, placed when it has a place. */
static void print_error(const char *what, const al_error *error)
{
    char line[AL_ERROR_SOURCE_LENGTH + AL_ERROR_TEXT_LENGTH + 64];

    fprintf(stderr, "embed: %s: %s\n", what, al_error_string(error, line, sizeof line));
}

int main(int argc, char **argv)
{
    const char *name = argc > 1 ? argv[1] : "stdin.md";
    al_linter_options opts = { 0 }; /* zero: every default */
    al_linter *linter;
    al_findings findings;
    al_error error; /* ours, on the stack; calls fill it on failure */
    size_t len = 0;
    char *text;
    int status;

    if (argc > 2) {
        fprintf(stderr, "usage: embed [NAME] < FILE\n");
        return 2;
    }
    text = read_all(stdin, &len);
    if (!text) {
        fprintf(stderr, "embed: cannot read standard input\n");
        return 2;
    }

    /*
     * A linter holds what stays the same between runs: the schema (here the
     * embedded AdvisorRecommendation schema) and the configuration. With
     * no_config it reads no .advisor-lint.yaml, so the result does not depend
     * on the directory the program runs in. One thread is plenty for one
     * buffer.
     */
    opts.no_config = 1;
    opts.jobs = 1;
    linter = al_linter_new(&opts, &error);
    if (!linter) {
        print_error("cannot create the linter", &error);
        free(text);
        return 2;
    }

    /* Findings are appended to a list we own; it owns their strings. */
    al_findings_init(&findings);
    if (al_lint_buffer(linter, name, text, len, &findings, NULL, &error) != 0) {
        print_error("cannot lint", &error);
        status = 2;
    } else {
        for (size_t i = 0; i < findings.count; i++) {
            const al_finding *f = &findings.items[i];
            printf("%s:%d:%d: %s: %s [%s]\n", f->file, f->line, f->column,
                   al_severity_name(f->severity), f->message, f->rule);
        }
        /* The list counts its findings by severity as they are added. */
        status = findings.by_severity[AL_SEV_ERROR] > 0 ? 1 : 0;
    }

    al_findings_release(&findings);
    al_linter_free(linter);
    free(text);
    return status;
}
