/*
 * harness.h - what the hostile-input tests share: a scratch directory, file
 * generators, and running a program as a child with its outcome measured.
 *
 * Each test builds its inputs at run time in a fresh directory under $TMPDIR
 * (removed afterwards, whatever happened), runs advisor-lint or
 * advisor-codegen on them as a child, and checks the outcome: the exit status,
 * the findings of its JSON report, and the bounds the harness measures itself
 * rather than by the clock. A child runs with RLIMIT_CPU (it is killed by the
 * kernel with SIGXCPU when over, which fails the test and names the bound),
 * its peak resident memory is read back from wait4's rusage, and a watchdog
 * kills it only if it blocks without using CPU (a FIFO, a lock), so a hang is
 * a failure with a message instead of a stuck ctest.
 */
#ifndef HOSTILE_HARNESS_H
#define HOSTILE_HARNESS_H

#include <stddef.h>
#include <sys/types.h>

#include <jansson.h>

/* Bounds are larger under the sanitizers, whose shadow memory and quarantine cost RSS. */
#ifdef HOSTILE_SANITIZED
#define HOSTILE_MEM_SCALE 4
#define HOSTILE_CPU_SCALE 4
#else
#define HOSTILE_MEM_SCALE 1
#define HOSTILE_CPU_SCALE 1
#endif

typedef struct hostile_run {
    int exited;     /* 1 when the child exited (status valid) */
    int status;     /* exit status */
    int signal;     /* the signal that ended it, or 0 */
    int timed_out;  /* the watchdog killed it */
    long maxrss_kb; /* peak resident set of the child */
    double cpu_s;   /* user + system CPU time of the child */
    char *out;      /* standard output (owned, NUL-terminated) */
    size_t out_len;
    char *err;      /* standard error (owned, NUL-terminated) */
    json_t *report; /* standard output parsed as JSON, or NULL */
} hostile_run;

typedef struct hostile_limits {
    int cpu_s;              /* RLIMIT_CPU of the child, seconds (0: 30) */
    int watchdog_s;         /* wall-clock backstop for a blocked child (0: 120) */
    const char *const *env; /* extra NAME=value strings, NULL-terminated, or NULL */
    uid_t uid;              /* run as this uid/gid when not 0 (root only) */
    const char *cwd;        /* working directory, or NULL for the scratch directory */
} hostile_limits;

/* The case's name (for messages) and the programs and source tree under test. */
extern const char *hostile_case;
extern const char *hostile_lint;
extern const char *hostile_codegen;
extern const char *hostile_source;
/* The scratch directory of this case. */
extern char hostile_dir[4096];
/* Set by HOSTILE_CHECK when a check fails. */
extern int hostile_failed;

#define HOSTILE_CHECK(cond, ...) hostile_check((cond), #cond, __FILE__, __LINE__, __VA_ARGS__)
void hostile_check(int ok, const char *expr, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Stops the case as skipped (exit 77) after printing why. */
void hostile_skip(const char *why) __attribute__((noreturn));
/* Stops the case as failed, for set-up trouble (exit 1). */
void hostile_die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

/* "DIR/NAME" for NAME in the scratch directory, in a static ring of buffers. */
const char *hostile_path(const char *name);

/* Writes LEN bytes to the scratch file NAME (creating directories). Dies on failure. */
void hostile_write(const char *name, const void *data, size_t len);
/* Copies SOURCE_DIR/REL to the scratch file NAME. */
void hostile_copy(const char *rel, const char *name);
/* Reads a whole file (NUL-terminated, owned) or NULL; *LEN gets its length. */
char *hostile_read(const char *path, size_t *len);

/*
 * Runs ARGV (ARGV[0] the program's path) with LIMITS (NULL for defaults),
 * capturing both streams; the report is parsed when stdout is JSON. Returns 0
 * or dies when the child could not be started.
 */
void hostile_exec(char *const argv[], const hostile_limits *limits, hostile_run *run);

/*
 * hostile_exec of the N strings of ARGS that are not NULL (at most 15): the
 * cases pass optional arguments as NULL.
 */
void hostile_exec_some(const char *const args[], size_t n, const hostile_limits *limits,
                       hostile_run *run);
void hostile_run_release(hostile_run *run);

/* The number in the report at "files"/KEY ("checked", "skipped", "unreadable"), or -1. */
long hostile_files(const hostile_run *run, const char *key);

/*
 * The first finding whose file ends with FILE_SUFFIX, whose rule is RULE and
 * whose message contains TEXT (each may be NULL for any). Borrowed, or NULL.
 */
json_t *hostile_finding(const hostile_run *run, const char *file_suffix, const char *rule,
                        const char *text);
/* How many findings match, as hostile_finding. */
size_t hostile_count(const hostile_run *run, const char *file_suffix, const char *rule,
                     const char *text);

/* The cases, by ctest name (the table is in cases_lint.c). */
typedef void (*hostile_fn)(void);
typedef struct hostile_entry {
    const char *name;
    hostile_fn fn;
} hostile_entry;
extern const hostile_entry hostile_cases[];

/* Prints the run's status, bounds and the start of its output (on failure). */
void hostile_dump(const hostile_run *run);

#endif
