/* Small helpers over the generic directive tree. */
#include "tree.h"

#include <string.h>

#include "../src/arena.h"

void
tl_kids_push(struct tl_arena *arena, struct tl_kid_stack *k, struct tl_directive *d)
{
	if (k->n == k->cap) {
		size_t cap = k->cap ? 2 * k->cap : 256;
		struct tl_directive **n = tl_arena_calloc(arena, cap, sizeof(*n));

		if (k->n)
			memcpy(n, k->items, k->n * sizeof(*n));
		k->items = n;
		k->cap = cap;
	}
	k->items[k->n++] = d;
}

void
tl_kids_collect(struct tl_arena *arena, struct tl_kid_stack *k, struct tl_directive *d, size_t base)
{
	d->nchildren = k->n - base;
	if (d->nchildren) {
		d->children = tl_arena_calloc(arena, d->nchildren, sizeof(*d->children));
		memcpy(d->children, k->items + base, d->nchildren * sizeof(*d->children));
	}
	k->n = base;
}

const struct tl_directive *
tl_directive_child(const struct tl_directive *d, const char *name)
{
	for (size_t i = 0; i < d->nchildren; i++)
		if (strcmp(d->children[i]->name, name) == 0)
			return d->children[i];
	return NULL;
}
