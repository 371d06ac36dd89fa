#!/bin/sh
# cram.sh FILE.t - run one golden CLI test file.
#
# Format (after cram): lines indented by two spaces and "$ " are commands
# ("> " continues one); the indented lines after a command are its expected
# output (stdout and stderr together, in order); "  [N]" is its expected
# exit status when not 0. Everything else is commentary. A line of expected
# output ending in " (re)" is a POSIX extended regular expression that the
# whole actual line must match.
#
# Each file runs in a fresh temporary directory with `themetrack` on PATH
# and $SRC (the source tree), $SHARED (../shared, may be absent) set.
# Prints the diff and exits 1 when the output differs.
set -u
t=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT INT TERM

awk -v marker="@@CRAM@@" '
/^  \$ / { if (incmd) print "echo \"" marker " $?\""; print substr($0, 5); incmd = 1; next }
/^  > / && incmd { print substr($0, 5); next }
' "$t" > "$dir/script.sh"
printf 'echo "@@CRAM@@ $?"\n' >> "$dir/script.sh"

(cd "$dir" && LC_ALL=C NO_COLOR=1 sh ./script.sh > "$dir/out" 2>&1 < /dev/null)

# Rebuild the file from commentary, commands and actual output: after each
# command block, its output up to the next marker, then "[N]" if N != 0.
awk -v outfile="$dir/out" '
function flush(   line) {
	while ((getline line < outfile) > 0) {
		if (line ~ /^@@CRAM@@ [0-9]+$/) {
			if (substr(line, 10) != 0) print "  [" substr(line, 10) "]"
			return
		}
		print "  " line
	}
}
/^  \$ / { if (state) flush(); print; state = 1; next }
/^  > / && state == 1 { print; next }
/^  / && state { state = 2; next }
{ if (state) flush(); state = 0; print }
END { if (state) flush() }
' "$t" > "$dir/actual"

# Lines marked (re) in the expected file match as regular expressions.
awk '
NR == FNR { want[FNR] = $0; n = FNR; next }
{
	e = want[FNR]
	if (e ~ / \(re\)$/) {
		re = "^" substr(e, 3, length(e) - 7) "$"
		if (substr($0, 1, 2) == "  " && substr($0, 3) ~ re) { print e; next }
	}
	print
}
' "$t" "$dir/actual" > "$dir/actual.re"

if diff -u "$t" "$dir/actual.re" > "$dir/diff"; then
	exit 0
fi
cat "$dir/diff"
exit 1
