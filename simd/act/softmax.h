/* softmax and log_softmax, row-wise over rows of p->cols floats (p NULL: one
 * row of n).  Tiers u4 and approx.
 *
 * Three passes over a row, each streaming it once:
 *   1. m = max of the row, and whether it holds a NaN;
 *   2. s = sum of e_i = e^(x_i - m), accumulated in double (two vd sums per
 *      vector, so a lane adds cols/VF_LANES terms with 2^-53 roundings: the
 *      sum's relative error stays below 2^-28 up to cols = 2^24); softmax
 *      stores e_i into y on the way, log_softmax counts the entries equal
 *      to m in integer lanes (exact to 2^32 per lane);
 *   3. softmax: y_i = e_i * (1/s); log_softmax: y_i = (x_i - m) - log(s).
 * Both tiers make the same three passes (softmax: reads x twice and y once,
 * writes y twice; log_softmax reads x three times, writes y once).  One exp
 * per element: a two-pass "online" max-and-sum needs a second exp per
 * element in the output pass, which costs more than re-reading an L1/L2-
 * resident row.  No switch by row length: measured (results/<machine>/
 * softmax-speed.md), the three passes stay within 1.4x of one exp pass plus
 * one scale pass from 1000 floats up to DRAM-sized rows of 2^24, which is
 * all a two-pass variant could win back.
 *
 * u4: x_i - m is taken exactly as d + dl (2Sum; the rounding of d alone
 * would be |d| 2^-24 relative in e_i, 40 ULP near d = -87), e_i = e^d (1 + dl)
 * from sm_exp_u4 (< 1 ULP, then the dl correction rounded: < 1.5 ULP of e_i);
 * 1/s is applied as a float pair rh + rl (y = e rh + e rl), so y_i gets
 * e_i's relative error, at most doubled in ULPs when y_i sits higher in its
 * binade than e_i, plus its own rounding: the scans show 2.53 ULP (FMA
 * ISAs) and 2.96 (sse41 and scalar, where vf_mla rounds twice).
 * log_softmax: L = log(s) in double, with s = c + t where c counts the
 * entries equal to m (e_i = 1 exactly) and t sums the others, so when the
 * maximum is alone L = log1p(t) keeps its digits however small t is (outputs
 * near 0).  y_i = RN(RN(x_i - m) - RN(L)): |x_i - m| and L are at most |y_i|,
 * so the roundings cost 1.5 ULP; L carries the e_i's relative error scaled by
 * t/((1+t) log1p(t)) <= 1, which is what reaches 2.1 ULP at the maximum of
 * short rows with a close second (y = -L).
 * approx: d = RN(x_i - m), e_i = sm_exp_approx(d) (2^-13), the same sums.
 *
 * Special rows (reference/rows.h semantics), taken by a scalar path after
 * pass 1: a NaN anywhere gives a NaN row; m = +inf gives a one-hot row at the
 * single +inf (log_softmax: 0 there, -inf elsewhere) and a NaN row if +inf
 * occurs twice or more; m = -inf (every entry -inf) gives a NaN row.  A -inf
 * among finite entries gives 0 (log_softmax -inf) on the vector path.
 *
 * The row tail (cols % VF_LANES) goes through a VF_LANES buffer padded with
 * -inf, so the tail lanes run the same vector code and add exactly 0. */
#include <math.h>

#define SOFTMAX_PAD (-__builtin_inff())

/* vf from x[0..k) (k < VF_LANES), the other lanes -inf */
VEC_INLINE vf softmax_load_tail(const float *x, size_t k) {
  float buf[VF_LANES];
  for (size_t j = 0; j < VF_LANES; j++) buf[j] = j < k ? x[j] : SOFTMAX_PAD;
  return vf_loadu(buf);
}

/* sum of the lanes of two vd accumulators, without loss: each lane is split
 * into a float and its float residual (exact to 2^-48), both stored and
 * added in double */
VEC_INLINE double softmax_vd_sum(vd a_lo, vd a_hi) {
  float h[VF_LANES], l[VF_LANES];
  vf vh = vf_from_vd(a_lo, a_hi);
  vf vl = vf_from_vd(vd_sub(a_lo, vd_from_vf_lo(vh)), vd_sub(a_hi, vd_from_vf_hi(vh)));
  vf_storeu(h, vh);
  vf_storeu(l, vl);
  double s = 0.0;
  for (size_t j = 0; j < VF_LANES; j++) s += (double)h[j] + (double)l[j];
  return s;
}

