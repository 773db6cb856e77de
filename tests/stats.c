/* The Mann-Whitney U test and medians behind `simdact compare`, against
 * textbook cases and against p-values computed here independently: U by
 * counting pairs, the exact distribution by enumerating every split of the
 * pooled sample, the normal approximation from its textbook formula. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../src/stats.h"
#include "tap.h"

/* U of a: pairs (a_i, b_j) with a_i > b_j, ties counting 1/2. */
static double u_pairs(const double *a, size_t n1, const double *b, size_t n2) {
  double u = 0;
  for (size_t i = 0; i < n1; i++)
    for (size_t j = 0; j < n2; j++) u += a[i] > b[j] ? 1 : a[i] == b[j] ? 0.5 : 0;
  return u;
}

/* Exact two-sided p by enumerating all C(n, n1) ways to split the pooled
 * values: P(|U - n1 n2 / 2| >= |u_obs - n1 n2 / 2|). */
static double p_enumerate(const double *a, size_t n1, const double *b, size_t n2) {
  size_t n = n1 + n2;
  double pool[32], x[32], y[32];
  for (size_t i = 0; i < n; i++) pool[i] = i < n1 ? a[i] : b[i - n1];
  double mid = (double)n1 * (double)n2 / 2, dev = fabs(u_pairs(a, n1, b, n2) - mid);
  double hit = 0, all = 0;
  for (unsigned long m = 0; m < (1ul << n); m++) {
    if ((size_t)__builtin_popcountl(m) != n1) continue;
    size_t nx = 0, ny = 0;
    for (size_t i = 0; i < n; i++) {
      if (m >> i & 1) x[nx++] = pool[i];
      else y[ny++] = pool[i];
    }
    all++;
    if (fabs(u_pairs(x, nx, y, ny) - mid) >= dev - 1e-9) hit++;
  }
  return hit / all;
}

/* Normal approximation with tie correction and continuity correction. */
static double p_normal(const double *a, size_t n1, const double *b, size_t n2) {
  size_t n = n1 + n2;
  double pool[256], ties = 0;
  for (size_t i = 0; i < n; i++) pool[i] = i < n1 ? a[i] : b[i - n1];
  for (size_t i = 0; i < n; i++) {
    int first = 1;
    for (size_t j = 0; j < i; j++) first &= pool[j] != pool[i];
    if (!first) continue;
    double t = 0;
    for (size_t j = 0; j < n; j++) t += pool[j] == pool[i];
    ties += t * t * t - t;
  }
  double N = (double)n, m1 = (double)n1, m2 = (double)n2;
  double sd = sqrt(m1 * m2 / 12 * (N + 1 - ties / (N * (N - 1))));
  double z = (fabs(u_pairs(a, n1, b, n2) - m1 * m2 / 2) - 0.5) / sd;
  if (z < 0) z = 0;
  return erfc(z / sqrt(2));
}

static int close_to(double x, double y, double rel) { return fabs(x - y) <= rel * fabs(y) + 1e-15; }

static void check(const char *what, const double *a, size_t n1, const double *b, size_t n2) {
  stats_mwu r;
  stats_mwu_test_method(a, n1, b, n2, STATS_MWU_EXACT, &r);
  double u = u_pairs(a, n1, b, n2);
  tap_ok(r.u1 == u && r.u2 == (double)(n1 * n2) - u, "%s: U = %g (pair count %g)", what, r.u1, u);
  double pe = p_enumerate(a, n1, b, n2);
  tap_ok(r.exact && close_to(r.p, pe, 1e-12), "%s: exact p %.12g (enumeration %.12g)", what, r.p, pe);
  stats_mwu_test_method(a, n1, b, n2, STATS_MWU_NORMAL, &r);
  double pn = p_normal(a, n1, b, n2);
  tap_ok(!r.exact && close_to(r.p, pn, 1e-12), "%s: normal p %.12g (formula %.12g)", what, r.p, pn);
}

static unsigned long long rng_state = 88172645463325252ull;
static double rnd(void) { /* xorshift64, uniform in [0, 1) */
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 7;
  rng_state ^= rng_state << 17;
  return (double)(rng_state >> 11) / 9007199254740992.0;
}

