# CI performance tracking: `make bench-compare BASE=path` and the CI recipe
# (ci/bench.yml for GitHub Actions, ci/bench-compare.sh for any CI).
EXTRA_DIST += ci/bench.yml ci/bench-compare.sh ci/noise-study.sh

# make bench-compare BASE=results/<machine>|bench.json [BENCH=quick|full]
#   [BENCH_FLAGS=--repetitions=10] [COMPARE_FLAGS=--threshold 3 ...]
# Runs the bench into $(BENCH_COMPARE_OUT)/<machine>/ (not results/, so a
# committed BASE there is not overwritten) and judges it against BASE; the
# exit status is simdact compare's (0 clean, 1 slower, 2 less accurate, 3 bad
# input).  compare.md and track.json are written beside the new results.
BENCH_COMPARE_OUT = bench-compare
bench-compare: simdact$(EXEEXT)
	@test -n "$(BASE)" || { echo "usage: make bench-compare BASE=results/<machine> (or a bench.json) [BENCH=quick|full] [BENCH_FLAGS=...] [COMPARE_FLAGS=...]" >&2; exit 3; }
	@test -e "$(BASE)" || { echo "make bench-compare: BASE=$(BASE) does not exist" >&2; exit 3; }
	$(MAKE) $(AM_MAKEFLAGS) bench/simdact-bench$(EXEEXT)
	rm -rf $(BENCH_COMPARE_OUT)
	./bench/simdact-bench$(EXEEXT) --mode=$(BENCH) --out=$(BENCH_COMPARE_OUT) $(BENCH_FLAGS)
	./simdact$(EXEEXT) compare --markdown $(BENCH_COMPARE_OUT)/compare.md \
	  --json $(BENCH_COMPARE_OUT)/track.json $(COMPARE_FLAGS) "$(BASE)" $(BENCH_COMPARE_OUT)/*/
.PHONY: bench-compare

clean-local: clean-bench-compare
clean-bench-compare:
	-rm -rf $(BENCH_COMPARE_OUT)
.PHONY: clean-bench-compare
