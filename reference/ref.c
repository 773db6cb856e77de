/* The references: special values (one place), MPFR values, fast double-double
 * values with rigorous error bounds, correct rounding and the ULP metric.
 *
 * Error bounds of the double references (u = 2^-53; glibc's double exp,
 * expm1, log1p, tanh are taken at <= 1, 1, 1, 2 ulp = 2, 2, 2, 4 u relative
 * and erfc at <= 5 ulp = 10 u; tests/ref_double checks every bound below
 * against MPFR on >= 10^6 inputs over every binade of both signs and prints
 * the worst observed fraction of it).  Each bound is absolute, per input, plus
 * REF_ERR_FLOOR:
 *   exact:  binary_step linear relu leaky_relu prelu (err 0: hi + lo is
 *           f(x) exactly), hard_sigmoid hard_swish (0 when exact, else
 *           2^-100 |f|)
 *   sigmoid   x <= -1: 8u f;  |x| < 1: 0.5 + tanh(x/2)/2, 4u |tanh|;
 *             x >= 1: 1 - s, s = e^-x/(1+e^-x), 8u s
 *   tanh      |x| < 2^-8: x + odd series to x^7, 4u |series| + 0.025 x^9;
 *             |x| < 0.55: 6u |f|;  else 1 - 2w/(1+w), w = e^-2|x|: 8u d
 *   softsign  |x| < 1: 3u |f|;  else 1 - 1/(1+|x|): 3u d
 *   elu/selu  alpha*expm1 (x >= -1, 3u) or alpha*(-1 + e^x) (4u e^x), times
 *             alpha (or lambda*alpha as double-double)
 *   softplus  max(z,0) + log1p(e^-|z|), z = beta x: 6u log1p term
 *   swish     |z| < 2^-12: x/2 + series c to z^3, 4u |c| + |x z^5|/400;
 *             z >= 0: x - x s(-z): 6u |x s|;  z < 0: x s(z): 7u |f|
 *   gelu      erfc form on both sides, 1.5 (12 + 2 (2z + 1.2) z) u of the
 *             erfc term, z = |x|/sqrt2 (argument rounding times erfc's
 *             logarithmic derivative <= 2z + 1.2)
 *   gelu_tanh x sigmoid(2u) with v = 2u: 1.5 (6 + 7|v|) u of the sigmoid term
 *   mish      |x| < 2^-20: 3x/5 (double-double) + series to x^3,
 *             2^-103 |x| + 2u x^2 + 0.05 x^4;
 *             x n/(n+2), n = e^x (e^x + 2) (x < 0, 14u |f|), x - 2x t^2/(1 + 2t
 *             + 2t^2), t = e^-x (x > 0, 15u of the correction)
 *   expm1, log1p, erf (test-only): glibc double, 3u |f|; erf |x| >= 1 as
 *             1 - erfc, 12u erfc; expm1 x < -1 as -1 + e^x, 4u e^x
 */
#include "config.h"

#include <float.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ref_impl.h"

static const char *const act_names[REF_ACT_COUNT] = {
    "binary_step", "linear", "relu", "leaky_relu", "prelu", "elu", "selu",
    "sigmoid", "tanh", "softplus", "softsign", "swish", "silu", "gelu",
    "gelu_tanh", "mish", "hard_sigmoid", "hard_swish", "maxout", "softmax",
    "log_softmax", "expm1", "log1p", "erf"};

int ref_act_id(const char *name) {
  if (!name) return -1;
  for (int i = 0; i < REF_ACT_COUNT; i++)
    if (strcmp(name, act_names[i]) == 0) return i;
  return -1;
}
const char *ref_act_name(int id) { return id >= 0 && id < REF_ACT_COUNT ? act_names[id] : NULL; }
int ref_act_elementwise(int id) {
  return id >= 0 && id < REF_ACT_COUNT && id != REF_MAXOUT && id != REF_SOFTMAX && id != REF_LOG_SOFTMAX;
}

/* Default prelu slope when no params are given (PyTorch's initial value). */
#define REF_PRELU_DEFAULT_SLOPE 0.25f

int ref_par_init(ref_par *q, int act, const simdact_params *p) {
  if (act < 0 || act >= REF_ACT_COUNT) return -1;
  simdact_params d;
  /* the library knows the defaults of src/defaults.h; acts without kernels
   * yet are unknown to it but still get alpha = 1, beta = 0 */
  simdact_params_default(act_names[act], &d);
  if (!p) p = &d;
  q->act = act;
  q->a = p->alpha;
  q->b = p->beta;
  if (act == REF_PRELU) q->a = p->slope ? p->slope[0] : REF_PRELU_DEFAULT_SLOPE;
  if (act == REF_SILU) q->b = 1.0;
  return 0;
}

/* ---------------- special values: the one definition ---------------- */

/* NaN -> NaN for every activation.  +-inf -> the limit.  +-0 -> the value
 * with its sign from the formula (IEEE signed-zero rules: alpha*(-0) = -0,
 * x > 0 ? x : +0 gives +0, x*sigmoid(x) at -0 is -0).  Zeros whose result is
 * not a zero (sigmoid 0.5, softplus ln2/beta, ...) go through the formula. */
