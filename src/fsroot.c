/*
 * Containment under --root: server paths resolved component by component
 * inside the root, the way the kernel resolves them inside a chroot. The
 * walk keeps the part already resolved free of symbolic links, so ".."
 * goes up from where a link really led (as the kernel does, not as a
 * lexical clean-up would), and a link's target is spliced in front of the
 * rest of the path: an absolute target starts again at the root.
 *
 * What was learnt about each resolved path (its type, or where a link
 * points) is cached for the run: 10,000 sites naming files in the same
 * directories cost one lstat() per distinct file.
 */
#include "fsroot.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <glob.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsutil.h"

/* Linux gives up after 40 links in one resolution (MAXSYMLINKS); so does tlslint. */
#define MAX_LINKS 40

/* What one symlink-free server path is: its type, or the target of the link it is. */
struct node {
	int err; /* errno of lstat(), or 0 */
	mode_t mode;
	const char *link; /* target, for a symbolic link */
};

struct resolved {
	int err;
	const char *host;
};

/* PATH made absolute against the working directory and folded lexically; NULL without one. */
static const char *
absolute(struct tl_arena *arena, const char *path)
{
	char cwd[PATH_MAX];

	if (path[0] == '/')
		return tl_path_normalize(arena, path);
	if (getcwd(cwd, sizeof(cwd)) == NULL)
		return NULL;
	return tl_path_normalize(arena, tl_arena_printf(arena, "%s/%s", cwd, path));
}

/* PATH's part below directory DIR ("/…"; both absolute and folded), or NULL. */
static const char *
below(const char *dir, const char *path)
{
	size_t n = strlen(dir);

	if (strcmp(dir, "/") == 0)
		return path;
	if (strncmp(path, dir, n) == 0 && path[n] == '/')
		return path + n;
	return NULL;
}

int
tl_fs_init(struct tl_fs *fs, struct tl_arena *arena, const char *root)
{
	struct stat st;
	char *real;
	size_t n;

	memset(fs, 0, sizeof(*fs));
	fs->arena = arena;
	tl_strmap_init(&fs->cache, arena);
	tl_strmap_init(&fs->nodes, arena);
	if (root == NULL)
		return 0;
	if (stat(root, &st) != 0)
		return -errno;
	if (!S_ISDIR(st.st_mode))
		return -ENOTDIR;
	real = realpath(root, NULL);
	if (real == NULL)
		return -errno;
	fs->root_real = tl_arena_strdup(arena, real);
	free(real);
	fs->root_abs = absolute(arena, root);
	/* "repo/" and "repo" are the same root; "/" stays "/". */
	n = strlen(root);
	while (n > 1 && root[n - 1] == '/')
		n--;
	fs->root = tl_arena_strndup(arena, root, n);
	return 0;
}

/* The host path of a symlink-free server path RPATH ("" is the root itself). */
static const char *
host_of(const struct tl_fs *fs, const char *rpath)
{
	if (strcmp(fs->root, "/") == 0)
		return rpath[0] ? rpath : "/";
	/* --root . (a repository's root): "etc/nginx/…", not "./etc/nginx/…". */
	if (strcmp(fs->root, ".") == 0)
		return rpath[0] ? rpath + 1 : ".";
	return rpath[0] ? tl_arena_printf(fs->arena, "%s%s", fs->root, rpath) : fs->root;
}

static const struct node *
lookup(struct tl_fs *fs, const char *rpath)
{
	struct node *node = tl_strmap_get(&fs->nodes, rpath);
	struct stat st;
	const char *host;

	if (node != NULL)
		return node;
	node = tl_arena_alloc(fs->arena, sizeof(*node));
	host = host_of(fs, rpath);
	if (lstat(host, &st) != 0) {
		node->err = errno;
	} else {
		node->mode = st.st_mode;
		if (S_ISLNK(st.st_mode)) {
			char target[PATH_MAX];
			ssize_t len = readlink(host, target, sizeof(target) - 1);

			if (len <= 0)
				node->err = len < 0 ? errno : ENOENT;
			else
				node->link = tl_arena_strndup(fs->arena, target, (size_t)len);
		}
	}
	tl_strmap_put(&fs->nodes, rpath, node);
	return node;
}

