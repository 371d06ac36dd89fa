#!/bin/sh
# bench.sh - themetrack throughput, memory and query latency against rg,
# pcre2grep and a Python peer; see tests/bench/README.md.
#
# Run from the source tree (make bench does). Environment:
#   THEMETRACK=./themetrack   binary to measure
#   BENCH_REAL=../shared/corpora/ofsted-ilacs   real corpus (manifest.csv + texts/)
#   BENCH_MB=                 generated corpus size in MB (10^6 bytes);
#                             default 10x the real corpus (270 without it)
#   BENCH_SEED=1              generator seed
#   BENCH_SIDE_MB=1           MB of each corpus given to rg, pcre2grep, the
#                             Python peer and the same-text scan (0: all)
#   BENCH_BUDGET=900          seconds for the whole run; each step gets a
#                             share of what is left (at most BENCH_TIMEOUT)
#   BENCH_TIMEOUT=600         seconds at most for one step
#   BENCH_DIR=/tmp/themetrack-bench   work directory (corpus kept, dbs removed)
#   BENCH_KEEP=0              1: keep the databases
#   BENCH_RESULTS=tests/bench/RESULTS.md   where the dated section goes
#                             (empty: do not write)
#   BENCH_LABEL=              a line of text put in the section heading
set -u
LC_ALL=C; export LC_ALL
NO_COLOR=1; export NO_COLOR
unset THEMETRACK_DB

TT=${THEMETRACK:-./themetrack}
PY=/usr/bin/python3; [ -x $PY ] || PY=python3
HERE=tests/bench
REAL=${BENCH_REAL:-../shared/corpora/ofsted-ilacs}
SEED=${BENCH_SEED:-1}
SIDE_MB=${BENCH_SIDE_MB:-1}
BUDGET=${BENCH_BUDGET:-900}
STEP_MAX=${BENCH_TIMEOUT:-600}
W=${BENCH_DIR:-/tmp/themetrack-bench}
RESULTS=${BENCH_RESULTS-tests/bench/RESULTS.md}
RULES=${THEMETRACK_RULES:-rules}

die() { echo "bench: $*" >&2; exit 1; }
say() { echo "bench: $*" >&2; }
[ -f "$HERE/bench.sh" ] || die "run me from the source tree (sh tests/bench/bench.sh)"
[ -x "$TT" ] || die "no themetrack binary at $TT (make themetrack, or THEMETRACK=path)"
mkdir -p "$W" || die "cannot create $W"
TSV=$W/results.tsv
NOTES=$W/notes.txt
: > "$TSV"; : > "$NOTES"
note() { echo "- $*" >> "$NOTES"; say "$*"; }
now() { date +%s.%N; }
START=$(now)
DEADLINE=$(awk -v s="$START" -v b="$BUDGET" 'BEGIN { printf "%.0f", s + b }')
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)

# Steps still to run, in weight units, for sharing the time budget: a step
# of weight WT (1, or 3 for ingest, tag and the full scan) gets WT/STEPS_LEFT
# of the time left (decremented by measure).
STEPS_LEFT=0
WT=1

# measure NAME CMD... : runs CMD under timeout with stdout/stderr in
# $W/NAME.out/.err; sets SECS, RSS_MB, RC, TIMED_OUT (1 when killed).
measure() {
	name=$1; shift
	left=$(awk -v d="$DEADLINE" -v n="$(now)" -v k="$STEPS_LEFT" -v m="$STEP_MAX" \
		-v w="$WT" 'BEGIN { t = (d - n) * w / (k > w ? k : w); if (t > m) t = m; if (t < 5) t = 5; printf "%d", t }')
	STEPS_LEFT=$((STEPS_LEFT > WT ? STEPS_LEFT - WT : 0))
	say "$name (timeout ${left}s): $*"
	t0=$(now)
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -v -o "$W/$name.time" timeout "$left" "$@" > "$W/$name.out" 2> "$W/$name.err"
	else
		$PY $HERE/rusage.py "$W/$name.time" timeout "$left" "$@" > "$W/$name.out" 2> "$W/$name.err"
	fi
	RC=$?
	t1=$(now)
	SECS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
	RSS_MB=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$W/$name.time" 2>/dev/null)
	[ -n "$RSS_MB" ] || RSS_MB=-
	TIMED_OUT=0
	if [ $RC = 124 ] || [ $RC = 137 ] || grep -q 'Command terminated by signal' "$W/$name.time" 2>/dev/null; then
		TIMED_OUT=1
	fi
	[ $RC = 0 ] || [ $TIMED_OUT = 1 ] || say "$name: exit $RC: $(tail -c 300 "$W/$name.err")"
}

