/*
 * How a finding is known across runs: by its check, its file and the text
 * of the line it points at, never by line number, so an edit elsewhere in
 * the file neither loses it nor makes it new. Baselines store this key;
 * the sarif report hashes it into partialFingerprints.
 */
#ifndef TL_FINGERPRINT_H
#define TL_FINGERPRINT_H

#include "../arena.h"
#include "../diag.h"

/*
 * The line F points at, blanks collapsed and trimmed, other control and
 * non-ASCII bytes as '?', at most 240 bytes; F's message when it has no
 * place. The key survives re-indenting and is always valid UTF-8.
 */
const char *tl_finding_line_text(struct tl_arena *arena, const struct tl_finding *f);

/* The key of a finding of CHECK in FILE on a line reading TEXT. */
const char *tl_finding_key(struct tl_arena *arena, const char *check, const char *file,
			   const char *text);

#endif
