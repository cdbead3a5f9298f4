/*
 * phase_time: where one run's wall time goes, for the benchmark.
 *
 * The phases interleave (nginx lowering loads certificates, checks verify
 * chains on first use), so the clock is a single "current phase": entering
 * a phase charges the time since the last switch to the one that was
 * running and returns it, so a caller can switch back. Printed to stderr at
 * exit when TLSLINT_TIMINGS is set in the environment, with the growth of
 * the resident set charged the same way and the slowest checks; otherwise
 * each switch costs one clock read.
 */
#ifndef TLSLINT_PHASE_TIME_H
#define TLSLINT_PHASE_TIME_H

#include <stdio.h>

enum tl_phase {
	TL_PHASE_START,  /* main() up to reading the first config: options, trust store */
	TL_PHASE_PARSE,  /* reading and parsing config files */
	TL_PHASE_LOWER,  /* building the model from the trees */
	TL_PHASE_CERTS,  /* reading and decoding certificates and keys, verifying chains */
	TL_PHASE_CHECKS, /* the checks over the model */
	TL_PHASE_OUTPUT, /* suppressions, sorting, writing the report */
	TL_PHASE_COUNT
};

/* Starts the clock in TL_PHASE_START; main() calls it first. */
void tl_phase_start(void);
/* Makes PHASE the running one; returns the phase that was running. */
enum tl_phase tl_phase_enter(enum tl_phase phase);
/* Whether TLSLINT_TIMINGS is set (read once). */
int tl_phase_enabled(void);
/* Milliseconds on the monotonic clock, for timing one check. */
double tl_phase_now_ms(void);
/* Records that check ID took MS; the slowest are reported with the phases. */
void tl_phase_check(const char *id, double ms);
/* When TLSLINT_TIMINGS is set: one line per phase on OUT, in milliseconds. */
void tl_phase_report(FILE *out);

#endif