# row CORPUS MEASUREMENT MB SECS RSS NOTE : one line of the table. MB/s is
# MB/SECS when MB is given; a timed-out step gives "<" MB/s (an upper bound).
row() {
	mbs=-
	if [ "$3" != - ] && [ "$4" != - ]; then
		mbs=$(awk -v m="$3" -v s="$4" 'BEGIN { if (s > 0) printf "%.3f", m / s; else print "-" }')
		if [ "${EST:-0}" = 1 ]; then mbs="~$mbs"; elif [ "${TIMED_OUT:-0}" = 1 ]; then mbs="<$mbs"; fi
	fi
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$mbs" "$5" "$6" >> "$TSV"
}

q() { $PY -c 'import sqlite3,sys; r=sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone(); print(r[0] if r and r[0] is not None else 0)' "$1" "$2" 2>/dev/null || echo 0; }
dbsize() { du -cb "$1" "$1-wal" "$1-shm" 2>/dev/null | tail -1 | cut -f1; }
mbof() { awk -v b="$1" 'BEGIN { printf "%.3f", b / 1e6 }'; }
fresh() { rm -f "$1" "$1-wal" "$1-shm"; }
tonote() { [ "$TIMED_OUT" = 1 ] && echo "timed out after ${SECS}s" || { [ "$RC" = 0 ] && echo "${1:-}" || echo "exit $RC"; }; }

# ---------------------------------------------------------------- inputs
have_real=0
if [ -f "$REAL/manifest.csv" ] && [ -d "$REAL/texts" ]; then have_real=1
else note "real corpus: $REAL (manifest.csv + texts/) not found, skipped"; fi

# The bytes of the text files a manifest lists.
manifest_bytes() {
	$PY - "$1" <<'EOF'
import csv, os, sys
m = sys.argv[1]; base = os.path.dirname(os.path.abspath(m))
print(sum(os.path.getsize(os.path.join(base, r["file"])) for r in csv.DictReader(open(m, newline="", encoding="utf-8"))
          if os.path.exists(os.path.join(base, r["file"]))))
EOF
}
# concat MANIFEST OUT [MB] : the manifest's texts, in order, into OUT
# (stopping after the document that reaches MB when MB > 0).
concat() {
	$PY - "$1" "$2" "${3:-0}" <<'EOF'
import csv, os, sys
m, out, lim = sys.argv[1], sys.argv[2], float(sys.argv[3]) * 1e6
base = os.path.dirname(os.path.abspath(m)); n = 0
with open(out, "wb") as o:
    for r in csv.DictReader(open(m, newline="", encoding="utf-8")):
        if lim and n >= lim: break
        with open(os.path.join(base, r["file"]), "rb") as f: d = f.read()
        o.write(d if d.endswith(b"\n") else d + b"\n"); o.write(b"\n"); n += len(d) + 1
EOF
}

