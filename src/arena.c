/*
 * The run arena. Normally a chain of large blocks carved by a bump pointer;
 * built with -Dsingle_alloc=true every allocation is its own malloc so that
 * ASan and valgrind see each object's bounds.
 */
#include "arena.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/*
 * Blocks are 2 MiB and 2 MiB aligned so the kernel can back each with one
 * transparent huge page: a 10,000-site config needs tens of megabytes, and
 * faulting them in 4 KiB pages cost more than parsing them.
 */
#define BLOCK_SIZE (2 * 1024 * 1024)
#define ALIGN 16

struct block {
	struct block *next;
	size_t used;
	size_t size;
	_Alignas(ALIGN) unsigned char data[];
};

struct cleanup {
	struct cleanup *next;
	void (*fn)(void *);
	void *ptr;
};

struct tl_arena {
	struct block *blocks;
	struct cleanup *cleanups;
};

/*
 * Out of memory: exit 2 with a message, as for any run that could not
 * finish, never a report; _exit so that no buffered part of one is
 * flushed on the way out.
 */
__attribute__((noreturn)) static void
out_of_memory(const char *what)
{
	fprintf(stderr, "tlslint: %s: the run was stopped and nothing was reported\n", what);
	_exit(2);
}

void
tl_out_of_memory(void)
{
	out_of_memory("out of memory");
}

static void *
xmalloc(size_t size)
{
	void *p = malloc(size);

	if (p == NULL)
		out_of_memory("out of memory");
	return p;
}

struct tl_arena *
tl_arena_new(void)
{
	struct tl_arena *arena = xmalloc(sizeof(*arena));

	arena->blocks = NULL;
	arena->cleanups = NULL;
	return arena;
}

void
tl_arena_free(struct tl_arena *arena)
{
	if (arena == NULL)
		return;
	while (arena->cleanups != NULL) {
		struct cleanup *c = arena->cleanups;

		arena->cleanups = c->next;
		c->fn(c->ptr);
	}
	while (arena->blocks != NULL) {
		struct block *b = arena->blocks;

		arena->blocks = b->next;
		free(b);
	}
	free(arena);
}

/* A block for SIZE bytes of objects; STANDARD blocks are the 2 MiB huge-page-backed ones. */
static struct block *
block_new(struct tl_arena *arena, size_t size, bool standard)
{
	struct block *b;

	if (standard) {
		void *p = NULL;

		if (posix_memalign(&p, BLOCK_SIZE, BLOCK_SIZE) != 0)
			out_of_memory("out of memory");
		/* Only a hint; without transparent huge pages nothing changes. */
		madvise(p, BLOCK_SIZE, MADV_HUGEPAGE);
		b = p;
		size = BLOCK_SIZE - sizeof(*b);
	} else {
		b = xmalloc(sizeof(*b) + size);
	}
	b->used = 0;
	b->size = size;
	b->next = arena->blocks;
	arena->blocks = b;
	return b;
}

void *
tl_arena_alloc(struct tl_arena *arena, size_t size)
{
	size_t rounded = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	struct block *b = arena->blocks;
	void *p;

	if (rounded < size)
		out_of_memory("allocation too large");
#ifdef TL_SINGLE_ALLOC
	/* A block of exactly this size, so ASan catches a read one past the end. */
	(void)b;
	b = block_new(arena, size ? size : 1, false);
	memset(b->data, 0, size);
	b->used = b->size;
	return b->data;
#else
	if (b == NULL || b->size - b->used < rounded) {
		if (rounded > BLOCK_SIZE / 4) {
			/* Big objects get their own block behind the current one. */
			struct block *big = block_new(arena, rounded, false);

			if (b != NULL) {
				arena->blocks = b;
				big->next = b->next;
				b->next = big;
			}
			memset(big->data, 0, size);
			big->used = rounded;
			return big->data;
		}
		b = block_new(arena, 0, true);
	}
#endif
	p = b->data + b->used;
	b->used += rounded;
	memset(p, 0, size);
	return p;
}

void *
tl_arena_calloc(struct tl_arena *arena, size_t count, size_t size)
{
	if (size != 0 && count > SIZE_MAX / size)
		out_of_memory("allocation too large");
	return tl_arena_alloc(arena, count * size);
}

char *
tl_arena_strndup(struct tl_arena *arena, const char *s, size_t len)
{
	char *p = tl_arena_alloc(arena, len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
tl_arena_strdup(struct tl_arena *arena, const char *s)
{
	return tl_arena_strndup(arena, s, strlen(s));
}

char *
tl_arena_vprintf(struct tl_arena *arena, const char *fmt, va_list ap)
{
	va_list copy;
	int n;
	char *p;

	char probe[1];

	/* A one-byte buffer rather than NULL: some compilers warn about the NULL form. */
	va_copy(copy, ap);
	n = vsnprintf(probe, sizeof(probe), fmt, copy);
	va_end(copy);
	if (n < 0)
		return tl_arena_strdup(arena, "");
	p = tl_arena_alloc(arena, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
tl_arena_printf(struct tl_arena *arena, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = tl_arena_vprintf(arena, fmt, ap);
	va_end(ap);
	return p;
}

void
tl_arena_defer(struct tl_arena *arena, void (*fn)(void *), void *ptr)
{
	struct cleanup *c = tl_arena_alloc(arena, sizeof(*c));

	c->fn = fn;
	c->ptr = ptr;
	c->next = arena->cleanups;
	arena->cleanups = c;
}

void
tl_ptrvec_push(struct tl_arena *arena, struct tl_ptrvec *vec, void *item)
{
	if (vec->len == vec->cap) {
		size_t cap = vec->cap ? vec->cap * 2 : 8;
		void **items = tl_arena_calloc(arena, cap, sizeof(*items));

		if (vec->len)
			memcpy(items, vec->items, vec->len * sizeof(*items));
		vec->items = items;
		vec->cap = cap;
	}
	vec->items[vec->len++] = item;
}

bool
tl_strvec_contains(const struct tl_ptrvec *vec, const char *s)
{
	for (size_t i = 0; i < vec->len; i++)
		if (strcmp(vec->items[i], s) == 0)
			return true;
	return false;
}