int ref_special(const ref_par *q, float x, float *out) {
  if (isnan(x)) { *out = x; return 1; }
  int neg = signbit(x) != 0;
  float a = (float)q->a, b = (float)q->b;
  if (isinf(x)) {
    switch (q->act) {
    case REF_BINARY_STEP: *out = neg ? 0.0f : 1.0f; return 1;
    case REF_LINEAR: *out = a == 0 ? b : (a > 0) != neg ? INFINITY : -INFINITY; return 1;
    case REF_RELU: *out = neg ? 0.0f : x; return 1;
    case REF_LEAKY_RELU: case REF_PRELU:
      *out = !neg ? x : a == 0 ? -0.0f : a * x; return 1;
    case REF_ELU: *out = neg ? -a : x; return 1;
    case REF_SELU: {
      if (!neg) { *out = x; return 1; }
      ref_dd v; ref_eval(q, -FLT_MAX, &v); /* selu(-FLT_MAX) = -lambda*alpha rounded */
      *out = (float)v.hi; return 1;
    }
    case REF_SIGMOID: case REF_HARD_SIGMOID: *out = neg ? 0.0f : 1.0f; return 1;
    case REF_TANH: case REF_SOFTSIGN: *out = neg ? -1.0f : 1.0f; return 1;
    /* softplus and swish with z = beta x: z -> +inf gives x; z -> -inf
     * gives softplus's zero with the sign of beta, swish's with that of x
     * (beta = 0: swish = x/2 -> x) */
    case REF_SOFTPLUS: *out = (b > 0) != neg ? x : b > 0 ? 0.0f : -0.0f; return 1;
    case REF_SWISH: *out = b == 0 || (b > 0) != neg ? x : neg ? -0.0f : 0.0f; return 1;
    case REF_SILU: case REF_GELU: case REF_GELU_TANH: case REF_MISH:
    case REF_HARD_SWISH:
      *out = neg ? -0.0f : x; return 1;
    case REF_FN_EXPM1: *out = neg ? -1.0f : x; return 1;
    case REF_FN_LOG1P: *out = neg ? NAN : x; return 1;
    case REF_FN_ERF: *out = neg ? -1.0f : 1.0f; return 1;
    default: *out = x; return 1;
    }
  }
  if (x == 0) {
    switch (q->act) {
    case REF_BINARY_STEP: case REF_RELU: *out = 0.0f; return 1;
    case REF_LEAKY_RELU: case REF_PRELU: case REF_ELU:
      *out = neg ? a * x : 0.0f * a; return 1; /* alpha*x, alpha*expm1(x) */
    case REF_SELU: *out = neg ? -0.0f : 0.0f; return 1;
    case REF_TANH: case REF_SOFTSIGN: case REF_SWISH: case REF_SILU: case REF_GELU:
    case REF_GELU_TANH: case REF_MISH: case REF_HARD_SWISH: case REF_FN_EXPM1: case REF_FN_LOG1P:
    case REF_FN_ERF:
      *out = x; return 1;
    default: return 0; /* linear, sigmoid, softplus, hard_sigmoid: formula */
    }
  }
  return 0;
}

/* ---------------- MPFR references ---------------- */

static atomic_uint_fast64_t mpfr_calls;
uint64_t ref_mpfr_count(void) { return atomic_load(&mpfr_calls); }

mpfr_prec_t ref_mpfr_prec(const ref_par *q) { return q->act == REF_LINEAR ? 640 : REF_PREC; }

/* selu's constants, exactly the decimals of DESIGN section 3. */
#define SELU_LAMBDA "1.0507009873554805"
#define SELU_ALPHA "1.6732632423543772"
/* gelu_tanh's constant 0.044715, exactly that decimal */
#define GELU_TANH_C "0.044715"

/* r = 1/(1+e^-v), cancellation-free on both sides. */
static void mp_sigmoid(mpfr_t r, const mpfr_t v) {
  mpfr_t t;
  mpfr_init2(t, mpfr_get_prec(r) + 16);
  if (mpfr_sgn(v) >= 0) {
    mpfr_neg(t, v, MPFR_RNDN);
    mpfr_exp(t, t, MPFR_RNDN);
    mpfr_add_ui(t, t, 1, MPFR_RNDN);
    mpfr_ui_div(r, 1, t, MPFR_RNDN);
  } else {
    mpfr_exp(t, v, MPFR_RNDN);
    mpfr_t d;
    mpfr_init2(d, mpfr_get_prec(r) + 16);
    mpfr_add_ui(d, t, 1, MPFR_RNDN);
    mpfr_div(r, t, d, MPFR_RNDN);
    mpfr_clear(d);
  }
  mpfr_clear(t);
}

/* x sigmoid(t) as A + B (swish, gelu_tanh): where sigmoid(t) -> 1 (upper,
 * t > 0) as x - x sigmoid(-t), so that B is far below A = x; otherwise B =
 * x sigmoid(t).  t is negated in place on the upper side; u is scratch. */
static void mp_x_sigmoid(mpfr_t A, mpfr_t B, const mpfr_t x, mpfr_t t, mpfr_t u, int upper) {
  if (upper) {
    mpfr_neg(t, t, MPFR_RNDN);
    mp_sigmoid(u, t);
    mpfr_mul(u, u, x, MPFR_RNDN);
    mpfr_neg(B, u, MPFR_RNDN);
    mpfr_set(A, x, MPFR_RNDN);
  } else {
    mp_sigmoid(u, t);
    mpfr_mul(B, x, u, MPFR_RNDN);
  }
}

/* r = log(1 + e^z) = max(z,0) + log1p(e^-|z|) (mish, x <= 0) */
static void mp_softplus(mpfr_t r, const mpfr_t z) {
  mpfr_t t;
  mpfr_init2(t, mpfr_get_prec(r) + 16);
  mpfr_abs(t, z, MPFR_RNDN);
  mpfr_neg(t, t, MPFR_RNDN);
  mpfr_exp(t, t, MPFR_RNDN);
  mpfr_log1p(t, t, MPFR_RNDN);
  if (mpfr_sgn(z) > 0) mpfr_add(r, t, z, MPFR_RNDN);
  else mpfr_set(r, t, MPFR_RNDN);
  mpfr_clear(t);
}

/* f(x) = A + B: A a value held exactly (0, +-1, x, -alpha, the selu limit),
 * B the part that carries the rest, each to REF_PREC bits relative.  Where f
 * saturates (sigmoid -> 1, gelu -> x, elu -> -alpha ...), B is far below A and
 * a fixed-precision sum would lose the side of A that f is on, which decides
 * the binade of the metric; ref_mpfr_value adds them at a precision that
 * keeps it. */
