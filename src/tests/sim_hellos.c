/*
 * sim_hellos NAME OUTDIR [ID...]: writes the ClientHello each client
 * profile (or each ID given) sends for the server name NAME to
 * OUTDIR/<id>.bin, for testdata/realserver/replay_hello.py, which replays
 * them to real servers. NAME "-": no name (no server_name extension).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "../sim/hello_build.h"
#include "../sim/profile.h"

static int
write_hello(struct tl_arena *arena, const struct tl_client_profile *p, const char *name,
	    const char *dir)
{
	char path[4096];
	size_t len;
	const unsigned char *h = tl_profile_hello(arena, p, name, &len);
	FILE *f;

	if (h == NULL) {
		fprintf(stderr, "sim_hellos: %s: the hello cannot be built\n", p->id);
		return 1;
	}
	if (snprintf(path, sizeof(path), "%s/%s.bin", dir, p->id) >= (int)sizeof(path)) {
		fprintf(stderr, "sim_hellos: %s: path too long\n", dir);
		return 1;
	}
	f = fopen(path, "wb");
	if (f == NULL || fwrite(h, 1, len, f) != len) {
		fprintf(stderr, "sim_hellos: %s: %s\n", path, strerror(errno));
		if (f != NULL)
			fclose(f);
		return 1;
	}
	if (fclose(f) != 0) {
		fprintf(stderr, "sim_hellos: %s: %s\n", path, strerror(errno));
		return 1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct tl_arena *arena;
	const char *name;
	int failed = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: sim_hellos NAME|- OUTDIR [ID...]\n");
		return 2;
	}
	name = strcmp(argv[1], "-") == 0 ? NULL : argv[1];
	arena = tl_arena_new();
	if (argc == 3) {
		size_t n;
		const struct tl_client_profile *const *all = tl_client_profiles(&n);

		for (size_t i = 0; i < n; i++)
			failed |= write_hello(arena, all[i], name, argv[2]);
	}
	for (int i = 3; i < argc; i++) {
		const struct tl_client_profile *p = tl_client_profile_find(argv[i]);

		if (p == NULL) {
			fprintf(stderr, "sim_hellos: no client profile '%s'\n", argv[i]);
			failed = 1;
			continue;
		}
		failed |= write_hello(arena, p, name, argv[2]);
	}
	tl_arena_free(arena);
	return failed;
}
