/* The fast double references against MPFR: for every elementwise activation,
 * inputs from every binade of both signs (REF_DOUBLE_N per activation,
 * default 10^5; 10^6 in make check-exhaustive), |hi + lo - f(x)| must stay within the stated bound err
 * (and be 0 where err is 0).  Also the MPFR formulas (cancellation-free
 * rewrites) against the textbook definitions at twice the precision. */
#include <math.h>
#include <mpfr.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "reference/ref_impl.h"
#include "tap.h"

static long n_per_act = 100000; /* make check; check-exhaustive runs 10^6 */

struct job {
  int act;
  int part, parts;
  long bad, checked, exact_checked;
  double worst_ratio;
  float worst_x;
  float bad_x;
};


/* input i: binade (i mod 510) -> exponent field 0..254 and sign; random
 * mantissa.  Every binade of both signs is hit n/510 times. */
static float input(int act, long i) {
  uint32_t k = (uint32_t)(i % 510), e = k >> 1, s = k & 1;
  uint32_t m = (uint32_t)ref_mix64((uint64_t)act << 40 ^ (uint64_t)i) & 0x7fffff;
  uint32_t b = s << 31 | e << 23 | m;
  float f;
  memcpy(&f, &b, 4);
  return f;
}

static void *run(void *arg) {
  struct job *j = arg;
  ref_par q;
  ref_par_init(&q, j->act, NULL);
  mpfr_t f, d;
  mpfr_init2(f, ref_mpfr_prec(&q));
  mpfr_init2(d, ref_mpfr_prec(&q) + 200);
  for (long i = j->part; i < n_per_act; i += j->parts) {
    float x = input(j->act, i), s;
    if (ref_special(&q, x, &s)) continue;
    ref_dd v;
    ref_eval(&q, x, &v);
    ref_mpfr_value(&q, x, f);
    j->checked++;
    if (isnan(v.hi) || mpfr_nan_p(f)) { /* outside the domain (log1p x < -1) */
      if (!(isnan(v.hi) && mpfr_nan_p(f))) { if (!j->bad++) j->bad_x = x; }
      continue;
    }
    if (isinf(v.hi) && (mpfr_inf_p(f) || mpfr_cmp_d(f, 0x1p128) * v.hi >= 0 || mpfr_cmp_d(f, -0x1p128) * v.hi >= 0)) {
      /* beyond the float range: hi = inf is the documented answer */
      if (!(mpfr_inf_p(f) || (v.hi > 0 ? mpfr_cmp_d(f, 0x1p128) >= 0 : mpfr_cmp_d(f, -0x1p128) <= 0))) {
        if (!j->bad++) j->bad_x = x;
      }
      continue;
    }
    mpfr_set_prec(d, mpfr_get_prec(f) + 200);
    mpfr_set_d(d, v.hi, MPFR_RNDN);
    mpfr_add_d(d, d, v.lo, MPFR_RNDN);
    mpfr_sub(d, d, f, MPFR_RNDN);
    double diff = fabs(mpfr_get_d(d, MPFR_RNDU));
    if (v.err == 0) {
      j->exact_checked++;
      if (!mpfr_zero_p(d)) { if (!j->bad++) j->bad_x = x; }
      continue;
    }
    /* plus f's own rounding at the MPFR precision: hairs like
     * tanh(2^-129) - 2^-129 (2^-258 relative) lie below it */
    double tol = v.err + ldexp(fabs(mpfr_get_d(f, MPFR_RNDN)), 1 - (int)mpfr_get_prec(f));
    if (!(diff <= tol)) { if (!j->bad++) j->bad_x = x; }
    double r = diff / tol;
    if (r > j->worst_ratio) { j->worst_ratio = r; j->worst_x = x; }
  }
  mpfr_clears(f, d, (mpfr_ptr)0);
  mpfr_free_cache();
  return NULL;
}

