/*
 * One lint run: what the user asked for, the sources read, the model, the
 * certificate store and the findings. Checks receive this and nothing else.
 */
#ifndef TL_RUN_H
#define TL_RUN_H

#include <time.h>

#include "../parsers/suppress.h"
#include "certstore.h"
#include "diag.h"
#include "model.h"
#include "options.h"
#include "source.h"

struct tl_run {
	struct tl_arena *arena;
	const struct tl_options *opts;
	struct tl_sources sources;
	struct tl_diag diag;
	struct tl_model model;
	struct tl_certstore *certs;
	struct tl_suppressions suppressions; /* "# tlslint: disable=…" comments */
	time_t now;
	/* The server versions whose defaults apply (--target, else the stable release). */
	struct tl_version target[TL_SERVER_COUNT];
};

void tl_run_init(struct tl_run *run, struct tl_arena *arena, const struct tl_options *opts);

/*
 * Reads every entry (PATH arguments, config entries, or the usual system
 * locations), lowers them into the model and runs the enabled checks.
 * Returns 0, or a negative errno when an entry could not be read (*failed_path set).
 */
int tl_run_lint(struct tl_run *run, const char **failed_path);

/* Applies --enable/--disable and severity overrides, then sorts and de-duplicates. */
void tl_run_finish(struct tl_run *run);

#endif
