/*
 * Files and paths: bounded reads, and the lexical handling of path names
 * (joining, folding "." and "..", directory parts).
 */
#ifndef TL_FSUTIL_H
#define TL_FSUTIL_H

#include <stddef.h>

#include <sys/stat.h>

#include "arena.h"

/*
 * What the reads return, negated, for a path that is not a regular file
 * (they never open one, so a FIFO cannot block a run and a device cannot
 * be read forever or rewound): above every errno, so that tl_file_error
 * names them where strerror could not.
 */
enum {
	TL_EFIFO = 4096, /* a FIFO (named pipe) */
	TL_ESPECIAL,     /* a character or block device, or a socket */
};

/*
 * strerror(ERR), and the words for TL_EFIFO and TL_ESPECIAL; EFBIG says
 * that tlslint's size limit kept the file unread.
 */
const char *tl_file_error(int err);

/*
 * Reads the whole file into the arena, NUL-terminated. Returns 0, or a
 * negative errno (-EFBIG when larger than MAX bytes, -EISDIR for a
 * directory, -TL_EFIFO or -TL_ESPECIAL for another file that is not
 * regular).
 */
int tl_read_file(struct tl_arena *arena, const char *path, size_t max, char **text, size_t *len);

/* The same with extra open(2) flags (O_NOFOLLOW), and the file's status when read. */
int tl_read_file_ex(struct tl_arena *arena, const char *path, size_t max, int oflags, char **text,
		    size_t *len, struct stat *status);

/*
 * PATH as a program resolves it against the directory BASE: PATH itself
 * if absolute (or BASE is NULL or empty), else BASE/PATH; "." and "x/.."
 * components folded and a leading "./" dropped, so it reads well in
 * messages. Purely lexical: no file is looked at (see fsroot.h for that).
 */
char *tl_path_join(struct tl_arena *arena, const char *base, const char *path);

/* The directory part of PATH ("." when there is none). */
char *tl_path_dirname(struct tl_arena *arena, const char *path);

/* Folds "." and "x/.." components and repeated slashes. */
char *tl_path_normalize(struct tl_arena *arena, const char *path);

#endif
