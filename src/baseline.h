/*
 * Baselines: a team adopts tlslint on a large config repository by
 * recording today's findings (--write-baseline) and reporting only new
 * ones (--baseline). A finding is matched by its check, its file and the
 * text of its line with blanks collapsed, never by line number, so edits
 * elsewhere in a file do not bring old findings back; equal keys are
 * counted, so a second identical mistake in the same file is still new.
 */
#ifndef TL_BASELINE_H
#define TL_BASELINE_H

#include "arena.h"
#include "diag.h"

/*
 * Writes the findings of DIAG to PATH as JSON, each file named relative to
 * ROOT (--root, or the current directory when NULL). Returns 0, or -1 with
 * *error set.
 */
int tl_baseline_write(const char *path, const struct tl_diag *diag, const char *root,
		      struct tl_arena *arena, const char **error);

/*
 * Drops from DIAG the findings PATH records, and adds notes saying how
 * many were left out and how many recorded ones no longer occur.
 * Returns 0, or -1 with *error set ("PATH:LINE:COL: …" for bad content).
 */
int tl_baseline_apply(const char *path, struct tl_diag *diag, const char *root,
		      struct tl_arena *arena, const char **error);

#endif
