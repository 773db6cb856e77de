/* Check the output stream of tests/kernel_dump (stdin) against reference/:
 * for each kernel, every output within the kernel's verified bound of the
 * exact value (scan_score, the scan's metric, MPFR where the double-double
 * reference cannot decide; the worst input rescored with MPFR), no
 * non-finite mismatch, no wrong zero sign; softmax / log_softmax kernels by
 * the row scan (rows_run over the same rowgen.h samples, the kernel replaying
 * the stream).  TAP, one test point per kernel.  This is how the NEON
 * kernels, run under qemu-aarch64 in a cross build without MPFR, meet the
 * references.  With KERNEL_CHECK_ROWS_MD set, the row-scan tables are
 * appended to that file.
 *
 * Each kernel's outputs are also compared bit for bit with its twins on the
 * ISAs this machine runs (same act and tier): a diagnostic, not a test (the
 * ISAs may differ where they use reciprocal estimates).  NaN against NaN
 * counts as equal (the metric's rule); NaNs whose bits differ are counted on
 * their own.
 *
 *   kernel_check [--md FILE] [--json FILE] [--estimates FILE] [--title TEXT]
 * --md/--json write a per-kernel report; --estimates names (one a line) the
 * kernels whose code uses reciprocal or square-root estimate instructions
 * (tests/neon-accuracy.sh finds them in the disassembly): for those, bit
 * equality on the sample does not carry an x86 scan over. */
#include "config.h"

#include <inttypes.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reference/ref_impl.h"
#include "reference/rowgen.h"
#include "reference/rows.h"
#include "reference/scan.h"
#include "simdact.h"
#include "tap.h"
#include "tests/kernel_dump.h"

static const char *const host_isas[] = {"scalar", "sse41", "avx2", "avx512"};
#define NHOST (sizeof host_isas / sizeof host_isas[0])
#define MAXK 256

struct kst {
  char name[128], act[64], tier[16];
  int id, exact, estimate;
  double bound, cpu;
  uint64_t got; /* outputs received */
  ref_par q;
  scan_stats st;
  const simdact_kernel *twin[NHOST];
  uint64_t differ[NHOST], nan_bits[NHOST];
  uint32_t differ_x[NHOST];
};

/* The reference of one act over one chunk, shared by its kernels. */
struct refc {
  int valid;
  uint64_t start;
  int exact;
  ref_dd v[KERNEL_DUMP_CHUNK];
  float r[KERNEL_DUMP_CHUNK];
  unsigned char esc[KERNEL_DUMP_CHUNK];
};

static float x[KERNEL_DUMP_CHUNK], y[KERNEL_DUMP_CHUNK], yt[KERNEL_DUMP_CHUNK];
static struct kst ks[MAXK];
static size_t nk;
static struct refc *cache[REF_ACT_COUNT];

/* A kernel that replays the stream: rows_run with one thread asks for the
 * samples in the order tests/kernel_dump wrote them. */
static int replay_short;
static void replay(const float *in, float *out, size_t n, const simdact_params *p) {
  (void)in; (void)p;
  if (fread(out, sizeof(float), n, stdin) != n) {
    replay_short = 1;
    for (size_t i = 0; i < n; i++) out[i] = 1e30f; /* scores as a failure */
  }
}