static void mp_parts(const ref_par *q, float xf, mpfr_t A, mpfr_t B) {
  mpfr_prec_t prec = mpfr_get_prec(B) + 32;
  mpfr_t x, t, u, w;
  mpfr_inits2(prec, x, t, u, w, (mpfr_ptr)0);
  mpfr_set_flt(x, xf, MPFR_RNDN);
  mpfr_set_zero(A, 1);
  mpfr_set_zero(B, 1);
  int pos = xf > 0;
  switch (q->act) {
  case REF_BINARY_STEP: mpfr_set_ui(A, pos, MPFR_RNDN); break;
  case REF_LINEAR:
    mpfr_set_d(t, q->a, MPFR_RNDN);
    mpfr_set_d(u, q->b, MPFR_RNDN);
    mpfr_fma(A, t, x, u, MPFR_RNDN);
    break;
  case REF_RELU:
    if (pos) mpfr_set(A, x, MPFR_RNDN);
    break;
  case REF_LEAKY_RELU: case REF_PRELU:
    if (pos) mpfr_set(A, x, MPFR_RNDN); else mpfr_mul_d(A, x, q->a, MPFR_RNDN);
    break;
  case REF_ELU: case REF_SELU: /* x > 0: x; else alpha (e^x - 1) = -alpha + alpha e^x */
    if (q->act == REF_ELU) mpfr_set_d(u, q->a, MPFR_RNDN);
    else mpfr_set_str(u, SELU_ALPHA, 10, MPFR_RNDN);
    mpfr_set_str(w, SELU_LAMBDA, 10, MPFR_RNDN);
    if (pos) {
      if (q->act == REF_ELU) mpfr_set(A, x, MPFR_RNDN);
      else mpfr_mul(B, x, w, MPFR_RNDN);
    } else if (xf >= -1) {
      mpfr_expm1(t, x, MPFR_RNDN);
      mpfr_mul(t, t, u, MPFR_RNDN);
      if (q->act == REF_SELU) mpfr_mul(t, t, w, MPFR_RNDN);
      mpfr_set(B, t, MPFR_RNDN);
    } else {
      mpfr_exp(t, x, MPFR_RNDN);
      mpfr_mul(t, t, u, MPFR_RNDN);
      if (q->act == REF_SELU) { mpfr_mul(t, t, w, MPFR_RNDN); mpfr_mul(u, u, w, MPFR_RNDN); }
      mpfr_neg(A, u, MPFR_RNDN);
      mpfr_set(B, t, MPFR_RNDN);
    }
    break;
  case REF_SIGMOID: /* x > 0: 1 - sigmoid(-x) */
    if (pos) {
      mpfr_neg(t, x, MPFR_RNDN);
      mp_sigmoid(u, t);
      mpfr_set_ui(A, 1, MPFR_RNDN);
      mpfr_neg(B, u, MPFR_RNDN);
    } else mp_sigmoid(B, x);
    break;
  case REF_TANH: /* |x| >= 1/2: sign (1 - 2 e^-2|x| / (1 + e^-2|x|)) */
    if (fabsf(xf) < 0.5f) mpfr_tanh(B, x, MPFR_RNDN);
    else {
      mpfr_abs(t, x, MPFR_RNDN);
      mpfr_mul_si(t, t, -2, MPFR_RNDN);
      mpfr_exp(t, t, MPFR_RNDN);
      mpfr_add_ui(u, t, 1, MPFR_RNDN);
      mpfr_div(t, t, u, MPFR_RNDN);
      mpfr_mul_si(B, t, pos ? -2 : 2, MPFR_RNDN);
      mpfr_set_si(A, pos ? 1 : -1, MPFR_RNDN);
    }
    break;
  case REF_SOFTPLUS: { /* (max(z,0) + log1p(e^-|z|)) / beta, z = beta x */
    mpfr_mul_d(t, x, q->b, MPFR_RNDN);
    mpfr_abs(u, t, MPFR_RNDN);
    mpfr_neg(u, u, MPFR_RNDN);
    mpfr_exp(u, u, MPFR_RNDN);
    mpfr_log1p(u, u, MPFR_RNDN);
    mpfr_div_d(B, u, q->b, MPFR_RNDN);
    if (mpfr_sgn(t) > 0) mpfr_div_d(A, t, q->b, MPFR_RNDN); /* x exactly when beta divides */
    break;
  }
  case REF_SOFTSIGN: /* |x| >= 1: sign (1 - 1/(1+|x|)) */
    mpfr_abs(t, x, MPFR_RNDN);
    mpfr_add_ui(t, t, 1, MPFR_RNDN);
    if (fabsf(xf) < 1) mpfr_div(B, x, t, MPFR_RNDN);
    else {
      mpfr_ui_div(t, 1, t, MPFR_RNDN);
      if (pos) mpfr_neg(B, t, MPFR_RNDN); else mpfr_set(B, t, MPFR_RNDN);
      mpfr_set_si(A, pos ? 1 : -1, MPFR_RNDN);
    }
    break;
  case REF_SWISH: case REF_SILU: /* z >= 0: x - x sigmoid(-z) */
    mpfr_mul_d(t, x, q->b, MPFR_RNDN);
    mp_x_sigmoid(A, B, x, t, u, mpfr_sgn(t) > 0);
    break;
  case REF_GELU: /* x < 0: x erfc(|x|/sqrt2)/2;  x > 0: x - x erfc(x/sqrt2)/2 */
    mpfr_sqrt_ui(t, 2, MPFR_RNDN);
    mpfr_abs(u, x, MPFR_RNDN);
    mpfr_div(t, u, t, MPFR_RNDN);
    mpfr_erfc(u, t, MPFR_RNDN);
    mpfr_mul(u, u, x, MPFR_RNDN);
    mpfr_div_2ui(u, u, 1, MPFR_RNDN);
    if (pos) { mpfr_set(A, x, MPFR_RNDN); mpfr_neg(B, u, MPFR_RNDN); }
    else mpfr_set(B, u, MPFR_RNDN);
    break;
  case REF_GELU_TANH: /* 0.5 x (1 + tanh(w)) = x sigmoid(v), v = 2 sqrt(2/pi)(x + c x^3) */
    mpfr_pow_ui(t, x, 3, MPFR_RNDN);
    mpfr_set_str(u, GELU_TANH_C, 10, MPFR_RNDN);
    mpfr_mul(t, t, u, MPFR_RNDN);
    mpfr_add(t, t, x, MPFR_RNDN);
    mpfr_const_pi(u, MPFR_RNDN);
    mpfr_ui_div(u, 2, u, MPFR_RNDN);
    mpfr_sqrt(u, u, MPFR_RNDN);
    mpfr_mul(t, t, u, MPFR_RNDN);
    mpfr_mul_2ui(t, t, 1, MPFR_RNDN);
    mp_x_sigmoid(A, B, x, t, u, pos);
    break;
  case REF_MISH: /* x tanh(softplus x); x > 0: x - 2x t^2/(1 + 2t + 2t^2), t = e^-x */
    if (pos) {
      mpfr_neg(t, x, MPFR_RNDN);
      mpfr_exp(t, t, MPFR_RNDN);
      mpfr_sqr(u, t, MPFR_RNDN);
      mpfr_add(w, t, u, MPFR_RNDN);
      mpfr_mul_2ui(w, w, 1, MPFR_RNDN);
      mpfr_add_ui(w, w, 1, MPFR_RNDN);
      mpfr_mul(u, u, x, MPFR_RNDN);
      mpfr_mul_si(u, u, -2, MPFR_RNDN);
      mpfr_div(B, u, w, MPFR_RNDN);
      mpfr_set(A, x, MPFR_RNDN);
    } else {
      mp_softplus(t, x);
      mpfr_tanh(t, t, MPFR_RNDN);
      mpfr_mul(B, x, t, MPFR_RNDN);
    }
    break;
  case REF_HARD_SIGMOID:
    if (xf >= 3) mpfr_set_ui(A, 1, MPFR_RNDN);
    else if (xf > -3) {
      mpfr_add_ui(t, x, 3, MPFR_RNDN);
      mpfr_div_ui(A, t, 6, MPFR_RNDN);
    }
    break;
  case REF_HARD_SWISH:
    if (xf <= -3) mpfr_set_zero(A, -1);
    else if (xf >= 3) mpfr_set(A, x, MPFR_RNDN);
    else {
      mpfr_add_ui(t, x, 3, MPFR_RNDN);
      mpfr_mul(t, t, x, MPFR_RNDN);
      mpfr_div_ui(A, t, 6, MPFR_RNDN);
    }
    break;
  case REF_FN_EXPM1: /* x < -1: -1 + e^x */
    if (xf >= -1) mpfr_expm1(B, x, MPFR_RNDN);
    else { mpfr_exp(B, x, MPFR_RNDN); mpfr_set_si(A, -1, MPFR_RNDN); }
    break;
  case REF_FN_LOG1P: mpfr_log1p(B, x, MPFR_RNDN); break;
  case REF_FN_ERF: /* |x| >= 1/2: sign (1 - erfc|x|) */
    if (fabsf(xf) < 0.5f) mpfr_erf(B, x, MPFR_RNDN);
    else {
      mpfr_abs(t, x, MPFR_RNDN);
      mpfr_erfc(t, t, MPFR_RNDN);
      if (pos) mpfr_neg(B, t, MPFR_RNDN); else mpfr_set(B, t, MPFR_RNDN);
      mpfr_set_si(A, pos ? 1 : -1, MPFR_RNDN);
    }
    break;
  default: mpfr_set_flt(A, xf, MPFR_RNDN); break; /* maxout of one value */
  }
  mpfr_clears(x, t, u, w, (mpfr_ptr)0);
}

