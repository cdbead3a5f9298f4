/*
 * Inline suppressions (SPEC §4), the same in all three config languages
 * since all use "#" comments:
 *   # tlslint: disable=ID[,ID] reason   on the line above a directive or
 *                                       block, or at the end of its first
 *                                       line: those checks are silenced
 *                                       for the directive or the whole block
 *   # tlslint: disable-file=ID[,ID]     anywhere in a file: for that file
 * A comment that looks meant as one but is misspelt, an id that is no
 * check and a suppression that silences nothing are suppression-invalid
 * findings, so that a stale or mistyped comment cannot hide anything.
 */
#ifndef TL_SUPPRESS_H
#define TL_SUPPRESS_H

/* Checks see only the model: the build compiles checks/ with this set (checks/meson.build). */
#ifdef TL_CHECKS_BUILD
#error "a parser header reached from checks/: checks must see only the model"
#endif

#include <stdbool.h>

#include "../src/diag.h"
#include "../src/strmap.h"
#include "tree.h"

struct tl_suppressions {
	struct tl_arena *arena;
	struct tl_diag *diag;      /* misspelt comments and unknown ids are findings here */
	struct tl_ptrvec ranges;   /* struct tl_suppression *, one per id */
	struct tl_ptrmap comments; /* (source, line start) → its first "disable=" comment */
	struct tl_ptrvec order;    /* the same comments, in the order found */
	void *spelling; /* pcre2_code * of a '# tlslint:' comment, freed with the arena */
};

void tl_suppressions_init(struct tl_suppressions *s, struct tl_arena *arena, struct tl_diag *diag);

/* Records the suppression comments of every directive and file of TREE. */
void tl_suppressions_collect(struct tl_suppressions *s, const struct tl_tree *tree);

/* True when a comment silences F's check at F's location; those comments count as used. */
bool tl_suppressed(struct tl_suppressions *s, const struct tl_finding *f);

/*
 * A suppression-invalid finding for each comment that silenced nothing,
 * among the checks ENABLED(CTX, id) says the run reports (ESLint's unused
 * disable directive). Call once every finding went through tl_suppressed.
 */
void tl_suppressions_report_unused(struct tl_suppressions *s,
				   bool (*enabled)(const void *ctx, const char *id),
				   const void *ctx);

#endif
