/* Dev tool behind tests/bitcmp.sh (not part of make check: it needs two
 * builds).  Loads two builds of the library side by side (dlopen of each
 * libsimdact.so by path, RTLD_LOCAL: two separate copies) and compares the
 * outputs of the named kernels bit for bit over every binary32 input.
 *
 *   bitcmp OLD.so NEW.so KERNEL...
 *
 * KERNEL: a full name (mish.u1.avx2) or a name prefix (mish.u1, gelu_tanh.)
 * standing for every elementwise kernel with that prefix in NEW.so that this
 * CPU runs.  NEW_NAME=OLD_NAME: NEW.so's kernel NEW_NAME against OLD.so's
 * OLD_NAME (full names; with OLD.so = NEW.so, two ISAs of one build, e.g.
 * gelu.u1.avx512=gelu.u1.scalar: an exhaustive scan of one carries over to
 * the other).  Default parameters (p = NULL).  One line per kernel: identical,
 * or the number of inputs whose output bits differ and the first of them.
 * Exit status 1 if any kernel differs or is missing from OLD.so. */
#include <dlfcn.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "simdact.h"

#define CHUNK (1u << 16)

typedef struct lib {
  size_t (*count)(void);
  const simdact_kernel *(*at)(size_t);
  int (*supported)(const char *);
} lib;

static void load(lib *l, const char *path) {
  void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    fprintf(stderr, "bitcmp: %s\n", dlerror());
    exit(2);
  }
  *(void **)&l->count = dlsym(h, "simdact_kernel_count");
  *(void **)&l->at = dlsym(h, "simdact_kernel_at");
  *(void **)&l->supported = dlsym(h, "simdact_isa_supported");
  if (!l->count || !l->at || !l->supported) {
    fprintf(stderr, "bitcmp: %s lacks the registry API\n", path);
    exit(2);
  }
}

/* prelu and maxout need parameters, softmax works on rows. */
static int elementwise(const simdact_kernel *k) {
  return strcmp(k->act, "prelu") && strcmp(k->act, "maxout") && !strstr(k->act, "softmax");
}

static const simdact_kernel *find(const lib *l, const char *name) {
  for (size_t i = 0; i < l->count(); i++)
    if (!strcmp(l->at(i)->name, name)) return l->at(i);
  return NULL;
}

static float x[CHUNK], ya[CHUNK], yb[CHUNK];

/* 0 identical, 1 differs */
static int compare(const simdact_kernel *a, const simdact_kernel *b) {
  uint64_t ndiff = 0;
  uint32_t first = 0;
  for (uint64_t u = 0; u < (UINT64_C(1) << 32); u += CHUNK) {
    for (uint32_t i = 0; i < CHUNK; i++) {
      uint32_t bits = (uint32_t)u + i;
      memcpy(&x[i], &bits, 4);
    }
    a->fn(x, ya, CHUNK, NULL);
    b->fn(x, yb, CHUNK, NULL);
    if (memcmp(ya, yb, sizeof ya) == 0) continue;
    for (uint32_t i = 0; i < CHUNK; i++)
      if (memcmp(&ya[i], &yb[i], 4) && !ndiff++) first = (uint32_t)u + i;
  }
  if (!ndiff) {
    printf("identical %s%s%s (2^32 inputs)\n", b->name, strcmp(a->name, b->name) ? " = old " : "",
           strcmp(a->name, b->name) ? a->name : "");
    return 0;
  }
  float xf;
  uint32_t oa, ob;
  memcpy(&xf, &first, 4);
  a->fn(&xf, ya, 1, NULL);
  b->fn(&xf, yb, 1, NULL);
  memcpy(&oa, ya, 4);
  memcpy(&ob, yb, 4);
  printf("DIFFER %s: %" PRIu64 " inputs, first 0x%08" PRIx32 " (%a): old 0x%08" PRIx32
         " new 0x%08" PRIx32 "\n",
         b->name, ndiff, first, (double)xf, oa, ob);
  return 1;
}

static int compare_name(const lib *o, const lib *n, const char *name) {
  const simdact_kernel *a = find(o, name), *b = find(n, name);
  if (!a || !b) {
    printf("MISSING %s in the %s build\n", name, a ? "new" : "old");
    return 1;
  }
  return compare(a, b);
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: bitcmp OLD.so NEW.so KERNEL...\n");
    return 2;
  }
  lib o, n;
  load(&o, argv[1]);
  load(&n, argv[2]);
  int fail = 0;
  setvbuf(stdout, NULL, _IOLBF, 0);
  for (int j = 3; j < argc; j++) {
    char *pat = argv[j], *eq = strchr(pat, '=');
    if (eq) {
      *eq = 0;
      const simdact_kernel *a = find(&o, eq + 1), *b = find(&n, pat);
      if (!a || !b) {
        printf("MISSING %s\n", a ? pat : eq + 1);
        fail = 1;
      } else
        fail |= compare(a, b);
      continue;
    }
    int matched = 0;
    for (size_t i = 0; i < n.count(); i++) {
      const simdact_kernel *k = n.at(i);
      if (strncmp(k->name, pat, strlen(pat)) || !elementwise(k) || !n.supported(k->isa)) continue;
      if (strcmp(k->name, pat) && strchr(pat, '.') && strchr(strchr(pat, '.') + 1, '.'))
        continue; /* a full name matches only itself */
      matched = 1;
      fail |= compare_name(&o, &n, k->name);
    }
    if (!matched) {
      fprintf(stderr, "bitcmp: no elementwise kernel this CPU runs matches %s\n", pat);
      fail = 1;
    }
  }
  return fail;
}
