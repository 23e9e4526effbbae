/*
 * harness.c - scratch directory, file generators and the measured child run
 * for the hostile-input tests (see harness.h).
 *
 * A child is started with fork and exec, its two output streams go to files
 * in the scratch directory (no pipe to drain, so a child printing a million
 * findings cannot block on a full pipe), RLIMIT_CPU is set in the child, and
 * the parent waits with wait4 for the rusage of that one child. The watchdog
 * is a poll on waitpid(WNOHANG), so no signal handler is needed.
 */
#define _GNU_SOURCE /* nftw, setresuid */
#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <grp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

const char *hostile_case = "?";
const char *hostile_lint;
const char *hostile_codegen;
const char *hostile_source;
char hostile_dir[4096];
int hostile_failed;

void hostile_check(int ok, const char *expr, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    if (ok)
        return;
    hostile_failed = 1;
    fprintf(stderr, "%s:%d: hostile/%s: check \"%s\" failed: ", file, line, hostile_case, expr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

static void cleanup(void)
{
    if (hostile_dir[0]) {
        /* depth first, not following symbolic links (a case makes loops) */
        nftw(hostile_dir, remove_entry, 32, FTW_DEPTH | FTW_PHYS);
        hostile_dir[0] = '\0';
    }
}

void hostile_skip(const char *why)
{
    printf("hostile/%s: skipped: %s\n", hostile_case, why);
    cleanup();
    exit(77);
}

void hostile_die(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "hostile/%s: ", hostile_case);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    cleanup();
    exit(1);
}

const char *hostile_path(const char *name)
{
    static char ring[8][4096];
    static int next;
    char *b = ring[next];
    next = (next + 1) % 8;
    if (snprintf(b, sizeof(ring[0]), "%s/%s", hostile_dir, name) >= (int)sizeof(ring[0]))
        hostile_die("path too long '%s'", name);
    return b;
}

static void make_parents(const char *path)
{
    char buf[4096];
    size_t i, n = strlen(path);
    if (n >= sizeof(buf))
        hostile_die("path too long '%s'", path);
    memcpy(buf, path, n + 1);
    for (i = strlen(hostile_dir) + 1; i < n; i++) {
        if (buf[i] != '/')
            continue;
        buf[i] = '\0';
        if (mkdir(buf, 0755) != 0 && errno != EEXIST)
            hostile_die("cannot create '%s': %s", buf, strerror(errno));
        buf[i] = '/';
    }
}

void hostile_write(const char *name, const void *data, size_t len)
{
    const char *path = hostile_path(name);
    const char *p = data;
    int fd;
    make_parents(path);
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        hostile_die("cannot create '%s': %s", path, strerror(errno));
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            hostile_die("cannot write '%s': %s", path, strerror(errno));
        p += w;
        len -= (size_t)w;
    }
    if (close(fd) != 0)
        hostile_die("cannot write '%s': %s", path, strerror(errno));
}

char *hostile_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t n = 0, cap = 0, r;
    if (!f)
        return NULL;
    for (;;) {
        if (cap - n < 4096) {
            char *nb = realloc(buf, cap ? cap * 2 : 8192);
            if (!nb)
                hostile_die("out of memory");
            buf = nb;
            cap = cap ? cap * 2 : 8192;
        }
        r = fread(buf + n, 1, cap - n - 1, f);
        if (r == 0)
            break;
        n += r;
    }
    fclose(f);
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

void hostile_copy(const char *rel, const char *name)
{
    char src[4096];
    size_t len;
    char *data;
    snprintf(src, sizeof(src), "%s/%s", hostile_source, rel);
    data = hostile_read(src, &len);
    if (!data)
        hostile_die("cannot read '%s'", src);
    hostile_write(name, data, len);
    free(data);
}

static void child(char *const argv[], const hostile_limits *lim, const char *out, const char *err)
{
    struct rlimit rl;
    int fd;
    size_t i;

    fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || dup2(fd, 1) < 0)
        _exit(126);
    close(fd);
    fd = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || dup2(fd, 2) < 0)
        _exit(126);
    close(fd);
    fd = open("/dev/null", O_RDONLY);
    if (fd >= 0) {
        dup2(fd, 0);
        close(fd);
    }
    if (chdir(lim && lim->cwd ? lim->cwd : hostile_dir) != 0)
        _exit(126);
    /* SIGXCPU at the soft limit; the hard one (SIGKILL) only a little later */
    rl.rlim_cur = (rlim_t)((lim && lim->cpu_s ? lim->cpu_s : 30) * HOSTILE_CPU_SCALE);
    rl.rlim_max = rl.rlim_cur + 5;
    setrlimit(RLIMIT_CPU, &rl);
    for (i = 0; lim && lim->env && lim->env[i]; i++)
        putenv((char *)lim->env[i]);
    unsetenv("NO_COLOR");
    if (lim && lim->uid) {
        if (setgroups(0, NULL) != 0 || setresgid(lim->uid, lim->uid, lim->uid) != 0 ||
            setresuid(lim->uid, lim->uid, lim->uid) != 0)
            _exit(125);
    }
    execv(argv[0], argv);
    _exit(127);
}

void hostile_exec_some(const char *const args[], size_t n, const hostile_limits *limits,
                       hostile_run *run)
{
    char *argv[16];
    size_t i, k = 0;
    for (i = 0; i < n && k + 1 < sizeof(argv) / sizeof(argv[0]); i++)
        if (args[i])
            argv[k++] = (char *)args[i];
    argv[k] = NULL;
    hostile_exec(argv, limits, run);
}