static void check_rows(const char *name, const char *act, const char *tier, double bound, unsigned long long rows,
                       size_t max_len, unsigned long long seed) {
  scan_kernel k = {name, tier, strrchr(name, '.') + 1, bound, replay};
  rows_config cfg = {.act = act, .rows = rows, .seed = seed, .max_len = max_len, .threads = 1};
  int ncls = rows_class_count(&cfg);
  rows_stats st, *pc = calloc((size_t)ncls, sizeof *pc);
  cfg.per_class = pc;
  replay_short = 0;
  int rc = pc ? rows_run(&cfg, &k, 1, &st) : -1;
  const char *md = getenv("KERNEL_CHECK_ROWS_MD");
  FILE *f = md && *md && rc == 0 ? fopen(md, "a") : NULL;
  if (f) {
    fprintf(f, "\n#### %s (%d adversarial + %llu random samples, rows up to %zu, seed %llu)\n\n", name,
            ROWGEN_ADV, rows, max_len, seed);
    rows_print_markdown(f, &k, 1, &st);
    fprintf(f, "\n");
    rows_print_classes(f, &cfg, &k, 1, pc);
    fclose(f);
  }
  free(pc);
  tap_ok(rc == 0 && !replay_short && st.holds,
         "%s: %llu rows (%llu elements) within %g ULP: max %.4g (sample %llu, index %zu), normwise %.3g x 2^-24, "
         "max |sum-1| %.3g, %llu non-finite, %llu wrong zero signs",
         name, (unsigned long long)st.rows, (unsigned long long)st.count, bound, st.max_ulp,
         (unsigned long long)st.max_row, st.max_col, st.max_norm, st.max_sum_dev, (unsigned long long)st.nonfinite,
         (unsigned long long)st.zero_sign);
}

static struct kst *kernel_state(const char *name) {
  for (size_t i = 0; i < nk; i++)
    if (!strcmp(ks[i].name, name)) return &ks[i];
  if (nk == MAXK) return NULL;
  struct kst *k = &ks[nk++];
  memset(k, 0, sizeof *k);
  snprintf(k->name, sizeof k->name, "%s", name);
  k->id = -1;
  const char *dot = strchr(name, '.'), *dot2 = dot ? strchr(dot + 1, '.') : NULL;
  if (!dot || !dot2) return k;
  snprintf(k->act, sizeof k->act, "%.*s", (int)(dot - name), name);
  snprintf(k->tier, sizeof k->tier, "%.*s", (int)(dot2 - dot - 1), dot + 1);
  k->exact = !strcmp(k->tier, "exact");
  /* The bound is per act and tier, the same on every ISA. */
  const simdact_kernel *b = simdact_find(k->act, k->tier, "scalar");
  int id = ref_act_id(k->act);
  if (!b || id < 0 || !ref_act_elementwise(id) || ref_par_init(&k->q, id, NULL) < 0) return k;
  k->id = id;
  k->bound = b->max_ulp;
  for (size_t h = 0; h < NHOST; h++)
    if (simdact_isa_supported(host_isas[h])) k->twin[h] = simdact_find(k->act, k->tier, host_isas[h]);
  return k;
}

static const struct refc *reference(struct kst *k, uint64_t start, size_t n) {
  struct refc *c = cache[k->id];
  if (!c && !(c = cache[k->id] = malloc(sizeof *c))) return NULL;
  if (c->valid && c->start == start && c->exact == k->exact) return c;
  ref_eval_batch(&k->q, x, n, c->v, c->r, c->esc);
  for (size_t j = 0; j < n; j++)
    if (c->esc[j]) { /* MPFR decides; esc stays 1: exact from here on */
      ref_exact e;
      ref_mpfr_eval(&k->q, x[j], NULL, &e);
      c->v[j].hi = e.hi; c->v[j].lo = e.lo; c->v[j].err = 0;
      c->r[j] = e.r;
    }
  c->valid = 1;
  c->start = start;
  c->exact = k->exact;
  return c;
}

static void score_chunk(struct kst *k, uint64_t start, size_t n) {
  struct refc *c = (struct refc *)reference(k, start, n);
  if (!c) return;
  k->got += n;
  for (size_t j = 0; j < n; j++) {
    uint32_t xb = ref_fbits(x[j]);
    if (scan_score(&k->st, k->bound, xb, &c->v[j], c->r[j], y[j], c->esc[j])) {
      ref_exact e;
      ref_mpfr_eval(&k->q, x[j], NULL, &e);
      c->v[j].hi = e.hi; c->v[j].lo = e.lo; c->v[j].err = 0;
      c->r[j] = e.r;
      c->esc[j] = 1;
      scan_score(&k->st, k->bound, xb, &c->v[j], c->r[j], y[j], 1);
    }
  }
  for (size_t h = 0; h < NHOST; h++) {
    if (!k->twin[h]) continue;
    if (simdact_run(k->twin[h], x, yt, n, NULL) != SIMDACT_OK) { k->twin[h] = NULL; continue; }
    for (size_t j = 0; j < n; j++) {
      uint32_t a = ref_fbits(y[j]), b = ref_fbits(yt[j]);
      if (a == b) continue;
      if (isnan(y[j]) && isnan(yt[j])) { k->nan_bits[h]++; continue; }
      if (!k->differ[h]++) k->differ_x[h] = ref_fbits(x[j]);
    }
  }
}

