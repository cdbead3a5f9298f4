/*
 * libFuzzer target for the HAProxy reader: arbitrary bytes as a config read
 * from standard input (words, quotes, escapes, "${VAR}", sections and
 * .if conditions), with an empty environment, then as a crt-list file.
 * Built only with -Dfuzz=true (clang).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../../src/fsroot.h"
#include "../haproxy.h"
#include "../haproxy_crtlist.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tl_arena *arena = tl_arena_new();
	struct tl_sources sources;
	struct tl_diag diag;
	struct tl_parse_env env = {0};
	struct tl_fs fs;
	struct tl_tree tree;
	struct tl_haproxy_options opts = {NULL, 0, true, {3, 4, 0}};

	tl_sources_init(&sources, arena);
	tl_diag_init(&diag, arena);
	tl_fs_init(&fs, arena, "/nonexistent-tlslint-fuzz-root");
	env.arena = arena;
	env.sources = &sources;
	env.diag = &diag;
	env.fs = &fs;
	env.limits = tl_default_parse_limits;
	env.limits.max_nesting = 32;
	env.limits.max_files = 64;
	(void)tl_haproxy_parse_text(&env, &opts, "fuzz.cfg", (const char *)data, size, &tree);
	/* The same bytes as a crt-list file. */
	{
		char *text = tl_arena_alloc(arena, size + 1);
		struct tl_source *src;
		struct tl_crtlist list;

		memcpy(text, data, size);
		text[size] = '\0';
		src = tl_sources_add(&sources, "fuzz.list", NULL, text, size);
		(void)tl_haproxy_crtlist_parse(arena, &diag, src, &list);
	}
	for (size_t i = 0; i < diag.findings.len; i++) {
		const struct tl_finding *f = diag.findings.items[i];
		unsigned line, col;

		/* Every location must lie inside its source. */
		if (f->loc.src != NULL && (size_t)f->loc.off + f->loc.len > f->loc.src->len)
			__builtin_trap();
		tl_loc_linecol(&f->loc, &line, &col);
	}
	tl_arena_free(arena);
	return 0;
}