/* the sum of the lanes of a vi of counts */
VEC_INLINE double softmax_count(vi t) {
  float b[VF_LANES];
  vf_storeu(b, vi_as_vf(t));
  double c = 0;
  for (size_t j = 0; j < VF_LANES; j++) {
    uint32_t u;
    memcpy(&u, &b[j], 4);
    c += u;
  }
  return c;
}

/* pass 1: the row maximum; returns 1 if the row holds a NaN */
VEC_INLINE int softmax_max(const float *x, size_t c, float *m) {
  vf vmax = vf_set1(SOFTMAX_PAD);
  vm nan = vf_lt(vmax, vmax); /* all false */
  size_t i = 0;
  for (; i + VF_LANES <= c; i += VF_LANES) {
    vf v = vf_loadu(x + i);
    nan = vm_or(nan, vf_isnan(v));
    vmax = vf_max(v, vmax);
  }
  if (i < c) {
    vf v = softmax_load_tail(x + i, c - i);
    nan = vm_or(nan, vf_isnan(v));
    vmax = vf_max(v, vmax);
  }
  *m = vf_reduce_max(vmax);
  return vm_any(nan);
}

/* rows with NaN, +inf, or only -inf (see the header comment) */
static void softmax_special(const float *x, float *y, size_t c, int has_nan, float m, int log) {
  size_t ninf = 0;
  if (!has_nan && m == __builtin_inff())
    for (size_t i = 0; i < c; i++) ninf += x[i] == m;
  if (has_nan || ninf != 1) {
    for (size_t i = 0; i < c; i++) y[i] = __builtin_nanf("");
    return;
  }
  for (size_t i = 0; i < c; i++) {
    int hot = x[i] == m;
    y[i] = log ? (hot ? 0.0f : -__builtin_inff()) : (hot ? 1.0f : 0.0f);
  }
}

/* e^(x - m) for one vector: the tier's exp of the exact difference (u4) or
 * of its rounding (approx); lanes at or below -inf give +0 */
VEC_INLINE vf softmax_exp_u4(vf x, vf m) {
  vf nm = vf_neg(m);
  vf d = vf_add(x, nm);                               /* 2Sum: d + dl = x - m */
  vf xv = vf_sub(d, nm);
  vf mv = vf_sub(d, xv);
  vf dl = vf_add(vf_sub(x, xv), vf_sub(nm, mv));
  vm far = vf_lt(d, vf_set1(-110.0f));                /* e^d = 0; dl may be NaN */
  dl = vf_select(far, vf_zero(), dl);
  vf e = sm_exp_u4(vf_max(d, vf_set1(-110.0f)));
  e = vf_select(far, vf_zero(), e);
  return vf_mla(e, dl, e);
}
VEC_INLINE vf softmax_exp_approx(vf x, vf m) {
  vf d = vf_max(vf_sub(x, m), vf_set1(-110.0f));
  vf e = sm_exp_approx(d);
  return vf_select(vf_lt(d, vf_set1(-105.0f)), vf_zero(), e);
}

/* Pass 2's sum of e (double, two halves); log_softmax first counts the
 * entries equal to the maximum m in ties (per lane, exact to 2^32) and leaves
 * them out of the sum (their e is 1: log1p of the rest keeps precision). */
VEC_INLINE void softmax_sum_step(vf v, vf e, vf m, int is_log, vi *ties, vd *slo, vd *shi) {
  if (is_log) {
    vm t = vf_eq(v, m);
    *ties = vi_add(*ties, vf_as_vi(vf_select(t, vi_as_vf(vi_set1(1)), vf_zero())));
    e = vf_select(t, vf_zero(), e);
  }
  *slo = vd_add(*slo, vd_from_vf_lo(e));
  *shi = vd_add(*shi, vd_from_vf_hi(e));
}

/* One row.  EXP is softmax_exp_u4 or softmax_exp_approx; IS_LOG selects
 * log_softmax. */
