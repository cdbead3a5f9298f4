/*
 * One lint run: what the user asked for, the sources read, the model, the
 * certificate store and the findings. Checks do not see it: they get the
 * narrower struct tl_check_ctx (check_ctx.h).
 */
#ifndef TL_RUN_H
#define TL_RUN_H

#include <time.h>

#include "../parsers/suppress.h"
#include "analysis.h"
#include "certstore.h"
#include "diag.h"
#include "fsroot.h"
#include "model.h"
#include "options.h"
#include "policy.h"
#include "source.h"
#include "strmap.h"

struct tl_run {
	struct tl_arena *arena;
	const struct tl_options *opts;
	struct tl_fs fs; /* every file a config names is read through it (--root) */
	struct tl_sources sources;
	struct tl_diag diag;
	struct tl_model model;
	struct tl_certstore *certs;
	X509_STORE *trust;                   /* trust anchors for chain checks */
	const struct tl_policy *policy;      /* the profile the configuration is measured against */
	struct tl_suppressions suppressions; /* "# tlslint: disable=…" comments */
	/* Pairs and keys as analysed for the checks, kept for the simulation (tl_run_lint). */
	struct tl_analysis an;
	time_t now;
	const char *unsupported; /* the server of an entry that has no front end yet */
	/* The server versions whose defaults apply (--target, else the stable release). */
	struct tl_version target[TL_SERVER_COUNT];
	/* "device:inode" of every config file read so far, and how many sources that covers. */
	struct tl_strmap read_files;
	size_t read_files_indexed;
};

/*
 * Sets up a run. Returns 0, or -1 with *error set when --root is not a
 * directory, or the trust anchors (--ca-file, --ca-path) or the profile
 * cannot be used.
 */
int tl_run_init(struct tl_run *run, struct tl_arena *arena, const struct tl_options *opts,
		const char **error);

/*
 * Reads every entry (PATH arguments, config entries, or the usual system
 * locations), lowers them into the model and runs the enabled checks.
 * Returns 0, or a negative errno when an entry could not be read (*failed_path set).
 */
int tl_run_lint(struct tl_run *run, const char **failed_path);

/* Applies --enable/--disable and severity overrides, then sorts and de-duplicates. */
void tl_run_finish(struct tl_run *run);

#endif
