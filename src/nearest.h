/*
 * "Did you mean": the nearest word to a mistyped one, for options,
 * directives and check ids alike.
 */
#ifndef TL_NEAREST_H
#define TL_NEAREST_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Edit distance of A and B (insertions, deletions, substitutions), or
 * LIMIT + 1 once it is known to be above LIMIT. Words of 64 bytes or more
 * are never near anything.
 */
size_t tl_edit_distance(const char *a, const char *b, bool ignore_case, size_t limit);

/* More than two edits away is a different word: the limit every "did you mean" uses. */
#define TL_NEAREST_MAX_EDITS 2

#endif
