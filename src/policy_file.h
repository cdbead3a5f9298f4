/* Loading a custom policy file over a built-in profile. */
#ifndef TL_POLICY_FILE_H
#define TL_POLICY_FILE_H

#include "arena.h"
#include "policy.h"

/*
 * BASE with every field PATH sets replaced. Returns the new policy, or
 * NULL with *error as "PATH:LINE:COL: message".
 */
const struct tl_policy *tl_policy_load(struct tl_arena *arena, const char *path,
				       const struct tl_policy *base, const char **error);

#endif