/* textbook definitions at 2*REF_PREC, x moderate */
static void textbook(int act, float xf, mpfr_t r) {
  mpfr_prec_t p = mpfr_get_prec(r);
  mpfr_t x, t, u;
  mpfr_inits2(p, x, t, u, (mpfr_ptr)0);
  mpfr_set_flt(x, xf, MPFR_RNDN);
  switch (act) {
  case REF_SIGMOID: mpfr_neg(t, x, MPFR_RNDN); mpfr_exp(t, t, MPFR_RNDN); mpfr_add_ui(t, t, 1, MPFR_RNDN); mpfr_ui_div(r, 1, t, MPFR_RNDN); break;
  case REF_SOFTPLUS: mpfr_exp(t, x, MPFR_RNDN); mpfr_add_ui(t, t, 1, MPFR_RNDN); mpfr_log(r, t, MPFR_RNDN); break;
  case REF_GELU: mpfr_sqrt_ui(t, 2, MPFR_RNDN); mpfr_div(t, x, t, MPFR_RNDN); mpfr_erf(t, t, MPFR_RNDN); mpfr_add_ui(t, t, 1, MPFR_RNDN); mpfr_mul(t, t, x, MPFR_RNDN); mpfr_div_2ui(r, t, 1, MPFR_RNDN); break;
  case REF_GELU_TANH:
    mpfr_pow_ui(t, x, 3, MPFR_RNDN); mpfr_set_str(u, "0.044715", 10, MPFR_RNDN); mpfr_mul(t, t, u, MPFR_RNDN);
    mpfr_add(t, t, x, MPFR_RNDN); mpfr_const_pi(u, MPFR_RNDN); mpfr_ui_div(u, 2, u, MPFR_RNDN); mpfr_sqrt(u, u, MPFR_RNDN);
    mpfr_mul(t, t, u, MPFR_RNDN); mpfr_tanh(t, t, MPFR_RNDN); mpfr_add_ui(t, t, 1, MPFR_RNDN); mpfr_mul(t, t, x, MPFR_RNDN);
    mpfr_div_2ui(r, t, 1, MPFR_RNDN); break;
  case REF_MISH: mpfr_exp(t, x, MPFR_RNDN); mpfr_log1p(t, t, MPFR_RNDN); mpfr_tanh(t, t, MPFR_RNDN); mpfr_mul(r, t, x, MPFR_RNDN); break;
  case REF_SWISH: case REF_SILU: mpfr_neg(t, x, MPFR_RNDN); mpfr_exp(t, t, MPFR_RNDN); mpfr_add_ui(t, t, 1, MPFR_RNDN); mpfr_div(r, x, t, MPFR_RNDN); break;
  case REF_ELU: if (xf > 0) mpfr_set(r, x, MPFR_RNDN); else { mpfr_exp(t, x, MPFR_RNDN); mpfr_sub_ui(r, t, 1, MPFR_RNDN); } break;
  default: mpfr_set_nan(r); break;
  }
  mpfr_clears(x, t, u, (mpfr_ptr)0);
}

int main(void) {
  const char *env = getenv("REF_DOUBLE_N");
  if (env) n_per_act = atol(env);
  tap_diag("%ld inputs per activation over 510 binade/sign classes", n_per_act);
  for (int act = 0; act < REF_ACT_COUNT; act++) {
    if (!ref_act_elementwise(act)) continue;
    enum { T = 2 };
    struct job jobs[T];
    pthread_t th[T];
    for (int t = 0; t < T; t++) {
      memset(&jobs[t], 0, sizeof jobs[t]);
      jobs[t].act = act; jobs[t].part = t; jobs[t].parts = T;
      pthread_create(&th[t], NULL, run, &jobs[t]);
    }
    long bad = 0, checked = 0, exact = 0;
    double worst = 0;
    float wx = 0, bx = 0;
    for (int t = 0; t < T; t++) {
      pthread_join(th[t], NULL);
      if (jobs[t].bad && !bad) bx = jobs[t].bad_x;
      bad += jobs[t].bad; checked += jobs[t].checked; exact += jobs[t].exact_checked;
      if (jobs[t].worst_ratio > worst) { worst = jobs[t].worst_ratio; wx = jobs[t].worst_x; }
    }
    tap_ok(bad == 0 && checked > n_per_act / 2,
           "%-12s double reference within its bound on %ld inputs (%ld exact); worst |error|/bound %.3g at x=%a",
           ref_act_name(act), checked, exact, worst, wx);
    if (bad) tap_diag("%ld violations, first at x=%a", bad, bx);
  }
  /* the cancellation-free MPFR forms against the textbook formulas */
  static const int tb[] = {REF_SIGMOID, REF_SOFTPLUS, REF_GELU, REF_GELU_TANH, REF_MISH, REF_SWISH, REF_ELU};
  for (size_t k = 0; k < sizeof tb / sizeof *tb; k++) {
    ref_par q;
    ref_par_init(&q, tb[k], NULL);
    mpfr_t a, b;
    mpfr_init2(a, REF_PREC);
    mpfr_init2(b, 2 * REF_PREC);
    long bad = 0;
    for (int i = 0; i < 20000; i++) {
      float x = (float)(((int)(ref_mix64((uint64_t)i * 7 + k) % 40001) - 20000)) / 2000.0f; /* [-10, 10] */
      if (x == 0) continue;
      ref_mpfr_value(&q, x, a);
      textbook(tb[k], x, b);
      mpfr_sub(b, b, a, MPFR_RNDN);
      if (!mpfr_zero_p(b) && mpfr_get_exp(b) > mpfr_get_exp(a) - 200) bad++;
    }
    tap_ok(bad == 0, "%-12s MPFR form equals the textbook definition to 2^-200 on 20000 inputs in [-10,10]",
           ref_act_name(tb[k]));
    mpfr_clears(a, b, (mpfr_ptr)0);
  }
  return tap_done();
}
