/*
 * spawn.c - posix_spawnp with stdout and stderr captured (spawn.h).
 *
 * Both pipes are created close-on-exec, so only the child's duplicated
 * ends (1 and 2) survive the exec; the parent polls the read ends until
 * both are closed, then reaps the child. Interrupted system calls are
 * retried, so a signal handler elsewhere in the program does no harm.
 */
#define _GNU_SOURCE
#include "spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static int append(al_spawn_result *r, size_t *cap, const char *data, size_t n)
{
    if (r->outlen + n + 1 > *cap) {
        size_t ncap = *cap ? *cap : 4096;
        char *p;
        while (ncap < r->outlen + n + 1)
            ncap *= 2;
        p = realloc(r->out, ncap);
        if (!p)
            return -1;
        r->out = p;
        *cap = ncap;
    }
    memcpy(r->out + r->outlen, data, n);
    r->outlen += n;
    r->out[r->outlen] = '\0';
    return 0;
}

/* Reads both pipes until both are closed. Returns 0, or -1 when memory ran out. */
static int drain(int outfd, int errfd, al_spawn_result *r)
{
    struct pollfd fds[2];
    size_t cap = 0, errlen = 0;
    char buf[65536];
    int open_fds = 2, rc = 0;

    fds[0].fd = outfd;
    fds[1].fd = errfd;
    fds[0].events = fds[1].events = POLLIN;
    while (open_fds > 0) {
        int i;
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        for (i = 0; i < 2; i++) {
            ssize_t n;
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            n = read(fds[i].fd, buf, sizeof(buf));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                fds[i].fd = -1; /* poll ignores negative descriptors */
                open_fds--;
                continue;
            }
            if (i == 0 && rc == 0 && append(r, &cap, buf, (size_t)n) != 0)
                rc = -1; /* keep reading, so the child is not blocked */
            if (i == 1 && errlen + 1 < sizeof(r->err)) {
                size_t k = (size_t)n < sizeof(r->err) - 1 - errlen ? (size_t)n
                                                                   : sizeof(r->err) - 1 - errlen;
                memcpy(r->err + errlen, buf, k);
                errlen += k;
                r->err[errlen] = '\0';
            }
        }
    }
    return rc;
}

static int reap(pid_t pid, int *status)
{
    int st;
    while (waitpid(pid, &st, 0) < 0) {
        if (errno != EINTR)
            return -1;
    }
    *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return 0;
}

int al_spawn_capture(char *const argv[], al_spawn_result *r)
{
    int out[2] = { -1, -1 }, err[2] = { -1, -1 }, rc, saved;
    posix_spawn_file_actions_t fa;
    pid_t pid;

    memset(r, 0, sizeof(*r));
    if (pipe2(out, O_CLOEXEC) != 0)
        return -1;
    if (pipe2(err, O_CLOEXEC) != 0) {
        saved = errno;
        close(out[0]);
        close(out[1]);
        errno = saved;
        return -1;
    }
    rc = posix_spawn_file_actions_init(&fa);
    if (rc == 0) {
        if ((rc = posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0)) == 0 &&
            (rc = posix_spawn_file_actions_adddup2(&fa, out[1], 1)) == 0 &&
            (rc = posix_spawn_file_actions_adddup2(&fa, err[1], 2)) == 0)
            rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
        posix_spawn_file_actions_destroy(&fa);
    }
    close(out[1]);
    close(err[1]);
    if (rc != 0) {
        close(out[0]);
        close(err[0]);
        errno = rc;
        return -1;
    }
    rc = drain(out[0], err[0], r);
    close(out[0]); /* before reaping: a child still writing gets EPIPE */
    close(err[0]);
    if (reap(pid, &r->status) != 0) {
        saved = errno;
        al_spawn_release(r);
        errno = saved;
        return -1;
    }
    if (rc != 0) {
        al_spawn_release(r);
        errno = ENOMEM;
        return -1;
    }
    if (!r->out && append(r, &(size_t){ 0 }, "", 0) != 0) {
        errno = ENOMEM;
        return -1;
    }
    return 0;
}

void al_spawn_release(al_spawn_result *r)
{
    free(r->out);
    r->out = NULL;
    r->outlen = 0;
}
