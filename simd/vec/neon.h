#error "simd/vec/neon.h: not written yet"