REAL_MB=0
if [ $have_real = 1 ]; then REAL_MB=$(mbof "$(manifest_bytes "$REAL/manifest.csv")"); fi
if [ -n "${BENCH_MB:-}" ]; then GEN_MB=$BENCH_MB
elif [ $have_real = 1 ]; then GEN_MB=$(awk -v r="$REAL_MB" 'BEGIN { printf "%d", r * 10 + 0.5 }')
else GEN_MB=270; fi
GEN=$W/gen-$GEN_MB-$SEED
if [ ! -f "$GEN/manifest.csv" ]; then
	say "generating $GEN_MB MB (seed $SEED) in $GEN"
	rm -rf "$GEN"
	$PY $HERE/gencorpus.py --mb "$GEN_MB" --seed "$SEED" "$GEN" || die "gencorpus failed"
fi

PAT=$W/patterns.txt
$PY $HERE/patterns.py --themetrack "$TT" --rules "$RULES" "$PAT" 2> "$W/patterns.err" || die "patterns.py failed"
PAT_SRC=$(cat "$W/patterns.err")
note "$PAT_SRC"
have_rg=0; command -v rg >/dev/null 2>&1 && have_rg=1
have_pg=0; command -v pcre2grep >/dev/null 2>&1 && have_pg=1
have_nltk=0; $PY -c 'import nltk.stem.snowball' 2>/dev/null && have_nltk=1
[ $have_rg = 1 ] || note "rg not installed: rg columns missing (apt-get install ripgrep)"
[ $have_pg = 1 ] || note "pcre2grep not installed: its column missing (apt-get install pcre2-utils)"
[ $have_nltk = 1 ] || note "python3-nltk not installed: Python peer missing (apt-get install python3-nltk)"

# Weights per corpus: ingest x2, tag, full scan (3 each), empty scan, side
# scan, rg, rg-native, pcre2grep, peer (1 each); 4 queries x up to 3 runs.
STEPS_LEFT=$(( (have_real + 1) * 18 + 12 ))

