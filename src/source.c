/* The source map: line tables are built lazily, lookups are binary searches. */
#include "source.h"

#include <string.h>

void
tl_sources_init(struct tl_sources *sources, struct tl_arena *arena)
{
	memset(sources, 0, sizeof(*sources));
	sources->arena = arena;
}

struct tl_source *
tl_sources_add(struct tl_sources *sources, const char *path, const char *disk_path,
	       const char *text, size_t len)
{
	struct tl_source *src = tl_arena_alloc(sources->arena, sizeof(*src));

	src->id = (unsigned)sources->all.len;
	src->path = tl_arena_strdup(sources->arena, path);
	src->disk_path = disk_path ? tl_arena_strdup(sources->arena, disk_path) : NULL;
	src->text = text;
	src->len = len;
	src->arena = sources->arena;
	tl_ptrvec_push(sources->arena, &sources->all, src);
	return src;
}

/*
 * Printing has only const access to a source, but the line table is a cache
 * that does not change what the source is; the cast is confined here.
 */
static void
build_lines(const struct tl_source *csrc)
{
	struct tl_source *src = (struct tl_source *)csrc;
	size_t n = 1;
	size_t i;
	size_t k = 0;

	for (i = 0; i < src->len; i++)
		if (src->text[i] == '\n')
			n++;
	src->line_starts = tl_arena_calloc(src->arena, n, sizeof(size_t));
	src->line_starts[k++] = 0;
	for (i = 0; i < src->len; i++)
		if (src->text[i] == '\n')
			src->line_starts[k++] = i + 1;
	src->nlines = n;
}

void
tl_loc_linecol(const struct tl_loc *loc, unsigned *line, unsigned *col)
{
	const struct tl_source *src = loc->src;
	size_t lo = 0;
	size_t hi;

	if (src == NULL) {
		*line = 0;
		*col = 0;
		return;
	}
	if (src->line_starts == NULL)
		build_lines(src);
	/* The last line start <= off. */
	hi = src->nlines;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (src->line_starts[mid] <= loc->off)
			lo = mid;
		else
			hi = mid;
	}
	*line = (unsigned)lo + 1;
	*col = (unsigned)(loc->off - src->line_starts[lo]) + 1;
}

const char *
tl_source_line(const struct tl_source *src, unsigned line, size_t *len)
{
	size_t start;
	size_t end;

	if (src->line_starts == NULL)
		build_lines(src);
	if (line == 0 || line > src->nlines) {
		*len = 0;
		return "";
	}
	start = src->line_starts[line - 1];
	end = line < src->nlines ? src->line_starts[line] - 1 : src->len;
	if (end > start && src->text[end - 1] == '\r')
		end--;
	*len = end - start;
	return src->text + start;
}
