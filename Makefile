# themetrack - see README.md. Targets: all deps test demo bench fuzz lint
# asan valgrind install uninstall clean.

VERSION   := 0.1.0
PREFIX    ?= /usr/local
DESTDIR   ?=
BUILD     ?= build
ASAN_BUILD ?= $(BUILD)-asan
CC        ?= cc
PKG_CONFIG ?= pkg-config

BUILD_PKGS := libpcre2-dev libstemmer-dev libsqlite3-dev pkg-config
TEST_PKGS  := poppler-utils sqlite3

WARN := -Wall -Wextra -Wpedantic -Werror -Wstrict-prototypes \
        -Wmissing-prototypes -Wvla -Wwrite-strings -Wformat-security \
        -Wshadow -Wno-unused-parameter

PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags libpcre2-8 sqlite3 2>/dev/null)
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs libpcre2-8 sqlite3 2>/dev/null)

CPPFLAGS_ALL = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
               -DTT_VERSION='"$(VERSION)"' -DTT_DATADIR='"$(PREFIX)/share/themetrack"' \
               -Isrc $(PKG_CFLAGS) $(CPPFLAGS)
CFLAGS  ?= -O2 -g
CFLAGS_ALL = -std=c11 $(WARN) $(CFLAGS)
LIBS_ALL = $(PKG_LIBS) -lstemmer -lpthread -lm

ASAN_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
              -fno-sanitize-recover=all

SRC      := $(sort $(wildcard src/*.c))
LIB_SRC  := $(filter-out src/main.c,$(SRC))
OBJ      := $(LIB_SRC:src/%.c=$(BUILD)/%.o)
ASAN_OBJ := $(LIB_SRC:src/%.c=$(ASAN_BUILD)/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(ASAN_BUILD)/unit/%)

.PHONY: all deps test-deps test unit cli demo bench fuzz lint asan valgrind \
        install uninstall clean

all: themetrack

themetrack: $(BUILD)/libthemetrack.a $(BUILD)/main.o
	$(CC) $(CFLAGS_ALL) -o $@ $(BUILD)/main.o $(BUILD)/libthemetrack.a $(LIBS_ALL) $(LDFLAGS)

$(BUILD)/libthemetrack.a: $(OBJ)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/%.o: src/%.c src/*.h | $(BUILD)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -c -o $@ $<

$(BUILD) $(ASAN_BUILD) $(ASAN_BUILD)/unit:
	mkdir -p $@

# The installed rule set's place is compiled in (TT_DATADIR): rebuild
# cli.o whenever PREFIX changes.
$(BUILD)/prefix.stamp $(ASAN_BUILD)/prefix.stamp: FORCE
	@mkdir -p $(@D)
	@echo '$(PREFIX)' | cmp -s - $@ || echo '$(PREFIX)' > $@
$(BUILD)/cli.o: $(BUILD)/prefix.stamp
$(ASAN_BUILD)/cli.o: $(ASAN_BUILD)/prefix.stamp
FORCE:

# The sanitizer build: the CLI and unit tests all run under ASan + UBSan.
$(ASAN_BUILD)/%.o: src/%.c src/*.h | $(ASAN_BUILD)
	$(CC) $(CPPFLAGS_ALL) -std=c11 $(WARN) $(ASAN_FLAGS) -c -o $@ $<

$(ASAN_BUILD)/libthemetrack.a: $(ASAN_OBJ)
	rm -f $@ && ar rcs $@ $^

$(ASAN_BUILD)/themetrack: $(ASAN_BUILD)/libthemetrack.a $(ASAN_BUILD)/main.o
	$(CC) $(ASAN_FLAGS) -o $@ $(ASAN_BUILD)/main.o $(ASAN_BUILD)/libthemetrack.a $(LIBS_ALL)

$(ASAN_BUILD)/unit/%: tests/unit/%.c tests/unit/test.h $(ASAN_BUILD)/libthemetrack.a | $(ASAN_BUILD)/unit
	$(CC) $(CPPFLAGS_ALL) -Itests/unit -std=c11 $(WARN) $(ASAN_FLAGS) -o $@ $< $(ASAN_BUILD)/libthemetrack.a $(LIBS_ALL)

asan: $(ASAN_BUILD)/themetrack $(UNIT_BIN)

# Installs missing Debian packages (apt-get, as root or through sudo);
# elsewhere prints the command to run and fails.
deps:
	@sh tests/deps.sh $(BUILD_PKGS)

test-deps: deps
	@sh tests/deps.sh --optional $(TEST_PKGS)

test: test-deps
	@$(MAKE) --no-print-directory themetrack asan
	@sh tests/run.sh $(ASAN_BUILD)

unit: asan
	@sh tests/run.sh --unit $(ASAN_BUILD)

cli: asan
	@sh tests/run.sh --cli $(ASAN_BUILD)

valgrind: themetrack
	@TT_VALGRIND=1 sh tests/run.sh --cli $(BUILD)

demo: deps
	@$(MAKE) --no-print-directory themetrack
	rm -f demo.db demo.db-wal demo.db-shm demo-report.html
	./themetrack ingest --db demo.db --manifest corpora/sample/manifest.csv
	./themetrack stats --db demo.db
	@echo
	./themetrack trend --db demo.db --top 5
	@echo
	./themetrack compare --db demo.db --from 2015 --to 2018
	@echo
	./themetrack grades --db demo.db --by year
	@echo
	./themetrack emerging --db demo.db --recent 2018 --limit 15
	@echo
	./themetrack report --db demo.db -o demo-report.html
	@echo "report: $(CURDIR)/demo-report.html"

lint:
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability \
	  --std=c11 -Isrc --suppress=missingIncludeSystem src

# make bench (tests/bench/) and make fuzz (tests/fuzz/) live with their code.
-include tests/bench/bench.mk
-include tests/fuzz/fuzz.mk

install: themetrack
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/themetrack/rules \
	  $(DESTDIR)$(PREFIX)/share/themetrack/lexicons
	install -m 755 themetrack $(DESTDIR)$(PREFIX)/bin/themetrack
	for f in rules/*; do [ -f "$$f" ] && install -m 644 "$$f" $(DESTDIR)$(PREFIX)/share/themetrack/rules/; done; true
	for f in lexicons/*; do [ -f "$$f" ] && install -m 644 "$$f" $(DESTDIR)$(PREFIX)/share/themetrack/lexicons/; done; true

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/themetrack
	rm -rf $(DESTDIR)$(PREFIX)/share/themetrack

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) themetrack demo.db demo.db-wal demo.db-shm demo-report.html