# ------------------------------------------------------------ one corpus
# bench_corpus LABEL MANIFEST : sets DB2_<LABEL> for the query stage.
bench_corpus() {
	label=$1; man=$2
	mb=$(mbof "$(manifest_bytes "$man")")
	ndocs=$(($(wc -l < "$man") - 1))
	say "== $label: $ndocs documents, $mb MB"
	cat_all=$W/$label.concat.txt
	concat "$man" "$cat_all"
	side=$W/$label.side.txt
	if [ "$SIDE_MB" = 0 ]; then side=$cat_all; else concat "$man" "$side" "$SIDE_MB"; fi
	side_mb=$(mbof "$(wc -c < "$side")")

	# ingest, jobs 2 then jobs 1 (fresh databases); --verbose for stage times
	for j in 2 1; do
		db=$W/$label.j$j.db; fresh "$db"
		WT=3; measure "$label.ingest.j$j" "$TT" ingest --db "$db" --rules "$RULES" --jobs $j --verbose --manifest "$man"; WT=1
		stored=$(q "$db" "SELECT sum(bytes) FROM documents")
		smb=$(mbof "$stored")
		sz=$(dbsize "$db")
		per=$(awk -v s="$sz" -v m="$smb" 'BEGIN { if (m > 0) printf "%.2f", s / 1e6 / m; else print "-" }')
		n=$(tonote "db $(mbof "$sz") MB = $per MB per MB of text")
		if [ "$TIMED_OUT" = 1 ]; then
			# killed: the rate of what it stored (whole batches) is an estimate
			n="$n; $smb of $mb MB stored; db $per MB per MB of text"
			EST=1; row "$label" "ingest --jobs $j" "$smb" "$SECS" "$RSS_MB" "$n"; EST=0
		else
			row "$label" "ingest --jobs $j" "$mb" "$SECS" "$RSS_MB" "$n"
		fi
		eval "MB_$label=\$mb"
	done
	db=$W/$label.j2.db
	if grep -qiE '(read|segment|tokeni[sz]e|stem|match|store)[^a-z]*[0-9.]+ ?m?s' "$W/$label.ingest.j1.err"; then
		grep -iE '(read|segment|tokeni[sz]e|stem|match|store)[^a-z]*[0-9.]+ ?m?s' "$W/$label.ingest.j1.err" | tail -3 |
			sed 's/^/  /' > "$W/$label.stages"
		note "$label: per-stage times from ingest --verbose: see the stage lines below"
	else
		note "$label: per-stage times (read, segment, tokenize, stem, match, store) missing: 'themetrack ingest --verbose' prints one line per document and a summary, no stage times"
	fi

	# re-tag what the jobs-2 store holds
	stored=$(q "$db" "SELECT sum(bytes) FROM documents")
	WT=3; measure "$label.tag" "$TT" tag --db "$db" --rules "$RULES" --force
	WT=1
	row "$label" "tag --force (re-tag)" "$(mbof "$stored")" "$SECS" "$RSS_MB" "$(tonote "$(tail -1 "$W/$label.tag.err" | cut -c1-140)")"

	# scan: the whole concatenated text, then the side text (same as rg & co)
	WT=3; measure "$label.scan" "$TT" scan --rules "$RULES" "$cat_all"; WT=1
	row "$label" "scan (all text, one file)" "$mb" "$SECS" "$RSS_MB" "$(tonote "$(($(wc -l < "$W/$label.scan.out") - 1)) hits")"
	if [ "$side" != "$cat_all" ]; then
		: > "$W/empty.txt"
		measure "$label.scan.empty" "$TT" scan --rules "$RULES" "$W/empty.txt"
		row "$label" "scan startup (empty file: loads the rules)" - "$SECS" "$RSS_MB" "$(tonote "included in every scan and ingest time")"
		measure "$label.scan.side" "$TT" scan --rules "$RULES" "$side"
		row "$label" "scan (side text)" "$side_mb" "$SECS" "$RSS_MB" "$(tonote "$(($(wc -l < "$W/$label.scan.side.out") - 1)) hits")"
	else
		cp "$W/$label.scan.time" "$W/$label.scan.side.time"
	fi
	eval "SCAN_MBS_$label=\$(awk -v m=\"\$side_mb\" -v s=\"\$SECS\" 'BEGIN { printf \"%.4f\", m / s }')"

	# grep tools on the side text
	for tool in rg rg-native pcre2grep; do
		case $tool in
		rg) [ $have_rg = 1 ] || continue; what="rg -P -i -c -f patterns" ;;
		rg-native) [ $have_rg = 1 ] || continue; what="rg -i -c -f patterns (rg engine, subset)" ;;
		pcre2grep) [ $have_pg = 1 ] || continue; what="pcre2grep -i -c -f patterns" ;;
		esac
		measure "$label.$tool" $PY $HERE/grepbench.py $tool "$PAT" "$side"
		js=$W/$label.$tool.out
		if [ $RC = 0 ] && [ -s "$js" ]; then
			s=$($PY -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["secs"])' "$js")
			n=$($PY -c 'import json,sys; d=json.load(open(sys.argv[1])); print("%d lines; %s" % (d["count"], d["note"] or "one pass"))' "$js")
			row "$label" "$what (side text)" "$side_mb" "$s" "$RSS_MB" "$n"
			r=$(awk -v m="$side_mb" -v s="$s" 'BEGIN { printf "%.4f", m / s }')
			[ $tool = rg ] && eval "RG_MBS_$label=\$r"
			[ $tool = rg-native ] && eval "RGN_MBS_$label=\$r"
		else
			row "$label" "$what (side text)" "$side_mb" "$SECS" "$RSS_MB" "$(tonote)"
			[ $tool = rg ] && [ "$TIMED_OUT" = 1 ] && eval "RG_MBS_$label=\"<\$(awk -v m=\"\$side_mb\" -v s=\"\$SECS\" 'BEGIN { printf \"%.4f\", m / s }')\""
		fi
	done

	# the Python peer, end to end, on the first SIDE_MB of documents
	if [ $have_nltk = 1 ]; then
		measure "$label.peer" $PY $HERE/peer.py --json --manifest "$man" --patterns "$PAT" \
			--db "$W/$label.peer.db" --max-mb "$SIDE_MB"
		js=$W/$label.peer.out
		if [ $RC = 0 ] && [ -s "$js" ]; then
			set -- $($PY -c 'import json,sys; d=json.load(open(sys.argv[1])); print("%.3f %.3f" % (d["mb"], d["secs"]))' "$js")
			pn=$($PY -c 'import json,sys; d=json.load(open(sys.argv[1])); s=d["stages"]; print("%d docs, %d hits, %d/%d patterns; " % (d["docs"], d["hits"], d["patterns"], d["patterns"]+d["patterns_skipped"]) + " ".join("%s %.1fs" % kv for kv in s.items()))' "$js")
			row "$label" "python peer (nltk+re+sqlite3)" "$1" "$2" "$RSS_MB" "$pn"
			eval "PEER_MBS_$label=\$(awk -v m=\"\$1\" -v s=\"\$2\" 'BEGIN { printf \"%.4f\", m / s }')"
		else
			row "$label" "python peer (nltk+re+sqlite3)" "$side_mb" "$SECS" "$RSS_MB" "$(tonote)"
			[ "$TIMED_OUT" = 1 ] && eval "PEER_MBS_$label=\"<\$(awk -v m=\"\$side_mb\" -v s=\"\$SECS\" 'BEGIN { printf \"%.4f\", m / s }')\""
		fi
	fi
}

