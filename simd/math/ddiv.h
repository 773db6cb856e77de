/* Quotient of two double-floats, (nh + nl) / (dh + dl), for the u1 tiers:
 * sm_ddiv rounds it once to float, sm_mul_ddiv rounds x times it once; the
 * kernels that need the quotient itself unrounded (softplus) call the two
 * cores below directly.  dh in [2^-126, 2^126], |dl| <= ulp(dh),
 * |nl| <= 0.1 |nh| (nh + nl need not be normalised).
 *
 * With hardware FMA (sm_ddiv_fma): the reciprocal estimate r0 (vf_rcp14,
 * 2^-14) and e = 1 - r0 (dh + dl) from its FMA residuals, 1/D = r0 (1 + c)
 * with c = e + e^2 (error e^3, 2^-42); returns t = nh r0 c + nl r0 and r0,
 * so N/D = nh r0 + t: RN(N/D) is vf_fma(nh, r0, t).
 * Without FMA (sm_ddiv_d): N and D are summed in double (exact to 2^-53) and
 * divided there (2^-52); vf_from_vd of the quotient rounds once. */
#ifndef SIMDACT_MATH_DDIV_H
#define SIMDACT_MATH_DDIV_H

#if VF_HAS_FMA
VEC_INLINE vf sm_ddiv_fma(vf nh, vf nl, vf dh, vf dl, vf *r0out) {
  vf r0 = vf_rcp14(dh);
  vf e = vf_fma(vf_neg(dh), r0, vf_set1(1.0f));
  e = vf_fma(vf_neg(dl), r0, e);
  vf c = vf_fma(e, e, e);
  *r0out = r0;
  return vf_fma(vf_mul(nh, r0), c, vf_mul(nl, r0));
}
#else
VEC_INLINE void sm_ddiv_d(vf nh, vf nl, vf dh, vf dl, vd *qlo, vd *qhi) {
  *qlo = vd_div(vd_add(vd_from_vf_lo(nh), vd_from_vf_lo(nl)),
                vd_add(vd_from_vf_lo(dh), vd_from_vf_lo(dl)));
  *qhi = vd_div(vd_add(vd_from_vf_hi(nh), vd_from_vf_hi(nl)),
                vd_add(vd_from_vf_hi(dh), vd_from_vf_hi(dl)));
}
#endif

/* RN((nh + nl) / (dh + dl)), the quotient above rounded once. */
VEC_INLINE vf sm_ddiv(vf nh, vf nl, vf dh, vf dl) {
#if VF_HAS_FMA
  vf r0, t = sm_ddiv_fma(nh, nl, dh, dl, &r0);
  return vf_fma(nh, r0, t);
#else
  vd qlo, qhi;
  sm_ddiv_d(nh, nl, dh, dl, &qlo, &qhi);
  return vf_from_vd(qlo, qhi);
#endif
}

/* x (nh + nl) / (dh + dl) rounded once (same conditions on N and D; x
 * finite: the caller clamps infinities).  With FMA
 * the quotient is q = yh + yl (yh = nh r0 and its FMA residual plus t), and
 * the result x yh + x yl; without, the double quotient times x in double. */
VEC_INLINE vf sm_mul_ddiv(vf x, vf nh, vf nl, vf dh, vf dl) {
#if VF_HAS_FMA
  vf r0, t = sm_ddiv_fma(nh, nl, dh, dl, &r0);
  vf yh = vf_mul(nh, r0);
  vf yl = vf_add(vf_fma(nh, r0, vf_neg(yh)), t);
  return vf_fma(x, yh, vf_mul(x, yl));
#else
  vd qlo, qhi;
  sm_ddiv_d(nh, nl, dh, dl, &qlo, &qhi);
  return vf_from_vd(vd_mul(qlo, vd_from_vf_lo(x)), vd_mul(qhi, vd_from_vf_hi(x)));
#endif
}

#endif
