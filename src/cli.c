/* simdact: command-line front end. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "isa.h"
#include "simdact.h"

static const struct command {
  const char *name;
  cli_command_fn fn;
  const char *summary;
} commands[] = {
    {"list", cli_list, "every kernel: ISA, tier, verified ULP bound, runnable here"},
    {"compare", cli_compare, "judge a bench run against a baseline: speed (with noise) and accuracy"},
    {"report", cli_report, "reports from stored results; --history FILE plots a compare CSV history"},
    {"ulp", cli_ulp, "accuracy scan against the MPFR-backed reference (ULP table)"},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

int cli_wants_help(int argc, char **argv) {
  for (int i = 1; i < argc; i++)
    if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) return 1;
  return 0;
}

static void usage(FILE *f) {
  fprintf(f, "usage: simdact [--version] [--help] <command> [args]\n\ncommands:\n");
  for (size_t i = 0; i < NCOMMANDS; i++)
    fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
  fprintf(f, "\n'simdact <command> --help' describes one command.\n"
             "SIMDACT_ISA=scalar|sse41|avx2|avx512|neon forces the dispatched ISA.\n");
}

static void list_usage(FILE *f) {
  fprintf(f, "usage: simdact list [--act A] [--tier T] [--isa I]\n\n"
             "Print every kernel of this build with its activation, tier, ISA, the\n"
             "ULP bound verified over all binary32 inputs, and whether this CPU runs\n"
             "it.  The filters keep only kernels whose field equals the value.\n");
}

int cli_list(int argc, char **argv) {
  const char *act = NULL, *tier = NULL, *isa = NULL;
  if (cli_wants_help(argc, argv)) { list_usage(stdout); return 0; }
  for (int i = 1; i < argc; i++) {
    const char **slot = strcmp(argv[i], "--act") == 0    ? &act
                        : strcmp(argv[i], "--tier") == 0 ? &tier
                        : strcmp(argv[i], "--isa") == 0  ? &isa
                                                         : NULL;
    if (!slot || i + 1 >= argc) {
      fprintf(stderr, "simdact list: %s '%s'\n", slot ? "missing value after" : "unknown argument", argv[i]);
      list_usage(stderr);
      return 2;
    }
    *slot = argv[++i];
  }
  if (isa && simdact_isa_from_name(isa) < 0) {
    fprintf(stderr, "simdact list: unknown ISA '%s' (scalar, sse41, avx2, avx512, neon)\n", isa);
    return 2;
  }
  printf("%-28s %-14s %-6s %-7s %8s  %s\n", "kernel", "act", "tier", "isa", "max_ulp", "runs here");
  for (size_t i = 0; i < simdact_kernel_count(); i++) {
    const simdact_kernel *k = simdact_kernel_at(i);
    if ((act && strcmp(act, k->act)) || (tier && strcmp(tier, k->tier)) || (isa && strcmp(isa, k->isa)))
      continue;
    printf("%-28s %-14s %-6s %-7s %8.4g  %s\n", k->name, k->act, k->tier, k->isa, k->max_ulp,
           simdact_isa_supported(k->isa) ? "yes" : "no");
  }
  printf("\nactive ISA: %s\n", simdact_isa_active());
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 2) { usage(stderr); return 2; }
  if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
    printf("simdact %s\n", simdact_version());
    return 0;
  }
  if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
    usage(stdout);
    return 0;
  }
  for (size_t i = 0; i < NCOMMANDS; i++) {
    if (strcmp(argv[1], commands[i].name) != 0) continue;
    /* A SIMDACT_ISA that cannot be used is an error for every command (the
     * library has already said why on stderr); --help still works. */
    int env_err = simdact_isa_env_error();
    if (env_err && !cli_wants_help(argc - 1, argv + 1)) {
      fprintf(stderr, "simdact: cannot use SIMDACT_ISA=%s: %s\n", getenv("SIMDACT_ISA"),
              simdact_strerror(env_err));
      return 2;
    }
    return commands[i].fn(argc - 1, argv + 1);
  }
  fprintf(stderr, "simdact: unknown command '%s'\n", argv[1]);
  usage(stderr);
  return 2;
}
