/*
 * cmd_new.h - the `new` subcommand of advisor-codegen (cmd_new.c).
 */
#ifndef CG_CMD_NEW_H
#define CG_CMD_NEW_H

/* Runs `advisor-codegen new` with ARGV[1..] as its options. Returns the exit status. */
int cg_cmd_new(int argc, char **argv, const char *version);

#endif
