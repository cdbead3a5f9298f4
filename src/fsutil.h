/*
 * Files and paths: bounded reads, and the mapping of paths named inside
 * configs onto the disk (relative to the config's prefix directory, and
 * under --root for absolute paths).
 */
#ifndef TL_FSUTIL_H
#define TL_FSUTIL_H

#include <stddef.h>

#include "arena.h"

/*
 * Reads the whole file into the arena, NUL-terminated. Returns 0, or a
 * negative errno (-EFBIG when larger than MAX bytes, -EISDIR for a directory).
 */
int tl_read_file(struct tl_arena *arena, const char *path, size_t max, char **text, size_t *len);

/*
 * Where a path written in a config is on this machine: an absolute PATH is
 * ROOT + PATH when ROOT is set; a relative one is BASE_DIR/PATH (BASE_DIR
 * itself already mapped). "." and "x/.." components are folded and a
 * leading "./" dropped, so the result reads well in messages.
 */
char *tl_path_map(struct tl_arena *arena, const char *root, const char *base_dir, const char *path);

/* The directory part of PATH ("." when there is none). */
char *tl_path_dirname(struct tl_arena *arena, const char *path);

/* Folds "." and "x/.." components and repeated slashes. */
char *tl_path_normalize(struct tl_arena *arena, const char *path);

#endif
