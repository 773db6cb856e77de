/* The simdact command-line tool: each subcommand is a function in its own
 * file, listed in the command table of cli.c. */
#ifndef SIMDACT_CLI_H
#define SIMDACT_CLI_H

/* Each returns the process exit status; argv[0] is the subcommand name. */
typedef int (*cli_command_fn)(int argc, char **argv);

int cli_list(int argc, char **argv);
int cli_compare(int argc, char **argv);        /* src/compare.c */
int cli_report(int argc, char **argv);         /* the bench's; src/history.c has a weak stand-in */
int cli_report_history(int argc, char **argv); /* src/history.c: report --history FILE */
int cli_ulp(int argc, char **argv);   /* cli_ulp.c */

/* 1 if argv has --help or -h (then the caller prints its usage and exits 0). */
int cli_wants_help(int argc, char **argv);

#endif
