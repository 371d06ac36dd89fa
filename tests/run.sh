#!/bin/sh
# run.sh [--unit|--cli] BUILD_DIR - run the test suites against the
# binaries in BUILD_DIR (the sanitizer build under `make test`).
# Ends with the line "N passed, N failed"; exits 1 on any failure.
set -u
what=all
case "${1:-}" in --unit|--cli) what=${1#--}; shift ;; esac
build=${1:?usage: run.sh [--unit|--cli] BUILD_DIR}
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "$build" && pwd)

export LC_ALL=C NO_COLOR=1 SRC="$src"
export SHARED="$src/../shared"
export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:abort_on_error=0:exitcode=99
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=99
export THEMETRACK_RULES="$src/rules"
unset THEMETRACK_DB

passed=0 failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

if [ "$what" != cli ]; then
	for t in "$build"/unit/test_*; do
		[ -x "$t" ] || continue
		name=$(basename "$t")
		if (cd "$src" && "$t") > "$tmp/out" 2>&1; then rc=0; else rc=$?; fi
		line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$tmp/out" | tail -n 1)
		p=$(echo "${line:-0 passed, 0 failed}" | cut -d' ' -f1)
		f=$(echo "${line:-0 passed, 0 failed}" | cut -d' ' -f3)
		if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi  # crash or sanitizer report
		passed=$((passed + p)); failed=$((failed + f))
		if [ "$rc" != 0 ]; then
			echo "FAIL unit/$name"; sed 's/^/    /' "$tmp/out" | head -n 60
		else
			echo "ok   unit/$name ($p)"
		fi
	done
fi

if [ "$what" != unit ]; then
	mkdir -p "$tmp/bin"
	if [ -n "${TT_VALGRIND:-}" ]; then
		printf '#!/bin/sh\nexec valgrind -q --error-exitcode=98 --leak-check=full "%s/themetrack" "$@"\n' "$build" > "$tmp/bin/themetrack"
		chmod +x "$tmp/bin/themetrack"
	else
		ln -s "$build/themetrack" "$tmp/bin/themetrack"
	fi
	for t in "$src"/tests/cli/*.t; do
		[ -f "$t" ] || continue
		name=$(basename "$t")
		if PATH="$tmp/bin:$PATH" sh "$src/tests/cram.sh" "$t" > "$tmp/out" 2>&1; then
			passed=$((passed + 1)); echo "ok   cli/$name"
		else
			failed=$((failed + 1)); echo "FAIL cli/$name"; sed 's/^/    /' "$tmp/out" | head -n 80
		fi
	done
	for t in "$src"/tests/e2e/*.sh; do
		[ -f "$t" ] || continue
		name=$(basename "$t")
		if PATH="$tmp/bin:$PATH" sh "$t" > "$tmp/out" 2>&1; then
			passed=$((passed + 1)); echo "ok   e2e/$name"; grep -E "^(SKIP|SILVER|dev|docs|holdout)" "$tmp/out" | sed "s/^/    /"
		else
			failed=$((failed + 1)); echo "FAIL e2e/$name"; sed 's/^/    /' "$tmp/out" | tail -n 40
		fi
	done
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
