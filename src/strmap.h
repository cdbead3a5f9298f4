/* A hash map from strings to pointers, in the arena (open addressing, FNV-1a). */
#ifndef TL_STRMAP_H
#define TL_STRMAP_H

#include <stddef.h>

#include "arena.h"

struct tl_strmap {
	struct tl_arena *arena;
	const char **keys;
	void **values;
	size_t cap;
	size_t len;
};

void tl_strmap_init(struct tl_strmap *map, struct tl_arena *arena);
/* The value stored under KEY, or NULL. */
void *tl_strmap_get(const struct tl_strmap *map, const char *key);
/* Stores VALUE under KEY (copied), replacing any value there. */
void tl_strmap_put(struct tl_strmap *map, const char *key, void *value);

#endif
