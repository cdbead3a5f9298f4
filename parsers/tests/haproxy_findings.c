/*
 * haproxy_findings VERSION CONFIG: the findings of tlslint's HAProxy parser
 * on CONFIG for the targeted VERSION ("2.6.12"), one per line as
 * "LINE: MESSAGE", for testdata/realserver/haproxy-parse.sh to compare
 * with what `haproxy -c` says about the same file. The process
 * environment is the one HAProxy would see.
 * haproxy_findings crt-list FILE: the same for a crt-list file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../haproxy.h"
#include "../haproxy_crtlist.h"

/* Enough for any crt-list of the tests. */
#define CRTLIST_MAX (1u << 20)

static void
print_findings(const struct tl_diag *diag)
{
	for (size_t i = 0; i < diag->findings.len; i++) {
		const struct tl_finding *f = diag->findings.items[i];
		unsigned line, col;

		tl_loc_linecol(&f->loc, &line, &col);
		printf("%u: %s\n", line, f->message);
	}
}

int
main(int argc, char **argv)
{
	struct tl_arena *arena = tl_arena_new();
	struct tl_sources sources;
	struct tl_diag diag;
	struct tl_fs fs;
	struct tl_parse_env penv;
	struct tl_tree tree;
	struct tl_haproxy_options opts;
	unsigned major = 0, minor = 0, patch = 0;

	if (argc == 3 && strcmp(argv[1], "crt-list") == 0) {
		struct tl_source *src;
		struct tl_crtlist list;
		char *text;
		size_t len;
		FILE *f = fopen(argv[2], "rb");

		if (f == NULL)
			return 2;
		text = tl_arena_alloc(arena, CRTLIST_MAX + 1);
		len = fread(text, 1, CRTLIST_MAX, f);
		fclose(f);
		text[len] = '\0';
		tl_sources_init(&sources, arena);
		tl_diag_init(&diag, arena);
		src = tl_sources_add(&sources, argv[2], argv[2], text, len);
		(void)tl_haproxy_crtlist_parse(arena, &diag, src, &list);
		print_findings(&diag);
		tl_arena_free(arena);
		return 0;
	}
	if (argc != 3 || sscanf(argv[1], "%u.%u.%u", &major, &minor, &patch) < 2) {
		fprintf(stderr, "usage: haproxy_findings VERSION CONFIG\n");
		return 2;
	}
	memset(&opts, 0, sizeof(opts));
	opts.version = (struct tl_version){major, minor, patch};
	tl_sources_init(&sources, arena);
	tl_diag_init(&diag, arena);
	tl_fs_init(&fs, arena, NULL);
	memset(&penv, 0, sizeof(penv));
	penv.arena = arena;
	penv.sources = &sources;
	penv.diag = &diag;
	penv.fs = &fs;
	penv.limits = tl_default_parse_limits;
	if (tl_haproxy_parse_file(&penv, &opts, argv[2], &tree) != 0) {
		fprintf(stderr, "haproxy_findings: cannot read %s\n", argv[2]);
		return 2;
	}
	print_findings(&diag);
	tl_arena_free(arena);
	return 0;
}
