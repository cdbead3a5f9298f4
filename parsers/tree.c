/* Small helpers over the generic directive tree. */
#include "tree.h"

#include <string.h>

const struct tl_directive *
tl_directive_child(const struct tl_directive *d, const char *name)
{
	for (size_t i = 0; i < d->nchildren; i++)
		if (strcmp(d->children[i]->name, name) == 0)
			return d->children[i];
	return NULL;
}
