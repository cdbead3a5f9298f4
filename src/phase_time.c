#include "phase_time.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* One run per process: the clock is process-wide, like the time it measures. */
static struct {
	enum tl_phase current;
	struct timespec last;
	double ms[TL_PHASE_COUNT];
	long rss_kb;                  /* resident size at the last switch (when enabled) */
	long grew_kb[TL_PHASE_COUNT]; /* resident growth charged to each phase */
	int started;
	int enabled; /* 0 unknown, 1 yes, -1 no */
	struct {
		const char *id;
		double ms;
	} slowest[8]; /* by time, the largest first */
} clock_state;

static const char *const names[TL_PHASE_COUNT] = {
	"start-up", "read+parse", "lowering", "certificates", "checks", "output",
};

/* The resident set size in KiB (/proc/self/statm), 0 when unknown. */
static long
resident_kb(void)
{
	FILE *f = fopen("/proc/self/statm", "r");
	long size = 0, resident = 0;

	if (f == NULL)
		return 0;
	if (fscanf(f, "%ld %ld", &size, &resident) != 2)
		resident = 0;
	fclose(f);
	return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

static void
charge_current(void)
{
	struct timespec now;
	double ms;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (double)(now.tv_sec - clock_state.last.tv_sec) * 1e3 +
	     (double)(now.tv_nsec - clock_state.last.tv_nsec) / 1e6;
	clock_state.ms[clock_state.current] += ms;
	if (tl_phase_enabled()) {
		long rss = resident_kb();

		clock_state.grew_kb[clock_state.current] += rss - clock_state.rss_kb;
		clock_state.rss_kb = rss;
		/* Reading /proc is the report's cost, not the phase's. */
		clock_gettime(CLOCK_MONOTONIC, &now);
	}
	clock_state.last = now;
}

void
tl_phase_start(void)
{
	clock_gettime(CLOCK_MONOTONIC, &clock_state.last);
	clock_state.current = TL_PHASE_START;
	clock_state.started = 1;
}

enum tl_phase
tl_phase_enter(enum tl_phase phase)
{
	enum tl_phase was = clock_state.current;

	if (clock_state.started)
		charge_current();
	clock_state.current = phase;
	return was;
}

int
tl_phase_enabled(void)
{
	if (clock_state.enabled == 0)
		clock_state.enabled = getenv("TLSLINT_TIMINGS") != NULL ? 1 : -1;
	return clock_state.enabled > 0;
}

double
tl_phase_now_ms(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)now.tv_sec * 1e3 + (double)now.tv_nsec / 1e6;
}

void
tl_phase_check(const char *id, double ms)
{
	const size_t n = sizeof(clock_state.slowest) / sizeof(clock_state.slowest[0]);
	size_t at = n;

	while (at > 0 &&
	       (clock_state.slowest[at - 1].id == NULL || clock_state.slowest[at - 1].ms < ms))
		at--;
	if (at == n)
		return;
	memmove(&clock_state.slowest[at + 1], &clock_state.slowest[at],
		(n - at - 1) * sizeof(clock_state.slowest[0]));
	clock_state.slowest[at].id = id;
	clock_state.slowest[at].ms = ms;
}

void
tl_phase_report(FILE *out)
{
	double total = 0;

	if (!clock_state.started || !tl_phase_enabled())
		return;
	charge_current();
	for (int i = 0; i < TL_PHASE_COUNT; i++) {
		fprintf(out, "tlslint: timing %-13s %9.1f ms %8.1f MB resident growth\n", names[i],
			clock_state.ms[i], (double)clock_state.grew_kb[i] / 1024);
		total += clock_state.ms[i];
	}
	fprintf(out, "tlslint: timing %-13s %9.1f ms\n", "total", total);
	for (size_t i = 0; i < sizeof(clock_state.slowest) / sizeof(clock_state.slowest[0]) &&
			   clock_state.slowest[i].id != NULL;
	     i++)
		fprintf(out, "tlslint: timing check %s %.1f ms\n", clock_state.slowest[i].id,
			clock_state.slowest[i].ms);
}