void ref_mpfr_combine(mpfr_t f, mpfr_srcptr A, mpfr_srcptr B, mpfr_prec_t prec) {
  if (mpfr_zero_p(B)) {
    mpfr_set_prec(f, prec);
    mpfr_set(f, A, MPFR_RNDN);
  } else if (mpfr_zero_p(A)) {
    mpfr_set_prec(f, prec);
    mpfr_set(f, B, MPFR_RNDN);
  } else {
    /* enough bits to hold A + B exactly when B is within 4000 bits of A;
     * beyond that B only tells the side, kept as a sticky 2^(e_A - 4000) */
    long gap = mpfr_get_exp(A) - mpfr_get_exp(B);
    if (gap < 0) gap = 0;
    if (gap > 4000) {
      mpfr_t s;
      mpfr_init2(s, 8);
      mpfr_set_si_2exp(s, mpfr_sgn(B), mpfr_get_exp(A) - 4000, MPFR_RNDN);
      mpfr_set_prec(f, 4100);
      mpfr_add(f, A, s, MPFR_RNDN);
      mpfr_clear(s);
    } else {
      mpfr_prec_t pa = mpfr_get_prec(A) > prec ? mpfr_get_prec(A) : prec;
      mpfr_set_prec(f, pa + gap + 8);
      mpfr_add(f, A, B, MPFR_RNDN);
    }
  }
}

void ref_mpfr_value(const ref_par *q, float xf, mpfr_t f) {
  atomic_fetch_add_explicit(&mpfr_calls, 1, memory_order_relaxed);
  mpfr_prec_t prec = ref_mpfr_prec(q);
  mpfr_t A, B;
  mpfr_inits2(prec, A, B, (mpfr_ptr)0);
  mp_parts(q, xf, A, B);
  ref_mpfr_combine(f, A, B, prec);
  mpfr_clears(A, B, (mpfr_ptr)0);
}

void ref_mpfr_note_call(void) { atomic_fetch_add_explicit(&mpfr_calls, 1, memory_order_relaxed); }

/* |y - f| / 2^(max(floor(log2|f|), -126) - 23); infinities as +-2^128. */
double ref_ulp_mpfr(mpfr_srcptr f, float y) {
  if (mpfr_nan_p(f)) return isnan(y) ? 0.0 : INFINITY;
  if (isnan(y)) return INFINITY;
  if (isinf(y) && mpfr_get_flt(f, MPFR_RNDN) == y) return 0; /* correctly rounded overflow */
  mpfr_t d, ff;
  mpfr_init2(d, mpfr_get_prec(f) + 160);
  mpfr_init2(ff, mpfr_get_prec(f));
  if (mpfr_inf_p(f)) mpfr_set_si_2exp(ff, mpfr_sgn(f), 128, MPFR_RNDN);
  else mpfr_set(ff, f, MPFR_RNDN);
  if (isinf(y)) mpfr_set_si_2exp(d, y > 0 ? 1 : -1, 128, MPFR_RNDN);
  else mpfr_set_flt(d, y, MPFR_RNDN);
  mpfr_sub(d, d, ff, MPFR_RNDN);
  mpfr_abs(d, d, MPFR_RNDN);
  long e = -126;
  if (!mpfr_zero_p(ff)) {
    long fe = mpfr_get_exp(ff) - 1; /* f = m 2^exp with m in [1/2, 1) */
    if (fe > e) e = fe;
  }
  mpfr_mul_2si(d, d, -(e - 23), MPFR_RNDN);
  double r = mpfr_get_d(d, MPFR_RNDU);
  mpfr_clears(d, ff, (mpfr_ptr)0);
  return r;
}

double ref_abs_err_mpfr(mpfr_srcptr f, float y) {
  if (mpfr_nan_p(f) || isnan(y)) return mpfr_nan_p(f) && isnan(y) ? 0.0 : INFINITY;
  mpfr_t d;
  mpfr_init2(d, mpfr_get_prec(f) + 160);
  if (isinf(y)) mpfr_set_si_2exp(d, y > 0 ? 1 : -1, 128, MPFR_RNDN);
  else mpfr_set_flt(d, y, MPFR_RNDN);
  if (mpfr_inf_p(f)) {
    mpfr_t g; mpfr_init2(g, 8); mpfr_set_si_2exp(g, mpfr_sgn(f), 128, MPFR_RNDN);
    mpfr_sub(d, d, g, MPFR_RNDN); mpfr_clear(g);
  } else mpfr_sub(d, d, f, MPFR_RNDN);
  double r = fabs(mpfr_get_d(d, MPFR_RNDN));
  mpfr_clear(d);
  return r;
}