/* Pushes the components of PATH onto TODO, last first, so that they pop in order. */
static void
push_components(struct tl_arena *arena, struct tl_ptrvec *todo, const char *path)
{
	size_t n = strlen(path);

	while (n > 0) {
		size_t end = n;

		while (n > 0 && path[n - 1] != '/')
			n--;
		if (end > n)
			tl_ptrvec_push(arena, todo, tl_arena_strndup(arena, path + n, end - n));
		while (n > 0 && path[n - 1] == '/')
			n--;
	}
}

static const char *
join_done(struct tl_arena *arena, const struct tl_ptrvec *done)
{
	size_t len = 0;
	char *s;
	char *p;

	for (size_t i = 0; i < done->len; i++)
		len += 1 + strlen(done->items[i]);
	s = tl_arena_alloc(arena, len + 1);
	p = s;
	for (size_t i = 0; i < done->len; i++) {
		size_t l = strlen(done->items[i]);

		*p++ = '/';
		memcpy(p, done->items[i], l);
		p += l;
	}
	*p = '\0';
	return s;
}

/*
 * Resolves PATH inside the root. *host is always set: on an error, to the
 * part resolved so far followed by the rest as written, which is where a
 * user would look for the file.
 */
static int
walk(struct tl_fs *fs, const char *path, const char **host)
{
	struct tl_ptrvec done = {0};
	struct tl_ptrvec todo = {0};
	unsigned links = 0;
	int err = 0;

	push_components(fs->arena, &todo, path);
	while (todo.len > 0 && err == 0) {
		const char *c = todo.items[--todo.len];
		const struct node *node;

		if (strcmp(c, ".") == 0)
			continue;
		if (strcmp(c, "..") == 0) {
			/* The root is its own parent, as "/" is. */
			if (done.len > 0)
				done.len--;
			continue;
		}
		tl_ptrvec_push(fs->arena, &done, (void *)c);
		node = lookup(fs, join_done(fs->arena, &done));
		if (node->err != 0) {
			/* A missing last component is for the caller's open() to report. */
			if (node->err != ENOENT || todo.len > 0)
				err = -node->err;
			continue;
		}
		if (S_ISLNK(node->mode)) {
			if (++links > MAX_LINKS) {
				err = -ELOOP;
				continue;
			}
			done.len--;
			if (node->link[0] == '/')
				done.len = 0;
			push_components(fs->arena, &todo, node->link);
			continue;
		}
		if (todo.len > 0 && !S_ISDIR(node->mode))
			err = -ENOTDIR;
	}
	/* The rest as written, its ".." still kept inside the root. */
	while (todo.len > 0) {
		const char *c = todo.items[--todo.len];

		if (strcmp(c, "..") == 0 && done.len > 0)
			done.len--;
		else if (strcmp(c, "..") != 0 && strcmp(c, ".") != 0)
			tl_ptrvec_push(fs->arena, &done, (void *)c);
	}
	*host = host_of(fs, join_done(fs->arena, &done));
	return err;
}

int
tl_fs_resolve(struct tl_fs *fs, const char *path, const char **host)
{
	struct resolved *r;

	*host = path;
	if (fs->root == NULL) {
		*host = tl_path_normalize(fs->arena, path);
		return 0;
	}
	/* The kernel refuses longer names too; it also bounds the walk's work. */
	if (strlen(path) >= PATH_MAX)
		return -ENAMETOOLONG;
	r = tl_strmap_get(&fs->cache, path);
	if (r == NULL) {
		r = tl_arena_alloc(fs->arena, sizeof(*r));
		/* Relative server paths (none should reach here) are taken from the root. */
		r->err = walk(fs, path, &r->host);
		tl_strmap_put(&fs->cache, path, r);
	}
	*host = r->host;
	return r->err;
}