void hostile_exec(char *const argv[], const hostile_limits *lim, hostile_run *run)
{
    char out[4096], err[4096];
    struct rusage ru;
    struct timespec start, now;
    int status = 0, watchdog = lim && lim->watchdog_s ? lim->watchdog_s : 120;
    pid_t pid, w;

    memset(run, 0, sizeof(*run));
    if (snprintf(out, sizeof(out), "%s/.stdout", hostile_dir) >= (int)sizeof(out) ||
        snprintf(err, sizeof(err), "%s/.stderr", hostile_dir) >= (int)sizeof(err))
        hostile_die("scratch directory name too long");
    fflush(NULL);
    pid = fork();
    if (pid < 0)
        hostile_die("fork: %s", strerror(errno));
    if (pid == 0)
        child(argv, lim, out, err);
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        memset(&ru, 0, sizeof(ru));
        w = wait4(pid, &status, WNOHANG, &ru);
        if (w == pid)
            break;
        if (w < 0 && errno != EINTR)
            hostile_die("wait4: %s", strerror(errno));
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec - start.tv_sec > watchdog * HOSTILE_CPU_SCALE && !run->timed_out) {
            run->timed_out = 1;
            kill(pid, SIGKILL);
        }
        usleep(w == 0 ? 10000 : 0);
    }
    if (WIFEXITED(status)) {
        run->exited = 1;
        run->status = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        run->signal = WTERMSIG(status);
    }
    run->maxrss_kb = ru.ru_maxrss;
    run->cpu_s = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
                 (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
    run->out = hostile_read(out, &run->out_len);
    run->err = hostile_read(err, NULL);
    if (!run->out || !run->err)
        hostile_die("cannot read the child's output");
    unlink(out);
    unlink(err);
    run->report = json_loadb(run->out, run->out_len, 0, NULL);
    if (run->exited && run->status == 127)
        hostile_die("cannot run '%s'", argv[0]);
    if (run->exited && run->status == 125)
        hostile_die("cannot drop privileges to uid %d", (int)(lim ? lim->uid : 0));
    HOSTILE_CHECK(!run->timed_out, "'%s' still blocked after %d s: killed", argv[0],
                  watchdog * HOSTILE_CPU_SCALE);
    HOSTILE_CHECK(run->signal != SIGXCPU, "'%s' used more than its %d s of CPU time", argv[0],
                  (lim && lim->cpu_s ? lim->cpu_s : 30) * HOSTILE_CPU_SCALE);
    HOSTILE_CHECK(run->signal == 0 || run->timed_out || run->signal == SIGXCPU,
                  "'%s' died of signal %d", argv[0], run->signal);
}

void hostile_run_release(hostile_run *run)
{
    free(run->out);
    free(run->err);
    json_decref(run->report);
    memset(run, 0, sizeof(*run));
}

long hostile_files(const hostile_run *run, const char *key)
{
    json_t *v = json_object_get(json_object_get(run->report, "files"), key);
    return json_is_integer(v) ? (long)json_integer_value(v) : -1;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && memcmp(s + a - b, suffix, b) == 0;
}

static int matches(json_t *f, const char *file_suffix, const char *rule, const char *text)
{
    const char *file = json_string_value(json_object_get(f, "file"));
    const char *r = json_string_value(json_object_get(f, "rule"));
    const char *m = json_string_value(json_object_get(f, "message"));
    if (file_suffix && (!file || !ends_with(file, file_suffix)))
        return 0;
    if (rule && (!r || strcmp(r, rule) != 0))
        return 0;
    if (text && (!m || !strstr(m, text)))
        return 0;
    return 1;
}

json_t *hostile_finding(const hostile_run *run, const char *file_suffix, const char *rule,
                        const char *text)
{
    json_t *list = json_object_get(run->report, "findings"), *f;
    size_t i;
    json_array_foreach(list, i, f)
        if (matches(f, file_suffix, rule, text))
            return f;
    return NULL;
}

size_t hostile_count(const hostile_run *run, const char *file_suffix, const char *rule,
                     const char *text)
{
    json_t *list = json_object_get(run->report, "findings"), *f;
    size_t i, n = 0;
    json_array_foreach(list, i, f)
        n += (size_t)matches(f, file_suffix, rule, text);
    return n;
}

void hostile_dump(const hostile_run *run)
{
    fprintf(stderr, "hostile/%s: exit %d, signal %d, peak RSS %ld KB, CPU %.2f s\n", hostile_case,
            run->exited ? run->status : -1, run->signal, run->maxrss_kb, run->cpu_s);
    fprintf(
        stderr,
        "--- stdout (first 2000 bytes) ---\n%.2000s\n--- stderr (first 2000 bytes) ---\n%.2000s\n",
        run->out ? run->out : "", run->err ? run->err : "");
}

int main(int argc, char **argv)
{
    const char *tmp = getenv("TMPDIR");
    size_t i;

    if (argc != 5) {
        fprintf(stderr, "usage: hostile CASE ADVISOR-LINT ADVISOR-CODEGEN SOURCE-DIR\n");
        return 2;
    }
    hostile_case = argv[1];
    hostile_lint = argv[2];
    hostile_codegen = argv[3];
    hostile_source = argv[4];
    for (i = 0; hostile_cases[i].name; i++)
        if (!strcmp(hostile_cases[i].name, argv[1]))
            break;
    if (!hostile_cases[i].name) {
        fprintf(stderr, "hostile: unknown case '%s'\n", argv[1]);
        return 2;
    }
    snprintf(hostile_dir, sizeof(hostile_dir), "%s/hostile-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(hostile_dir))
        hostile_die("mkdtemp: %s", strerror(errno));
    chmod(hostile_dir, 0755); /* a case may run its child as another user */
    hostile_cases[i].fn();
    cleanup();
    if (hostile_failed)
        return 1;
    printf("hostile/%s: ok\n", hostile_case);
    return 0;
}