void ref_exact_of(mpfr_srcptr f, const float *y, ref_exact *out) {
  out->r = mpfr_get_flt(f, MPFR_RNDN);
  out->hi = mpfr_get_d(f, MPFR_RNDN);
  out->lo = 0;
  if (mpfr_number_p(f) && !mpfr_zero_p(f) && isfinite(out->hi)) {
    mpfr_t t;
    mpfr_init2(t, mpfr_get_prec(f));
    mpfr_sub_d(t, f, out->hi, MPFR_RNDN);
    out->lo = mpfr_get_d(t, MPFR_RNDN);
    /* a remainder below the double range still tells the side of hi */
    if (out->lo == 0 && !mpfr_zero_p(t)) out->lo = mpfr_sgn(t) > 0 ? 0x1p-1074 : -0x1p-1074;
    mpfr_clear(t);
  }
  if (y) {
    out->ulp = ref_ulp_mpfr(f, *y);
    out->abs_err = ref_abs_err_mpfr(f, *y);
  } else out->ulp = out->abs_err = 0;
}

void ref_mpfr_eval(const ref_par *q, float x, const float *y, ref_exact *out) {
  float s;
  mpfr_t f;
  mpfr_init2(f, ref_mpfr_prec(q));
  if (ref_special(q, x, &s)) mpfr_set_flt(f, s, MPFR_RNDN);
  else ref_mpfr_value(q, x, f);
  ref_exact_of(f, y, out);
  mpfr_clear(f);
}

/* ---------------- double references ---------------- */

static struct {
  double lam_hi, lam_lo;  /* selu lambda */
  double k_hi, k_lo;      /* selu lambda*alpha */
  double alpha;           /* selu alpha (double nearest) */
} consts;
static pthread_once_t consts_once = PTHREAD_ONCE_INIT;
static void dd_of(mpfr_srcptr v, double *hi, double *lo) {
  mpfr_t t;
  mpfr_init2(t, mpfr_get_prec(v));
  *hi = mpfr_get_d(v, MPFR_RNDN);
  mpfr_sub_d(t, v, *hi, MPFR_RNDN);
  *lo = mpfr_get_d(t, MPFR_RNDN);
  mpfr_clear(t);
}
static void consts_init(void) {
  mpfr_t l, a;
  mpfr_inits2(REF_PREC, l, a, (mpfr_ptr)0);
  mpfr_set_str(l, SELU_LAMBDA, 10, MPFR_RNDN);
  mpfr_set_str(a, SELU_ALPHA, 10, MPFR_RNDN);
  dd_of(l, &consts.lam_hi, &consts.lam_lo);
  consts.alpha = mpfr_get_d(a, MPFR_RNDN);
  mpfr_mul(a, a, l, MPFR_RNDN);
  dd_of(a, &consts.k_hi, &consts.k_lo);
  mpfr_clears(l, a, (mpfr_ptr)0);
}

#define U REF_U
/* 1/sqrt(2), sqrt(2/pi), 0.044715 to double (correctly rounded, checked
 * against MPFR in tests/ref_double through the gelu and gelu_tanh bounds) */
static const double INV_SQRT2 = 0.70710678118654752440;
/* 3/5 - 0.6 (the double nearest 3/5), from exact rational arithmetic */
static const double MISH_TINY_DELTA = 0x1.999999999999ap-56;
static const double SQRT_2_OVER_PI = 0.79788456080286535588;
static const double GELU_C = 0.044715;

/* sigmoid(v) for v < 0 as (s, rel err bound of s in u) */
static inline double sig_neg(double v) {
  double t = exp(v);
  return t / (1 + t);
}

/* A saturating form A + B whose B underflowed to 0 in double: B is still
 * nonzero with a known sign, below REF_ERR_FLOOR.  Keep that side as a
 * sticky lo of REF_ERR_FLOOR (|f - (hi + lo)| < REF_ERR_FLOOR, the floor
 * every transcendental bound has), so the binade and the rounding of values
 * like sigmoid(1e30) = 1 - tiny stay decided. */
static inline void sticky(double b, double *lo, double dir) {
  if (b == 0 && *lo == 0) *lo = dir * REF_ERR_FLOOR;
}

/* expm1(x) for x <= 0 as hi + lo with abs error *err */
static inline void expm1_dd(double x, double *hi, double *lo, double *err) {
  if (x >= -1) {
    *hi = expm1(x); *lo = 0; *err = 3 * U * fabs(*hi);
  } else {
    double t = exp(x);
    ref_two_sum(-1.0, t, hi, lo);
    sticky(t, lo, 1.0);
    *err = 4 * U * t;
  }
}

