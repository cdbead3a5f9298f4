/*
 * Inline suppressions (SPEC §4), the same in all three config languages
 * since all use "#" comments:
 *   # tlslint: disable=ID[,ID] reason   on the line above a directive or
 *                                       block, or at the end of its first
 *                                       line: those checks are silenced
 *                                       for the directive or the whole block
 *   # tlslint: disable-file=ID[,ID]     anywhere in a file: for that file
 */
#ifndef TL_SUPPRESS_H
#define TL_SUPPRESS_H

/* Checks see only the model: the build compiles checks/ with this set (checks/meson.build). */
#ifdef TL_CHECKS_BUILD
#error "a parser header reached from checks/: checks must see only the model"
#endif

#include <stdbool.h>

#include "../src/diag.h"
#include "tree.h"

struct tl_suppressions {
	struct tl_arena *arena;
	struct tl_ptrvec ranges; /* struct tl_suppression * */
};

void tl_suppressions_init(struct tl_suppressions *s, struct tl_arena *arena);

/* Records the suppression comments of every directive and file of TREE. */
void tl_suppressions_collect(struct tl_suppressions *s, const struct tl_tree *tree);

/* True when a comment silences F's check at F's location. */
bool tl_suppressed(const struct tl_suppressions *s, const struct tl_finding *f);

#endif
