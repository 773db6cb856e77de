// A tiny Google Benchmark program that writes real Google Benchmark JSON for
// the `simdact compare` tests: three stand-in "kernels" over 4096 floats,
// each reporting items processed and the accuracy fields the bench adds to
// its entries (max_ulp, bound_ulp, nonfinite_mismatch; a label with kind=),
// plus one peer.  Its figures are
// fixed inputs of the tests, not outputs of the code under test.
#include <benchmark/benchmark.h>

#include <cmath>
#include <string>
#include <vector>

namespace {

constexpr size_t kN = 4096;

template <typename F>
void run(benchmark::State &st, F f, double max_ulp, double bound_ulp, const char *kind = "kernel") {
  std::vector<float> x(kN), y(kN);
  for (size_t i = 0; i < kN; i++) x[i] = -10.0f + 20.0f * static_cast<float>(i) / kN;
  for (auto _ : st) {
    for (size_t i = 0; i < kN; i++) y[i] = f(x[i]);
    benchmark::DoNotOptimize(y.data());
    benchmark::ClobberMemory();
  }
  st.SetItemsProcessed(static_cast<int64_t>(st.iterations() * kN));
  st.SetBytesProcessed(static_cast<int64_t>(st.iterations() * kN * 2 * sizeof(float)));
  st.counters["max_ulp"] = max_ulp;
  if (bound_ulp > 0) st.counters["bound_ulp"] = bound_ulp;
  st.counters["nonfinite_mismatch"] = 0;
  st.SetLabel(std::string("kind=") + kind);
}

void exp_u1(benchmark::State &st) { run(st, [](float v) { return std::exp(v); }, 0.51, 1.0); }
void tanh_u4(benchmark::State &st) { run(st, [](float v) { return std::tanh(v); }, 2.5, 4.0); }
void relu_exact(benchmark::State &st) { run(st, [](float v) { return v > 0 ? v : 0.0f; }, 0, 0.5); }
void exp_libm(benchmark::State &st) { run(st, [](float v) { return expf(v); }, 0.5, 0, "peer"); }

}  // namespace

BENCHMARK(exp_u1)->Name("fake_exp.u1.scalar/4096");
BENCHMARK(tanh_u4)->Name("fake_tanh.u4.scalar/4096");
BENCHMARK(relu_exact)->Name("fake_relu.exact.scalar/4096")->UseRealTime();
BENCHMARK(exp_libm)->Name("fake_exp.libm/4096");

BENCHMARK_MAIN();
