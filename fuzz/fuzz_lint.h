/*
 * A whole tlslint run on a fuzzed config, as the command line does it:
 * parse, lowering, topology, effective settings, every check, the
 * certificate store and chain verification on the files the config names
 * (under --root, the fuzz directory), then every report format into
 * /dev/null; or, for simulate, every selected client against the model.
 * Beside a crash, leak or sanitizer report, two things stop the fuzzer:
 * a finding placed outside its source, and a run that does not lint its
 * entry (bad content must be findings, never a failed run).
 */
#ifndef TL_FUZZ_LINT_H
#define TL_FUZZ_LINT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "../src/cli/cli.h"
#include "../src/report/report.h"
#include "../src/run.h"
#include "../src/simulate_cmd.h"
#include "fuzz_files.h"

static FILE *fuzz_null;

/* Every finding's place lies inside its source, so excerpts and line numbers can be made. */
static void
fuzz_check_places(const struct tl_diag *diag)
{
	for (size_t i = 0; i < diag->findings.len; i++) {
		const struct tl_finding *f = diag->findings.items[i];
		unsigned line, col;

		if (f->loc.src != NULL && (size_t)f->loc.off + f->loc.len > f->loc.src->len)
			__builtin_trap();
		tl_loc_linecol(&f->loc, &line, &col);
	}
}

static void
fuzz_reports(struct tl_run *run)
{
	static const enum tl_format formats[] = {TL_FORMAT_TEXT, TL_FORMAT_JSON, TL_FORMAT_SARIF,
						 TL_FORMAT_GCC, TL_FORMAT_MARKDOWN};
	struct tl_report_info info = {0};

	info.profile = run->policy->name;
	info.profile_version = run->policy->guideline;
	info.summary.files = run->model.nfiles;
	info.summary.sites = run->model.sites.len;
	info.root = run->fs.root;
	info.width = 100;
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (tl_report_write(fuzz_null, formats[i], &run->diag, &info) != 0)
			__builtin_trap();
}

/*
 * Lints DATA as a config of SERVER ("nginx", "apache", "haproxy"); with
 * CLIENTS set, simulates those clients instead.
 */
static void
fuzz_lint(const char *server, const uint8_t *data, size_t size, const char *clients)
{
	struct tl_arena *arena = tl_arena_new();
	const char *dir = fuzz_dir(), *error = NULL, *hint = NULL, *failed = NULL;
	const char *input = fuzz_input_file(data, size);
	char ca[4096];
	char *argv[16];
	int argc = 0, rc;
	struct tl_options opts;
	struct tl_run run;

	if (fuzz_null == NULL && (fuzz_null = fopen("/dev/null", "w")) == NULL)
		abort();
	snprintf(ca, sizeof(ca), "%s/root.crt", dir);
	argv[argc++] = (char *)"tlslint";
	if (clients != NULL) {
		argv[argc++] = (char *)"simulate";
		argv[argc++] = (char *)"--clients";
		argv[argc++] = (char *)clients;
	}
	argv[argc++] = (char *)"--root";
	argv[argc++] = (char *)dir;
	argv[argc++] = (char *)"--server";
	argv[argc++] = (char *)server;
	argv[argc++] = (char *)"--now";
	argv[argc++] = (char *)"2026-06-01";
	argv[argc++] = (char *)"--ca-file";
	argv[argc++] = ca;
	argv[argc++] = (char *)input;
	argv[argc] = NULL;
	if (tl_cli_parse(argc, argv, arena, &opts, &error, &hint) != 0) {
		fprintf(stderr, "fuzz: %s\n", error);
		abort();
	}
	if (tl_run_init(&run, arena, &opts, &error) != 0) {
		fprintf(stderr, "fuzz: %s\n", error);
		abort();
	}
	/*
	 * The entry is a regular file just written, smaller than any limit:
	 * whatever it holds, it is read and linted (bad content is findings).
	 * A run that fails here means the harness lints nothing.
	 */
	rc = tl_run_lint(&run, &failed);
	if (rc != 0) {
		fprintf(stderr, "fuzz: the run failed (%d) on '%s'\n", rc, failed ? failed : "?");
		__builtin_trap();
	}
	if (clients != NULL) {
		(void)tl_simulate_run(&run, fuzz_null);
	} else {
		tl_run_finish(&run);
		fuzz_check_places(&run.diag);
		fuzz_reports(&run);
	}
	tl_arena_free(arena);
}

#endif