/* "avx2 avx512" (bit-identical to those), or "" */
static void identical_to(const struct kst *k, char *out, size_t len) {
  out[0] = 0;
  for (size_t h = 0; h < NHOST; h++)
    if (k->twin[h] && k->differ[h] == 0) {
      size_t l = strlen(out);
      snprintf(out + l, len - l, "%s%s", l ? " " : "", host_isas[h]);
    }
}

static int set_id = -1;
/* the bound held, no wrong zero sign, every input of the set seen */
static int passed(const struct kst *k) {
  return k->st.holds && k->st.zero_sign == 0 && k->got == kernel_dump_count(set_id, k->exact);
}

static const char *xhex(uint32_t b, char *buf) {
  float f;
  memcpy(&f, &b, 4);
  snprintf(buf, 48, "0x%08" PRIx32 " (%.9g)", b, f);
  return buf;
}

static int write_md(const char *path, const char *title, const char *set) {
  FILE *f = fopen(path, "w");
  if (!f) { perror(path); return -1; }
  fprintf(f, "# %s\n\n", title ? title : "Kernel accuracy");
  fprintf(f, "Input set `%s` (tests/kernel_dump.h): %zu special values, %zu tail and branch "
             "regions, then every %" PRIu32 "th bit pattern of all 2^32 (exact tier: every %" PRIu32 "th).\n"
             "Scored by tests/kernel_check against reference/ (DESIGN section 4 metric; MPFR where the "
             "double-double reference cannot decide; the worst input rescored with MPFR).\n\n",
          set, (size_t)KERNEL_DUMP_NSPECIAL, (size_t)KERNEL_DUMP_NREGIONS,
          kernel_dump_stride(strcmp(set, "check") ? KERNEL_DUMP_ACCURACY : KERNEL_DUMP_CHECK, 0),
          kernel_dump_stride(strcmp(set, "check") ? KERNEL_DUMP_ACCURACY : KERNEL_DUMP_CHECK, 1));
  fprintf(f, "Bit-identical: the kernel's outputs equal, bit for bit on every sampled input (NaN = NaN), "
             "those of the same act and tier on these x86 ISAs of this machine.  Carries over: "
             "bit-identical to an x86 ISA and no reciprocal/rsqrt estimate instruction in the kernel's "
             "code (every operation a correctly rounded IEEE one, in the same order as on that ISA: the same "
             "source, -ffp-contract=off), so an exhaustive 2^32 scan of that x86 kernel covers this one too "
             "(which acts have had one: the comments of src/simdact_kernels.h; the exact tier: "
             "tests/ref_exact_all in make check).  Otherwise the sampled figures are the evidence.\n\n");
  fprintf(f, "| kernel | bound | sampled inputs | max ULP | at x | over bound | non-finite mismatches | "
             "wrong zero signs | qemu CPU-s | estimates | bit-identical to | carries over |\n");
  fprintf(f, "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (size_t i = 0; i < nk; i++) {
    const struct kst *k = &ks[i];
    if (k->id < 0) continue;
    char ident[320], xb[48];
    identical_to(k, ident, sizeof ident);
    int carries = ident[0] && !k->estimate;
    if (!ident[0]) {
      snprintf(ident, sizeof ident, "no:");
      for (size_t h = 0; h < NHOST; h++) {
        if (!k->twin[h]) continue;
        size_t l = strlen(ident);
        snprintf(ident + l, sizeof ident - l, " %s %" PRIu64 " of %" PRIu64 ";", host_isas[h], k->differ[h],
                 k->got);
      }
      ident[strlen(ident) - 1] = 0;
    }
    fprintf(f, "| %s%s | %.7g | %" PRIu64 " | %.4g | %s | %" PRIu64 " | %" PRIu64 " | %" PRIu64 " | %.2f | %s | %s | %s |\n",
            k->name, passed(k) ? "" : " **FAILS**", k->bound, k->got, k->st.max_ulp,
            k->st.max_set ? xhex(k->st.max_x, xb) : "-", k->st.over_bound, k->st.nonfinite,
            k->st.zero_sign, k->cpu, k->estimate ? "yes" : "no", ident, carries ? "yes" : "no");
  }
  return fclose(f);
}

