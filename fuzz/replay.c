/*
 * Runs a fuzz target's entry point over files, without libFuzzer: how
 * make check replays the seed corpora and every committed reproducer
 * (fuzz/reproducers/TARGET/) under the normal and the ASan+UBSan builds.
 * Usage: fuzz_replay_TARGET [--suffix .conf]... FILE_OR_DIR...
 * Directories are walked; with --suffix only files ending so are taken
 * from them (files named directly always are). Fails when nothing was
 * replayed: a replay of no input would assert nothing.
 */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *suffixes[8];
static size_t nsuffixes;
static size_t replayed;

static bool
wanted(const char *name)
{
	size_t n = strlen(name);

	if (nsuffixes == 0)
		return true;
	for (size_t i = 0; i < nsuffixes; i++) {
		size_t k = strlen(suffixes[i]);

		if (n >= k && strcmp(name + n - k, suffixes[i]) == 0)
			return true;
	}
	return false;
}

static void
replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf;
	long n;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0) {
		perror(path);
		exit(2);
	}
	buf = malloc((size_t)n + 1);
	if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		perror(path);
		exit(2);
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, (size_t)n);
	free(buf);
	replayed++;
}

static int
by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static void
replay(const char *path, bool named)
{
	struct stat st;
	struct dirent **names;
	int n;

	if (stat(path, &st) != 0) {
		/* The hostile-input cases hold symbolic links in a loop on purpose. */
		if (!named && errno == ELOOP)
			return;
		perror(path);
		exit(2);
	}
	if (!S_ISDIR(st.st_mode)) {
		if (named || wanted(path))
			replay_file(path);
		return;
	}
	n = scandir(path, &names, NULL, by_name);
	if (n < 0) {
		perror(path);
		exit(2);
	}
	for (int i = 0; i < n; i++) {
		if (names[i]->d_name[0] != '.') {
			size_t len = strlen(path) + strlen(names[i]->d_name) + 2;
			char *child = malloc(len);

			if (child == NULL)
				exit(2);
			snprintf(child, len, "%s/%s", path, names[i]->d_name);
			replay(child, false);
			free(child);
		}
		free(names[i]);
	}
	free(names);
}

int
main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--suffix") == 0 && i + 1 < argc) {
			if (nsuffixes < sizeof(suffixes) / sizeof(suffixes[0]))
				suffixes[nsuffixes++] = argv[++i];
			continue;
		}
		replay(argv[i], true);
	}
	printf("%zu inputs replayed\n", replayed);
	return replayed > 0 ? 0 : 1;
}
