/*
 * The source map. Every config file tlslint reads becomes a tl_source that
 * keeps its text for the whole run; every token, directive and finding refers
 * to it by byte offset. Lines and columns are computed only when printing.
 */
#ifndef TL_SOURCE_H
#define TL_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

struct tl_source {
	unsigned id;           /* index in the registry, in order of reading */
	const char *path;      /* name shown to the user */
	const char *disk_path; /* what was opened; NULL for standard input */
	const char *text;      /* NUL-terminated; may contain NULs inside */
	size_t len;
	/* Offsets of line starts, built on first use, in ARENA. */
	struct tl_arena *arena;
	size_t *line_starts;
	size_t nlines;
};

/* A span of a source. src == NULL means "no location" (e.g. a run-level problem). */
struct tl_loc {
	const struct tl_source *src;
	uint32_t off;
	uint32_t len;
};

struct tl_sources {
	struct tl_arena *arena;
	struct tl_ptrvec all; /* struct tl_source * */
};

void tl_sources_init(struct tl_sources *sources, struct tl_arena *arena);
/* Registers text the caller has already read; the text must live as long as the arena. */
struct tl_source *tl_sources_add(struct tl_sources *sources, const char *path,
				 const char *disk_path, const char *text, size_t len);

/* 1-based line and column (columns count bytes). */
void tl_loc_linecol(const struct tl_loc *loc, unsigned *line, unsigned *col);
/* The text of line LINE (1-based) without its newline. */
const char *tl_source_line(const struct tl_source *src, unsigned line, size_t *len);

static inline struct tl_loc
tl_loc_make(const struct tl_source *src, size_t off, size_t len)
{
	struct tl_loc loc = {src, (uint32_t)off, (uint32_t)len};

	return loc;
}

#endif