static int write_json(const char *path, const char *set) {
  json_t *arr = json_array();
  for (size_t i = 0; i < nk; i++) {
    const struct kst *k = &ks[i];
    if (k->id < 0) continue;
    char ident[64], xb[16];
    identical_to(k, ident, sizeof ident);
    snprintf(xb, sizeof xb, "0x%08" PRIx32, k->st.max_x);
    json_t *d = json_object();
    for (size_t h = 0; h < NHOST; h++)
      if (k->twin[h])
        json_object_set_new(d, host_isas[h], json_pack("{s:I, s:I}", "differ", (json_int_t)k->differ[h],
                                                       "nan_bits_differ", (json_int_t)k->nan_bits[h]));
    json_array_append_new(
        arr, json_pack("{s:s, s:s, s:s, s:f, s:I, s:f, s:s, s:f, s:I, s:I, s:I, s:I, s:b, s:f, s:b, s:s, s:b, s:o}",
                       "kernel", k->name, "act", k->act, "tier", k->tier, "bound", k->bound,
                       "inputs", (json_int_t)k->got, "max_ulp", k->st.max_ulp,
                       "max_x", xb, "mean_ulp",
                       k->st.count ? k->st.sum_ulp / (double)k->st.count : 0.0,
                       "over_bound", (json_int_t)k->st.over_bound, "nonfinite", (json_int_t)k->st.nonfinite,
                       "zero_sign", (json_int_t)k->st.zero_sign, "wrong_rounding",
                       (json_int_t)k->st.wrong_rounding, "holds", passed(k), "qemu_cpu_s", k->cpu,
                       "uses_estimate", k->estimate, "bit_identical_to", ident,
                       "carries_over", ident[0] && !k->estimate, "x86_diff", d));
  }
  json_t *root = json_pack("{s:s, s:o}", "set", set, "kernels", arr);
  int rc = json_dump_file(root, path, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
  json_decref(root);
  if (rc) fprintf(stderr, "kernel_check: cannot write %s\n", path);
  return rc;
}

int main(int argc, char **argv) {
  const char *md = NULL, *js = NULL, *est = NULL, *title = NULL;
  for (int a = 1; a + 1 < argc; a += 2) {
    if (!strcmp(argv[a], "--md")) md = argv[a + 1];
    else if (!strcmp(argv[a], "--json")) js = argv[a + 1];
    else if (!strcmp(argv[a], "--estimates")) est = argv[a + 1];
    else if (!strcmp(argv[a], "--title")) title = argv[a + 1];
    else { fprintf(stderr, "kernel_check: unknown option %s\n", argv[a]); return 2; }
  }
  char line[256], name[128], set_name[32] = "";
  int set = -1;
  unsigned long long start;
  size_t m, nrows = 0;
  double sec;
  while (fgets(line, sizeof line, stdin)) {
    if (strcmp(line, "end\n") == 0) {
      tap_ok(nk + nrows > 0 && set >= 0, "stream complete, %zu kernels and %zu row kernels, input set %s", nk,
             nrows, set_name);
      FILE *ef = est ? fopen(est, "r") : NULL;
      while (ef && fgets(line, sizeof line, ef)) {
        line[strcspn(line, "\n")] = 0;
        for (size_t i = 0; i < nk; i++)
          if (!strcmp(ks[i].name, line)) ks[i].estimate = 1;
      }
      if (ef) fclose(ef);
      for (size_t i = 0; i < nk; i++) {
        struct kst *k = &ks[i];
        if (k->id < 0) { tap_skip("%s: no elementwise reference here", k->name); continue; }
        scan_finish(&k->q, &k->st, k->bound, k->tier, 0);
        char xb[48], ident[64];
        tap_ok(passed(k),
               "%s: %" PRIu64 " of %" PRIu64 " outputs within %g ULP (max %.3g at %s), %" PRIu64 " over, %" PRIu64
               " non-finite mismatches, %" PRIu64 " wrong zero signs",
               k->name, k->got, kernel_dump_count(set, k->exact), k->bound, k->st.max_ulp, xhex(k->st.max_x, xb), k->st.over_bound,
               k->st.nonfinite, k->st.zero_sign);
        identical_to(k, ident, sizeof ident);
        printf("# %s: bit-identical to: %s", k->name, ident[0] ? ident : "none");
        for (size_t h = 0; h < NHOST; h++)
          if (k->twin[h] && k->differ[h])
            printf("; %s: %" PRIu64 " differ (first at x=0x%08" PRIx32 ")", host_isas[h], k->differ[h],
                   k->differ_x[h]);
        printf("\n");
      }
      int rc = 0;
      if (md && write_md(md, title, set_name)) rc = 1;
      if (js && write_json(js, set_name)) rc = 1;
      tap_ok(rc == 0, "reports written%s%s%s%s", md ? " " : "", md ? md : "", js ? " " : "", js ? js : "");
      return tap_done();
    }
    if (sscanf(line, "set %31s", set_name) == 1) {
      for (set = 0; set < KERNEL_DUMP_SETS && strcmp(set_name, kernel_dump_set_name[set]); set++) {}
      set_id = set;
      if (set == KERNEL_DUMP_SETS) {
        tap_ok(0, "stream: unknown input set '%s'", set_name);
        return tap_done();
      }
      continue;
    }
    unsigned long long rows, seed;
    size_t max_len;
    if (sscanf(line, "rows %127s %llu %zu %llu", name, &rows, &max_len, &seed) == 4) {
      nrows++;
      char act[128], tier[128];
      const char *dot = strchr(name, '.'), *dot2 = dot ? strchr(dot + 1, '.') : NULL;
      const simdact_kernel *twin = NULL;
      if (dot && dot2) {
        snprintf(act, sizeof act, "%.*s", (int)(dot - name), name);
        snprintf(tier, sizeof tier, "%.*s", (int)(dot2 - dot - 1), dot + 1);
        twin = simdact_find(act, tier, "scalar");
      }
      if (!twin) {
        tap_ok(0, "%s: no registered scalar twin (the bound)", name);
        return tap_done(); /* the stream cannot be skipped without the row lengths */
      }
      check_rows(name, act, tier, twin->max_ulp, rows, max_len, seed);
      if (replay_short) return tap_done();
      continue;
    }
    if (sscanf(line, "cpu %127s %lf", name, &sec) == 2) {
      struct kst *k = kernel_state(name);
      if (k) k->cpu = sec;
      continue;
    }
    if (set < 0 || sscanf(line, "kernel %127s %llu %zu", name, &start, &m) != 3 || m > KERNEL_DUMP_CHUNK) {
      tap_ok(0, "stream: unexpected line '%.60s'", line);
      return tap_done();
    }
    struct kst *k = kernel_state(name);
    if (!k) { tap_ok(0, "stream: more than %d kernels", MAXK); return tap_done(); }
    if (start + m > kernel_dump_count(set, k->exact)) {
      tap_ok(0, "%s: inputs %llu..%llu outside the set", name, start, start + m);
      return tap_done();
    }
    if (fread(y, sizeof(float), m, stdin) != m) {
      tap_ok(0, "%s: stream ends early", name);
      return tap_done();
    }
    if (k->id < 0) continue;
    kernel_dump_fill(set, k->exact, start, m, x);
    score_chunk(k, start, m);
  }
  tap_ok(0, "stream ends without 'end' after %zu kernels", nk);
  return tap_done();
}