void ref_eval(const ref_par *q, float xf, ref_dd *o) {
  float s;
  if (ref_special(q, xf, &s)) { o->hi = s; o->lo = 0; o->err = 0; return; }
  double x = xf, hi = 0, lo = 0, err = 0;
  switch (q->act) {
  case REF_BINARY_STEP: hi = x > 0; break;
  case REF_LINEAR: ref_two_sum(q->a * x, q->b, &hi, &lo); break;
  case REF_RELU: hi = x > 0 ? x : 0; break;
  case REF_LEAKY_RELU: case REF_PRELU: hi = x > 0 ? x : q->a * x; break;
  case REF_ELU:
    if (x > 0) hi = x;
    else {
      double m, ml, me, pe;
      expm1_dd(x, &m, &ml, &me);
      ref_two_prod(q->a, m, &hi, &pe);
      lo = pe + q->a * ml;
      err = fabs(q->a) * me + 0x1p-100 * fabs(hi);
    }
    break;
  case REF_SELU:
    pthread_once(&consts_once, consts_init);
    if (x > 0) {
      double pe;
      ref_two_prod(consts.lam_hi, x, &hi, &pe);
      lo = pe + consts.lam_lo * x;
      err = 0x1p-100 * fabs(hi);
    } else {
      double m, ml, me, pe;
      expm1_dd(x, &m, &ml, &me);
      ref_two_prod(consts.k_hi, m, &hi, &pe);
      lo = pe + consts.k_hi * ml + consts.k_lo * m;
      err = fabs(consts.k_hi) * me * 1.01 + 0x1p-100 * fabs(hi);
    }
    break;
  case REF_SIGMOID:
    if (x <= -1) { hi = sig_neg(x); err = 8 * U * hi; }
    else if (x < 1) {
      double th = 0.5 * tanh(0.5 * x);
      ref_two_sum(0.5, th, &hi, &lo);
      err = 6 * U * fabs(th);
    } else {
      double sn = sig_neg(-x);
      ref_two_sum(1.0, -sn, &hi, &lo);
      sticky(sn, &lo, -1.0);
      err = 8 * U * sn;
    }
    break;
  case REF_TANH: {
    double a = fabs(x);
    if (a < 0x1p-8) {
      /* a + c, c = a (-a^2/3 + 2a^4/15 - 17a^6/315): f is within a hair of
       * the float a, so keep the hair exactly (truncation < 0.022 a^9) */
      double a2 = a * a, a4 = a2 * a2, c = a * a2 * (-1.0 / 3 + a2 * (2.0 / 15 - a2 * (17.0 / 315)));
      ref_two_sum(a, c, &hi, &lo);
      /* the next term is 62 a^9/2835 < 0.022 a^9 (alternating, decreasing):
       * a bound proportional to a itself would hide the hair and send every
       * input one ULP from a to MPFR */
      err = 4 * U * fabs(c) + 0.025 * a * a4 * a4;
    } else if (a < 0.55) { hi = tanh(a); err = 6 * U * hi; }
    else {
      double w = exp(-2 * a), d = 2 * w / (1 + w);
      ref_two_sum(1.0, -d, &hi, &lo);
      sticky(d, &lo, -1.0);
      err = 8 * U * d;
    }
    if (x < 0) { hi = -hi; lo = -lo; }
    break;
  }
  case REF_SOFTSIGN: {
    double a = fabs(x);
    if (a < 1) { hi = x / (1 + a); err = 3 * U * fabs(hi); }
    else {
      double d = 1 / (1 + a);
      ref_two_sum(1.0, -d, &hi, &lo);
      err = 3 * U * d;
      if (x < 0) { hi = -hi; lo = -lo; }
    }
    break;
  }
  case REF_SOFTPLUS: {
    double b = q->b, z = b * x;
    double l = log1p(exp(-fabs(z))), le = 6 * U * l, sh, sl;
    if (z > 0) { ref_two_sum(z, l, &sh, &sl); sticky(l, &sl, 1.0); }
    else { sh = l; sl = 0; }
    if (b == 1) { hi = sh; lo = sl; err = le; }
    else {
      hi = sh / b;
      double r = fma(-hi, b, sh);
      lo = (r + sl) / b;
      err = le / fabs(b) + 0x1p-100 * fabs(hi);
    }
    break;
  }
  case REF_SWISH: case REF_SILU: {
    double z = q->b * x;
    if (fabs(z) < 0x1p-12) {
      /* x/2 + x z/4 (1 - z^2/12), next term x z^5/480: the hair beside the
       * float grid point x/2 stays exact (a relative bound would swamp it) */
      double c = 0.25 * x * z * (1 - z * z / 12);
      ref_two_sum(0.5 * x, c, &hi, &lo);
      err = 4 * U * fabs(c) + fabs(x) * (z * z) * (z * z) * fabs(z) / 400;
    } else if (z >= 0) {
      double sn = sig_neg(-z), w, we;
      ref_two_prod(x, sn, &w, &we);
      ref_two_sum(x, -w, &hi, &lo);
      sticky(w, &lo, x > 0 ? -1.0 : 1.0);
      lo -= we;
      err = 6 * U * fabs(w);
    } else {
      hi = x * sig_neg(z);
      err = 7 * U * fabs(hi);
    }
    break;
  }
  case REF_GELU: {
    double a = fabs(x), z = a * INV_SQRT2, e = erfc(z);
    double rel = 1.5 * (12 + 2 * (2 * z + 1.2) * z) * U;
    if (x < 0) { hi = 0.5 * x * e; err = rel * fabs(hi); }
    else {
      double w = 0.5 * x * e;
      ref_two_sum(x, -w, &hi, &lo);
      sticky(w, &lo, x > 0 ? -1.0 : 1.0);
      err = rel * w;
    }
    break;
  }
  case REF_GELU_TANH: {
    double x3 = x * x * x;
    double v = 2 * SQRT_2_OVER_PI * (x + GELU_C * x3);
    double rel = 1.5 * (6 + 7 * fabs(v)) * U;
    if (x < 0) { hi = x * sig_neg(v); err = rel * fabs(hi); }
    else {
      double sn = sig_neg(-v), w, we;
      ref_two_prod(x, sn, &w, &we);
      ref_two_sum(x, -w, &hi, &lo);
      sticky(w, &lo, x > 0 ? -1.0 : 1.0);
      lo -= we;
      err = rel * fabs(w);
    }
    break;
  }
  case REF_MISH:
    if (fabs(x) < 0x1p-20) {
      /* 3x/5 + 8x^2/25 - 2x^3/125 - 86x^4/1875 ...: 3/5 as a double-double
       * (0.6 + MISH_TINY_DELTA), so y at an exact k/5 ULP from 3x/5 is
       * decided by the x^2 hair, not sent to MPFR */
      double pe;
      ref_two_prod(x, 0.6, &hi, &pe);
      lo = pe + x * MISH_TINY_DELTA + x * x * (0.32 - 0.016 * x);
      err = 0x1p-103 * fabs(x) + 2 * U * x * x + 0.05 * (x * x) * (x * x);
    } else if (x < 0) {
      double t = exp(x), n = t * (t + 2);
      hi = x * (n / (n + 2));
      err = 14 * U * fabs(hi);
    } else {
      double t = exp(-x), t2 = t * t;
      double w = 2 * x * t2 / (1 + 2 * t + 2 * t2);
      ref_two_sum(x, -w, &hi, &lo);
      sticky(w, &lo, x > 0 ? -1.0 : 1.0);
      err = 15 * U * w;
    }
    break;
  case REF_HARD_SIGMOID:
    if (x <= -3) hi = 0;
    else if (x >= 3) hi = 1;
    else {
      double sh, sl, r;
      ref_two_sum(x, 3.0, &sh, &sl);
      hi = sh / 6;
      r = fma(-hi, 6, sh);
      lo = (r + sl) / 6;
      err = (r == 0 && sl == 0) ? 0 : 0x1p-100 * fabs(hi);
    }
    break;
  case REF_HARD_SWISH:
    if (x <= -3) hi = -0.0;
    else if (x >= 3) hi = x;
    else {
      double sh, sl, p, pe, r;
      ref_two_sum(x, 3.0, &sh, &sl);
      ref_two_prod(x, sh, &p, &pe);
      double l = pe + x * sl;
      hi = p / 6;
      r = fma(-hi, 6, p);
      lo = (r + l) / 6;
      err = (r == 0 && pe == 0 && sl == 0) ? 0 : 0x1p-100 * fabs(hi);
    }
    break;
  case REF_FN_EXPM1:
    if (x > 709) { hi = INFINITY; break; } /* e^x > 2^1000: inf as a float */
    expm1_dd(x, &hi, &lo, &err);
    break;
  case REF_FN_LOG1P:
    hi = log1p(x);
    err = isfinite(hi) ? 3 * U * fabs(hi) : 0;
    break;
  case REF_FN_ERF: {
    double a = fabs(x);
    if (a < 1) { hi = erf(x); err = 3 * U * fabs(hi); }
    else {
      double c = erfc(a);
      ref_two_sum(1.0, -c, &hi, &lo);
      sticky(c, &lo, -1.0);
      err = 12 * U * c;
      if (x < 0) { hi = -hi; lo = -lo; }
    }
    break;
  }
  default: hi = x; break;
  }
  /* renormalise so |lo| <= ulp(hi)/2 */
  if (lo != 0) ref_two_sum(hi, lo, &hi, &lo);
  o->hi = hi;
  o->lo = lo;
  /* the piecewise acts are exact (err 0) or carry their own bound; the
   * transcendental ones always add the floor (their terms may underflow) */
  int piecewise = q->act <= REF_PRELU || q->act == REF_HARD_SIGMOID || q->act == REF_HARD_SWISH;
  o->err = piecewise ? err : err + REF_ERR_FLOOR;
}

