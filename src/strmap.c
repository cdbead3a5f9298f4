/* String-keyed hash map: linear probing, kept at most half full. */
#include "strmap.h"

#include <string.h>

static size_t
hash(const char *s)
{
	size_t h = (size_t)1469598103934665603ull;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * (size_t)1099511628211ull;
	return h;
}

void
tl_strmap_init(struct tl_strmap *map, struct tl_arena *arena)
{
	memset(map, 0, sizeof(*map));
	map->arena = arena;
}

static size_t
slot(const struct tl_strmap *map, const char *key)
{
	size_t k = hash(key) & (map->cap - 1);

	while (map->keys[k] != NULL && strcmp(map->keys[k], key) != 0)
		k = (k + 1) & (map->cap - 1);
	return k;
}

void *
tl_strmap_get(const struct tl_strmap *map, const char *key)
{
	size_t k;

	if (map->cap == 0)
		return NULL;
	k = slot(map, key);
	return map->keys[k] ? map->values[k] : NULL;
}

static void
grow(struct tl_strmap *map)
{
	struct tl_strmap bigger = *map;

	bigger.cap = map->cap ? map->cap * 2 : 64;
	bigger.len = 0;
	bigger.keys = tl_arena_calloc(map->arena, bigger.cap, sizeof(*bigger.keys));
	bigger.values = tl_arena_calloc(map->arena, bigger.cap, sizeof(*bigger.values));
	for (size_t i = 0; i < map->cap; i++) {
		if (map->keys[i] != NULL) {
			size_t k = slot(&bigger, map->keys[i]);

			bigger.keys[k] = map->keys[i];
			bigger.values[k] = map->values[i];
			bigger.len++;
		}
	}
	*map = bigger;
}

void
tl_strmap_put(struct tl_strmap *map, const char *key, void *value)
{
	size_t k;

	if ((map->len + 1) * 2 > map->cap)
		grow(map);
	k = slot(map, key);
	if (map->keys[k] == NULL) {
		map->keys[k] = tl_arena_strdup(map->arena, key);
		map->len++;
	}
	map->values[k] = value;
}
