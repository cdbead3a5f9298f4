/*
 * Where a file is, relative to the base a report and a baseline share:
 * the --root directory, or the current one without it. Two runs that
 * spell the same file differently (`--root .` and `--root $PWD`, an entry
 * given from another directory) then name it the same way, so a baseline
 * written by one matches the other and SARIF alerts keep their identity.
 * Lexical only: nothing is read from the file system.
 */
#ifndef TL_BASE_PATH_H
#define TL_BASE_PATH_H

#include <stdbool.h>

#include "../arena.h"

struct tl_base {
	struct tl_arena *arena;
	const char *cwd;   /* absolute, normalized ("" is "/") */
	const char *base;  /* the root (or the current directory) the same way */
	const char *root;  /* --root as written, or NULL */
	bool outside_used; /* a path was outside the base (SARIF's FSROOT) */
};

/* A path as the base sees it: under it (INSIDE, relative) or not (absolute without its '/'). */
struct tl_based_path {
	bool inside;
	const char *rel;
};

/* ROOT is --root as the run used it, or NULL. */
void tl_base_init(struct tl_base *b, struct tl_arena *arena, const char *root);

/*
 * PATH as a file of the base. A DEPLOYED path is one a config names (a
 * certificate, standard input's files): with --root an absolute one was
 * read from under the root, so it is placed there, unless it already names
 * a place under the root (a path on this machine).
 */
struct tl_based_path tl_base_place(struct tl_base *b, const char *path, bool deployed);

/* The same as one string: the relative path, or the absolute one for a file outside. */
const char *tl_base_file(struct tl_base *b, const char *path, bool deployed);

#endif
