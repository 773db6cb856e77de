/* Internal: ISA identifiers, CPU detection and the built-in ISA set. */
#ifndef SIMDACT_ISA_H
#define SIMDACT_ISA_H

enum simdact_isa { ISA_SCALAR, ISA_SSE41, ISA_AVX2, ISA_AVX512, ISA_NEON, ISA_COUNT };

extern const char *const simdact_isa_names[ISA_COUNT];

/* -1 if name is not an ISA name. */
int simdact_isa_from_name(const char *name);
/* 1 if this build contains kernels for isa. */
int simdact_isa_built(int isa);
/* 1 if this CPU and OS can run isa (independent of the build). */
int simdact_cpu_has(int isa);
/* The ISA that dispatch uses: the best built and supported one, or the one
 * SIMDACT_ISA names.  Computed once, thread-safely.  If SIMDACT_ISA is invalid,
 * *err (if non-NULL) receives the error code and a message goes to stderr once;
 * dispatch then falls back to the best ISA. */
int simdact_isa_chosen(void);
int simdact_isa_env_error(void);

#endif
