/*
 * test.h - the unit-test harness: each tests/unit/test_*.c is one program
 * whose main() calls TT_RUN(fn) for each test function. A test function
 * uses CHECK* macros; a failed check prints file:line and the values, and
 * marks the current test failed. The program ends with the line
 * "N passed, N failed" (counting test functions) and exits 1 on failure.
 */
#ifndef TT_TEST_H
#define TT_TEST_H

#include <stdio.h>
#include <string.h>

static int tt_test_failed_now;
static int tt_tests_passed, tt_tests_failed;
static const char *tt_test_name;

#define CHECK(cond)                                                          \
	do {                                                                 \
		if (!(cond)) {                                               \
			fprintf(stderr, "%s:%d: %s: check failed: %s\n",     \
				__FILE__, __LINE__, tt_test_name, #cond);    \
			tt_test_failed_now = 1;                              \
		}                                                            \
	} while (0)

#define CHECK_INT(a, b)                                                      \
	do {                                                                 \
		long long tt_a = (long long)(a), tt_b = (long long)(b);      \
		if (tt_a != tt_b) {                                          \
			fprintf(stderr, "%s:%d: %s: %s == %lld, want %lld\n",\
				__FILE__, __LINE__, tt_test_name, #a, tt_a,  \
				tt_b);                                       \
			tt_test_failed_now = 1;                              \
		}                                                            \
	} while (0)

#define CHECK_STR(a, b)                                                      \
	do {                                                                 \
		const char *tt_a = (a), *tt_b = (b);                         \
		if (!tt_a || !tt_b || strcmp(tt_a, tt_b) != 0) {             \
			fprintf(stderr, "%s:%d: %s: %s == \"%s\", want \"%s\"\n", \
				__FILE__, __LINE__, tt_test_name, #a,        \
				tt_a ? tt_a : "(null)", tt_b ? tt_b : "(null)"); \
			tt_test_failed_now = 1;                              \
		}                                                            \
	} while (0)

/* Compares n bytes at a with the NUL-terminated b. */
#define CHECK_MEM(a, n, b)                                                   \
	do {                                                                 \
		const char *tt_a = (a), *tt_b = (b);                         \
		size_t tt_n = (size_t)(n);                                   \
		if (strlen(tt_b) != tt_n || memcmp(tt_a, tt_b, tt_n) != 0) { \
			fprintf(stderr, "%s:%d: %s: %s == \"%.*s\", want \"%s\"\n", \
				__FILE__, __LINE__, tt_test_name, #a,        \
				(int)tt_n, tt_a, tt_b);                      \
			tt_test_failed_now = 1;                              \
		}                                                            \
	} while (0)

#define TT_RUN(fn)                                                           \
	do {                                                                 \
		tt_test_name = #fn;                                          \
		tt_test_failed_now = 0;                                      \
		fn();                                                        \
		if (tt_test_failed_now)                                      \
			tt_tests_failed++;                                   \
		else                                                         \
			tt_tests_passed++;                                   \
	} while (0)

#define TT_DONE()                                                            \
	(printf("%d passed, %d failed\n", tt_tests_passed, tt_tests_failed), \
	 tt_tests_failed ? 1 : 0)

#endif
