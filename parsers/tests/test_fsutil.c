/* Unit tests of the file and path utilities. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../src/fsutil.h"
#include "../../src/tests/unit.h"

static struct tl_arena *arena;

static void
test_normalize(void)
{
	CHECK_STR(tl_path_normalize(arena, "a/./b//c/"), "a/b/c");
	CHECK_STR(tl_path_normalize(arena, "./a"), "a");
	CHECK_STR(tl_path_normalize(arena, "a/../b"), "b");
	CHECK_STR(tl_path_normalize(arena, "a/.."), ".");
	CHECK_STR(tl_path_normalize(arena, "../a/../../b"), "../../b");
	CHECK_STR(tl_path_normalize(arena, "/../a/./b/.."), "/a");
	CHECK_STR(tl_path_normalize(arena, "/"), "/");
	CHECK_STR(tl_path_normalize(arena, "//x"), "/x");
	CHECK_STR(tl_path_normalize(arena, ""), ".");
	CHECK_STR(tl_path_normalize(arena, "."), ".");
	CHECK_STR(tl_path_normalize(arena, "a/b/../../.."), "..");
}

static void
test_join(void)
{
	CHECK_STR(tl_path_join(arena, "/etc/nginx", "conf.d/x.conf"), "/etc/nginx/conf.d/x.conf");
	CHECK_STR(tl_path_join(arena, ".", "conf.d/x.conf"), "conf.d/x.conf");
	CHECK_STR(tl_path_join(arena, NULL, "./x.conf"), "x.conf");
	CHECK_STR(tl_path_join(arena, "/etc/nginx", "/etc/ssl/a.pem"), "/etc/ssl/a.pem");
	CHECK_STR(tl_path_join(arena, "", "/etc/ssl/a.pem"), "/etc/ssl/a.pem");
	/* A server path never rises above "/". */
	CHECK_STR(tl_path_join(arena, "/etc/nginx", "../../../../etc/passwd"), "/etc/passwd");
	CHECK_STR(tl_path_join(arena, "repo", "../x"), "x");
}

static void
test_dirname(void)
{
	CHECK_STR(tl_path_dirname(arena, "/etc/nginx/nginx.conf"), "/etc/nginx");
	CHECK_STR(tl_path_dirname(arena, "nginx.conf"), ".");
	CHECK_STR(tl_path_dirname(arena, "/nginx.conf"), "/");
	CHECK_STR(tl_path_dirname(arena, "/"), "/");
	CHECK_STR(tl_path_dirname(arena, "a//b"), "a");
	CHECK_STR(tl_path_dirname(arena, "a/b/"), "a");
	CHECK_STR(tl_path_dirname(arena, ""), ".");
}

static void
test_read(void)
{
	char dir[] = "/tmp/tlslint-fsutil-XXXXXX";
	char *path;
	char *text = NULL;
	size_t len = 0;
	FILE *f;

	if (mkdtemp(dir) == NULL) {
		CHECK(!"mkdtemp");
		return;
	}
	path = tl_arena_printf(arena, "%s/f.conf", dir);
	f = fopen(path, "w");
	CHECK(f != NULL);
	if (f == NULL)
		return;
	fputs("a 1;\n", f);
	fputc('\0', f);
	fputs("b", f);
	fclose(f);
	CHECK_INT(tl_read_file(arena, path, 100, &text, &len), 0);
	CHECK_INT(len, 7);
	CHECK(text && memcmp(text, "a 1;\n\0b", 8) == 0);
	CHECK_INT(tl_read_file(arena, path, 7, &text, &len), 0);
	CHECK_INT(tl_read_file(arena, path, 6, &text, &len), -EFBIG);
	CHECK_INT(tl_read_file(arena, dir, 100, &text, &len), -EISDIR);
	CHECK_INT(tl_read_file(arena, tl_arena_printf(arena, "%s/none", dir), 100, &text, &len),
		  -ENOENT);
	/* A FIFO or a device is refused at once, never opened, and named by tl_file_error. */
	{
		char *fifo = tl_arena_printf(arena, "%s/fifo", dir);

		CHECK_INT(mkfifo(fifo, 0600), 0);
		CHECK_INT(tl_read_file(arena, fifo, 100, &text, &len), -TL_EFIFO);
		CHECK(strstr(tl_file_error(TL_EFIFO), "FIFO") != NULL);
		unlink(fifo);
		CHECK_INT(tl_read_file(arena, "/dev/zero", 100, &text, &len), -TL_ESPECIAL);
		CHECK(strstr(tl_file_error(TL_ESPECIAL), "device") != NULL);
		CHECK(strcmp(tl_file_error(ENOENT), strerror(ENOENT)) == 0);
	}
	/* An empty file is an empty, NUL-terminated text. */
	f = fopen(path, "w");
	if (f)
		fclose(f);
	CHECK_INT(tl_read_file(arena, path, 100, &text, &len), 0);
	CHECK_INT(len, 0);
	CHECK(text && text[0] == '\0');
	unlink(path);
	rmdir(dir);
}

int
main(void)
{
	arena = tl_arena_new();
	test_normalize();
	test_join();
	test_dirname();
	test_read();
	tl_arena_free(arena);
	return tl_unit_result();
}
