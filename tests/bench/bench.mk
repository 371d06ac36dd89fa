# bench.mk - `make bench`: throughput, memory and query latency of
# themetrack against rg, pcre2grep and a Python peer (tests/bench/README.md).
# Included by the top-level Makefile. Knobs are environment variables read
# by tests/bench/bench.sh: BENCH_MB, BENCH_SEED, BENCH_SIDE_MB, BENCH_BUDGET,
# BENCH_TIMEOUT, BENCH_DIR, BENCH_REAL, BENCH_RESULTS, BENCH_KEEP, THEMETRACK.
BENCH_PKGS := ripgrep pcre2-utils python3-nltk

.PHONY: bench
bench:
	@$(MAKE) --no-print-directory themetrack
	@sh tests/deps.sh --optional $(BENCH_PKGS)
	@THEMETRACK=$${THEMETRACK:-./themetrack} sh tests/bench/bench.sh