/* ref_eval and ref_dd_round over a batch; the piecewise acts whose value is
 * one IEEE operation on finite inputs get tight loops (the scan's hot path).
 * undecided[j] = 1 where MPFR must decide. */
void ref_eval_batch(const ref_par *q, const float *x, size_t n, ref_dd *v, float *r,
                    unsigned char *undecided) {
  size_t j = 0;
  switch (q->act) {
  case REF_BINARY_STEP:
    for (; j < n; j++) {
      float xj = x[j];
      float o = xj > 0 ? 1.0f : xj != xj ? xj : 0.0f;
      v[j].hi = o; v[j].lo = 0; v[j].err = 0; r[j] = o; undecided[j] = 0;
    }
    return;
  case REF_RELU:
    for (; j < n; j++) {
      float xj = x[j];
      float o = (xj > 0 || xj != xj) ? xj : 0.0f;
      v[j].hi = o; v[j].lo = 0; v[j].err = 0; r[j] = o; undecided[j] = 0;
    }
    return;
  case REF_LEAKY_RELU: case REF_PRELU:
    if (!(q->a > 0) || !isfinite(q->a)) break;
    for (; j < n; j++) { /* a*x is exact in double; a > 0 keeps every sign rule */
      double xj = x[j], o = (xj > 0 || xj != xj) ? xj : q->a * xj;
      v[j].hi = o; v[j].lo = 0; v[j].err = 0; r[j] = (float)o; undecided[j] = 0;
    }
    return;
  default: break;
  }
  for (; j < n; j++) {
    int dec;
    ref_eval(q, x[j], &v[j]);
    r[j] = ref_dd_round(&v[j], &dec);
    undecided[j] = !dec;
  }
}

/* Only the correctly rounded values, for the piecewise acts (the exact
 * tier's all-inputs check): where the answer on finite inputs is one IEEE
 * operation the hardware operation is the correctly rounded value by
 * definition; hard_sigmoid/hard_swish round a double whose error interval
 * must round alike, else the full reference decides.  Returns 1 and fills r,
 * or 0 when act needs ref_eval_batch.  tests/ref_metric checks it against
 * ref_f32. */
int ref_round_batch(const ref_par *q, const float *x, size_t n, float *r) {
  float a = (float)q->a, b = (float)q->b;
  switch (q->act) {
  case REF_BINARY_STEP:
    for (size_t j = 0; j < n; j++) { float v = x[j]; r[j] = v > 0 ? 1.0f : v != v ? v : 0.0f; }
    return 1;
  case REF_RELU:
    for (size_t j = 0; j < n; j++) { float v = x[j]; r[j] = (v > 0 || v != v) ? v : 0.0f; }
    return 1;
  case REF_LEAKY_RELU: case REF_PRELU:
    if (!(a > 0) || !isfinite(a)) return 0;
    for (size_t j = 0; j < n; j++) { float v = x[j]; r[j] = (v > 0 || v != v) ? v : a * v; }
    return 1;
  case REF_LINEAR:
    if (!(a != 0) || !isfinite(a) || !isfinite(b)) return 0;
    for (size_t j = 0; j < n; j++) {
      float v = x[j], s;
      if (!isfinite(v)) { ref_special(q, v, &r[j]); continue; }
      double p = (double)a * v, h, l; /* a*v exact in double */
      ref_two_sum(p, b, &h, &l);
      s = (float)h;
      if (l != 0 && (double)s != h) { /* h may sit on a float midpoint: decide exactly */
        ref_dd d = {h, l, 0};
        int dec;
        s = ref_dd_round(&d, &dec);
      }
      r[j] = s;
    }
    return 1;
  case REF_HARD_SIGMOID: case REF_HARD_SWISH: {
    /* (x+3)/6 and x(x+3)/6 in double with relative error < 2^-50: the float
     * is decided when both ends of that interval round alike; else the full
     * reference decides */
    int sw = q->act == REF_HARD_SWISH;
    for (size_t j = 0; j < n; j++) {
      float v = x[j];
      if (v <= -3) { r[j] = sw ? -0.0f : 0.0f; continue; }
      if (v >= 3) { r[j] = sw ? v : 1.0f; continue; }
      double d = v, qv = sw ? d * (d + 3) / 6 : (d + 3) / 6, w = fabs(qv) * 0x1p-50;
      float lo = (float)(qv - w), hi = (float)(qv + w);
      if (lo == hi || qv != qv) { r[j] = (float)qv; continue; }
      ref_dd dv;
      int dec;
      ref_eval(q, v, &dv);
      r[j] = ref_dd_round(&dv, &dec);
      if (!dec) { ref_exact e; ref_mpfr_eval(q, v, NULL, &e); r[j] = e.r; }
    }
    return 1;
  }
  default: return 0;
  }
}

