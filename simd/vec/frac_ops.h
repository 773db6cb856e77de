/* vf_frac_floor and vf_frac_near (semantics: scalar.h) from the other ops,
 * for the ISAs without vreduceps (every one but AVX-512).  Needs the ISA's
 * private vec_floor_ (round toward -inf); include at the end of the header,
 * after vf_select and the compares.
 *
 * frac_floor: d = -(fl - a) = RN(a - fl), fl = floor(a), with -0 for
 * integral a (RN(fl - a) is +0 there).  a - fl is exact except for a in
 * (-1/2, 0), where RN may round up (to 1 for tiny a); d + fl is then exact
 * (Sterbenz: d - 1 with d in [1/2, 1]) and, as it is exact everywhere else
 * too, d + fl > a says exactly that d rounded up: the result is d's
 * predecessor (d > 0 there, so its bits minus one).  Infinities: fl - a is
 * NaN, replaced by +0. */
#ifndef SIMDACT_VEC_FRAC_OPS_H
#define SIMDACT_VEC_FRAC_OPS_H
VEC_INLINE vf vf_frac_floor(vf a) {
  vf fl = vec_floor_(a);
  vf d = vf_neg(vf_sub(fl, a));
  vf below = vi_as_vf(vi_sub(vf_as_vi(d), vi_set1(1)));
  d = vf_select(vf_gt(vf_add(d, fl), a), below, d);
  return vf_select(vf_eq(vf_abs(a), vf_set1(__builtin_inff())), vf_zero(), d);
}
/* a - rint(a) is exact (Sterbenz for |a| >= 1/2; a itself below) */
VEC_INLINE vf vf_frac_near(vf a) {
  vf d = vf_sub(a, vf_round(a));
  return vf_select(vf_eq(vf_abs(a), vf_set1(__builtin_inff())), vf_zero(), d);
}
#endif
