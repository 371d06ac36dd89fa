#!/bin/sh
# tests/fuzz/run.sh HARNESS... - what `make fuzz` runs (tests/fuzz/fuzz.mk).
# For each harness, built as $FUZZ_BUILD/HARNESS:
#   1. replays every file of tests/fuzz/regressions/HARNESS/ once: each is
#      an input that crashed it before and must not crash it again;
#   2. fuzzes for $FUZZ_SECONDS seconds from tests/fuzz/seeds/HARNESS/,
#      growing the working corpus tests/fuzz/corpus-HARNESS/ (gitignored);
#      a crash is saved to $FUZZ_BUILD/artifacts/HARNESS/.
# Runs every harness, then exits 1 if any replay or run failed.
# FUZZ_FLAGS adds libFuzzer flags (e.g. -jobs=2 -workers=2).

FUZZ_BUILD=${FUZZ_BUILD:-build-fuzz}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
dir=$(dirname "$0")
failed=

max_len() {
	case $1 in
	fuzz_text) echo 16384 ;;
	fuzz_scan) echo 8192 ;;
	fuzz_rules) echo 8192 ;;
	*) echo 4096 ;;
	esac
}

for h in "$@"; do
	bin=$FUZZ_BUILD/$h
	[ -x "$bin" ] || { echo "fuzz: $bin not built" >&2; failed="$failed $h"; continue; }
	art=$FUZZ_BUILD/artifacts/$h/
	mkdir -p "$art" "$dir/corpus-$h"

	regs=$(find "$dir/regressions/$h" -type f ! -name '.*' ! -name README 2>/dev/null | sort)
	if [ -n "$regs" ]; then
		n=$(echo "$regs" | wc -l)
		echo "fuzz: $h: replaying $n regression input(s)"
		# shellcheck disable=SC2086
		if ! "$bin" -runs=1 -timeout=60 $regs >"$art/regressions.log" 2>&1; then
			echo "fuzz: $h: a regression input fails again; see $art/regressions.log" >&2
			grep -E 'Running:|ERROR|SUMMARY|invariant| #[0-3] ' "$art/regressions.log" |
				head -n 12 >&2
			failed="$failed $h"
			continue
		fi
	fi

	echo "fuzz: $h: fuzzing for ${FUZZ_SECONDS}s"
	# shellcheck disable=SC2086
	if ! "$bin" -max_total_time="$FUZZ_SECONDS" -max_len="$(max_len "$h")" \
		-timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$art" $FUZZ_FLAGS \
		"$dir/corpus-$h" "$dir/seeds/$h" >"$art/fuzz.log" 2>&1; then
		echo "fuzz: $h: crash; input saved in $art (see $art/fuzz.log)" >&2
		grep -E 'ERROR|SUMMARY|invariant|Test unit written' "$art/fuzz.log" | head -n 10 >&2
		failed="$failed $h"
		continue
	fi
	grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$art/fuzz.log" |
		sed "s/^/fuzz: $h: /"
	grep -E '^#[0-9]+.*DONE' "$art/fuzz.log" | tail -n 1 | sed "s/^/fuzz: $h: /"
done

if [ -n "$failed" ]; then
	echo "fuzz: FAILED:$failed" >&2
	exit 1
fi
echo "fuzz: all harnesses passed"
