/*
 * A minimal unit-test harness: CHECK macros count failures and print
 * file:line of each; a test program's main returns tl_unit_result().
 */
#ifndef TL_UNIT_H
#define TL_UNIT_H

#include <stdio.h>
#include <string.h>

static int tl_unit_failures;
static int tl_unit_checks;

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		tl_unit_checks++;                                                                  \
		if (!(cond)) {                                                                     \
			tl_unit_failures++;                                                        \
			fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);   \
		}                                                                                  \
	} while (0)

#define CHECK_STR(got, want)                                                                       \
	do {                                                                                       \
		const char *g_ = (got);                                                            \
		const char *w_ = (want);                                                           \
		tl_unit_checks++;                                                                  \
		if (g_ == NULL || w_ == NULL ? g_ != w_ : strcmp(g_, w_) != 0) {                   \
			tl_unit_failures++;                                                        \
			fprintf(stderr, "%s:%d: got '%s', want '%s'\n", __FILE__, __LINE__,        \
				g_ ? g_ : "(null)", w_ ? w_ : "(null)");                           \
		}                                                                                  \
	} while (0)

#define CHECK_INT(got, want)                                                                       \
	do {                                                                                       \
		long long g_ = (long long)(got);                                                   \
		long long w_ = (long long)(want);                                                  \
		tl_unit_checks++;                                                                  \
		if (g_ != w_) {                                                                    \
			tl_unit_failures++;                                                        \
			fprintf(stderr, "%s:%d: %s is %lld, want %lld\n", __FILE__, __LINE__,      \
				#got, g_, w_);                                                     \
		}                                                                                  \
	} while (0)

static inline int
tl_unit_result(void)
{
	printf("%d checks, %d failed\n", tl_unit_checks, tl_unit_failures);
	return tl_unit_failures ? 1 : 0;
}

#endif
