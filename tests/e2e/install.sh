#!/bin/sh
# make install honours PREFIX and DESTDIR: the binary finds the installed
# rule set and lexicons from any directory.
. "$SRC/tests/e2e/common.inc"
make -s -C "$SRC" install PREFIX="$work/p" BUILD="$work/build" > make.log 2>&1 || { cat make.log; fail "make install"; }
[ -x "$work/p/bin/themetrack" ] || fail "no binary in PREFIX/bin"
[ -f "$work/p/share/themetrack/rules/themes.rules" ] || fail "no rules in PREFIX/share/themetrack"
[ -f "$work/p/share/themetrack/lexicons/negation.txt" ] || fail "no lexicons in PREFIX/share/themetrack"
mkdir elsewhere && cd elsewhere
env -u THEMETRACK_RULES "$work/p/bin/themetrack" rules check > out.txt 2>&1 || { cat out.txt; fail "installed binary cannot load the installed rules"; }
grep -q "^$work/p/share/themetrack/rules: 25 themes" out.txt || { cat out.txt; fail "rules check output"; }
cd "$work"
make -s -C "$SRC" install PREFIX=/opt/tt DESTDIR="$work/stage" BUILD="$work/build" > make.log 2>&1 || fail "make install with DESTDIR"
[ -x "$work/stage/opt/tt/bin/themetrack" ] || fail "DESTDIR not honoured"
echo "install: ok"
