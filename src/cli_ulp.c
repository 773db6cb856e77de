/* simdact ulp: scan kernels against the reference and print the accuracy
 * table (Markdown on stdout, optional JSON).  Exit 0 when every scanned
 * kernel's claimed bound holds, 1 when one does not, 2 on usage errors. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "isa.h"
#include "reference/ref.h"
#include "reference/rowgen.h"
#include "reference/rows.h"
#include "reference/scan.h"
#include "simdact.h"

static void ulp_usage(FILE *f) {
  fprintf(f,
          "usage: simdact ulp [--exhaustive | --samples N | --range LO HI] [--act A] [--tier T]\n"
          "                   [--isa I] [--json FILE] [--threads N] [--seed S] [--quiet] [--mpfr]\n"
          "                   [--max-len N] [--classes] [--alpha A] [--beta B]\n\n"
          "Scan the kernels this CPU runs against the correctly rounded reference\n"
          "(double-double with MPFR escalation) and print, per kernel, max ULP and its\n"
          "input, mean ULP, counts above 0.5/1/2 ULP, max absolute and relative error,\n"
          "non-finite, zero-sign and neighbour-lane mismatches, and whether the claimed\n"
          "bound holds.  Default: --samples 1000000.  --exhaustive: all 2^32 inputs.\n"
          "--range: every float in [LO, HI].  softmax/log_softmax: row scans over the\n"
          "adversarial rows and --samples random samples (default 2000) cycling through\n"
          "the row classes of reference/rowgen.h (normal, uniform [-100, 100] and\n"
          "logits-like rows of 1, 2, 3, 7, 16, 1000, 4096, 65536, 2^20, 2^24 floats up\n"
          "to --max-len, default 2^20); --classes adds the table per row class.\n"
          "The same arguments give the same numbers.\n"
          "--mpfr: every reference value from MPFR (slow; to measure what escalation costs).\n"
          "--alpha, --beta (with --act): scan at these parameters instead of the\n"
          "defaults (elu alpha, softplus and swish beta, leaky_relu alpha, linear\n"
          "a and b); the registered bounds are stated for the defaults.\n"
          "Exit status 1 when a bound does not hold.\n");
}

static int parse_u64(const char *s, uint64_t *v) {
  char *e;
  errno = 0;
  double d = strtod(s, &e);
  if (errno || *e || d < 0 || d > 1.8e19) return -1;
  *v = (uint64_t)d;
  return 0;
}

static void hexf(char *buf, size_t n, uint32_t bits) {
  float f;
  memcpy(&f, &bits, 4);
  snprintf(buf, n, "0x%08x (%a)", bits, (double)f);
}

static void json_str(FILE *f, const char *s) { fprintf(f, "\"%s\"", s ? s : ""); }
static void json_num(FILE *f, double d) {
  if (isfinite(d)) fprintf(f, "%.17g", d);
  else fprintf(f, "null");
}

int cli_ulp(int argc, char **argv) {
  const char *act = NULL, *tier = NULL, *isa = NULL, *json = NULL, *alpha = NULL, *beta = NULL;
  int samples_given = 0, classes = 0;
  uint64_t max_len = 0;
  scan_config cfg;
  memset(&cfg, 0, sizeof cfg);
  cfg.mode = SCAN_SAMPLES;
  cfg.samples = 1000000;
  cfg.seed = 1;
  cfg.progress = 1;
  if (cli_wants_help(argc, argv)) { ulp_usage(stdout); return 0; }
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int more = i + 1 < argc;
    if (strcmp(a, "--exhaustive") == 0) cfg.mode = SCAN_ALL;
    else if (strcmp(a, "--quiet") == 0) cfg.progress = 0;
    else if (strcmp(a, "--mpfr") == 0) cfg.mpfr_only = 1;
    else if (strcmp(a, "--samples") == 0 && more) {
      cfg.mode = SCAN_SAMPLES;
      samples_given = 1;
      if (parse_u64(argv[++i], &cfg.samples)) { fprintf(stderr, "simdact ulp: bad --samples\n"); return 2; }
    } else if (strcmp(a, "--seed") == 0 && more) {
      if (parse_u64(argv[++i], &cfg.seed)) { fprintf(stderr, "simdact ulp: bad --seed\n"); return 2; }
    } else if (strcmp(a, "--max-len") == 0 && more) {
      if (parse_u64(argv[++i], &max_len) || max_len < 1 || max_len > ((uint64_t)1 << 28)) {
        fprintf(stderr, "simdact ulp: bad --max-len (1 .. 2^28)\n");
        return 2;
      }
    } else if (strcmp(a, "--classes") == 0) classes = 1;
    else if (strcmp(a, "--threads") == 0 && more) {
      uint64_t t;
      if (parse_u64(argv[++i], &t) || t > 4096) {
        fprintf(stderr, "simdact ulp: bad --threads (a count; 0: every CPU)\n");
        return 2;
      }
      cfg.threads = (int)t;
    } else if (strcmp(a, "--range") == 0 && i + 2 < argc) {
      char *e1, *e2;
      cfg.lo = strtof(argv[i + 1], &e1);
      cfg.hi = strtof(argv[i + 2], &e2);
      if (*e1 || *e2 || !(cfg.lo <= cfg.hi)) { fprintf(stderr, "simdact ulp: bad --range\n"); return 2; }
      cfg.mode = SCAN_RANGE;
      i += 2;
    } else if (strcmp(a, "--act") == 0 && more) act = argv[++i];
    else if (strcmp(a, "--tier") == 0 && more) tier = argv[++i];
    else if (strcmp(a, "--isa") == 0 && more) isa = argv[++i];
    else if (strcmp(a, "--json") == 0 && more) json = argv[++i];
    else if (strcmp(a, "--alpha") == 0 && more) alpha = argv[++i];
    else if (strcmp(a, "--beta") == 0 && more) beta = argv[++i];
    else {
      fprintf(stderr, "simdact ulp: unknown or incomplete argument '%s'\n", a);
      ulp_usage(stderr);
      return 2;
    }
  }
  if (act && ref_act_id(act) < 0) { fprintf(stderr, "simdact ulp: unknown activation '%s'\n", act); return 2; }
  if (isa && simdact_isa_from_name(isa) < 0) { fprintf(stderr, "simdact ulp: unknown ISA '%s'\n", isa); return 2; }
  if (isa && !simdact_isa_supported(isa)) { fprintf(stderr, "simdact ulp: this CPU does not run %s\n", isa); return 2; }
  if (tier && strcmp(tier, "exact") && strcmp(tier, "u1") && strcmp(tier, "u4") && strcmp(tier, "approx")) {
    fprintf(stderr, "simdact ulp: unknown tier '%s' (exact, u1, u4, approx)\n", tier);
    return 2;
  }
  simdact_params par;
  if (alpha || beta) {
    if (!act) { fprintf(stderr, "simdact ulp: --alpha/--beta need --act\n"); return 2; }
    simdact_params_default(act, &par);
    const char *vals[2] = {alpha, beta};
    float *slots[2] = {&par.alpha, &par.beta};
    for (int k = 0; k < 2; k++) {
      if (!vals[k]) continue;
      char *e;
      *slots[k] = strtof(vals[k], &e);
      if (*e || e == vals[k]) {
        fprintf(stderr, "simdact ulp: bad --%s '%s'\n", k ? "beta" : "alpha", vals[k]);
        return 2;
      }
    }
    int perr = simdact_params_check(act, &par);
    if (perr) {
      fprintf(stderr, "simdact ulp: %s: %s\n", act, simdact_strerror(perr));
      return 2;
    }
    cfg.params = &par;
  }
  FILE *jf = NULL;
  if (json && !(jf = fopen(json, "w"))) { fprintf(stderr, "simdact ulp: cannot write %s\n", json); return 2; }
  if (jf) fprintf(jf, "{\n  \"scans\": [");

  const char *mode = cfg.mode == SCAN_ALL ? "exhaustive" : cfg.mode == SCAN_RANGE ? "range" : "samples";
  int all_hold = 1, any = 0, first_json = 1;
  for (int id = 0; id < REF_ACT_COUNT; id++) {
    const char *name = ref_act_name(id);
    if (act && strcmp(act, name)) continue;
    size_t nk = scan_registry_kernels(name, tier, isa, NULL, 0);
    if (!nk) continue;
    scan_kernel *ks = calloc(nk, sizeof *ks);
    nk = scan_registry_kernels(name, tier, isa, ks, nk);
    any = 1;
    if (id == REF_SOFTMAX || id == REF_LOG_SOFTMAX) {
      rows_stats *rs = calloc(nk, sizeof *rs);
      rows_config rc = {.act = name, .rows = samples_given ? cfg.samples : 2000, .seed = cfg.seed,
                        .max_len = (size_t)max_len, .threads = cfg.threads};
      int ncls = rows_class_count(&rc);
      rows_stats *pc = calloc((size_t)ncls * nk, sizeof *pc);
      rc.per_class = pc;
      if (rs && pc && rows_run(&rc, ks, nk, rs) == 0) {
        printf("\n### %s (rows: %d adversarial + %llu random samples, lengths 1..%llu, seed %llu)\n\n", name,
               ROWGEN_ADV, (unsigned long long)rc.rows, (unsigned long long)(max_len ? max_len : 1u << 20),
               (unsigned long long)rc.seed);
        rows_print_markdown(stdout, ks, nk, rs);
        if (classes) {
          printf("\n%s by row class (each column: the worst kernel of the tier):\n\n", name);
          rows_print_classes(stdout, &rc, ks, nk, pc);
        }
        for (size_t k = 0; k < nk; k++) all_hold &= rs[k].holds;
        if (jf) {
          fprintf(jf, "%s\n    {\"act\": \"%s\", \"mode\": \"rows\", \"random_samples\": %llu, \"seed\": %llu, "
                      "\"max_len\": %llu, \"kernels\": [",
                  first_json ? "" : ",", name, (unsigned long long)rc.rows, (unsigned long long)rc.seed,
                  (unsigned long long)(max_len ? max_len : 1u << 20));
          rows_print_json(jf, ks, nk, rs);
          fprintf(jf, "],\n     \"classes\": ");
          rows_print_classes_json(jf, &rc, ks, nk, pc);
          fprintf(jf, "}");
          first_json = 0;
        }
      } else all_hold = 0;
      free(pc);
      free(rs);
      free(ks);
      continue;
    }
    scan_stats *st = calloc(nk, sizeof *st);
    scan_info info;
    cfg.act = name;
    if (scan_run(&cfg, ks, nk, st, &info) != 0) { free(st); free(ks); all_hold = 0; continue; }
    fprintf(stderr, "%s: %llu inputs x %zu kernels in %.2f s on %d threads (%.3g inputs/s), %llu MPFR escalations\n",
            name, (unsigned long long)info.inputs, nk, info.seconds, info.threads,
            info.inputs / (info.seconds > 0 ? info.seconds : 1e-9), (unsigned long long)info.escalations);
    printf("\n### %s (%s, %llu inputs)\n\n", name, mode, (unsigned long long)info.inputs);
    if (cfg.params) {
      printf("Parameters:");
      if (alpha) printf(" alpha = %a (%g)", (double)cfg.params->alpha, (double)cfg.params->alpha);
      if (beta) printf(" beta = %a (%g)", (double)cfg.params->beta, (double)cfg.params->beta);
      printf("; the bounds shown are the registered ones, stated for the defaults.\n\n");
    }
    printf("| kernel | bound | max ULP | at x | mean ULP | >0.5 | >1 | >2 | max abs | max rel | non-finite | zero sign | lanes | holds |\n");
    printf("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (size_t k = 0; k < nk; k++) {
      scan_stats *s = &st[k];
      char xb[48];
      hexf(xb, sizeof xb, s->max_x);
      printf("| %s | %g | %.4g | %s | %.4g | %llu | %llu | %llu | %.3g | %.3g | %llu | %llu | %llu | %s |\n",
             ks[k].name, ks[k].bound, s->max_ulp, xb, s->count ? s->sum_ulp / s->count : 0.0,
             (unsigned long long)s->over_half, (unsigned long long)s->over_1, (unsigned long long)s->over_2,
             s->max_abs, s->max_rel, (unsigned long long)s->nonfinite, (unsigned long long)s->zero_sign,
             (unsigned long long)s->lane, s->holds ? "yes" : "**NO**");
      all_hold &= s->holds;
    }
    if (jf) {
      fprintf(jf, "%s\n    {\"act\": \"%s\", \"mode\": \"%s\", \"inputs\": %llu, \"seconds\": %.3f, "
                  "\"mpfr_escalations\": %llu, ",
              first_json ? "" : ",", name, mode, (unsigned long long)info.inputs, info.seconds,
              (unsigned long long)info.escalations);
      if (cfg.params) {
        fprintf(jf, "\"alpha\": ");
        json_num(jf, cfg.params->alpha);
        fprintf(jf, ", \"beta\": ");
        json_num(jf, cfg.params->beta);
        fprintf(jf, ", ");
      }
      fprintf(jf, "\"kernels\": [");
      first_json = 0;
      for (size_t k = 0; k < nk; k++) {
        scan_stats *s = &st[k];
        fprintf(jf, "%s\n      {\"name\": ", k ? "," : "");
        json_str(jf, ks[k].name);
        fprintf(jf, ", \"tier\": "); json_str(jf, ks[k].tier);
        fprintf(jf, ", \"isa\": "); json_str(jf, ks[k].isa);
        fprintf(jf, ", \"bound\": "); json_num(jf, ks[k].bound);
        fprintf(jf, ", \"max_ulp\": "); json_num(jf, s->max_ulp);
        fprintf(jf, ", \"max_ulp_x\": \"0x%08x\", \"mean_ulp\": ", s->max_x);
        json_num(jf, s->count ? s->sum_ulp / s->count : 0.0);
        fprintf(jf, ", \"count\": %llu, \"over_0_5\": %llu, \"over_1\": %llu, \"over_2\": %llu, \"max_abs\": ",
                (unsigned long long)s->count, (unsigned long long)s->over_half, (unsigned long long)s->over_1,
                (unsigned long long)s->over_2);
        json_num(jf, s->max_abs);
        fprintf(jf, ", \"max_rel\": ");
        json_num(jf, s->max_rel);
        fprintf(jf, ", \"wrong_rounding\": %llu, \"nonfinite\": %llu, \"zero_sign\": %llu, \"lane\": %llu, \"holds\": %s}",
                (unsigned long long)s->wrong_rounding, (unsigned long long)s->nonfinite,
                (unsigned long long)s->zero_sign, (unsigned long long)s->lane, s->holds ? "true" : "false");
      }
      fprintf(jf, "]}");
    }
    free(st);
    free(ks);
  }
  if (jf) { fprintf(jf, "\n  ]\n}\n"); fclose(jf); }
  if (!any) {
    fprintf(stderr, "simdact ulp: no runnable kernel matches the filters\n");
    return 2;
  }
  return all_hold ? 0 : 1;
}
