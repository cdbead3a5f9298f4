/*
 * Files and paths. Reads are bounded (a config is never trusted to be
 * small) and refuse anything that is not a regular file, so a FIFO or a
 * device named by an include cannot hang or flood a run. Path joining is
 * purely lexical: it must work for nginx -T dumps whose files do not exist
 * on this machine.
 */
#include "fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *
tl_file_error(int err)
{
	if (err == TL_EFIFO)
		return "a FIFO, not a regular file (tlslint does not read it)";
	if (err == TL_ESPECIAL)
		return "a device or a socket, not a regular file (tlslint does not read it)";
	if (err == EFBIG)
		return "larger than tlslint reads for such a file, so it was not read";
	return strerror(err);
}

static int
not_regular(const struct stat *st)
{
	return S_ISFIFO(st->st_mode) ? -TL_EFIFO : -TL_ESPECIAL;
}

int
tl_read_file(struct tl_arena *arena, const char *path, size_t max, char **text, size_t *len)
{
	return tl_read_file_ex(arena, path, max, 0, text, len, NULL);
}

int
tl_read_file_ex(struct tl_arena *arena, const char *path, size_t max, int oflags, char **text,
		size_t *len, struct stat *status)
{
	struct stat st;
	size_t size;
	size_t got = 0;
	char *buf;
	int fd;
	int err;

	/*
	 * Not even opened when it is not a regular file (opening a tape
	 * device rewinds it); fstat below catches a file swapped in between,
	 * and O_NONBLOCK keeps a FIFO swapped in from blocking the open.
	 */
	if (fstatat(AT_FDCWD, path, &st, (oflags & O_NOFOLLOW) ? AT_SYMLINK_NOFOLLOW : 0) == 0 &&
	    !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode) && !S_ISLNK(st.st_mode))
		return not_regular(&st);
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK | oflags);
	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) < 0) {
		err = -errno;
		close(fd);
		return err;
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		return -EISDIR;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return not_regular(&st);
	}
	if ((uintmax_t)st.st_size > (uintmax_t)max) {
		close(fd);
		return -EFBIG;
	}
	size = (size_t)st.st_size;
	buf = tl_arena_alloc(arena, size + 1);
	/* A file that shrinks while being read is taken as it was read. */
	while (got < size) {
		ssize_t n = read(fd, buf + got, size - got);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			err = -errno;
			close(fd);
			return err;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	buf[got] = '\0';
	*text = buf;
	*len = got;
	if (status != NULL)
		*status = st;
	return 0;
}

char *
tl_path_normalize(struct tl_arena *arena, const char *path)
{
	size_t n = strlen(path);
	bool abs = path[0] == '/';
	/* Each kept component is (start, length) into PATH; on the stack for usual paths. */
	size_t small[2 * 64];
	size_t *comp =
		n / 2 + 2 <= 64 ? small : tl_arena_calloc(arena, n / 2 + 2, 2 * sizeof(size_t));
	size_t ncomp = 0;
	size_t i = 0;
	char *out;
	char *d;

	while (i < n) {
		size_t s;
		size_t l;

		while (i < n && path[i] == '/')
			i++;
		s = i;
		while (i < n && path[i] != '/')
			i++;
		l = i - s;
		if (l == 0 || (l == 1 && path[s] == '.'))
			continue;
		if (l == 2 && path[s] == '.' && path[s + 1] == '.') {
			if (ncomp > 0 && !(comp[2 * (ncomp - 1) + 1] == 2 &&
					   path[comp[2 * (ncomp - 1)]] == '.' &&
					   path[comp[2 * (ncomp - 1)] + 1] == '.')) {
				ncomp--;
				continue;
			}
			/* The parent of "/" is "/"; a relative path keeps its "..". */
			if (abs)
				continue;
		}
		comp[2 * ncomp] = s;
		comp[2 * ncomp + 1] = l;
		ncomp++;
	}
	out = tl_arena_alloc(arena, n + 2);
	d = out;
	if (abs)
		*d++ = '/';
	for (i = 0; i < ncomp; i++) {
		if (i > 0)
			*d++ = '/';
		memcpy(d, path + comp[2 * i], comp[2 * i + 1]);
		d += comp[2 * i + 1];
	}
	if (d == out)
		*d++ = '.';
	*d = '\0';
	return out;
}

char *
tl_path_join(struct tl_arena *arena, const char *base, const char *path)
{
	if (path[0] == '/' || base == NULL || base[0] == '\0')
		return tl_path_normalize(arena, path);
	return tl_path_normalize(arena, tl_arena_printf(arena, "%s/%s", base, path));
}

char *
tl_path_dirname(struct tl_arena *arena, const char *path)
{
	size_t n = strlen(path);

	while (n > 1 && path[n - 1] == '/')
		n--;
	while (n > 0 && path[n - 1] != '/')
		n--;
	if (n == 0)
		return tl_arena_strdup(arena, ".");
	while (n > 1 && path[n - 1] == '/')
		n--;
	return tl_arena_strndup(arena, path, n);
}
