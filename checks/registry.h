/*
 * The check catalogue: one static table sorted by id. Each row says what a
 * check is and how to run it; checks see only the model (struct tl_run) and
 * add findings, they never print.
 */
#ifndef TL_REGISTRY_H
#define TL_REGISTRY_H

#include <stddef.h>

#include "../src/diag.h"

struct tl_run;

struct tl_check {
	const char *id;
	enum tl_severity severity; /* default; profile and config may change it */
	const char *family;        /* "input", "certificates", … as in SPEC §5 */
	const char *summary;       /* one line, what it fires on */
	/*
	 * Runs the check over the model. NULL for checks whose findings come
	 * from parsing and lowering (parse-error, include-missing, …).
	 */
	void (*run)(struct tl_run *run);
};

/* The whole catalogue, sorted by id. */
const struct tl_check *tl_checks(size_t *count);
/* Binary search by id; NULL if unknown. */
const struct tl_check *tl_check_find(const char *id);

#endif