int main(void) {
  stats_mwu r;
  (void)tap_skip;
  tap_diag("exact p-values up to %d pooled values, normal approximation above", STATS_MWU_EXACT_MAX);

  /* Textbook: completely separated samples of 3: U = 0, exact p = 2/C(6,3). */
  double a3[] = {1, 2, 3}, b3[] = {4, 5, 6};
  stats_mwu_test(a3, 3, b3, 3, &r);
  tap_ok(r.u1 == 0 && r.u2 == 9 && r.exact && close_to(r.p, 0.1, 1e-12),
         "separated 3 vs 3: U=%g, p=%g (expected 0, 0.1)", r.u1, r.p);

  /* Textbook (also SciPy's documented example): males {19,22,16,29,24} vs
   * females {20,11,17,12}: rank sum of males 32, U = 32 - 15 = 17; exact
   * two-sided p = 2 * 7/126; normal approximation
   * z = (17 - 10 - 0.5)/sqrt(5*4*10/12), p = 0.11134688653314041. */
  double m[] = {19, 22, 16, 29, 24}, f[] = {20, 11, 17, 12};
  stats_mwu_test(m, 5, f, 4, &r);
  tap_ok(r.u1 == 17 && r.u2 == 3, "textbook 5 vs 4: U = %g and %g (expected 17, 3)", r.u1, r.u2);
  tap_ok(close_to(r.p, 14.0 / 126, 1e-12), "textbook 5 vs 4: exact p = %.15g (expected 1/9)", r.p);
  stats_mwu_test_method(m, 5, f, 4, STATS_MWU_NORMAL, &r);
  tap_ok(close_to(r.p, 0.11134688653314041, 1e-9), "textbook 5 vs 4: normal p = %.15g (0.111346886533)", r.p);

  /* Ties: a = {1,2,2,3}, b = {2,3,3,4}: pairs a>b: 2>... counted by hand:
   * a=1: 0; a=2: ties with b=2 -> 0.5 each (two a's) = 1; a=3: > b=2 (1),
   * ties with two 3s (1) = 2.  U = 3. */
  double ta[] = {1, 2, 2, 3}, tb[] = {2, 3, 3, 4};
  stats_mwu_test(ta, 4, tb, 4, &r);
  tap_ok(r.u1 == 3 && r.u2 == 13, "ties: U = %g (expected 3 by hand), U2 = %g (13)", r.u1, r.u2);
  check("ties 4 vs 4", ta, 4, tb, 4);

  /* All values equal: no evidence of any shift. */
  double e[] = {5, 5, 5, 5};
  stats_mwu_test(e, 4, e, 4, &r);
  tap_ok(r.u1 == 8 && r.p == 1, "all tied: U = %g, p = %g (expected 8, 1)", r.u1, r.p);
  stats_mwu_test_method(e, 4, e, 4, STATS_MWU_NORMAL, &r);
  tap_ok(r.p == 1, "all tied, normal: p = %g (expected 1)", r.p);

  /* Symmetry: swapping the samples swaps U and keeps p. */
  stats_mwu s;
  stats_mwu_test(f, 4, m, 5, &s);
  stats_mwu_test(m, 5, f, 4, &r);
  tap_ok(s.u1 == r.u2 && close_to(s.p, r.p, 1e-12), "swap: U %g <-> %g, p %g = %g", s.u1, r.u2, s.p, r.p);

  /* Random samples, with and without ties, against enumeration. */
  for (int t = 0; t < 6; t++) {
    double a[8], b[8];
    size_t n1 = 3 + (size_t)t % 4, n2 = 4 + (size_t)(t * 3) % 5;
    for (size_t i = 0; i < n1; i++) a[i] = t % 2 ? floor(rnd() * 4) : rnd() + 0.3;
    for (size_t i = 0; i < n2; i++) b[i] = t % 2 ? floor(rnd() * 4) : rnd();
    char what[64];
    snprintf(what, sizeof what, "random %zu vs %zu%s", n1, n2, t % 2 ? " with ties" : "");
    check(what, a, n1, b, n2);
  }

  /* Large samples take the normal approximation in the default method. */
  double la[70], lb[70];
  for (int i = 0; i < 70; i++) la[i] = floor(rnd() * 20), lb[i] = floor(rnd() * 20) + 2;
  stats_mwu_test(la, 70, lb, 70, &r);
  double pn = p_normal(la, 70, lb, 70);
  tap_ok(!r.exact && close_to(r.p, pn, 1e-12) && r.u1 == u_pairs(la, 70, lb, 70),
         "70 vs 70 with ties: normal p %.6g (formula %.6g)", r.p, pn);
  /* ... and the exact method agrees with it roughly at that size. */
  stats_mwu x;
  stats_mwu_test_method(la, 30, lb, 30, STATS_MWU_EXACT, &x);
  stats_mwu_test_method(la, 30, lb, 30, STATS_MWU_NORMAL, &r);
  tap_ok(fabs(x.p - r.p) < 0.01, "30 vs 30: exact %.4g and normal %.4g p agree to 0.01", x.p, r.p);

  /* Smallest attainable p: 2 / C(n1+n2, n1). */
  tap_ok(close_to(stats_mwu_min_p(5, 5), 2.0 / 252, 1e-12) && stats_mwu_min_p(1, 1) == 1,
         "min p(5,5) = %g (2/252), min p(1,1) = %g (1)", stats_mwu_min_p(5, 5), stats_mwu_min_p(1, 1));

  /* Bad samples. */
  double nanv[] = {1, NAN};
  tap_ok(stats_mwu_test(nanv, 2, b3, 3, &r) == -1 && isnan(r.p), "NaN in a sample is refused");
  tap_ok(stats_mwu_test(a3, 0, b3, 3, &r) == -1, "empty sample is refused");

  /* Medians. */
  double md[] = {5, 1, 4, 2, 3}, me[] = {4, 1, 3, 2};
  tap_ok(stats_median(md, 5) == 3 && stats_median(me, 4) == 2.5 && isnan(stats_median(md, 0)),
         "median odd %g (3), even %g (2.5), empty NaN", stats_median(md, 5), stats_median(me, 4));
  tap_ok(md[0] == 5 && md[4] == 3, "median leaves its input alone");
  double sd[] = {2, 4, 4, 4, 5, 5, 7, 9};
  tap_ok(close_to(stats_stddev(sd, 8), sqrt(32.0 / 7), 1e-12), "sample stddev %g", stats_stddev(sd, 8));
  return tap_done();
}
