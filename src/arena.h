/*
 * One memory arena per run: the directive trees, the model and the findings
 * all live here and die together, so no code path has to free them one by one.
 * Objects owned by other libraries (OpenSSL, PCRE2) are registered as cleanup
 * hooks and released when the arena is freed.
 */
#ifndef TL_ARENA_H
#define TL_ARENA_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

struct tl_arena;

struct tl_arena *tl_arena_new(void);
/* Runs the cleanup hooks (last registered first), then releases all memory. Accepts NULL. */
void tl_arena_free(struct tl_arena *arena);

/* Zero-filled, aligned for any type. Never returns NULL: out of memory aborts. */
void *tl_arena_alloc(struct tl_arena *arena, size_t size);
void *tl_arena_calloc(struct tl_arena *arena, size_t count, size_t size);
char *tl_arena_strndup(struct tl_arena *arena, const char *s, size_t len);
char *tl_arena_strdup(struct tl_arena *arena, const char *s);
char *tl_arena_printf(struct tl_arena *arena, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *tl_arena_vprintf(struct tl_arena *arena, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

/* Calls fn(ptr) when the arena is freed. */
void tl_arena_defer(struct tl_arena *arena, void (*fn)(void *), void *ptr);

/*
 * A growable array of pointers in the arena. Growth doubles, so the space
 * left behind by old copies is at most the final size.
 */
struct tl_ptrvec {
	void **items;
	size_t len;
	size_t cap;
};

void tl_ptrvec_push(struct tl_arena *arena, struct tl_ptrvec *vec, void *item);

/* True when VEC, a vector of strings, holds one equal to S. */
bool tl_strvec_contains(const struct tl_ptrvec *vec, const char *s);

/*
 * A malloc outside the arena failed: exit 2 with a message (never a
 * partial report that could pass for a whole one).
 */
__attribute__((noreturn)) void tl_out_of_memory(void);

#endif
