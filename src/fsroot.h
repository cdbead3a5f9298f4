/*
 * The filesystem as the deployed server sees it. Every file that tlslint
 * opens because a config names it (includes, certificates, keys, DH
 * parameters, password files) goes through struct tl_fs, and nothing else
 * in tlslint turns a config's path into an open().
 *
 * Paths here are in the server's namespace: what the server would open,
 * relative paths already joined to its prefix (tl_path_join). Without --root that
 * namespace is this machine's and a path is used as it is. With --root it
 * is the tree under the root, resolved the way a chroot would resolve it:
 * every symbolic link is followed inside the root (an absolute target
 * starts again at the root, ".." never rises above it), so no path a
 * config names, however it is written or linked, is read from outside.
 * docs/design.md "Containment under --root" says why.
 */
#ifndef TL_FSROOT_H
#define TL_FSROOT_H

#include <stddef.h>
#include <sys/stat.h>

#include "arena.h"
#include "strmap.h"

struct tl_fs {
	struct tl_arena *arena;
	const char *root;      /* --root as the user wrote it (host paths start with it), or NULL */
	const char *root_real; /* realpath of the root, to place entry files under it */
	const char *root_abs;  /* the root made absolute, folded lexically, or NULL */
	struct tl_strmap cache; /* server path → its resolution */
	struct tl_strmap nodes; /* symlink-free server path → what lstat() found there */
};

/*
 * ROOT may be NULL. Returns 0, or a negative errno when ROOT does not exist
 * or is not a directory (a CI gate must not pass because it looked nowhere).
 */
int tl_fs_init(struct tl_fs *fs, struct tl_arena *arena, const char *root);

/*
 * Where the server path PATH is on this machine. Sets *host and returns 0
 * (the file itself may not exist: opening it then says so), or returns a
 * negative errno: -ELOOP for too many links, -ENOENT or -ENOTDIR when a
 * directory on the way is missing or is not a directory. On an error
 * *host is still set, to where a user would look for the file (never a
 * path outside the root).
 */
int tl_fs_resolve(struct tl_fs *fs, const char *path, const char **host);

/*
 * Reads the file at server path PATH (at most MAX bytes, regular files
 * only; see tl_read_file). *host (if not NULL) is set to where it was
 * looked for, *st (if not NULL) to its status when it was read.
 */
int tl_fs_read(struct tl_fs *fs, const char *path, size_t max, char **text, size_t *len,
	       const char **host, struct stat *st);

/* The status of the file at server path PATH (links followed, inside the root): 0 or -errno. */
int tl_fs_stat(struct tl_fs *fs, const char *path, struct stat *st);

/*
 * The names in the directory at server path PATH ("." and ".." left out),
 * in the order the directory gives them, appended to *NAMES (const char *).
 * At most MAX are returned; the return value is how many there are (more
 * than MAX: the caller reports the limit), or a negative errno.
 */
long tl_fs_list_dir(struct tl_fs *fs, const char *path, size_t max, struct tl_ptrvec *names);

/*
 * The server paths matching the glob PATTERN, sorted as glob(3) sorts
 * them, appended to *MATCHES (const char *). At most MAX are returned;
 * the return value is how many matched (more than MAX: the caller reports
 * the limit), or a negative errno.
 */
long tl_fs_glob(struct tl_fs *fs, const char *pattern, size_t max, struct tl_ptrvec *matches);

/*
 * The server path of an entry file named on the command line (an ordinary
 * path on this machine): without a root the path itself, normalized; with
 * one, "/" followed by its place under the root, or NULL when it is not
 * under the root. The place is found lexically first, so that no link on
 * the way is followed out of the root (that is for tl_fs_resolve, inside
 * it); only a path that names the root another way is placed by realpath.
 */
const char *tl_fs_entry_path(struct tl_fs *fs, const char *host_path);

/*
 * Where the entry file HOST_PATH is to be opened on this machine. An entry
 * under the root is a file of the repository like any other: a link there
 * (etc/haproxy/haproxy.cfg -> /proc/self/environ) is followed inside the
 * root, so *host is its resolution (tl_fs_resolve's return value). An
 * entry outside the root, or any without one, is the user's own path:
 * *host is HOST_PATH, and 0 is returned.
 */
int tl_fs_entry_resolve(struct tl_fs *fs, const char *host_path, const char **host);

/*
 * Reads the entry file HOST_PATH from where tl_fs_entry_resolve places it,
 * as tl_fs_read reads (O_NOFOLLOW for a resolution inside the root).
 */
int tl_fs_read_entry(struct tl_fs *fs, const char *host_path, size_t max, char **text, size_t *len,
		     const char **host, struct stat *st);

#endif
