/* tests/vec_isa.c, compiled once per ISA, exports vec_check_<isa>(); the
 * driver tests/vec.c (no ISA flags) calls those the CPU can run. */
#ifndef SIMDACT_TESTS_VEC_CHECK_H
#define SIMDACT_TESTS_VEC_CHECK_H

typedef void (*vec_report_fn)(int ok, const char *fmt, ...);

void vec_check_scalar(vec_report_fn report);
void vec_check_sse41(vec_report_fn report);
void vec_check_avx2(vec_report_fn report);
void vec_check_avx512(vec_report_fn report);
void vec_check_neon(vec_report_fn report);

#endif
