/*
 * The fix of a finding: one concrete edit, in the words of the server the
 * finding is about, shown as "fix:" in text and "fix" in JSON. Most fixes
 * are the check's edit for that server (src/fix.c) with the finding's
 * place and the profile's values filled in; a check or lowering that knows
 * the exact edit sets tl_finding.fix to its own template instead.
 */
#ifndef TL_FIX_H
#define TL_FIX_H

#include "diag.h"
#include "policy.h"

/*
 * Gives every finding of DIAG its fix: the template a check set in
 * tl_finding.fix, else its check's for its server, with the placeholders
 * filled.
 */
void tl_fixes_fill(struct tl_diag *diag, const struct tl_policy *policy);

/*
 * The fix template of check ID for SERVER ("nginx", "apache", "haproxy" or
 * NULL), before its placeholders are filled; never NULL for a catalogued
 * check (the unit tests hold every id to that).
 */
const char *tl_fix_template(enum tl_check_id id, const char *server);

/*
 * TEMPLATE with its placeholders filled for finding F, in ARENA; DIAG (or
 * NULL) knows the levels and blocks the parsers registered, where {edit:}
 * places an added directive.
 */
const char *tl_fix_expand(struct tl_arena *arena, const char *template, const struct tl_finding *f,
			  const struct tl_diag *diag, const struct tl_policy *policy);

#endif