[ $have_real = 1 ] && bench_corpus real "$REAL/manifest.csv"
bench_corpus gen "$GEN/manifest.csv"

# ------------------------------------------------ queries on the large store
DB=$W/gen.j2.db
gdocs=$(q "$DB" "SELECT count(*) FROM documents")
FIRST=$(q "$DB" "SELECT min(year) FROM documents")
LAST=$(q "$DB" "SELECT max(year) FROM documents")
qi=0
[ "$FIRST" != "$LAST" ] || note "the large store holds one year ($FIRST) only: compare and emerging fail (BENCH_MB too small)"
for query in "trend" "compare --from $FIRST --to $LAST" "kwic --theme absent_fathers --limit 100" \
		"emerging --recent $LAST"; do
	qi=$((qi + 1)); best=-; runs=0; TIMED_OUT=0
	for r in 1 2 3; do
		# shellcheck disable=SC2086
		measure "gen.query$qi.$r" "$TT" $query --db "$DB"
		runs=$r
		[ $RC = 0 ] || break
		best=$(awk -v a="$best" -v b="$SECS" 'BEGIN { print (a == "-" || b < a) ? b : a }')
		# a slow query is run once
		awk -v s="$SECS" 'BEGIN { exit !(s > 5) }' && break
	done
	STEPS_LEFT=$((STEPS_LEFT - 3 + runs))
	[ $STEPS_LEFT -ge 0 ] || STEPS_LEFT=0
	ms=$(awk -v s="$best" 'BEGIN { if (s == "-") print "-"; else printf "%.0f ms", s * 1000 }')
	row gen "$query" - "$best" "$RSS_MB" "$(tonote "best of $runs; $ms; store of $gdocs documents")"
done

