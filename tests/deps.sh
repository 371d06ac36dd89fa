#!/bin/sh
# deps.sh [--optional] PKG... - install the missing Debian packages.
# As root, or with password-less sudo, runs apt-get update (once) and
# apt-get install; otherwise prints the exact command and fails.
# With --optional, failure to install is a warning, not an error.
optional=0
if [ "$1" = "--optional" ]; then optional=1; shift; fi

if ! command -v dpkg-query >/dev/null 2>&1; then
	# Not Debian: check what the build needs directly.
	if [ $optional = 0 ] && ! pkg-config --exists libpcre2-8 sqlite3 2>/dev/null; then
		echo "themetrack: deps: need PCRE2 (libpcre2-8), SQLite 3 and libstemmer development files; install them with your package manager" >&2
		exit 1
	fi
	exit 0
fi

missing=
for p in "$@"; do
	st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
	case "$st" in *" installed") ;; *) missing="$missing $p" ;; esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then sudo=
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo=sudo
else
	echo "themetrack: missing packages:$missing" >&2
	echo "  run: sudo apt-get update && sudo apt-get install -y$missing" >&2
	[ $optional = 1 ] && exit 0
	exit 1
fi
echo "themetrack: installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
if $sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq $missing >/dev/null; then
	exit 0
fi
echo "themetrack: could not install:$missing" >&2
[ $optional = 1 ] && exit 0
exit 1
