/* Machine description for the bench results: see machine.h. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include <sleef.h>

#include <jansson.h>
#include "machine.h"
#include "simdact.h"

/* The value of the first "key : value" line of /proc/cpuinfo with this key. */
static int cpuinfo(const char *key, char *out, size_t outlen) {
  FILE *f = fopen("/proc/cpuinfo", "r");
  if (!f) return 0;
  char line[8192];
  int found = 0;
  size_t kl = strlen(key);
  while (!found && fgets(line, sizeof line, f)) {
    if (strncmp(line, key, kl) != 0 || (line[kl] != ' ' && line[kl] != '\t' && line[kl] != ':')) continue;
    char *colon = strchr(line, ':');
    if (!colon) continue;
    char *v = colon + 1;
    while (*v == ' ' || *v == '\t') v++;
    v[strcspn(v, "\n")] = 0;
    snprintf(out, outlen, "%s", v);
    found = 1;
  }
  fclose(f);
  return found;
}

void machine_sanitize(const char *in, char *out, int outlen) {
  int n = 0, dash = 0;
  for (const char *p = in; *p && n < outlen - 1; p++) {
    unsigned char c = (unsigned char)*p;
    if (isalnum(c) && c < 0x80) {
      if (dash && n > 0 && n < outlen - 2) out[n++] = '-';
      dash = 0;
      out[n++] = (char)tolower(c);
    } else {
      dash = 1;
    }
  }
  out[n] = 0;
  if (n == 0) snprintf(out, (size_t)outlen, "unknown");
}

void machine_probe(machine_info *m) {
  memset(m, 0, sizeof *m);
  struct utsname u;
  if (!cpuinfo("model name", m->cpu, sizeof m->cpu)) {
    char impl[64] = "", part[64] = "";
    if (cpuinfo("CPU implementer", impl, sizeof impl) && cpuinfo("CPU part", part, sizeof part))
      snprintf(m->cpu, sizeof m->cpu, "arm implementer %s part %s", impl, part);
    else if (uname(&u) == 0)
      snprintf(m->cpu, sizeof m->cpu, "%s", u.machine);
    else
      snprintf(m->cpu, sizeof m->cpu, "unknown");
  }
  if (!cpuinfo("flags", m->flags, sizeof m->flags)) cpuinfo("Features", m->flags, sizeof m->flags);
  /* The widest ISA some kernel of this build runs with here. */
  static const char *const order[] = {"avx512", "avx2", "sse41", "neon", "scalar"};
  const char *cap = getenv("SIMDACT_ISA");
  snprintf(m->widest_isa, sizeof m->widest_isa, "scalar");
  for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
    int built = 0;
    for (size_t k = 0; k < simdact_kernel_count(); k++)
      built |= strcmp(simdact_kernel_at(k)->isa, order[i]) == 0;
    if (!built || !simdact_isa_supported(order[i])) continue;
    /* SIMDACT_ISA caps the level (the bench skips what is above it). */
    if (cap && *cap) {
      int cap_i = -1;
      for (size_t j = 0; j < sizeof order / sizeof *order; j++)
        if (strcmp(order[j], cap) == 0) cap_i = (int)j;
      if (cap_i >= 0 && (int)i < cap_i && strcmp(order[i], "neon") != 0) continue;
    }
    snprintf(m->widest_isa, sizeof m->widest_isa, "%s", order[i]);
    break;
  }
  char s[160];
  machine_sanitize(m->cpu, s, sizeof s);
  snprintf(m->folder, sizeof m->folder, "%s-%s", s, m->widest_isa);
  long c = sysconf(_SC_NPROCESSORS_ONLN);
  m->cores = c > 0 ? (int)c : 1;
}

/* One line of a command's output, "" when it fails. */
static void command_line(const char *cmd, char *out, size_t outlen) {
  out[0] = 0;
  FILE *p = popen(cmd, "r");
  if (!p) return;
  if (!fgets(out, (int)outlen, p)) out[0] = 0;
  out[strcspn(out, "\n")] = 0;
  pclose(p);
}

/* Cache sizes from sysfs: "L1d 48K, L2 1024K, ..." for cpu0. */
static void caches(char *out, size_t outlen) {
  out[0] = 0;
  for (int i = 0; i < 8; i++) {
    char path[128], level[16] = "", type[32] = "", size[32] = "";
    const char *names[] = {"level", "type", "size"};
    char *vals[] = {level, type, size};
    int ok = 1;
    for (int k = 0; k < 3 && ok; k++) {
      snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu0/cache/index%d/%s", i, names[k]);
      FILE *f = fopen(path, "r");
      if (!f) { ok = 0; break; }
      if (!fgets(vals[k], 32, f)) ok = 0;
      vals[k][strcspn(vals[k], "\n")] = 0;
      fclose(f);
    }
    if (!ok) break;
    if (strcmp(type, "Instruction") == 0) continue;
    size_t l = strlen(out);
    snprintf(out + l, outlen - l, "%sL%s%s %s", l ? ", " : "", level,
             strcmp(type, "Data") == 0 ? "d" : "", size);
  }
}

int machine_write_json(const machine_info *m, const bench_run_info *r, const char *path) {
  char caches_s[1024], os[512], sleef[64], git[256], date[64];
  time_t now = time(NULL);
  strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
  struct utsname u;
  if (uname(&u)) memset(&u, 0, sizeof u);
  caches(caches_s, sizeof caches_s);
  snprintf(os, sizeof os, "%s %s %s", u.sysname, u.release, u.machine);
  snprintf(sleef, sizeof sleef, "%d.%d.%d", SLEEF_VERSION_MAJOR, SLEEF_VERSION_MINOR, SLEEF_VERSION_PATCHLEVEL);
  command_line("git -C '" BENCH_SRCDIR "' describe --always --dirty 2>/dev/null", git, sizeof git);
  const char *env = getenv("SIMDACT_ISA");
  json_t *o = json_pack("{s:s, s:s, s:i, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}",
                        "machine", m->folder, "cpu", m->cpu, "cores", m->cores, "caches", caches_s,
                        "cpu_flags", m->flags, "widest_isa", m->widest_isa, "active_isa",
                        simdact_isa_active(), "simdact_isa_env", env ? env : "", "os", os,
                        "compiler", BENCH_CC_VERSION, "cc", BENCH_CC, "cflags", BENCH_CFLAGS);
  json_t *o2 = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:i, s:f, s:f}",
                         "simdact_version", simdact_version(), "google_benchmark_version",
                         BENCH_GBENCH_VERSION, "sleef_version", sleef, "git", git, "date", date,
                         "mode", r->mode, "sizes", r->sizes, "dists", r->dists, "accuracy_samples",
                         (json_int_t)r->samples, "repetitions", r->repetitions, "min_time",
                         r->min_time, "seconds", r->seconds);
  if (!o || !o2 || json_object_update_new(o, o2)) { json_decref(o); errno = ENOMEM; return -1; }
  int rc = json_dump_file(o, path, JSON_INDENT(1) | JSON_REAL_PRECISION(12));
  json_decref(o);
  if (rc) errno = EIO;
  return rc ? -1 : 0;
}
