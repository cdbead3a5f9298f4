/* Looking up the built-in profiles. */
#include "policy.h"

#include <stddef.h>
#include <string.h>

const struct tl_policy *
tl_policy_builtin(const char *name)
{
	for (size_t i = 0; tl_builtin_policies[i] != NULL; i++)
		if (strcmp(tl_builtin_policies[i]->name, name) == 0)
			return tl_builtin_policies[i];
	return NULL;
}