int
tl_fs_read(struct tl_fs *fs, const char *path, size_t max, char **text, size_t *len,
	   const char **host, struct stat *st)
{
	const char *h = NULL;
	int rc = tl_fs_resolve(fs, path, &h);

	if (host != NULL)
		*host = h != NULL ? h : path;
	if (rc != 0)
		return rc;
	/*
	 * The resolved path holds no link, so O_NOFOLLOW only matters if
	 * the tree changed since it was resolved: then refuse, never follow.
	 */
	return tl_read_file_ex(fs->arena, h, max, fs->root != NULL ? O_NOFOLLOW : 0, text, len, st);
}

int
tl_fs_stat(struct tl_fs *fs, const char *path, struct stat *st)
{
	const char *h = NULL;
	int rc = tl_fs_resolve(fs, path, &h);

	if (rc != 0)
		return rc;
	return stat(h, st) == 0 ? 0 : -errno;
}

long
tl_fs_list_dir(struct tl_fs *fs, const char *path, size_t max, struct tl_ptrvec *names)
{
	const char *h = NULL;
	struct dirent *e;
	long found = 0;
	DIR *d;
	int rc = tl_fs_resolve(fs, path, &h);

	if (rc != 0)
		return rc;
	d = opendir(h);
	if (d == NULL)
		return -errno;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if ((size_t)found++ < max)
			tl_ptrvec_push(fs->arena, names, tl_arena_strdup(fs->arena, e->d_name));
	}
	closedir(d);
	return found;
}

static bool
has_magic(const char *s)
{
	return strpbrk(s, "*?[") != NULL;
}

/* A component without magic, its backslash escapes removed as glob(3) does. */
static const char *
unescape(struct tl_arena *arena, const char *s)
{
	char *out = tl_arena_strdup(arena, s);
	char *d = out;

	for (const char *p = s; *p; p++) {
		if (*p == '\\' && p[1] != '\0')
			p++;
		*d++ = *p;
	}
	*d = '\0';
	return out;
}

static int
compare_paths(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Matches one magic component COMP in every directory of FROM; appends to TO. */
static long
match_in_dirs(struct tl_fs *fs, const struct tl_ptrvec *from, const char *comp, size_t cap,
	      struct tl_ptrvec *to)
{
	long found = 0;

	for (size_t i = 0; i < from->len; i++) {
		const char *dir = from->items[i];
		const char *host;
		struct dirent *e;
		DIR *d;

		if (tl_fs_resolve(fs, dir[0] ? dir : "/", &host) != 0)
			continue;
		d = opendir(host);
		if (d == NULL)
			continue;
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			if (fnmatch(comp, e->d_name, FNM_PERIOD) != 0)
				continue;
			found++;
			if (to->len < cap)
				tl_ptrvec_push(fs->arena, to,
					       tl_arena_printf(fs->arena, "%s/%s", dir, e->d_name));
		}
		closedir(d);
	}
	return found;
}

