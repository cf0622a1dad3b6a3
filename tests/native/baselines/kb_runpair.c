/*
 * Times two commands as whole processes, in interleaved pairs, for the start-up benchmark.
 *
 *   kstat-runpair RUNS WARMUP -- COMMAND_A [ARG ...] -- COMMAND_B [ARG ...]
 *
 * Each command runs WARMUP times uncounted, then RUNS times each, in pairs whose order alternates (A B, B A, ...)
 * so that a drift of the machine's speed weighs on both alike. A run is one posix_spawn with stdin and stdout on
 * /dev/null and stderr inherited (no shell in between); its CPU time is what wait4 reports for that child alone
 * (user + system, the kernel's own accounting), its wall time spawn to reap. Prints one line per counted run,
 * "a|b<TAB>cpu ns<TAB>wall ns", in the order run. Exits 3 when a command cannot be started or does not exit 0.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static void run(char **argv, const char *label, int counted)
{
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    double start = now_ns();
    pid_t pid;
    int rc = posix_spawn(&pid, argv[0], &actions, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        fprintf(stderr, "kstat-runpair: cannot start %s: %s\n", argv[0], strerror(rc));
        exit(3);
    }
    int status;
    struct rusage usage;
    if (wait4(pid, &status, 0, &usage) != pid) {
        perror("kstat-runpair: wait4");
        exit(3);
    }
    double wall = now_ns() - start;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "kstat-runpair: %s ended with status 0x%x\n", argv[0], status);
        exit(3);
    }
    double cpu = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e9 +
                 (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e3;
    if (counted)
        printf("%s\t%.0f\t%.0f\n", label, cpu, wall);
}

int main(int argc, char **argv)
{
    int second = 0;
    for (int i = 4; i < argc; i++)
        if (strcmp(argv[i], "--") == 0) {
            second = i;
            break;
        }
    int runs = argc > 2 ? atoi(argv[1]) : 0, warmup = argc > 2 ? atoi(argv[2]) : -1;
    if (argc < 7 || strcmp(argv[3], "--") != 0 || second == 0 || second == 4 || second == argc - 1 || runs < 1 ||
        warmup < 0) {
        fprintf(stderr, "usage: %s RUNS WARMUP -- COMMAND_A [ARG ...] -- COMMAND_B [ARG ...]\n", argv[0]);
        return 2;
    }
    argv[second] = NULL;
    char **a = argv + 4, **b = argv + second + 1;
    for (int i = 0; i < warmup; i++) {
        run(a, "a", 0);
        run(b, "b", 0);
    }
    for (int i = 0; i < runs; i++) {
        if (i % 2 == 0) {
            run(a, "a", 1);
            run(b, "b", 1);
        } else {
            run(b, "b", 1);
            run(a, "a", 1);
        }
    }
    return fflush(stdout) == 0 ? 0 : 3;
}