/* ---------------- rounding and the metric ---------------- */

static inline int f_is_even(float r) { return (ref_fbits(r) & 1) == 0; }

/* Lower and upper rounding boundaries of the float r (midpoints to its
 * neighbours; the overflow threshold 2^128 - 2^103 beyond FLT_MAX). */
static inline double mid_up(float r) {
  if (r == FLT_MAX) return 0x1p128 - 0x1p103;
  return ((double)r + (double)nextafterf(r, INFINITY)) / 2;
}
static inline double mid_dn(float r) {
  if (r == -FLT_MAX) return -(0x1p128 - 0x1p103);
  return ((double)r + (double)nextafterf(r, -INFINITY)) / 2;
}

float ref_dd_round(const ref_dd *v, int *decided) {
  *decided = 1;
  if (!isfinite(v->hi)) return (float)v->hi;
  float r = (float)v->hi;
  if (v->lo == 0 && v->err == 0) return r; /* one correct rounding of an exact double */
  /* fast path: hi + lo +- err stays within a quarter of r's spacing of r
   * (the smaller spacing below a power of two included) */
  if (isfinite(r) && fabsf(r) >= FLT_MIN) {
    double q = ldexp(fabs((double)r), -26);
    if (fabs(v->hi - (double)r) + fabs(v->lo) + v->err < q) return r;
  }
  for (int iter = 0; iter < 3; iter++) {
    if (isinf(r)) {
      double m = copysign(0x1p128 - 0x1p103, r);
      double d = r > 0 ? (v->hi - m) + v->lo : (m - v->hi) - v->lo; /* distance inside */
      if (d > v->err) return r;
      if (v->err > 0 && d >= -v->err) { *decided = 0; return r; }
      if (d == 0) return r; /* a tie at the threshold goes to inf (IEEE) */
      r = copysign(FLT_MAX, r);
      continue;
    }
    double up = mid_up(r), dn = mid_dn(r);
    double du = (up - v->hi) - v->lo; /* > 0: below the upper boundary */
    double dd = (v->hi - dn) + v->lo; /* > 0: above the lower boundary */
    if (du > v->err && dd > v->err) return r;
    if (v->err > 0 && du >= -v->err && dd >= -v->err) { *decided = 0; return r; }
    if (du == 0 && v->err == 0) {
      float n = nextafterf(r, INFINITY);
      return f_is_even(r) ? r : n;
    }
    if (dd == 0 && v->err == 0) {
      float n = nextafterf(r, -INFINITY);
      return f_is_even(r) ? r : n;
    }
    if (du < 0) r = nextafterf(r, INFINITY);
    else r = nextafterf(r, -INFINITY);
  }
  *decided = 0;
  return r;
}

double ref_ulp_scale(double hi, double lo) {
  if (hi == 0) return 0x1p-149;
  int e = ref_ilogb(hi);
  if (lo != 0 && (lo < 0) != (hi < 0) && (ref_dbits(hi) & 0x000fffffffffffffull) == 0) e -= 1;
  if (e < -126) e = -126;
  return ldexp(1.0, e - 23);
}

double ref_ulp_dd(double hi, double lo, float y) {
  if (isnan(hi)) return isnan(y) ? 0.0 : INFINITY;
  if (isnan(y)) return INFINITY;
  /* an infinite y where f rounds to that infinity (|f| >= 2^128 - 2^103) is
   * the correctly rounded overflow: 0, not |2^128 - f| */
  if (isinf(y) && (y > 0 ? hi + lo >= 0x1p128 - 0x1p103 : hi + lo <= -(0x1p128 - 0x1p103))) return 0;
  if (isinf(hi)) { hi = copysign(0x1p128, hi); lo = 0; }
  double Y = isinf(y) ? copysign(0x1p128, y) : (double)y;
  return fabs((Y - hi) - lo) / ref_ulp_scale(hi, lo);
}

float ref_f32_id(const ref_par *q, float x) {
  ref_dd v;
  int decided;
  ref_eval(q, x, &v);
  float r = ref_dd_round(&v, &decided);
  if (decided) return r;
  ref_exact e;
  ref_mpfr_eval(q, x, NULL, &e);
  return e.r;
}

float ref_f32(const char *act, float x, const simdact_params *p) {
  ref_par q;
  if (ref_par_init(&q, ref_act_id(act), p) < 0 || !ref_act_elementwise(q.act)) return NAN;
  return ref_f32_id(&q, x);
}

float ref_prelu_f32(float x, float slope) {
  simdact_params p = {0};
  p.slope = &slope;
  p.channels = 1;
  return ref_f32("prelu", x, &p);
}

float ref_maxout_f32(const float *x, size_t k) {
  float m = -INFINITY;
  for (size_t j = 0; j < k; j++) {
    if (isnan(x[j])) return x[j];
    if (x[j] > m || (x[j] == 0 && m == 0 && !signbit(x[j]))) m = x[j];
  }
  return m;
}

/* Whether the ULP figure of y against v is decided: the error bound must not
 * reach a threshold nor (when y is not the rounded value) a binade edge. */
double ref_ulp_error_id(const ref_par *q, float x, float y) {
  ref_dd v;
  ref_eval(q, x, &v);
  if (v.err == 0) return ref_ulp_dd(v.hi, v.lo, y);
  double scale = ref_ulp_scale(v.hi, v.lo);
  double lo_s = ref_ulp_scale(v.hi - v.err, 0), hi_s = ref_ulp_scale(v.hi + v.err, 0);
  if (lo_s == scale && hi_s == scale && v.err / scale < 0x1p-20)
    return ref_ulp_dd(v.hi, v.lo, y); /* figure good to 2^-20 ULP */
  ref_exact e;
  ref_mpfr_eval(q, x, &y, &e);
  return e.ulp;
}

double ref_ulp_error(const char *act, float x, float y, const simdact_params *p) {
  ref_par q;
  if (ref_par_init(&q, ref_act_id(act), p) < 0 || !ref_act_elementwise(q.act)) return NAN;
  return ref_ulp_error_id(&q, x, y);
}
