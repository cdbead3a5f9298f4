/* String-keyed hash map: linear probing, kept at most half full. */
#include "strmap.h"

#include <stdint.h>
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

void
tl_ptrmap_init(struct tl_ptrmap *map, struct tl_arena *arena)
{
	memset(map, 0, sizeof(*map));
	map->arena = arena;
}

/*
 * The slot comes from the low bits, so every input bit must reach them:
 * pointers are 16-byte aligned and small integers (offsets) differ only
 * in their low bits. MurmurHash3's 64-bit finalizer mixes both.
 */
static size_t
hash_ptrs(const void *a, const void *b)
{
	uint64_t h = (uint64_t)(uintptr_t)a ^ ((uint64_t)(uintptr_t)b * 0x9e3779b97f4a7c15ull);

	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 33;
	return (size_t)h;
}

static size_t
ptr_slot(const struct tl_ptrmap *map, const void *a, const void *b)
{
	size_t k = hash_ptrs(a, b) & (map->cap - 1);

	while (map->values[k] != NULL && (map->keys[2 * k] != a || map->keys[2 * k + 1] != b))
		k = (k + 1) & (map->cap - 1);
	return k;
}

void *
tl_ptrmap_get(const struct tl_ptrmap *map, const void *a, const void *b)
{
	if (map->cap == 0)
		return NULL;
	return map->values[ptr_slot(map, a, b)];
}

void
tl_ptrmap_put(struct tl_ptrmap *map, const void *a, const void *b, void *value)
{
	size_t k;

	if ((map->len + 1) * 2 > map->cap) {
		struct tl_ptrmap bigger = *map;

		bigger.cap = map->cap ? map->cap * 2 : 64;
		bigger.len = 0;
		bigger.keys = tl_arena_calloc(map->arena, 2 * bigger.cap, sizeof(*bigger.keys));
		bigger.values = tl_arena_calloc(map->arena, bigger.cap, sizeof(*bigger.values));
		for (size_t i = 0; i < map->cap; i++)
			if (map->values[i] != NULL)
				tl_ptrmap_put(&bigger, map->keys[2 * i], map->keys[2 * i + 1],
					      map->values[i]);
		*map = bigger;
	}
	k = ptr_slot(map, a, b);
	if (map->values[k] == NULL)
		map->len++;
	map->keys[2 * k] = a;
	map->keys[2 * k + 1] = b;
	map->values[k] = value;
}
