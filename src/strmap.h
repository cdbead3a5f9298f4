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

/*
 * A hash map keyed by a pair of pointers, for per-object caches on hot
 * paths (a check asking for the analysis of the same model object once
 * per site) where formatting a string key would cost more than the work.
 */
struct tl_ptrmap {
	struct tl_arena *arena;
	const void **keys; /* two per slot */
	void **values;
	size_t cap;
	size_t len;
};

void tl_ptrmap_init(struct tl_ptrmap *map, struct tl_arena *arena);
void *tl_ptrmap_get(const struct tl_ptrmap *map, const void *a, const void *b);
void tl_ptrmap_put(struct tl_ptrmap *map, const void *a, const void *b, void *value);
#endif
