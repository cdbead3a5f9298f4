/*
 * The generic directive tree every server's parser produces: names,
 * arguments and children with their source locations, and nothing else.
 * Meaning is given to it by the lowering tables (parsers/SERVER_lower.c).
 */
#ifndef TL_TREE_H
#define TL_TREE_H

/* Checks see only the model: the build compiles checks/ with this set (checks/meson.build). */
#ifdef TL_CHECKS_BUILD
#error "a parser header reached from checks/: checks must see only the model"
#endif

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../src/source.h"

/*
 * Counts and offsets are 32-bit: one file is at most 16 MiB and one parse
 * 128 MiB (tl_parse_limits), and a 20,000-server config holds 300,000
 * directives, whose size is most of the tree's memory.
 */
struct tl_arg {
	const char *text;  /* after the server's unescaping, NUL-terminated */
	struct tl_loc loc; /* the token as written, quotes included */
	uint32_t len;
	bool quoted; /* written in '…' or "…" */
};

struct tl_directive {
	const char *name;
	struct tl_loc loc; /* the name token */
	struct tl_arg *args;
	/*
	 * Children in order. An include is replaced by the directives of the
	 * files it names, so children may come from several sources.
	 */
	struct tl_directive **children;
	/* Offset just past the directive's ";" or closing "}" in loc's source. */
	uint32_t end;
	uint32_t nargs;
	uint32_t nchildren;
	bool block; /* had a { … } (possibly empty) */
	struct tl_directive *parent;
	/*
	 * Set on the directives that came from an include: the include
	 * directive, so lowering can tell where a file was pulled in.
	 */
	const struct tl_directive *included_by;
};

/* The whole parse of one entry file (with its includes). */
struct tl_tree {
	struct tl_directive root; /* name "", children = top-level directives */
	size_t nfiles;            /* config files read, the entry included */
	/*
	 * The directory that relative paths inside the config are resolved
	 * against (nginx: the directory of the main config file), in the
	 * server's namespace: struct tl_fs maps it onto this machine.
	 */
	const char *prefix;
	/* True when read from `nginx -T` style text rather than from files. */
	bool from_dump;
	/* Wildcard includes read, how many matched a file, and the first that did not. */
	size_t globs, globs_matched;
	const char *first_empty_glob; /* as the server would look for it */
	struct tl_loc first_empty_glob_loc;
};

/*
 * Children being read: a parser pushes each directive it finishes and,
 * when a block closes, moves those pushed since the block opened into it.
 */
struct tl_kid_stack {
	struct tl_directive **items;
	size_t n, cap;
};

void tl_kids_push(struct tl_arena *arena, struct tl_kid_stack *k, struct tl_directive *d);
/* Moves the children pushed since BASE (K->n then) into D. */
void tl_kids_collect(struct tl_arena *arena, struct tl_kid_stack *k, struct tl_directive *d,
		     size_t base);

/* First child named NAME, or NULL. */
const struct tl_directive *tl_directive_child(const struct tl_directive *d, const char *name);

#endif