# ----------------------------------------------------------------- report
ratio() { # A B -> A/B, or "-" (a "<" bound on either side is carried)
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (a == "" || b == "" || a == "-" || b == "-") { print "-"; exit }
		ta = sub(/^~/, "", a); tb = sub(/^~/, "", b)
		la = sub(/^</, "", a); lb = sub(/^</, "", b)
		if (b + 0 == 0) { print "-"; exit }
		p = (la && !lb) ? "<" : (lb && !la) ? ">" : (la && lb) ? "?" : ""
		if (p == "" && (ta || tb)) p = "~"
		printf "%s%.2f", p, a / b }'
}
mbs_of() { awk -F'\t' -v c="$1" -v m="$2" '$1 == c && $2 == m { print $5 }' "$TSV"; }
RATIOS=$W/ratios.txt; : > "$RATIOS"
for c in real gen; do
	[ $c = real ] && [ $have_real = 0 ] && continue
	eval "scan=\${SCAN_MBS_$c:-}; rg=\${RG_MBS_$c:-}; peer=\${PEER_MBS_$c:-}"
	j1=$(mbs_of $c "ingest --jobs 1"); j2=$(mbs_of $c "ingest --jobs 2")
	eval "rgn=\${RGN_MBS_$c:-}"
	echo "| $c | scan / rg -P (MB/s, same text; target >= 0.33) | $(ratio "$scan" "$rg") |" >> "$RATIOS"
	echo "| $c | scan / rg own engine, its pattern subset | $(ratio "$scan" "$rgn") |" >> "$RATIOS"
	echo "| $c | scan / Python peer (target >= 100) | $(ratio "$scan" "$peer") |" >> "$RATIOS"
	echo "| $c | ingest --jobs 2 / Python peer | $(ratio "$j2" "$peer") |" >> "$RATIOS"
	echo "| $c | ingest --jobs 2 / --jobs 1 (target >= 1.7) | $(ratio "$j2" "$j1") |" >> "$RATIOS"
done
rss_r=$(awk -F'\t' '$2 == "ingest --jobs 2" { r[$1] = $6 } END { if (r["real"] > 0 && r["gen"] > 0) printf "%.2f", r["gen"] / r["real"]; else print "-" }' "$TSV")
echo "| gen/real | peak RSS of ingest --jobs 2 (target <= 1.5) | $rss_r |" >> "$RATIOS"

END=$(now)
LOAD1=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
TABLE=$W/table.md
{
	echo "| corpus | measurement | MB | seconds | MB/s | peak RSS MB | note |"
	echo "|---|---|---|---|---|---|---|"
	awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7 }' "$TSV"
	echo
	echo "| corpus | ratio | value |"
	echo "|---|---|---|"
	cat "$RATIOS"
} > "$TABLE"
for c in real gen; do
	[ -s "$W/$c.stages" ] && { echo; echo "Stage times ($c, ingest --jobs 1 --verbose):"; cat "$W/$c.stages"; } >> "$TABLE"
done

MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)
RAM=$(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)
SECTION=$W/section.md
{
	echo "## $(date -u '+%Y-%m-%d %H:%M UTC')${BENCH_LABEL:+ - $BENCH_LABEL}"
	echo
	echo "- machine: $(nproc) cores, ${MODEL:-unknown CPU}, $RAM RAM; load average $LOAD0 at the start, $LOAD1 at the end (shared machine)"
	echo "- command: \`THEMETRACK=$TT BENCH_MB=$GEN_MB BENCH_SEED=$SEED BENCH_SIDE_MB=$SIDE_MB BENCH_BUDGET=$BUDGET BENCH_TIMEOUT=$STEP_MAX sh tests/bench/bench.sh\` ($(awk -v a="$START" -v b="$END" 'BEGIN { printf "%.0f", b - a }') s)"
	echo "- themetrack: $("$TT" --version 2>/dev/null | head -1), rules $RULES"
	echo "- corpora: real = $REAL ($( [ $have_real = 1 ] && echo "${MB_real:-?} MB" || echo absent)); gen = gencorpus.py --mb $GEN_MB --seed $SEED (${MB_gen:-?} MB); side text = the first $SIDE_MB MB of each (0 = all)"
	echo
	cat "$TABLE"
	echo
	echo "Notes:"
	cat "$NOTES"
	echo
} > "$SECTION"
cat "$SECTION"
if [ -n "$RESULTS" ]; then
	[ -f "$RESULTS" ] || printf '# Benchmark results\n\nAppended by `make bench` (tests/bench/bench.sh), newest last. See README.md in this folder.\n\n' > "$RESULTS"
	cat "$SECTION" >> "$RESULTS"
	say "appended to $RESULTS"
fi
[ "${BENCH_KEEP:-0}" = 1 ] || rm -f "$W"/*.db "$W"/*.db-wal "$W"/*.db-shm
exit 0
