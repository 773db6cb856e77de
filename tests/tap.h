/* Minimal TAP producer for the tests (Automake's tap-driver reads it).
 * Each check is one test point; tap_done() prints the plan and returns the
 * exit status. */
#ifndef SIMDACT_TAP_H
#define SIMDACT_TAP_H

#include <stdarg.h>
#include <stdio.h>

static int tap_count_, tap_failed_;

__attribute__((format(printf, 2, 3))) static int tap_ok(int cond, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  printf("%sok %d - ", cond ? "" : "not ", ++tap_count_);
  vprintf(fmt, ap);
  printf("\n");
  va_end(ap);
  if (!cond) tap_failed_++;
  fflush(stdout);
  return cond;
}

__attribute__((format(printf, 1, 2), unused)) static void tap_diag(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  printf("# ");
  vprintf(fmt, ap);
  printf("\n");
  va_end(ap);
}

__attribute__((format(printf, 1, 2), unused)) static void tap_skip(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  printf("ok %d # SKIP ", ++tap_count_);
  vprintf(fmt, ap);
  printf("\n");
  va_end(ap);
}

/* A check with a known, reported failure: "not ok ... # TODO why" when it
 * fails (an expected failure, not counted), a plain "ok" once it passes. */
__attribute__((format(printf, 3, 4), unused)) static int tap_todo(int cond, const char *why,
                                                                  const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  printf("%sok %d - ", cond ? "" : "not ", ++tap_count_);
  vprintf(fmt, ap);
  if (!cond) printf(" # TODO %s", why);
  printf("\n");
  va_end(ap);
  fflush(stdout);
  return cond;
}

static int tap_done(void) {
  printf("1..%d\n", tap_count_);
  return tap_failed_ ? 1 : 0;
}

#endif
