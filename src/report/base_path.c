#include "base_path.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*
 * PATH (absolute when DIR is NULL, else relative to DIR) as an absolute
 * path with "." and ".." resolved and no trailing slash; "" is "/". This
 * is lexical: paths under --root start with the root as the user wrote it.
 */
static const char *
normalized(struct tl_arena *arena, const char *dir, const char *path)
{
	const char *full =
		path[0] == '/' || dir == NULL ? path : tl_arena_printf(arena, "%s/%s", dir, path);
	char *out = tl_arena_alloc(arena, strlen(full) + 2);
	size_t n = 0;

	for (const char *p = full; *p != '\0';) {
		const char *seg;
		size_t len;

		while (*p == '/')
			p++;
		seg = p;
		while (*p != '\0' && *p != '/')
			p++;
		len = (size_t)(p - seg);
		if (len == 0 || (len == 1 && seg[0] == '.'))
			continue;
		if (len == 2 && seg[0] == '.' && seg[1] == '.') {
			while (n > 0 && out[n - 1] != '/')
				n--;
			if (n > 0)
				n--;
			continue;
		}
		out[n++] = '/';
		memcpy(out + n, seg, len);
		n += len;
	}
	out[n] = '\0';
	return out;
}

/* The part of absolute ABS under BASE, or NULL if ABS is not inside it. */
static const char *
under(const char *abs, const char *base)
{
	size_t n = strlen(base);

	if (strncmp(abs, base, n) != 0 || abs[n] != '/')
		return NULL;
	return abs + n + 1;
}

void
tl_base_init(struct tl_base *b, struct tl_arena *arena, const char *root)
{
	char *cwd = getcwd(NULL, 0);

	memset(b, 0, sizeof(*b));
	b->arena = arena;
	/* Without a current directory every relative path is taken to be under "/". */
	b->cwd = normalized(arena, NULL, cwd != NULL ? cwd : "/");
	free(cwd);
	b->root = root;
	b->base = root != NULL ? normalized(arena, b->cwd, root) : b->cwd;
}

struct tl_based_path
tl_base_place(struct tl_base *b, const char *path, bool deployed)
{
	const char *abs = normalized(b->arena, b->cwd, path);
	const char *rel;

	if (deployed && b->root != NULL && path[0] == '/' && under(abs, b->base) == NULL)
		abs = normalized(b->arena, NULL, tl_arena_printf(b->arena, "%s%s", b->base, abs));
	rel = under(abs, b->base);
	if (rel != NULL)
		return (struct tl_based_path){true, rel};
	b->outside_used = true;
	return (struct tl_based_path){false, abs + 1};
}

const char *
tl_base_file(struct tl_base *b, const char *path, bool deployed)
{
	struct tl_based_path p = tl_base_place(b, path, deployed);

	return p.inside ? p.rel : tl_arena_printf(b->arena, "/%s", p.rel);
}
