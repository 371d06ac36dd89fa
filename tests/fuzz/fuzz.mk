# tests/fuzz/fuzz.mk - libFuzzer harnesses (tests/fuzz/README.md), included
# by the top-level Makefile.
#
#   make fuzz                       build every harness, replay the saved
#                                   regressions, then fuzz each for
#                                   FUZZ_SECONDS (60) seconds; fails when a
#                                   harness crashes
#   make fuzz FUZZ_SECONDS=600 FUZZ_HARNESSES='fuzz_text fuzz_scan'
#   make fuzz-build                 only build ($(FUZZ_BUILD)/<harness>)
#
# The library is compiled a third time, with clang and
# -fsanitize=fuzzer-no-link,address,undefined, into $(FUZZ_BUILD); the
# harnesses link it with -fsanitize=fuzzer,address,undefined.

BUILD        ?= build
PREFIX       ?= /usr/local
VERSION      ?= 0.1.0
PKG_CONFIG   ?= pkg-config
FUZZ_BUILD   ?= $(BUILD)-fuzz
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_HARNESSES ?= fuzz_text fuzz_split fuzz_rules fuzz_manifest fuzz_scan

FUZZ_SAN      := -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS   := -std=c11 -O1 -g -fno-omit-frame-pointer $(FUZZ_SAN)
FUZZ_CPPFLAGS := -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
                 -DTT_VERSION='"$(VERSION)"' \
                 -DTT_DATADIR='"$(PREFIX)/share/themetrack"' -Isrc \
                 $(shell $(PKG_CONFIG) --cflags libpcre2-8 sqlite3 2>/dev/null)
FUZZ_LIBS     := $(shell $(PKG_CONFIG) --libs libpcre2-8 sqlite3 2>/dev/null) \
                 -lstemmer -lpthread -lm
# The library's -Werror gate is the gcc build; under clang its warnings
# are shown here, never fatal. The harnesses build with the strict set.
FUZZ_WARN     := -Wall -Wextra -Wno-unused-parameter
FUZZ_HWARN    := -Wall -Wextra -Wpedantic -Werror -Wstrict-prototypes \
                 -Wmissing-prototypes -Wvla -Wwrite-strings -Wshadow \
                 -Wno-unused-parameter

FUZZ_LIB_SRC := $(filter-out src/main.c,$(sort $(wildcard src/*.c)))
FUZZ_LIB_OBJ := $(FUZZ_LIB_SRC:src/%.c=$(FUZZ_BUILD)/obj/%.o)
FUZZ_BINS    := $(FUZZ_HARNESSES:%=$(FUZZ_BUILD)/%)

.PHONY: fuzz fuzz-build

fuzz: fuzz-build
	@FUZZ_BUILD='$(FUZZ_BUILD)' FUZZ_SECONDS='$(FUZZ_SECONDS)' \
	  sh tests/fuzz/run.sh $(FUZZ_HARNESSES)

fuzz-build: $(FUZZ_BINS)

$(FUZZ_BUILD)/obj:
	mkdir -p $@

$(FUZZ_BUILD)/obj/%.o: src/%.c src/*.h | $(FUZZ_BUILD)/obj
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) $(FUZZ_WARN) \
	  -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_BUILD)/libthemetrack-fuzz.a: $(FUZZ_LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h src/*.h \
                      $(FUZZ_BUILD)/libthemetrack-fuzz.a
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) -DTT_FUZZ_SRCDIR='"$(CURDIR)"' \
	  $(FUZZ_CFLAGS) $(FUZZ_HWARN) -fsanitize=fuzzer -o $@ $< \
	  $(FUZZ_BUILD)/libthemetrack-fuzz.a $(FUZZ_LIBS)
