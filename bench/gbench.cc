// gbench: the C API of gbench.h over Google Benchmark.  The only C++ file of
// the benchmark harness.
#include "gbench.h"

#include <benchmark/benchmark.h>

#include <cmath>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <vector>

struct gbench {
  benchmark::internal::Benchmark *b;
  std::string name;
  std::string arg_name;
  std::vector<std::vector<int64_t>> args;  // one entry per instance
};

struct gbench_state {
  benchmark::State &s;
};

namespace {

std::vector<std::unique_ptr<gbench>> &families() {
  static std::vector<std::unique_ptr<gbench>> f;
  return f;
}

// The instance name Google Benchmark gives: family/arg (or family/name:arg).
std::string instance_name(const gbench &g, const std::vector<int64_t> &a) {
  std::string n = g.name;
  for (size_t i = 0; i < a.size(); i++) {
    n += "/";
    if (i == 0 && !g.arg_name.empty()) n += g.arg_name + ":";
    n += std::to_string(a[i]);
  }
  return n;
}

// How many instances match the --benchmark_filter (regex search, a leading
// '-' negates, as Google Benchmark does).
int count_instances() {
  std::string filter = benchmark::GetBenchmarkFilter();
  bool negate = false;
  if (!filter.empty() && filter[0] == '-') { negate = true; filter.erase(0, 1); }
  if (filter.empty() || filter == "all") filter = ".";
  std::regex re;
  try { re = std::regex(filter, std::regex::extended); } catch (...) { re = std::regex("."); negate = false; }
  int total = 0;
  for (auto &g : families()) {
    if (g->args.empty()) {
      total += std::regex_search(g->name, re) != negate;
      continue;
    }
    for (auto &a : g->args) total += std::regex_search(instance_name(*g, a), re) != negate;
  }
  return total;
}

// Calls the progress callback once per finished instance and prints nothing.
class ProgressReporter : public benchmark::BenchmarkReporter {
 public:
  ProgressReporter(gbench_progress_fn fn, void *ctx, int total) : fn_(fn), ctx_(ctx), total_(total) {}
  bool ReportContext(const Context &) override { return true; }
  void ReportRuns(const std::vector<Run> &runs) override {
    if (runs.empty()) return;
    // Runs of one instance: its repetitions, then aggregates.  Report once.
    const Run *first = &runs[0];
    double ns = 0;
    for (auto &r : runs) {
      if (r.run_type == Run::RT_Aggregate && r.aggregate_name != "median") continue;
      first = &r;
      if (r.run_type == Run::RT_Aggregate) break;  // the median, when there is one
    }
    auto it = first->counters.find("items_per_second");
    if (!first->error_occurred && it != first->counters.end() && it->second.value > 0)
      ns = 1e9 / it->second.value;
    // Repetitions and their aggregates may come in several calls: count names.
    if (!seen_.insert(first->run_name.str()).second) return;
    done_ = static_cast<int>(seen_.size());
    if (done_ > total_) total_ = done_;
    fn_(first->run_name.str().c_str(), done_, total_, ns,
        first->error_occurred ? first->error_message.c_str() : nullptr, ctx_);
  }

 private:
  gbench_progress_fn fn_;
  void *ctx_;
  int total_;
  int done_ = 0;
  std::set<std::string> seen_;
};

}  // namespace

extern "C" {

int gbench_init(int *argc, char **argv) {
  benchmark::Initialize(argc, argv);
  return 0;
}

gbench *gbench_register(const char *name, gbench_fn fn, void *ctx) {
  auto g = std::make_unique<gbench>();
  g->name = name;
  g->b = benchmark::RegisterBenchmark(name, [fn, ctx](benchmark::State &s) {
    gbench_state st{s};
    fn(&st, ctx);
  });
  if (!g->b) return nullptr;
  families().push_back(std::move(g));
  return families().back().get();
}

void gbench_add_arg(gbench *b, int64_t arg) {
  b->b->Arg(arg);
  b->args.push_back({arg});
}

void gbench_add_args(gbench *b, const int64_t *args, int n) {
  std::vector<int64_t> v(args, args + n);
  b->b->Args(v);
  b->args.push_back(v);
}

void gbench_range(gbench *b, int64_t lo, int64_t hi, int multiplier) {
  if (multiplier < 2) multiplier = 8;
  b->b->RangeMultiplier(multiplier)->Range(lo, hi);
  // Google Benchmark's range: lo, then powers of the multiplier strictly
  // between, then hi.  Recorded for the progress count only.
  b->args.push_back({lo});
  for (int64_t v = 1; v < hi; v *= multiplier)
    if (v > lo) b->args.push_back({v});
  if (hi != lo) b->args.push_back({hi});
}

void gbench_arg_name(gbench *b, const char *name) {
  b->b->ArgName(name);
  b->arg_name = name;
}

void gbench_min_time(gbench *b, double seconds) { b->b->MinTime(seconds); }
void gbench_iterations(gbench *b, int64_t iterations) { b->b->Iterations(iterations); }
void gbench_repetitions(gbench *b, int n) { b->b->Repetitions(n); }
void gbench_use_real_time(gbench *b) { b->b->UseRealTime(); }

int gbench_keep_running(gbench_state *st) { return st->s.KeepRunning(); }
int64_t gbench_arg(const gbench_state *st, int i) { return st->s.range(i); }
int64_t gbench_iterations_done(const gbench_state *st) { return st->s.iterations(); }
void gbench_pause_timing(gbench_state *st) { st->s.PauseTiming(); }
void gbench_resume_timing(gbench_state *st) { st->s.ResumeTiming(); }
void gbench_set_items_processed(gbench_state *st, int64_t items) { st->s.SetItemsProcessed(items); }
void gbench_set_bytes_processed(gbench_state *st, int64_t bytes) { st->s.SetBytesProcessed(bytes); }

void gbench_set_counter(gbench_state *st, const char *name, double value, unsigned flags) {
  int f = 0;
  if (flags & GBENCH_RATE) f |= benchmark::Counter::kIsRate;
  if (flags & GBENCH_ITERATION_INVARIANT) f |= benchmark::Counter::kIsIterationInvariant;
  if (flags & GBENCH_AVG_ITERATIONS) f |= benchmark::Counter::kAvgIterations;
  if (flags & GBENCH_INVERT) f |= benchmark::Counter::kInvert;
  st->s.counters[name] = benchmark::Counter(value, static_cast<benchmark::Counter::Flags>(f));
}

void gbench_set_label(gbench_state *st, const char *label) { st->s.SetLabel(label); }
void gbench_skip(gbench_state *st, const char *message) {
  st->s.SkipWithError(message);
  while (st->s.KeepRunning()) {}  // returns false at once: the run ends cleanly
}
void gbench_clobber(void) { benchmark::ClobberMemory(); }

void gbench_add_context(const char *key, const char *value) { benchmark::AddCustomContext(key, value); }

int gbench_run(gbench_progress_fn progress, void *progress_ctx) {
  size_t n;
  if (progress) {
    ProgressReporter rep(progress, progress_ctx, count_instances());
    n = benchmark::RunSpecifiedBenchmarks(&rep);
  } else {
    n = benchmark::RunSpecifiedBenchmarks();
  }
  benchmark::Shutdown();
  return static_cast<int>(n);
}

}  // extern "C"