#define SOFTMAX_ROW(EXP, x, y, c, IS_LOG)                                              \
  do {                                                                             \
    float m_;                                                                      \
    int nan_ = softmax_max(x, c, &m_);                                             \
    if (nan_ || !(m_ < __builtin_inff()) || !(m_ > -__builtin_inff())) {           \
      softmax_special(x, y, c, nan_, m_, IS_LOG);                                     \
      break;                                                                       \
    }                                                                              \
    vf vm_ = vf_set1(m_);                                                          \
    vd slo = vd_set1(0.0), shi = vd_set1(0.0);                                     \
    vi ties = vi_set1(0); /* entries equal to m, per lane (exact to 2^32) */     \
    size_t i_ = 0;                                                                 \
    for (; i_ + VF_LANES <= c; i_ += VF_LANES) {                                   \
      vf v_ = vf_loadu(x + i_);                                                    \
      vf e_ = EXP(v_, vm_);                                                        \
      if (!IS_LOG) vf_storeu(y + i_, e_);                                          \
      softmax_sum_step(v_, e_, vm_, IS_LOG, &ties, &slo, &shi);                    \
    }                                                                              \
    if (i_ < c) {                                                                  \
      vf v_ = softmax_load_tail(x + i_, c - i_);                                   \
      vf e_ = EXP(v_, vm_);                                                        \
      if (!IS_LOG) vf_store_partial(y + i_, e_, c - i_);                           \
      softmax_sum_step(v_, e_, vm_, IS_LOG, &ties, &slo, &shi);                    \
    }                                                                              \
    double s_ = softmax_vd_sum(slo, shi);                                          \
    if (!IS_LOG) {                                                                 \
      /* 1/s as rh + rl (float pair, 2^-48): y = e rh + e rl drops the      \
       * rounding of 1/s (up to 1 ULP of y at the top of a binade) */         \
      double inv_ = 1.0 / s_;                                                      \
      float rhf_ = (float)inv_;                                                    \
      vf rh_ = vf_set1(rhf_), rl_ = vf_set1((float)(inv_ - (double)rhf_));         \
      i_ = 0;                                                                      \
      for (; i_ + VF_LANES <= c; i_ += VF_LANES) {                                 \
        vf e_ = vf_loadu(y + i_);                                                  \
        vf_storeu(y + i_, vf_mla(e_, rh_, vf_mul(e_, rl_)));                       \
      }                                                                            \
      if (i_ < c) {                                                                \
        vf e_ = vf_load_partial(y + i_, c - i_);                                   \
        vf_store_partial(y + i_, vf_mla(e_, rh_, vf_mul(e_, rl_)), c - i_);        \
      }                                                                            \
    } else {                                                                       \
      double cnt_ = softmax_count(ties);                                           \
      double L_ = cnt_ == 1.0 ? log1p(s_) : log(cnt_ + s_);                        \
      vf l_ = vf_set1((float)L_);                                                  \
      /* at the maximum: -L, so -0 (as the reference) when L rounds to 0 */      \
      vf ym_ = vf_set1(-(float)L_);                                                \
      i_ = 0;                                                                      \
      for (; i_ + VF_LANES <= c; i_ += VF_LANES) {                                 \
        vf v_ = vf_loadu(x + i_);                                                  \
        vf_storeu(y + i_, vf_select(vf_eq(v_, vm_), ym_, vf_sub(vf_sub(v_, vm_), l_))); \
      }                                                                            \
      if (i_ < c) {                                                                \
        vf v_ = vf_load_partial(x + i_, c - i_);                                   \
        vf_store_partial(y + i_, vf_select(vf_eq(v_, vm_), ym_, vf_sub(vf_sub(v_, vm_), l_)), c - i_); \
      }                                                                            \
    }                                                                              \
  } while (0)

#define SOFTMAX_KERNEL(act, tier, EXP, IS_LOG)                                        \
  void SIMDACT_SYM(act, tier)(const float *x, float *y, size_t n,                  \
                              const simdact_params *p) {                           \
    size_t c = p ? p->cols : n;                                                    \
    if (c == 0) return;                                                            \
    for (size_t r = 0; r + c <= n; r += c) SOFTMAX_ROW(EXP, (x + r), (y + r), c, IS_LOG); \
  }

SOFTMAX_KERNEL(softmax, u4, softmax_exp_u4, 0)
SOFTMAX_KERNEL(softmax, approx, softmax_exp_approx, 0)
SOFTMAX_KERNEL(log_softmax, u4, softmax_exp_u4, 1)
SOFTMAX_KERNEL(log_softmax, approx, softmax_exp_approx, 1)
