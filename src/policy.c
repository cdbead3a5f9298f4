/*
 * Looking up the built-in profiles by name and guideline version. The
 * table is generated newest first, but the newest is chosen by comparing
 * versions, so that the order of the generated file is not a contract.
 */
#include "policy.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

/* <0, 0, >0 as guideline version A is older than, equal to or newer than B ("5.10" > "5.9"). */
static int
version_cmp(const char *a, const char *b)
{
	while (*a != '\0' || *b != '\0') {
		char *ea, *eb;
		long x = strtol(a, &ea, 10);
		long y = strtol(b, &eb, 10);

		if (x != y)
			return x < y ? -1 : 1;
		a = *ea == '.' ? ea + 1 : ea;
		b = *eb == '.' ? eb + 1 : eb;
		if (ea == a && eb == b)
			break;
	}
	return 0;
}

const struct tl_policy *
tl_policy_builtin(const char *name)
{
	const struct tl_policy *best = NULL;

	for (size_t i = 0; tl_builtin_policies[i] != NULL; i++) {
		const struct tl_policy *p = tl_builtin_policies[i];

		if (strcmp(p->name, name) == 0 &&
		    (best == NULL || version_cmp(p->guideline, best->guideline) > 0))
			best = p;
	}
	return best;
}

/* The distinct names of the built-in profiles, "modern, intermediate or old". */
static const char *
profile_names(struct tl_arena *arena)
{
	const char *seen[8];
	size_t n = 0;
	const char *list = "";

	for (size_t i = 0; tl_builtin_policies[i] != NULL && n < 8; i++) {
		size_t k;

		for (k = 0; k < n; k++)
			if (strcmp(seen[k], tl_builtin_policies[i]->name) == 0)
				break;
		if (k == n)
			seen[n++] = tl_builtin_policies[i]->name;
	}
	for (size_t k = 0; k < n; k++)
		list = tl_arena_printf(arena, "%s%s%s", list,
				       k == 0 ? "" : (k + 1 == n ? " or " : ", "), seen[k]);
	return list;
}

const char *
tl_policy_versions(struct tl_arena *arena, const char *name)
{
	const char *list = "";
	const char *last = NULL;

	/* Oldest first: the table is walked for each next-newer version. */
	for (;;) {
		const struct tl_policy *next = NULL;

		for (size_t i = 0; tl_builtin_policies[i] != NULL; i++) {
			const struct tl_policy *p = tl_builtin_policies[i];

			if (strcmp(p->name, name) == 0 &&
			    (last == NULL || version_cmp(p->guideline, last) > 0) &&
			    (next == NULL || version_cmp(p->guideline, next->guideline) < 0))
				next = p;
		}
		if (next == NULL)
			return list;
		list = tl_arena_printf(arena, "%s%s%s", list, *list ? ", " : "", next->guideline);
		last = next->guideline;
	}
}

const struct tl_policy *
tl_policy_resolve(struct tl_arena *arena, const char *spec, const char **error)
{
	const char *at = strchr(spec, '@');
	const char *name = at ? tl_arena_strndup(arena, spec, (size_t)(at - spec)) : spec;
	const struct tl_policy *newest = tl_policy_builtin(name);

	if (newest == NULL) {
		*error = tl_arena_printf(arena,
					 "unknown profile '%s' (expected %s, or NAME@VERSION)",
					 name, profile_names(arena));
		return NULL;
	}
	if (at == NULL)
		return newest;
	for (size_t i = 0; tl_builtin_policies[i] != NULL; i++) {
		const struct tl_policy *p = tl_builtin_policies[i];

		if (strcmp(p->name, name) == 0 && strcmp(p->guideline, at + 1) == 0)
			return p;
	}
	*error = tl_arena_printf(arena,
				 "profile '%s' has no Mozilla guideline version '%s' (%s: %s)",
				 name, at + 1, name, tl_policy_versions(arena, name));
	return NULL;
}
