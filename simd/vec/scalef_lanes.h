/* vf_scalef lane by lane with ldexpf, scalar.h's semantics (NaN n gives
 * a + n; n floored and clamped to +-512, beyond every float's range), for the ISAs
 * without a scalef instruction: VF_HAS_SCALEF 0 there, so no kernel's fast
 * path uses it (tests/vec checks it).  Include after vf_storeu/vf_loadu. */
#ifndef SIMDACT_VEC_SCALEF_LANES_H
#define SIMDACT_VEC_SCALEF_LANES_H
VEC_INLINE vf vf_scalef(vf a, vf n) {
  float x[VF_LANES], e[VF_LANES];
  vf_storeu(x, a);
  vf_storeu(e, n);
  for (size_t l = 0; l < VF_LANES; l++)
    x[l] = e[l] != e[l] ? x[l] + e[l] : ldexpf(x[l], e[l] > 512.0f ? 512 : e[l] < -512.0f ? -512 : (int)floorf(e[l]));
  return vf_loadu(x);
}
#endif
