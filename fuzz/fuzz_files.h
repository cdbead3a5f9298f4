/*
 * Where a fuzz target's input becomes a file: a directory of this process
 * under /tmp, made at the first input and removed at exit, holding a few
 * certificates and keys of the test PKI so that fuzzed configs can name
 * real ones (as /www.crt under --root). Nothing outside it is read.
 */
#ifndef TL_FUZZ_FILES_H
#define TL_FUZZ_FILES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef TL_FUZZ_PKI
#error "TL_FUZZ_PKI names testdata/pki (fuzz/meson.build)"
#endif

static char fuzz_dir_path[] = "/tmp/tlslint-fuzz-XXXXXX";
static int fuzz_dir_ready;

/* The PKI files copied in: the names fuzzed configs and the seeds use. */
static const char *const fuzz_pki_files[] = {
	"root.crt",          "intermediate.crt", "www.crt",     "www.key",
	"www.fullchain.crt", "ecdsa.crt",        "ecdsa.key",   "selfsigned.crt",
	"selfsigned.key",    "dhparam2048.pem",  "expired.crt", "expired.key",
	"www.encrypted.key", "password.txt",     NULL,
};

static void
fuzz_remove_dir(void)
{
	char path[4096];

	for (size_t i = 0; fuzz_pki_files[i] != NULL; i++) {
		snprintf(path, sizeof(path), "%s/%s", fuzz_dir_path, fuzz_pki_files[i]);
		unlink(path);
	}
	snprintf(path, sizeof(path), "%s/input", fuzz_dir_path);
	unlink(path);
	rmdir(fuzz_dir_path);
}

/* Writes DATA to PATH whole, or aborts: a target that cannot set up must not pass. */
static void
fuzz_write_file(const char *path, const void *data, size_t size)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || (size > 0 && fwrite(data, 1, size, f) != size) || fclose(f) != 0) {
		perror(path);
		abort();
	}
}

static void
fuzz_copy_file(const char *from, const char *to)
{
	static char buf[1 << 20];
	FILE *f = fopen(from, "rb");
	size_t n;

	if (f == NULL) {
		perror(from);
		abort();
	}
	n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	fuzz_write_file(to, buf, n);
}

/* The directory, made on first use. */
static const char *
fuzz_dir(void)
{
	char from[4096], to[4096];

	if (fuzz_dir_ready)
		return fuzz_dir_path;
	if (mkdtemp(fuzz_dir_path) == NULL) {
		perror("mkdtemp");
		abort();
	}
	for (size_t i = 0; fuzz_pki_files[i] != NULL; i++) {
		snprintf(from, sizeof(from), "%s/%s", TL_FUZZ_PKI, fuzz_pki_files[i]);
		snprintf(to, sizeof(to), "%s/%s", fuzz_dir_path, fuzz_pki_files[i]);
		fuzz_copy_file(from, to);
	}
	fuzz_dir_ready = 1;
	atexit(fuzz_remove_dir);
	return fuzz_dir_path;
}

/* DATA as the file "input" of the directory; its path. */
static const char *
fuzz_input_file(const void *data, size_t size)
{
	static char path[4096];

	snprintf(path, sizeof(path), "%s/input", fuzz_dir());
	fuzz_write_file(path, data, size);
	return path;
}

#endif
