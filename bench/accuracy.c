/* The bench's view of the accuracy engine (reference/): see accuracy.h.
 * Every figure comes from reference/ref.h (ref_eval for the value, its
 * ref_ulp_error_id for the metric, MPFR where the double-double cannot
 * decide), so peers and kernels are judged by the same rules. */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "accuracy.h"
#include "reference/ref.h"

int bench_accuracy_engine(const char **name) {
  if (name) *name = "reference/ (double-double, MPFR escalation)";
  return 1;
}

#define CHUNK 4096
#define PRELU_SLOPE_AT(p, i) ((p)->slope ? (p)->slope[(i) % ((p)->channels ? (p)->channels : 1)] : 0.25f)

/* Inputs every sample starts with. */
static const uint32_t specials[] = {
    0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 0x00000001,
    0x80000001, 0x007fffff, 0x807fffff, 0x00800000, 0x80800000, 0x7f7fffff, 0xff7fffff,
    0x3f800000, 0xbf800000, 0x3f000000, 0xbf000000, 0x40000000, 0xc0000000, 0x33800000,
    0xb3800000, 0x42b00000, 0xc2b00000, 0x42c80000, 0xc2c80000};
#define NSPECIALS (sizeof specials / sizeof specials[0])

static uint64_t mix(uint64_t z) { /* splitmix64 finalizer */
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

/* The i-th input of the scan: exhaustive walks the bit patterns; sampled
 * takes the specials, then alternates uniformly random bit patterns (every
 * exponent equally) and uniform points of [-20, 20] (where activations
 * bend), from a fixed seed so every run sees the same inputs. */
static float input_at(uint64_t i, int exhaustive) {
  union { uint32_t u; float f; } v;
  if (exhaustive) { v.u = (uint32_t)i; return v.f; }
  if (i < NSPECIALS) { v.u = specials[i]; return v.f; }
  uint64_t r = mix(0x5eedull + i * 0x9e3779b97f4a7c15ull);
  if (i & 1) { v.u = (uint32_t)r; return v.f; }
  return (float)(-20.0 + 40.0 * (double)(r >> 11) * 0x1p-53);
}

typedef struct {
  bench_accuracy acc;
  double sum_ulp;
} partial;

static void account(partial *s, float x_for_report, float y, double ulp, const ref_dd *v) {
  bench_accuracy *a = &s->acc;
  union { float f; uint32_t u; } xb = {x_for_report};
  a->inputs++;
  double exact = v->hi + v->lo;
  int y_nf = !isfinite(y), e_nf = !isfinite(exact);
  if (y_nf != e_nf || (isnan(y) != isnan(exact))) a->nonfinite_mismatch++;
  if (y == 0 && exact == 0 && signbit(y) != signbit(exact)) a->zero_sign_mismatch++;
  if (isnan(ulp)) ulp = INFINITY;
  if (a->inputs == 1 || ulp > a->max_ulp) { a->max_ulp = ulp; a->max_ulp_input = xb.u; }
  if (isfinite(ulp)) s->sum_ulp += ulp;
  a->above_half += ulp > 0.5;
  a->above_1 += ulp > 1;
  a->above_2 += ulp > 2;
  if (isfinite(y) && isfinite(exact)) {
    double ae = fabs((double)y - exact);
    if (ae > a->max_abs) a->max_abs = ae;
    if (exact != 0 && ae / fabs(exact) > a->max_rel) a->max_rel = ae / fabs(exact);
  }
}

typedef struct {
  const char *act;
  int id;
  simdact_kernel_fn fn;
  const simdact_params *p;
  uint64_t begin, end;
  int exhaustive;
  partial out;
} job;

/* max over k values, the way ref_maxout_f32 defines it, scored by the
 * metric against that exact value. */
static void scan_maxout(job *j, const float *x, const float *y, size_t nout, size_t k) {
  for (size_t i = 0; i < nout; i++) {
    float e = ref_maxout_f32(x + i * k, k);
    ref_dd v = {e, 0, 0};
    double ulp = isnan(e) ? (isnan(y[i]) ? 0 : INFINITY) : isnan(y[i]) ? INFINITY : ref_ulp_dd(e, 0, y[i]);
    account(&j->out, x[i * k], y[i], ulp, &v);
  }
}

static void *run_job(void *arg) {
  job *j = arg;
  float *x = malloc(CHUNK * sizeof *x), *y = malloc(CHUNK * sizeof *y);
  if (!x || !y) { free(x); free(y); return NULL; }
  ref_par q;
  ref_par_init(&q, j->id, j->p);
  size_t k = j->id == REF_MAXOUT ? (j->p && j->p->k ? j->p->k : 1) : 1;
  size_t per = CHUNK / k * k;
  for (uint64_t i = j->begin; i < j->end; i += per) {
    size_t n = (size_t)(j->end - i < per ? j->end - i : per);
    for (size_t t = 0; t < n; t++) x[t] = input_at(i + t, j->exhaustive);
    if (j->id == REF_MAXOUT) {
      size_t nout = n / k;
      if (!nout) continue;
      j->fn(x, y, nout, j->p);
      scan_maxout(j, x, y, nout, k);
      continue;
    }
    j->fn(x, y, n, j->p);
    for (size_t t = 0; t < n; t++) {
      ref_dd v;
      if (j->id == REF_PRELU) {
        /* channel of element t of this call: t % channels */
        q.a = PRELU_SLOPE_AT(j->p, t);
      }
      ref_eval(&q, x[t], &v);
      account(&j->out, x[t], y[t], ref_ulp_error_id(&q, x[t], y[t]), &v);
    }
  }
  free(x);
  free(y);
  return NULL;
}

void bench_measure_accuracy(const char *act, simdact_kernel_fn fn, const simdact_params *p,
                            uint64_t samples, bench_accuracy *out) {
  memset(out, 0, sizeof *out);
  out->exhaustive = samples == 0;
  int id = ref_act_id(act);
  /* Row-wise activations wait for the engine's row scan (reference/). */
  if (id < 0 || id == REF_SOFTMAX || id == REF_LOG_SOFTMAX) { out->status = ACC_UNAVAILABLE; return; }
  uint64_t total = samples ? samples : (uint64_t)1 << 32;
  if (id == REF_PRELU || id == REF_MAXOUT) {
    /* Whole calls, so the channel of an element is its index in the call. */
    uint64_t whole = total / CHUNK * CHUNK;
    total = whole ? whole : total;
  }
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  int nt = total >= (1u << 16) && cores > 1 ? (int)(cores > 64 ? 64 : cores) : 1;
  job jobs[64];
  pthread_t th[64];
  uint64_t per = (total / CHUNK + (uint64_t)nt - 1) / (uint64_t)nt * CHUNK;
  for (int t = 0; t < nt; t++) {
    uint64_t b = per * (uint64_t)t, e = b + per;
    if (b > total) b = total;
    if (e > total) e = total;
    jobs[t] = (job){act, id, fn, p, b, e, samples == 0, {{0}, 0}};
  }
  int started = 0;
  for (int t = 1; t < nt; t++)
    if (pthread_create(&th[t], NULL, run_job, &jobs[t]) == 0) started = t;
    else break;
  run_job(&jobs[0]);
  for (int t = started + 1; t < nt; t++) run_job(&jobs[t]); /* threads that failed to start */
  for (int t = 1; t <= started; t++) pthread_join(th[t], NULL);
  /* Merge in input order, so the reported worst input is the first one. */
  double sum = 0;
  for (int t = 0; t < nt; t++) {
    const bench_accuracy *a = &jobs[t].out.acc;
    if (!a->inputs) continue;
    if (out->inputs == 0 || a->max_ulp > out->max_ulp) { out->max_ulp = a->max_ulp; out->max_ulp_input = a->max_ulp_input; }
    out->inputs += a->inputs;
    out->above_half += a->above_half;
    out->above_1 += a->above_1;
    out->above_2 += a->above_2;
    out->nonfinite_mismatch += a->nonfinite_mismatch;
    out->zero_sign_mismatch += a->zero_sign_mismatch;
    if (a->max_abs > out->max_abs) out->max_abs = a->max_abs;
    if (a->max_rel > out->max_rel) out->max_rel = a->max_rel;
    sum += jobs[t].out.sum_ulp;
  }
  out->mean_ulp = out->inputs ? sum / (double)out->inputs : 0;
  out->status = out->inputs ? ACC_OK : ACC_UNAVAILABLE;
}