static long
glob_in_root(struct tl_fs *fs, const char *pattern, size_t max, struct tl_ptrvec *matches)
{
	struct tl_ptrvec comps = {0};
	struct tl_ptrvec cur = {0};
	size_t first = matches->len;
	long found = 0;
	/* Intermediate directories are capped too: a hostile tree may hold millions. */
	size_t cap = max + 1;

	push_components(fs->arena, &comps, pattern);
	tl_ptrvec_push(fs->arena, &cur, (void *)"");
	while (comps.len > 0) {
		const char *c = comps.items[--comps.len];
		struct tl_ptrvec next = {0};

		if (!has_magic(c)) {
			const char *lit = unescape(fs->arena, c);

			for (size_t i = 0; i < cur.len; i++)
				tl_ptrvec_push(fs->arena, &next,
					       tl_arena_printf(fs->arena, "%s/%s",
							       (const char *)cur.items[i], lit));
		} else {
			found = match_in_dirs(fs, &cur, c, cap, &next);
		}
		cur = next;
		if (cur.len == 0)
			return 0;
	}
	/* glob(3) returns only what exists. */
	found = 0;
	for (size_t i = 0; i < cur.len; i++) {
		const char *host;
		struct stat st;

		if (tl_fs_resolve(fs, cur.items[i], &host) != 0 || lstat(host, &st) != 0)
			continue;
		found++;
		if (matches->len - first < max)
			tl_ptrvec_push(fs->arena, matches, cur.items[i]);
	}
	if (cur.len >= cap)
		found = (long)cap;
	qsort(matches->items + first, matches->len - first, sizeof(void *), compare_paths);
	return found;
}

long
tl_fs_glob(struct tl_fs *fs, const char *pattern, size_t max, struct tl_ptrvec *matches)
{
	glob_t g;
	long found = 0;

	if (fs->root != NULL)
		return glob_in_root(fs, pattern, max, matches);
	memset(&g, 0, sizeof(g));
	if (glob(pattern, 0, NULL, &g) == 0) {
		found = (long)g.gl_pathc;
		for (size_t i = 0; i < g.gl_pathc && i < max; i++)
			tl_ptrvec_push(fs->arena, matches,
				       tl_arena_strdup(fs->arena, g.gl_pathv[i]));
	}
	globfree(&g);
	return found;
}

const char *
tl_fs_entry_path(struct tl_fs *fs, const char *host_path)
{
	const char *dir;
	const char *base;
	const char *abs;
	char *real;
	size_t rl;
	const char *out = NULL;

	if (fs->root == NULL)
		return tl_path_normalize(fs->arena, host_path);
	/*
	 * realpath() would follow a link the repository put on the way
	 * (etc/nginx -> /etc/nginx) out of the root: the entry's place is
	 * first taken from its name, and links are then followed by
	 * tl_fs_resolve, inside the root, as for any path a config names.
	 */
	abs = absolute(fs->arena, host_path);
	if (abs != NULL && ((fs->root_abs != NULL && (out = below(fs->root_abs, abs)) != NULL) ||
			    (out = below(fs->root_real, abs)) != NULL))
		return out;
	/* Named through another way to the root (a link above it): where its directory is. */
	dir = tl_path_dirname(fs->arena, host_path);
	base = strrchr(host_path, '/');
	base = base ? base + 1 : host_path;
	real = realpath(dir, NULL);
	if (real == NULL)
		return NULL;
	rl = strlen(fs->root_real);
	if (strcmp(fs->root_real, "/") == 0)
		out = tl_arena_printf(fs->arena, "%s/%s", real, base);
	else if (strncmp(real, fs->root_real, rl) == 0 && (real[rl] == '\0' || real[rl] == '/'))
		out = tl_arena_printf(fs->arena, "%s/%s", real + rl, base);
	free(real);
	return out ? tl_path_normalize(fs->arena, out) : NULL;
}

int
tl_fs_entry_resolve(struct tl_fs *fs, const char *host_path, const char **host)
{
	const char *server;

	*host = host_path;
	if (fs->root == NULL || (server = tl_fs_entry_path(fs, host_path)) == NULL)
		return 0;
	return tl_fs_resolve(fs, server, host);
}

int
tl_fs_read_entry(struct tl_fs *fs, const char *host_path, size_t max, char **text, size_t *len,
		 const char **host, struct stat *st)
{
	const char *server = fs->root != NULL ? tl_fs_entry_path(fs, host_path) : NULL;

	if (server != NULL)
		return tl_fs_read(fs, server, max, text, len, host, st);
	if (host != NULL)
		*host = host_path;
	return tl_read_file_ex(fs->arena, host_path, max, 0, text, len, st);
}
